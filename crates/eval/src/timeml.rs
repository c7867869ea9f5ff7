//! TimeML documents (the TempEval-3 `.tml` files): read the text and its gold TIMEX3 annotations,
//! and write a document back with a different set of TIMEX3 tags.
//!
//! A small, lenient hand-written XML tokenizer, enough for TimeML: tags (attribute values may hold
//! `>`), comments, processing instructions, declarations, CDATA sections, the five XML entities and
//! numeric character references. Line ends are normalised as XML requires (`\r\n` and a lone `\r`
//! read as `\n`). Anything malformed is read as text (a stray `<` or `&` is a literal character), so
//! nothing here can panic; only a missing `<TEXT>` element or unbalanced TIMEX3 tags are errors.
//!
//! **Offsets are chars** of the decoded text (the content of `<TEXT>` with all tags removed and
//! entities decoded), as everywhere in the core.

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;

use citeline_extract::Mention;

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

/// Reads a TimeML document. Errors (in words) if there is no `<TEXT>` element, it is never closed, or
/// the TIMEX3 tags inside it do not balance.
pub fn parse(source: &str) -> Result<TimemlDoc, String> {
    let scan = Scan::new(source)?;
    let mut text = String::new();
    let mut pos = 0usize;
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut gold = Vec::new();
    for token in &scan.tokens[scan.region.clone()] {
        match token {
            Token::Char { ch, .. } => {
                text.push(*ch);
                pos += 1;
            }
            Token::Cdata { content, .. } => {
                let decoded = normalise_line_ends(&source[content.clone()]);
                pos += decoded.chars().count();
                text.push_str(&decoded);
            }
            Token::Tag { raw, kind, name } if *name == "TIMEX3" => match kind {
                TagKind::Open => open.push((pos, &source[raw.clone()])),
                TagKind::Empty => gold.push(gold_timex(&source[raw.clone()], pos, pos)),
                TagKind::Close => match open.pop() {
                    Some((start, tag)) => gold.push(gold_timex(tag, start, pos)),
                    None => return Err(format!("</TIMEX3> at byte {} closes no open TIMEX3", raw.start)),
                },
                TagKind::Other => {}
            },
            Token::Tag { .. } => {}
        }
    }
    if let Some((start, tag)) = open.first() {
        return Err(format!("TIMEX3 {} (at char {start} of the text) is never closed", short(tag)));
    }
    gold.sort_by_key(|g| (g.start, g.end));
    Ok(TimemlDoc { dct: scan.dct(), text, gold })
}

