//! Source documents. **Offsets are Unicode scalar values (Rust `char`s)** everywhere in the core,
//! as the W3C TextPositionSelector counts characters; the UI converts at the edge if it needs UTF-16.

use serde::{Deserialize, Serialize};

use super::date::DateValue;

/// When a document was published and where that date comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// The publication date.
    pub date: DateValue,
    /// Where the date comes from, in words (stated in the text, inferred from another source, ...).
    pub source: String,
}

/// A source document with its metadata and full text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
}
