//! The person's own documents and the events proposed from them: adding a document (decoded and
//! checked), accepting, renaming, re-dating, merging and deleting proposals, and the JSON kept in
//! local storage. Pure: the UI only stores the JSON and draws the result.

use serde::{Deserialize, Serialize};

use crate::corroboration::{merge_into, near, same_happening, span, Verdict};
use crate::date::{DateValue, EventDate};
use crate::document::{Document, Published};
use crate::extraction::Undated;
use crate::markup::{self, Dialect, MarkupToken, TagKind};
use crate::timeline::{DateBasis, DateBasisKind, Event, Support, Timeline};

/// Largest document accepted, in bytes.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// Why an input could not be used. The message is for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A proposed or accepted event from the person's documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// The event.
    pub event: Event,
    /// Whether the person accepted it.
    pub accepted: bool,
    /// The proposals it was merged from, as they were (so "Split" can give them back); empty for
    /// one that was never merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<Event>,
}

impl Proposal {
    /// A new proposal, not yet accepted.
    pub fn new(event: Event) -> Self {
        Proposal { event, accepted: false, merged_from: Vec::new() }
    }

    /// Adds `other` to this proposal (its passages, and its date where `verdict` says), keeping both
    /// originals for [`Workspace::split`].
    fn absorb(&mut self, other: Proposal, verdict: Verdict) {
        if self.merged_from.is_empty() {
            self.merged_from.push(self.event.clone());
        }
        merge_into(&mut self.event, &other.event, verdict);
        self.accepted |= other.accepted;
        if other.merged_from.is_empty() {
            self.merged_from.push(other.event);
        } else {
            self.merged_from.extend(other.merged_from);
        }
    }
}

/// Everything the person added; kept in local storage as JSON.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Workspace {
    /// Their documents.
    pub documents: Vec<Document>,
    /// Events proposed from them (accepted or not).
    pub proposals: Vec<Proposal>,
    /// Happenings they mention with no date, for the person to date by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undated: Vec<Undated>,
}

/// Turns file bytes into text: refuses empty, binary and non-UTF-8 input with a clear message;
/// HTML becomes its readable text.
pub fn decode_input(name: &str, bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_BYTES {
        return Err(InputError(format!(
            "{name} is {:.1} MB; the limit is {} MB.",
            bytes.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError(format!("{name} is empty: there is no text to read.")));
    }
    if bytes.iter().take(8192).filter(|&&b| b == 0).count() > 0 {
        return Err(InputError(format!("{name} looks like a binary file, not text. Citeline reads plain text, Markdown and HTML.")));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        InputError(format!(
            "{name} is not UTF-8 text (the first bad byte is at offset {}). Save it as UTF-8 and try again; nothing was added.",
            e.valid_up_to()
        ))
    })?;
    let lower = name.to_lowercase();
    let looks_html = lower.ends_with(".html")
        || lower.ends_with(".htm")
        || text.trim_start().to_lowercase().starts_with("<!doctype html")
        || text.trim_start().to_lowercase().starts_with("<html");
    Ok(if looks_html { html_to_text(text) } else { text.replace("\r\n", "\n") })
}

/// Elements whose content is not readable text.
const HIDDEN_ELEMENTS: [&str; 5] = ["script", "style", "head", "noscript", "template"];

/// Elements that end a paragraph (`\n\n` before and after them), and those that end a line.
const PARAGRAPH_ELEMENTS: [&str; 14] =
    ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "blockquote", "title"];
const LINE_ELEMENTS: [&str; 3] = ["br", "li", "tr"];

/// The readable text of an HTML page: scripts, styles and tags dropped, block ends as line
/// breaks, entities and character references decoded (see [`crate::markup`]).
pub fn html_to_text(html: &str) -> String {
    let is = |names: &[&str], name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name));
    let mut decoded = String::with_capacity(html.len() / 2);
    let mut reader = markup::read(html, Dialect::Html);
    while let Some(token) = reader.next() {
        match token {
            MarkupToken::Tag { kind: TagKind::Open | TagKind::Empty, name, .. } if is(&HIDDEN_ELEMENTS, name) => reader.skip_to_close(name),
            MarkupToken::Tag { name, .. } if is(&LINE_ELEMENTS, name) => decoded.push('\n'),
            MarkupToken::Tag { name, .. } if is(&PARAGRAPH_ELEMENTS, name) => decoded.push_str("\n\n"),
            token => decoded.push_str(&token.text(html)),
        }
    }
    // Collapse runs of blank lines and trailing spaces.
    let mut clean = String::with_capacity(decoded.len());
    let mut blank = 0;
    for line in decoded.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !clean.is_empty() {
            clean.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        clean.push_str(&line);
    }
    clean
}

