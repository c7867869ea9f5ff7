//! The native command line: `citeline check | export | extract | propose | eval | render`, one module per command, and [`args`]
//! for what they share. Everything is written to the `out` and `err` streams given to [`run`], which
//! returns the exit code: 0 done, 1 some input failed, 2 bad arguments. Nothing here panics on user
//! input.

mod args;
mod check;
mod eval;
mod export;
mod extract;
mod propose;
mod render;

use std::ffi::OsString;
use std::io::{self, Write};

use args::usage;

/// The help text (`citeline --help`).
pub const HELP: &str = "\
citeline: timelines in which every event carries its evidence.

usage:
  citeline check FILE...
      Load timeline files (Citeline's format, TimelineJS3 JSON (v3 or v2), TimelineJS3's Google
      Sheets template as CSV, or iCalendar) and print their diagnostics and load time; exit 1 if
      any has errors.

  citeline export --to citeline|timelinejs|csv|ics|svg FILE [--out PATH]
      Write a timeline file (any format check reads) as Citeline JSON, TimelineJS3 JSON (v3),
      CSV in TimelineJS3's Google Sheets columns, iCalendar (one event per event, all day or
      at its time by its precision), or an SVG picture of the whole timeline as the page first
      shows it (1,200 px wide). Each keeps the evidence: an event's text (or description)
      quotes its passages with their documents and links to them at their sources. Written to
      standard output, or to PATH with --out. Diagnostics as for check; exit 1 on errors (what
      loaded is still written).

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

  citeline propose [--dct YYYY-MM-DD] [--locale en-GB|en-US] [--format json|jsonl] FILE...
      Propose a timeline from documents, as \"Add documents\" does on the page: one event per
      dated happening (the word a date anchors: \"launched ... today\", \"attacks in 2017\"), titled
      from it, anchored to its sentence as its passage; events from different files that report
      the same happening are merged into one with each source's passage. FILE is plain text,
      Markdown or HTML; its publication date is --dct, else a dateline near its top.
      --format json (the default) writes one Citeline timeline with the documents and events.
      --format jsonl reads JSON lines {\"id\", \"title\", \"published\", \"text\"} (from FILE, or
      - for standard input) and writes one line per document: {\"id\", \"published\", \"events\",
      \"undated\"} (or \"error\"), so a corpus can be split across processes; \"undated\" lists the
      happenings the text gives no date for, each with its passage.

  citeline eval [--verbose] [--anchoring] [--locale en-US|en-GB] DIR_OR_FILE...
      Score the extractor against the gold TIMEX3 in .tml files (each directory's *.tml), with
      each file's DCT as reference date, as TempEval-3 does: strict and relaxed extent P/R/F1,
      type and value accuracy over relaxed matches, type and value F1; all types, DATE/TIME and
      per type; micro-averaged over files. One table per argument and, for several, one for all.
      --verbose first lists misses, false positives and wrong extents, types or values.
      --locale defaults to en-US here (TimeBank and AQUAINT are American news).
      --anchoring scores the proposed happenings (as propose makes them) instead: of the events
      the TLINKs anchor to a DATE in the text (IS_INCLUDED, DURING, SIMULTANEOUS, BEGINS, ENDS,
      BEGUN_BY, ENDED_BY), the share a proposal finds at that date by its trigger word, and by its
      passage; the share of proposals whose trigger (or passage) holds an annotated event; the
      share a one-sentence passage could reach at all (the event in its date's sentence, and that
      date also read as the gold reads it); and documents proposed per second on one core.

  citeline render FILE.json [--assets DIR] --out DIR
  citeline render FILE.json --fragment
      Write the timeline's first view as plain HTML, readable without JavaScript: the strip at
      the fit-all view, every event in time order with its date, precision, how the date was
      determined and every passage quoted with its source, and schema.org JSON-LD. FILE.json is
      Citeline's format or TimelineJS3 JSON (diagnostics as for check). --out copies the release
      build in --assets (default dist, from `trunk build --release --offline`) into DIR and
      writes DIR/index.html with the view in place and the data inline, which the page loads.
      --fragment prints only the view's HTML. Exit 1 if the file cannot be loaded or has errors
      (what loaded is still written), or the site cannot be written.

  citeline --help
";

fn main() {
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
            "check" => check::run(rest, out, err),
            "extract" => extract::run(rest, out, err),
            "eval" => eval::run(rest, out, err),
            "render" => render::run(rest, out, err),
            "propose" => propose::run(rest, out, err),
            "export" => export::run(rest, out, err),
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use citeline_eval::timeml;

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
        assert!(out.contains("citeline render FILE.json [--assets DIR] --out DIR") && out.contains("--fragment"));
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
            &["render"],
            &["render", "x.json"],
            &["render", "x.json", "--out", "site", "--fragment"],
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

    /// `citeline check` on every JSONTestSuite parsing file (from `../shared`), all at once: each
    /// is refused with a line that names it and says why, and none stops the others.
    #[test]
    fn check_refuses_every_jsontestsuite_file_in_words() {
        let Some(files) = citeline_model::testdata::jsontestsuite_files("check_refuses_every_jsontestsuite_file_in_words") else { return };
        let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        let args: Vec<&str> = std::iter::once("check").chain(files.iter().map(String::as_str)).collect();
        let (code, out, err) = run_args(&args);
        assert_eq!(code, 1);
        assert!(out.is_empty(), "no file is a timeline: {out}");
        for file in &files {
            let line = err.lines().find(|l| l.starts_with(&format!("{file}: "))).unwrap_or_else(|| panic!("nothing said of {file}"));
            let why = &line[file.len() + 2..];
            assert!(["not UTF-8 text", "not valid JSON: ", "not a Citeline timeline: "].iter().any(|p| why.starts_with(p)), "{line}");
        }
    }

    #[test]
    fn export_writes_every_format_and_timelinejs_reads_back() {
        let scratch = Scratch::new("export");
        let (seed, _) = citeline_model::seed::seed_timeline().unwrap();
        let file = scratch.file("seed.json", seed.to_json().as_bytes());
        let (code, tjs, err) = run_args(&["export", "--to", "timelinejs", &file]);
        assert_eq!((code, err.as_str()), (0, ""));
        let (back, _) = citeline_model::import::load_any(&tjs).expect("TimelineJS3 JSON");
        assert_eq!(back.events.len(), seed.events.len());
        let (code, ics, _) = run_args(&["export", "--to=ics", &file]);
        assert_eq!(code, 0);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("DTSTAMP:2"), "{ics}");
        let target = scratch.0.join("out.csv").display().to_string();
        let (code, out, _) = run_args(&["export", "--to", "csv", &file, "--out", &target]);
        assert_eq!((code, out.as_str()), (0, ""));
        assert!(std::fs::read_to_string(&target).unwrap().starts_with("Year,Month,Day,Time,"));
        // A Google Sheet in TimelineJS3's columns, as CSV, is read like any timeline file.
        let sheet = scratch.file("sheet.csv", b"Year,Month,Day,Headline,Text\r\n2018,6,4,Launch,\"Launched, today\"\r\n2018,2,30,Bad,\r\n");
        let (code, out, err) = run_args(&["check", &sheet]);
        assert_eq!(code, 1, "a bad row is an error");
        assert!(
            out.contains("1 events") && err.contains("row 3 (\"Bad\"), field Year, Month, Day, Time: there is no day 30 in 2018-02"),
            "{out}{err}"
        );
        // Bad arguments say what is wrong.
        assert_eq!(run_args(&["export", &file]).0, 2);
        let (code, _, err) = run_args(&["export", "--to", "pdf", &file]);
        assert_eq!(code, 2);
        assert!(err.contains("--to is one of citeline, timelinejs, csv, ics, svg, not 'pdf'"), "{err}");
        let (code, svg, _) = run_args(&["export", "--to", "svg", &file]);
        assert_eq!(code, 0);
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1232\"")
                && svg.contains(">Previous CONTEST strategy published</text>")
        );
        let (code, _, err) = run_args(&["export", "--to", "csv", &scratch.0.join("missing.json").display().to_string()]);
        assert_eq!(code, 1);
        assert!(err.contains("missing.json"), "{err}");
    }

    #[test]
    fn check_lists_diagnostics_and_fails_on_errors() {
        let scratch = Scratch::new("check");
        let (seed, _) = citeline_model::seed::seed_timeline().unwrap();
        let good = scratch.file("seed.json", seed.to_json().as_bytes());
        let (code, out, err) = run_args(&["check", &good]);
        assert_eq!((code, err.as_str()), (0, ""));
        let counts = format!("{good}: {} documents, {} events (loaded in ", seed.documents.len(), seed.events.len());
        assert!(out.starts_with(&counts), "{out}");
        // A TimelineJS3 event with no date is an error; a file that is not JSON cannot be loaded.
        let undated = scratch.file("undated.json", br#"{"events": [{"text": {"headline": "x"}}]}"#);
        let broken = scratch.file("broken.json", b"{");
        let (code, out, err) = run_args(&["check", &undated, &broken, &good]);
        assert_eq!(code, 1);
        assert!(err.starts_with(&format!("{undated}: error: events[0], field start_date")), "{err}");
        assert!(err.contains(&format!("{broken}: ")), "{err}");
        assert_eq!(out.lines().count(), 2, "the undated file and the good one are still counted: {out}");
    }

    #[test]
    fn render_writes_a_site_from_the_release_build_or_prints_the_fragment() {
        let scratch = Scratch::new("render");
        let (seed, _) = citeline_model::seed::seed_timeline().unwrap();
        let file = scratch.file("seed.json", seed.to_json().as_bytes());
        let assets = scratch.0.join("dist");
        std::fs::create_dir_all(assets.join("sub")).unwrap();
        let template = "<!doctype html><html><head><title>Citeline</title></head><body><main id=\"app\"></main></body></html>";
        std::fs::write(assets.join("index.html"), template).unwrap();
        std::fs::write(assets.join("main-1.css"), "body{}").unwrap();
        std::fs::write(assets.join("sub").join("app.wasm"), b"\0asm").unwrap();
        let site = scratch.0.join("site");
        let (assets_arg, site_arg) = (assets.display().to_string(), site.display().to_string());

        let (code, out, err) = run_args(&["render", &file, "--assets", &assets_arg, "--out", &site_arg]);
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        assert!(out.contains("(4 files)"), "{out}");
        assert_eq!(std::fs::read(site.join("sub").join("app.wasm")).unwrap(), b"\0asm", "every file is copied");
        assert_eq!(std::fs::read_to_string(site.join("main-1.css")).unwrap(), "body{}");
        let page = std::fs::read_to_string(site.join("index.html")).unwrap();
        let rendered = citeline_render::render_page(&seed, template).unwrap();
        assert_eq!(page, rendered.index_html);
        assert_eq!(std::fs::read_to_string(site.join(citeline_render::STYLESHEET)).unwrap(), rendered.stylesheet);
        assert!(page.contains("id=\"event=contest-2018-launch\"") && page.contains("id=\"citeline-data\""));
        assert_eq!(std::fs::read_to_string(assets.join("index.html")).unwrap(), template, "the release build is untouched");

        let (code, fragment, _) = run_args(&["render", &file, "--fragment"]);
        assert_eq!(code, 0);
        assert_eq!(fragment, citeline_render::render_view(&seed));

        // A folder that is not a release build, a broken file, and output inside the build.
        let missing = scratch.0.join("no-dist").display().to_string();
        let (code, _, err) = run_args(&["render", &file, "--assets", &missing, "--out", &site_arg]);
        assert_eq!(code, 1);
        assert!(err.contains(&format!("{missing}: not a release build")) && err.contains("trunk build --release"), "{err}");
        let broken = scratch.file("broken.json", b"{");
        let (code, out, err) = run_args(&["render", &broken, "--fragment"]);
        assert_eq!(code, 1);
        assert!(out.is_empty() && err.starts_with(&format!("{broken}: not valid JSON")), "{err}");
        let inside = assets.join("site").display().to_string();
        let (code, _, err) = run_args(&["render", &file, "--assets", &assets_arg, "--out", &inside]);
        assert_eq!(code, 1);
        assert!(err.contains("must not be the release build or inside it"), "{err}");
        assert!(!assets.join("site").exists(), "nothing is created inside the release build");
        // A TimelineJS3 file with one undated event: the rest renders, the error is reported.
        let tjs = scratch.file(
            "tjs.json",
            br#"{"events": [{"start_date": {"year": 2015}, "text": {"headline": "Dated"}}, {"text": {"headline": "x"}}]}"#,
        );
        let (code, out, err) = run_args(&["render", &tjs, "--fragment"]);
        assert_eq!(code, 1);
        assert!(out.contains("<time datetime=\"2015\">2015</time>") && err.contains("events[1], field start_date"), "{err}");
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
        // Anchoring: a line per argument and one for all, each with what a one-sentence passage reaches.
        let (code, out, err) = run_args(&["eval", "--anchoring", a, b]);
        assert_eq!(code, 0, "{err}");
        for name in [a, b, "all"] {
            let line = out.lines().find(|l| l.starts_with(&format!("{name}: anchored events"))).unwrap_or_else(|| panic!("{out}"));
            assert!(line.contains("; in reach of a one-sentence passage "), "{line}");
        }
        assert!(out.contains("documents/s"), "{out}");
    }

    #[test]
    fn propose_makes_one_timeline_from_the_two_seed_texts_with_the_launch_backed_by_both() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/");
        let home_office = format!("{dir}home-office-contest-2018-press-release.txt");
        let apcc = format!("{dir}apcc-response-contest-2018.txt");
        let (code, out, err) = run_args(&["propose", "--dct", "2018-06-04", &home_office, &apcc]);
        assert_eq!(code, 0, "{err}");
        let (timeline, diagnostics) = citeline_model::timeline::Timeline::from_json(&out).expect("a timeline");
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        let rows: Vec<(String, String, Vec<&str>)> =
            timeline.events.iter().map(|e| (e.date.first().iso(), e.title.clone(), citeline_model::corroboration::sources(e))).collect();
        let find = |iso: &str| rows.iter().filter(|r| r.0 == iso).collect::<Vec<_>>();
        let docs = ["home-office-contest-2018-press-release", "apcc-response-contest-2018"];
        match &find("2018-06-04")[..] {
            [(_, title, sources)] => {
                assert_eq!(sources, &docs, "the launch is one event with both documents' passages");
                assert!(title.contains("strategy") && title.contains("launched"), "{title}");
            }
            other => panic!("one launch event, not {other:?}"),
        }
        assert!(matches!(&find("2017")[..], [(_, t, _)] if t == "Attacks in London and Manchester"), "{rows:?}");
        assert!(matches!(&find("2011")[..], [(_, t, s)] if t.contains("strategy published") && s == &[docs[1]]), "{rows:?}");
        assert!(matches!(&find("2018-06-08")[..], [(_, t, _)] if t.starts_with("Home Secretary") && t.contains("travel")), "{rows:?}");
        for (_, title, _) in &rows {
            assert!(title.chars().count() <= 60 && title.starts_with(char::is_uppercase), "{title}");
        }
    }

    #[test]
    fn propose_reads_and_writes_json_lines_and_names_a_bad_line() {
        let scratch = Scratch::new("propose");
        let lines = [
            r#"{"id": "a", "title": "A", "published": "2019-03-12", "text": "The council met on 11 March 2019 to vote on the bridge."}"#,
            r#"{"id": "b", "text": 5}"#,
            r#"{"id": "c", "text": "The bridge was opened in 2021.", "published": "12 March"}"#,
            r#"{"id": "d", "text": "Nothing is dated here."}"#,
        ];
        let input = scratch.file("docs.jsonl", lines.join("\n").as_bytes());
        let (code, out, err) = run_args(&["propose", "--format", "jsonl", &input]);
        assert_eq!(code, 1, "a bad line fails the run, after the others are done");
        let out: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
        assert_eq!(out.iter().map(|l| l["id"].as_str().unwrap_or("")).collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        assert_eq!(out[0]["published"], "2019-03-12");
        assert_eq!(out[0]["events"][0]["date"], "2019-03-11");
        assert_eq!(out[0]["events"][0]["title"], "Council met");
        assert!(out[1]["error"].as_str().is_some_and(|e| e.contains("not a document")));
        assert!(out[2]["error"].as_str().is_some_and(|e| e.starts_with("published:")), "{:?}", out[2]);
        assert_eq!(out[3]["events"].as_array().map(Vec::len), Some(0));
        let with_review = r#"{"id": "e", "text": "It prompted a fundamental review of the strategy."}"#;
        let (_, out, _) = run_args(&["propose", "--format", "jsonl", &scratch.file("e.jsonl", with_review.as_bytes())]);
        let line: serde_json::Value = serde_json::from_str(out.trim()).expect("a line");
        assert_eq!(line["undated"][0]["title"], "Fundamental review of the strategy");
        assert!(err.contains("line 2:") && err.contains("line 3:"), "{err}");
        for args in [&["propose"][..], &["propose", "--format", "timeml", "x.txt"], &["propose", "--verbose", "x.txt"]] {
            assert_eq!(run_args(args).0, 2, "{args:?}");
        }
    }
}
