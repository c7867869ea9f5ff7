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
use crate::media::Media;
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
    /// TimelineJS 2's wrapper: `{"timeline": {"headline", "text", "date": [...], "era": [...]}}`.
    #[serde(borrow, default)]
    timeline: Option<&'a RawValue>,
}

/// A TimelineJS 2 date, `"2012,1,26"` (or `"2012"`, `"2012,1"`, `"2012,1,26,14,30"`, with any
/// spaces), as a TimelineJS3 date object; anything else is kept as the year, to be refused there
/// in words.
fn v2_date(value: Option<&Value>) -> Value {
    let Some(text) = value.and_then(|v| v.as_str().map(str::to_owned).or_else(|| v.as_i64().map(|n| n.to_string()))) else {
        return Value::Null;
    };
    let parts: Vec<&str> = text.split([',', '/', '-']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let keys = ["year", "month", "day", "hour", "minute"];
    if parts.is_empty() || parts.len() > keys.len() {
        return serde_json::json!({ "year": text });
    }
    Value::Object(keys.iter().zip(&parts).map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned()))).collect())
}

/// A TimelineJS 2 file as the TimelineJS3 file it stands for: `date` as `events` (`startDate`,
/// `endDate`, `headline`, `text`, `tag` as the group, `asset` as the media), `era` as `eras`, and
/// the wrapper's headline as the title.
fn from_v2(timeline: &Value) -> (Value, Vec<Value>, Value) {
    let text = |v: &Value| serde_json::json!({ "headline": v.get("headline"), "text": v.get("text") });
    let media = |v: &Value| {
        v.get("asset")
            .and_then(|a| a.get("media"))
            .and_then(Value::as_str)
            .map(|url| serde_json::json!({ "url": url, "credit": v.pointer("/asset/credit"), "caption": v.pointer("/asset/caption") }))
    };
    let events = timeline
        .get("date")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|d| {
            let mut slide = serde_json::json!({ "start_date": v2_date(d.get("startDate")), "text": text(d), "group": d.get("tag") });
            if d.get("endDate").is_some_and(|e| !e.is_null() && e != d.get("startDate").unwrap_or(&Value::Null)) {
                slide["end_date"] = v2_date(d.get("endDate"));
            }
            if let Some(media) = media(d) {
                slide["media"] = media;
            }
            slide
        })
        .collect();
    let eras = timeline
        .get("era")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|e| serde_json::json!({ "start_date": v2_date(e.get("startDate")), "end_date": v2_date(e.get("endDate")), "text": text(e) }))
        .collect();
    let mut title = serde_json::json!({ "text": text(timeline) });
    if let Some(media) = media(timeline) {
        title["media"] = media;
    }
    (title, events, Value::Array(eras))
}

/// How a reader that builds TimelineJS3 slides names them in its problems: each slide and era as
/// its own format does ("row 5", "VEVENT 3"), and each field (by its first part: `start_date`,
/// `text`, `media`, …) as the reader calls it.
pub(crate) struct SlideNames<'a> {
    pub(crate) events: Vec<String>,
    pub(crate) eras: Vec<String>,
    pub(crate) fields: &'a [(&'a str, &'a str)],
}

/// Slides another reader built as TimelineJS3 JSON (the sheet's rows, a calendar's events,
/// TimelineJS 2's dates), read as a TimelineJS3 file is, through the same builder; its problems
/// named as `names` says.
pub(crate) fn from_slides(title: &Value, slides: &[Value], eras: &Value, names: &SlideNames) -> (Timeline, Vec<Diagnostic>) {
    let raws: Vec<Box<RawValue>> = slides.iter().filter_map(|s| serde_json::value::to_raw_value(s).ok()).collect();
    let items: Vec<&RawValue> = raws.iter().map(|r| r.as_ref()).collect();
    let (timeline, mut diagnostics) = from_timelinejs(title, &items, eras);
    for d in &mut diagnostics {
        let index =
            |prefix: &str| d.item.strip_prefix(prefix).and_then(|rest| rest.split(']').next()).and_then(|n| n.parse::<usize>().ok());
        let name = index("events[").and_then(|i| names.events.get(i)).or_else(|| index("eras[").and_then(|i| names.eras.get(i)));
        if let Some(name) = name {
            d.item = name.clone();
        }
        let first = d.field.split('.').next().unwrap_or_default();
        if let Some((_, field)) = names.fields.iter().find(|(ours, _)| *ours == first) {
            d.field = (*field).to_owned();
        }
    }
    (timeline, diagnostics)
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
    #[serde(borrow, default)]
    media: Option<&'a RawValue>,
    #[serde(borrow, default)]
    background: Option<&'a RawValue>,
    /// Our own date, where TimelineJS3's cannot say it (Citeline writes it beside `start_date`).
    #[serde(borrow, default)]
    citeline_date: Option<&'a RawValue>,
    /// How the slide shows its date ("Spring 2015"), kept in the date's explanation.
    #[serde(borrow, default)]
    display_date: Option<&'a RawValue>,
}

/// A TimelineJS3 `media` (or `background`) object as our [`Media`]: its HTML fields as plain text;
/// `None` without a URL.
fn tjs_media(raw: &RawValue) -> Option<Media> {
    tjs_media_value(&parse_raw(Some(raw.get()))?)
}

/// [`tjs_media`] from a parsed value (the title slide's).
fn tjs_media_value(value: &Value) -> Option<Media> {
    let field = |key: &str| value.get(key).and_then(Value::as_str).map(plain_text).filter(|s| !s.is_empty());
    let url = value.get("url").and_then(Value::as_str).map(str::trim).filter(|u| !u.is_empty())?.to_owned();
    Some(Media { url, alt: field("alt"), caption: field("caption"), credit: field("credit"), title: field("title"), link: field("link") })
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
fn parse_raw(raw: Option<&str>) -> Option<Value> {
    raw.and_then(|r| serde_json::from_str::<Value>(r).ok()).filter(|v| !v.is_null())
}

/// A raw JSON value as a string if it is one (borrowed when it has no escapes), else `None`.
fn loose_str(raw: Option<&RawValue>) -> Option<std::borrow::Cow<'_, str>> {
    let raw = raw?.get();
    match serde_json::from_str::<&str>(raw) {
        Ok(s) => Some(std::borrow::Cow::Borrowed(s)),
        Err(_) => serde_json::from_str::<String>(raw).ok().map(std::borrow::Cow::Owned),
    }
}

/// Reads our format, TimelineJS3 JSON (v3 or v2), its sheet as CSV, or iCalendar, whichever `text` is.
///
/// A TimelineJS3 file is read one event at a time (each kept as raw text until its turn), so a
/// file of 100,000 events never becomes one huge tree in memory.
pub fn load_any(text: &str) -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
    let text = text.trim_start_matches('\u{feff}');
    if !text.trim_start().starts_with(['{', '[']) {
        if crate::ics::looks_like_icalendar(text) {
            return crate::ics::from_icalendar(text);
        }
        if crate::sheet::looks_like_sheet(text) {
            return crate::sheet::from_csv(text);
        }
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => LoadError::Format("the top level must be an object".into()),
        _ => LoadError::Syntax(e.to_string()),
    })?;
    if probe.format.is_some() {
        let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax(e.to_string()))?;
        return Timeline::from_value(&value);
    }
    if probe.events.is_none() {
        let v2 = parse_raw(probe.timeline.map(RawValue::get)).filter(|t| t.get("date").is_some_and(Value::is_array));
        if let Some(v2) = v2 {
            let (title, slides, eras) = from_v2(&v2);
            let names = SlideNames {
                events: (0..slides.len()).map(|i| format!("timeline.date[{i}]")).collect(),
                eras: (0..eras.as_array().map_or(0, Vec::len)).map(|i| format!("timeline.era[{i}]")).collect(),
                fields: &[("start_date", "startDate"), ("end_date", "endDate"), ("media", "asset.media")],
            };
            return Ok(from_slides(&title, &slides, &eras, &names));
        }
    }
    let events: Option<Vec<&RawValue>> = probe.events.and_then(|raw| serde_json::from_str(raw.get()).ok());
    match events {
        Some(events) => {
            let small = |raw: Option<&RawValue>| parse_raw(raw.map(RawValue::get)).unwrap_or(Value::Null);
            Ok(from_timelinejs(&small(probe.title), &events, &small(probe.eras)))
        }
        None => Err(LoadError::Format(format!(
            "expected \"format\": \"{FORMAT}\", a TimelineJS3 \"events\" array or a TimelineJS 2 \"timeline\" with its \"date\" array"
        ))),
    }
}

