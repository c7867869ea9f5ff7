//! `citeline render FILE.json [--assets DIR] --out DIR | --fragment`: the timeline's first view as
//! plain HTML (see `citeline_render`), either as a whole static site (the release build's files
//! with `index.html` holding the view and the data) or as the bare fragment on standard output.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use citeline_model::import::load_any;
use citeline_model::timeline::{Severity, Timeline};
use citeline_render::{render_page, render_view, STYLESHEET};

use crate::args::{parse_options, read_text, usage, Problems};

/// Where the output goes.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A folder: the release build's files, with `index.html` rendered.
    Site { assets: PathBuf, out: PathBuf },
    /// The fragment, on standard output.
    Fragment,
}

/// What `render` was asked to do.
#[derive(Debug, PartialEq, Eq)]
struct Request {
    file: String,
    target: Target,
}

/// The release build's folder when `--assets` is not given.
const DEFAULT_ASSETS: &str = "dist";

fn parse(args: &[String]) -> Result<Request, String> {
    let options =
        parse_options(args, &["--assets", "--out", "--fragment"], "render needs a timeline file (citeline render FILE.json --out DIR)")?;
    let [file] = &options.files[..] else { return Err("render takes one timeline file".to_owned()) };
    let assets = options.assets;
    let target = match (options.out, options.fragment) {
        (Some(_), true) => return Err("--out and --fragment are alternatives: give one".to_owned()),
        (None, false) => return Err("render needs --out DIR (a static site) or --fragment (HTML on standard output)".to_owned()),
        (None, true) if assets.is_some() => return Err("--assets goes with --out, not --fragment".to_owned()),
        (None, true) => Target::Fragment,
        (Some(out), false) => {
            Target::Site { assets: PathBuf::from(assets.unwrap_or_else(|| DEFAULT_ASSETS.to_owned())), out: PathBuf::from(out) }
        }
    };
    Ok(Request { file: file.clone(), target })
}

/// Runs `render`; exit code 1 if the file cannot be read or loaded, has errors (what loaded is
/// still rendered), or the site cannot be written; 2 for bad arguments.
pub(crate) fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let request = match parse(args) {
        Ok(request) => request,
        Err(problem) => return Ok(usage(err, &problem)),
    };
    let mut problems = Problems::new(err);
    let path = &request.file;
    let Some(text) = problems.or_report(read_text(path))? else { return Ok(problems.exit_code()) };
    let Some((timeline, diagnostics)) = problems.or_report(load_any(&text).map_err(|e| format!("{path}: {e}")))? else {
        return Ok(problems.exit_code());
    };
    for d in &diagnostics {
        problems.report(format_args!("{path}: {d}"), d.severity == Severity::Error)?;
    }
    match &request.target {
        Target::Fragment => out.write_all(render_view(&timeline).as_bytes())?,
        Target::Site { assets, out: site } => {
            if let Some(written) = problems.or_report(write_site(&timeline, assets, site))? {
                writeln!(out, "{}: {} events → {} ({written} files)", path, timeline.events.len(), site.join("index.html").display())?;
            }
        }
    }
    Ok(problems.exit_code())
}

/// Copies the release build in `assets` into `site` and writes `site/index.html` with the view;
/// the number of files written.
fn write_site(timeline: &Timeline, assets: &Path, site: &Path) -> Result<usize, String> {
    let template_path = assets.join("index.html");
    let template = std::fs::read_to_string(&template_path).map_err(|_| {
        format!(
            "{}: not a release build of the page (no readable index.html there); run `trunk build --release --offline` first, or name the build with --assets DIR",
            assets.display()
        )
    })?;
    let page = render_page(timeline, &template).map_err(|e| format!("{}: {e}", template_path.display()))?;
    if let (Ok(assets_real), Some(site_real)) = (assets.canonicalize(), resolved(site)) {
        if site_real.starts_with(assets_real) {
            return Err(format!("{}: the output folder must not be the release build or inside it ({})", site.display(), assets.display()));
        }
    }
    std::fs::create_dir_all(site).map_err(|e| format!("{}: cannot create the folder: {e}", site.display()))?;
    let copied = copy_folder(assets, site)?;
    for (name, content) in [("index.html", &page.index_html), (STYLESHEET, &page.stylesheet)] {
        std::fs::write(site.join(name), content).map_err(|e| format!("{}: cannot write: {e}", site.join(name).display()))?;
    }
    Ok(copied + 1)
}

/// `path` made absolute through its nearest existing ancestor (it may not exist yet).
fn resolved(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let existing = absolute.ancestors().find(|a| a.exists())?;
    let rest = absolute.strip_prefix(existing).ok()?;
    Some(existing.canonicalize().ok()?.join(rest))
}

/// Copies every file under `from` into `to`, keeping sub-folders; the number of files.
fn copy_folder(from: &Path, to: &Path) -> Result<usize, String> {
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: cannot read the folder: {e}", from.display()))?;
    let mut copied = 0;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: cannot read the folder: {e}", from.display()))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            std::fs::create_dir_all(&target).map_err(|e| format!("{}: cannot create the folder: {e}", target.display()))?;
            copied += copy_folder(&source, &target)?;
        } else {
            std::fs::copy(&source, &target).map_err(|e| format!("{}: cannot copy to {}: {e}", source.display(), target.display()))?;
            copied += 1;
        }
    }
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn arguments() {
        let site = |assets: &str, out: &str| Target::Site { assets: assets.into(), out: out.into() };
        assert_eq!(parse(&strings(&["a.json", "--out", "site"])), Ok(Request { file: "a.json".into(), target: site("dist", "site") }));
        assert_eq!(
            parse(&strings(&["--assets=build", "a.json", "--out=s"])),
            Ok(Request { file: "a.json".into(), target: site("build", "s") })
        );
        assert_eq!(parse(&strings(&["--fragment", "-"])), Ok(Request { file: "-".into(), target: Target::Fragment }));
        for bad in [
            &[][..],
            &["a.json"],
            &["a.json", "b.json", "--fragment"],
            &["a.json", "--out"],
            &["a.json", "--out", "s", "--fragment"],
            &["a.json", "--fragment", "--assets", "d"],
            &["a.json", "--fragment=1"],
            &["a.json", "--zip"],
        ] {
            assert!(parse(&strings(bad)).is_err(), "{bad:?}");
        }
    }
}
