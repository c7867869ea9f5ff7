//! Loading a timeline from any JSON people bring: our own format, or TimelineJS3's
//! (`events[].start_date {year, month, day, hour, minute}`, `end_date`, `text {headline, text}`,
//! `group`, `eras`, `title`). A TimelineJS3 file has no source documents, so its own text becomes
//! the evidence: one document holding every headline and text, each event quoting its own entry.

use serde_json::Value;

use super::anchor::{TextPositionSelector, TextQuoteSelector};
use super::date::{DateValue, EventDate};
use super::document::Document;
use super::timeline::{DateBasis, DateBasisKind, Diagnostic, Era, Event, LoadError, Passage, Severity, Support, Timeline, FORMAT, VERSION};

/// Reads our format or TimelineJS3 JSON, whichever `text` is.
pub fn load_any(text: &str) -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax(e.to_string()))?;
    if value.get("format").is_some() {
        return Timeline::from_value(&value);
    }
    if value.get("events").is_some_and(Value::is_array) {
        return Ok(from_timelinejs(&value));
    }
    Err(LoadError::Format(format!("expected \"format\": \"{FORMAT}\" or a TimelineJS3 \"events\" array")))
}

/// Text without HTML tags and with the common entities decoded (TimelineJS3 text is HTML).
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn number(v: &Value, key: &str) -> Result<Option<i64>, String> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_i64().map(Some).ok_or_else(|| format!("{key} must be a whole number")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| format!("{key} \"{s}\" is not a number")),
        Some(_) => Err(format!("{key} must be a number")),
    }
}

/// A TimelineJS3 date object as our date value at its precision.
fn tjs_date(v: &Value) -> Result<DateValue, String> {
    let year = number(v, "year")?.ok_or("year is missing")?;
    let year = i32::try_from(year).map_err(|_| "year is out of range".to_owned())?;
    let month = number(v, "month")?;
    let day = number(v, "day")?;
    let hour = number(v, "hour")?;
    let minute = number(v, "minute")?;
    let as_u32 = |n: i64, what: &str| u32::try_from(n).map_err(|_| format!("{what} is out of range"));
    let date = match (month, day) {
        (None, _) => DateValue::year(year),
        (Some(m), None) => DateValue::month(year, as_u32(m, "month")?),
        (Some(m), Some(d)) => match hour {
            Some(h) => chrono::NaiveDate::from_ymd_opt(year, as_u32(m, "month")?, as_u32(d, "day")?)
                .and_then(|date| DateValue::time(date, u32::try_from(h).ok()?, u32::try_from(minute.unwrap_or(0)).ok()?)),
            None => DateValue::day(year, as_u32(m, "month")?, as_u32(d, "day")?),
        },
    };
    date.ok_or_else(|| "not a calendar date".to_owned())
}

