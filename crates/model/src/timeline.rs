//! The timeline model and its versioned JSON format.
//!
//! Loading never panics and never loses good data because of bad data: each document and event is
//! checked on its own, a bad one is dropped with a [`Diagnostic`] naming it, its field and the
//! problem, and the rest load.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::anchor::{resolve, Resolution, TextPositionSelector, TextQuoteSelector};
use crate::date::{DateValue, EventDate};
use crate::document::Document;
use crate::media::{Media, MediaKind};

/// The `format` tag every timeline file carries.
pub const FORMAT: &str = "citeline-timeline";
/// The schema version this code reads and writes.
pub const VERSION: u32 = 1;

/// How an event's date was worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasisKind {
    /// The text states the date in full (or as much of it as the granularity claims).
    Stated,
    /// Resolved from a relative expression ("today", "Friday 8 June") against a reference date.
    Resolved,
    /// Taken from the document's publication date.
    Publication,
}

impl DateBasisKind {
    /// How the kind reads in the detail panel.
    pub fn describe(self) -> &'static str {
        match self {
            DateBasisKind::Stated => "Stated in the text",
            DateBasisKind::Resolved => "Worked out from a relative date",
            DateBasisKind::Publication => "Taken from the publication date",
        }
    }
}

/// Where an event's date came from, for people to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateBasis {
    /// Which kind of evidence.
    pub kind: DateBasisKind,
    /// One or two sentences saying how.
    pub explanation: String,
}

/// What a passage supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Support {
    /// The passage gives (part of) the date.
    Date,
    /// The passage gives (part of) what happened.
    Description,
}

impl Support {
    /// How the support reads as a badge.
    pub fn describe(self) -> &'static str {
        match self {
            Support::Date => "gives the date",
            Support::Description => "describes the event",
        }
    }
}

/// A quoted passage of a document that supports an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Id of the document the passage is in.
    pub document: String,
    /// What it supports.
    pub supports: Vec<Support>,
    /// The quote with its context.
    pub quote: TextQuoteSelector,
    /// Char offsets in the document text.
    pub position: TextPositionSelector,
}

/// A dated event with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id, used in URLs (`#event=<id>`).
    pub id: String,
    /// Short title.
    pub title: String,
    /// One-line summary.
    pub summary: String,
    /// When it happened, with its granularity.
    pub date: EventDate,
    /// How the date was worked out.
    pub date_basis: DateBasis,
    /// Supporting passages; at least one.
    pub passages: Vec<Passage>,
    /// A picture, or a link to other media (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    /// The track it belongs to (TimelineJS3's `group`): events with the same group can be drawn
    /// in one labelled row (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// A whole timeline: documents and the events they support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] when written by this code.
    pub version: u32,
    /// Title of the timeline.
    pub title: String,
    /// What it is about, in a sentence or two (TimelineJS3's title slide text), shown under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A picture or link for the whole timeline (TimelineJS3's title slide media), shown under
    /// its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    /// Source documents.
    pub documents: Vec<Document>,
    /// Events, in any order (layout sorts them by time).
    pub events: Vec<Event>,
    /// Named periods drawn as bands behind the events (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<Era>,
}

/// A named period ("The review"), drawn as a band behind the events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Era {
    /// Its name.
    pub title: String,
    /// First period it covers.
    pub start: DateValue,
    /// Last period it covers.
    pub end: DateValue,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The item was dropped.
    Error,
    /// The item loaded, with a repair (e.g. a re-anchored passage).
    Warning,
}

/// A document's source fields are about it, not its text: one that cannot be read (a URL that is
/// not a string, an `accessed` date that is not a date) is left out with a warning, and the
/// document stays.
fn without_bad_metadata<'a>(
    raw: &'a serde_json::Value,
    item: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> std::borrow::Cow<'a, serde_json::Value> {
    let problem = |key: &str, value: &serde_json::Value| match (key, value) {
        (_, serde_json::Value::Null) => None,
        ("accessed", serde_json::Value::String(s)) => s.parse::<DateValue>().err().map(|e| format!("{e}; left out")),
        (_, serde_json::Value::String(_)) => None,
        _ => Some("must be a string; left out".to_owned()),
    };
    let bad: Vec<(&str, String, String)> = ["url", "archived_url", "accessed"]
        .into_iter()
        .filter_map(|key| raw.get(key).and_then(|v| problem(key, v)).map(|message| (key, key.to_owned(), message)))
        .collect();
    leave_out(raw, bad, item, diagnostics)
}

