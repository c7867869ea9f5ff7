//! The native command line: `citeline check | extract | eval`. Everything is written to the `out` and
//! `err` streams given to [`run`], which returns the exit code: 0 done, 1 some input failed, 2 bad
//! arguments. Nothing here panics on user input.

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use citeline_eval::tempeval::{align, score, Counts, Report, ScoredTimex};
use citeline_eval::timeml;
use citeline_extract::{extract, Locale, Mention};
use citeline_model::document::byte_range_of_chars;
use citeline_model::timeline::Severity;

/// The help text (`citeline --help`).
pub const HELP: &str = "\
citeline: timelines in which every event carries its evidence.

usage:
  citeline check FILE.json...
      Load timeline files (Citeline's format or TimelineJS3 JSON) and print their diagnostics
      and load time; exit 1 if any has errors.

  citeline extract [--dct YYYY-MM-DD] [--locale en-GB|en-US] [--format timeml|json] FILE...
      Find the temporal expressions in each file. A .tml file is read as TimeML: the extractor runs
      on the text of <TEXT> (its TIMEX3 tags ignored) with the document's DCT as reference date;
      other files are plain UTF-8 text with no reference date. --dct overrides the reference date.
      --locale says how to read slash dates (default en-GB: day first).
      --format json (the default for text) prints one line per file:
        {\"file\": ..., \"reference\": \"YYYY-MM-DD\" or null, \"mentions\": [...]}
      with offsets in chars of the (decoded) text; --format timeml (the default for .tml) prints
      the document with its TIMEX3 replaced by the extractor's (plain text is wrapped in a minimal
      TimeML document). FILE may be - for standard input (plain text).

  citeline eval [--verbose] [--locale en-US|en-GB] DIR_OR_FILE...
      Score the extractor against the gold TIMEX3 in .tml files (each directory's *.tml), with
      each file's DCT as reference date, as TempEval-3 does: strict and relaxed extent P/R/F1,
      type and value accuracy over relaxed matches, type and value F1; all types, DATE/TIME and
      per type; micro-averaged over files. One table per argument and, for several, one for all.
      --verbose first lists misses, false positives and wrong extents, types or values.
      --locale defaults to en-US here (TimeBank and AQUAINT are American news).

  citeline --help
";

fn main() {
    use std::io::Write;
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let code = run(&args, &mut out, &mut std::io::stderr().lock());
    // `exit` skips destructors: flush here (a closed pipe is not worth a message).
    let code = if out.flush().is_err() { code.max(1) } else { code };
    std::process::exit(code);
}

/// Runs the command line `args` (without the program name).
pub fn run(args: &[OsString], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut strings = Vec::with_capacity(args.len());
    for arg in args {
        match arg.to_str() {
            Some(s) => strings.push(s.to_owned()),
            None => return usage(err, &format!("argument {arg:?} is not valid UTF-8")),
        }
    }
    let result = match strings.split_first() {
        None => {
            let _ = write!(err, "{HELP}");
            return 2;
        }
        Some((cmd, rest)) => match cmd.as_str() {
            "-h" | "--help" | "help" => write!(out, "{HELP}").map(|()| 0),
            "check" => check(rest, out, err),
            "extract" => extract_command(rest, out, err),
            "eval" => eval_command(rest, out, err),
            other => return usage(err, &format!("unknown command '{other}'")),
        },
    };
    match result {
        Ok(code) => code,
        // `citeline eval ... | head`: stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 1,
        Err(e) => {
            let _ = writeln!(err, "citeline: cannot write output: {e}");
            1
        }
    }
}

fn usage(err: &mut dyn Write, problem: &str) -> i32 {
    let _ = writeln!(err, "citeline: {problem}\n(citeline --help shows the usage)");
    2
}

/// Options and operands of a subcommand.
struct Parsed {
    dct: Option<NaiveDate>,
    locale: Option<Locale>,
    format: Option<Format>,
    verbose: bool,
    files: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Timeml,
}

/// Parses `--name value`, `--name=value` and flags; `allowed` lists the options this subcommand takes.
fn parse_options(args: &[String], allowed: &[&str]) -> Result<Parsed, String> {
    let mut parsed = Parsed { dct: None, locale: None, format: None, verbose: false, files: Vec::new() };
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
        if name == "--verbose" {
            if inline.is_some() {
                return Err("--verbose takes no value".to_owned());
            }
            parsed.verbose = true;
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
                    _ => return Err(format!("--format is timeml or json, not '{value}'")),
                });
            }
            _ => return Err(format!("unknown option '{name}'")),
        }
    }
    Ok(parsed)
}

