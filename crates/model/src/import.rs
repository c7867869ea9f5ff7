//! Loading a timeline from any JSON people bring: our own format, or TimelineJS3's
//! (`events[].start_date {year, month, day, hour, minute}`, `end_date`, `text {headline, text}`,
//! `group`, `eras`, `title`). A TimelineJS3 file has no source documents, so its own text becomes
//! the evidence: one document holding every headline and text, each event quoting its own entry.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::anchor::{TextPositionSelector, TextQuoteSelector};
use crate::date::{DateValue, EventDate};
use crate::document::Document;
use crate::markup::{self, Dialect, MarkupToken};
use crate::timeline::{DateBasis, DateBasisKind, Diagnostic, Era, Event, LoadError, Passage, Severity, Support, Timeline, FORMAT, VERSION};

/// The top level of a file, read without building it: just enough to tell the formats apart.
#[derive(Deserialize)]
struct Probe<'a> {
    #[serde(borrow, default)]
    format: Option<&'a RawValue>,
    #[serde(borrow, default)]
    events: Option<&'a RawValue>,
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    eras: Option<&'a RawValue>,
}

/// A TimelineJS3 event with its fields still raw (anything that is not an object reads as empty).
#[derive(Deserialize, Default)]
struct RawEvent<'a> {
    #[serde(borrow, default)]
    start_date: Option<&'a RawValue>,
    #[serde(borrow, default)]
    end_date: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
    #[serde(borrow, default)]
    group: Option<&'a RawValue>,
    #[serde(borrow, default)]
    unique_id: Option<&'a RawValue>,
}

/// Its `text` object.
#[derive(Deserialize, Default)]
struct RawText<'a> {
    #[serde(borrow, default)]
    headline: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
}

/// A small raw JSON value (a title, a date, the eras) as a tree; `None` when absent, null or invalid.
fn parse_raw(raw: Option<&RawValue>) -> Option<Value> {
    raw.and_then(|r| serde_json::from_str::<Value>(r.get()).ok()).filter(|v| !v.is_null())
}

/// A raw JSON value as a string if it is one (borrowed when it has no escapes), else `None`.
fn loose_str(raw: Option<&RawValue>) -> Option<std::borrow::Cow<'_, str>> {
    let raw = raw?.get();
    match serde_json::from_str::<&str>(raw) {
        Ok(s) => Some(std::borrow::Cow::Borrowed(s)),
        Err(_) => serde_json::from_str::<String>(raw).ok().map(std::borrow::Cow::Owned),
    }
}

/// Reads our format or TimelineJS3 JSON, whichever `text` is.
///
/// A TimelineJS3 file is read one event at a time (each kept as raw text until its turn), so a
/// file of 100,000 events never becomes one huge tree in memory.
pub fn load_any(text: &str) -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
    let probe: Probe = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => LoadError::Format("the top level must be an object".into()),
        _ => LoadError::Syntax(e.to_string()),
    })?;
    if probe.format.is_some() {
        let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax(e.to_string()))?;
        return Timeline::from_value(&value);
    }
    let events: Option<Vec<&RawValue>> = probe.events.and_then(|raw| serde_json::from_str(raw.get()).ok());
    match events {
        Some(events) => {
            let small = |raw| parse_raw(raw).unwrap_or(Value::Null);
            Ok(from_timelinejs(&small(probe.title), &events, &small(probe.eras)))
        }
        None => Err(LoadError::Format(format!("expected \"format\": \"{FORMAT}\" or a TimelineJS3 \"events\" array"))),
    }
}

/// Text without HTML tags, with entities and character references decoded (see [`crate::markup`])
/// and whitespace collapsed to single spaces (TimelineJS3 text is HTML). A tag separates words.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut space = false;
    for token in markup::read(html, Dialect::Html) {
        match token {
            MarkupToken::Tag { .. } => space = true,
            token => push_collapsed(&mut out, &token.text(html), &mut space),
        }
    }
    out
}

/// Appends `text` with each run of whitespace as one space; `space` carries a pending run between
/// pieces. Never a space at the start of `out`; a run at the end stays pending.
fn push_collapsed(out: &mut String, text: &str, space: &mut bool) {
    for (k, word) in text.split(char::is_whitespace).enumerate() {
        *space |= k > 0;
        if !word.is_empty() {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push_str(word);
        }
    }
}

/// The first `n` chars of `s` (all of it if shorter).
fn first_chars(s: &str, n: usize) -> &str {
    match s.get(..n) {
        // Plain ASCII (the common case): bytes are chars.
        Some(head) if head.is_ascii() => head,
        _ => s.char_indices().nth(n).map_or(s, |(byte, _)| &s[..byte]),
    }
}

/// Number of chars in `s`, counted on the bytes (every char has one non-continuation byte).
fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| (b & 0xC0) != 0x80).count()
}