/// [`load_any`] for text that arrives in pieces (a download), doing the work as it comes: each
/// event of a TimelineJS3 file is read as soon as its last byte is in, so reading overlaps the
/// download and little is left when it ends. The result is always exactly [`load_any`]'s on the
/// whole text: anything this reader does not follow (our own format, an odd or broken file) is
/// left to [`load_any`] at the end.
#[derive(Default)]
pub struct StreamingLoad {
    /// Every byte so far (the end may cut a char in two).
    bytes: Vec<u8>,
    /// Where scanning goes on.
    pos: usize,
    scan: Scan,
    builder: TimelineJsBuilder,
    /// Events read so far (the index of the next).
    events_read: usize,
    /// The raw `title` and `eras` values, when seen.
    title: Option<(usize, usize)>,
    eras: Option<(usize, usize)>,
    /// Set when the text is not a TimelineJS3 file this reader follows: `load_any` decides.
    defer: bool,
}

/// Where the scan is in the top level of the file.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the opening `{`.
    #[default]
    Start,
    /// Inside the top object, before a key (or its closing `}`).
    Key,
    /// After a key, before its `:`.
    Colon,
    /// After the `:`, before the value.
    Value,
    /// Inside a top-level value other than `events` (start byte kept).
    Other,
    /// Inside `events`, before an element (or the closing `]`).
    Element,
    /// Inside an element of `events`.
    InElement,
    /// After a value, before `,` or `}`; or after an element, before `,` or `]`.
    AfterValue,
    AfterElement,
    /// After the closing `}`.
    Done,
}

/// The scanner's state between pieces.
#[derive(Default, Debug, Clone, Copy)]
struct Scan {
    phase: Phase,
    /// Brackets open inside the current value.
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// Where the current key, value or element starts.
    start: usize,
    /// Which key the current value belongs to.
    key: Key,
    /// Whether `events` was seen (a second one defers to `load_any`).
    seen_events: bool,
}

#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    #[default]
    Other,
    Events,
    Title,
    Eras,
    /// `format`: our own format, which `load_any` reads whole.
    Format,
}

impl StreamingLoad {
    /// A reader with nothing yet.
    pub fn new() -> StreamingLoad {
        StreamingLoad::default()
    }

    /// A reader for a text of about `bytes` bytes (a download's `Content-Length`; 0 when not
    /// known), whose buffer for the text is reserved at once instead of growing piece by piece
    /// (each growth copies everything read so far, again and again over 45 MB). A hint that cannot
    /// be had (a server may say anything) is not taken: nothing is reserved.
    pub fn with_size_hint(bytes: usize) -> StreamingLoad {
        let mut load = StreamingLoad::default();
        let _ = load.bytes.try_reserve_exact(bytes.min(MAX_SIZE_HINT));
        // The document of a TimelineJS3 file is its headlines and texts, never longer than the file.
        let _ = load.builder.text.try_reserve_exact(bytes.min(MAX_SIZE_HINT));
        load
    }

    /// Takes the next piece of the text and reads every event it completes.
    pub fn push(&mut self, piece: &[u8]) {
        self.bytes.extend_from_slice(piece);
        if !self.defer {
            self.scan();
        }
    }

    /// Events read so far (0 for a file that is read whole at the end: our own format, or one
    /// this reader does not follow).
    pub fn events_read(&self) -> usize {
        if self.defer {
            0
        } else {
            self.events_read
        }
    }

    /// The timeline as far as it has been read, to show while the rest comes: the events read so
    /// far (each as `finish` will give it, but for the last one's quote suffix, which is what
    /// follows it), with the title once it has come, and without eras or diagnostics. `None` for a
    /// file this reader reads whole at the end, or before its first event.
    pub fn snapshot(&self) -> Option<Timeline> {
        if self.events_read() == 0 || self.builder.events.is_empty() {
            return None;
        }
        let title = self.title.and_then(|(a, b)| parse_raw(std::str::from_utf8(&self.bytes[a..b]).ok())).unwrap_or(Value::Null);
        Some(self.builder.clone().finish(&title, &Value::Null).0)
    }

    /// The timeline, once the whole text is in; exactly `load_any`'s (a text that is not UTF-8 is
    /// a syntax error).
    pub fn finish(mut self) -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
        let bytes = std::mem::take(&mut self.bytes);
        let text = String::from_utf8(bytes).map_err(|e| LoadError::Syntax(format!("{NOT_UTF8} ({e})")))?;
        let trailing_clean = text.as_bytes()[self.pos.min(text.len())..].iter().all(|b| is_json_space(*b));
        if self.defer || self.scan.phase != Phase::Done || !trailing_clean || !self.scan.seen_events {
            return load_any(&text);
        }
        let raw = |span: Option<(usize, usize)>| span.map(|(a, b)| &text[a..b]);
        let small = |span| parse_raw(raw(span)).unwrap_or(Value::Null);
        let (title, eras) = (small(self.title), small(self.eras));
        Ok(self.builder.finish(&title, &eras))
    }

    /// Scans from `pos` to the end of what has come, reading each complete event.
    fn scan(&mut self) {
        while self.pos < self.bytes.len() && !self.defer {
            // Most bytes are inside strings: skip to the next quote or backslash at once.
            if self.scan.in_string && !self.scan.escaped {
                match memchr::memchr2(b'"', b'\\', &self.bytes[self.pos..]) {
                    Some(skip) => self.pos += skip,
                    None => {
                        self.pos = self.bytes.len();
                        break;
                    }
                }
            } else if matches!(self.scan.phase, Phase::InElement | Phase::Other) && self.scan.depth > 0 {
                // Inside a bracketed value, only quotes and brackets matter.
                match self.bytes[self.pos..].iter().position(|&c| matches!(c, b'"' | b'{' | b'}' | b'[' | b']')) {
                    Some(skip) => self.pos += skip,
                    None => {
                        self.pos = self.bytes.len();
                        break;
                    }
                }
            }
            let b = self.bytes[self.pos];
            let at = self.pos;
            self.pos += 1;
            let scan = &mut self.scan;
            // Strings, wherever they are: only their end matters, and brackets inside do not count.
            if scan.in_string {
                if scan.escaped {
                    scan.escaped = false;
                } else if b == b'\\' {
                    scan.escaped = true;
                } else if b == b'"' {
                    scan.in_string = false;
                    if scan.phase == Phase::Key {
                        let key = &self.bytes[scan.start..at];
                        // An escape or a control char in a key: serde_json decodes or refuses it.
                        if key.iter().any(|&k| k == b'\\' || k < 0x20) {
                            self.defer = true;
                            continue;
                        }
                        scan.key = match key {
                            b"events" => Key::Events,
                            b"title" => Key::Title,
                            b"eras" => Key::Eras,
                            b"format" => Key::Format,
                            _ => Key::Other,
                        };
                        scan.phase = Phase::Colon;
                    } else if scan.depth == 0 {
                        self.value_ended(at + 1);
                    }
                }
                continue;
            }
            if is_json_space(b) {
                continue;
            }
            match (scan.phase, b) {
                (Phase::Start, b'{') => scan.phase = Phase::Key,
                (Phase::Key, b'"') => {
                    scan.in_string = true;
                    scan.start = at + 1;
                }
                (Phase::Key | Phase::AfterValue, b'}') => scan.phase = Phase::Done,
                (Phase::Colon, b':') => scan.phase = Phase::Value,
                (Phase::Value, _) => {
                    if scan.key == Key::Format {
                        self.defer = true;
                    } else if scan.key == Key::Events {
                        if b != b'[' || scan.seen_events {
                            self.defer = true;
                        } else {
                            scan.seen_events = true;
                            scan.phase = Phase::Element;
                        }
                    } else {
                        scan.phase = Phase::Other;
                        scan.start = at;
                        self.open_value(b);
                    }
                }
                (Phase::Other | Phase::InElement, _) => self.inside_value(b, at),
                (Phase::Element, b']') => scan.phase = Phase::AfterValue,
                (Phase::Element, _) => {
                    scan.phase = Phase::InElement;
                    scan.start = at;
                    self.open_value(b);
                }
                (Phase::AfterValue, b',') => scan.phase = Phase::Key,
                (Phase::AfterElement, b',') => scan.phase = Phase::Element,
                (Phase::AfterElement, b']') => scan.phase = Phase::AfterValue,
                _ => self.defer = true,
            }
        }
    }

    /// The first byte `b` of a value: a string, a bracket, or a scalar (a number or a literal,
    /// scanned on at depth 0: it ends before the next `,`, `}` or `]`).
    fn open_value(&mut self, b: u8) {
        match b {
            b'"' => self.scan.in_string = true,
            b'{' | b'[' => self.scan.depth = 1,
            _ => self.scan.depth = 0,
        }
    }

    /// A byte inside a value that is open (not in a string).
    fn inside_value(&mut self, b: u8, at: usize) {
        let scan = &mut self.scan;
        if scan.depth == 0 {
            // Inside a scalar: it ended at the byte before this one.
            self.pos = at;
            self.value_ended(at);
            return;
        }
        match b {
            b'"' => scan.in_string = true,
            b'{' | b'[' => scan.depth += 1,
            b'}' | b']' => {
                scan.depth -= 1;
                if scan.depth == 0 {
                    self.value_ended(at + 1);
                }
            }
            _ => {}
        }
    }

    /// The current value or element ended just before `end`.
    fn value_ended(&mut self, end: usize) {
        let start = self.scan.start;
        match self.scan.phase {
            Phase::InElement => {
                self.scan.phase = Phase::AfterElement;
                // As `load_any` reads it: an element must be JSON; one that is not an event object reads as empty.
                let event = std::str::from_utf8(&self.bytes[start..end]).ok().and_then(|t| match serde_json::from_str::<RawEvent>(t) {
                    Ok(event) => Some(event),
                    Err(e) if e.classify() == serde_json::error::Category::Data => {
                        serde_json::from_str::<&RawValue>(t).ok().map(|_| RawEvent::default())
                    }
                    Err(_) => None,
                });
                match event {
                    Some(event) => {
                        self.builder.add(self.events_read, event);
                        self.events_read += 1;
                    }
                    None => self.defer = true,
                }
            }
            Phase::Other => {
                self.scan.phase = Phase::AfterValue;
                // A key given twice is an error for serde_json (for the keys it reads).
                let slot = match self.scan.key {
                    Key::Title => Some(&mut self.title),
                    Key::Eras => Some(&mut self.eras),
                    _ => None,
                };
                if let Some(slot) = slot {
                    if slot.replace((start, end)).is_some() {
                        self.defer = true;
                    }
                }
                // Every top-level value must be JSON, as for `load_any`.
                if std::str::from_utf8(&self.bytes[start..end]).ok().and_then(|t| serde_json::from_str::<&RawValue>(t).ok()).is_none() {
                    self.defer = true;
                }
            }
            _ => self.defer = true,
        }
    }
}

