//! Every way out of Citeline: TimelineJS3 JSON (v3), the Google-Sheets CSV with TimelineJS3's
//! columns, and iCalendar. Each keeps the evidence: an event's text carries its passages, each
//! with its document, publisher, date and a link to it at its source, and how its date was
//! worked out. Our own JSON is [`Timeline::to_json`].

use std::fmt::Write;

use chrono::Datelike;
use serde_json::{json, Map, Value};

use crate::date::{DateParts, DateValue, EventDate, Granularity};
use crate::markup::escape as html;
use crate::media::{Media, MediaKind};
use crate::source::{source_links, CopyKind};
use crate::timeline::{Event, Timeline};

/// The columns of TimelineJS3's Google Sheets template, in its order.
pub const SHEET_COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// The formats a timeline can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Citeline's own JSON.
    Citeline,
    /// TimelineJS3 JSON (v3).
    TimelineJs,
    /// CSV in TimelineJS3's sheet columns.
    Csv,
    /// iCalendar (`.ics`).
    ICalendar,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 4] = [ExportFormat::Citeline, ExportFormat::TimelineJs, ExportFormat::Csv, ExportFormat::ICalendar];

    /// Its name on the command line (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Citeline => "citeline",
            ExportFormat::TimelineJs => "timelinejs",
            ExportFormat::Csv => "csv",
            ExportFormat::ICalendar => "ics",
        }
    }

    /// The format called `name` (also `json` for ours, `tjs` for TimelineJS3's).
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        match name.to_ascii_lowercase().as_str() {
            "citeline" | "json" => Some(ExportFormat::Citeline),
            "timelinejs" | "timelinejs3" | "tjs" => Some(ExportFormat::TimelineJs),
            "csv" | "sheet" => Some(ExportFormat::Csv),
            "ics" | "ical" | "icalendar" => Some(ExportFormat::ICalendar),
            _ => None,
        }
    }

    /// What people call it (a menu entry).
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Citeline => "Citeline JSON",
            ExportFormat::TimelineJs => "TimelineJS3 JSON",
            ExportFormat::Csv => "Spreadsheet (CSV, TimelineJS3's columns)",
            ExportFormat::ICalendar => "Calendar (iCalendar .ics)",
        }
    }

    /// The file name ending.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Citeline => "citeline.json",
            ExportFormat::TimelineJs => "timelinejs.json",
            ExportFormat::Csv => "csv",
            ExportFormat::ICalendar => "ics",
        }
    }

    /// The media type a download is given.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Citeline | ExportFormat::TimelineJs => "application/json",
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::ICalendar => "text/calendar;charset=utf-8",
        }
    }

    /// `timeline` written in this format. `stamp` is the moment of writing as
    /// `YYYYMMDDTHHMMSSZ` (iCalendar's `DTSTAMP`; the caller reads the clock).
    pub fn write(self, timeline: &Timeline, stamp: &str) -> String {
        match self {
            ExportFormat::Citeline => timeline.to_json(),
            ExportFormat::TimelineJs => serde_json::to_string_pretty(&to_timelinejs(timeline)).unwrap_or_default(),
            ExportFormat::Csv => to_csv(timeline),
            ExportFormat::ICalendar => to_icalendar(timeline, stamp),
        }
    }
}

/// An event's evidence as HTML, as TimelineJS3 shows a slide's text: the summary, how its date was
/// worked out, then each passage quoted with its source (linked to the passage there when the
/// document has a web address).
pub fn evidence_html(timeline: &Timeline, event: &Event) -> String {
    let mut out = String::new();
    if !event.summary.trim().is_empty() {
        let _ = write!(out, "<p>{}</p>", html(&event.summary));
    }
    let _ = write!(out, "<p><i>{}: {}</i></p>", html(event.date_basis.kind.describe()), html(&event.date_basis.explanation));
    for p in &event.passages {
        let _ = write!(out, "<blockquote>{}</blockquote>", html(&p.quote.exact));
        let Some(document) = timeline.document(&p.document) else { continue };
        let title = match source_links(document, &p.quote).into_iter().find(|l| l.copy == CopyKind::Original).and_then(|l| l.href) {
            Some(href) => format!("<a href=\"{}\">{}</a>", html(&href), html(&document.title)),
            None => html(&document.title),
        };
        let published = document.published.as_ref().map(|d| format!(", {}", html(&d.date.display_long()))).unwrap_or_default();
        let _ = write!(out, "<p>— {title}, {}{published}</p>", html(&document.publisher));
    }
    out
}

