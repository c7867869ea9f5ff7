//! The person's own documents and the events proposed from them: adding a document (decoded and
//! checked), accepting, renaming, re-dating, merging and deleting proposals, and the JSON kept in
//! local storage. Pure: the UI only stores the JSON and draws the result.

use serde::{Deserialize, Serialize};

use crate::date::{DateValue, EventDate};
use crate::document::{Document, Published};
use crate::markup::{self, Dialect, MarkupToken, TagKind};
use crate::timeline::{DateBasis, DateBasisKind, Event, Timeline};

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
}

/// Everything the person added; kept in local storage as JSON.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Workspace {
    /// Their documents.
    pub documents: Vec<Document>,
    /// Events proposed from them (accepted or not).
    pub proposals: Vec<Proposal>,
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
pub const ACCEPTED_FILES: &str = ".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

/// Whether a file of this name is read (by its ending, in any case).
pub fn accepts_file_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    TEXT_ENDINGS.iter().any(|ending| lower.ends_with(ending))
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

fn slug(text: &str) -> String {
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
        });
        id
    }

    /// Adds proposals (not yet accepted), skipping ids already present.
    pub fn add_proposals(&mut self, events: Vec<Event>) {
        for event in events {
            if !self.proposals.iter().any(|p| p.event.id == event.id) {
                self.proposals.push(Proposal { event, accepted: false });
            }
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
                    for passage in p.event.passages {
                        if !m.event.passages.contains(&passage) {
                            m.event.passages.push(passage);
                        }
                    }
                    m.accepted |= p.accepted;
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
        for name in ["a.txt", "B.MD", "notes.markdown", "page.HTM", "page.html", "x.text"] {
            assert!(accepts_file_name(name), "{name}");
            let ending = &name[name.rfind('.').expect("an ending")..].to_lowercase();
            assert!(ACCEPTED_FILES.split(',').any(|a| a == ending), "{name}: the picker offers what is read");
        }
        for name in ["a.pdf", "a.docx", "txt", "a.txt.zip"] {
            assert!(!accepts_file_name(name), "{name}");
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
}