/// File name endings read as text (plain text, Markdown, HTML).
const TEXT_ENDINGS: &[&str] = &[".txt", ".text", ".md", ".markdown", ".html", ".htm"];

/// The file picker's `accept` list: the same endings, and the text types.
pub const ACCEPTED_FILES: &str =
    ".txt,.text,.md,.markdown,.html,.htm,.json,.csv,.tsv,.ics,text/plain,text/markdown,text/html,application/json,text/csv,text/calendar";

/// Endings of timeline files (opened as the timeline, not read as documents).
const TIMELINE_ENDINGS: &[&str] = &[".json", ".csv", ".tsv", ".ics"];

/// Whether a file of this name is read (by its ending, in any case): a document, or a timeline.
pub fn accepts_file_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    TEXT_ENDINGS.iter().chain(TIMELINE_ENDINGS).any(|ending| lower.ends_with(ending))
}

/// Whether `text` is a timeline file rather than a document to find events in: Citeline's or
/// TimelineJS3's JSON, TimelineJS3's sheet as CSV, or iCalendar (by what it starts with; the file
/// name is not trusted).
pub fn is_timeline_file(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let json = text.starts_with('{') && ["\"events\"", "\"format\"", "\"timeline\""].iter().any(|key| text.contains(key));
    json || crate::ics::looks_like_icalendar(text) || crate::sheet::looks_like_sheet(text)
}

/// The publication date the person confirmed: blank is none; otherwise a date, with where it came
/// from (the dateline it was found in, or the person).
pub fn published_from_input(date: &str, found_in: Option<&str>) -> Result<Option<Published>, InputError> {
    let date = date.trim();
    if date.is_empty() {
        return Ok(None);
    }
    let date: DateValue = date.parse().map_err(|e| InputError(format!("The publication date is not a date: {e}")))?;
    let source = found_in.map_or_else(|| "Given by you when adding the document.".to_owned(), str::to_owned);
    Ok(Some(Published { date, source }))
}

/// The first line of a text, as a title (at most 90 characters).
pub fn title_guess(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("Untitled document");
    let mut title: String = line.chars().take(90).collect();
    if line.chars().count() > 90 {
        title.push('…');
    }
    title
}

pub(crate) fn slug(text: &str) -> String {
    let s: String =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(5).map(str::to_lowercase).collect::<Vec<_>>().join("-");
    if s.is_empty() {
        "document".to_owned()
    } else {
        s
    }
}

impl Workspace {
    /// Reads the stored JSON; anything unreadable gives an empty workspace and a message.
    pub fn from_json(text: &str) -> (Workspace, Option<String>) {
        match serde_json::from_str(text) {
            Ok(w) => (w, None),
            Err(e) => (Workspace::default(), Some(format!("Your saved documents could not be read ({e}); starting afresh."))),
        }
    }

    /// The JSON kept in local storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Adds a document and returns its id. Ids are unique against `taken` (e.g. the seed's).
    pub fn add_document(&mut self, title: &str, text: String, published: Option<Published>, taken: &[String]) -> String {
        let base = slug(title);
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) || self.documents.iter().any(|d| d.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.documents.push(Document {
            id: id.clone(),
            title: title.trim().to_owned(),
            publisher: "Added by you".to_owned(),
            published,
            text,
            ..Document::default()
        });
        id
    }

    /// Adds proposals (not yet accepted), skipping ids already present. One that reports the same
    /// happening as a proposal not yet accepted (see [`crate::corroboration`]) is merged into it:
    /// one event, both sources' passages.
    pub fn add_proposals(&mut self, events: Vec<Event>) {
        let mut ids: std::collections::HashSet<String> =
            self.proposals.iter().flat_map(|p| std::iter::once(&p.event).chain(&p.merged_from)).map(|e| e.id.clone()).collect();
        // Dates compared as numbers first: a long document brings thousands of proposals.
        let mut spans: Vec<(f64, f64)> = self.proposals.iter().map(|p| span(&p.event.date)).collect();
        for event in events {
            if !ids.insert(event.id.clone()) {
                continue;
            }
            let here = span(&event.date);
            let same = (0..self.proposals.len()).find_map(|i| {
                let p = &self.proposals[i];
                (!p.accepted && near(spans[i], here)).then(|| same_happening(&p.event, &event)).flatten().map(|v| (i, v))
            });
            match same {
                Some((i, verdict)) => {
                    self.proposals[i].absorb(Proposal::new(event), verdict);
                    spans[i] = span(&self.proposals[i].event.date);
                }
                None => {
                    self.proposals.push(Proposal::new(event));
                    spans.push(here);
                }
            }
        }
    }