/// `raw` without the keys named in `bad` (`(key, field, message)`), each said as a warning on
/// `field`; `raw` itself when nothing is bad.
fn leave_out<'a>(
    raw: &'a serde_json::Value,
    bad: Vec<(&str, String, String)>,
    item: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> std::borrow::Cow<'a, serde_json::Value> {
    if bad.is_empty() {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut kept = raw.clone();
    for (key, field, message) in bad {
        if let Some(object) = kept.as_object_mut() {
            object.remove(key);
        }
        diagnostics.push(Diagnostic { severity: Severity::Warning, item: item.to_owned(), field, message });
    }
    std::borrow::Cow::Owned(kept)
}

/// An event's media is beside its evidence: media that cannot be read is left out with a
/// warning, and the event stays.
fn without_bad_media<'a>(
    raw: &'a serde_json::Value,
    item: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> std::borrow::Cow<'a, serde_json::Value> {
    use serde_json::Value;
    // Checked by hand, not by a second deserializer: the same rules as `Media`'s fields.
    let problem = match raw.get("media") {
        None | Some(Value::Null) => None,
        Some(Value::Object(media)) => match media.get("url") {
            Some(Value::String(_)) => media
                .iter()
                .find(|(key, value)| key.as_str() != "url" && !matches!(value, Value::String(_) | Value::Null))
                .map(|(key, _)| (format!("media.{key}"), "must be a string; the media was left out".to_owned())),
            Some(_) => Some(("media.url".to_owned(), "must be a string; the media was left out".to_owned())),
            None => Some(("media".to_owned(), "missing field `url`; the media was left out".to_owned())),
        },
        Some(_) => Some(("media".to_owned(), "must be an object with a `url`; the media was left out".to_owned())),
    };
    let bad = problem.map(|(field, message)| ("media", field, message)).into_iter().collect();
    leave_out(raw, bad, item, diagnostics)
}

/// Media kept but not usable as a picture or link (shown as text) is named, by field.
fn warn_unusable_media(media: &Media, item: &str, diagnostics: &mut Vec<Diagnostic>) {
    let unusable = [
        ("media.url", media.kind() == MediaKind::Unusable),
        ("media.link", media.link.as_deref().is_some_and(|l| crate::source::web_address(l).is_none())),
    ];
    for (field, _) in unusable.into_iter().filter(|(_, bad)| *bad) {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            item: item.to_owned(),
            field: field.into(),
            message: crate::media::NOT_USABLE.into(),
        });
    }
}

/// One problem found while loading: which item, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error (item dropped) or warning (item kept).
    pub severity: Severity,
    /// The item, e.g. `events[2] (id "launch")`.
    pub item: String,
    /// The field inside it, e.g. `passages[0].quote`; empty for the item as a whole.
    pub field: String,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.field.is_empty() {
            write!(f, "{level}: {}: {}", self.item, self.message)
        } else {
            write!(f, "{level}: {}, field {}: {}", self.item, self.field, self.message)
        }
    }
}

/// Why a timeline could not be loaded at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON.
    Syntax(String),
    /// JSON, but not a Citeline timeline of a version this code reads.
    Format(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax(m) => write!(f, "not valid JSON: {m}"),
            LoadError::Format(m) => write!(f, "not a Citeline timeline: {m}"),
        }
    }
}

impl std::error::Error for LoadError {}

fn item_name(kind: &str, index: usize, value: &serde_json::Value) -> String {
    match value.get("id").and_then(|id| id.as_str()) {
        Some(id) => format!("{kind}[{index}] (id \"{id}\")"),
        None => format!("{kind}[{index}]"),
    }
}

