//! iCalendar (`.ics`, RFC 5545) in: each `VEVENT` becomes an event, read as the TimelineJS3 slide
//! it stands for (`crate::import`): `SUMMARY` its title, `DESCRIPTION` its text, `DTSTART` and
//! `DTEND` its date (all-day or timed), `UID` its id, `URL` a link card. The calendar's name
//! (`X-WR-CALNAME`) is the title. Problems name the event (its number and summary) and the
//! property.

use serde_json::{json, Map, Value};

use crate::import::{from_slides, SlideNames};
use crate::timeline::{Diagnostic, LoadError, Severity, Timeline};

/// Whether `text` is an iCalendar file.
pub fn looks_like_icalendar(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().get(..15).is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}

/// Content lines with their folds undone (a line that starts with a space or tab continues the
/// one before).
fn unfolded(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        match (line.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => lines.push(line.to_owned()),
        }
    }
    lines
}

/// A content line: its name (upper case), parameters (`VALUE=DATE`, upper-cased names) and value.
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

fn property(line: &str) -> Option<Property> {
    // The value starts after the first colon that is not inside a quoted parameter value.
    let mut quoted = false;
    let colon = line.char_indices().find(|&(_, c)| {
        if c == '"' {
            quoted = !quoted;
        }
        c == ':' && !quoted
    })?;
    let (head, value) = (&line[..colon.0], &line[colon.0 + 1..]);
    let mut parts = head.split(';');
    let name = parts.next()?.trim().to_ascii_uppercase();
    let params = parts
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_ascii_uppercase(), v.trim().trim_matches('"').to_owned()))
        .collect();
    Some(Property { name, params, value: value.to_owned() })
}

/// TEXT unescaped (`\n`, `\,`, `\;`, `\\`).
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Escaped as markup, line breaks as `<br>`: the slide's text is read as HTML.
fn html(text: &str) -> String {
    crate::markup::escape(text).replace('\n', "<br>")
}

/// A `DATE` (`20180604`) or `DATE-TIME` (`20180604T143000`, `…Z`) as a TimelineJS3 date object;
/// with `minus_a_day`, the day before (an all-day `DTEND` is the day after the last).
fn ics_date(value: &str, minus_a_day: bool) -> Option<(Value, bool)> {
    let value = value.trim();
    let (day, time) = match value.split_once('T') {
        Some((day, time)) => (day, Some(time.trim_end_matches(['Z', 'z']))),
        None => (value, None),
    };
    if day.len() != 8 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (day[..4].parse().ok()?, day[4..6].parse().ok()?, day[6..].parse().ok()?);
    let mut date = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    if minus_a_day && time.is_none() {
        date = date.pred_opt()?;
    }
    use chrono::Datelike;
    let mut object = Map::new();
    object.insert("year".into(), json!(date.year()));
    object.insert("month".into(), json!(date.month()));
    object.insert("day".into(), json!(date.day()));
    if let Some(time) = time {
        if time.len() < 4 || !time.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        object.insert("hour".into(), json!(time[..2].parse::<u32>().ok()?));
        object.insert("minute".into(), json!(time[2..4].parse::<u32>().ok()?));
    }
    Some((Value::Object(object), time.is_some()))
}

