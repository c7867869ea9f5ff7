//! `citeline export --to FORMAT FILE [--out PATH]`: a timeline file (any format `check` reads)
//! written in another: Citeline JSON, TimelineJS3 JSON, CSV in TimelineJS3's sheet columns, or
//! iCalendar, each keeping the evidence (`citeline_model::export`).

use std::io::{self, Write};

use citeline_model::export::ExportFormat;
use citeline_model::import::load_any;
use citeline_model::timeline::Severity;

use crate::args::{parse_options, read_text, usage, Problems};

/// Now, as iCalendar's `DTSTAMP` (UTC).
fn stamp() -> String {
    #[allow(clippy::disallowed_methods)] // the command line stamps what it writes with the time
    let now = std::time::SystemTime::now();
    let secs = now.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map_or_else(|| "19700101T000000Z".to_owned(), |t| t.format("%Y%m%dT%H%M%SZ").to_string())
}

/// The whole timeline as the page first shows it, 1,200 px wide, as an SVG picture.
fn whole_view_svg(timeline: &citeline_model::timeline::Timeline) -> String {
    use citeline_view::{
        index::EventIndex,
        layout::layout_indexed,
        picture::{view_svg, window_caption},
        view::ViewBounds,
        view::ViewState,
    };
    let index = EventIndex::of_timeline(timeline);
    let view = ViewState::fit(&ViewBounds::of_extent(timeline.extent_days()));
    let frame = layout_indexed(timeline, &index, &view, 1200.0);
    view_svg(&frame, &timeline.title, &window_caption(&view))
}

/// Runs `export`; exit code 1 if the file cannot be read or has errors (what loaded is still
/// written), 2 for bad arguments.
pub(crate) fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let opts = match parse_options(args, &["--to", "--out"], "export needs a FILE") {
        Ok(opts) => opts,
        Err(problem) => return Ok(usage(err, &problem)),
    };
    let names = format!("{}, svg", ExportFormat::ALL.map(ExportFormat::name).join(", "));
    let picture = opts.to.as_deref().is_some_and(|name| name.eq_ignore_ascii_case("svg"));
    let Some(format) = opts.to.as_deref().map(|name| ExportFormat::from_name(name).ok_or(name)) else {
        return Ok(usage(err, &format!("export needs --to FORMAT ({names})")));
    };
    let format = match format {
        Ok(format) => Some(format),
        Err(_) if picture => None,
        Err(name) => return Ok(usage(err, &format!("--to is one of {names}, not '{name}'"))),
    };
    let [path] = opts.files.as_slice() else { return Ok(usage(err, "export takes one FILE")) };
    let mut problems = Problems::new(err);
    let Some(text) = problems.or_report(read_text(path))? else { return Ok(problems.exit_code()) };
    let Some((timeline, diagnostics)) = problems.or_report(load_any(&text).map_err(|e| format!("{path}: {e}")))? else {
        return Ok(problems.exit_code());
    };
    for d in &diagnostics {
        problems.report(format_args!("{path}: {d}"), d.severity == Severity::Error)?;
    }
    let written = match format {
        Some(format) => format.write(&timeline, &stamp()),
        None => whole_view_svg(&timeline),
    };
    match &opts.out {
        Some(target) => {
            if let Err(e) = std::fs::write(target, &written) {
                problems.report(format_args!("{target}: cannot write: {e}"), true)?;
            }
        }
        None => out.write_all(written.as_bytes())?,
    }
    Ok(problems.exit_code())
}