/// The most [`StreamingLoad::with_size_hint`] reserves ahead (more still loads, growing as it comes).
const MAX_SIZE_HINT: usize = 256 << 20;

/// How [`StreamingLoad::finish`]'s syntax error for a text that is not UTF-8 begins.
pub const NOT_UTF8: &str = "the text is not UTF-8";

/// JSON's whitespace.
fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Text without HTML tags, with entities and character references decoded (see [`crate::markup`])
/// and whitespace collapsed to single spaces (TimelineJS3 text is HTML). A tag separates words.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut space = false;
    // Most headlines and many texts have neither tags nor references: only spaces to collapse,
    // in the same pass that finds out.
    if collapse(&mut out, html, &mut space, true) {
        return out;
    }
    out.clear();
    space = false;
    for token in markup::read(html, Dialect::Html) {
        match token {
            // Inline elements (and comments) sit inside words: `<b>plans</b>.` reads "plans.".
            // Any other tag breaks the text, as a block or a line break does.
            MarkupToken::Tag { name, .. } => space |= !INLINE_ELEMENTS.iter().any(|inline| inline.eq_ignore_ascii_case(name)),
            token => push_collapsed(&mut out, &token.text(html), &mut space),
        }
    }
    out
}

/// HTML's inline (phrasing) elements that never break a line, and `""` for comments and other
/// markup that is not an element.
const INLINE_ELEMENTS: [&str; 25] = [
    "", "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span",
    "strong", "sub", "sup", "time", "u",
];

/// Appends `text` with each run of whitespace as one space; `space` carries a pending run between
/// pieces. Never a space at the start of `out`; a run at the end stays pending. Whitespace is
/// `char::is_whitespace`.
fn push_collapsed(out: &mut String, text: &str, space: &mut bool) {
    collapse(out, text, space, false);
}

/// [`push_collapsed`], copying each stretch whose only whitespace is single spaces at once (imports
/// of 100,000 events go through here). With `stop_at_markup`, stops at the first `<` or `&` and
/// says false (what was appended is then partial).
fn collapse(out: &mut String, text: &str, space: &mut bool, stop_at_markup: bool) -> bool {
    let bytes = text.as_bytes();
    // Most headlines and texts are one clean stretch: copied whole after one branch-free pass.
    if is_clean(bytes) {
        if !bytes.is_empty() {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push_str(text);
        }
        return true;
    }
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let (white, len) = char_at(text, i);
        if white {
            *space = true;
            i += len;
            continue;
        }
        // A stretch: non-whitespace, and single spaces each followed by non-whitespace.
        let start = i;
        loop {
            while let Some(&b) = bytes.get(i) {
                match BYTE_CLASS[usize::from(b)] {
                    PLAIN => i += 1,
                    MARKUP if stop_at_markup => return false,
                    MARKUP => i += 1,
                    SPACE => break,
                    _ => match char_at(text, i) {
                        (true, _) => break,
                        (false, len) => i += len,
                    },
                }
            }
            if i + 1 < n && bytes[i] == b' ' && !char_at(text, i + 1).0 {
                i += 1;
                continue;
            }
            break;
        }
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push_str(&text[start..i]);
    }
    true
}

/// What [`collapse`] must look at in a byte: one table lookup per byte of imported text.
const PLAIN: u8 = 0;
const SPACE: u8 = 1;
const MARKUP: u8 = 2;
const NOT_ASCII: u8 = 3;
const BYTE_CLASS: [u8; 256] = {
    let mut class = [PLAIN; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = if b >= 0x80 {
            NOT_ASCII
        } else if is_ascii_space(b as u8) {
            SPACE
        } else if b == b'<' as usize || b == b'&' as usize {
            MARKUP
        } else {
            PLAIN
        };
        b += 1;
    }
    class
};

/// Whether `bytes` is printable ASCII other than `<` and `&`, with single spaces only between other
/// chars: text that collapsing and markup leave as it is.
fn is_clean(bytes: &[u8]) -> bool {
    // Counted without branches over the bytes (so the compiler can do it many at a time).
    let odd = bytes.iter().fold(0u8, |odd, &b| odd | u8::from(!(b' '..=b'~').contains(&b) || b == b'<' || b == b'&'));
    odd == 0 && bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ') && memchr::memmem::find(bytes, b"  ").is_none()
}

/// Whether the char starting at byte `i` of `text` (a char boundary) is whitespace, and its length.
fn char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (is_ascii_space(b), 1);
    }
    let ch = text[i..].chars().next().unwrap_or(' ');
    (ch.is_whitespace(), ch.len_utf8())
}

/// `char::is_whitespace` for an ASCII byte: tab, line feed, vertical tab, form feed, carriage return, space.
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ')
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
    // Plain ASCII at the end (the common case): bytes are chars.
    if let Some(tail) = s.len().checked_sub(n).and_then(|at| s.get(at..)) {
        if tail.is_ascii() {
            return tail;
        }
    }
    match n.checked_sub(1).and_then(|k| s.char_indices().rev().nth(k)) {
        Some((byte, _)) => &s[byte..],
        None if n == 0 => "",
        None => s,
    }
}