/// The same document with the TIMEX3 tags inside `<TEXT>` replaced by tags for `mentions` (offsets in
/// chars of the decoded text, as [`parse`] gives it). Every other byte is unchanged: the other tags
/// (EVENT, SIGNAL, ...), the DCT, the links after `</TEXT>` (which may then name tids that no longer
/// exist). New tags carry `tid` (`t1`, `t2`, ... skipping tids used outside `<TEXT>`), `type`,
/// `value` and `mod` when there is one.
///
/// Placement: a tag goes between the characters its offset names; where other tags sit there, it goes
/// on the side that keeps the XML well formed, enclosing as few of them as possible. A mention that
/// would cross an element (start inside `<EVENT>…</EVENT>`, end after it) is widened outward until it
/// no longer does, as is a boundary that falls inside a CDATA section. TimeML has no way to write
/// overlapping TIMEX3, so a mention that overlaps an earlier one (in document order, longer first)
/// is left out. Errors if a mention lies outside the text.
pub fn rewrite(source: &str, mentions: &[Mention]) -> Result<String, String> {
    let scan = Scan::new(source)?;
    let Some(body) = scan.body.clone() else {
        // `<TEXT/>`: nothing to rewrite, and no room for a tag.
        return if mentions.is_empty() {
            Ok(source.to_owned())
        } else {
            Err("the document's <TEXT/> is empty: there is no room for a TIMEX3".to_owned())
        };
    };

    // The items that stay, and for each gap before item g: chars before it and element depth.
    let mut items: Vec<Item> = Vec::new();
    for token in &scan.tokens[scan.region.clone()] {
        match token {
            Token::Char { raw, .. } => items.push(Item { raw: raw.clone(), chars: 1, depth: 0 }),
            Token::Cdata { raw, content } => {
                let chars = normalise_line_ends(&source[content.clone()]).chars().count();
                items.push(Item { raw: raw.clone(), chars, depth: 0 });
            }
            Token::Tag { name, .. } if *name == "TIMEX3" => {}
            Token::Tag { raw, kind, .. } => {
                let depth = match kind {
                    TagKind::Open => 1,
                    TagKind::Close => -1,
                    TagKind::Empty | TagKind::Other => 0,
                };
                items.push(Item { raw: raw.clone(), chars: 0, depth });
            }
        }
    }
    let gaps = items.len() + 1;
    let mut chars_before = Vec::with_capacity(gaps);
    let mut depth = Vec::with_capacity(gaps);
    let (mut c, mut d) = (0usize, 0i64);
    for item in &items {
        chars_before.push(c);
        depth.push(d);
        c += item.chars;
        d += item.depth;
    }
    chars_before.push(c);
    depth.push(d);
    let total = c;

    for (i, m) in mentions.iter().enumerate() {
        if m.start > m.end || m.end > total {
            return Err(format!("mention {i} ({}..{}) lies outside the text ({total} chars)", m.start, m.end));
        }
    }
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].start, std::cmp::Reverse(mentions[i].end), i));

    let reserved: HashSet<String> = scan.outside_timex_ids();
    let mut next_id = 0usize;
    let mut inserts: Vec<Vec<String>> = vec![Vec::new(); gaps];
    let mut last_char_end = 0usize;
    let mut last_gap = 0usize;
    for i in order {
        let m = &mentions[i];
        if m.start < last_char_end {
            continue;
        }
        let (open, close) = place(&chars_before, &depth, m.start, m.end);
        if open < last_gap {
            continue;
        }
        last_char_end = m.end;
        last_gap = close;
        let tid = loop {
            next_id += 1;
            let tid = format!("t{next_id}");
            if !reserved.contains(&tid) {
                break tid;
            }
        };
        let mut tag = format!("<TIMEX3 tid=\"{tid}\" type=\"{}\" value=\"{}\"", m.kind.as_str(), escape(&m.value, true));
        if let Some(modifier) = m.modifier {
            tag.push_str(&format!(" mod=\"{}\"", modifier.as_str()));
        }
        tag.push('>');
        inserts[open].push(tag);
        inserts[close].push("</TIMEX3>".to_owned());
    }

    let mut out = String::with_capacity(source.len() + 64 * mentions.len());
    out.push_str(&source[..body.start]);
    for (g, item) in items.iter().enumerate() {
        for tag in &inserts[g] {
            out.push_str(tag);
        }
        out.push_str(&source[item.raw.clone()]);
    }
    for tag in &inserts[gaps - 1] {
        out.push_str(tag);
    }
    out.push_str(&source[body.end..]);
    Ok(out)
}

/// A minimal TimeML document for a plain text: `DOCID`, a `DCT` when there is a reference date, and
/// the text (escaped, so [`parse`] gives it back char for char) in `<TEXT>` with no tags. Feed it to
/// [`rewrite`] to add TIMEX3.
pub fn wrap(doc_id: &str, text: &str, dct: Option<NaiveDate>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n\n");
    out.push_str(&format!("<DOCID>{}</DOCID>\n\n", escape(doc_id, false)));
    if let Some(d) = dct {
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" \
             functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n\n"
        ));
    }
    out.push_str("<TEXT>");
    out.push_str(&escape(text, false));
    out.push_str("</TEXT>\n\n</TimeML>\n");
    out
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

// ---------------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// `<NAME ...>`
    Open,
    /// `</NAME>`
    Close,
    /// `<NAME .../>`
    Empty,
    /// Comments, processing instructions, declarations.
    Other,
}

#[derive(Debug, Clone)]
enum Token<'a> {
    /// One decoded char from `raw` (a char, an entity or reference, or a line end).
    Char {
        raw: Range<usize>,
        ch: char,
    },
    /// A CDATA section; its content is literal text.
    Cdata {
        raw: Range<usize>,
        content: Range<usize>,
    },
    Tag {
        raw: Range<usize>,
        kind: TagKind,
        name: &'a str,
    },
}

