//! Writing TimeML: the same document with our TIMEX3 in place of the gold ones ([`rewrite`]), and a
//! minimal document for a plain text ([`wrap`]).

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;

use citeline_extract::Mention;

use citeline_model::markup::{MarkupToken, TagKind};

use super::read::Scan;
use super::xml::escape;

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
    let segments = segments(&scan);
    let gaps = Gaps::between(&segments);
    check_within(mentions, gaps.total_chars())?;
    let tags = tags_by_gap(&gaps, mentions, Tids::new(scan.outside_timex_ids()));
    Ok(splice(source, body, &segments, &tags))
}

/// A piece of `<TEXT>` kept by [`rewrite`] (a char, a tag or a CDATA section): `chars` decoded chars
/// (a CDATA section holds several, and no tag may go inside it), `depth` +1/-1 for open/close tags.
pub(super) struct Segment {
    raw: Range<usize>,
    chars: usize,
    depth: i64,
}

/// Step 1: the tokens inside `<TEXT>` that stay (all but the TIMEX3 tags).
pub(super) fn segments(scan: &Scan) -> Vec<Segment> {
    let mut segments = Vec::new();
    for token in &scan.tokens[scan.region.clone()] {
        match token {
            // One segment per char: a tag may go between any two.
            MarkupToken::Text { raw } => segments.extend(scan.src[raw.clone()].char_indices().map(|(k, ch)| {
                let start = raw.start + k;
                Segment { raw: start..start + ch.len_utf8(), chars: 1, depth: 0 }
            })),
            MarkupToken::Char { raw, .. } => segments.push(Segment { raw: raw.clone(), chars: 1, depth: 0 }),
            MarkupToken::Cdata { raw, .. } => {
                let chars = token.text(scan.src).chars().count();
                segments.push(Segment { raw: raw.clone(), chars, depth: 0 });
            }
            MarkupToken::Tag { name, .. } if *name == "TIMEX3" => {}
            MarkupToken::Tag { raw, kind, .. } => {
                let depth = match kind {
                    TagKind::Open => 1,
                    TagKind::Close => -1,
                    TagKind::Empty | TagKind::Other => 0,
                };
                segments.push(Segment { raw: raw.clone(), chars: 0, depth });
            }
        }
    }
    segments
}

/// Step 2: the places a tag can go. Gap `g` is just before segment `g` (the last one after all of
/// them); for each, the decoded chars before it and the element depth there.
pub(super) struct Gaps {
    pub(super) chars_before: Vec<usize>,
    pub(super) depth: Vec<i64>,
}

impl Gaps {
    pub(super) fn between(segments: &[Segment]) -> Gaps {
        let mut chars_before = Vec::with_capacity(segments.len() + 1);
        let mut depth = Vec::with_capacity(segments.len() + 1);
        let (mut c, mut d) = (0usize, 0i64);
        for segment in segments {
            chars_before.push(c);
            depth.push(d);
            c += segment.chars;
            d += segment.depth;
        }
        chars_before.push(c);
        depth.push(d);
        Gaps { chars_before, depth }
    }

    fn len(&self) -> usize {
        self.chars_before.len()
    }

    /// The chars of the whole text.
    fn total_chars(&self) -> usize {
        self.chars_before[self.len() - 1]
    }

    /// Picks the gaps for a mention's open and close tags (see [`rewrite`]).
    pub(super) fn place(&self, start: usize, end: usize) -> (usize, usize) {
        let (chars_before, depth) = (&self.chars_before, &self.depth);
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
}

/// Step 3: every mention must lie within the text.
pub(super) fn check_within(mentions: &[Mention], total: usize) -> Result<(), String> {
    match mentions.iter().enumerate().find(|(_, m)| m.start > m.end || m.end > total) {
        Some((i, m)) => Err(format!("mention {i} ({}..{}) lies outside the text ({total} chars)", m.start, m.end)),
        None => Ok(()),
    }
}

/// The tids for new tags: `t1`, `t2`, ... skipping those already used outside `<TEXT>`.
pub(super) struct Tids {
    reserved: HashSet<String>,
    last: usize,
}

impl Tids {
    pub(super) fn new(reserved: HashSet<String>) -> Tids {
        Tids { reserved, last: 0 }
    }

    pub(super) fn next(&mut self) -> String {
        loop {
            self.last += 1;
            let tid = format!("t{}", self.last);
            if !self.reserved.contains(&tid) {
                return tid;
            }
        }
    }
}

/// Step 4: the tags to insert in each gap, in order. Mentions are taken in document order, longer
/// first; one that overlaps a mention already placed is left out.
fn tags_by_gap(gaps: &Gaps, mentions: &[Mention], mut tids: Tids) -> Vec<Vec<String>> {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].start, std::cmp::Reverse(mentions[i].end), i));
    let mut tags: Vec<Vec<String>> = vec![Vec::new(); gaps.len()];
    let mut last_char_end = 0usize;
    let mut last_gap = 0usize;
    for i in order {
        let m = &mentions[i];
        if m.start < last_char_end {
            continue;
        }
        let (open, close) = gaps.place(m.start, m.end);
        if open < last_gap {
            continue;
        }
        last_char_end = m.end;
        last_gap = close;
        tags[open].push(open_tag(&tids.next(), m));
        tags[close].push("</TIMEX3>".to_owned());
    }
    tags
}

/// `<TIMEX3 tid=".." type=".." value=".." mod="..">` for a mention (`mod` only when it has one).
pub(super) fn open_tag(tid: &str, m: &Mention) -> String {
    let mut tag = format!("<TIMEX3 tid=\"{tid}\" type=\"{}\" value=\"{}\"", m.kind.as_str(), escape(&m.value, true));
    if let Some(modifier) = m.modifier {
        tag.push_str(&format!(" mod=\"{}\"", modifier.as_str()));
    }
    tag.push('>');
    tag
}

/// Step 5: the source with the segments of `<TEXT>` (its `body`) interleaved with the new tags.
fn splice(source: &str, body: Range<usize>, segments: &[Segment], tags: &[Vec<String>]) -> String {
    let mut out = String::with_capacity(source.len() + 32 * tags.iter().map(Vec::len).sum::<usize>());
    out.push_str(&source[..body.start]);
    for (segment, tags) in segments.iter().zip(tags) {
        tags.iter().for_each(|tag| out.push_str(tag));
        out.push_str(&source[segment.raw.clone()]);
    }
    tags.last().into_iter().flatten().for_each(|tag| out.push_str(tag));
    out.push_str(&source[body.end..]);
    out
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