    /// Adds undated happenings, skipping ids already present.
    pub fn add_undated(&mut self, found: Vec<Undated>) {
        let mut ids: std::collections::HashSet<String> = self.undated.iter().map(|u| u.id.clone()).collect();
        for u in found {
            if ids.insert(u.id.clone()) {
                self.undated.push(u);
            }
        }
    }

    /// Dates an undated happening by hand ("2018", "2018-06", "2018-06-08"): it becomes an
    /// accepted event with its passage, and leaves the undated list.
    pub fn date_undated(&mut self, id: &str, date: &str) -> Result<(), InputError> {
        let value: DateValue = date.trim().parse().map_err(|e| InputError(format!("{e}")))?;
        let Some(index) = self.undated.iter().position(|u| u.id == id) else { return Ok(()) };
        let u = self.undated.remove(index);
        let mut passage = u.passage;
        if !passage.supports.contains(&Support::Date) {
            passage.supports.insert(0, Support::Date);
        }
        let summary = passage.quote.exact.chars().take(240).collect();
        let event = Event {
            id: u.id,
            title: u.title,
            summary,
            date: EventDate::Point(value),
            date_basis: DateBasis { kind: DateBasisKind::Stated, explanation: "Set by hand.".into() },
            passages: vec![passage],
            media: None,
            group: None,
        };
        self.proposals.push(Proposal { accepted: true, ..Proposal::new(event) });
        Ok(())
    }

    /// Drops an undated happening from the list.
    pub fn dismiss_undated(&mut self, id: &str) {
        self.undated.retain(|u| u.id != id);
    }

    /// The undated happenings of one document.
    pub fn undated_from<'a>(&'a self, document: &'a str) -> impl Iterator<Item = &'a Undated> + 'a {
        self.undated.iter().filter(move |u| u.passage.document == document)
    }

    /// Splits a merged proposal back into the proposals it was made of (each as it was proposed).
    pub fn split(&mut self, id: &str) {
        let Some(index) = self.proposals.iter().position(|p| p.event.id == id && !p.merged_from.is_empty()) else { return };
        let merged = self.proposals.remove(index);
        for (k, event) in merged.merged_from.into_iter().enumerate() {
            self.proposals.insert(index + k, Proposal { event, accepted: merged.accepted, merged_from: Vec::new() });
        }
    }

    fn find(&mut self, id: &str) -> Option<&mut Proposal> {
        self.proposals.iter_mut().find(|p| p.event.id == id)
    }

    /// Accepts a proposal.
    pub fn accept(&mut self, id: &str) {
        if let Some(p) = self.find(id) {
            p.accepted = true;
        }
    }

    /// Accepts every proposal.
    pub fn accept_all(&mut self) {
        for p in &mut self.proposals {
            p.accepted = true;
        }
    }

    /// The proposals drawn from one document (any of their passages quotes it).
    pub fn proposals_from<'a>(&'a self, document: &'a str) -> impl Iterator<Item = &'a Proposal> + 'a {
        self.proposals.iter().filter(move |p| p.event.passages.iter().any(|x| x.document == document))
    }

    /// Renames an event (blank titles are refused).
    pub fn rename(&mut self, id: &str, title: &str) -> Result<(), InputError> {
        let title = title.trim();
        if title.is_empty() {
            return Err(InputError("A title cannot be empty.".into()));
        }
        if let Some(p) = self.find(id) {
            p.event.title = title.to_owned();
        }
        Ok(())
    }

    /// Sets a new date by hand ("2018", "2018-06", "2018-06-08").
    pub fn redate(&mut self, id: &str, date: &str) -> Result<(), InputError> {
        let value: DateValue = date.trim().parse().map_err(|e| InputError(format!("{e}")))?;
        if let Some(p) = self.find(id) {
            p.event.date = EventDate::Point(value);
            p.event.date_basis = DateBasis { kind: DateBasisKind::Stated, explanation: "Set by hand.".into() };
        }
        Ok(())
    }

    /// Deletes a proposal.
    pub fn delete(&mut self, id: &str) {
        self.proposals.retain(|p| p.event.id != id);
    }

    /// Removes a document and every event drawn from it.
    pub fn remove_document(&mut self, document: &str) {
        self.documents.retain(|d| d.id != document);
        self.proposals.retain(|p| p.event.passages.iter().all(|x| x.document != document));
        self.undated.retain(|u| u.passage.document != document);
    }

    /// Merges events into the first one: its title and date, everyone's passages.
    pub fn merge(&mut self, ids: &[String]) -> Result<(), InputError> {
        if ids.len() < 2 {
            return Err(InputError("Choose at least two events to merge.".into()));
        }
        let mut merged: Option<Proposal> = None;
        for id in ids {
            let Some(index) = self.proposals.iter().position(|p| &p.event.id == id) else { continue };
            let p = self.proposals.remove(index);
            match merged.as_mut() {
                None => merged = Some(p),
                Some(m) => {
                    // By hand: the first event's title and date stand.
                    let (title, date, basis) = (m.event.title.clone(), m.event.date, m.event.date_basis.clone());
                    m.absorb(p, Verdict::Agree);
                    (m.event.title, m.event.date, m.event.date_basis) = (title, date, basis);
                }
            }
        }
        if let Some(m) = merged {
            self.proposals.push(m);
        }
        Ok(())
    }

    /// The base timeline with these documents and events added.
    pub fn combined(&self, base: &Timeline) -> Timeline {
        let mut timeline = base.clone();
        timeline.documents.extend(self.documents.iter().cloned());
        timeline.events.extend(self.proposals.iter().map(|p| p.event.clone()));
        timeline
    }

    /// Ids of events not yet accepted (drawn differently).
    pub fn pending_ids(&self) -> Vec<String> {
        self.proposals.iter().filter(|p| !p.accepted).map(|p| p.event.id.clone()).collect()
    }
}

