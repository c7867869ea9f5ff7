//! `citeline check FILE...`: load timeline files (ours, TimelineJS3 JSON or its sheet as CSV) and print their
//! diagnostics and load time.

use std::io::{self, Write};

use citeline_model::import::load_any;
use citeline_model::timeline::Severity;

use crate::args::{read_text, Problems};

/// Runs `check` on `files`; exit code 1 if any cannot be read or has errors.
pub(crate) fn run(files: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    if files.is_empty() {
        writeln!(err, "usage: citeline check FILE...")?;
        return Ok(2);
    }
    let mut problems = Problems::new(err);
    for path in files {
        let Some(text) = problems.or_report(read_text(path))? else { continue };
        #[allow(clippy::disallowed_methods)] // the command line reports how long loading took
        let started = std::time::Instant::now();
        let Some((timeline, diagnostics)) = problems.or_report(load_any(&text).map_err(|e| format!("{path}: {e}")))? else { continue };
        for d in &diagnostics {
            problems.report(format_args!("{path}: {d}"), d.severity == Severity::Error)?;
        }
        let ms = started.elapsed().as_millis();
        writeln!(out, "{path}: {} documents, {} events (loaded in {ms} ms)", timeline.documents.len(), timeline.events.len())?;
    }
    Ok(problems.exit_code())
}
