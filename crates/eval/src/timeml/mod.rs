//! TimeML documents (the TempEval-3 `.tml` files): read the text and its gold TIMEX3 annotations
//! ([`parse`]), and write a document back with a different set of TIMEX3 tags ([`rewrite`], [`wrap`]).
//!
//! - `xml`: the workspace's lenient markup reader ([`citeline_model::markup`]) read as XML, and
//!   [`escape`];
//! - `read`: the `<TEXT>` element, its decoded text and gold TIMEX3, and the DCT;
//! - `write`: the same bytes with our TIMEX3 in place of the gold ones, and a minimal document for a
//!   plain text.
//!
//! Anything malformed is read as text (a stray `<` or `&` is a literal character), so nothing here can
//! panic; only a missing `<TEXT>` element or unbalanced TIMEX3 tags are errors.
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

/// A TimeML document: its creation time, the decoded text of `<TEXT>` and the TIMEX3 in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDoc {
    /// The document creation time: the date part of the value of the TIMEX3 outside `<TEXT>` with
    /// `functionInDocument="CREATION_TIME"` (or else the first TIMEX3 inside `<DCT>`).
    pub dct: Option<NaiveDate>,
    /// The content of `<TEXT>` with all tags removed and entities decoded.
    pub text: String,
    /// The TIMEX3 annotations inside `<TEXT>`, ordered by (start, end).
    pub gold: Vec<GoldTimex>,
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
}