/// The top-level keys this version reads.
const TOP_LEVEL_KEYS: [&str; 8] = ["format", "version", "title", "description", "media", "documents", "events", "eras"];

/// A field this version does not know, in words: it is kept out, and the item is read without it.
fn unknown_field(item: &str, field: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        item: item.to_owned(),
        field,
        message: "not a field this version of Citeline knows (a newer version may have written it); ignored".into(),
    }
}

/// A skipped field's path as diagnostics write fields: `passages[0].quote.note`.
fn field_path(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", field_path(parent)),
        Path::Map { parent, key } => match field_path(parent) {
            parent if parent.is_empty() => key.clone(),
            parent => format!("{parent}.{key}"),
        },
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => field_path(parent),
    }
}

/// Deserialises one item, naming the field at fault: the path serde_path_to_error tracked, or for
/// a missing field (reported by the parent) the name serde quotes in its message. Fields this
/// version does not know are skipped, with a warning each in `diagnostics` (a file from a newer
/// version loads what this one can read).
fn parse_item<T: serde::de::DeserializeOwned>(
    raw: &serde_json::Value,
    item: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<T, (String, String)> {
    let mut unknown = Vec::new();
    let parsed = serde_path_to_error::deserialize(serde_ignored::Deserializer::new(raw, &mut |path: serde_ignored::Path| {
        unknown.push(field_path(&path))
    }));
    if parsed.is_ok() {
        diagnostics.extend(unknown.into_iter().map(|field| unknown_field(item, field)));
    }
    parsed.map_err(|e| {
        let message = e.inner().to_string();
        let mut field = e.path().to_string();
        if field == "." {
            field = String::new();
        }
        if let Some(missing) = message.strip_prefix("missing field `").and_then(|m| m.split('`').next()) {
            field = if field.is_empty() { missing.to_owned() } else { format!("{field}.{missing}") };
        }
        (field, message)
    })
}

impl Event {
    /// Reads one event from a JSON value, naming the field at fault (`passages[0].quote`) and the
    /// problem. Its passages are not resolved here: that needs the documents (see
    /// [`Timeline::from_value`]).
    pub fn from_value(raw: &serde_json::Value) -> Result<Event, (String, String)> {
        parse_item(raw, "event", &mut Vec::new())
    }
}

impl Timeline {
    /// Parses a timeline file, keeping every valid item and describing every invalid one.
    pub fn from_json(text: &str) -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax(e.to_string()))?;
        Self::from_value(&value)
    }

    /// As [`Timeline::from_json`], from an already parsed JSON value.
    pub fn from_value(value: &serde_json::Value) -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
        let object = value.as_object().ok_or_else(|| LoadError::Format("the top level must be an object".into()))?;
        match object.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT) => {}
            Some(other) => return Err(LoadError::Format(format!("format is \"{other}\", expected \"{FORMAT}\""))),
            None => return Err(LoadError::Format(format!("missing \"format\": \"{FORMAT}\""))),
        }
        let mut diagnostics = Vec::new();
        match object.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(VERSION) => {}
            // A newer file: what this version knows of it is read, and each field it does not know is named.
            Some(v) if v > u64::from(VERSION) => diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                item: "timeline".into(),
                field: "version".into(),
                message: format!("version {v} is newer than this Citeline reads (version {VERSION}); what it knows was loaded"),
            }),
            Some(v) => return Err(LoadError::Format(format!("version {v} is not supported (this reads version {VERSION})"))),
            None => return Err(LoadError::Format("missing a numeric \"version\"".into())),
        }
        for key in object.keys().filter(|k| !TOP_LEVEL_KEYS.contains(&k.as_str())) {
            diagnostics.push(unknown_field("timeline", key.clone()));
        }
        let title = object.get("title").and_then(|t| t.as_str()).unwrap_or("Untitled timeline").to_owned();
        let empty = Vec::new();
        let array = |key: &str, diagnostics: &mut Vec<Diagnostic>| match object.get(key) {
            Some(serde_json::Value::Array(items)) => items,
            Some(_) => {
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    item: "timeline".into(),
                    field: key.into(),
                    message: "must be an array".into(),
                });
                &empty
            }
            None => &empty,
        };

        let mut documents: Vec<Document> = Vec::new();
        for (index, raw) in array("documents", &mut diagnostics).iter().enumerate() {
            let item = item_name("documents", index, raw);
            let raw = &without_bad_metadata(raw, &item, &mut diagnostics);
            match parse_item::<Document>(raw, &item, &mut diagnostics) {
                Ok(doc) if documents.iter().any(|d| d.id == doc.id) => diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    item,
                    field: "id".into(),
                    message: "another document already has this id".into(),
                }),
                Ok(doc) => {
                    for (field, url) in [("url", &doc.url), ("archived_url", &doc.archived_url)] {
                        if url.as_deref().is_some_and(|u| crate::source::web_address(u).is_none()) {
                            diagnostics.push(Diagnostic {
                                severity: Severity::Warning,
                                item: item.clone(),
                                field: field.into(),
                                message: "is not a web address (http or https): shown as text, not as a link".into(),
                            });
                        }
                    }
                    documents.push(doc)
                }
                Err((field, message)) => diagnostics.push(Diagnostic { severity: Severity::Error, item, field, message }),
            }
        }

        let mut events: Vec<Event> = Vec::new();
        let mut ids = HashSet::new();
        for (index, raw) in array("events", &mut diagnostics).iter().enumerate() {
            let item = item_name("events", index, raw);
            let raw = &without_bad_media(raw, &item, &mut diagnostics);
            let mut event = match parse_item::<Event>(raw, &item, &mut diagnostics) {
                Ok(event) => event,
                Err((field, message)) => {
                    diagnostics.push(Diagnostic { severity: Severity::Error, item, field, message });
                    continue;
                }
            };
            let mut problems = Vec::new();
            if event.id.is_empty() {
                problems.push(("id".to_owned(), "must not be empty".to_owned()));
            } else if !ids.insert(event.id.clone()) {
                problems.push(("id".to_owned(), "another event already has this id".to_owned()));
            }
            if event.title.trim().is_empty() {
                problems.push(("title".to_owned(), "must not be empty".to_owned()));
            }
            if event.date.is_reversed() {
                problems.push(("date".to_owned(), "the range ends before it starts".to_owned()));
            }
            if event.passages.is_empty() {
                problems.push(("passages".to_owned(), "an event needs at least one supporting passage".to_owned()));
            }
            if let Some(media) = &event.media {
                warn_unusable_media(media, &item, &mut diagnostics);
            }
            // A passage that cannot be found is left out, with a diagnostic; the event keeps the
            // passages that are good, and is left out only when none is.
            let had_passages = !event.passages.is_empty();
            let mut kept = Vec::with_capacity(event.passages.len());
            for (p, mut passage) in std::mem::take(&mut event.passages).into_iter().enumerate() {
                let (field, problem) = match documents.iter().find(|d| d.id == passage.document) {
                    None => (format!("passages[{p}].document"), format!("no document has the id \"{}\"", passage.document)),
                    Some(doc) => match resolve(&doc.text, &passage.quote, passage.position) {
                        Ok(Resolution::AtPosition(_)) => {
                            kept.push(passage);
                            continue;
                        }
                        Ok(Resolution::Reanchored(found)) => {
                            diagnostics.push(Diagnostic {
                                severity: Severity::Warning,
                                item: item.clone(),
                                field: format!("passages[{p}].position"),
                                message: format!(
                                    "the quote is not at {}..{}; found it at {}..{} and used that",
                                    passage.position.start, passage.position.end, found.start, found.end
                                ),
                            });
                            passage.position = found;
                            kept.push(passage);
                            continue;
                        }
                        Err(e) => (format!("passages[{p}].quote"), e.to_string()),
                    },
                };
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    item: item.clone(),
                    field,
                    message: format!("{problem}; this passage was left out"),
                });
            }
            if had_passages && kept.is_empty() {
                problems.push(("passages".to_owned(), "none of its passages could be found in its documents".to_owned()));
            }
            event.passages = kept;
            if problems.is_empty() {
                events.push(event);
            } else {
                for (field, message) in problems {
                    diagnostics.push(Diagnostic {
                        severity: Severity::Error,
                        item: item.clone(),
                        field,
                        message: format!("{message}; the event was left out"),
                    });
                }
            }
        }
        let mut eras = Vec::new();
        for (index, raw) in array("eras", &mut diagnostics).iter().enumerate() {
            let item = format!("eras[{index}]");
            match parse_item::<Era>(raw, &item, &mut diagnostics) {
                Ok(era) if era.end.end_days() > era.start.start_days() => eras.push(era),
                Ok(_) => diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    item,
                    field: "end".into(),
                    message: "ends before it starts".into(),
                }),
                Err((field, message)) => diagnostics.push(Diagnostic { severity: Severity::Error, item, field, message }),
            }
        }
        let description = object.get("description").and_then(|d| d.as_str()).map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned);
        // The timeline's own media, checked as an event's is: what cannot be read is left out, named.
        let media = without_bad_media(value, "timeline", &mut diagnostics)
            .get("media")
            .filter(|m| !m.is_null())
            .and_then(|m| serde_json::from_value::<Media>(m.clone()).ok());
        if let Some(media) = &media {
            warn_unusable_media(media, "timeline", &mut diagnostics);
        }
        Ok((Timeline { format: FORMAT.into(), version: VERSION, title, description, media, documents, events, eras }, diagnostics))
    }

    /// The timeline as pretty JSON in the current format.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// First start and last end over all events, in days; `None` when there are no events.
    pub fn extent_days(&self) -> Option<(f64, f64)> {
        let start = self.events.iter().map(|e| e.date.start_days()).reduce(f64::min)?;
        let end = self.events.iter().map(|e| e.date.end_days()).reduce(f64::max)?;
        Some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> serde_json::Value {
        json!({
            "format": FORMAT, "version": 1, "title": "t",
            "documents": [{"id": "d", "title": "Doc", "publisher": "P", "text": "It began in 2011. Then 2017."}],
            "events": [
                {"id": "a", "title": "A", "summary": "s", "date": "2011",
                 "date_basis": {"kind": "stated", "explanation": "x"},
                 "passages": [{"document": "d", "supports": ["date"],
                   "quote": {"exact": "2011", "prefix": "in ", "suffix": "."}, "position": {"start": 12, "end": 16}}]},
                {"id": "b", "title": "B", "summary": "s", "date": "2017",
                 "date_basis": {"kind": "stated", "explanation": "x"},
                 "passages": [{"document": "d", "supports": ["date"],
                   "quote": {"exact": "2017", "prefix": "Then ", "suffix": "."}, "position": {"start": 23, "end": 27}}]}
            ]
        })
    }

    #[test]
    fn round_trips_through_json() {
        let (timeline, diagnostics) = Timeline::from_value(&sample()).expect("loads");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(timeline.events.len(), 2);
        let (again, diagnostics) = Timeline::from_json(&timeline.to_json()).expect("reloads");
        assert!(diagnostics.is_empty());
        assert_eq!(again, timeline);
    }

    #[test]
    fn a_newer_file_loads_what_this_version_knows_and_names_the_rest() {
        let mut value = sample();
        value["version"] = json!(2);
        value["theme"] = json!({"accent": "red"});
        value["documents"][0]["licence"] = json!("CC BY");
        value["events"][0]["sound"] = json!({"url": "https://example.org/a.mp3"});
        value["events"][1]["passages"][0]["quote"]["note"] = json!("x");
        value["events"][1]["date_basis"]["confidence"] = json!(0.9);
        value["eras"] = json!([{"title": "E", "start": "2011", "end": "2017", "colour": "blue"}]);
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!((timeline.documents.len(), timeline.events.len(), timeline.eras.len()), (1, 2, 1), "nothing dropped");
        let mut known = sample();
        known["eras"] = json!([{"title": "E", "start": "2011", "end": "2017"}]);
        let (expected, none) = Timeline::from_value(&known).expect("loads");
        assert!(none.is_empty(), "{none:?}");
        assert_eq!(timeline, expected, "the same timeline as without the fields this version does not know");
        let named: Vec<(Severity, &str, &str)> = diagnostics.iter().map(|d| (d.severity, d.item.as_str(), d.field.as_str())).collect();
        assert_eq!(
            named,
            [
                (Severity::Warning, "timeline", "version"),
                (Severity::Warning, "timeline", "theme"),
                (Severity::Warning, "documents[0] (id \"d\")", "licence"),
                (Severity::Warning, "events[0] (id \"a\")", "sound"),
                (Severity::Warning, "events[1] (id \"b\")", "date_basis.confidence"),
                (Severity::Warning, "events[1] (id \"b\")", "passages[0].quote.note"),
                (Severity::Warning, "eras[0]", "colour"),
            ]
        );
        assert!(diagnostics.iter().all(|d| d.severity == Severity::Warning));
        assert!(diagnostics[1].message.contains("not a field this version"), "{}", diagnostics[1].message);
    }

    #[test]
    fn a_document_says_where_it_is_and_only_web_addresses_are_links() {
        let mut value = sample();
        value["documents"][0]["url"] = json!("https://example.org/doc");
        value["documents"][0]["archived_url"] = json!("https://web.archive.org/web/2018/https://example.org/doc");
        value["documents"][0]["accessed"] = json!("2026-11-30");
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let document = &timeline.documents[0];
        assert_eq!(document.url.as_deref(), Some("https://example.org/doc"));
        assert_eq!(document.accessed.map(|d| d.iso()).as_deref(), Some("2026-11-30"));
        let (again, _) = Timeline::from_json(&timeline.to_json()).expect("reloads");
        assert_eq!(again, timeline, "kept through a round trip");
        // Anything else is kept as text, and said.
        value["documents"][0]["url"] = json!("javascript:alert(1)");
        value["documents"][0]["archived_url"] = json!("the library's copy");
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!(timeline.documents[0].url.as_deref(), Some("javascript:alert(1)"));
        let named: Vec<(&str, &str)> = diagnostics.iter().map(|d| (d.item.as_str(), d.field.as_str())).collect();
        assert_eq!(named, [("documents[0] (id \"d\")", "url"), ("documents[0] (id \"d\")", "archived_url")]);
        assert!(diagnostics[0].message.contains("not a web address"), "{}", diagnostics[0]);
        // Source fields that cannot be read are left out, with a warning; the document and its
        // events stay.
        value["documents"][0]["url"] = json!(42);
        value["documents"][0]["accessed"] = json!("last week");
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!((timeline.documents.len(), timeline.events.len()), (1, 2));
        assert_eq!((timeline.documents[0].url.as_ref(), timeline.documents[0].accessed), (None, None));
        let named: Vec<(Severity, &str)> = diagnostics.iter().map(|d| (d.severity, d.field.as_str())).collect();
        assert_eq!(named, [(Severity::Warning, "url"), (Severity::Warning, "accessed"), (Severity::Warning, "archived_url")]);
    }

    #[test]
    fn media_that_cannot_be_used_is_named_and_the_event_stays() {
        let mut value = sample();
        value["events"][0]["media"] = json!({"url": "https://example.org/a.jpg", "alt": "A", "caption": "C"});
        value["events"][1]["media"] = json!({"url": "javascript:alert(1)", "link": "ftp://x"});
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!(timeline.events[0].media.as_ref().map(|m| m.kind()), Some(MediaKind::Image));
        assert_eq!(timeline.events[1].media.as_ref().map(|m| m.kind()), Some(MediaKind::Unusable), "kept, shown as text");
        let named: Vec<(&str, &str)> = diagnostics.iter().map(|d| (d.item.as_str(), d.field.as_str())).collect();
        assert_eq!(named, [("events[1] (id \"b\")", "media.url"), ("events[1] (id \"b\")", "media.link")]);
        // Media that is not media at all is left out; the event stays.
        value["events"][1]["media"] = json!({"caption": "no url"});
        value["events"][0]["media"] = json!("https://example.org/a.jpg");
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!(timeline.events.len(), 2);
        assert!(timeline.events.iter().all(|e| e.media.is_none()));
        let named: Vec<(Severity, &str)> = diagnostics.iter().map(|d| (d.severity, d.field.as_str())).collect();
        assert_eq!(named, [(Severity::Warning, "media"), (Severity::Warning, "media")], "{diagnostics:?}");
        assert!(diagnostics[1].message.contains("url") && diagnostics[1].message.ends_with("the media was left out"), "{}", diagnostics[1]);
    }

    #[test]
    fn an_older_or_unnumbered_version_is_refused_in_words() {
        let mut value = sample();
        value["version"] = json!(0);
        assert!(matches!(Timeline::from_value(&value), Err(LoadError::Format(m)) if m.contains("version 0")));
        value["version"] = json!("1");
        assert!(matches!(Timeline::from_value(&value), Err(LoadError::Format(m)) if m.contains("version")));
    }

    #[test]
    fn one_bad_event_does_not_lose_the_others() {
        let mut value = sample();
        value["events"][0]["date"] = json!("2011-13");
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!(timeline.events.len(), 1);
        assert_eq!(diagnostics.len(), 1);
        let d = &diagnostics[0];
        assert_eq!((d.severity, d.item.as_str()), (Severity::Error, "events[0] (id \"a\")"));
        assert!(d.message.contains("month must be 01 to 12"), "{d}");
    }

    #[test]
    fn names_the_field_and_the_problem() {
        let cases: Vec<(&str, serde_json::Value, &str, &str)> = vec![
            ("/events/0/title", json!(null), "title", "invalid type"),
            ("/events/0/passages/0/quote/exact", json!(7), "passages[0].quote.exact", "invalid type"),
            ("/events/1/id", json!("a"), "id", "another event already has this id"),
            ("/events/0/passages", json!([]), "passages", "at least one"),
            ("/events/0/passages/0/document", json!("nope"), "passages[0].document", "no document"),
            ("/events/0/passages/0/quote/exact", json!("1999"), "passages[0].quote", "does not occur"),
            ("/events/0/date", json!({"start": "2012", "end": "2011"}), "date", "ends before it starts"),
        ];
        for (pointer, replacement, field, message) in cases {
            let mut value = sample();
            *value.pointer_mut(pointer).expect(pointer) = replacement;
            let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
            assert_eq!(timeline.events.len(), 1, "{pointer}");
            let d = diagnostics.iter().find(|d| d.severity == Severity::Error).expect(pointer);
            assert_eq!(d.field, field, "{pointer}: {d}");
            assert!(d.message.contains(message), "{pointer}: {d}");
        }
    }

    #[test]
    fn missing_fields_are_named() {
        let mut value = sample();
        value["events"][0].as_object_mut().expect("object").remove("summary");
        let (_, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!(diagnostics[0].field, "summary");
    }

    #[test]
    fn stale_positions_are_repaired_with_a_warning() {
        let mut value = sample();
        value["events"][0]["passages"][0]["position"] = json!({"start": 0, "end": 4});
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!(timeline.events.len(), 2);
        assert_eq!(diagnostics[0].severity, Severity::Warning);
        assert_eq!(timeline.events[0].passages[0].position, TextPositionSelector { start: 12, end: 16 });
    }

    #[test]
    fn whole_file_errors_are_errors_not_panics() {
        for bad in ["", "[]", "{", r#"{"format":"x","version":1}"#, r#"{"format":"citeline-timeline","version":0}"#] {
            assert!(Timeline::from_json(bad).is_err(), "{bad}");
        }
        let (_, diagnostics) = Timeline::from_json(r#"{"format":"citeline-timeline","version":9}"#).expect("a newer version loads");
        assert_eq!((diagnostics[0].severity, diagnostics[0].field.as_str()), (Severity::Warning, "version"));
        let (timeline, diagnostics) = Timeline::from_json(r#"{"format":"citeline-timeline","version":1,"events":{}}"#).expect("loads");
        assert!(timeline.events.is_empty());
        assert_eq!(diagnostics[0].field, "events");
    }

    #[test]
    fn an_event_keeps_its_good_passages() {
        let mut value = sample();
        let good = value["events"][0]["passages"][0].clone();
        let mut bad = good.clone();
        bad["quote"]["exact"] = json!("1999");
        value["events"][0]["passages"] = json!([bad, good]);
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!(timeline.events.len(), 2, "the event stays");
        assert_eq!(timeline.events[0].passages.len(), 1, "with its good passage");
        assert_eq!(timeline.events[0].passages[0].quote.exact, "2011");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!((diagnostics[0].severity, diagnostics[0].field.as_str()), (Severity::Error, "passages[0].quote"));
        assert!(diagnostics[0].message.ends_with("this passage was left out"), "{}", diagnostics[0]);
    }

    #[test]
    fn an_event_with_no_good_passage_is_left_out_and_says_why() {
        let mut value = sample();
        value["events"][0]["passages"][0]["document"] = json!("nope");
        let (timeline, diagnostics) = Timeline::from_value(&value).expect("loads");
        assert_eq!(timeline.events.len(), 1);
        let fields: Vec<&str> = diagnostics.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(fields, ["passages[0].document", "passages"]);
        assert!(diagnostics[1].message.contains("none of its passages") && diagnostics[1].message.ends_with("the event was left out"));
    }

    /// Every JSON pointer inside `value`.
    fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
            serde_json::Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
            _ => {}
        }
        out.push(at);
    }

    /// Values that are wrong in the ways files are wrong: other types, huge or negative numbers,
    /// dates that are not dates, empty and very long strings, nested junk.
    fn any_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(json!(null)),
            any::<bool>().prop_map(|b| json!(b)),
            any::<i64>().prop_map(|n| json!(n)),
            any::<f64>().prop_filter("JSON has no NaN", |f| f.is_finite()).prop_map(|f| json!(f)),
            Just(json!(u64::MAX)),
            Just(json!(1e300)),
            prop_oneof![Just("2011"), Just("2011-13"), Just("-0001"), Just("99999"), Just("2018-02-30"), Just("2011/.."), Just("")]
                .prop_map(|s| json!(s)),
            "\\PC{0,12}".prop_map(|s| json!(s)),
            (0usize..3000).prop_map(|n| json!("x".repeat(n))),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..4).prop_map(|m| json!(m)),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn loading_arbitrary_text_never_panics(text in "\\PC{0,200}") {
            let _ = Timeline::from_json(&text);
        }

        /// A good file with one place broken (replaced by anything, or removed): loading never
        /// panics, names the item of every problem, keeps the untouched event, and every event it
        /// keeps has passages that resolve.
        #[test]
        fn a_file_broken_in_one_place_loads_what_it_can(choice in 0usize..1000, replacement in any_value(), remove in proptest::bool::ANY) {
            let mut value = sample();
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let pointer = all[choice % all.len()].clone();
            let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", ""));
            match value.pointer_mut(parent) {
                Some(serde_json::Value::Object(map)) if remove => { map.remove(key); }
                _ => if let Some(slot) = value.pointer_mut(&pointer) { *slot = replacement; },
            }
            let text = value.to_string();
            if let Ok((timeline, diagnostics)) = Timeline::from_json(&text) {
                for d in &diagnostics {
                    proptest::prop_assert!(!d.item.is_empty() && !d.message.is_empty(), "{:?}", d);
                }
                if !pointer.starts_with("/events/1") && !pointer.starts_with("/documents") && pointer.starts_with("/events/0") {
                    proptest::prop_assert!(timeline.event("b").is_some(), "event b lost when {} was broken: {:?}", pointer, diagnostics);
                }
                for event in &timeline.events {
                    proptest::prop_assert!(!event.passages.is_empty());
                    for passage in &event.passages {
                        let doc = timeline.document(&passage.document);
                        proptest::prop_assert!(doc.is_some_and(|d| resolve(&d.text, &passage.quote, passage.position).is_ok()));
                    }
                }
                // What loads, saves and loads again unchanged.
                let (again, _) = Timeline::from_json(&timeline.to_json()).expect("our own output loads");
                proptest::prop_assert_eq!(again, timeline);
            }
        }
    }
}
