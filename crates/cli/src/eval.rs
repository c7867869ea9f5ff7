//! `citeline eval`: TempEval-3 scores of the extractor against the gold TIMEX3 in `.tml` files, and
//! with `--verbose` a listing of its errors; with `--anchoring`, how well the proposed happenings
//! put TimeML's anchored events at their dates.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use citeline_eval::anchoring::{self, AnchorCounts, AnchorReport, Proposed, Reach};
use citeline_eval::tempeval::{align, score, Counts, Report, ScoredTimex};
use citeline_eval::timeml;
use citeline_extract::{extract, happenings, sentences, Locale, Mention};
use citeline_model::date::DateValue;
use citeline_model::document::byte_range_of_chars;
use citeline_model::document::{Document, Published};

use crate::args::{is_timeml, parse_options, read_text, usage, Problems};

/// Runs `eval` with `args`; exit code 1 if any argument or file cannot be read.
pub(crate) fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let opts = match parse_options(args, &["--verbose", "--locale", "--anchoring"], "eval needs at least one directory or .tml file") {
        Ok(o) => o,
        Err(problem) => return Ok(usage(err, &problem)),
    };
    let locale = opts.locale.unwrap_or(Locale::EnUs);
    if opts.anchoring {
        return anchoring(&opts.files, locale, opts.verbose, out, err);
    }
    let mut problems = Problems::new(err);
    let mut reports = Vec::new();
    for arg in &opts.files {
        let Some(files) = problems.or_report(tml_files(arg))? else { continue };
        let mut counts = Counts::default();
        for file in files {
            let name = file.display().to_string();
            let doc = read_text(&name).and_then(|s| timeml::parse(&s).map_err(|e| format!("{name}: {e}")));
            let Some(doc) = problems.or_report(doc)? else { continue };
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
    Ok(problems.exit_code())
}

/// `eval --anchoring`: for each argument, how many of the events TimeML's TLINKs anchor to a date
/// the proposals find at that date (by their trigger word, and by their passage), how many
/// proposals name an annotated event, how many anchors a one-sentence passage could reach at all
/// (`anchoring::reach`), and how fast documents are proposed (one core).
fn anchoring(args: &[String], locale: Locale, verbose: bool, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let mut problems = Problems::new(err);
    let mut reports = Vec::new();
    let (mut documents, mut chars, mut spent) = (0usize, 0usize, std::time::Duration::ZERO);
    for arg in args {
        let Some(files) = problems.or_report(tml_files(arg))? else { continue };
        let (mut counts, mut reach) = (AnchorCounts::default(), Reach::default());
        for file in files {
            let name = file.display().to_string();
            let doc = read_text(&name).and_then(|s| timeml::parse(&s).map_err(|e| format!("{name}: {e}")));
            let Some(doc) = problems.or_report(doc)? else { continue };
            let document = Document {
                id: "d".to_owned(),
                published: doc.dct.map(|d| Published { date: DateValue::from_date(d), source: "DCT".to_owned() }),
                text: doc.text.clone(),
                ..Document::default()
            };
            #[allow(clippy::disallowed_methods)] // the command line reports how fast documents are proposed
            let started = std::time::Instant::now();
            let found = happenings(&document, locale);
            spent += started.elapsed();
            documents += 1;
            chars += doc.text.chars().count();
            let proposed: Vec<Proposed> = found
                .iter()
                .map(|h| {
                    let passage = &h.event.passages[0].position;
                    Proposed {
                        trigger: h.trigger.0..h.trigger.1,
                        passage: passage.start..passage.end,
                        date: h.date_span.0..h.date_span.1,
                        value: h.timex_value.clone(),
                    }
                })
                .collect();
            if verbose {
                list_anchor_misses(out, &name, &doc, &proposed)?;
            }
            counts += anchoring::score(&doc, &proposed);
            let read: Vec<_> = extract(&doc.text, doc.dct, locale).into_iter().map(|m| (m.start..m.end, m.value)).collect();
            reach += anchoring::reach(&doc, &sentences(&doc.text), &read);
        }
        reports.push((AnchorReport::new(arg.clone(), counts), reach));
    }
    for (report, reach) in &reports {
        writeln!(out, "{report}; {reach}")?;
    }
    if reports.len() > 1 {
        let all = AnchorReport::new("all", reports.iter().map(|(r, _)| r.counts).sum());
        writeln!(out, "{all}; {}", reports.iter().map(|(_, r)| *r).sum::<Reach>())?;
    }
    let seconds = spent.as_secs_f64();
    if documents > 0 && seconds > 0.0 {
        writeln!(
            out,
            "proposed {documents} documents ({:.1} MB of text) in {:.0} ms on one core: {:.0} documents/s",
            chars as f64 / 1e6,
            seconds * 1000.0,
            documents as f64 / seconds
        )?;
    }
    Ok(problems.exit_code())
}

/// One line per anchored event no proposal's trigger finds at its date: the event's word, the
/// date's words and value, and what the proposals made of that date.
fn list_anchor_misses(out: &mut dyn Write, name: &str, doc: &timeml::TimemlDoc, proposed: &[Proposed]) -> io::Result<()> {
    let text = |a: usize, b: usize| {
        byte_range_of_chars(&doc.text, a, b).map_or("", |r| &doc.text[r]).split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for anchor in &doc.anchors {
        let (Some(event), Some(timex)) = (doc.events.iter().find(|e| e.eid == anchor.eid), doc.gold.iter().find(|t| t.tid == anchor.tid))
        else {
            continue;
        };
        let at_date: Vec<&Proposed> = proposed.iter().filter(|p| p.date.start < timex.end && timex.start < p.date.end).collect();
        let found = at_date
            .iter()
            .any(|p| p.trigger.start < event.end && event.start < p.trigger.end && anchoring::same_date(&timex.value, &p.value));
        if found {
            continue;
        }
        let ours = if at_date.is_empty() {
            "no proposal at this date".to_owned()
        } else {
            at_date
                .iter()
                .map(|p| format!("trigger \"{}\" value {}", text(p.trigger.start, p.trigger.end), p.value))
                .collect::<Vec<_>>()
                .join("; ")
        };
        writeln!(
            out,
            "{name}: {} \"{}\" [{}] {} \"{}\" {}: {ours}",
            anchor.rel,
            text(event.start, event.end),
            event.start,
            timex.tid,
            text(timex.start, timex.end),
            timex.value
        )?;
    }
    Ok(())
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