/// The `format` of a whole-workspace file ("Download workspace" and "Import a workspace").
pub const EXPORT_FORMAT: &str = "citeline-workspace";

/// What joining another workspace into this one did (`Workspace::join`), in counts people can read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JoinReport {
    /// Documents added (new, or kept beside one of the same id under a new id).
    pub documents_added: usize,
    /// Events added (the same: new, or kept beside a different one of the same id).
    pub events_added: usize,
    /// Documents and events that were already here, unchanged.
    pub already_here: usize,
    /// Items kept under a new id because this workspace had a different one with theirs: (old, new).
    pub renamed: Vec<(String, String)>,
}

impl JoinReport {
    /// One sentence for the page, e.g. "Added 1 document and 3 events; 2 items were already here."
    pub fn summary(&self) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut text =
            format!("Added {} and {}", count(self.documents_added, "document", "documents"), count(self.events_added, "event", "events"));
        match self.already_here {
            0 => {}
            1 => text.push_str("; 1 item was already here"),
            n => text.push_str(&format!("; {n} items were already here")),
        }
        if !self.renamed.is_empty() {
            let names: Vec<String> = self.renamed.iter().map(|(old, new)| format!("{old} as {new}")).collect();
            text.push_str(&format!("; kept beside different ones of the same id: {}", names.join(", ")));
        }
        text.push('.');
        text
    }
}

/// What `Workspace::reconcile` did when another tab had saved in the meantime.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reconciled {
    /// The workspace with both tabs' changes.
    pub workspace: Workspace,
    /// Things people should know, in plain words (both tabs changed the same item, …).
    pub notes: Vec<String>,
}

/// One kind of item (documents or proposals) merged three ways by id: see `Workspace::reconcile`.
fn reconcile_items<T: Clone + PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &str,
    set_id: impl Fn(&mut T, String),
    what: &str,
    notes: &mut Vec<String>,
) -> (Vec<T>, Vec<(String, String)>) {
    let find = |items: &[T], key: &str| items.iter().position(|x| id(x) == key);
    let mut result = theirs.to_vec();
    let mut renamed = Vec::new();
    for item in mine {
        let key = id(item).to_owned();
        match base.iter().find(|b| id(b) == key) {
            // Added here: kept, beside a different item the other tab added with the same id.
            None => match find(&result, &key) {
                Some(i) if result[i] == *item => {}
                Some(_) => {
                    let new = fresh_id(&key, |candidate| find(&result, candidate).is_some());
                    let mut item = item.clone();
                    set_id(&mut item, new.clone());
                    notes.push(format!("Both tabs added {what} “{key}”; this tab's is kept as “{new}”."));
                    renamed.push((key, new));
                    result.push(item);
                }
                None => result.push(item.clone()),
            },
            // Left as it was here: whatever the other tab did stands.
            Some(b) if b == item => {}
            // Changed here: this tab's version, even over a change or a deletion in the other tab.
            Some(b) => match find(&result, &key) {
                Some(i) => {
                    if result[i] != *b {
                        notes.push(format!("Both tabs changed {what} “{key}”; this tab's version is kept."));
                    }
                    result[i] = item.clone();
                }
                None => {
                    notes.push(format!("The other tab deleted {what} “{key}”, which this tab changed; it is kept."));
                    result.push(item.clone());
                }
            },
        }
    }
    // Deleted here: deleted there too, unless the other tab changed it meanwhile.
    for b in base {
        let key = id(b);
        if find(mine, key).is_none() {
            if let Some(i) = find(&result, key) {
                if result[i] == *b {
                    result.remove(i);
                } else {
                    notes.push(format!("This tab deleted {what} “{key}”, which the other tab changed; it is kept."));
                }
            }
        }
    }
    (result, renamed)
}