/// A token kept by [`rewrite`]: `chars` decoded chars (a CDATA section holds several, and no tag may go
/// inside it), `depth` +1/-1 for open/close tags.
struct Item {
    raw: Range<usize>,
    chars: usize,
    depth: i64,
}

struct Scan<'a> {
    src: &'a str,
    tokens: Vec<Token<'a>>,
    /// Token indices strictly inside `<TEXT>…</TEXT>`.
    region: Range<usize>,
    /// Byte range between `<TEXT>` and `</TEXT>`; `None` for `<TEXT/>`.
    body: Option<Range<usize>>,
    /// Token indices of the `<TEXT>` and `</TEXT>` tags.
    text_tags: (usize, usize),
}

impl<'a> Scan<'a> {
    fn new(src: &'a str) -> Result<Self, String> {
        let tokens = tokenize(src);
        let is_text = |t: &Token, k: TagKind| matches!(t, Token::Tag { kind, name, .. } if *kind == k && *name == "TEXT");
        let open = tokens
            .iter()
            .position(|t| is_text(t, TagKind::Open) || is_text(t, TagKind::Empty))
            .ok_or_else(|| "not a TimeML document: no <TEXT> element".to_owned())?;
        if let Token::Tag { kind: TagKind::Empty, .. } = tokens[open] {
            return Ok(Scan { src, tokens, region: open + 1..open + 1, body: None, text_tags: (open, open) });
        }
        let close = tokens[open + 1..]
            .iter()
            .position(|t| is_text(t, TagKind::Close))
            .map(|i| open + 1 + i)
            .ok_or_else(|| "the <TEXT> element is never closed (no </TEXT>)".to_owned())?;
        let body = match (&tokens[open], &tokens[close]) {
            (Token::Tag { raw: a, .. }, Token::Tag { raw: b, .. }) => a.end..b.start,
            _ => return Err("internal: <TEXT> tags are not tags".to_owned()),
        };
        Ok(Scan { src, tokens, region: open + 1..close, body: Some(body), text_tags: (open, close) })
    }

    /// Open or empty TIMEX3 tags outside `<TEXT>`, with whether each is inside `<DCT>`.
    fn outside_timexes(&self) -> Vec<(&'a str, bool)> {
        let (text_open, text_close) = self.text_tags;
        let mut in_dct = false;
        let mut out = Vec::new();
        for (i, token) in self.tokens.iter().enumerate() {
            if (text_open..=text_close).contains(&i) {
                continue;
            }
            if let Token::Tag { raw, kind, name } = token {
                match (*name, kind) {
                    ("DCT", TagKind::Open) => in_dct = true,
                    ("DCT", TagKind::Close) => in_dct = false,
                    ("TIMEX3", TagKind::Open | TagKind::Empty) => out.push((&self.src[raw.clone()], in_dct)),
                    _ => {}
                }
            }
        }
        out
    }

    fn dct(&self) -> Option<NaiveDate> {
        let timexes = self.outside_timexes();
        let creation = timexes
            .iter()
            .find(|(tag, _)| attribute(tag, "functionInDocument").is_some_and(|f| f.trim() == "CREATION_TIME"))
            .or_else(|| timexes.iter().find(|(_, in_dct)| *in_dct))?;
        date_of_value(&attribute(creation.0, "value")?)
    }

    fn outside_timex_ids(&self) -> HashSet<String> {
        self.outside_timexes().into_iter().filter_map(|(tag, _)| attribute(tag, "tid")).collect()
    }
}

/// The date at the start of a TIMEX3 value: `1998-01-08`, `1998-01-08T12:00`, `19980108`.
fn date_of_value(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    v.get(..10)
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .or_else(|| v.get(..8).filter(|s| s.bytes().all(|b| b.is_ascii_digit())).and_then(|s| NaiveDate::parse_from_str(s, "%Y%m%d").ok()))
}

fn gold_timex(tag: &str, start: usize, end: usize) -> GoldTimex {
    GoldTimex {
        start,
        end,
        kind: attribute(tag, "type").unwrap_or_default(),
        value: attribute(tag, "value").unwrap_or_default(),
        modifier: attribute(tag, "mod"),
    }
}

