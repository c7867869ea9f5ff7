//! Passages located by W3C Web Annotation style selectors: a TextQuoteSelector
//! (`exact` + `prefix` + `suffix`) and a TextPositionSelector (`start`, `end`, in chars).
//!
//! Resolution trusts the position only when the text there is exactly the quote. Otherwise it
//! re-anchors by the quote, using prefix and suffix to choose among repeats, and reports a failure
//! (not found, ambiguous) rather than guessing.

use serde::{Deserialize, Serialize};

use crate::document::{byte_range_of_chars, char_offset_of_byte};

/// W3C TextQuoteSelector: the quoted text and some context either side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    /// The passage itself.
    pub exact: String,
    /// Text just before the passage (may be empty).
    #[serde(default)]
    pub prefix: String,
    /// Text just after the passage (may be empty).
    #[serde(default)]
    pub suffix: String,
}

/// W3C TextPositionSelector: char offsets `[start, end)` into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPositionSelector {
    /// First char of the passage.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// Where a passage was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The stated position holds the quote.
    AtPosition(TextPositionSelector),
    /// The position was stale; the quote was found (uniquely) elsewhere.
    Reanchored(TextPositionSelector),
}

impl Resolution {
    /// The char range found, however it was found.
    pub fn position(&self) -> TextPositionSelector {
        match self {
            Resolution::AtPosition(p) | Resolution::Reanchored(p) => *p,
        }
    }
}

/// Why a passage could not be located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorError {
    /// The quote is empty, so it could match anywhere.
    EmptyQuote,
    /// The quote does not occur in the text.
    NotFound,
    /// The quote occurs several times and its context does not single one out.
    Ambiguous {
        /// How many equally good places there are.
        candidates: usize,
    },
}

impl std::fmt::Display for AnchorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnchorError::EmptyQuote => f.write_str("the quoted passage is empty"),
            AnchorError::NotFound => f.write_str("the quoted passage does not occur in the document"),
            AnchorError::Ambiguous { candidates } => {
                write!(f, "the quoted passage occurs {candidates} times and its prefix/suffix do not tell which")
            }
        }
    }
}

/// Locates a passage in `text`. Never panics, whatever the selectors say.
pub fn resolve(text: &str, quote: &TextQuoteSelector, position: TextPositionSelector) -> Result<Resolution, AnchorError> {
    if quote.exact.is_empty() {
        return Err(AnchorError::EmptyQuote);
    }
    if let Some(range) = byte_range_of_chars(text, position.start, position.end) {
        if text[range] == quote.exact {
            return Ok(Resolution::AtPosition(position));
        }
    }
    // Score every occurrence by how much of the prefix and suffix match around it.
    let mut best: Vec<(usize, usize)> = Vec::new(); // (score, byte start)
    let mut best_score = 0;
    for (byte_start, _) in text.match_indices(quote.exact.as_str()) {
        let before = &text[..byte_start];
        let after = &text[byte_start + quote.exact.len()..];
        let score = usize::from(before.ends_with(quote.prefix.as_str())) + usize::from(after.starts_with(quote.suffix.as_str()));
        if score > best_score || best.is_empty() {
            if score > best_score {
                best.clear();
            }
            best_score = best_score.max(score);
        }
        if score == best_score {
            best.push((score, byte_start));
        }
    }
    match best.as_slice() {
        [] => Err(AnchorError::NotFound),
        [(_, byte_start)] => {
            let start = char_offset_of_byte(text, *byte_start);
            let end = start + quote.exact.chars().count();
            Ok(Resolution::Reanchored(TextPositionSelector { start, end }))
        }
        many => Err(AnchorError::Ambiguous { candidates: many.len() }),
    }
}

/// Builds both selectors for the char range `[start, end)` with up to `context_chars` of context.
pub fn selectors_for(text: &str, start: usize, end: usize, context_chars: usize) -> Option<(TextQuoteSelector, TextPositionSelector)> {
    let range = byte_range_of_chars(text, start, end)?;
    let prefix_start = start.saturating_sub(context_chars);
    let prefix = byte_range_of_chars(text, prefix_start, start)?;
    let total = text.chars().count();
    let suffix = byte_range_of_chars(text, end, (end + context_chars).min(total))?;
    Some((
        TextQuoteSelector { exact: text[range].to_owned(), prefix: text[prefix].to_owned(), suffix: text[suffix].to_owned() },
        TextPositionSelector { start, end },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn quote(exact: &str, prefix: &str, suffix: &str) -> TextQuoteSelector {
        TextQuoteSelector { exact: exact.into(), prefix: prefix.into(), suffix: suffix.into() }
    }

    #[test]
    fn resolves_at_the_stated_position() {
        let text = "the UK’s strategy in 2011";
        let found = resolve(text, &quote("2011", "in ", ""), TextPositionSelector { start: 21, end: 25 });
        assert_eq!(found, Ok(Resolution::AtPosition(TextPositionSelector { start: 21, end: 25 })));
    }

    #[test]
    fn reanchors_a_stale_position_by_quote_and_context() {
        let text = "in 2011 and again in 2011 later";
        let found = resolve(text, &quote("2011", "again in ", " later"), TextPositionSelector { start: 0, end: 4 });
        assert_eq!(found, Ok(Resolution::Reanchored(TextPositionSelector { start: 21, end: 25 })));
    }

    #[test]
    fn reports_failures_instead_of_guessing() {
        let at = TextPositionSelector { start: 0, end: 1 };
        assert_eq!(resolve("abc", &quote("", "", ""), at), Err(AnchorError::EmptyQuote));
        assert_eq!(resolve("abc", &quote("zz", "", ""), at), Err(AnchorError::NotFound));
        assert_eq!(resolve("x a x a", &quote("a", "x ", ""), at), Err(AnchorError::Ambiguous { candidates: 2 }));
    }

    proptest! {
        #[test]
        fn never_panics_and_round_trips(text in "\\PC{0,60}", start in 0usize..70, len in 0usize..20) {
            let _ = resolve(&text, &quote("a", "", ""), TextPositionSelector { start, end: start + len });
            if let Some((q, p)) = selectors_for(&text, start, start + len, 8) {
                if !q.exact.is_empty() {
                    prop_assert_eq!(resolve(&text, &q, p), Ok(Resolution::AtPosition(p)));
                }
            }
        }
    }
}
