//! TimeML documents (the TempEval-3 `.tml` files): read the text, its gold TIMEX3 and EVENT annotations
//! and the TLINKs that anchor events to dates ([`parse`]), and write a document back with a different set of TIMEX3 tags ([`rewrite`], [`wrap`]).
//!
//! - `xml`: the workspace's lenient markup reader ([`citeline_model::markup`]) read as XML, and
//!   [`escape`];
//! - `read`: the `<TEXT>` element, its decoded text, gold TIMEX3 and EVENT, the DCT, and the event–date
//!   anchors of the MAKEINSTANCE and TLINK elements;
//! - `write`: the same bytes with our TIMEX3 in place of the gold ones, and a minimal document for a
//!   plain text.
//!
//! Anything malformed is read as text (a stray `<` or `&` is a literal character), so nothing here can
//! panic; only a missing `<TEXT>` element or unbalanced TIMEX3 tags are errors (unbalanced EVENT tags
//! are skipped).
//!
//! **Offsets are chars** of the decoded text (the content of `<TEXT>` with all tags removed and
//! entities decoded), as everywhere in the core.

mod read;
#[cfg(test)]
mod tests;
mod write;
mod xml;

use chrono::NaiveDate;

pub use read::parse;
pub use write::{rewrite, wrap};
pub use xml::escape;

/// A TimeML document: its creation time, the decoded text of `<TEXT>`, the TIMEX3 and EVENT in it, and
/// the events its TLINKs anchor to a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDoc {
    /// The document creation time: the date part of the value of the TIMEX3 outside `<TEXT>` with
    /// `functionInDocument="CREATION_TIME"` (or else the first TIMEX3 inside `<DCT>`).
    pub dct: Option<NaiveDate>,
    /// The content of `<TEXT>` with all tags removed and entities decoded.
    pub text: String,
    /// The TIMEX3 annotations inside `<TEXT>`, ordered by (start, end).
    pub gold: Vec<GoldTimex>,
    /// The EVENT annotations inside `<TEXT>` (balanced open and close tags, or empty tags), ordered by
    /// (start, end).
    pub events: Vec<GoldEvent>,
    /// The events the TLINKs anchor to a DATE timex inside `<TEXT>`, one per (event, timex) pair, in
    /// the order of their first TLINK.
    pub anchors: Vec<GoldAnchor>,
}

/// One TIMEX3 annotation inside `<TEXT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// Start, in chars of [`TimemlDoc::text`].
    pub start: usize,
    /// End (exclusive), in chars of [`TimemlDoc::text`].
    pub end: usize,
    /// The `type` attribute (`DATE`, `TIME`, `DURATION`, `SET`), empty if missing.
    pub kind: String,
    /// The `value` attribute, empty if missing.
    pub value: String,
    /// The `mod` attribute, if present.
    pub modifier: Option<String>,
    /// The `tid` attribute, trimmed; empty if missing.
    pub tid: String,
}

/// One EVENT annotation inside `<TEXT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    /// Start, in chars of [`TimemlDoc::text`].
    pub start: usize,
    /// End (exclusive), in chars of [`TimemlDoc::text`].
    pub end: usize,
    /// The `eid` attribute, trimmed; empty if missing.
    pub eid: String,
    /// The `class` attribute (`OCCURRENCE`, `STATE`, `REPORTING`, …), empty if missing.
    pub class: String,
}

/// An event anchored to a date: a TLINK between an instance of the event (its MAKEINSTANCE) and a
/// TIMEX3 of type `DATE` inside `<TEXT>`, with a relation that places the event at that date.
///
/// The relation is read from the event to the time: `IS_INCLUDED`, `DURING`, `SIMULTANEOUS`, `BEGINS`,
/// `ENDS`, `BEGUN_BY` or `ENDED_BY`. A TLINK written from the time to the event is inverted (`INCLUDES`
/// becomes `IS_INCLUDED`, `DURING_INV` `DURING`, `BEGUN_BY` `BEGINS`, `ENDED_BY` `ENDS`, `BEGINS`
/// `BEGUN_BY`, `ENDS` `ENDED_BY`; `SIMULTANEOUS` stays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAnchor {
    /// The event's `eid` (a [`GoldEvent::eid`], through the instance's MAKEINSTANCE).
    pub eid: String,
    /// The timex's `tid` (a [`GoldTimex::tid`] of a `DATE` timex).
    pub tid: String,
    /// The relation, from the event to the time (see above).
    pub rel: String,
}
