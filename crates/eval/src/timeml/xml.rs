//! XML as TimeML reads and writes it: the workspace's one lenient markup reader
//! ([`citeline_model::markup`]) in its XML dialect, where anything malformed is text, and
//! [`escape`], its inverse for what we write.

use citeline_model::markup::{self, Dialect, MarkupToken};

/// The tokens of `src`, in order; together their raw ranges cover every byte once.
pub(super) fn tokenize(src: &str) -> Vec<MarkupToken<'_>> {
    markup::read(src, Dialect::Xml).collect()
}

/// Escapes text for XML content (`attribute == false`) or a double-quoted attribute value. Carriage
/// returns and control characters are written as character references so they read back unchanged.
pub fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' | '\t' if !attribute => out.push(ch),
            c if c.is_control() => out.push_str(&format!("&#{};", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}
