//! Reading TimeML: the `<TEXT>` element, its decoded text, gold TIMEX3 and EVENT ([`parse`]), the
//! document creation time, and the events the TLINKs anchor to a date.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;

use citeline_model::markup::{attribute, MarkupToken, TagKind};

use super::xml::tokenize;
use super::{GoldAnchor, GoldEvent, GoldTimex, TimemlDoc};

/// Reads a TimeML document. Errors (in words) if there is no `<TEXT>` element, it is never closed, or
/// the TIMEX3 tags inside it do not balance. Unbalanced EVENT tags are skipped.
pub fn parse(source: &str) -> Result<TimemlDoc, String> {
    let scan = Scan::new(source)?;
    let mut text = String::new();
    let mut pos = 0usize;
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut open_events: Vec<(usize, &str)> = Vec::new();
    let mut gold = Vec::new();
    let mut events = Vec::new();
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
            // Leniently: a close tag with nothing open, and an open tag never closed, are skipped.
            MarkupToken::Tag { raw, kind, name } if *name == "EVENT" => match kind {
                TagKind::Open => open_events.push((pos, &source[raw.clone()])),
                TagKind::Empty => events.push(gold_event(&source[raw.clone()], pos, pos)),
                TagKind::Close => {
                    if let Some((start, tag)) = open_events.pop() {
                        events.push(gold_event(tag, start, pos));
                    }
                }
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
    events.sort_by_key(|e| (e.start, e.end));
    let anchors = scan.anchors(&gold);
    Ok(TimemlDoc { dct: scan.dct(), text, gold, events, anchors })
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

    /// The anchors of events to the DATE timexes among `gold` (those inside `<TEXT>`): every TLINK
    /// (read anywhere but inside `<TEXT>`) between an event instance and such a timex whose relation,
    /// read from the event to the time, places the event at the date (see [`GoldAnchor`]). Instances
    /// are resolved to events through the MAKEINSTANCE elements; links to unknown instances or times
    /// are skipped, and only the first link of each (event, timex) pair is kept.
    fn anchors(&self, gold: &[GoldTimex]) -> Vec<GoldAnchor> {
        let dates: HashSet<&str> = gold.iter().filter(|g| g.kind.trim() == "DATE" && !g.tid.is_empty()).map(|g| g.tid.as_str()).collect();
        let (text_open, text_close) = self.text_tags;
        let outside =
            self.tokens.iter().enumerate().filter(|(i, _)| !(text_open..=text_close).contains(i)).filter_map(|(_, token)| match token {
                MarkupToken::Tag { raw, kind: TagKind::Open | TagKind::Empty, name } => Some((*name, &self.src[raw.clone()])),
                _ => None,
            });
        let mut instances: HashMap<String, String> = HashMap::new();
        let mut links: Vec<&str> = Vec::new();
        for (name, tag) in outside {
            match name {
                "MAKEINSTANCE" => {
                    if let (Some(eiid), Some(eid)) = (attribute(tag, "eiid"), attribute(tag, "eventID")) {
                        instances.entry(eiid.trim().to_owned()).or_insert_with(|| eid.trim().to_owned());
                    }
                }
                "TLINK" => links.push(tag),
                _ => {}
            }
        }
        let mut seen: HashSet<(String, String)> = HashSet::new();
        let mut anchors = Vec::new();
        for tag in links {
            let Some((eiid, tid, rel)) = event_to_time(tag) else { continue };
            let Some(eid) = instances.get(&eiid) else { continue };
            if dates.contains(tid.as_str()) && seen.insert((eid.clone(), tid.clone())) {
                anchors.push(GoldAnchor { eid: eid.clone(), tid, rel: rel.to_owned() });
            }
        }
        anchors
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
        tid: attribute(tag, "tid").map(|t| t.trim().to_owned()).unwrap_or_default(),
    }
}

fn gold_event(tag: &str, start: usize, end: usize) -> GoldEvent {
    GoldEvent {
        start,
        end,
        eid: attribute(tag, "eid").map(|e| e.trim().to_owned()).unwrap_or_default(),
        class: attribute(tag, "class").unwrap_or_default(),
    }
}

/// A TLINK tag read from the event instance to the time: (eiid, tid, relation), when it links an event
/// instance and a time with a relation that anchors the event (see [`GoldAnchor`]), inverting a link
/// written from the time to the event.
fn event_to_time(tag: &str) -> Option<(String, String, &'static str)> {
    let rel = attribute(tag, "relType")?;
    let rel = rel.trim();
    let trimmed = |name: &str| attribute(tag, name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    if let (Some(eiid), Some(tid)) = (trimmed("eventInstanceID"), trimmed("relatedToTime")) {
        let rel = match rel {
            "IS_INCLUDED" => "IS_INCLUDED",
            "DURING" => "DURING",
            "SIMULTANEOUS" => "SIMULTANEOUS",
            "BEGINS" => "BEGINS",
            "ENDS" => "ENDS",
            "BEGUN_BY" => "BEGUN_BY",
            "ENDED_BY" => "ENDED_BY",
            _ => return None,
        };
        return Some((eiid, tid, rel));
    }
    let (tid, eiid) = (trimmed("timeID")?, trimmed("relatedToEventInstance")?);
    let inverse = match rel {
        "INCLUDES" => "IS_INCLUDED",
        "DURING_INV" => "DURING",
        "SIMULTANEOUS" => "SIMULTANEOUS",
        "BEGUN_BY" => "BEGINS",
        "ENDED_BY" => "ENDS",
        "BEGINS" => "BEGUN_BY",
        "ENDS" => "ENDED_BY",
        _ => return None,
    };
    Some((eiid, tid, inverse))
}

/// The first 60 chars of a tag, for messages.
fn short(tag: &str) -> String {
    let mut s: String = tag.chars().take(60).collect();
    if s.len() < tag.len() {
        s.push('…');
    }
    s
}
