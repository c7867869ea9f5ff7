//! `citeline eval`: TempEval-3 scores of the extractor against the gold TIMEX3 in `.tml` files, and
//! with `--verbose` a listing of its errors.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use citeline_eval::tempeval::{align, score, Counts, Report, ScoredTimex};
use citeline_eval::timeml;
use citeline_extract::{extract, Locale, Mention};
use citeline_model::document::byte_range_of_chars;

use crate::args::{is_timeml, parse_options, read_text, usage, Problems};

/// Runs `eval` with `args`; exit code 1 if any argument or file cannot be read.
pub(crate) fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let opts = match parse_options(args, &["--verbose", "--locale"], "eval needs at least one directory or .tml file") {
        Ok(o) => o,
        Err(problem) => return Ok(usage(err, &problem)),
    };
    let locale = opts.locale.unwrap_or(Locale::EnUs);
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