/// A float that is a whole number, as one (`-4.54e9`); not past 10^15, where floats stop
/// counting every whole number.
fn whole(f: f64) -> Option<i64> {
    (f.fract() == 0.0 && f.abs() < 1e15).then_some(f as i64)
}

fn number(v: Option<&Value>, key: &str) -> Result<Option<i64>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        // Deep time is often written as a float (`-1.38e10`): a whole one is read as it is.
        Some(Value::Number(n)) => {
            n.as_i64().or_else(|| n.as_f64().and_then(whole)).map(Some).ok_or_else(|| format!("{key} must be a whole number"))
        }
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        // A sheet may write a deep year as a spreadsheet does (`-1.38E+10`).
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .ok()
            .or_else(|| s.trim().parse::<f64>().ok().and_then(whole))
            .map(Some)
            .ok_or_else(|| format!("{key} \"{s}\" is not a number")),
        Some(_) => Err(format!("{key} must be a number")),
    }
}

/// A TimelineJS3 date object with its fields still raw.
#[derive(Deserialize)]
struct RawDate<'a> {
    #[serde(borrow, default)]
    year: Option<&'a RawValue>,
    #[serde(borrow, default)]
    month: Option<&'a RawValue>,
    #[serde(borrow, default)]
    day: Option<&'a RawValue>,
    #[serde(borrow, default)]
    hour: Option<&'a RawValue>,
    #[serde(borrow, default)]
    minute: Option<&'a RawValue>,
}

/// A raw TimelineJS3 date (`None` when absent or null), as [`tjs_date`] reads it from a tree but
/// without building one: only its five fields are read (imports of 100,000 events go through here).
fn raw_tjs_date(raw: Option<&RawValue>) -> Option<Result<DateValue, String>> {
    let text = raw?.get();
    if !text.starts_with('{') {
        return parse_raw(Some(text)).as_ref().map(tjs_date);
    }
    // An object with a key given twice is read as the tree reads it (the last one wins).
    let Ok(date) = serde_json::from_str::<RawDate>(text) else { return parse_raw(Some(text)).as_ref().map(tjs_date) };
    // Most fields are a plain integer or a string of one: read at once (`Quick`), else through a tree.
    let quick = [date.year, date.month, date.day, date.hour, date.minute].map(quick_number);
    if quick.iter().all(|q| !matches!(q, Quick::Other)) {
        let number = |q: &Quick| match *q {
            Quick::Number(n) => Some(n),
            _ => None,
        };
        return Some(date_of_numbers(quick.each_ref().map(number).map(Ok)));
    }
    let field = |f: Option<&RawValue>| f.and_then(|f| serde_json::from_str::<Value>(f.get()).ok());
    let fields = [field(date.year), field(date.month), field(date.day), field(date.hour), field(date.minute)];
    Some(date_of(fields.each_ref().map(Option::as_ref)))
}

/// A raw date field read without a tree, where that gives exactly what [`number`] gives.
enum Quick {
    /// Absent, `null`, or a string of only whitespace.
    Nothing,
    Number(i64),
    /// Anything else ([`number`] decides, and words any error).
    Other,
}

fn quick_number(raw: Option<&RawValue>) -> Quick {
    let Some(raw) = raw.map(RawValue::get) else { return Quick::Nothing };
    let inner = match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) if inner.contains('\\') => return Quick::Other,
        Some(inner) => inner.trim(),
        None if raw == "null" => return Quick::Nothing,
        // serde_json reads `-0` as a float.
        None if raw == "-0" => return Quick::Other,
        // A JSON number: an integer in i64 reads the same as through the tree; a fraction or an
        // exponent does not parse here and goes the long way.
        None => raw,
    };
    if inner.is_empty() && raw.starts_with('"') {
        return Quick::Nothing;
    }
    inner.parse::<i64>().map_or(Quick::Other, Quick::Number)
}

/// A TimelineJS3 date object as our date value at its precision.
fn tjs_date(v: &Value) -> Result<DateValue, String> {
    date_of(["year", "month", "day", "hour", "minute"].map(|key| v.get(key)))
}

/// A date from its TimelineJS3 fields: year, month, day, hour, minute.
fn date_of([year, month, day, hour, minute]: [Option<&Value>; 5]) -> Result<DateValue, String> {
    date_of_numbers([number(year, "year"), number(month, "month"), number(day, "day"), number(hour, "hour"), number(minute, "minute")])
}

/// [`date_of`] once each field is read as a number (the first error, in field order, wins).
fn date_of_numbers([year, month, day, hour, minute]: [Result<Option<i64>, String>; 5]) -> Result<DateValue, String> {
    let year = year?.ok_or("year is missing")?;
    // TimelineJS3 counts years as historians do: -500 is 500 BCE, and there is no year 0. Ours
    // are astronomical (ISO 8601): 500 BCE is -499.
    let year = match year {
        0 => return Err("there is no year 0 (-1 is 1 BCE, the year before 1)".to_owned()),
        y if y < 0 => y + 1,
        y => y,
    };
    let (month, day, hour, minute) = (month?, day?, hour?, minute?);
    let Some(year) = i32::try_from(year).ok().filter(|y| chrono::NaiveDate::from_ymd_opt(*y, 1, 1).is_some()) else {
        // Deep time (TimelineJS3's cosmological scale): a year alone.
        if month.is_some() || day.is_some() || hour.is_some() || minute.is_some() {
            return Err("a year beyond 262,000 either side of 1 CE has no months, days or hours: give the year alone".to_owned());
        }
        return DateValue::any_year(year).ok_or_else(|| "years beyond 100 billion either side of 1 CE are not supported".to_owned());
    };
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
    date.ok_or_else(|| match (month, day, hour, minute) {
        (Some(m), _, _, _) if !(1..=12).contains(&m) => format!("month {m} is not 1 to 12"),
        (Some(m), Some(d), _, _)
            if chrono::NaiveDate::from_ymd_opt(year, m as u32, 1).is_some()
                && chrono::NaiveDate::from_ymd_opt(year, m as u32, d as u32).is_none() =>
        {
            format!("there is no day {d} in {year}-{m:02}")
        }
        (_, _, Some(h), _) if !(0..=23).contains(&h) => format!("hour {h} is not 0 to 23"),
        (_, _, _, Some(min)) if !(0..=59).contains(&min) => format!("minute {min} is not 0 to 59"),
        _ => "not a calendar date".to_owned(),
    })
}

/// A TimelineJS3 file read one event at a time: each `add`s its entry to the document that holds
/// every event's text, and `finish` adds the title and eras.
#[derive(Default, Clone)]
struct TimelineJsBuilder {
    diagnostics: Vec<Diagnostic>,
    text: String,
    chars: usize,
    events: Vec<Event>,
}

