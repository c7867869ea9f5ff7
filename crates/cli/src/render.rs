//! `citeline render FILE.json [--assets DIR] --out DIR | --in-place DIR | --fragment`: the
//! timeline's first view as plain HTML (see `citeline_render`), either as a whole static site (the
//! release build's files with `index.html` holding the view and the data), written into a release
//! build itself (how the build gives the seed page its view: `--seed` stands for the file), or as
//! the bare fragment on standard output.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use citeline_model::import::load_any;
use citeline_model::timeline::{Severity, Timeline};
use citeline_render::{render_page, render_view, Page, STYLESHEET};

use crate::args::{parse_options, read_text, usage, Problems};

/// Where the output goes.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A folder: the release build's files, with `index.html` rendered.
    Site { assets: PathBuf, out: PathBuf },
    /// The release build itself: its `index.html` rendered in place.
    InPlace(PathBuf),
    /// The fragment, on standard output.
    Fragment,
}

/// Which timeline.
#[derive(Debug, PartialEq, Eq)]
enum Source {
    /// A timeline file (ours or TimelineJS3's), `-` for standard input.
    File(String),
    /// The built-in seed (`--seed`).
    Seed,
}

/// What `render` was asked to do.
#[derive(Debug, PartialEq, Eq)]
struct Request {
    source: Source,
    target: Target,
}

/// The release build's folder when `--assets` is not given.
const DEFAULT_ASSETS: &str = "dist";

fn parse(args: &[String]) -> Result<Request, String> {
    let options = parse_options(
        args,
        &["--assets", "--out", "--in-place", "--fragment", "--seed"],
        "render needs a timeline file (citeline render FILE.json --out DIR)",
    )?;
    let source = match (&options.files[..], options.seed) {
        ([file], false) => Source::File(file.clone()),
        ([], true) => Source::Seed,
        (_, true) => return Err("--seed stands for the timeline file: give one or the other".to_owned()),
        _ => return Err("render takes one timeline file".to_owned()),
    };
    let assets = options.assets;
    let target = match (options.out, options.in_place, options.fragment) {
        (None, None, false) => {
            return Err("render needs --out DIR (a static site), --in-place DIR (a release build) or --fragment (HTML on standard output)"
                .to_owned())
        }
        (Some(out), None, false) => {
            Target::Site { assets: PathBuf::from(assets.unwrap_or_else(|| DEFAULT_ASSETS.to_owned())), out: PathBuf::from(out) }
        }
        (None, Some(_), false) | (None, None, true) if assets.is_some() => return Err("--assets goes with --out only".to_owned()),
        (None, Some(build), false) => Target::InPlace(PathBuf::from(build)),
        (None, None, true) => Target::Fragment,
        _ => return Err("--out, --in-place and --fragment are alternatives: give one".to_owned()),
    };
    Ok(Request { source, target })
}

/// Runs `render`; exit code 1 if the file cannot be read or loaded, has errors (what loaded is
/// still rendered), or the site cannot be written; 2 for bad arguments.
pub(crate) fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let request = match parse(args) {
        Ok(request) => request,
        Err(problem) => return Ok(usage(err, &problem)),
    };
    let mut problems = Problems::new(err);
    let (path, loaded) = match &request.source {
        Source::Seed => ("the seed", citeline_model::seed::seed_timeline().map_err(|e| format!("the seed: {e}"))),
        Source::File(path) => {
            let Some(text) = problems.or_report(read_text(path))? else { return Ok(problems.exit_code()) };
            (path.as_str(), load_any(&text).map_err(|e| format!("{path}: {e}")))
        }
    };
    let Some((timeline, diagnostics)) = problems.or_report(loaded)? else {
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
        Target::InPlace(build) => {
            if problems.or_report(write_in_place(&timeline, build))?.is_some() {
                writeln!(out, "{}: {} events → {}", path, timeline.events.len(), build.join("index.html").display())?;
            }
        }
    }
    Ok(problems.exit_code())
}

/// Writes the view into the release build `build` itself: its `index.html` and the stylesheet.
fn write_in_place(timeline: &Timeline, build: &Path) -> Result<(), String> {
    let (template_path, template) = release_page(build)?;
    let page = render_page(timeline, &template).map_err(|e| format!("{}: {e}", template_path.display()))?;
    write_page(&page, build)
}

/// The release build's `index.html` in `assets`: its path and text.
fn release_page(assets: &Path) -> Result<(PathBuf, String), String> {
    let template_path = assets.join("index.html");
    let template = std::fs::read_to_string(&template_path).map_err(|_| {
        format!(
            "{}: not a release build of the page (no readable index.html there); run `trunk build --release --offline` first, or name the build with --assets DIR",
            assets.display()
        )
    })?;
    Ok((template_path, template))
}

/// Writes `page`'s two files into `folder`.
fn write_page(page: &Page, folder: &Path) -> Result<(), String> {
    for (name, content) in [("index.html", &page.index_html), (STYLESHEET, &page.stylesheet)] {
        std::fs::write(folder.join(name), content).map_err(|e| format!("{}: cannot write: {e}", folder.join(name).display()))?;
    }
    Ok(())
}

/// Copies the release build in `assets` into `site` and writes `site/index.html` with the view;
/// the number of files written.
fn write_site(timeline: &Timeline, assets: &Path, site: &Path) -> Result<usize, String> {
    let (template_path, template) = release_page(assets)?;
    let page = render_page(timeline, &template).map_err(|e| format!("{}: {e}", template_path.display()))?;
    if let (Ok(assets_real), Some(site_real)) = (assets.canonicalize(), resolved(site)) {
        if site_real.starts_with(assets_real) {
            return Err(format!("{}: the output folder must not be the release build or inside it ({})", site.display(), assets.display()));
        }
    }
    std::fs::create_dir_all(site).map_err(|e| format!("{}: cannot create the folder: {e}", site.display()))?;
    let copied = copy_folder(assets, site)?;
    write_page(&page, site)?;
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
        let file = |name: &str| Source::File(name.into());
        assert_eq!(parse(&strings(&["a.json", "--out", "site"])), Ok(Request { source: file("a.json"), target: site("dist", "site") }));
        assert_eq!(
            parse(&strings(&["--assets=build", "a.json", "--out=s"])),
            Ok(Request { source: file("a.json"), target: site("build", "s") })
        );
        assert_eq!(parse(&strings(&["--fragment", "-"])), Ok(Request { source: file("-"), target: Target::Fragment }));
        assert_eq!(
            parse(&strings(&["--seed", "--in-place", "dist"])),
            Ok(Request { source: Source::Seed, target: Target::InPlace("dist".into()) })
        );
        for bad in [
            &[][..],
            &["a.json"],
            &["a.json", "b.json", "--fragment"],
            &["a.json", "--out"],
            &["a.json", "--out", "s", "--fragment"],
            &["a.json", "--fragment", "--assets", "d"],
            &["a.json", "--fragment=1"],
            &["a.json", "--zip"],
            &["--seed", "a.json", "--fragment"],
            &["--seed"],
            &["--seed", "--in-place", "d", "--out", "s"],
            &["--seed", "--in-place", "d", "--assets", "d"],
        ] {
            assert!(parse(&strings(bad)).is_err(), "{bad:?}");
        }
    }
}
