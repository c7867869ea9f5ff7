//! Source documents. **Offsets are Unicode scalar values (Rust `char`s)** everywhere in the core,
//! as the W3C TextPositionSelector counts characters; the UI converts at the edge if it needs UTF-16.

use serde::{Deserialize, Serialize};

use crate::date::DateValue;

/// When a document was published and where that date comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The publication date.
    pub date: DateValue,
    /// Where the date comes from, in words (stated in the text, inferred from another source, ...).
    pub source: String,
}

/// A source document with its metadata and full text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id, referenced by passages.
    pub id: String,
    /// Title as the publisher gives it.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Publication date, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// The full text; passages index into it in chars.
    pub text: String,
    /// Where it is on the web. An `http(s)` address becomes a link to each passage at the source
    /// ([`crate::source::link_to_quote`]); anything else is shown as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where an archived copy is (a web archive's), read as `url` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_url: Option<String>,
    /// When the source was last looked at, at `url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<DateValue>,
}

/// The byte range of the chars `[start_char, end_char)` in `text`, or `None` if out of bounds.
pub fn byte_range_of_chars(text: &str, start_char: usize, end_char: usize) -> Option<std::ops::Range<usize>> {
    if start_char > end_char {
        return None;
    }
    let mut indices = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
    let start = indices.nth(start_char)?;
    let end = if end_char == start_char { start } else { indices.nth(end_char - start_char - 1)? };
    Some(start..end)
}

/// The char offset of a byte offset that lies on a char boundary.
pub fn char_offset_of_byte(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// A passage in its surroundings, for quoting: `before` and `after` are cut at word boundaries
/// within about `context_chars` characters, and say whether they were cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// Text before the passage.
    pub before: String,
    /// The passage itself.
    pub exact: String,
    /// Text after the passage.
    pub after: String,
    /// Whether `before` stops short of the start of the document.
    pub clipped_before: bool,
    /// Whether `after` stops short of the end of the document.
    pub clipped_after: bool,
}

/// The excerpt around the chars `[start, end)` of `text`, or `None` if the range is out of bounds.
/// Context never crosses a paragraph break (a blank line).
pub fn excerpt(text: &str, start: usize, end: usize, context_chars: usize) -> Option<Excerpt> {
    let range = byte_range_of_chars(text, start, end)?;
    let head = &text[..range.start];
    let tail = &text[range.end..];

    let mut before_start = head.char_indices().rev().nth(context_chars.saturating_sub(1)).map_or(0, |(i, _)| i);
    if let Some(par) = head.rfind("\n\n") {
        before_start = before_start.max(par + 2);
    }
    let mut clipped_before = before_start > 0;
    if clipped_before && !text[..before_start].ends_with(char::is_whitespace) {
        // Start after the first whitespace so no word is cut.
        if let Some(ws) = head[before_start..].find(char::is_whitespace) {
            before_start += ws;
        }
    }
    let before = head[before_start..].trim_start();
    clipped_before &= !text[..before_start].ends_with("\n\n");

    let mut after_end = tail.char_indices().nth(context_chars).map_or(tail.len(), |(i, _)| i);
    if let Some(par) = tail.find("\n\n") {
        after_end = after_end.min(par);
    }
    let mut clipped_after = after_end < tail.len() && !tail[after_end..].starts_with("\n\n");
    if clipped_after && !tail[after_end..].starts_with(char::is_whitespace) {
        after_end = tail[..after_end].rfind(char::is_whitespace).unwrap_or(0);
    }
    let after = tail[..after_end].trim_end();
    clipped_after &= after_end < tail.len();

    Some(Excerpt { before: before.to_owned(), exact: text[range].to_owned(), after: after.to_owned(), clipped_before, clipped_after })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_ranges_map_to_byte_ranges() {
        let text = "UK’s threat";
        assert_eq!(byte_range_of_chars(text, 0, 2), Some(0..2));
        assert_eq!(&text[byte_range_of_chars(text, 2, 4).expect("in bounds")], "’s");
        assert_eq!(byte_range_of_chars(text, 11, 11), Some(text.len()..text.len()));
        assert_eq!(byte_range_of_chars(text, 5, 12), None);
        assert_eq!(byte_range_of_chars(text, 3, 2), None);
        assert_eq!(char_offset_of_byte(text, 5), 3);
    }

    #[test]
    fn excerpts_cut_at_words_and_paragraphs() {
        let text = "First paragraph ends.\n\nThe Home Secretary will travel to the US on Friday 8 June for talks.";
        let start = text.chars().count() - "Friday 8 June for talks.".chars().count();
        let e = excerpt(text, start, start + 13, 20).expect("in bounds");
        assert_eq!(e.exact, "Friday 8 June");
        assert_eq!(e.before, "travel to the US on ");
        assert!(e.clipped_before);
        assert_eq!(e.after, " for talks.");
        assert!(!e.clipped_after);
        let e = excerpt(text, 23, 26, 200).expect("in bounds");
        assert_eq!(e.before, "");
        assert!(!e.clipped_before, "a paragraph start is not a cut");
        assert_eq!(excerpt(text, 5, 500, 10), None);
    }

    proptest::proptest! {
        #[test]
        fn excerpts_never_panic_and_keep_the_passage(text in "\\PC{0,80}", a in 0usize..90, b in 0usize..90, ctx in 0usize..40) {
            let (start, end) = (a.min(b), a.max(b));
            if let Some(e) = excerpt(&text, start, end, ctx) {
                let exact: String = text.chars().skip(start).take(end - start).collect();
                proptest::prop_assert_eq!(e.exact, exact);
            }
        }
    }
}