impl TimelineJsBuilder {
    /// Adds `events[index]`, one TimelineJS3 event with its fields still raw (strings without
    /// escapes are borrowed); one that is not an object reads as empty.
    fn add(&mut self, index: usize, raw: RawEvent) {
        // Named only when something is wrong with it (most events are fine).
        let item = || format!("events[{index}]");
        let error = |field: &str, message: String| Diagnostic { severity: Severity::Error, item: item(), field: field.to_owned(), message };
        let start = match raw_tjs_date(raw.start_date) {
            Some(Ok(d)) => d,
            Some(Err(m)) => {
                self.diagnostics.push(error("start_date", m));
                return;
            }
            None => {
                self.diagnostics.push(error("start_date", "missing".into()));
                return;
            }
        };
        let date = match raw_tjs_date(raw.end_date) {
            None => EventDate::Point(start),
            Some(Ok(end)) if end.first_day() >= start.first_day() => EventDate::Range { start, end },
            Some(Ok(_)) => {
                self.diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    item: item(),
                    field: "end_date".into(),
                    message: "ends before it starts; the end was left out".into(),
                });
                EventDate::Point(start)
            }
            Some(Err(m)) => {
                self.diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    item: item(),
                    field: "end_date".into(),
                    message: format!("{m}; the end was left out"),
                });
                EventDate::Point(start)
            }
        };
        // A date Citeline wrote beside TimelineJS3's (about, uncertain, a decade), when it agrees.
        let date = match raw.citeline_date.and_then(|r| serde_json::from_str::<EventDate>(r.get()).ok()) {
            Some(ours) if ours.first().parts().year == start.parts().year => ours,
            _ => date,
        };
        let text_of = raw.text.and_then(|r| serde_json::from_str::<RawText>(r.get()).ok()).unwrap_or_default();
        let headline = loose_str(text_of.headline).map(|s| plain_text(&s)).unwrap_or_default();
        let body = loose_str(text_of.text).map(|s| plain_text(&s)).unwrap_or_default();
        let group = loose_str(raw.group).map(|s| plain_text(&s)).filter(|g| !g.is_empty());
        // A slide's picture, else its background picture.
        let (media, field) = match raw.media.and_then(tjs_media) {
            Some(media) => (Some(media), "media.url"),
            None => (raw.background.and_then(tjs_media), "background.url"),
        };
        if media.as_ref().is_some_and(|m| m.kind() == crate::media::MediaKind::Unusable) {
            self.diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                item: item(),
                field: field.into(),
                message: crate::media::NOT_USABLE.into(),
            });
        }
        let (entry, title) = match (headline.is_empty(), body.is_empty(), &media) {
            (false, false, _) => ([headline.as_str(), ". ", &body].concat(), headline),
            (false, true, _) => (headline.clone(), headline),
            (true, false, _) => (body.clone(), body.split_whitespace().take(8).collect::<Vec<_>>().join(" ")),
            // A slide that is only media: what its caption and credit say, or what it is.
            (true, true, Some(media)) => {
                let words: Vec<&str> = [&media.caption, &media.credit].into_iter().flatten().map(String::as_str).collect();
                let label = media.label();
                (if words.is_empty() { label.clone() } else { words.join(". ") }, label)
            }
            (true, true, None) => {
                self.diagnostics.push(error("text", "has neither a headline nor a text, nor media".into()));
                return;
            }
        };
        // The entry goes into the document; the passage quotes it where it stands, and the
        // previous passage's suffix is the start of what follows it.
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
            self.chars += 2;
        }
        if let Some(previous) = self.events.last_mut().map(|e: &mut Event| &mut e.passages[0].quote.suffix) {
            *previous = ["\n\n", first_chars(&entry, 30)].concat();
        }
        let prefix = last_chars(&self.text, 32).to_owned();
        let start_char = self.chars;
        self.text.push_str(&entry);
        self.chars += char_count(&entry);
        // Made unique in `finish` (most files have no id twice; checking once at the end is cheaper
        // than a set of every id as it comes).
        let id = loose_str(raw.unique_id).map(|s| s.into_owned()).unwrap_or_else(|| format!("event-{}", index + 1));
        self.events.push(Event {
            id,
            title,
            summary: first_chars(&body, 240).to_owned(),
            date,
            date_basis: DateBasis {
                kind: DateBasisKind::Stated,
                explanation: match loose_str(raw.display_date).map(|d| plain_text(&d)).filter(|d| !d.is_empty()) {
                    Some(shown) => format!("Given in the imported TimelineJS3 data, which shows it as “{shown}”."),
                    None => "Given in the imported TimelineJS3 data.".into(),
                },
            },
            passages: vec![Passage {
                document: "timelinejs-import".into(),
                supports: vec![Support::Description],
                quote: TextQuoteSelector { exact: entry, prefix, suffix: String::new() },
                position: TextPositionSelector { start: start_char, end: self.chars },
            }],
            media,
            group,
        });
    }

    /// The timeline, given the file's `title` and `eras` values.
    fn finish(mut self, title: &Value, eras_value: &Value) -> (Timeline, Vec<Diagnostic>) {
        let title_value = title;
        let title = title
            .pointer("/text/headline")
            .and_then(Value::as_str)
            .map(plain_text)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "Imported timeline".to_owned());
        let (mut diagnostics, text, mut events) = (std::mem::take(&mut self.diagnostics), self.text, self.events);
        unique_ids(&mut events);
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
            ..Document::default()
        };
        let description = title_value.pointer("/text/text").and_then(Value::as_str).map(plain_text).filter(|t| !t.is_empty());
        // The title slide's media, else its background picture.
        let media = ["media", "background"].into_iter().find_map(|key| title_value.get(key).and_then(tjs_media_value));
        if let Some(media) = &media {
            if media.kind() == crate::media::MediaKind::Unusable {
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    item: "title".into(),
                    field: "media.url".into(),
                    message: crate::media::NOT_USABLE.into(),
                });
            }
        }
        let timeline =
            Timeline { format: FORMAT.into(), version: VERSION, title, description, media, documents: vec![document], events, eras };
        (timeline, diagnostics)
    }
}

/// Gives each event whose id an earlier one has the first free `<id>-2`, `<id>-3`, …, in file order.
fn unique_ids(events: &mut [Event]) {
    let mut sorted: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    sorted.sort_unstable();
    if sorted.windows(2).all(|pair| pair[0] != pair[1]) {
        return;
    }
    let mut ids = std::collections::HashSet::with_capacity(events.len());
    for event in events {
        if ids.insert(event.id.clone()) {
            continue;
        }
        let mut n = 2;
        event.id = loop {
            let id = format!("{}-{n}", event.id);
            if ids.insert(id.clone()) {
                break id;
            }
            n += 1;
        };
    }
}

