//! One lenient reader for tagged text: HTML pages people add, TimelineJS3's HTML snippets and TimeML's
//! XML. It reads tags (attribute values may hold `>`), comments, processing instructions, declarations
//! (an internal subset in brackets may hold `>`), CDATA sections, the entities in [`entity`] and
//! decimal and hexadecimal character references. Line ends are normalised as XML and HTML both
//! require (`\r\n` and a lone `\r` read as `\n`).
//!
//! Lenient and total: anything that is not well-formed markup is text (a stray `<` or `&` is a
//! literal character), so nothing here can panic. A `<` inside a tag means it was not a tag, so a
//! stray `<` can never swallow the tags after it. The only difference between the [`Dialect`]s is
//! markup cut off by the end of the input: text in XML, hidden in HTML (as a browser hides it).
//!
//! Every token knows the bytes it was read from, and together they cover the source once, in order:
//! callers count decoded chars between tags (TimeML's offsets) or copy bytes back unchanged.

use std::borrow::Cow;
use std::ops::Range;

/// `text` as markup text: `& < > "` escaped, so it reads back as itself (in element text and in a
/// double-quoted attribute), for the HTML and SVG Citeline writes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// How markup cut off by the end of the input reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// As text: `a <b` reads as `a <b`.
    Xml,
    /// Hidden, as in a browser: `a <b` reads as `a ` (a [`TagKind::Other`] tag to the end).
    Html,
}

/// What a tag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    /// `<NAME ...>`
    Open,
    /// `</NAME>`
    Close,
    /// `<NAME .../>`
    Empty,
    /// Comments, processing instructions, declarations, and in HTML markup cut off by the end.
    Other,
}

/// One piece of a marked-up source, with the byte range `raw` it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkupToken<'a> {
    /// Text as it stands in the source (`src[raw]`): no markup, reference or carriage return in it.
    Text {
        /// The bytes.
        raw: Range<usize>,
    },
    /// One char written some other way: a reference (`&amp;`, `&#233;`) or a line end (`\r\n`, `\r`).
    Char {
        /// The bytes.
        raw: Range<usize>,
        /// The char they stand for.
        ch: char,
    },
    /// A CDATA section: its content is literal text.
    Cdata {
        /// The bytes, `<![CDATA[` to `]]>`.
        raw: Range<usize>,
        /// The bytes of the content.
        content: Range<usize>,
    },
    /// A tag, comment, processing instruction or declaration.
    Tag {
        /// The bytes, `<` to `>`.
        raw: Range<usize>,
        /// Open, close, empty or other.
        kind: TagKind,
        /// The element name as written (empty for [`TagKind::Other`]).
        name: &'a str,
    },
}

impl MarkupToken<'_> {
    /// The bytes this token was read from.
    pub fn raw(&self) -> Range<usize> {
        match self {
            MarkupToken::Text { raw } | MarkupToken::Char { raw, .. } | MarkupToken::Cdata { raw, .. } | MarkupToken::Tag { raw, .. } => {
                raw.clone()
            }
        }
    }

    /// The decoded text of this token in `src` (the source it was read from): the text, the char or
    /// the CDATA content with its line ends normalised; nothing for a tag.
    pub fn text<'s>(&self, src: &'s str) -> Cow<'s, str> {
        match self {
            MarkupToken::Text { raw } => Cow::Borrowed(&src[raw.clone()]),
            MarkupToken::Char { ch, .. } => Cow::Owned(ch.to_string()),
            MarkupToken::Cdata { content, .. } => {
                let content = &src[content.clone()];
                if content.contains('\r') {
                    Cow::Owned(content.replace("\r\n", "\n").replace('\r', "\n"))
                } else {
                    Cow::Borrowed(content)
                }
            }
            MarkupToken::Tag { .. } => Cow::Borrowed(""),
        }
    }
}

/// Reads `src` as [`MarkupToken`]s, in order.
pub fn read(src: &str, dialect: Dialect) -> Reader<'_> {
    Reader { src, dialect, pos: 0, pending: None }
}