/// The first 60 chars of a tag, for messages.
fn short(tag: &str) -> String {
    let mut s: String = tag.chars().take(60).collect();
    if s.len() < tag.len() {
        s.push('…');
    }
    s
}

/// Picks the gaps for a mention's open and close tags (see [`rewrite`]).
fn place(chars_before: &[usize], depth: &[i64], start: usize, end: usize) -> (usize, usize) {
    let last = chars_before.len() - 1;
    // Gaps with exactly `start` chars before them; if `start` falls inside a CDATA section, the gap
    // before it (and for `end`, the gap after it).
    let s_lo = chars_before.partition_point(|&c| c < start);
    let s_hi = chars_before.partition_point(|&c| c <= start);
    let (o_lo, o_hi) = if s_lo < s_hi { (s_lo, s_hi - 1) } else { (s_lo.saturating_sub(1), s_lo.saturating_sub(1)) };
    let e_lo = chars_before.partition_point(|&c| c < end);
    let e_hi = chars_before.partition_point(|&c| c <= end);
    let (c_lo, c_hi) = if e_lo < e_hi { (e_lo, e_hi - 1) } else { (e_lo.min(last), e_lo.min(last)) };
    // The balanced pair enclosing the fewest tags, then the shallowest, then the first; at most the 64
    // innermost open gaps are tried, so a long run of tags cannot make this quadratic.
    let mut best: Option<(usize, usize)> = None;
    let rank = |(o, c): (usize, usize)| (c - o, depth[o], o);
    for o in (o_lo..=o_hi).rev().take(64) {
        let base = depth[o];
        let mut c = o;
        while c <= c_hi {
            if depth[c] < base {
                break;
            }
            if c >= c_lo && depth[c] == base {
                if best.is_none_or(|b| rank((o, c)) < rank(b)) {
                    best = Some((o, c));
                }
                break;
            }
            c += 1;
        }
    }
    if let Some(pair) = best {
        return pair;
    }

    // No balanced placement: widen outward until the enclosed tags balance.
    let (mut o, mut c) = (o_lo, c_hi.max(o_lo));
    for _ in 0..=chars_before.len() {
        let min = depth[o..=c].iter().copied().min().unwrap_or(depth[o]);
        if min < depth[o] {
            o = (0..o).rev().find(|&g| depth[g] <= min).unwrap_or(0);
        } else if depth[c] > depth[o] {
            match (c + 1..=last).find(|&g| depth[g] <= depth[o]) {
                Some(g) => c = g,
                None => {
                    c = last;
                    break;
                }
            }
        } else {
            break;
        }
        if o == 0 && depth[0] > min {
            break;
        }
    }
    (o, c)
}

fn normalise_line_ends(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn tokenize(src: &str) -> Vec<Token<'_>> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0usize;
    while i < src.len() {
        let rest = &src[i..];
        if bytes[i] == b'<' {
            if let Some(token) = markup(src, i) {
                let next = match &token {
                    Token::Tag { raw, .. } | Token::Cdata { raw, .. } | Token::Char { raw, .. } => raw.end,
                };
                tokens.push(token);
                i = next;
                continue;
            }
        } else if bytes[i] == b'&' {
            if let Some((ch, len)) = entity(rest) {
                tokens.push(Token::Char { raw: i..i + len, ch });
                i += len;
                continue;
            }
        } else if bytes[i] == b'\r' {
            let len = if rest.as_bytes().get(1) == Some(&b'\n') { 2 } else { 1 };
            tokens.push(Token::Char { raw: i..i + len, ch: '\n' });
            i += len;
            continue;
        }
        let ch = rest.chars().next().unwrap_or('\u{fffd}');
        let len = ch.len_utf8().max(1);
        tokens.push(Token::Char { raw: i..i + len, ch });
        i += len;
    }
    tokens
}