fn from_timelinejs(title: &Value, items: &[&RawValue], eras_value: &Value) -> (Timeline, Vec<Diagnostic>) {
    let mut builder = TimelineJsBuilder::default();
    for (index, raw) in items.iter().enumerate() {
        builder.add(index, serde_json::from_str(raw.get()).unwrap_or_default());
    }
    builder.finish(title, eras_value)
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
    fn a_snapshot_is_the_events_read_so_far_as_they_will_be() {
        let file = TJS.as_bytes();
        let (whole, _) = load_any(TJS).expect("loads");
        let mut load = StreamingLoad::new();
        let mut seen = Vec::new();
        for piece in file.chunks(40) {
            load.push(piece);
            if let Some(partial) = load.snapshot() {
                let n = partial.events.len();
                assert_eq!(partial.events[..n - 1], whole.events[..n - 1], "the first events, as they will be");
                let mut last = whole.events[n - 1].clone();
                last.passages[0].quote.suffix.clear();
                assert_eq!(partial.events[n - 1], last, "the last one without what follows it");
                assert_eq!(partial.title, whole.title, "the title came first");
                seen.push(partial.events.len());
            }
        }
        assert_eq!(seen.first(), Some(&1), "from the first event on");
        assert_eq!(seen.last(), Some(&whole.events.len()));
        let mut ours = StreamingLoad::new();
        ours.push(br#"{"format": "citeline-timeline", "events": [{"id": "a"}"#);
        assert_eq!(ours.snapshot(), None, "our own format is read whole at the end");
    }

    #[test]
    fn an_id_given_twice_gets_the_first_free_suffix_in_file_order() {
        let event = |id: &str| format!(r#"{{"unique_id": "{id}", "start_date": {{"year": 2015}}, "text": {{"headline": "x"}}}}"#);
        let file = format!(r#"{{"events": [{}]}}"#, ["a", "a", "a-2", "b", "a"].map(event).join(","));
        let ids = |t: &Timeline| t.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        let (whole, _) = load_any(&file).expect("loads");
        assert_eq!(ids(&whole), ["a", "a-2", "a-2-2", "b", "a-3"]);
        let mut load = StreamingLoad::new();
        load.push(file.as_bytes());
        assert_eq!(ids(&load.finish().expect("loads").0), ids(&whole));
    }

    #[test]
    fn timelinejs_becomes_a_timeline_with_its_own_text_as_evidence() {
        let (timeline, diagnostics) = load_any(TJS).expect("loads");
        assert_eq!(timeline.title, "Bridge history");
        let ids: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["event-1", "event-2", "event-5"]);
        assert_eq!(timeline.events[0].date.display_long(), "Wednesday 4 March 2015");
        assert_eq!(timeline.events[0].summary, "The council agreed the plan & budget.");
        assert_eq!(timeline.events[0].group.as_deref(), Some("Council"), "the group is the event's track");
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
    fn inline_markup_stays_inside_words_and_blocks_break_them() {
        assert_eq!(plain_text("<p>Forty years of <b>plans</b>.</p><p>Then <i>b</i>uilt.</p>"), "Forty years of plans. Then built.");
        assert_eq!(plain_text("one<br>two<div>three</div>fo<!-- x -->ur"), "one two three four");
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
        assert_eq!(last_chars("héllo", 3), "llo");
        assert_eq!(last_chars("aé", 1), "é");
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

    /// The whitespace collapse as it was first written, on chars: the byte-wise one must agree.
    fn collapsed_by_chars(pieces: &[&str]) -> String {
        let (mut out, mut space) = (String::new(), false);
        for text in pieces {
            for (k, word) in text.split(char::is_whitespace).enumerate() {
                space |= k > 0;
                if !word.is_empty() {
                    if space && !out.is_empty() {
                        out.push(' ');
                    }
                    space = false;
                    out.push_str(word);
                }
            }
        }
        out
    }

    /// `text` read by a [`StreamingLoad`] in pieces that end at `cuts` (byte offsets, any order).
    fn streamed(text: &[u8], cuts: &[usize]) -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
        let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (text.len() + 1)).collect();
        cuts.sort_unstable();
        let mut load = StreamingLoad::new();
        let mut from = 0;
        for cut in cuts.into_iter().chain([text.len()]) {
            load.push(&text[from..cut]);
            from = cut;
        }
        load.finish()
    }

    /// What `load_any` makes of `text` (as the page reads a download: UTF-8 or a syntax error).
    fn whole(text: &[u8]) -> String {
        match std::str::from_utf8(text) {
            Ok(text) => format!("{:?}", load_any(text)),
            Err(_) => "not UTF-8".to_owned(),
        }
    }

    fn agree(text: &[u8], cuts: &[usize]) -> bool {
        let streamed = match streamed(text, cuts) {
            Err(LoadError::Syntax(m)) if m.starts_with(NOT_UTF8) => "not UTF-8".to_owned(),
            other => format!("{other:?}"),
        };
        streamed == whole(text)
    }

    /// Every file of JSONTestSuite's `test_parsing` (valid, invalid and implementation-defined
    /// JSON; MIT, read from `../shared`): none panics, each is refused in words (none is a
    /// timeline), and reading it in pieces as a download says exactly what reading it whole says.
    #[test]
    fn jsontestsuite_files_are_refused_in_words_whole_or_in_pieces() {
        let Some(files) = crate::testdata::jsontestsuite_files("jsontestsuite_files_are_refused_in_words_whole_or_in_pieces") else {
            return;
        };
        for path in &files {
            let bytes = std::fs::read(path).expect("readable");
            let name = path.display();
            for cuts in [vec![], vec![1], vec![bytes.len() / 2], vec![1, 2, 3, bytes.len().saturating_sub(1)]] {
                assert!(agree(&bytes, &cuts), "{name}: in pieces at {cuts:?} differs from whole");
            }
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            match load_any(text) {
                Ok((timeline, _)) => panic!("{name}: read as a timeline of {} events", timeline.events.len()),
                Err(e) => {
                    let words = e.to_string();
                    let explained = words.strip_prefix("not valid JSON: ").or_else(|| words.strip_prefix("not a Citeline timeline: "));
                    assert!(explained.is_some_and(|why| why.len() > 8), "{name}: {words}");
                }
            }
        }
    }

    /// TimelineJS3 files of a few events, with the quirks files have: other keys, eras, a title
    /// anywhere, scalars, escapes, nesting, and a `format` key now and then.
    fn tjs_file() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let event = (1990i32..2030, proptest::option::of(1u32..13), "[a-z <>&;é\"\\\\{}\\[\\]]{0,30}", any::<bool>()).prop_map(
            |(y, m, t, wrap)| {
                let text = serde_json::to_string(&t).unwrap_or_default();
                let date = match m {
                    Some(m) => format!(r#"{{"year": {y}, "month": "{m}"}}"#),
                    None => format!(r#"{{"year": {y}}}"#),
                };
                let body =
                    format!(r#"{{"start_date": {date}, "text": {{"headline": {text}, "text": "<p>x</p>"}}, "extra": [1, {{"a": [2]}}]}}"#);
                if wrap {
                    body
                } else {
                    format!("{y}")
                }
            },
        );
        let events = proptest::collection::vec(event, 0..6);
        let extras = proptest::sample::select(vec![
            "",
            r#""title": {"text": {"headline": "T\u00e9"}},"#,
            r#""eras": [{"start_date": {"year": 2000}, "end_date": {"year": 2001}, "text": {"headline": "E"}}],"#,
            r#""scale": "human", "n": -1.5e3, "b": true, "z": null,"#,
            r#""format": "citeline-timeline","#,
            r#""title": 1, "title": 2,"#,
            r#""ev\u0065nts": [],"#,
        ]);
        (events, extras.clone(), extras, any::<bool>()).prop_map(|(events, before, after, spaced)| {
            let sep = if spaced { ",\n  " } else { "," };
            let after = after.trim_end_matches(',');
            let tail = if after.is_empty() { String::new() } else { format!(", {after}") };
            format!("{{{before} \"events\": [{}]{tail}}}", events.join(sep))
        })
    }

    #[test]
    fn timelinejs_media_and_backgrounds_are_kept_and_a_slide_of_media_alone_is_an_event() {
        let (timeline, diagnostics) = load_any(
            r##"{"events": [
                {"start_date": {"year": 2001}, "text": {"headline": "Opened"},
                 "media": {"url": "https://x.org/a.jpg", "caption": "<i>The</i> bridge", "credit": "Photo: J. Doe", "alt": "A bridge", "thumbnail": "https://x.org/t.jpg", "link": "https://x.org/story"}},
                {"start_date": {"year": 2002}, "media": {"url": "https://www.youtube.com/watch?v=abc"}},
                {"start_date": {"year": 2003}, "media": {"url": "https://x.org/b.png", "caption": "Crowds", "credit": "AP"}},
                {"start_date": {"year": 2004}, "text": {"headline": "Behind"}, "background": {"url": "https://x.org/bg.jpg", "color": "#000"}},
                {"start_date": {"year": 2005}, "media": {"caption": "no url"}},
                {"start_date": {"year": 2006}, "media": "https://x.org/c.jpg"},
                {"start_date": {"year": 2007}, "text": {"headline": "Local"}, "media": {"url": "images/d.jpg"}}
            ]}"##,
        )
        .expect("loads");
        let titles: Vec<&str> = timeline.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Opened", "Video on YouTube", "Crowds", "Behind", "Local"]);
        let media = timeline.events[0].media.as_ref().expect("media");
        assert_eq!(
            (media.url.as_str(), media.caption.as_deref(), media.credit.as_deref(), media.alt.as_deref(), media.link.as_deref()),
            ("https://x.org/a.jpg", Some("The bridge"), Some("Photo: J. Doe"), Some("A bridge"), Some("https://x.org/story"))
        );
        assert_eq!(timeline.events[1].passages[0].quote.exact, "Video on YouTube", "the evidence says what the slide is");
        assert_eq!(timeline.events[2].passages[0].quote.exact, "Crowds. AP");
        assert_eq!(timeline.events[3].media.as_ref().map(|m| m.url.as_str()), Some("https://x.org/bg.jpg"), "a background picture");
        // Media without a URL is no media: those slides have nothing, and are named.
        let named: Vec<(&str, &str)> = diagnostics.iter().map(|d| (d.item.as_str(), d.field.as_str())).collect();
        assert_eq!(named, [("events[4]", "text"), ("events[5]", "text"), ("events[6]", "media.url")]);
        // Our format keeps it all through a round trip.
        let (again, warned) = load_any(&timeline.to_json()).expect("reloads");
        let warned: Vec<&str> = warned.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(warned, ["media.url"], "the address that is no link, said again");
        assert_eq!(again, timeline);
    }

    #[test]
    fn the_title_slide_s_text_is_the_timeline_s_description_and_goes_back_out() {
        let (timeline, _) = load_any(r#"{"title": {"text": {"headline": "Bridge", "text": "<p>Forty years of <b>plans</b>.</p>"}}, "events": [{"start_date": {"year": 2015}, "text": {"headline": "x"}}]}"#).expect("loads");
        assert_eq!(timeline.description.as_deref(), Some("Forty years of plans."));
        let (ours, none) = load_any(&timeline.to_json()).expect("ours");
        assert!(none.is_empty());
        assert_eq!(ours.description, timeline.description);
        let (back, _) = load_any(&crate::export::ExportFormat::TimelineJs.write(&timeline, "")).expect("TimelineJS3");
        assert_eq!(back.description, timeline.description);
        let (sheet, _) = load_any(&crate::export::to_csv(&timeline)).expect("sheet");
        assert_eq!(sheet.description, timeline.description);
    }

    #[test]
    fn the_title_slide_s_media_is_the_timeline_s_and_goes_back_out_in_every_format() {
        let file = r#"{"title": {"text": {"headline": "Bridge"}, "media": {"url": "https://x.org/bridge.jpg", "caption": "The <b>bridge</b>", "credit": "AP"}},
            "events": [{"start_date": {"year": 2015}, "text": {"headline": "x"}}]}"#;
        let (timeline, none) = load_any(file).expect("loads");
        assert!(none.is_empty(), "{none:?}");
        let media = timeline.media.clone().expect("the title slide's media");
        assert_eq!(
            (media.url.as_str(), media.caption.as_deref(), media.credit.as_deref()),
            ("https://x.org/bridge.jpg", Some("The bridge"), Some("AP"))
        );
        let (ours, none) = load_any(&timeline.to_json()).expect("ours");
        assert!(none.is_empty());
        assert_eq!(ours.media, timeline.media);
        let (back, _) = load_any(&crate::export::ExportFormat::TimelineJs.write(&timeline, "")).expect("TimelineJS3");
        assert_eq!(back.media, timeline.media);
        let (sheet, _) = load_any(&crate::export::to_csv(&timeline)).expect("sheet");
        assert_eq!(sheet.media, timeline.media);
        // A background picture stands in when there is no media; a colour is no picture.
        let (background, _) =
            load_any(r#"{"title": {"text": {"headline": "B"}, "background": {"url": "https://x.org/sky.png"}}, "events": [{"start_date": {"year": 2015}, "text": {"headline": "x"}}]}"#).expect("loads");
        assert_eq!(background.media.map(|m| m.url).as_deref(), Some("https://x.org/sky.png"));
        let (colour, _) =
            load_any(r##"{"title": {"text": {"headline": "B"}, "background": {"color": "#223"}}, "events": [{"start_date": {"year": 2015}, "text": {"headline": "x"}}]}"##).expect("loads");
        assert!(colour.media.is_none());
        // TimelineJS 2's wrapper asset too; and media that is not a web address is named.
        let (v2, _) = load_any(r#"{"timeline": {"headline": "Old", "asset": {"media": "https://x.org/old.jpg", "credit": "PA"}, "date": [{"startDate": "2011", "headline": "A"}]}}"#).expect("v2");
        assert_eq!(v2.media.map(|m| (m.url, m.credit)), Some(("https://x.org/old.jpg".to_owned(), Some("PA".to_owned()))));
        let (_, said) = load_any(r#"{"title": {"text": {"headline": "B"}, "media": {"url": "javascript:alert(1)"}}, "events": [{"start_date": {"year": 2015}, "text": {"headline": "x"}}]}"#).expect("loads");
        assert_eq!(said.iter().map(|d| (d.item.as_str(), d.field.as_str())).collect::<Vec<_>>(), [("title", "media.url")]);
    }

    #[test]
    fn a_slide_s_display_date_is_kept_in_its_date_s_explanation() {
        let (timeline, _) = load_any(
            r#"{"events": [{"start_date": {"year": 2015, "month": 3}, "display_date": "Spring <i>2015</i>", "text": {"headline": "x"}}]}"#,
        )
        .expect("loads");
        assert_eq!(timeline.events[0].date_basis.explanation, "Given in the imported TimelineJS3 data, which shows it as “Spring 2015”.");
    }

    #[test]
    fn timelinejs_2_files_are_read_as_the_slides_they_stand_for() {
        let (timeline, diagnostics) = load_any(
            r#"{"timeline": {"headline": "Old <i>style</i>", "type": "default", "text": "<p>Intro</p>", "startDate": "2012,1,26",
                "date": [
                    {"startDate": "2011,12,10", "endDate": "2011,12,11", "headline": "Two days", "text": "<p>It ran.</p>", "tag": "Events",
                     "asset": {"media": "https://x.org/a.jpg", "credit": "AP", "caption": "Crowds"}},
                    {"startDate": "2012,1,26,14,30", "endDate": "2012,1,26,14,30", "headline": "At a time"},
                    {"startDate": "2012", "headline": "A year"},
                    {"startDate": "yesterday", "headline": "Bad"}
                ],
                "era": [{"startDate": "2011,12,1", "endDate": "2012,2,1", "headline": "Winter"}]}}"#,
        )
        .expect("a TimelineJS 2 file loads");
        assert_eq!(timeline.title, "Old style");
        let dates: Vec<String> = timeline.events.iter().map(|e| e.date.display_long()).collect();
        assert_eq!(dates.len(), 3);
        assert_eq!(timeline.events[0].date, EventDate::Range { start: "2011-12-10".parse().unwrap(), end: "2011-12-11".parse().unwrap() });
        assert_eq!(timeline.events[1].date, EventDate::Point("2012-01-26T14:30".parse().unwrap()), "an end equal to the start is no range");
        assert_eq!(timeline.events[2].date, EventDate::Point("2012".parse().unwrap()));
        assert_eq!(
            timeline.events[0].media.as_ref().map(|m| (m.url.as_str(), m.caption.as_deref())),
            Some(("https://x.org/a.jpg", Some("Crowds")))
        );
        assert_eq!(timeline.events[0].group.as_deref(), Some("Events"), "the tag is the group");
        assert_eq!(timeline.eras.len(), 1);
        let named: Vec<(&str, &str)> = diagnostics.iter().map(|d| (d.item.as_str(), d.field.as_str())).collect();
        assert_eq!(named, [("timeline.date[3]", "startDate")]);
    }

    #[test]
    fn timelinejs_years_before_1_ce_are_counted_as_historians_do() {
        let (timeline, diagnostics) = load_any(
            r#"{"events": [
                {"start_date": {"year": -500}, "text": {"headline": "500 BCE"}},
                {"start_date": {"year": "-1"}, "text": {"headline": "1 BCE"}},
                {"start_date": {"year": 1}, "text": {"headline": "1 CE"}},
                {"start_date": {"year": 0}, "text": {"headline": "No such year"}},
                {"start_date": {"year": -13800000000}, "text": {"headline": "Big Bang"}},
                {"start_date": {"year": 12000}, "text": {"headline": "Far ahead"}}
            ]}"#,
        )
        .expect("loads");
        let shown: Vec<(String, String)> = timeline.events.iter().map(|e| (e.title.clone(), e.date.display_long())).collect();
        let expected =
            [("500 BCE", "500 BCE"), ("1 BCE", "1 BCE"), ("1 CE", "1"), ("Big Bang", "13.8 billion years ago"), ("Far ahead", "12,000")];
        assert_eq!(shown, expected.map(|(a, b)| (a.to_owned(), b.to_owned())));
        assert_eq!(
            timeline.events[1].date.start_days() + 366.0,
            timeline.events[2].date.start_days(),
            "1 BCE (a leap year) is just before 1 CE"
        );
        let said: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(said, ["there is no year 0 (-1 is 1 BCE, the year before 1)"]);
    }

    /// Written as TimelineJS3's cosmology template writes its events: `scale: cosmological`, years
    /// alone, some as strings and some as floats.
    #[test]
    fn timelinejs_cosmological_years_load_as_deep_time() {
        let (timeline, diagnostics) = load_any(
            r#"{"scale": "cosmological", "title": {"text": {"headline": "The history of everything"}}, "events": [
                {"start_date": {"year": "-13800000000"}, "text": {"headline": "Big Bang"}},
                {"start_date": {"year": -4.54e9}, "text": {"headline": "Earth forms"}},
                {"start_date": {"year": "-4.4E+9"}, "text": {"headline": "Oceans"}},
                {"start_date": {"year": -66000000}, "end_date": {"year": -65999000}, "text": {"headline": "Dinosaurs die out"}},
                {"start_date": {"year": -1234567}, "text": {"headline": "Odd year"}},
                {"start_date": {"year": -300000}, "text": {"headline": "Homo sapiens"}},
                {"start_date": {"year": -200}, "text": {"headline": "Rome"}},
                {"start_date": {"year": -5000000, "month": 3}, "text": {"headline": "A month in deep time"}},
                {"start_date": {"year": -200000000000}, "text": {"headline": "Before everything"}}
            ]}"#,
        )
        .expect("loads");
        let shown: Vec<(&str, String)> = timeline.events.iter().map(|e| (e.title.as_str(), e.date.display_long())).collect();
        assert_eq!(
            shown,
            [
                ("Big Bang", "13.8 billion years ago".to_owned()),
                ("Earth forms", "4.54 billion years ago".to_owned()),
                ("Oceans", "4.4 billion years ago".to_owned()),
                ("Dinosaurs die out", "66 million years ago – 66 million years ago (65,999,000 BCE)".to_owned()),
                ("Odd year", "1.23 million years ago (1,234,567 BCE)".to_owned()),
                ("Homo sapiens", "300,000 BCE".to_owned()),
                ("Rome", "200 BCE".to_owned()),
            ]
        );
        let starts: Vec<f64> = timeline.events.iter().map(|e| e.date.start_days()).collect();
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "in time order: {starts:?}");
        // 13.8 billion years of mean Gregorian years before 2000.
        let big_bang_years = (10_957.0 - starts[0]) / 365.2425;
        assert!((big_bang_years - 13_800_002_000.0).abs() < 2.0, "{big_bang_years}");
        let said: Vec<(&str, &str)> = diagnostics.iter().map(|d| (d.item.as_str(), d.message.as_str())).collect();
        assert_eq!(
            said,
            [
                ("events[7]", "a year beyond 262,000 either side of 1 CE has no months, days or hours: give the year alone"),
                ("events[8]", "years beyond 100 billion either side of 1 CE are not supported"),
            ]
        );
        // Our own format keeps them: `Y-13799999999` (astronomical, EDTF), and reads them back.
        let json = timeline.to_json();
        assert!(json.contains("\"Y-13799999999\""), "{json}");
        let (again, warnings) = Timeline::from_json(&json).expect("reads back");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(again.events.iter().map(|e| e.date).collect::<Vec<_>>(), timeline.events.iter().map(|e| e.date).collect::<Vec<_>>());
    }

    #[test]
    fn an_event_without_words_is_named_by_item_and_field() {
        let (timeline, diagnostics) =
            load_any(r#"{"events": [{"start_date": {"year": 2000}, "text": {"headline": " <br> "}}, {"start_date": {"year": 2001}, "text": {"headline": "Kept"}}]}"#)
                .expect("loads");
        assert_eq!(timeline.events.len(), 1);
        assert_eq!(
            diagnostics,
            vec![Diagnostic {
                severity: Severity::Error,
                item: "events[0]".into(),
                field: "text".into(),
                message: "has neither a headline nor a text, nor media".into()
            }]
        );
    }

    #[test]
    fn streaming_reads_a_large_file_like_load_any() {
        let events: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    r#"{{"start_date": {{"year": {}}}, "text": {{"headline": "E{i}", "text": "<p>Body &amp; more {i}</p>"}}}}"#,
                    1900 + i % 120
                )
            })
            .collect();
        let text = format!(r#"{{"title": {{"text": {{"headline": "Big"}}}}, "events": [{}]}}"#, events.join(","));
        for step in [1, 7, 64, 4096] {
            let cuts: Vec<usize> = (step..text.len()).step_by(step).collect();
            assert!(agree(text.as_bytes(), &cuts), "pieces of {step} bytes");
        }
        // The events are read as they arrive, not at the end.
        let mut load = StreamingLoad::new();
        load.push(&text.as_bytes()[..text.len() / 2]);
        let halfway = load.events_read();
        assert!((140..=160).contains(&halfway), "{halfway} events read from half the file");
        load.push(&text.as_bytes()[text.len() / 2..text.len() - 3]);
        assert_eq!(load.events_read(), 299, "all but the last, whose closing brace has not come");
        let mut ours = StreamingLoad::new();
        ours.push(br#"{"format": "citeline-timeline", "events": [{"start_date": {"year": 2000}}]"#);
        assert_eq!(ours.events_read(), 0, "our own format is read whole, at the end");
        let (timeline, _) = streamed(text.as_bytes(), &[100, 5000]).expect("loads");
        assert_eq!((timeline.events.len(), timeline.title.as_str()), (300, "Big"));
    }

    proptest::proptest! {
        #[test]
        fn streaming_agrees_with_load_any_on_timelinejs_files(text in tjs_file(), cuts in proptest::collection::vec(0usize..4000, 0..8)) {
            proptest::prop_assert!(agree(text.as_bytes(), &cuts), "{}", text);
        }

        #[test]
        fn streaming_agrees_with_load_any_on_damaged_files(
            text in tjs_file(), damage in proptest::collection::vec((0usize..4000, 0u8..=255), 1..4), cuts in proptest::collection::vec(0usize..4000, 0..8)
        ) {
            let mut bytes = text.into_bytes();
            for (at, b) in damage {
                let len = bytes.len();
                if len > 0 {
                    bytes[at % len] = b;
                }
            }
            proptest::prop_assert!(agree(&bytes, &cuts), "{}", String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn streaming_agrees_with_load_any_on_anything(text in "\\PC{0,200}", cuts in proptest::collection::vec(0usize..400, 0..6)) {
            proptest::prop_assert!(agree(text.as_bytes(), &cuts));
        }

        #[test]
        fn reading_a_raw_date_agrees_with_reading_its_tree(
            fields in proptest::collection::vec((
                proptest::sample::select(vec!["year", "month", "day", "hour", "minute", "other"]),
                proptest::sample::select(vec!["2015", "-44", "\"1999\"", "\" 7 \"", "\"\"", "null", "true", "2.5", "1e3", "\"x\"", "[1]", "{}", "13", "0", "99999999999",
                    "\"+5\"", "-0", "\"\\u0031\"", "\"  \"", "9223372036854775808", "-9223372036854775808", "\" -3\"", "\"4.0\"", "4.0"]),
            ), 0..7),
            shape in 0u8..4,
        ) {
            let object = format!("{{{}}}", fields.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect::<Vec<_>>().join(", "));
            let text = match shape { 0 => object, 1 => "[2015, 3]".to_owned(), 2 => "\"2015\"".to_owned(), _ => "null".to_owned() };
            let raw: &RawValue = serde_json::from_str(&text).expect("JSON");
            let by_tree = parse_raw(Some(raw.get())).as_ref().map(tjs_date);
            proptest::prop_assert_eq!(raw_tjs_date(Some(raw)), by_tree, "{}", text);
        }

        #[test]
        fn collapsing_whitespace_bytewise_agrees_with_chars(a in "[a-zé \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{2003}\u{3000}x]{0,40}", b in "\\PC{0,40}") {
            let (mut out, mut space) = (String::new(), false);
            push_collapsed(&mut out, &a, &mut space);
            push_collapsed(&mut out, &b, &mut space);
            proptest::prop_assert_eq!(out, collapsed_by_chars(&[&a, &b]));
        }

        #[test]
        fn plain_text_fast_path_agrees_with_the_markup_reader(text in "[a-zé <>&;#\t\n\u{a0}\u{2003}]{0,60}") {
            let (mut by_tokens, mut space) = (String::new(), false);
            for token in markup::read(&text, Dialect::Html) {
                match token {
                    MarkupToken::Tag { name, .. } => space |= !INLINE_ELEMENTS.iter().any(|inline| inline.eq_ignore_ascii_case(name)),
                    token => push_collapsed(&mut by_tokens, &token.text(&text), &mut space),
                }
            }
            proptest::prop_assert_eq!(plain_text(&text), by_tokens);
        }

        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            let _ = load_any(&text);
            let _ = load_any(&format!(r#"{{"events": [{{"start_date": {{"year": "{text}"}}, "text": {{"headline": "{}"}}}}]}}"#, text.replace('"', "")));
        }
    }
}