/// Reads a file (or standard input for `-`) as UTF-8.
fn read_text(path: &str) -> Result<String, String> {
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

fn is_timeml(path: &str) -> bool {
    Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("tml"))
}

// ---- check ------------------------------------------------------------------------------------

fn check(files: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    if files.is_empty() {
        writeln!(err, "usage: citeline check FILE.json...")?;
        return Ok(2);
    }
    let mut failed = false;
    for path in files {
        let text = match read_text(path) {
            Ok(text) => text,
            Err(problem) => {
                writeln!(err, "{problem}")?;
                failed = true;
                continue;
            }
        };
        #[allow(clippy::disallowed_methods)] // the command line reports how long loading took
        let started = std::time::Instant::now();
        match citeline_model::import::load_any(&text) {
            Err(e) => {
                writeln!(err, "{path}: {e}")?;
                failed = true;
            }
            Ok((timeline, diagnostics)) => {
                for d in &diagnostics {
                    writeln!(err, "{path}: {d}")?;
                    failed |= d.severity == Severity::Error;
                }
                let ms = started.elapsed().as_millis();
                writeln!(out, "{path}: {} documents, {} events (loaded in {ms} ms)", timeline.documents.len(), timeline.events.len())?;
            }
        }
    }
    Ok(i32::from(failed))
}

// ---- extract ----------------------------------------------------------------------------------

/// One line of `extract --format json` (fields in this order).
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    file: &'a str,
    reference: Option<String>,
    mentions: &'a [Mention],
}

fn extract_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let opts = match parse_options(args, &["--dct", "--locale", "--format"]) {
        Ok(o) if o.files.is_empty() => return Ok(usage(err, "extract needs at least one FILE")),
        Ok(o) => o,
        Err(problem) => return Ok(usage(err, &problem)),
    };
    let locale = opts.locale.unwrap_or_default();
    let mut failed = false;
    for path in &opts.files {
        let source = match read_text(path) {
            Ok(s) => s,
            Err(problem) => {
                writeln!(err, "{problem}")?;
                failed = true;
                continue;
            }
        };
        let tml = is_timeml(path);
        let (text, reference, doc_source) = if tml {
            match timeml::parse(&source) {
                Ok(doc) => (doc.text, opts.dct.or(doc.dct), source),
                Err(problem) => {
                    writeln!(err, "{path}: {problem}")?;
                    failed = true;
                    continue;
                }
            }
        } else {
            let id = Path::new(path).file_stem().map_or_else(|| path.clone(), |s| s.to_string_lossy().into_owned());
            let wrapped = timeml::wrap(&id, &source, opts.dct);
            (source, opts.dct, wrapped)
        };
        let mentions = extract(&text, reference, locale);
        let format = opts.format.unwrap_or(if tml { Format::Timeml } else { Format::Json });
        match format {
            Format::Json => {
                let line = JsonLine { file: path, reference: reference.map(|d| d.to_string()), mentions: &mentions };
                let line = serde_json::to_string(&line).map_err(io::Error::other)?;
                writeln!(out, "{line}")?;
            }
            Format::Timeml => match timeml::rewrite(&doc_source, &mentions) {
                Ok(doc) => {
                    write!(out, "{doc}")?;
                    if !doc.ends_with('\n') {
                        writeln!(out)?;
                    }
                }
                Err(problem) => {
                    writeln!(err, "{path}: cannot write TimeML: {problem}")?;
                    failed = true;
                }
            },
        }
    }
    Ok(i32::from(failed))
}

// ---- eval -------------------------------------------------------------------------------------

fn eval_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let opts = match parse_options(args, &["--verbose", "--locale"]) {
        Ok(o) if o.files.is_empty() => return Ok(usage(err, "eval needs at least one directory or .tml file")),
        Ok(o) => o,
        Err(problem) => return Ok(usage(err, &problem)),
    };
    let locale = opts.locale.unwrap_or(Locale::EnUs);
    let mut failed = false;
    let mut reports = Vec::new();
    for arg in &opts.files {
        let files = match tml_files(arg) {
            Ok(files) => files,
            Err(problem) => {
                writeln!(err, "{problem}")?;
                failed = true;
                continue;
            }
        };
        let mut counts = Counts::default();
        for file in files {
            let name = file.display().to_string();
            let doc = match read_text(&name).and_then(|s| timeml::parse(&s).map_err(|e| format!("{name}: {e}"))) {
                Ok(doc) => doc,
                Err(problem) => {
                    writeln!(err, "{problem}")?;
                    failed = true;
                    continue;
                }
            };
            let gold: Vec<ScoredTimex> = doc.gold.iter().map(ScoredTimex::from).collect();
            let mentions = extract(&doc.text, doc.dct, locale);
            let system: Vec<ScoredTimex> = mentions.iter().map(ScoredTimex::from).collect();
            if opts.verbose {
                list_errors(out, &name, &doc, &gold, &system, &mentions)?;
            }
            counts += score(&gold, &system);
        }
        reports.push(Report::new(arg.clone(), counts));
    }
    for report in &reports {
        writeln!(out, "{report}")?;
    }
    if reports.len() > 1 {
        let all: Counts = reports.iter().map(|r| &r.counts).sum();
        writeln!(out, "{}", Report::new("all", all))?;
    }
    Ok(i32::from(failed))
}