/// The markup starting at byte `i` (a `<`), or `None` if it is not well formed enough to be read as
/// markup (then the `<` is text).
fn markup(src: &str, i: usize) -> Option<Token<'_>> {
    let rest = &src[i..];
    let end_of = |open: usize, close: &str| rest[open..].find(close).map(|p| i + open + p + close.len());
    if rest.starts_with("<!--") {
        return Some(Token::Tag { raw: i..end_of(4, "-->")?, kind: TagKind::Other, name: "" });
    }
    if rest.starts_with("<![CDATA[") {
        let end = end_of(9, "]]>")?;
        return Some(Token::Cdata { raw: i..end, content: i + 9..end - 3 });
    }
    if rest.starts_with("<?") {
        return Some(Token::Tag { raw: i..end_of(2, "?>")?, kind: TagKind::Other, name: "" });
    }
    if rest.starts_with("<!") {
        // A declaration; an internal subset in brackets may hold `>`.
        let mut depth = 0i32;
        for (p, b) in rest.bytes().enumerate().skip(2) {
            match b {
                b'[' => depth += 1,
                b']' => depth -= 1,
                b'>' if depth <= 0 => return Some(Token::Tag { raw: i..i + p + 1, kind: TagKind::Other, name: "" }),
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
                return Some(Token::Tag { raw: i..i + p + 1, kind, name });
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
fn attribute(tag: &str, name: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use citeline_extract::{Modifier, TimexType, ValueBasis};

    fn mention(start: usize, end: usize, kind: TimexType, value: &str) -> Mention {
        Mention {
            start,
            end,
            text: String::new(),
            kind,
            value: value.to_owned(),
            modifier: None,
            resolution: ValueBasis::Stated,
            granularity: None,
            interval: None,
        }
    }

    fn span_text(doc: &TimemlDoc, g: &GoldTimex) -> String {
        doc.text.chars().skip(g.start).take(g.end - g.start).collect()
    }

    const SMALL: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Prices &amp; wages <EVENT eid="e1" class="OCCURRENCE">rose</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-W01">last week</TIMEX3> at Café Zoë &#233;&#xE9; &lt;ok&gt; <TIMEX3 tid="t2" type="DURATION" value="P3Y" mod="MORE_THAN">more than three years</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>
"#;

    #[test]
    fn parses_text_gold_and_dct() {
        let doc = parse(SMALL).unwrap();
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(doc.text, "\nPrices & wages rose last week at Café Zoë éé <ok> more than three years.\n");
        assert_eq!(doc.gold.len(), 2);
        assert_eq!(span_text(&doc, &doc.gold[0]), "last week");
        assert_eq!(doc.gold[0].kind, "DATE");
        assert_eq!(doc.gold[0].value, "1998-W01");
        assert_eq!(doc.gold[0].modifier, None);
        assert_eq!(span_text(&doc, &doc.gold[1]), "more than three years");
        assert_eq!(doc.gold[1].modifier.as_deref(), Some("MORE_THAN"));
    }

    #[test]
    fn errors_are_clear() {
        assert!(parse("<TimeML><DCT/></TimeML>").unwrap_err().contains("no <TEXT>"));
        assert!(parse("<TEXT>a").unwrap_err().contains("never closed"));
        assert!(parse("<TEXT><TIMEX3 tid=\"t1\">a</TEXT>").unwrap_err().contains("never closed"));
        assert!(parse("<TEXT>a</TIMEX3></TEXT>").unwrap_err().contains("closes no open"));
        assert!(rewrite("<TEXT>abc</TEXT>", &[mention(2, 4, TimexType::Date, "X")]).unwrap_err().contains("outside"));
    }

    #[test]
    fn lenient_about_malformed_text() {
        let doc = parse("<TEXT>a < b && c &bogus; &#xZZ; &#1114112; <b</TEXT>").unwrap();
        assert_eq!(doc.text, "a < b && c &bogus; &#xZZ; &#1114112; <b");
        let doc = parse("<TEXT>x\r\ny\rz<![CDATA[<a>&amp;]]></TEXT>").unwrap();
        assert_eq!(doc.text, "x\ny\nz<a>&amp;");
        // Attribute values may hold `>` and single quotes.
        let doc = parse("<TEXT><TIMEX3 value='a>b' type=\"DATE\">t</TIMEX3></TEXT>").unwrap();
        assert_eq!(doc.gold[0].value, "a>b");
        assert_eq!((doc.gold[0].start, doc.gold[0].end), (0, 1));
    }

    #[test]
    fn rewrite_replaces_only_timex3_inside_text() {
        let doc = parse(SMALL).unwrap();
        let start = doc.text.find("Café").map(|b| doc.text[..b].chars().count()).unwrap();
        let m = Mention { modifier: Some(Modifier::Approx), ..mention(start, start + 4, TimexType::Date, "a\"b&c") };
        let out = rewrite(SMALL, &[m]).unwrap();
        assert!(out.contains(r#"<TIMEX3 tid="t1" type="DATE" value="a&quot;b&amp;c" mod="APPROX">Café</TIMEX3>"#), "{out}");
        assert!(out.contains("last week at"));
        assert!(!out.contains("P3Y"));
        // The DCT, entities, EVENT tags and TLINK are untouched.
        assert!(out.contains(r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08""#));
        assert!(out.contains(r#"Prices &amp; wages <EVENT eid="e1" class="OCCURRENCE">rose</EVENT>"#));
        assert!(out.contains("&#233;&#xE9; &lt;ok&gt;"));
        assert!(out.contains(r#"<TLINK lid="l1""#));
        assert_eq!(strip_timex(&out), strip_timex(SMALL));
        let back = parse(&out).unwrap();
        assert_eq!(back.text, doc.text);
        assert_eq!(back.gold.len(), 1);
        assert_eq!(span_text(&back, &back.gold[0]), "Café");
        assert_eq!(back.gold[0].value, "a\"b&c");
        // No mentions: TIMEX3 removed, everything else unchanged.
        let bare = rewrite(SMALL, &[]).unwrap();
        assert_eq!(bare, strip_timex(SMALL));
    }

    #[test]
    fn rewrite_keeps_xml_well_formed_around_other_tags() {
        let src = "<TEXT>a <EVENT>war</EVENT> b</TEXT>";
        // Exactly the event's text: the TIMEX3 hugs the text, inside the EVENT.
        let out = rewrite(src, &[mention(2, 5, TimexType::Date, "X")]).unwrap();
        assert_eq!(out, "<TEXT>a <EVENT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\">war</TIMEX3></EVENT> b</TEXT>");
        // Across the end of the EVENT: "war b" encloses the whole element.
        let out = rewrite(src, &[mention(2, 7, TimexType::Date, "X")]).unwrap();
        assert_eq!(out, "<TEXT>a <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\"><EVENT>war</EVENT> b</TIMEX3></TEXT>");
        // Crossing it ("ar b"): widened outward to the start of the element.
        let out = rewrite(src, &[mention(3, 7, TimexType::Date, "X")]).unwrap();
        assert_eq!(out, "<TEXT>a <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\"><EVENT>war</EVENT> b</TIMEX3></TEXT>");
        // Between a close and an open tag: encloses neither.
        let src = "<TEXT><S>x</S><S>y</S></TEXT>";
        let out = rewrite(src, &[mention(1, 1, TimexType::Date, "X")]).unwrap();
        assert_eq!(out, "<TEXT><S>x</S><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\"></TIMEX3><S>y</S></TEXT>");
        // A boundary inside a CDATA section moves outward.
        let src = "<TEXT>a<![CDATA[bcd]]>e</TEXT>";
        let out = rewrite(src, &[mention(2, 3, TimexType::Date, "X")]).unwrap();
        assert_eq!(out, "<TEXT>a<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\"><![CDATA[bcd]]></TIMEX3>e</TEXT>");
    }

    #[test]
    fn rewrite_orders_overlaps_and_ids() {
        let src =
            "<DCT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-01-01\" functionInDocument=\"CREATION_TIME\"/></DCT><TEXT>abcdefgh</TEXT>";
        assert_eq!(parse(src).unwrap().dct, NaiveDate::from_ymd_opt(2020, 1, 1));
        let ms = [
            mention(4, 6, TimexType::Time, "B"),
            mention(0, 2, TimexType::Date, "A"),
            mention(1, 3, TimexType::Date, "overlaps A"),
            mention(6, 8, TimexType::Set, "C"),
        ];
        let out = rewrite(src, &ms).unwrap();
        assert!(
            out.ends_with(
                "<TEXT><TIMEX3 tid=\"t2\" type=\"DATE\" value=\"A\">ab</TIMEX3>cd\
             <TIMEX3 tid=\"t3\" type=\"TIME\" value=\"B\">ef</TIMEX3>\
             <TIMEX3 tid=\"t4\" type=\"SET\" value=\"C\">gh</TIMEX3></TEXT>"
            ),
            "{out}"
        );
    }

    #[test]
    fn wrap_round_trips_any_text() {
        for text in ["", "plain", "a & b < c > d \"q\" 'a'", "x\r\ny\rz\u{1}\t", "Zoë — 東京 🎉", "]]> <!-- -->"] {
            let doc = parse(&wrap("id&<", text, NaiveDate::from_ymd_opt(2018, 6, 8))).unwrap();
            assert_eq!(doc.text, text);
            assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2018, 6, 8));
            assert!(doc.gold.is_empty());
        }
        let text = "Zoë met 東京 on 8 June 2018.";
        let src = wrap("d", text, None);
        assert_eq!(parse(&src).unwrap().dct, None);
        let out = rewrite(&src, &[mention(14, 25, TimexType::Date, "2018-06-08")]).unwrap();
        let doc = parse(&out).unwrap();
        assert_eq!(span_text(&doc, &doc.gold[0]), "8 June 2018");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let inputs = [
            "",
            "<",
            "&",
            "<TEXT",
            "<TEXT>",
            "<TEXT/>",
            "<TEXT/><TEXT>a</TEXT>",
            "<TEXT></TEXT>",
            "<TEXT><</TEXT>",
            "<TEXT><TIMEX3 value=\"é</TEXT>",
            "<TEXT><TIMEX3/></TEXT>",
            "<TEXT>&#;&#x;&;é&</TEXT>",
            "<!DOCTYPE x [<!ENTITY a '>'>]><TEXT>é</TEXT>",
            "<TEXT><!-- <TIMEX3> --></TEXT>",
            "<TEXT><TIMEX3 a b= c='d' =e>x</TIMEX3></TEXT>",
            "<TEXT></EVENT></EVENT>ab<EVENT></TEXT>",
        ];
        for src in inputs {
            let _ = parse(src);
            for (s, e) in [(0, 0), (0, 1), (1, 2), (0, 2), (5, 3)] {
                let _ = rewrite(src, &[mention(s, e, TimexType::Date, "X")]);
            }
        }
        // Unbalanced tags: the placement stays within the text.
        let out = rewrite("<TEXT></EVENT></EVENT>ab<EVENT></TEXT>", &[mention(0, 2, TimexType::Date, "X")]).unwrap();
        assert_eq!(parse(&out).unwrap().gold.len(), 1);
    }

    proptest! {
        #[test]
        fn parse_and_rewrite_never_panic(
            src in "(<TEXT>)?([<>&;#x0-9a-fA-F/ \"'=\r\nTEXIM3é東!?\\[\\]-]|<TEXT>|</TEXT>|<TIMEX3 type=\"DATE\">|</TIMEX3>|<EVENT>|</EVENT>|&amp;|<!--|-->){0,40}(</TEXT>)?",
            spans in proptest::collection::vec((0usize..30, 0usize..30), 0..5),
        ) {
            let _ = parse(&src);
            let mentions: Vec<Mention> = spans.iter().map(|&(a, b)| mention(a.min(b), a.max(b), TimexType::Date, "X")).collect();
            let _ = rewrite(&src, &mentions);
        }

        #[test]
        fn rewrite_keeps_the_text_of_well_formed_documents(
            parts in proptest::collection::vec(
                prop_oneof![
                    "[a-z é&<>\"\r\n東]{1,6}".prop_map(|t| escape(&t, false)),
                    "[a-z é東]{1,6}".prop_map(|t| format!("<EVENT eid=\"e1\">{t}</EVENT>")),
                    "[a-z é東]{1,6}".prop_map(|t| format!("<TIMEX3 tid=\"t9\" type=\"DATE\" value=\"v\">{t}</TIMEX3>")),
                    Just("<SIGNAL/><!-- c -->".to_owned()),
                ],
                0..8,
            ),
            spans in proptest::collection::vec((0usize..40, 0usize..40), 0..6),
        ) {
            let src = format!("<TimeML><TEXT>{}</TEXT></TimeML>", parts.concat());
            let doc = parse(&src).map_err(TestCaseError::fail)?;
            let n = doc.text.chars().count();
            let mentions: Vec<Mention> =
                spans.iter().map(|&(a, b)| mention(a.min(b).min(n), a.max(b).min(n), TimexType::Date, "X")).collect();
            let out = rewrite(&src, &mentions).map_err(TestCaseError::fail)?;
            let back = parse(&out).map_err(TestCaseError::fail)?;
            prop_assert_eq!(&back.text, &doc.text);
            prop_assert_eq!(strip_timex(&out), strip_timex(&src));
            prop_assert!(back.gold.len() <= mentions.len());
            for pair in back.gold.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start);
            }
            // Every tag written comes from a mention, at most widened outward.
            for g in &back.gold {
                prop_assert!(mentions.iter().any(|m| g.start <= m.start && m.end <= g.end && g.end <= n));
            }
        }

        #[test]
        fn wrap_round_trips_arbitrary_text(text in any::<String>()) {
            prop_assert_eq!(parse(&wrap("x", &text, None)).map(|d| d.text), Ok(text));
        }
    }

    // ---- the corpus --------------------------------------------------------------------------------

    fn strip_timex(src: &str) -> String {
        let Ok(scan) = Scan::new(src) else { return src.to_owned() };
        let mut out = String::new();
        for (i, token) in scan.tokens.iter().enumerate() {
            let raw = match token {
                Token::Tag { name: "TIMEX3", .. } if scan.region.contains(&i) => continue,
                Token::Tag { raw, .. } | Token::Cdata { raw, .. } | Token::Char { raw, .. } => raw.clone(),
            };
            out.push_str(&src[raw]);
        }
        out
    }

    fn timex_type(kind: &str) -> TimexType {
        match kind {
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            "SET" => TimexType::Set,
            _ => TimexType::Date,
        }
    }

    fn modifier(m: Option<&str>) -> Option<Modifier> {
        Some(match m? {
            "START" => Modifier::Start,
            "MID" => Modifier::Mid,
            "END" => Modifier::End,
            "APPROX" => Modifier::Approx,
            "MORE_THAN" => Modifier::MoreThan,
            "LESS_THAN" => Modifier::LessThan,
            "EQUAL_OR_MORE" => Modifier::EqualOrMore,
            "EQUAL_OR_LESS" => Modifier::EqualOrLess,
            _ => return None,
        })
    }

    fn corpus_files() -> Option<Vec<std::path::PathBuf>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/timebank");
        let mut files = Vec::new();
        for dir in ["TimeBank", "AQUAINT"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                eprintln!("note: {} is missing; skipping the corpus test", root.join(dir).display());
                return None;
            };
            files.extend(entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "tml")));
        }
        files.sort();
        Some(files)
    }

    #[test]
    fn corpus_round_trips_through_rewrite() {
        let Some(files) = corpus_files() else { return };
        let (mut timexes, mut with_dct) = (0, 0);
        for path in &files {
            let src = std::fs::read_to_string(path).unwrap();
            let doc = parse(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            with_dct += usize::from(doc.dct.is_some());
            timexes += doc.gold.len();
            let mentions: Vec<Mention> = doc
                .gold
                .iter()
                .map(|g| Mention {
                    text: span_text(&doc, g),
                    modifier: modifier(g.modifier.as_deref()),
                    ..mention(g.start, g.end, timex_type(&g.kind), &g.value)
                })
                .collect();
            let out = rewrite(&src, &mentions).unwrap();
            assert_eq!(strip_timex(&out), strip_timex(&src), "{}: non-TIMEX3 bytes changed", path.display());
            let back = parse(&out).unwrap();
            assert_eq!(back.text, doc.text, "{}", path.display());
            assert_eq!(back.dct, doc.dct, "{}", path.display());
            assert_eq!(back.gold.len(), doc.gold.len(), "{}", path.display());
            for (b, g) in back.gold.iter().zip(&doc.gold) {
                assert_eq!((b.start, b.end, &b.kind, &b.value), (g.start, g.end, &g.kind, &g.value), "{}", path.display());
                if modifier(g.modifier.as_deref()).is_some() {
                    assert_eq!(b.modifier, g.modifier, "{}", path.display());
                }
            }
        }
        assert_eq!(files.len(), 256);
        assert_eq!(with_dct, 256);
        assert_eq!(timexes, 1243 + 579);
    }
}