/// The tokens of a source, read lazily (see [`read`]).
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    src: &'a str,
    dialect: Dialect,
    /// Where reading goes on (after `pending`, when there is one).
    pos: usize,
    /// Markup found just after a text run, returned next.
    pending: Option<MarkupToken<'a>>,
}

impl<'a> Reader<'a> {
    /// Skips what follows the last token returned up to the next `</name` (in any ASCII case), or
    /// to the end: for elements whose content is not text (HTML's `<script>`, `<style>`).
    pub fn skip_to_close(&mut self, name: &str) {
        let from = self.pending.take().map_or(self.pos, |t| t.raw().start);
        let (bytes, name) = (self.src.as_bytes(), name.as_bytes());
        let closes_here =
            |p: usize| bytes[p..].starts_with(b"</") && bytes.get(p + 2..p + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name));
        // `<` is ASCII, so the position found is a char boundary.
        self.pos = (from..bytes.len()).find(|&p| closes_here(p)).unwrap_or(bytes.len());
    }

    /// The token a `<`, `&` or `\r` at byte `i` starts, if it starts one.
    fn special(&self, i: usize) -> Option<MarkupToken<'a>> {
        let rest = &self.src[i..];
        match rest.as_bytes()[0] {
            b'<' => markup(self.src, i, self.dialect),
            b'&' => entity(rest).map(|(ch, len)| MarkupToken::Char { raw: i..i + len, ch }),
            b'\r' => {
                let len = if rest.as_bytes().get(1) == Some(&b'\n') { 2 } else { 1 };
                Some(MarkupToken::Char { raw: i..i + len, ch: '\n' })
            }
            _ => None,
        }
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = MarkupToken<'a>;

    fn next(&mut self) -> Option<MarkupToken<'a>> {
        if let Some(token) = self.pending.take() {
            return Some(token);
        }
        let (start, bytes) = (self.pos, self.src.as_bytes());
        if start >= bytes.len() {
            return None;
        }
        let mut i = start;
        while let Some(p) = bytes[i..].iter().position(|b| matches!(b, b'<' | b'&' | b'\r')) {
            i += p;
            if let Some(token) = self.special(i) {
                self.pos = token.raw().end;
                if i == start {
                    return Some(token);
                }
                self.pending = Some(token);
                return Some(MarkupToken::Text { raw: start..i });
            }
            // A literal `<` or `&`: part of the text.
            i += 1;
        }
        self.pos = bytes.len();
        Some(MarkupToken::Text { raw: start..bytes.len() })
    }
}

/// The markup starting at byte `i` (a `<`), or `None` if it is not markup (then the `<` is text).
fn markup(src: &str, i: usize, dialect: Dialect) -> Option<MarkupToken<'_>> {
    let rest = &src[i..];
    // Markup cut off by the end of the input.
    let cut_off = || match dialect {
        Dialect::Xml => None,
        Dialect::Html => Some(MarkupToken::Tag { raw: i..src.len(), kind: TagKind::Other, name: "" }),
    };
    let other = |end: usize| MarkupToken::Tag { raw: i..end, kind: TagKind::Other, name: "" };
    let end_of = |open: usize, close: &str| rest[open..].find(close).map(|p| i + open + p + close.len());
    if rest.starts_with("<!--") {
        return end_of(4, "-->").map(other).or_else(cut_off);
    }
    if rest.starts_with("<![CDATA[") {
        return end_of(9, "]]>").map(|end| MarkupToken::Cdata { raw: i..end, content: i + 9..end - 3 }).or_else(cut_off);
    }
    if rest.starts_with("<?") {
        return end_of(2, "?>").map(other).or_else(cut_off);
    }
    if rest.starts_with("<!") {
        // A declaration; an internal subset in brackets may hold `>`.
        let mut depth = 0i32;
        for (p, b) in rest.bytes().enumerate().skip(2) {
            match b {
                b'[' => depth += 1,
                b']' => depth -= 1,
                b'>' if depth <= 0 => return Some(other(i + p + 1)),
                _ => {}
            }
        }
        return cut_off();
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
                return Some(MarkupToken::Tag { raw: i..i + p + 1, kind, name });
            }
            _ => {}
        }
    }
    cut_off()
}

