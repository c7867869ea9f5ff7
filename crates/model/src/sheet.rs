//! TimelineJS3's Google Sheets template as CSV (File → Download → CSV, or a sheet published to
//! the web as CSV): a header row naming its columns (Year, Month, Day, Time, End Year, End Month,
//! End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media
//! Thumbnail, Type, Group, Background), then one row per slide. A row of Type `title` is the
//! title slide, `era` an era; any other row is an event. Each row is read as the TimelineJS3
//! JSON slide it stands for (`crate::import`), so both read a slide the same way; problems name
//! the row (as a spreadsheet numbers it) and the column.

use serde_json::{json, Map, Value};

use crate::import::{from_slides, SlideNames};
use crate::timeline::{Diagnostic, LoadError, Severity, Timeline};

/// Whether `text` looks like the sheet as CSV: its first line names at least Year and Headline.
pub fn looks_like_sheet(text: &str) -> bool {
    let first = text.trim_start_matches('\u{feff}').lines().next().unwrap_or_default();
    let names: Vec<String> = first.split([',', '\t', ';']).map(|c| c.trim().trim_matches('"').to_ascii_lowercase()).collect();
    names.iter().any(|n| n == "year") && names.iter().any(|n| n == "headline")
}

/// The columns this reader uses, by their names in the header (any order, any case).
struct Columns {
    index: Vec<(String, usize)>,
}

impl Columns {
    fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> Option<&'r str> {
        let (_, i) = self.index.iter().find(|(n, _)| n == name)?;
        record.get(*i).map(str::trim).filter(|v| !v.is_empty())
    }
}

/// A date object as TimelineJS3 JSON has it, from the sheet's `Year`, `Month`, `Day` and `Time`
/// cells (with `prefix` "End " for the end); `None` without a year. A time it cannot read is
/// an error naming the column.
fn date_cells(columns: &Columns, record: &csv::StringRecord, prefix: &str) -> Result<Option<Value>, (String, String)> {
    let cell = |name: &str| columns.get(record, &format!("{prefix}{name}").to_ascii_lowercase());
    let Some(year) = cell("year") else { return Ok(None) };
    let mut date = Map::new();
    date.insert("year".into(), json!(year));
    for (key, name) in [("month", "month"), ("day", "day")] {
        if let Some(value) = cell(name) {
            date.insert(key.into(), json!(value));
        }
    }
    if let Some(time) = cell("time") {
        let (hour, minute) =
            parse_time(time).ok_or_else(|| (format!("{prefix}Time"), format!("\"{time}\" is not a time (HH:MM, HH:MM:SS or h:mm PM)")))?;
        date.insert("hour".into(), json!(hour));
        date.insert("minute".into(), json!(minute));
    }
    Ok(Some(Value::Object(date)))
}

/// `14:30`, `14:30:00`, `2:30 PM`, `2:30pm`: hour and minute.
fn parse_time(text: &str) -> Option<(u32, u32)> {
    let lower = text.trim().to_ascii_lowercase();
    let (clock, half) = match lower.strip_suffix("pm").or_else(|| lower.strip_suffix("p.m.")) {
        Some(rest) => (rest.trim(), Some(12)),
        None => match lower.strip_suffix("am").or_else(|| lower.strip_suffix("a.m.")) {
            Some(rest) => (rest.trim(), Some(0)),
            None => (lower.as_str(), None),
        },
    };
    let mut parts = clock.split(':');
    let hour: u32 = parts.next()?.trim().parse().ok()?;
    let minute: u32 = parts.next().map_or(Some(0), |m| m.trim().parse().ok())?;
    if let Some(seconds) = parts.next() {
        seconds.trim().parse::<f64>().ok()?;
    }
    if parts.next().is_some() || minute > 59 {
        return None;
    }
    let hour = match half {
        Some(offset) if (1..=12).contains(&hour) => hour % 12 + offset,
        Some(_) => return None,
        None if hour <= 23 => hour,
        None => return None,
    };
    Some((hour, minute))
}

/// The sheet's columns for each field of the TimelineJS3 slide a row stands for.
const COLUMNS_OF_FIELDS: [(&str, &str); 5] = [
    ("start_date", "Year, Month, Day, Time"),
    ("end_date", "End Year, End Month, End Day, End Time"),
    ("text", "Headline, Text"),
    ("media", "Media"),
    ("background", "Background"),
];