/// Reads an iCalendar file. Events that cannot be dated are named and left out; the rest load.
pub fn from_icalendar(text: &str) -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
    let mut diagnostics = Vec::new();
    let mut title = Value::Null;
    let (mut slides, mut names) = (Vec::new(), Vec::new());
    let mut current: Option<Vec<Property>> = None;
    let mut count = 0;
    for line in unfolded(text.trim_start_matches('\u{feff}')) {
        let Some(p) = property(&line) else { continue };
        match (p.name.as_str(), p.value.trim().to_ascii_uppercase().as_str(), current.as_mut()) {
            ("BEGIN", "VEVENT", _) => current = Some(Vec::new()),
            ("END", "VEVENT", Some(_)) => {
                count += 1;
                let props = current.take().unwrap_or_default();
                let get = |name: &str| props.iter().find(|p| p.name == name);
                let summary = get("SUMMARY").map(|p| unescape(&p.value)).filter(|s| !s.trim().is_empty());
                let item = match &summary {
                    Some(s) => format!("VEVENT {count} (\"{}\")", s.chars().take(40).collect::<String>()),
                    None => format!("VEVENT {count}"),
                };
                let problem = |field: &str, message: &str| Diagnostic {
                    severity: Severity::Error,
                    item: item.clone(),
                    field: field.into(),
                    message: message.into(),
                };
                let Some(start) = get("DTSTART") else {
                    diagnostics.push(problem("DTSTART", "missing: the event cannot be dated; left out"));
                    continue;
                };
                let Some((start_date, timed)) = ics_date(&start.value, false) else {
                    diagnostics.push(problem(
                        "DTSTART",
                        &format!("\"{}\" is not a date (YYYYMMDD or YYYYMMDDTHHMMSS); left out", start.value.trim()),
                    ));
                    continue;
                };
                let mut slide = json!({ "start_date": start_date, "text": {
                    "headline": summary.as_deref().map(html),
                    "text": get("DESCRIPTION").map(|p| html(&unescape(&p.value))),
                } });
                if let Some(end) = get("DTEND") {
                    match ics_date(&end.value, !timed) {
                        Some((end_date, _)) if end_date != slide["start_date"] => slide["end_date"] = end_date,
                        Some(_) => {}
                        None => diagnostics.push(Diagnostic {
                            severity: Severity::Warning,
                            item: item.clone(),
                            field: "DTEND".into(),
                            message: format!("\"{}\" is not a date; the end was left out", end.value.trim()),
                        }),
                    }
                }
                if let Some(uid) = get("UID").map(|p| p.value.trim().to_owned()).filter(|u| !u.is_empty()) {
                    slide["unique_id"] = json!(uid.split('@').next().unwrap_or(&uid));
                }
                if let Some(url) = get("URL").map(|p| p.value.trim().to_owned()).filter(|u| !u.is_empty()) {
                    slide["media"] = json!({ "url": url, "title": summary.as_deref().map(html) });
                }
                if let Some(tz) = start.params.iter().find(|(k, _)| k == "TZID").map(|(_, v)| v.clone()) {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        item: item.clone(),
                        field: "DTSTART".into(),
                        message: format!("its time is in {tz}; shown as that local time, not converted"),
                    });
                }
                if get("RRULE").is_some() {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        item: item.clone(),
                        field: "RRULE".into(),
                        message: "repeats; only its first occurrence is on the timeline".into(),
                    });
                }
                slides.push(slide);
                names.push(item);
            }
            (_, _, Some(props)) => props.push(p),
            ("X-WR-CALNAME", _, None) => title = json!({ "text": { "headline": html(&unescape(&p.value)) } }),
            _ => {}
        }
    }
    if count == 0 {
        return Err(LoadError::Format("the calendar has no events (VEVENT)".into()));
    }
    let fields = [("text", "SUMMARY, DESCRIPTION"), ("start_date", "DTSTART"), ("end_date", "DTEND"), ("media", "URL")];
    let (timeline, built) = from_slides(&title, &slides, &Value::Null, &SlideNames { events: names, eras: Vec::new(), fields: &fields });
    diagnostics.extend(built);
    Ok((timeline, diagnostics))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::EventDate;
    use crate::export::to_icalendar;

    const CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nX-WR-CALNAME:Council\\, meetings\r\n\
        BEGIN:VEVENT\r\nUID:budget@example.org\r\nDTSTART;VALUE=DATE:20180604\r\nDTEND;VALUE=DATE:20180605\r\nSUMMARY:Budget vote\r\n\
        DESCRIPTION:The council voted\\, at last.\\nIt passed <narrowly>.\r\nURL:https://example.org/budget\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:works\r\nDTSTART;VALUE=DATE:20180601\r\nDTEND;VALUE=DATE:20180701\r\nSUMMARY:Road works\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nDTSTART;TZID=Europe/London:20180608T143000\r\nDTEND;TZID=Europe/London:20180608T160000\r\nSUMMARY:Public meet\r\n ing\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nSUMMARY:No date\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nDTSTART:2018-06-08\r\nSUMMARY:Bad date\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";

    #[test]
    fn a_calendar_becomes_a_timeline_and_its_problems_are_named() {
        assert!(looks_like_icalendar(CALENDAR));
        let (timeline, diagnostics) = from_icalendar(CALENDAR).expect("reads");
        assert_eq!(timeline.title, "Council, meetings");
        let events: Vec<(&str, &str, String)> =
            timeline.events.iter().map(|e| (e.id.as_str(), e.title.as_str(), e.date.display_long())).collect();
        assert_eq!(
            events,
            [
                ("budget", "Budget vote", "Monday 4 June 2018".to_owned()),
                ("works", "Road works", "Friday 1 June 2018 – Saturday 30 June 2018".to_owned()),
                ("event-3", "Public meeting", "Friday 8 June 2018, 14:30 – Friday 8 June 2018, 16:00".to_owned()),
            ]
        );
        assert_eq!(timeline.events[0].passages[0].quote.exact, "Budget vote. The council voted, at last. It passed <narrowly>.");
        assert_eq!(timeline.events[0].media.as_ref().map(|m| m.url.as_str()), Some("https://example.org/budget"));
        let named: Vec<(&str, &str)> = diagnostics.iter().map(|d| (d.item.as_str(), d.field.as_str())).collect();
        assert_eq!(
            named,
            [
                ("VEVENT 3 (\"Public meeting\")", "DTSTART"),
                ("VEVENT 3 (\"Public meeting\")", "RRULE"),
                ("VEVENT 4 (\"No date\")", "DTSTART"),
                ("VEVENT 5 (\"Bad date\")", "DTSTART"),
            ]
        );
    }

    #[test]
    fn what_citeline_writes_as_icalendar_it_reads_back() {
        let (seed, _) = crate::seed::seed_timeline().expect("seed");
        let (back, diagnostics) = from_icalendar(&to_icalendar(&seed, "20261130T120000Z")).expect("reads back");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(back.events.len(), seed.events.len());
        assert_eq!(
            back.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            seed.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>()
        );
        // A calendar holds days: a day stays a day; a month or year comes back as its days.
        for (a, b) in seed.events.iter().zip(&back.events) {
            assert_eq!((a.date.start_days(), a.date.end_days()), (b.date.start_days(), b.date.end_days()), "{}", a.id);
        }
        assert!(matches!(back.events[0].date, EventDate::Range { .. } | EventDate::Point(_)));
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_without_panicking(text in "\\PC{0,300}") {
            let _ = from_icalendar(&format!("BEGIN:VCALENDAR\nBEGIN:VEVENT\n{text}\nEND:VEVENT"));
        }
    }
}