/// An event's evidence as plain text (a calendar's description): summary, date basis, passages
/// with their sources and links.
pub fn evidence_text(timeline: &Timeline, event: &Event) -> String {
    let mut out = String::new();
    if !event.summary.trim().is_empty() {
        out.push_str(event.summary.trim());
        out.push_str("\n\n");
    }
    let _ = write!(out, "Date: {}: {}", event.date_basis.kind.describe(), event.date_basis.explanation);
    for p in &event.passages {
        let _ = write!(out, "\n\n“{}”", p.quote.exact.trim());
        let Some(document) = timeline.document(&p.document) else { continue };
        let published = document.published.as_ref().map(|d| format!(", {}", d.date.display_long())).unwrap_or_default();
        let _ = write!(out, "\n— {}, {}{published}", document.title, document.publisher);
        for link in source_links(document, &p.quote) {
            let _ = write!(out, "\n{}: {}", link.copy.label(), link.href.unwrap_or(link.address));
        }
    }
    out
}

/// A year as TimelineJS3 counts it (no year 0: 1 BCE is -1) from ours (astronomical: 1 BCE is 0).
fn tjs_year(year: i64) -> i64 {
    if year <= 0 {
        year - 1
    } else {
        year
    }
}

/// A date as TimelineJS3 writes one: `{"year": 2018, "month": 6, "day": 8, "hour": 14, "minute": 30}`.
fn tjs_date(value: &DateValue) -> Value {
    let DateParts { year, month, day, time } = value.parts();
    let mut date = Map::new();
    date.insert("year".into(), json!(tjs_year(year)));
    if let Some(month) = month {
        date.insert("month".into(), json!(month));
    }
    if let Some(day) = day {
        date.insert("day".into(), json!(day));
    }
    if let Some((hour, minute)) = time {
        date.insert("hour".into(), json!(hour));
        date.insert("minute".into(), json!(minute));
    }
    Value::Object(date)
}

/// Whether TimelineJS3's and the sheet's date fields cannot say `date` (about, uncertain, a
/// decade, a century, an open range), so that it goes out in words too.
fn words_needed(date: &EventDate) -> bool {
    !date.qualifier().is_exact() || date.granularity() < Granularity::Year || date.open().is_some()
}

/// The timeline's description as the title slide's HTML.
fn description_html(timeline: &Timeline) -> Option<String> {
    timeline.description.as_deref().map(|d| format!("<p>{}</p>", html(d)))
}

fn ends(date: &EventDate) -> (&DateValue, Option<&DateValue>) {
    match date {
        EventDate::Point(v) => (v, None),
        EventDate::Range { start, end } => (start, Some(end)),
        // What TimelineJS3, a sheet and a calendar can hold of an open range: its known value
        // (and, for TimelineJS3 and the sheet, the words).
        EventDate::Until(v) | EventDate::From(v) => (v, None),
    }
}

/// Media as TimelineJS3's `media` object (its text fields as HTML); `None` for media that is
/// not a picture or a link.
fn tjs_media(media: &Media) -> Option<Value> {
    if media.kind() == MediaKind::Unusable {
        return None;
    }
    let mut m = json!({ "url": media.url });
    for (key, value) in
        [("caption", &media.caption), ("credit", &media.credit), ("alt", &media.alt), ("title", &media.title), ("link", &media.link)]
    {
        if let Some(value) = value {
            m[key] = json!(html(value));
        }
    }
    Some(m)
}