/// Reads the sheet as CSV. A row that cannot be read is named (row and column) and the rest
/// load; empty rows are not slides and are passed over.
pub fn from_csv(text: &str) -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = if text.lines().next().is_some_and(|l| l.contains('\t') && !l.contains(',')) { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| LoadError::Format(format!("the CSV header cannot be read: {e}")))?.clone();
    let columns = Columns { index: headers.iter().enumerate().map(|(i, h)| (h.trim().to_ascii_lowercase(), i)).collect() };
    let mut diagnostics = Vec::new();
    let unknown: Vec<&str> = headers
        .iter()
        .map(str::trim)
        .filter(|h| !h.is_empty() && !crate::export::SHEET_COLUMNS.iter().any(|c| c.eq_ignore_ascii_case(h)))
        .collect();
    if !unknown.is_empty() {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            item: "row 1 (the header)".into(),
            field: unknown.join(", "),
            message: "not a column of TimelineJS3's sheet; left out".into(),
        });
    }
    let (mut title, mut eras, mut slides) = (Value::Null, Vec::new(), Vec::new());
    let mut names = SlideNames { events: Vec::new(), eras: Vec::new(), fields: &COLUMNS_OF_FIELDS };
    for (i, record) in reader.records().enumerate() {
        // Row 1 is the header, as a spreadsheet numbers them.
        let row = i + 2;
        let item = |record: &csv::StringRecord| match columns.get(record, "headline") {
            Some(headline) => format!("row {row} (\"{}\")", crate::import::plain_text(headline).chars().take(40).collect::<String>()),
            None => format!("row {row}"),
        };
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    item: format!("row {row}"),
                    field: String::new(),
                    message: format!("cannot be read: {e}; left out"),
                });
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| columns.get(&record, name);
        let (start, end) = match (date_cells(&columns, &record, ""), date_cells(&columns, &record, "End ")) {
            (Ok(start), Ok(end)) => (start, end),
            (Err((field, message)), _) | (_, Err((field, message))) => {
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    item: item(&record),
                    field,
                    message: format!("{message}; the row was left out"),
                });
                continue;
            }
        };
        let text = json!({ "headline": cell("headline"), "text": cell("text") });
        match cell("type").map(str::to_ascii_lowercase).as_deref() {
            Some("title") => {
                title = json!({ "text": text });
                if let Some(url) = cell("media") {
                    title["media"] = json!({ "url": url, "credit": cell("media credit"), "caption": cell("media caption") });
                }
            }
            Some("era") => {
                names.eras.push(format!("row {row} (an era)"));
                eras.push(json!({ "start_date": start, "end_date": end, "text": text }));
            }
            _ => {
                let mut slide = json!({ "start_date": start, "end_date": end, "text": text, "group": cell("group"), "display_date": cell("display date") });
                if let Some(url) = cell("media") {
                    slide["media"] = json!({ "url": url, "credit": cell("media credit"), "caption": cell("media caption") });
                }
                // A background is a picture or a colour; only a picture is kept.
                if let Some(url) = cell("background").filter(|b| !b.starts_with('#')) {
                    slide["background"] = json!({ "url": url });
                }
                slides.push(slide);
                names.events.push(item(&record));
            }
        }
    }
    // The slides' problems, named as the sheet has them.
    let (timeline, built) = from_slides(&title, &slides, &Value::Array(eras), &names);
    diagnostics.extend(built);
    if timeline.events.is_empty() && diagnostics.iter().all(|d| d.severity != Severity::Error) {
        return Err(LoadError::Format("the sheet has no rows of events".into()));
    }
    Ok((timeline, diagnostics))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::EventDate;
    use crate::export::{to_csv, SHEET_COLUMNS};

    /// A sheet written as TimelineJS3's template has it (every column, a title row, an era).
    fn template() -> String {
        let header = SHEET_COLUMNS.join(",");
        [
            header.as_str(),
            ",,,,,,,,,Bridge history,<p>Forty years of plans.</p>,,,,,title,,",
            "2015,3,4,,,,,,,Plan agreed,\"<p>The council agreed the plan, at last.</p>\",,,,,,Council,",
            "2016,,,,2018,6,,,,Construction,,https://x.org/crane.jpg,Photo: A. Smith,The crane,,,Works,#222222",
            "2020,1,2,2:30 PM,,,,,,Opening,,,,,,,,https://x.org/bg.jpg",
            ",,,,,,,,,,,,,,,,,",
            "2019,13,,,,,,,,Bad month,,,,,,,,",
            "2021,1,1,25:00,,,,,,Bad time,,,,,,,,",
            "2015,,,,2016,6,,,,Planning,,,,,,era,,",
        ]
        .join("\r\n")
    }

    #[test]
    fn the_template_sheet_reads_as_timelinejs3_reads_it() {
        assert!(looks_like_sheet(&template()));
        let (timeline, diagnostics) = from_csv(&template()).expect("reads");
        assert_eq!(timeline.title, "Bridge history");
        let titles: Vec<&str> = timeline.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Plan agreed", "Construction", "Opening"]);
        assert_eq!(timeline.events[0].date, EventDate::Point("2015-03-04".parse().unwrap()));
        assert_eq!(timeline.events[1].date, EventDate::Range { start: "2016".parse().unwrap(), end: "2018-06".parse().unwrap() });
        assert_eq!(timeline.events[2].date, EventDate::Point("2020-01-02T14:30".parse().unwrap()));
        assert_eq!(timeline.events[0].passages[0].quote.exact, "Plan agreed. The council agreed the plan, at last.");
        assert_eq!(timeline.events[0].group.as_deref(), Some("Council"), "the group");
        let media = timeline.events[1].media.as_ref().expect("media");
        assert_eq!(
            (media.url.as_str(), media.credit.as_deref(), media.caption.as_deref()),
            ("https://x.org/crane.jpg", Some("Photo: A. Smith"), Some("The crane"))
        );
        assert_eq!(timeline.events[2].media.as_ref().map(|m| m.url.as_str()), Some("https://x.org/bg.jpg"), "a background picture");
        assert_eq!(timeline.eras.len(), 1);
        assert_eq!(timeline.eras[0].title, "Planning");
        // Each problem names the row, as the spreadsheet numbers it, and the column.
        let named: Vec<(&str, &str)> = diagnostics.iter().map(|d| (d.item.as_str(), d.field.as_str())).collect();
        assert_eq!(named, [("row 8 (\"Bad time\")", "Time"), ("row 7 (\"Bad month\")", "Year, Month, Day, Time")], "{diagnostics:?}");
        assert_eq!(diagnostics[1].message, "month 13 is not 1 to 12");
    }

    #[test]
    fn what_citeline_writes_as_csv_it_reads_back() {
        let (seed, _) = crate::seed::seed_timeline().expect("seed");
        let (back, diagnostics) = from_csv(&to_csv(&seed)).expect("reads back");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(back.title, seed.title);
        assert_eq!(
            back.events.iter().map(|e| (&e.title, e.date)).collect::<Vec<_>>(),
            seed.events.iter().map(|e| (&e.title, e.date)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn columns_in_any_order_tabs_a_bom_and_unknown_columns() {
        let text = "\u{feff}Headline\tYear\tNotes\nLaunch\t2018\tx\n";
        let (timeline, diagnostics) = from_csv(text).expect("reads");
        assert_eq!(timeline.events[0].title, "Launch");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!((diagnostics[0].field.as_str(), diagnostics[0].severity), ("Notes", Severity::Warning));
        assert!(matches!(from_csv("Year,Headline\n"), Err(LoadError::Format(_))), "no events is an error in words");
    }

    #[test]
    fn times_as_sheets_write_them() {
        assert_eq!(parse_time("14:30"), Some((14, 30)));
        assert_eq!(parse_time("14:30:15"), Some((14, 30)));
        assert_eq!(parse_time("2:05 pm"), Some((14, 5)));
        assert_eq!(parse_time("12:00 AM"), Some((0, 0)));
        assert_eq!(parse_time("12 PM"), Some((12, 0)));
        for bad in ["25:00", "13:00 PM", "noon", "1:60", ""] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_without_panicking(text in "\\PC{0,300}") {
            let _ = from_csv(&format!("Year,Headline,Text\n{text}"));
        }
    }
}
