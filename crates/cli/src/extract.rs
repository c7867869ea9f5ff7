//! `citeline extract`: the temporal expressions in each file, as JSON lines or as TimeML.

use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;

use citeline_eval::timeml;
use citeline_extract::{extract, Mention};

use crate::args::{is_timeml, parse_options, read_text, usage, Format, Problems};

/// One line of `extract --format json` (fields in this order).
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    file: &'a str,
    reference: Option<String>,
    mentions: &'a [Mention],
}

/// A file ready for the extractor.
struct Document {
    /// The text to read (a TimeML document's decoded `<TEXT>`).
    text: String,
    /// The reference date: `--dct`, else a TimeML document's DCT.
    reference: Option<NaiveDate>,
    /// The TimeML document to rewrite with our TIMEX3 (plain text is wrapped in a minimal one).
    timeml: String,
}

/// Runs `extract` with `args`; exit code 1 if any file cannot be read or written as TimeML.
pub(crate) fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let opts = match parse_options(args, &["--dct", "--locale", "--format"], "extract needs at least one FILE") {
        Ok(o) => o,
        Err(problem) => return Ok(usage(err, &problem)),
    };
    if opts.format == Some(Format::Jsonl) {
        return Ok(usage(err, "extract writes timeml or json, not jsonl"));
    }
    let locale = opts.locale.unwrap_or_default();
    let mut problems = Problems::new(err);
    for path in &opts.files {
        let Some(source) = problems.or_report(read_text(path))? else { continue };
        let tml = is_timeml(path);
        let Some(doc) = problems.or_report(document(path, tml, source, opts.dct))? else { continue };
        let mentions = extract(&doc.text, doc.reference, locale);
        match opts.format.unwrap_or(if tml { Format::Timeml } else { Format::Json }) {
            Format::Json => {
                let line = JsonLine { file: path, reference: doc.reference.map(|d| d.to_string()), mentions: &mentions };
                let line = serde_json::to_string(&line).map_err(io::Error::other)?;
                writeln!(out, "{line}")?;
            }
            Format::Timeml | Format::Jsonl => match timeml::rewrite(&doc.timeml, &mentions) {
                Ok(doc) => {
                    write!(out, "{doc}")?;
                    if !doc.ends_with('\n') {
                        writeln!(out)?;
                    }
                }
                Err(problem) => problems.report(format_args!("{path}: cannot write TimeML: {problem}"), true)?,
            },
        }
    }
    Ok(problems.exit_code())
}

/// Reads `source` (from `path`) as TimeML when `tml`, else as plain text; `dct` overrides the reference date.
fn document(path: &str, tml: bool, source: String, dct: Option<NaiveDate>) -> Result<Document, String> {
    if tml {
        let doc = timeml::parse(&source).map_err(|problem| format!("{path}: {problem}"))?;
        Ok(Document { text: doc.text, reference: dct.or(doc.dct), timeml: source })
    } else {
        let id = Path::new(path).file_stem().map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned());
        let timeml = timeml::wrap(&id, &source, dct);
        Ok(Document { text: source, reference: dct, timeml })
    }
}