/// The timeline as TimelineJS3 JSON (v3): a title slide (with the timeline's media), one slide
/// per event (its id as `unique_id`, its evidence as the text, its media), and the eras.
pub fn to_timelinejs(timeline: &Timeline) -> Value {
    let events: Vec<Value> = timeline
        .events
        .iter()
        .map(|event| {
            let (start, end) = ends(&event.date);
            let mut slide = json!({
                "unique_id": event.id,
                "start_date": tjs_date(start),
                "text": { "headline": html(&event.title), "text": evidence_html(timeline, event) },
            });
            if let Some(end) = end {
                slide["end_date"] = tjs_date(end);
            }
            // What TimelineJS3's dates cannot say is said in words, and kept for Citeline in a
            // field TimelineJS3 passes over.
            if words_needed(&event.date) {
                slide["display_date"] = json!(event.date.display_long());
                slide["citeline_date"] = json!(event.date);
            }
            if let Some(media) = event.media.as_ref().and_then(tjs_media) {
                slide["media"] = media;
            }
            if let Some(group) = &event.group {
                slide["group"] = json!(group);
            }
            slide
        })
        .collect();
    let eras: Vec<Value> = timeline
        .eras
        .iter()
        .map(|era| json!({ "start_date": tjs_date(&era.start), "end_date": tjs_date(&era.end), "text": { "headline": html(&era.title) } }))
        .collect();
    let mut out = json!({
        "title": { "text": {
            "headline": html(&timeline.title),
            "text": description_html(timeline).unwrap_or_else(|| "<p>Made with Citeline: every event quotes its sources.</p>".to_owned()),
        } },
        "events": events,
    });
    if let Some(media) = timeline.media.as_ref().and_then(tjs_media) {
        out["title"]["media"] = media;
    }
    if !eras.is_empty() {
        out["eras"] = json!(eras);
    }
    // TimelineJS3 places dates with JavaScript's Date, which ends 100 million days either side of
    // 1970; past that it needs its cosmological scale (years alone).
    let beyond_js = |d: &EventDate| d.start_days().abs() > 1e8 || d.end_days().abs() > 1e8;
    if timeline.events.iter().map(|e| &e.date).any(beyond_js) {
        out["scale"] = json!("cosmological");
    }
    out
}

/// Rows as CSV (RFC 4180: CRLF line ends, a field quoted only when it must be), by the same
/// crate that reads the sheet.
fn csv_text(rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).flexible(true).from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row);
    }
    writer.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}

/// Year, Month, Day and Time cells of a date (empty where finer than its granularity).
fn sheet_date(value: Option<&DateValue>) -> [String; 4] {
    let Some(value) = value else { return Default::default() };
    let DateParts { year, month, day, time } = value.parts();
    [
        tjs_year(year).to_string(),
        month.map(|m| m.to_string()).unwrap_or_default(),
        day.map(|d| d.to_string()).unwrap_or_default(),
        time.map(|(h, m)| format!("{h:02}:{m:02}")).unwrap_or_default(),
    ]
}

/// The timeline as CSV in TimelineJS3's sheet columns, as its Google Sheets template has them:
/// a `title` row, one row per event, one `era` row per era. (The sheet has no id column: an
/// event's id does not survive this format.)
pub fn to_csv(timeline: &Timeline) -> String {
    let mut rows = vec![SHEET_COLUMNS.map(str::to_owned).to_vec()];
    let row = |date: [String; 4], end: [String; 4], headline: &str, text: String, media: [String; 4], kind: &str, display: String| {
        let mut fields: Vec<String> = Vec::with_capacity(SHEET_COLUMNS.len());
        fields.extend(date);
        fields.extend(end);
        fields.push(display);
        fields.push(html(headline));
        fields.push(text);
        fields.extend(media);
        fields.push(kind.to_owned());
        fields.push(String::new()); // Group
        fields.push(String::new()); // Background
        fields
    };
    let description = description_html(timeline).unwrap_or_default();
    // The sheet's Media, Media Credit, Media Caption and Media Thumbnail cells.
    let media_cells = |media: &Option<Media>| {
        media.as_ref().filter(|m| m.kind() != MediaKind::Unusable).map_or_else(Default::default, |m| {
            [
                m.url.clone(),
                m.credit.as_deref().map(html).unwrap_or_default(),
                m.caption.as_deref().map(html).unwrap_or_default(),
                String::new(),
            ]
        })
    };
    let title_row =
        row(sheet_date(None), sheet_date(None), &timeline.title, description, media_cells(&timeline.media), "title", String::new());
    rows.push(title_row);
    for event in &timeline.events {
        let (start, end) = ends(&event.date);
        let media = media_cells(&event.media);
        let display = if words_needed(&event.date) { event.date.display_long() } else { String::new() };
        let mut fields = row(sheet_date(Some(start)), sheet_date(end), &event.title, evidence_html(timeline, event), media, "", display);
        if let (Some(group), Some(cell)) =
            (&event.group, SHEET_COLUMNS.iter().position(|c| *c == "Group").and_then(|at| fields.get_mut(at)))
        {
            *cell = group.clone();
        }
        rows.push(fields);
    }
    for era in &timeline.eras {
        let fields = row(
            sheet_date(Some(&era.start)),
            sheet_date(Some(&era.end)),
            &era.title,
            String::new(),
            Default::default(),
            "era",
            String::new(),
        );
        rows.push(fields);
    }
    csv_text(&rows)
}

