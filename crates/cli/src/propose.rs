//! `citeline propose`: the page's "Add documents" pipeline on the command line. Each file becomes a
//! document (its publication date from `--dct`, else from a dateline near its top); its happenings
//! become proposed events anchored to their passages; proposals that report the same happening are
//! merged across documents ([`citeline_model::corroboration`]). Writes a Citeline timeline, or with
//! `--format jsonl` one JSON line per document (its events, and the happenings it gives no date for),
//! reading documents as JSON lines.

use std::io::{self, Write};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use citeline_extract::{guess_publication_date, propose_events_chunked, Locale};
use citeline_model::corroboration::corroborate;
use citeline_model::date::DateValue;
use citeline_model::document::{Document, Published};
use citeline_model::extraction::Undated;
use citeline_model::timeline::{Event, Timeline, FORMAT, VERSION};
use citeline_model::workspace::{decode_input, title_guess};

use crate::args::{parse_options, read_text, usage, Format, Problems};

/// One document in, as a JSON line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineIn {
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    text: String,
}

/// One document's result, as a JSON line.
#[derive(Serialize)]
struct LineOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    events: Vec<Event>,
    /// Happenings with no date, for the author to date by hand.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    undated: Vec<Undated>,
}

/// Runs `propose` with `args`; exit code 1 if any input cannot be read.
pub(crate) fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let opts = match parse_options(args, &["--dct", "--locale", "--format"], "propose needs at least one FILE (- for standard input)") {
        Ok(o) => o,
        Err(problem) => return Ok(usage(err, &problem)),
    };
    let locale = opts.locale.unwrap_or_default();
    let mut problems = Problems::new(err);
    match opts.format {
        Some(Format::Timeml) => Ok(usage(problems.err(), "propose writes json or jsonl, not timeml")),
        Some(Format::Jsonl) => {
            for path in &opts.files {
                let Some(source) = problems.or_report(read_text(path))? else { continue };
                for (n, line) in source.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                    let (id, published, events, undated, error) = match document_of_line(line, opts.dct) {
                        Ok(document) => {
                            let (events, undated) = propose(&document, locale);
                            let events = corroborate(events);
                            (document.id, document.published.map(|p| p.date.iso()), events, undated, None)
                        }
                        Err((id, problem)) => {
                            problems.report(format_args!("{path}: line {}: {problem}", n + 1), true)?;
                            (id, None, Vec::new(), Vec::new(), Some(problem))
                        }
                    };
                    let line = LineOut { id: &id, published, error, events, undated };
                    writeln!(out, "{}", serde_json::to_string(&line).map_err(io::Error::other)?)?;
                }
            }
            Ok(problems.exit_code())
        }
        Some(Format::Json) | None => {
            let mut documents: Vec<Document> = Vec::new();
            for path in &opts.files {
                let Some(document) = problems.or_report(document_of_file(path, opts.dct, &documents))? else { continue };
                documents.push(document);
            }
            let (mut events, mut undated) = (Vec::new(), 0);
            for document in &documents {
                let (found, without_date) = propose(document, locale);
                events.extend(found);
                undated += without_date.len();
            }
            let events = corroborate(events);
            if events.is_empty() {
                problems.report("propose: no dated happening was found; the timeline has no events", false)?;
            }
            if undated > 0 {
                problems.report(
                    format_args!("propose: {undated} happenings have no date and are not in the timeline (--format jsonl lists them)"),
                    false,
                )?;
            }
            let title = match &documents[..] {
                [one] => one.title.clone(),
                many => format!("Proposed from {} documents", many.len()),
            };
            let timeline = Timeline {
                format: FORMAT.to_owned(),
                version: VERSION,
                title,
                description: None,
                media: None,
                documents,
                events,
                eras: Vec::new(),
            };
            writeln!(out, "{}", timeline.to_json())?;
            Ok(problems.exit_code())
        }
    }
}

/// A document's proposed events and undated happenings, in one pass over its text.
fn propose(document: &Document, locale: Locale) -> (Vec<Event>, Vec<Undated>) {
    let (mut events, mut undated) = (Vec::new(), Vec::new());
    for (_, _, found, without_date) in propose_events_chunked(document, locale, usize::MAX) {
        events.extend(found);
        undated.extend(without_date);
    }
    (events, undated)
}

/// The publication date: `--dct`, else a dateline near the top of the text.
fn published(text: &str, dct: Option<NaiveDate>) -> Option<Published> {
    match dct {
        Some(d) => Some(Published { date: DateValue::from_date(d), source: "Given on the command line (--dct).".to_owned() }),
        None => guess_publication_date(text),
    }
}

/// A file as a document: decoded (HTML becomes its text), titled from its first line, with an id
/// from its name that no earlier document has.
fn document_of_file(path: &str, dct: Option<NaiveDate>, taken: &[Document]) -> Result<Document, String> {
    let text = if path == "-" {
        read_text(path)?
    } else {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
        decode_input(path, &bytes).map_err(|e| e.0)?
    };
    let stem = Path::new(path).file_stem().map_or_else(|| "document".to_owned(), |s| s.to_string_lossy().into_owned());
    let base: String = stem.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let base = if path == "-" { "stdin".to_owned() } else { base };
    let mut id = base.clone();
    let mut n = 2;
    while taken.iter().any(|d| d.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    Ok(Document { id, title: title_guess(&text), publisher: String::new(), published: published(&text, dct), text, ..Document::default() })
}

/// A JSON line as a document; an error names the line's id when it has one.
fn document_of_line(line: &str, dct: Option<NaiveDate>) -> Result<Document, (String, String)> {
    let id_of = |line: &str| {
        serde_json::from_str::<serde_json::Value>(line)
            .ok()
            .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_owned))
            .unwrap_or_default()
    };
    let input: LineIn = serde_json::from_str(line)
        .map_err(|e| (id_of(line), format!("not a document ({{\"id\", \"title\", \"published\", \"text\"}}): {e}")))?;
    if input.id.trim().is_empty() {
        return Err((input.id, "the document's id is empty".to_owned()));
    }
    let given = match input.published.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => match p.parse::<DateValue>() {
            Ok(date) => Some(Published { date, source: "Given with the document.".to_owned() }),
            Err(e) => return Err((input.id, format!("published: {e}"))),
        },
        None => None,
    };
    let published = given.or_else(|| published(&input.text, dct));
    let title = input.title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| title_guess(&input.text));
    Ok(Document { id: input.id, title, publisher: String::new(), published, text: input.text, ..Document::default() })
}
