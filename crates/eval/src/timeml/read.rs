//! Reading TimeML: the `<TEXT>` element, its decoded text and gold TIMEX3 ([`parse`]), and the
//! document creation time.

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;

use citeline_model::markup::{attribute, MarkupToken, TagKind};

use super::xml::tokenize;
use super::{GoldTimex, TimemlDoc};

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
            MarkupToken::Tag { raw, kind, name } if *name == "TIMEX3" => match kind {
                TagKind::Open => open.push((pos, &source[raw.clone()])),
                TagKind::Empty => gold.push(gold_timex(&source[raw.clone()], pos, pos)),
                TagKind::Close => match open.pop() {
                    Some((start, tag)) => gold.push(gold_timex(tag, start, pos)),
                    None => return Err(format!("</TIMEX3> at byte {} closes no open TIMEX3", raw.start)),
                },
                TagKind::Other => {}
            },
            MarkupToken::Tag { .. } => {}
            token => {
                let decoded = token.text(source);
                pos += decoded.chars().count();
                text.push_str(&decoded);
            }
        }
    }
    if let Some((start, tag)) = open.first() {
        return Err(format!("TIMEX3 {} (at char {start} of the text) is never closed", short(tag)));
    }
    gold.sort_by_key(|g| (g.start, g.end));
    Ok(TimemlDoc { dct: scan.dct(), text, gold })
}

/// A tokenized TimeML source and where its `<TEXT>` element is.
pub(super) struct Scan<'a> {
    /// The source.
    pub(super) src: &'a str,
    /// The whole source, tokenized.
    pub(super) tokens: Vec<MarkupToken<'a>>,
    /// Token indices strictly inside `<TEXT>…</TEXT>`.
    pub(super) region: Range<usize>,
    /// Byte range between `<TEXT>` and `</TEXT>`; `None` for `<TEXT/>`.
    pub(super) body: Option<Range<usize>>,
    /// Token indices of the `<TEXT>` and `</TEXT>` tags.
    text_tags: (usize, usize),
}

impl<'a> Scan<'a> {
    /// Tokenizes `src` and finds `<TEXT>`; errors if there is none or it is never closed.
    pub(super) fn new(src: &'a str) -> Result<Self, String> {
        let tokens = tokenize(src);
        let is_text = |t: &MarkupToken, k: TagKind| matches!(t, MarkupToken::Tag { kind, name, .. } if *kind == k && *name == "TEXT");
        let open = tokens
            .iter()
            .position(|t| is_text(t, TagKind::Open) || is_text(t, TagKind::Empty))
            .ok_or_else(|| "not a TimeML document: no <TEXT> element".to_owned())?;
        if let MarkupToken::Tag { kind: TagKind::Empty, .. } = tokens[open] {
            return Ok(Scan { src, tokens, region: open + 1..open + 1, body: None, text_tags: (open, open) });
        }
        let close = tokens[open + 1..]
            .iter()
            .position(|t| is_text(t, TagKind::Close))
            .map(|i| open + 1 + i)
            .ok_or_else(|| "the <TEXT> element is never closed (no </TEXT>)".to_owned())?;
        let body = match (&tokens[open], &tokens[close]) {
            (MarkupToken::Tag { raw: a, .. }, MarkupToken::Tag { raw: b, .. }) => a.end..b.start,
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
            if let MarkupToken::Tag { raw, kind, name } = token {
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

    /// The document creation time (see [`TimemlDoc::dct`]).
    fn dct(&self) -> Option<NaiveDate> {
        let timexes = self.outside_timexes();
        let creation = timexes
            .iter()
            .find(|(tag, _)| attribute(tag, "functionInDocument").is_some_and(|f| f.trim() == "CREATION_TIME"))
            .or_else(|| timexes.iter().find(|(_, in_dct)| *in_dct))?;
        date_of_value(&attribute(creation.0, "value")?)
    }

    /// The tids of the TIMEX3 outside `<TEXT>` (the DCT's), which new tags must not reuse.
    pub(super) fn outside_timex_ids(&self) -> HashSet<String> {
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