/// iCalendar TEXT escaping: `\`, `;`, `,` and line breaks.
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a UTF-8 character), CRLF-ended.
fn ics_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// `DTSTART`/`DTEND` for an event: all-day dates from its first day to the day after its last
/// (a month- or year-dated event spans the month or year), or local date-times for a time.
fn ics_dates(date: &EventDate) -> Vec<String> {
    let (start, end) = ends(date);
    // Only events on the calendar come here (`to_icalendar`'s `fits`), so every value has a day.
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y%m%d").to_string()).unwrap_or_default();
    let at = |v: &DateValue| {
        let (h, m) = v.parts().time.unwrap_or((0, 0));
        format!("{}T{h:02}{m:02}00", day(v.first_day()))
    };
    let last = end.unwrap_or(start);
    match (start.granularity(), last.granularity()) {
        (Granularity::Time, Granularity::Time) => {
            let mut lines = vec![format!("DTSTART:{}", at(start))];
            if end.is_some() {
                lines.push(format!("DTEND:{}", at(last)));
            }
            lines
        }
        _ => {
            let mut lines = vec![format!("DTSTART;VALUE=DATE:{}", day(start.first_day()))];
            if let Some(after) = last.next_day_after().filter(|_| last.granularity() != Granularity::Time) {
                lines.push(format!("DTEND;VALUE=DATE:{}", day(Some(after))));
            } else if let Some(after) = last.first_day().and_then(|d| d.succ_opt()) {
                lines.push(format!("DTEND;VALUE=DATE:{}", day(Some(after))));
            }
            lines
        }
    }
}