/// A whole-workspace file as written by `Workspace::export_json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportFile {
    /// Checked before (`EXPORT_FORMAT`); read so that `deny_unknown_fields` accepts it.
    #[allow(dead_code)]
    format: String,
    version: u32,
    #[serde(default)]
    documents: Vec<Document>,
    #[serde(default)]
    proposals: Vec<Proposal>,
    #[serde(default)]
    undated: Vec<Undated>,
}

/// An id like `base` that `taken` does not hold: `base-2`, `base-3`, …
fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or_else(|| base.to_owned())
}

impl Workspace {
    /// The whole workspace as one file a person can keep, move to another browser and import:
    /// `to_json`'s object with `format` and `version` in front (spliced rather than serialised
    /// again, so the page's wasm carries one serialiser for the workspace, not two).
    pub fn export_json(&self) -> String {
        let json = self.to_json();
        let fields = json.strip_prefix('{').unwrap_or("}");
        let separator = if fields.starts_with('}') { "" } else { "," };
        format!("{{\"format\":\"{EXPORT_FORMAT}\",\"version\":1{separator}{fields}")
    }

    /// Reads a file written by `export_json`. The error names the file and, for a bad item, the
    /// item and field (e.g. `proposals[2].event.date`).
    pub fn from_export(name: &str, text: &str) -> Result<Workspace, InputError> {
        let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| InputError(format!("{name} is not valid JSON ({e}); nothing was imported.")))?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(EXPORT_FORMAT) => {}
            Some("citeline") => {
                return Err(InputError(format!(
                    "{name} is a Citeline timeline, not a workspace: open it with ?src= or “citeline check”; nothing was imported."
                )))
            }
            _ if value.get("events").is_some() || value.get("timeline").is_some() => {
                return Err(InputError(format!("{name} is a timeline file, not a Citeline workspace; nothing was imported.")))
            }
            _ => {
                return Err(InputError(format!(
                    "{name} is not a Citeline workspace (its \"format\" is not \"{EXPORT_FORMAT}\"); nothing was imported."
                )))
            }
        }
        let file: ExportFile = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            InputError(format!("{name}: {} {}; nothing was imported.", if path == "." { "the file".to_owned() } else { path }, e.inner()))
        })?;
        if file.version != 1 {
            return Err(InputError(format!(
                "{name} is a workspace of version {}, which this version of Citeline cannot read; nothing was imported.",
                file.version
            )));
        }
        Ok(Workspace { documents: file.documents, proposals: file.proposals, undated: file.undated })
    }

    /// Joins `other` into this workspace, losing nothing of either: what is already here is left
    /// as it is; a document or event of `other` with an id used here for something different is
    /// kept beside it under a new id (its events follow a renamed document). `taken` are ids of
    /// the base timeline's documents, which are never reused. Used for imports and when two tabs
    /// saved at once.
    pub fn join(&mut self, other: Workspace, taken: &[String]) -> JoinReport {
        let mut report = JoinReport::default();
        let mut document_ids: Vec<(String, String)> = Vec::new();
        for mut document in other.documents {
            match self.documents.iter().find(|d| d.id == document.id) {
                Some(here) if *here == document => report.already_here += 1,
                existing => {
                    if existing.is_some() || taken.contains(&document.id) {
                        let new = fresh_id(&document.id, |id| taken.iter().any(|t| t == id) || self.documents.iter().any(|d| d.id == id));
                        document_ids.push((document.id.clone(), new.clone()));
                        report.renamed.push((document.id.clone(), new.clone()));
                        document.id = new;
                    }
                    self.documents.push(document);
                    report.documents_added += 1;
                }
            }
        }
        for mut proposal in other.proposals {
            for passage in &mut proposal.event.passages {
                if let Some((_, new)) = document_ids.iter().find(|(old, _)| *old == passage.document) {
                    passage.document = new.clone();
                }
            }
            match self.proposals.iter().find(|p| p.event.id == proposal.event.id) {
                Some(here) if *here == proposal => report.already_here += 1,
                existing => {
                    if existing.is_some() {
                        let new = fresh_id(&proposal.event.id, |id| self.proposals.iter().any(|p| p.event.id == id));
                        report.renamed.push((proposal.event.id.clone(), new.clone()));
                        proposal.event.id = new;
                    }
                    self.proposals.push(proposal);
                    report.events_added += 1;
                }
            }
        }
        for mut u in other.undated {
            if let Some((_, new)) = document_ids.iter().find(|(old, _)| *old == u.passage.document) {
                u.passage.document = new.clone();
            }
            match self.undated.iter().find(|x| x.id == u.id) {
                Some(here) if *here == u => report.already_here += 1,
                existing => {
                    if existing.is_some() {
                        u.id = fresh_id(&u.id, |id| self.undated.iter().any(|x| x.id == id));
                    }
                    self.undated.push(u);
                }
            }
        }
        report
    }

    /// Both tabs' changes when another tab saved `theirs` while this one went from `base` to
    /// `self`: items are matched by id; what only one side changed takes that side's version;
    /// what both changed takes this tab's (and says so); nothing either added is lost.
    pub fn reconcile(&self, base: &Workspace, theirs: &Workspace) -> Reconciled {
        let mut notes = Vec::new();
        let (documents, renamed_documents) = reconcile_items(
            &base.documents,
            &self.documents,
            &theirs.documents,
            |d| d.id.as_str(),
            |d, id| d.id = id,
            "the document",
            &mut notes,
        );
        // This tab's events that quote a document it had to rename follow the document.
        let mut mine = self.proposals.clone();
        for (old, new) in &renamed_documents {
            for passage in mine.iter_mut().flat_map(|p| p.event.passages.iter_mut()).filter(|x| x.document == *old) {
                passage.document = new.clone();
            }
        }
        let (proposals, _) = reconcile_items(
            &base.proposals,
            &mine,
            &theirs.proposals,
            |p| p.event.id.as_str(),
            |p, id| p.event.id = id,
            "the event",
            &mut notes,
        );
        let mut mine = self.undated.clone();
        for (old, new) in &renamed_documents {
            for u in mine.iter_mut().filter(|u| u.passage.document == *old) {
                u.passage.document = new.clone();
            }
        }
        let (undated, _) = reconcile_items(
            &base.undated,
            &mine,
            &theirs.undated,
            |u| u.id.as_str(),
            |u, id| u.id = id,
            "the undated happening",
            &mut notes,
        );
        Reconciled { workspace: Workspace { documents, proposals, undated }, notes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_inputs_get_clear_messages() {
        assert!(decode_input("a.txt", b"").unwrap_err().0.contains("empty"));
        assert!(decode_input("a.txt", b"  \n ").unwrap_err().0.contains("empty"));
        assert!(decode_input("a.bin", b"PK\x03\x04\x00\x00").unwrap_err().0.contains("binary"));
        assert!(decode_input("a.txt", b"caf\xe9 au lait").unwrap_err().0.contains("not UTF-8"));
        assert_eq!(decode_input("a.txt", b"\xEF\xBB\xBFHello\r\nWorld").expect("utf-8"), "Hello\nWorld");
    }

    #[test]
    fn text_files_are_recognised_by_their_ending() {
        for name in ["a.txt", "B.MD", "notes.markdown", "page.HTM", "page.html", "x.text", "t.json", "sheet.CSV", "cal.ics", "s.tsv"] {
            assert!(accepts_file_name(name), "{name}");
            let ending = &name[name.rfind('.').expect("an ending")..].to_lowercase();
            assert!(ACCEPTED_FILES.split(',').any(|a| a == ending), "{name}: the picker offers what is read");
        }
        for name in ["a.pdf", "a.docx", "txt", "a.txt.zip"] {
            assert!(!accepts_file_name(name), "{name}");
        }
    }

    #[test]
    fn a_timeline_file_is_told_from_a_document_by_what_it_starts_with() {
        for timeline in [
            "{\"format\": \"citeline-timeline\", \"version\": 1}",
            "\u{feff}  {\"events\": []}",
            "{\"timeline\": {\"date\": []}}",
            "BEGIN:VCALENDAR\r\nEND:VCALENDAR",
            "Year,Month,Day,Headline\n2018,6,4,Launch",
        ] {
            assert!(is_timeline_file(timeline), "{timeline}");
        }
        for document in ["The council met on 4 June 2018.", "{ braces in prose }", "Year of the Headline", ""] {
            assert!(!is_timeline_file(document), "{document}");
        }
    }

    #[test]
    fn a_confirmed_publication_date_says_where_it_came_from() {
        assert_eq!(published_from_input("  ", Some("dateline")), Ok(None));
        let found = published_from_input("2018-06-04", Some("Found near the top")).expect("a date").expect("some");
        assert_eq!((found.date.iso().as_str(), found.source.as_str()), ("2018-06-04", "Found near the top"));
        let given = published_from_input("2018-06", None).expect("a date").expect("some");
        assert!(given.source.contains("Given by you"));
        assert!(published_from_input("June", None).unwrap_err().0.contains("not a date"));
    }

    #[test]
    fn html_becomes_text() {
        let text = decode_input("a.html", b"<html><head><title>x</title><style>p{}</style></head><body><h1>News</h1><p>Published 4 June 2018 &amp; more</p><script>alert(1)</script></body></html>").expect("html");
        assert_eq!(text, "News\n\nPublished 4 June 2018 & more");
    }

    #[test]
    fn html_to_text_reads_markup_like_a_browser() {
        let html = concat!(
            "<P>Caf&eacute; &amp; caf&#233;, &lsquo;quoted&rsquo; &mdash; 1 < 2<br>next<!-- a > b --></p>",
            "<ul><li>one<LI>two</ul>\n<a title=\"x>y\">link</a> <STYLE>p > a {}</style>end <b"
        );
        assert_eq!(html_to_text(html), "Caf&eacute; & café, ‘quoted’ — 1 < 2\nnext\n\none\ntwo\nlink end");
        // Never panics where lower-casing changes byte lengths (it used to slice at the wrong byte).
        let html = format!("<script>{}</script>é and more", "İ".repeat(10));
        assert_eq!(html_to_text(&html), "é and more");
    }

    /// A workspace with one document `doc` and one proposal per id, each quoting it.
    fn workspace(doc: &str, ids: &[&str]) -> Workspace {
        let mut w = Workspace::default();
        let id = w.add_document(doc, format!("{doc} happened in 2018."), None, &[]);
        let events = ids
            .iter()
            .map(|event| Event {
                id: (*event).to_owned(),
                title: format!("Event {event}"),
                summary: String::new(),
                date: EventDate::Point("2018".parse().expect("a year")),
                date_basis: DateBasis { kind: DateBasisKind::Stated, explanation: "Stated.".into() },
                passages: vec![crate::timeline::Passage {
                    document: id.clone(),
                    supports: vec![crate::timeline::Support::Date],
                    quote: crate::anchor::TextQuoteSelector { exact: "2018".into(), prefix: String::new(), suffix: String::new() },
                    position: crate::anchor::TextPositionSelector { start: 0, end: 4 },
                }],
                media: None,
                group: None,
            })
            .collect();
        w.add_proposals(events);
        w
    }

    #[test]
    fn a_workspace_file_round_trips_and_bad_ones_are_refused_in_words() {
        let mut w = workspace("Press release", &["a", "b"]);
        w.accept("a");
        let file = w.export_json();
        assert!(file.starts_with(r#"{"format":"citeline-workspace","version":1,"documents":[{"#), "{file}");
        assert_eq!(Workspace::from_export("w.json", &file), Ok(w.clone()));
        let empty = Workspace::default().export_json();
        assert_eq!(Workspace::from_export("empty.json", &empty), Ok(Workspace::default()), "{empty}");
        let err = |text: &str| Workspace::from_export("w.json", text).unwrap_err().0;
        assert!(err("{").contains("w.json is not valid JSON"));
        assert!(err(r#"{"format": "citeline", "version": 1, "title": "x", "documents": [], "events": []}"#)
            .contains("is a Citeline timeline, not a workspace"));
        assert!(err(r#"{"events": []}"#).contains("timeline file, not a Citeline workspace"));
        assert!(err(r#"[1]"#).contains("not a Citeline workspace"));
        assert!(err(r#"{"format": "citeline-workspace", "version": 2}"#).contains("version 2"));
        let broken = file.replacen("\"accepted\":true", "\"accepted\":\"yes\"", 1);
        let message = err(&broken);
        assert!(message.contains("proposals[0].accepted"), "{message}");
        assert!(message.contains("nothing was imported"), "{message}");
    }

    #[test]
    fn joining_keeps_everything_of_both_and_renames_what_differs() {
        let mut here = workspace("Press release", &["a", "b"]);
        let mut other = workspace("Press release", &["a", "c"]);
        other.rename("a", "Another title").expect("renamed");
        other.documents[0].text.push_str(" More text.");
        let report = here.join(other.clone(), &[]);
        assert_eq!(report.documents_added, 1);
        assert_eq!(report.events_added, 2, "a (different) and c");
        assert_eq!(report.renamed, vec![("press-release".to_owned(), "press-release-2".to_owned()), ("a".to_owned(), "a-2".to_owned())]);
        let ids: Vec<&str> = here.proposals.iter().map(|p| p.event.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "a-2", "c"]);
        // The other workspace's events follow its renamed document.
        assert!(here.proposals[2..].iter().all(|p| p.event.passages[0].document == "press-release-2"));
        assert_eq!(here.documents[1].text, other.documents[0].text);
        // Joining the same again adds nothing: everything is already here.
        let again = here.join(here.clone(), &[]);
        assert_eq!((again.documents_added, again.events_added, again.already_here), (0, 0, 6));
        assert_eq!(again.summary(), "Added 0 documents and 0 events; 6 items were already here.");
        // A base timeline's document id is never reused.
        let mut fresh = Workspace::default();
        fresh.join(workspace("Seed", &[]), &["seed".to_owned()]);
        assert_eq!(fresh.documents[0].id, "seed-2");
    }

    #[test]
    fn reconciling_two_tabs_keeps_both_sides_changes() {
        let base = workspace("Press release", &["a", "b", "c"]);
        // This tab accepted a, deleted b, added d. The other renamed c and added e.
        let mut mine = base.clone();
        mine.accept("a");
        mine.delete("b");
        let mut extra = workspace("Press release", &["d"]).proposals;
        mine.proposals.append(&mut extra);
        let mut theirs = base.clone();
        theirs.rename("c", "Renamed there").expect("renamed");
        theirs.proposals.extend(workspace("Press release", &["e"]).proposals);
        let done = mine.reconcile(&base, &theirs);
        let got: Vec<(&str, bool, &str)> =
            done.workspace.proposals.iter().map(|p| (p.event.id.as_str(), p.accepted, p.event.title.as_str())).collect();
        assert_eq!(got, [("a", true, "Event a"), ("c", false, "Renamed there"), ("e", false, "Event e"), ("d", false, "Event d")]);
        assert_eq!(done.notes, Vec::<String>::new(), "no item was changed on both sides");
        assert_eq!(done.workspace.documents, base.documents);

        // Both changed a: this tab's version, said. One deleted what the other changed: kept, said.
        let mut mine = base.clone();
        mine.rename("a", "Here").expect("renamed");
        mine.delete("b");
        let mut theirs = base.clone();
        theirs.rename("a", "There").expect("renamed");
        theirs.accept("b");
        let done = mine.reconcile(&base, &theirs);
        assert_eq!(done.workspace.proposals.iter().map(|p| p.event.title.as_str()).collect::<Vec<_>>(), ["Here", "Event b", "Event c"]);
        assert_eq!(done.notes.len(), 2, "{:?}", done.notes);
        assert!(done.notes[0].contains("Both tabs changed the event “a”"));
        assert!(done.notes[1].contains("deleted the event “b”, which the other tab changed"));

        // Both added a document with the same id but different text: both kept, events follow.
        let empty = Workspace::default();
        let mine = workspace("Notes", &["x"]);
        let mut theirs = workspace("Notes", &["y"]);
        theirs.documents[0].text = "Other text.".into();
        let done = mine.reconcile(&empty, &theirs);
        assert_eq!(done.workspace.documents.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["notes", "notes-2"]);
        let x = done.workspace.proposals.iter().find(|p| p.event.id == "x").expect("x kept");
        assert_eq!(x.event.passages[0].document, "notes-2");
    }

    #[test]
    fn an_undated_happening_is_kept_dated_by_hand_or_dismissed_and_travels_with_the_workspace() {
        use crate::anchor::{TextPositionSelector, TextQuoteSelector};
        use crate::timeline::Passage;
        let mut w = Workspace::default();
        let doc = w.add_document("Notes", "It prompted a fundamental review. The bridge closed.".into(), None, &[]);
        let undated = |id: &str, start: usize, end: usize| Undated {
            id: id.into(),
            title: id.into(),
            passage: Passage {
                document: doc.clone(),
                supports: vec![Support::Description],
                quote: TextQuoteSelector { exact: "x".into(), prefix: String::new(), suffix: String::new() },
                position: TextPositionSelector { start, end },
            },
        };
        w.add_undated(vec![undated("review", 0, 33), undated("closed", 34, 52)]);
        w.add_undated(vec![undated("review", 0, 33)]);
        assert_eq!(w.undated_from(&doc).count(), 2);
        // Kept through storage and through the whole-workspace file.
        assert_eq!(Workspace::from_json(&w.to_json()).0, w);
        assert_eq!(Workspace::from_export("w.json", &w.export_json()), Ok(w.clone()));
        // A bad date is refused in words and nothing changes.
        assert!(w.date_undated("review", "June-ish").is_err());
        assert_eq!(w.undated.len(), 2);
        w.date_undated("review", "2017-06").expect("dated");
        assert_eq!(w.undated.len(), 1);
        let p = w.proposals.last().expect("an event");
        assert!(p.accepted && p.event.date.display_long() == "June 2017" && p.event.passages[0].supports.contains(&Support::Date));
        w.dismiss_undated("closed");
        assert!(w.undated.is_empty());
        w.add_undated(vec![undated("closed", 34, 52)]);
        w.remove_document(&doc);
        assert!(w.undated.is_empty() && w.proposals.is_empty());
    }
}
