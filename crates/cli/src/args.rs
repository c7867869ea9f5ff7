//! What a subcommand is given: its options and files, the files' text, and the problems met reading
//! them (reported, then the command goes on with the next file and exits 1 at the end).

use std::fmt::Display;
use std::io::{self, Read, Write};
use std::path::Path;

use chrono::NaiveDate;

use citeline_extract::Locale;

/// Reports bad arguments; the exit code for them.
pub(crate) fn usage(err: &mut dyn Write, problem: &str) -> i32 {
    let _ = writeln!(err, "citeline: {problem}\n(citeline --help shows the usage)");
    2
}

/// Options and operands of a subcommand.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Options {
    /// `--dct YYYY-MM-DD`: the reference date.
    pub(crate) dct: Option<NaiveDate>,
    /// `--locale en-GB|en-US`.
    pub(crate) locale: Option<Locale>,
    /// `--format timeml|json`.
    pub(crate) format: Option<Format>,
    /// `--verbose` or `-v`.
    pub(crate) verbose: bool,
    /// `--anchoring`: `eval` scores event anchoring instead of TIMEX3.
    pub(crate) anchoring: bool,
    /// `--assets DIR`: the release build `render` publishes.
    pub(crate) assets: Option<String>,
    /// `--out DIR`: the folder `render` writes.
    pub(crate) out: Option<String>,
    /// `--fragment`: `render` prints the HTML alone.
    pub(crate) fragment: bool,
    /// `--in-place DIR`: `render` writes the view into this release build itself.
    pub(crate) in_place: Option<String>,
    /// `--seed`: the built-in seed timeline stands for the file.
    pub(crate) seed: bool,
    /// `--to FORMAT`: what `export` writes.
    pub(crate) to: Option<String>,
    /// The operands (`-` is standard input), at least one unless `--seed` is given.
    pub(crate) files: Vec<String>,
}

/// What `extract` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// One JSON line per file.
    Json,
    /// The TimeML document with our TIMEX3.
    Timeml,
    /// JSON lines in, JSON lines out (`propose`).
    Jsonl,
}

/// Parses `--name value`, `--name=value` and flags; `allowed` lists the options this subcommand takes,
/// and `missing` is the problem when it names no file.
pub(crate) fn parse_options(args: &[String], allowed: &[&str], missing: &str) -> Result<Options, String> {
    let mut parsed = Options {
        dct: None,
        locale: None,
        format: None,
        verbose: false,
        anchoring: false,
        assets: None,
        out: None,
        fragment: false,
        in_place: None,
        seed: false,
        to: None,
        files: Vec::new(),
    };
    let mut i = 0;
    let mut options_done = false;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if options_done || arg == "-" || !arg.starts_with('-') {
            parsed.files.push(arg.clone());
            continue;
        }
        if arg == "--" {
            options_done = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (arg.as_str(), None),
        };
        let name = if name == "-v" { "--verbose" } else { name };
        if !allowed.contains(&name) {
            return Err(format!("unknown option '{name}'"));
        }
        if let Some(flag) = match name {
            "--verbose" => Some(&mut parsed.verbose),
            "--anchoring" => Some(&mut parsed.anchoring),
            "--fragment" => Some(&mut parsed.fragment),
            "--seed" => Some(&mut parsed.seed),
            _ => None,
        } {
            if inline.is_some() {
                return Err(format!("{name} takes no value"));
            }
            *flag = true;
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => {
                let v = args.get(i).cloned().ok_or_else(|| format!("{name} needs a value"))?;
                i += 1;
                v
            }
        };
        match name {
            "--dct" => {
                let d = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                    .map_err(|_| format!("--dct wants a date as YYYY-MM-DD, not '{value}'"))?;
                parsed.dct = Some(d);
            }
            "--locale" => {
                parsed.locale = Some(match value.to_ascii_lowercase().replace('_', "-").as_str() {
                    "en-gb" => Locale::EnGb,
                    "en-us" => Locale::EnUs,
                    _ => return Err(format!("--locale is en-GB or en-US, not '{value}'")),
                });
            }
            "--format" => {
                parsed.format = Some(match value.to_ascii_lowercase().as_str() {
                    "json" => Format::Json,
                    "timeml" | "tml" => Format::Timeml,
                    "jsonl" | "ndjson" | "json-lines" => Format::Jsonl,
                    _ => return Err(format!("--format is timeml, json or jsonl, not '{value}'")),
                });
            }
            "--assets" => parsed.assets = Some(value),
            "--out" => parsed.out = Some(value),
            "--to" => parsed.to = Some(value),
            "--in-place" => parsed.in_place = Some(value),
            _ => return Err(format!("unknown option '{name}'")),
        }
    }
    if parsed.files.is_empty() && !parsed.seed {
        return Err(missing.to_owned());
    }
    Ok(parsed)
}