/// The `.tml` files of a directory (sorted), or the file itself.
fn tml_files(arg: &str) -> Result<Vec<PathBuf>, String> {
    let path = Path::new(arg);
    if !path.is_dir() {
        return if path.is_file() { Ok(vec![path.to_path_buf()]) } else { Err(format!("{arg}: no such file or directory")) };
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("{arg}: cannot read directory: {e}"))?;
    let mut files: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file() && p.to_str().is_some_and(is_timeml)).collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{arg}: no .tml files in this directory"));
    }
    Ok(files)
}

/// One line per miss, false positive and imperfect match (extent, type or value).
fn list_errors(
    out: &mut dyn Write,
    name: &str,
    doc: &timeml::TimemlDoc,
    gold: &[ScoredTimex],
    system: &[ScoredTimex],
    mentions: &[Mention],
) -> io::Result<()> {
    let alignment = align(gold, system);
    if alignment.is_perfect(gold, system) {
        return Ok(());
    }
    let dct = doc.dct.map_or_else(|| "none".to_owned(), |d| d.to_string());
    writeln!(out, "{name} (DCT {dct})")?;
    let quote = |s: &ScoredTimex| {
        let text = byte_range_of_chars(&doc.text, s.start, s.end).map_or("", |r| &doc.text[r]);
        format!("[{}..{}] \"{}\"", s.start, s.end, text.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    // Merge the three lists in text order.
    let mut lines: Vec<(usize, String)> = Vec::new();
    for &g in &alignment.missed {
        let s = &gold[g];
        lines.push((s.start, format!("  {:<17} {}  gold {} {}", "miss", quote(s), s.kind, s.value)));
    }
    for &i in &alignment.spurious {
        let s = &system[i];
        let how = mentions.get(i).map_or(String::new(), |m| format!(" ({:?})", m.resolution));
        lines.push((s.start, format!("  {:<17} {}  system {} {}{how}", "spurious", quote(s), s.kind, s.value)));
    }
    for (p, mismatch) in alignment.mismatches(gold, system) {
        let (g, s) = (&gold[p.gold], &system[p.system]);
        let system_side = if mismatch.extent { format!("{} ", quote(s)) } else { String::new() };
        lines.push((
            g.start,
            format!("  {mismatch:<17} {}  gold {} {} | system {}{} {}", quote(g), g.kind, g.value, system_side, s.kind, s.value),
        ));
    }
    lines.sort_by_key(|(start, _)| *start);
    for (_, line) in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_args(args: &[&str]) -> (i32, String, String) {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&args, &mut out, &mut err);
        (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
    }

    /// A scratch directory under the system temp dir, removed on drop.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir = std::env::temp_dir().join(format!("citeline-cli-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            Scratch(dir)
        }

        fn file(&self, name: &str, bytes: &[u8]) -> String {
            let path = self.0.join(name);
            std::fs::write(&path, bytes).unwrap();
            path.display().to_string()
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    const TML: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" \
        functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>Prices <EVENT eid=\"e1\">rose</EVENT> \
        <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\" anchorTimeID=\"t0\">yesterday</TIMEX3> &amp; fell on 8 June 1998.</TEXT>\n</TimeML>\n";

    #[test]
    fn help_and_bad_arguments() {
        let (code, out, _) = run_args(&["--help"]);
        assert_eq!(code, 0);
        assert!(out.contains("citeline extract") && out.contains("citeline eval") && out.contains("citeline check"));
        assert_eq!(run_args(&[]).0, 2);
        for args in [
            &["frobnicate"][..],
            &["extract"],
            &["extract", "--dct", "8 June", "x.txt"],
            &["extract", "--dct"],
            &["extract", "--locale", "fr", "x.txt"],
            &["extract", "--format", "xml", "x.txt"],
            &["extract", "--verbose", "x.txt"],
            &["eval"],
            &["eval", "--format=json", "x"],
            &["eval", "--verbose=yes", "x"],
            &["check"],
        ] {
            let (code, out, err) = run_args(args);
            assert_eq!(code, 2, "{args:?}");
            assert!(out.is_empty() && !err.is_empty(), "{args:?}: {err}");
        }
    }

    #[test]
    fn unreadable_and_non_utf8_files_fail_cleanly() {
        let scratch = Scratch::new("bad");
        let bad = scratch.file("bad.txt", b"caf\xe9 on 8 June");
        let missing = scratch.0.join("missing.txt").display().to_string();
        let no_text = scratch.file("no-text.tml", b"<TimeML></TimeML>");
        let good = scratch.file("good.txt", b"On 8 June 2018.");
        let (code, out, err) = run_args(&["extract", &bad, &missing, &no_text, &good]);
        assert_eq!(code, 1);
        assert!(err.contains("not UTF-8 text (invalid byte at offset 3)"), "{err}");
        assert!(err.contains("missing.txt: cannot read"), "{err}");
        assert!(err.contains("no <TEXT>"), "{err}");
        assert_eq!(out.lines().count(), 1, "the good file is still done: {out}");
        let (code, _, err) = run_args(&["eval", &missing]);
        assert_eq!(code, 1);
        assert!(err.contains("no such file"), "{err}");
        let (code, _, err) = run_args(&["eval", scratch.0.to_str().unwrap()]);
        assert_eq!(code, 1, "no-text.tml cannot be parsed: {err}");
        let empty = Scratch::new("empty");
        let (code, _, err) = run_args(&["eval", empty.0.to_str().unwrap()]);
        assert_eq!(code, 1);
        assert!(err.contains("no .tml files"), "{err}");
    }

    #[test]
    fn extract_json_and_timeml() {
        let scratch = Scratch::new("extract");
        let txt = scratch.file("note.txt", "Zoë & co met on 8 June 2018 <b>.".as_bytes());
        let tml = scratch.file("doc.tml", TML.as_bytes());

        let (code, out, err) = run_args(&["extract", "--dct=2018-06-10", "--locale", "en-US", &txt]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["file"], txt.as_str());
        assert_eq!(v["reference"], "2018-06-10");
        assert!(v["mentions"].is_array());

        // .tml defaults to TimeML: the gold TIMEX3 are gone, the rest of the document is kept.
        let (code, out, err) = run_args(&["extract", &tml]);
        assert_eq!(code, 0, "{err}");
        assert!(!out.contains("anchorTimeID"), "{out}");
        assert!(out.contains("<EVENT eid=\"e1\">rose</EVENT>") && out.contains("&amp; fell"));
        let doc = timeml::parse(&out).unwrap();
        assert_eq!(doc.text, timeml::parse(TML).unwrap().text);

        let (code, out, _) = run_args(&["extract", "--format", "json", &tml]);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["reference"], "1998-01-08");
        let (_, out, _) = run_args(&["extract", "--format", "json", "--dct", "2000-01-01", &tml]);
        assert!(out.contains("\"reference\":\"2000-01-01\""), "{out}");

        // Plain text as TimeML: a minimal document that reads back to the same text.
        let (code, out, _) = run_args(&["extract", "--format=timeml", &txt]);
        assert_eq!(code, 0);
        let doc = timeml::parse(&out).unwrap();
        assert_eq!(doc.text, "Zoë & co met on 8 June 2018 <b>.");
        assert_eq!(doc.dct, None);
        assert!(out.contains("<DOCID>note</DOCID>"));
    }

    #[test]
    fn eval_prints_reports_and_verbose_listing() {
        let one = Scratch::new("eval-one");
        let two = Scratch::new("eval-two");
        one.file("a.tml", TML.as_bytes());
        two.file("b.tml", TML.as_bytes());
        two.file("notes.txt", b"ignored");
        let (a, b) = (one.0.to_str().unwrap(), two.0.to_str().unwrap());
        let (code, out, err) = run_args(&["eval", "-v", a, b]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(&format!("{a}: 1 file ")), "{out}");
        assert!(out.contains(&format!("{b}: 1 file ")), "{out}");
        assert!(out.contains("all: 2 files"), "{out}");
        assert!(out.contains("DATE/TIME"));
        let gold_line = out.lines().find(|l| l.starts_with("all ")).unwrap();
        assert!(gold_line.split_whitespace().nth(1) == Some("1"), "one gold timex per file: {gold_line}");
        // Verbose: the gold "yesterday" is either found exactly with its value or listed.
        let found = !out.contains("\"yesterday\"");
        assert!(found || out.contains("(DCT 1998-01-08)"), "{out}");
        // A single file argument works too, and with one argument there is no "all" table.
        let (code, out, _) = run_args(&["eval", &format!("{a}/a.tml")]);
        assert_eq!(code, 0);
        assert!(!out.contains("all: "));
    }
}