/// The timeline as an iCalendar file: one `VEVENT` per event, all-day or at its time by its
/// precision, its evidence and source links in the description (`URL`: the first source). A
/// calendar needs a full date, so an event dated to the month or year spans all of it, and its
/// description says how precisely it is known.
pub fn to_icalendar(timeline: &Timeline, stamp: &str) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Citeline//Citeline timeline//EN", "CALSCALE:GREGORIAN"] {
        ics_line(&mut out, line);
    }
    ics_line(&mut out, &format!("X-WR-CALNAME:{}", ics_text(&timeline.title)));
    let calendar = crate::workspace::slug(&timeline.title);
    // iCalendar's dates are four-digit years, 0000 to 9999: an event outside them has no place
    // in a calendar (its years are said in the calendar's description instead).
    let fits = |v: &DateValue| (0..=9999).contains(&v.parts().year) && v.next_day_after().is_some_and(|d| d.year() <= 9999);
    let (kept, left): (Vec<&Event>, Vec<&Event>) = timeline.events.iter().partition(|e| {
        let (start, end) = ends(&e.date);
        fits(start) && end.is_none_or(fits)
    });
    if !left.is_empty() {
        let names: Vec<String> = left.iter().map(|e| format!("{} ({})", e.title, e.date.display_long())).collect();
        let note = format!("Left out: events a calendar cannot date (before year 0 or after 9999): {}", names.join("; "));
        ics_line(&mut out, &format!("X-WR-CALDESC:{}", ics_text(&note)));
    }
    for event in kept {
        ics_line(&mut out, "BEGIN:VEVENT");
        ics_line(&mut out, &format!("UID:{}@{calendar}.citeline", event.id));
        ics_line(&mut out, &format!("DTSTAMP:{stamp}"));
        for line in ics_dates(&event.date) {
            ics_line(&mut out, &line);
        }
        ics_line(&mut out, &format!("SUMMARY:{}", ics_text(&event.title)));
        let precision = format!("Known {}: {}\n\n", event.date.granularity().describe(), event.date.display_long());
        ics_line(&mut out, &format!("DESCRIPTION:{}", ics_text(&(precision + &evidence_text(timeline, event)))));
        let first_link = event.passages.iter().find_map(|p| {
            let document = timeline.document(&p.document)?;
            source_links(document, &p.quote).into_iter().find_map(|l| l.href)
        });
        if let Some(url) = first_link {
            ics_line(&mut out, &format!("URL:{url}"));
        }
        ics_line(&mut out, "END:VEVENT");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::load_any;
    use crate::seed::seed_timeline;

    fn seed() -> Timeline {
        seed_timeline().expect("the seed loads").0
    }

    #[test]
    fn ours_to_timelinejs_and_back_keeps_every_event_and_date() {
        let mut timeline = seed();
        timeline.documents[0].url = Some("https://example.org/release".into());
        timeline.events[0].media =
            Some(crate::media::Media { url: "https://example.org/a.jpg".into(), caption: Some("A & B".into()), ..Default::default() });
        let tjs = ExportFormat::TimelineJs.write(&timeline, "");
        let (back, diagnostics) = load_any(&tjs).expect("TimelineJS3 reads it back");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(back.events.len(), timeline.events.len());
        for (a, b) in timeline.events.iter().zip(&back.events) {
            assert_eq!((&a.id, &a.title, a.date), (&b.id, &b.title, b.date), "id, title and date kept");
            assert_eq!(a.media, b.media);
        }
        assert_eq!(back.title, timeline.title);
        assert_eq!(back.eras, timeline.eras);
        // The evidence is in the text: every passage, and a link to it at its source.
        let value: Value = serde_json::from_str(&tjs).expect("JSON");
        let text = value["events"][0]["text"]["text"].as_str().expect("text");
        assert!(text.contains("<blockquote>") && text.contains(&html(&timeline.events[0].passages[0].quote.exact)), "{text}");
        let linked = value["events"]
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e["text"]["text"].as_str().is_some_and(|t| t.contains("href=\"https://example.org/release#:~:text=")));
        assert!(linked, "a passage of the document with an address links to it");
    }

    #[test]
    fn a_range_and_a_time_keep_their_precision_through_timelinejs() {
        let json = r#"{"format": "citeline-timeline", "version": 1, "title": "T",
            "documents": [{"id": "d", "title": "D", "publisher": "P", "text": "From June 2017 to June 2018. At 14:30 on 8 June 2018."}],
            "events": [
              {"id": "r", "title": "Range", "summary": "", "date": {"start": "2017-06", "end": "2018-06"},
               "date_basis": {"kind": "stated", "explanation": "x"},
               "passages": [{"document": "d", "supports": ["date"], "quote": {"exact": "From June 2017 to June 2018"}, "position": {"start": 0, "end": 27}}]},
              {"id": "t", "title": "Time", "summary": "s", "date": "2018-06-08T14:30",
               "date_basis": {"kind": "stated", "explanation": "x"},
               "passages": [{"document": "d", "supports": ["date"], "quote": {"exact": "At 14:30 on 8 June 2018"}, "position": {"start": 29, "end": 52}}]}
            ]}"#;
        let (timeline, diagnostics) = Timeline::from_json(json).expect("loads");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let (back, _) = load_any(&ExportFormat::TimelineJs.write(&timeline, "")).expect("reads back");
        assert_eq!(back.events.iter().map(|e| e.date).collect::<Vec<_>>(), timeline.events.iter().map(|e| e.date).collect::<Vec<_>>());
    }

    #[test]
    fn csv_has_the_sheet_columns_a_title_row_and_a_row_per_event() {
        let timeline = seed();
        let csv = to_csv(&timeline);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], SHEET_COLUMNS.join(","));
        assert!(lines[1].ends_with(",title,,") && lines[1].contains(&timeline.title), "{}", lines[1]);
        // The launch: 4 June 2018, a day.
        let launch = lines.iter().find(|l| l.starts_with("2018,6,4,,,,,,,")).expect("the launch row");
        assert!(launch.contains("<blockquote>"), "its evidence is in the Text column");
        assert_eq!(csv.matches("\r\n").count(), 2 + timeline.events.len() + timeline.eras.len(), "header, title, events, eras");
    }

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        let out = csv_text(&[vec!["a".into(), "b,c".into(), "say \"hi\"".into(), "two\nlines".into(), String::new()]]);
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    #[test]
    fn icalendar_has_a_vevent_per_event_all_day_or_timed_by_precision() {
        let timeline = seed();
        let ics = to_icalendar(&timeline, "20261130T120000Z");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), timeline.events.len());
        assert!(ics.lines().all(|l| l.len() <= 76), "folded at 75 octets (plus CR)");
        // The launch: all day on 4 June 2018; the 2011 strategy: all of 2011.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("UID:contest-2018-launch@"));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20180604\r\nDTEND;VALUE=DATE:20180605\r\n"), "{unfolded}");
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20110101\r\nDTEND;VALUE=DATE:20120101\r\n"));
        assert!(unfolded.contains("DESCRIPTION:Known to the year: 2011\\n\\n"));
        assert!(unfolded.contains("\\n\\n“"), "the passages are in the description");
    }

    #[test]
    fn icalendar_escapes_text_and_folds_without_cutting_a_character() {
        assert_eq!(ics_text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "é".repeat(80));
        ics_line(&mut out, &long);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{long}\r\n"));
        let timed = EventDate::Point("2018-06-08T14:30".parse().expect("a time"));
        assert_eq!(ics_dates(&timed), ["DTSTART:20180608T143000"]);
        let months = EventDate::Range { start: "2017-06".parse().expect("m"), end: "2018-06".parse().expect("m") };
        assert_eq!(ics_dates(&months), ["DTSTART;VALUE=DATE:20170601", "DTEND;VALUE=DATE:20180701"]);
    }

    #[test]
    fn uncertain_approximate_and_coarse_dates_survive_timelinejs_and_are_said_in_its_display_date() {
        let mut timeline = seed();
        let dates = ["2011~", "201X", "2018-06?", "../2017", "2018-06-04/.."];
        for (event, date) in timeline.events.iter_mut().zip(dates) {
            event.date = date.parse().expect("EDTF");
        }
        let tjs: Value = serde_json::from_str(&ExportFormat::TimelineJs.write(&timeline, "")).expect("JSON");
        assert_eq!(tjs["events"][0]["display_date"], "about 2011");
        assert_eq!(tjs["events"][1]["display_date"], "sometime in the 2010s");
        assert_eq!(tjs["events"][1]["start_date"], json!({"year": 2010}));
        let (back, _) = load_any(&tjs.to_string()).expect("reads back");
        assert_eq!(back.events.iter().map(|e| e.date).collect::<Vec<_>>(), timeline.events.iter().map(|e| e.date).collect::<Vec<_>>());
        assert!(to_csv(&timeline).contains(",about 2011,"), "the sheet's Display Date column says it");
        assert_eq!(tjs["events"][3]["display_date"], "until 2017");
    }

    #[test]
    fn an_event_s_group_goes_out_in_timelinejs_and_the_sheet_and_comes_back() {
        let mut timeline = seed();
        timeline.events[0].group = Some("Strategy".into());
        timeline.events[2].group = Some("Launch, 2018".into());
        let groups = |t: &Timeline| t.events.iter().map(|e| e.group.clone()).collect::<Vec<_>>();
        let tjs: Value = serde_json::from_str(&ExportFormat::TimelineJs.write(&timeline, "")).expect("JSON");
        assert_eq!(tjs["events"][0]["group"], "Strategy");
        assert!(tjs["events"][1].get("group").is_none(), "no group, no field");
        let (back, _) = load_any(&tjs.to_string()).expect("reads back");
        assert_eq!(groups(&back), groups(&timeline));
        let (from_sheet, _) = load_any(&to_csv(&timeline)).expect("the sheet reads back");
        assert_eq!(groups(&from_sheet), groups(&timeline), "the sheet's Group column, a comma and all");
        let (ours, _) = Timeline::from_json(&ExportFormat::Citeline.write(&timeline, "")).expect("our JSON");
        assert_eq!(groups(&ours), groups(&timeline));
    }

    #[test]
    fn deep_time_goes_out_on_timelinejs_cosmological_scale_and_comes_back() {
        let mut timeline = seed();
        timeline.events.truncate(2);
        timeline.events[0].date = "Y-13799999999".parse().expect("EDTF");
        timeline.events[1].date = "Y-65999999~".parse().expect("EDTF");
        let tjs: Value = serde_json::from_str(&ExportFormat::TimelineJs.write(&timeline, "")).expect("JSON");
        assert_eq!(tjs["scale"], "cosmological");
        assert_eq!(tjs["events"][0]["start_date"], json!({"year": -13_800_000_000_i64}));
        assert_eq!(tjs["events"][1]["display_date"], "about 66 million years ago");
        let (back, _) = load_any(&tjs.to_string()).expect("reads back");
        assert_eq!(back.events.iter().map(|e| e.date).collect::<Vec<_>>(), timeline.events.iter().map(|e| e.date).collect::<Vec<_>>());
        assert!(to_csv(&timeline).contains("\r\n-13800000000,,,"), "the sheet's Year column");
        let (from_sheet, _) = load_any(&to_csv(&timeline)).expect("the sheet reads back");
        assert_eq!(from_sheet.events[0].date, timeline.events[0].date);
        // Not on the scale without deep time.
        let plain: Value = serde_json::from_str(&ExportFormat::TimelineJs.write(&seed(), "")).expect("JSON");
        assert!(plain.get("scale").is_none());
    }

    #[test]
    fn years_before_1_ce_go_out_as_each_format_counts_them() {
        let json = r#"{"format": "citeline-timeline", "version": 1, "title": "Rome",
            "documents": [{"id": "d", "title": "D", "publisher": "P", "text": "Caesar died in 44 BC. Rome was founded in 753 BC."}],
            "events": [
              {"id": "caesar", "title": "Caesar dies", "summary": "", "date": "-0043-03-15",
               "date_basis": {"kind": "stated", "explanation": "x"},
               "passages": [{"document": "d", "supports": ["date"], "quote": {"exact": "Caesar died in 44 BC"}, "position": {"start": 0, "end": 20}}]},
              {"id": "rome", "title": "Rome founded", "summary": "", "date": "-0752",
               "date_basis": {"kind": "stated", "explanation": "x"},
               "passages": [{"document": "d", "supports": ["date"], "quote": {"exact": "Rome was founded in 753 BC"}, "position": {"start": 22, "end": 48}}]}
            ]}"#;
        let (timeline, diagnostics) = Timeline::from_json(json).expect("loads");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(timeline.events[0].date.display_long(), "Friday 15 March 44 BCE");
        // TimelineJS3 and its sheet have no year 0: 44 BCE is -44 there.
        let tjs: Value = serde_json::from_str(&ExportFormat::TimelineJs.write(&timeline, "")).expect("JSON");
        assert_eq!(tjs["events"][0]["start_date"], json!({"year": -44, "month": 3, "day": 15}));
        assert_eq!(tjs["events"][1]["start_date"], json!({"year": -753}));
        let (back, _) = load_any(&tjs.to_string()).expect("reads back");
        assert_eq!(back.events.iter().map(|e| e.date).collect::<Vec<_>>(), timeline.events.iter().map(|e| e.date).collect::<Vec<_>>());
        assert!(to_csv(&timeline).contains("\r\n-44,3,15,"));
        // A calendar cannot hold them: left out, and said.
        let ics = to_icalendar(&timeline, "20261130T120000Z").replace("\r\n ", "");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 0);
        assert!(ics.contains("X-WR-CALDESC:Left out: events a calendar cannot date (before year 0 or after 9999): Caesar dies (Friday 15 March 44 BCE)\\; Rome founded (753 BCE)"), "{ics}");
    }

    #[test]
    fn formats_are_named_on_the_command_line() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_name(format.name()), Some(format));
        }
        assert_eq!(ExportFormat::from_name("TJS"), Some(ExportFormat::TimelineJs));
        assert_eq!(ExportFormat::from_name("pdf"), None);
    }
}
