//! The lenient XML tokenizer: tags (attribute values may hold `>`), comments, processing
//! instructions, declarations, CDATA sections, the five XML entities and numeric character
//! references. Line ends are normalised as XML requires (`\r\n` and a lone `\r` read as `\n`).
//! Anything malformed is read as text, so nothing here can panic. Also [`escape`], its inverse for
//! what we write.

use std::ops::Range;

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

/// What a tag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TagKind {
    /// `<NAME ...>`
    Open,
    /// `</NAME>`
    Close,
    /// `<NAME .../>`
    Empty,
    /// Comments, processing instructions, declarations.
    Other,
}

/// One piece of an XML source, with the byte range it was read from.
#[derive(Debug, Clone)]
pub(super) enum XmlToken<'a> {
    /// One decoded char from `raw` (a char, an entity or reference, or a line end).
    Char { raw: Range<usize>, ch: char },
    /// A CDATA section; its content is literal text.
    Cdata { raw: Range<usize>, content: Range<usize> },
    /// A tag, comment, processing instruction or declaration; `name` is empty for the last three.
    Tag { raw: Range<usize>, kind: TagKind, name: &'a str },
}

impl XmlToken<'_> {
    /// The bytes this token was read from.
    pub(super) fn raw(&self) -> Range<usize> {
        match self {
            XmlToken::Char { raw, .. } | XmlToken::Cdata { raw, .. } | XmlToken::Tag { raw, .. } => raw.clone(),
        }
    }
}

/// The tokens of `src`, in order; together their raw ranges cover every byte once.
pub(super) fn tokenize(src: &str) -> Vec<XmlToken<'_>> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0usize;
    while i < src.len() {
        let rest = &src[i..];
        if bytes[i] == b'<' {
            if let Some(token) = markup(src, i) {
                let next = token.raw().end;
                tokens.push(token);
                i = next;
                continue;
            }
        } else if bytes[i] == b'&' {
            if let Some((ch, len)) = entity(rest) {
                tokens.push(XmlToken::Char { raw: i..i + len, ch });
                i += len;
                continue;
            }
        } else if bytes[i] == b'\r' {
            let len = if rest.as_bytes().get(1) == Some(&b'\n') { 2 } else { 1 };
            tokens.push(XmlToken::Char { raw: i..i + len, ch: '\n' });
            i += len;
            continue;
        }
        let ch = rest.chars().next().unwrap_or('\u{fffd}');
        let len = ch.len_utf8().max(1);
        tokens.push(XmlToken::Char { raw: i..i + len, ch });
        i += len;
    }
    tokens
}

/// The markup starting at byte `i` (a `<`), or `None` if it is not well formed enough to be read as
/// markup (then the `<` is text).
fn markup(src: &str, i: usize) -> Option<XmlToken<'_>> {
    let rest = &src[i..];
    let end_of = |open: usize, close: &str| rest[open..].find(close).map(|p| i + open + p + close.len());
    if rest.starts_with("<!--") {
        return Some(XmlToken::Tag { raw: i..end_of(4, "-->")?, kind: TagKind::Other, name: "" });
    }
    if rest.starts_with("<![CDATA[") {
        let end = end_of(9, "]]>")?;
        return Some(XmlToken::Cdata { raw: i..end, content: i + 9..end - 3 });
    }
    if rest.starts_with("<?") {
        return Some(XmlToken::Tag { raw: i..end_of(2, "?>")?, kind: TagKind::Other, name: "" });
    }
    if rest.starts_with("<!") {
        // A declaration; an internal subset in brackets may hold `>`.
        let mut depth = 0i32;
        for (p, b) in rest.bytes().enumerate().skip(2) {
            match b {
                b'[' => depth += 1,
                b']' => depth -= 1,
                b'>' if depth <= 0 => return Some(XmlToken::Tag { raw: i..i + p + 1, kind: TagKind::Other, name: "" }),
                _ => {}
            }
        }
        return None;
    }
    let (close, name_start) = if rest.starts_with("</") { (true, 2) } else { (false, 1) };
    let first = rest[name_start..].chars().next()?;
    if !(first.is_alphabetic() || first == '_' || first == ':') {
        return None;
    }
    let name_len =
        rest[name_start..].find(|c: char| c.is_whitespace() || c == '/' || c == '>' || c == '<').unwrap_or(rest.len() - name_start);
    let name = &rest[name_start..name_start + name_len];
    // Find the closing `>` outside quotes. A `<` (never legal inside a tag) means this is not one, so
    // a tag inserted later can never be swallowed by a stray `<` before it.
    let mut quote: Option<u8> = None;
    for (p, b) in rest.bytes().enumerate().skip(name_start + name_len) {
        match (quote, b) {
            (_, b'<') => return None,
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => {
                let kind = if close {
                    TagKind::Close
                } else if rest[..p].ends_with('/') {
                    TagKind::Empty
                } else {
                    TagKind::Open
                };
                return Some(XmlToken::Tag { raw: i..i + p + 1, kind, name });
            }
            _ => {}
        }
    }
    None
}

/// An entity or character reference at the start of `s` (which starts with `&`): the char and the
/// reference's length in bytes.
fn entity(s: &str) -> Option<(char, usize)> {
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let body = s.get(1..semi)?;
    let ch = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code = if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
                if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                u32::from_str_radix(hex, 16).ok()?
            } else {
                let dec = body.strip_prefix('#')?;
                if dec.is_empty() || !dec.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                dec.parse::<u32>().ok()?
            };
            char::from_u32(code)?
        }
    };
    Some((ch, semi + 1))
}

/// Decodes entities in an attribute value and normalises its whitespace as XML does.
fn decode_attribute(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut i = 0usize;
    while i < raw.len() {
        let rest = &raw[i..];
        if rest.starts_with('&') {
            if let Some((ch, len)) = entity(rest) {
                out.push(ch);
                i += len;
                continue;
            }
        }
        if rest.starts_with("\r\n") {
            out.push(' ');
            i += 2;
            continue;
        }
        let ch = rest.chars().next().unwrap_or(' ');
        out.push(if matches!(ch, '\t' | '\n' | '\r') { ' ' } else { ch });
        i += ch.len_utf8();
    }
    out
}

/// The decoded value of attribute `name` in a start tag (`<TIMEX3 tid="t1" ...>`).
pub(super) fn attribute(tag: &str, name: &str) -> Option<String> {
    // Skip `<` and the element name.
    let mut rest = tag.strip_prefix('<')?;
    rest = rest.trim_start_matches(|c: char| !(c.is_whitespace() || c == '/' || c == '>'));
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            return None;
        }
        let name_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(rest.len());
        let key = &rest[..name_len];
        rest = rest[name_len..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    rest = body.get(close + 1..).unwrap_or("");
                    &body[..close]
                }
                _ => {
                    let len = after.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(after.len());
                    rest = &after[len..];
                    &after[..len]
                }
            }
        } else {
            ""
        };
        // Every pass consumes a name or (when the name is empty) at least the `=`.
        if key == name {
            return Some(decode_attribute(value));
        }
    }
}

/// `\r\n` and a lone `\r` as `\n` (CDATA content).
pub(super) fn normalise_line_ends(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}