/// The named entities: XML's five, and the HTML ones common in pasted pages and TimelineJS3 text.
const ENTITIES: [(&str, char); 12] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("ndash", '–'),
    ("mdash", '—'),
];

/// The entity or character reference at the start of `s` (which starts with `&`): the char and the
/// reference's length in bytes. Named entities are those in the table above (case-sensitive);
/// character references are decimal (`&#233;`) or hexadecimal (`&#xE9;`, `&#XE9;`) and must name a
/// char. `None` for anything else (then the `&` is text).
pub fn entity(s: &str) -> Option<(char, usize)> {
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let body = s.get(1..semi)?;
    let ch = match ENTITIES.iter().find(|(name, _)| *name == body) {
        Some(&(_, ch)) => ch,
        None => {
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

/// The decoded value of attribute `name` in a start tag (`<TIMEX3 tid="t1" ...>`): references
/// decoded, whitespace normalised as XML does (tabs and line ends read as spaces). An attribute with
/// no value reads as empty.
pub fn attribute(tag: &str, name: &str) -> Option<String> {
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

/// Decodes references in an attribute value and normalises its whitespace as XML does.
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The tokens as short strings: text and chars decoded, tags as `kind name`.
    fn show(src: &str, dialect: Dialect) -> Vec<String> {
        read(src, dialect)
            .map(|t| match t {
                MarkupToken::Text { .. } => format!("{:?}", t.text(src)),
                MarkupToken::Char { ch, .. } => format!("{ch:?}"),
                MarkupToken::Cdata { .. } => format!("cdata {}", t.text(src)),
                MarkupToken::Tag { kind, name, .. } => format!("{kind:?} {name}"),
            })
            .collect()
    }

    #[test]
    fn reads_text_references_line_ends_and_markup() {
        let src = "<?x?><T a='>'>caf&#233; &amp;\r\n<![CDATA[<b>\r]]><!-- c --></T><br/>é &bogus; <";
        let expected = [
            "Other ",
            "Open T",
            "\"caf\"",
            "'é'",
            "\" \"",
            "'&'",
            "'\\n'",
            "cdata <b>\n",
            "Other ",
            "Close T",
            "Empty br",
            "\"é &bogus; <\"",
        ];
        assert_eq!(show(src, Dialect::Xml), expected);
        assert_eq!(show(src, Dialect::Html), expected, "the dialects differ only at a cut-off end");
    }

    #[test]
    fn what_is_not_markup_is_text() {
        for src in ["a < b", "a <3 b", "x &amp y", "&#xZZ; &#1114112; &#; &;", "<a <b", "</ a>", "a</", "& <"] {
            let text: String = read(src, Dialect::Xml).map(|t| t.text(src).into_owned()).collect();
            let literal = src.replace("&amp;", "&");
            assert_eq!(text, literal, "{src}");
        }
        // A `<` inside a tag means it was not a tag; the next one still is.
        assert_eq!(show("<a title=\"x<b>", Dialect::Xml), ["\"<a title=\\\"x\"", "Open b"]);
    }

    #[test]
    fn a_cut_off_end_is_text_in_xml_and_hidden_in_html() {
        for src in ["ok <p class=\"x", "ok <!-- c", "ok <![CDATA[x", "ok <?pi", "ok <!DOCTYPE [ >"] {
            assert_eq!(show(src, Dialect::Xml).concat(), format!("{:?}", src), "{src}");
            assert_eq!(show(src, Dialect::Html), ["\"ok \"", "Other "], "{src}");
        }
        // A stray `<` is text in both.
        assert_eq!(show("a < b", Dialect::Html), ["\"a < b\""]);
    }

    #[test]
    fn entities_and_character_references() {
        let decode = |s: &str| entity(s).map(|(ch, _)| ch);
        for (name, ch) in ENTITIES {
            assert_eq!(entity(&format!("&{name};x")), Some((ch, name.len() + 2)));
        }
        assert_eq!(decode("&#39;"), Some('\''));
        assert_eq!(decode("&#x1F389;"), Some('🎉'));
        assert_eq!(decode("&#X41;"), Some('A'));
        assert_eq!(decode("&#000000065;"), Some('A'));
        for bad in ["&AMP;", "&bogus;", "&#xD800;", "&#1114112;", "&#x;", "&#;", "&#12a;", "&amp", "&#0000000065;", "&"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn attributes_are_decoded() {
        let tag = "<TIMEX3 tid=\"t1\" value='a&amp;b\tc&#x41;&rsquo;' mod=x flag/>";
        assert_eq!(attribute(tag, "tid").as_deref(), Some("t1"));
        assert_eq!(attribute(tag, "value").as_deref(), Some("a&b cA’"));
        assert_eq!(attribute(tag, "mod").as_deref(), Some("x"));
        assert_eq!(attribute(tag, "flag").as_deref(), Some(""));
        assert_eq!(attribute(tag, "type"), None);
        assert_eq!(attribute("<T a=\"unclosed>", "a").as_deref(), Some("unclosed>"));
        assert_eq!(attribute("no tag", "a"), None);
    }

    #[test]
    fn skipping_to_a_close_tag() {
        let src = "<script>if (a<b) x = '</div>';</SCRIPT>after";
        let mut reader = read(src, Dialect::Html);
        assert_eq!(reader.next(), Some(MarkupToken::Tag { raw: 0..8, kind: TagKind::Open, name: "script" }));
        reader.skip_to_close("script");
        let rest: Vec<_> = reader.collect();
        assert_eq!(rest, [MarkupToken::Tag { raw: 30..39, kind: TagKind::Close, name: "SCRIPT" }, MarkupToken::Text { raw: 39..44 }]);
        // Never closed: the rest is skipped. Non-ASCII case is not folded (and never panics).
        let src = "<style>İİİİİİİİİİ</style>é";
        let mut reader = read(src, Dialect::Html);
        reader.next();
        reader.skip_to_close("STYLE");
        assert_eq!(reader.next().map(|t| t.raw().start), src.find("</style>"));
        let mut reader = read("<b>x", Dialect::Html);
        reader.next();
        reader.skip_to_close("b");
        assert_eq!(reader.next(), None);
    }

    proptest! {
        #[test]
        fn tokens_cover_every_byte_once_in_order(
            src in prop_oneof![
                any::<String>(),
                "([<>&;#xX0-9a-f/ \"'=\r\nTé東!?\\[\\]-]|<!--|-->|<!\\[CDATA\\[|\\]\\]>|&amp;|&nbsp;|<p>|</p>|<br/>){0,40}",
            ],
            html in any::<bool>(),
            skip in proptest::option::of("[a-zA-Zİ]{0,3}"),
        ) {
            let dialect = if html { Dialect::Html } else { Dialect::Xml };
            let mut next = 0;
            let mut reader = read(&src, dialect);
            while let Some(token) = reader.next() {
                let raw = token.raw();
                if skip.is_none() {
                    prop_assert_eq!(raw.start, next);
                } else {
                    prop_assert!(raw.start >= next);
                }
                prop_assert!(raw.end > raw.start);
                prop_assert!(src.is_char_boundary(raw.start) && src.is_char_boundary(raw.end));
                let _ = token.text(&src);
                if let MarkupToken::Tag { kind: TagKind::Open | TagKind::Close | TagKind::Empty, name, .. } = token {
                    prop_assert!(!name.is_empty());
                }
                next = raw.end;
                if let (Some(name), MarkupToken::Tag { kind: TagKind::Open, .. }) = (&skip, &token) {
                    reader.skip_to_close(name);
                }
            }
            if skip.is_none() {
                prop_assert_eq!(next, src.len());
            }
        }
    }
}