fn from_timelinejs(value: &Value) -> (Timeline, Vec<Diagnostic>) {
    let title = value
        .pointer("/title/text/headline")
        .and_then(Value::as_str)
        .map(plain_text)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Imported timeline".to_owned());
    let mut diagnostics = Vec::new();
    let mut text = String::new();
    let mut chars = 0usize;
    let mut events = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let items = value.get("events").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    for (index, raw) in items.iter().enumerate() {
        let item = format!("events[{index}]");
        let error = |field: &str, message: String| Diagnostic { severity: Severity::Error, item: item.clone(), field: field.to_owned(), message };
        let start = match raw.get("start_date").map(tjs_date) {
            Some(Ok(d)) => d,
            Some(Err(m)) => {
                diagnostics.push(error("start_date", m));
                continue;
            }
            None => {
                diagnostics.push(error("start_date", "missing".into()));
                continue;
            }
        };
        let date = match raw.get("end_date").filter(|v| !v.is_null()).map(tjs_date) {
            None => EventDate::Point(start),
            Some(Ok(end)) if end.first_day() >= start.first_day() => EventDate::Range { start, end },
            Some(Ok(_)) => {
                diagnostics.push(Diagnostic { severity: Severity::Warning, item: item.clone(), field: "end_date".into(), message: "ends before it starts; the end was left out".into() });
                EventDate::Point(start)
            }
            Some(Err(m)) => {
                diagnostics.push(Diagnostic { severity: Severity::Warning, item: item.clone(), field: "end_date".into(), message: format!("{m}; the end was left out") });
                EventDate::Point(start)
            }
        };
        let headline = raw.pointer("/text/headline").and_then(Value::as_str).map(plain_text).unwrap_or_default();
        let body = raw.pointer("/text/text").and_then(Value::as_str).map(plain_text).unwrap_or_default();
        let group = raw.get("group").and_then(Value::as_str).map(plain_text).filter(|g| !g.is_empty());
        let entry = match (headline.is_empty(), body.is_empty()) {
            (false, false) => format!("{headline}. {body}"),
            (false, true) => headline.clone(),
            (true, false) => body.clone(),
            (true, true) => {
                diagnostics.push(error("text", "has neither a headline nor a text".into()));
                continue;
            }
        };
        let title = if headline.is_empty() { body.split_whitespace().take(8).collect::<Vec<_>>().join(" ") } else { headline.clone() };
        // The entry goes into the document; the passage quotes it where it stands.
        if !text.is_empty() {
            text.push_str("\n\n");
            chars += 2;
        }
        let prefix: String = text.chars().rev().take(32).collect::<Vec<_>>().into_iter().rev().collect();
        let start_char = chars;
        text.push_str(&entry);
        chars += entry.chars().count();
        let base_id = raw.get("unique_id").and_then(Value::as_str).map(str::to_owned).unwrap_or_else(|| format!("event-{}", index + 1));
        let mut id = base_id.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base_id}-{n}");
            n += 1;
        }
        events.push(Event {
            id,
            title,
            summary: group.map_or_else(|| body.chars().take(240).collect(), |g| format!("{g}: {}", body.chars().take(220).collect::<String>())),
            date,
            date_basis: DateBasis { kind: DateBasisKind::Stated, explanation: "Given in the imported TimelineJS3 data.".into() },
            passages: vec![Passage {
                document: "timelinejs-import".into(),
                supports: vec![Support::Description],
                quote: TextQuoteSelector { exact: entry, prefix, suffix: String::new() },
                position: TextPositionSelector { start: start_char, end: chars },
            }],
        });
    }
    // Suffixes need the text that follows; fill them in now.
    let all: Vec<char> = text.chars().collect();
    for event in &mut events {
        let end = event.passages[0].position.end;
        event.passages[0].quote.suffix = all[end.min(all.len())..(end + 32).min(all.len())].iter().collect();
    }
    let mut eras = Vec::new();
    for (index, raw) in value.get("eras").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let dates = (raw.get("start_date").map(tjs_date), raw.get("end_date").map(tjs_date));
        let title = raw.pointer("/text/headline").and_then(Value::as_str).map(plain_text).unwrap_or_default();
        match dates {
            (Some(Ok(start)), Some(Ok(end))) if end.end_days() > start.start_days() => eras.push(Era { title, start, end }),
            _ => diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                item: format!("eras[{index}]"),
                field: "start_date".into(),
                message: "needs a start_date and a later end_date; left out".into(),
            }),
        }
    }
    let document = Document { id: "timelinejs-import".into(), title: title.clone(), publisher: "Imported from TimelineJS3 data".into(), published: None, text };
    (Timeline { format: FORMAT.into(), version: VERSION, title, documents: vec![document], events, eras }, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TJS: &str = r#"{
        "title": {"text": {"headline": "<b>Bridge</b> history"}},
        "events": [
            {"start_date": {"year": "2015", "month": "3", "day": "4"}, "text": {"headline": "Plan agreed", "text": "<p>The council agreed the plan &amp; budget.</p>"}, "group": "Council"},
            {"start_date": {"year": 2016}, "end_date": {"year": 2018, "month": 6}, "text": {"headline": "Construction"}},
            {"start_date": {"year": 2019, "month": 13}, "text": {"headline": "Bad month"}},
            {"text": {"headline": "No date"}},
            {"start_date": {"year": 2020, "month": 1, "day": 2, "hour": 14, "minute": 30}, "text": {"headline": "<img src=x onerror=alert(1)>Opening"}}
        ],
        "eras": [{"start_date": {"year": 2015}, "end_date": {"year": 2016}, "text": {"headline": "Planning"}}]
    }"#;

    #[test]
    fn timelinejs_becomes_a_timeline_with_its_own_text_as_evidence() {
        let (timeline, diagnostics) = load_any(TJS).expect("loads");
        assert_eq!(timeline.title, "Bridge history");
        let ids: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["event-1", "event-2", "event-5"]);
        assert_eq!(timeline.events[0].date.display_long(), "Wednesday 4 March 2015");
        assert_eq!(timeline.events[0].summary, "Council: The council agreed the plan & budget.");
        assert_eq!(timeline.events[1].date.display_short(), "2016 – Jun 2018");
        assert_eq!(timeline.events[2].title, "Opening", "tags are dropped, never kept as HTML");
        let fields: Vec<(&str, &str)> = diagnostics.iter().map(|d| (d.item.as_str(), d.field.as_str())).collect();
        assert_eq!(fields, [("events[2]", "start_date"), ("events[3]", "start_date")]);
        assert_eq!(timeline.eras.len(), 1);
        assert_eq!((timeline.eras[0].title.as_str(), timeline.eras[0].start.iso(), timeline.eras[0].end.iso()), ("Planning", "2015".into(), "2016".into()));
        // Round trip through our loader: every passage resolves.
        let (again, problems) = Timeline::from_json(&timeline.to_json()).expect("our format");
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(again.events.len(), 3);
        assert_eq!(again.eras, timeline.eras);
    }

    #[test]
    fn our_format_and_errors() {
        let (seed, _) = crate::core::seed::seed_timeline().expect("seed");
        assert_eq!(load_any(&seed.to_json()).expect("ours").0.events.len(), seed.events.len());
        assert!(matches!(load_any("{"), Err(LoadError::Syntax(_))));
        assert!(matches!(load_any("[1, 2]"), Err(LoadError::Format(_))));
        assert!(matches!(load_any(r#"{"format": "other"}"#), Err(LoadError::Format(_))));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            let _ = load_any(&text);
            let _ = load_any(&format!(r#"{{"events": [{{"start_date": {{"year": "{text}"}}, "text": {{"headline": "{}"}}}}]}}"#, text.replace('"', "")));
        }
    }
}