/// The last `n` chars of `s` (all of it if shorter).
fn last_chars(s: &str, n: usize) -> &str {
    match n.checked_sub(1).and_then(|k| s.char_indices().rev().nth(k)) {
        Some((byte, _)) => &s[byte..],
        None if n == 0 => "",
        None => s,
    }
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

fn from_timelinejs(title: &Value, items: &[&RawValue], eras_value: &Value) -> (Timeline, Vec<Diagnostic>) {
    let title = title
        .pointer("/text/headline")
        .and_then(Value::as_str)
        .map(plain_text)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Imported timeline".to_owned());
    let mut diagnostics = Vec::new();
    let mut text = String::new();
    let mut chars = 0usize;
    let mut events = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (index, raw) in items.iter().enumerate() {
        let item = format!("events[{index}]");
        // Each field stays raw text until it is needed; strings without escapes are borrowed.
        let raw: RawEvent = serde_json::from_str(raw.get()).unwrap_or_default();
        let error =
            |field: &str, message: String| Diagnostic { severity: Severity::Error, item: item.clone(), field: field.to_owned(), message };
        let start = match parse_raw(raw.start_date).as_ref().map(tjs_date) {
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
        let date = match parse_raw(raw.end_date).as_ref().map(tjs_date) {
            None => EventDate::Point(start),
            Some(Ok(end)) if end.first_day() >= start.first_day() => EventDate::Range { start, end },
            Some(Ok(_)) => {
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    item: item.clone(),
                    field: "end_date".into(),
                    message: "ends before it starts; the end was left out".into(),
                });
                EventDate::Point(start)
            }
            Some(Err(m)) => {
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    item: item.clone(),
                    field: "end_date".into(),
                    message: format!("{m}; the end was left out"),
                });
                EventDate::Point(start)
            }
        };
        let text_of = raw.text.and_then(|r| serde_json::from_str::<RawText>(r.get()).ok()).unwrap_or_default();
        let headline = loose_str(text_of.headline).map(|s| plain_text(&s)).unwrap_or_default();
        let body = loose_str(text_of.text).map(|s| plain_text(&s)).unwrap_or_default();
        let group = loose_str(raw.group).map(|s| plain_text(&s)).filter(|g| !g.is_empty());
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
        // The entry goes into the document; the passage quotes it where it stands, and the
        // previous passage's suffix is the start of what follows it.
        if !text.is_empty() {
            text.push_str("\n\n");
            chars += 2;
        }
        if let Some(previous) = events.last_mut().map(|e: &mut Event| &mut e.passages[0].quote.suffix) {
            *previous = format!("\n\n{}", first_chars(&entry, 30));
        }
        let prefix = last_chars(&text, 32).to_owned();
        let start_char = chars;
        text.push_str(&entry);
        chars += char_count(&entry);
        let base_id = loose_str(raw.unique_id).map(|s| s.into_owned()).unwrap_or_else(|| format!("event-{}", index + 1));
        let mut id = base_id.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base_id}-{n}");
            n += 1;
        }
        events.push(Event {
            id,
            title,
            summary: group.map_or_else(|| first_chars(&body, 240).to_owned(), |g| format!("{g}: {}", first_chars(&body, 220))),
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
    let mut eras = Vec::new();
    for (index, raw) in eras_value.as_array().into_iter().flatten().enumerate() {
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
    let document = Document {
        id: "timelinejs-import".into(),
        title: title.clone(),
        publisher: "Imported from TimelineJS3 data".into(),
        published: None,
        text,
    };
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
        assert_eq!(
            (timeline.eras[0].title.as_str(), timeline.eras[0].start.iso(), timeline.eras[0].end.iso()),
            ("Planning", "2015".into(), "2016".into())
        );
        // Round trip through our loader: every passage resolves.
        let (again, problems) = Timeline::from_json(&timeline.to_json()).expect("our format");
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(again.events.len(), 3);
        assert_eq!(again.eras, timeline.eras);
    }

    #[test]
    fn plain_text_drops_tags_decodes_entities_and_collapses_spaces() {
        assert_eq!(
            plain_text("  <p>The <b>council</b>&nbsp;agreed\n the plan &amp; budget.</p> "),
            "The council agreed the plan & budget."
        );
        assert_eq!(plain_text("&amp;lt;b&amp;gt; &lt;i&gt; a<br>b"), "&lt;b&gt; <i> a b");
        assert_eq!(plain_text("caf\u{e9} \u{a0} & co"), "caf\u{e9} & co");
        assert_eq!(plain_text("<unclosed"), "");
        // The one markup reader: every entity and character reference, comments, and a `<` that
        // starts no tag is text.
        assert_eq!(plain_text("caf&#233;&nbsp;&mdash;&#x20;<!-- a > b -->x &bogus; 1 < 2 <i"), "café — x &bogus; 1 < 2");
    }

    #[test]
    fn first_and_last_chars_count_chars_not_bytes() {
        assert_eq!(first_chars("héllo", 2), "hé");
        assert_eq!(first_chars("hé", 5), "hé");
        assert_eq!(last_chars("héllo", 4), "éllo");
        assert_eq!(last_chars("hé", 5), "hé");
        assert_eq!(last_chars("hé", 0), "");
        assert_eq!(char_count("héllo ✓"), 7);
    }

    #[test]
    fn our_format_and_errors() {
        let (seed, _) = crate::seed::seed_timeline().expect("seed");
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