/// Reads a file (or standard input for `-`) as UTF-8.
pub(crate) fn read_text(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("{path}: not UTF-8 text (invalid byte at offset {at})")
    })
}

/// Whether `path` names a TimeML file (`.tml`, in any case).
pub(crate) fn is_timeml(path: &str) -> bool {
    Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("tml"))
}

/// The problems a command met with its inputs: each is written to `err` as it comes, and any that
/// fails makes the exit code 1.
pub(crate) struct Problems<'a> {
    err: &'a mut dyn Write,
    failed: bool,
}

impl<'a> Problems<'a> {
    /// None yet.
    pub(crate) fn new(err: &'a mut dyn Write) -> Self {
        Problems { err, failed: false }
    }

    /// The value, or `None` once the problem is reported (the caller goes on with its next input).
    pub(crate) fn or_report<T>(&mut self, result: Result<T, String>) -> io::Result<Option<T>> {
        match result {
            Ok(value) => Ok(Some(value)),
            Err(problem) => self.report(problem, true).map(|()| None),
        }
    }

    /// Writes one problem; it fails the command when `fails` (a warning does not).
    pub(crate) fn report(&mut self, problem: impl Display, fails: bool) -> io::Result<()> {
        self.failed |= fails;
        writeln!(self.err, "{problem}")
    }

    /// The stream problems are written to.
    pub(crate) fn err(&mut self) -> &mut dyn Write {
        self.err
    }

    /// 0 if nothing failed, else 1.
    pub(crate) fn exit_code(&self) -> i32 {
        i32::from(self.failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn options_values_flags_and_operands() {
        let all = ["--dct", "--locale", "--format", "--verbose"];
        let parsed =
            parse_options(&strings(&["a", "--dct=2018-06-08", "--locale", "EN_us", "-v", "--format", "TML", "-", "--", "--b"]), &all, "x");
        assert_eq!(
            parsed,
            Ok(Options {
                dct: NaiveDate::from_ymd_opt(2018, 6, 8),
                locale: Some(Locale::EnUs),
                format: Some(Format::Timeml),
                verbose: true,
                anchoring: false,
                assets: None,
                out: None,
                fragment: false,
                in_place: None,
                seed: false,
                to: None,
                files: strings(&["a", "-", "--b"]),
            })
        );
        let problem = |args: &[&str], allowed: &[&str]| parse_options(&strings(args), allowed, "no file").unwrap_err();
        assert_eq!(problem(&[], &all), "no file");
        assert_eq!(problem(&["--verbose", "x"], &["--dct"]), "unknown option '--verbose'");
        assert_eq!(problem(&["-v=1", "x"], &all), "--verbose takes no value");
        assert_eq!(problem(&["x", "--dct"], &all), "--dct needs a value");
        assert_eq!(problem(&["--dct", "8 June"], &all), "--dct wants a date as YYYY-MM-DD, not '8 June'");
        assert_eq!(problem(&["--bogus", "x"], &all), "unknown option '--bogus'", "before the missing file");
    }

    #[test]
    fn problems_are_written_as_they_come_and_decide_the_exit_code() {
        let mut err = Vec::new();
        let mut problems = Problems::new(&mut err);
        assert_eq!(problems.or_report(Ok::<_, String>(5)).unwrap(), Some(5));
        problems.report("just a warning", false).unwrap();
        assert_eq!(problems.exit_code(), 0);
        assert_eq!(problems.or_report(Err::<u8, _>("a.txt: cannot read".to_owned())).unwrap(), None);
        assert_eq!(problems.exit_code(), 1);
        assert_eq!(String::from_utf8(err).unwrap(), "just a warning\na.txt: cannot read\n");
    }

    #[test]
    fn timeml_is_known_by_its_ending() {
        assert!(is_timeml("a/b.tml") && is_timeml("B.TML"));
        assert!(!is_timeml("b.xml") && !is_timeml("tml") && !is_timeml("-"));
    }
}
