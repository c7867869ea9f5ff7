//! Event anchoring on TimeML: whether what we propose as happenings puts the annotated events at their
//! dates.
//!
//! The gold is a document's [`GoldAnchor`](crate::timeml::GoldAnchor)s: the events its TLINKs anchor to a DATE timex inside the
//! text (see [`crate::timeml::parse`]). A [`Proposed`] happening is a trigger word, the passage it was
//! read from, and the date it carries (a span of the text and its value). [`score`] counts:
//!
//! - **found by trigger**: the anchors for which some proposal's trigger overlaps the event's word and
//!   the proposal carries the anchor's date: its date span overlaps the timex and its value is the
//!   timex's value ([`same_date`]);
//! - **found by passage**: the same, with the event's word lying within the proposal's passage instead;
//! - **on an annotated event**: the proposals whose trigger overlaps some EVENT of the document (by
//!   trigger), or whose passage contains one (by passage).
//!
//! [`reach`] bounds what any proposer that quotes one sentence as its passage can find by passage:
//! the anchors whose event word lies in the sentence of its timex, and of those, the ones whose timex
//! the extractor reads at the gold date.
//!
//! Spans are chars of [`TimemlDoc::text`]; an empty span overlaps nothing and lies within nothing.
//! Counts are summed over documents ([`AnchorCounts`] adds up) and the shares taken at the end;
//! [`AnchorReport`] prints them. Nothing here reads files.

use std::collections::HashMap;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Range};

use crate::timeml::{GoldEvent, GoldTimex, TimemlDoc};

/// One proposed happening, in chars of the document's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proposed {
    /// The word (or words) that say what happened.
    pub trigger: Range<usize>,
    /// The passage the happening was read from (a sentence, a clause).
    pub passage: Range<usize>,
    /// The date expression the happening is placed at.
    pub date: Range<usize>,
    /// The TIMEX3 value of that date (`1998-01-08`, `1998-W02`, `199X`).
    pub value: String,
}

/// What [`score`] counts in one document, or (summed) in many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnchorCounts {
    /// Gold anchors whose event and timex are both in the document.
    pub gold: usize,
    /// Gold anchors found by a proposal whose trigger overlaps the event's word.
    pub found_trigger: usize,
    /// Gold anchors found by a proposal whose passage contains the event's word.
    pub found_passage: usize,
    /// Proposals.
    pub proposals: usize,
    /// Proposals whose trigger overlaps some annotated EVENT.
    pub proposals_on_event: usize,
    /// Proposals whose passage contains some annotated EVENT.
    pub proposals_passage_on_event: usize,
}

/// Scores the happenings proposed for one document against its anchored events (see the module
/// documentation).
pub fn score(doc: &TimemlDoc, proposed: &[Proposed]) -> AnchorCounts {
    let carries = |p: &Proposed, t: &GoldTimex| overlaps(&p.date, &(t.start..t.end)) && same_date(&t.value, &p.value);
    let mut counts = AnchorCounts { proposals: proposed.len(), ..AnchorCounts::default() };
    for (event, timex) in resolved(doc) {
        let word = event.start..event.end;
        counts.gold += 1;
        counts.found_trigger += usize::from(proposed.iter().any(|p| overlaps(&p.trigger, &word) && carries(p, timex)));
        counts.found_passage += usize::from(proposed.iter().any(|p| within(&word, &p.passage) && carries(p, timex)));
    }
    for p in proposed {
        counts.proposals_on_event += usize::from(doc.events.iter().any(|e| overlaps(&p.trigger, &(e.start..e.end))));
        counts.proposals_passage_on_event += usize::from(doc.events.iter().any(|e| within(&(e.start..e.end), &p.passage)));
    }
    counts
}

/// The document's anchors whose event and timex it has (the first of each id, if one repeats).
fn resolved(doc: &TimemlDoc) -> Vec<(&GoldEvent, &GoldTimex)> {
    let mut events: HashMap<&str, &GoldEvent> = HashMap::new();
    for e in &doc.events {
        events.entry(e.eid.as_str()).or_insert(e);
    }
    let mut timexes: HashMap<&str, &GoldTimex> = HashMap::new();
    for t in &doc.gold {
        timexes.entry(t.tid.as_str()).or_insert(t);
    }
    doc.anchors.iter().filter_map(|a| Some((*events.get(a.eid.as_str())?, *timexes.get(a.tid.as_str())?))).collect()
}

/// What a proposer whose passage is one sentence could find in one document, or (summed) in many:
/// see [`reach`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    /// Gold anchors whose event and timex are both in the document (as [`AnchorCounts::gold`]).
    pub gold: usize,
    /// Of those, the ones whose event word lies within the sentence that holds the timex.
    pub one_sentence: usize,
    /// Of those, the ones whose timex the extractor reads at the gold date.
    pub one_sentence_read: usize,
}

/// Counts, for one document, the anchors a one-sentence passage can reach: the event's word within
/// the sentence (of `sentences`, char spans as `citeline_extract::sentences` gives them) that the
/// timex starts in, and then also a date the extractor read (`read`: spans and values) overlapping
/// the timex at its value ([`same_date`]). No proposer quoting one sentence finds more anchors by
/// passage than `one_sentence`, nor, with this extractor's dates, more than `one_sentence_read`.
pub fn reach(doc: &TimemlDoc, sentences: &[(usize, usize)], read: &[(Range<usize>, String)]) -> Reach {
    let mut reach = Reach::default();
    for (event, timex) in resolved(doc) {
        reach.gold += 1;
        let sentence = sentences.iter().find(|(s, e)| *s <= timex.start && timex.start < *e).map(|&(s, e)| s..e);
        if !sentence.is_some_and(|s| within(&(event.start..event.end), &s)) {
            continue;
        }
        reach.one_sentence += 1;
        let span = timex.start..timex.end;
        reach.one_sentence_read += usize::from(read.iter().any(|(r, value)| overlaps(r, &span) && same_date(&timex.value, value)));
    }
    reach
}

impl Reach {
    /// The share of gold anchors within one sentence of their timex, in percent (0 when there are none).
    pub fn one_sentence_share(&self) -> f64 {
        percent(self.one_sentence, self.gold)
    }

    /// The share of gold anchors within one sentence of their timex, read at the gold date, in percent
    /// (0 when there are none).
    pub fn one_sentence_read_share(&self) -> f64 {
        percent(self.one_sentence_read, self.gold)
    }
}

impl Add for Reach {
    type Output = Reach;

    fn add(self, other: Reach) -> Reach {
        Reach {
            gold: self.gold + other.gold,
            one_sentence: self.one_sentence + other.one_sentence,
            one_sentence_read: self.one_sentence_read + other.one_sentence_read,
        }
    }
}

impl AddAssign for Reach {
    fn add_assign(&mut self, other: Reach) {
        *self = *self + other;
    }
}

impl Sum for Reach {
    fn sum<I: Iterator<Item = Reach>>(iter: I) -> Reach {
        iter.fold(Reach::default(), Add::add)
    }
}

impl fmt::Display for Reach {
    /// ```text
    /// in reach of a one-sentence passage 78.0% (event and date in one sentence), 66.0% (and the date read right)
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "in reach of a one-sentence passage {:.1}% (event and date in one sentence), {:.1}% (and the date read right)",
            self.one_sentence_share(),
            self.one_sentence_read_share()
        )
    }
}

/// Whether two spans share at least one char (so an empty or reversed span overlaps nothing).
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start.max(b.start) < a.end.min(b.end)
}

/// Whether the non-empty span `inner` lies within `outer`.
fn within(inner: &Range<usize>, outer: &Range<usize>) -> bool {
    inner.start < inner.end && outer.start <= inner.start && inner.end <= outer.end
}

/// Whether our TIMEX3 value `ours` names the date of the gold value `gold`.
///
/// Both are compared by their date part (trimmed, and without a time part: `1998-01-08T12:00` is
/// `1998-01-08`). They match when equal, or when ours is the gold value without its trailing
/// unspecified digits (`-XX`, `X`): gold `1998-01-XX` and ours `1998-01`. An empty value matches
/// nothing. Dates written differently do not match (gold `1998-W02`, ours `1998-01-08`).
pub fn same_date(gold: &str, ours: &str) -> bool {
    let (gold, ours) = (date_part(gold), date_part(ours));
    if gold.is_empty() || ours.is_empty() {
        return false;
    }
    gold == ours || trim_unspecified(gold) == ours
}

/// A value without its time part: everything from a `T` that follows a digit or an `X`.
fn date_part(value: &str) -> &str {
    let value = value.trim();
    let mut previous = None;
    for (i, c) in value.char_indices() {
        if c == 'T' && previous.is_some_and(|p: char| p.is_ascii_digit() || p == 'X') {
            return &value[..i];
        }
        previous = Some(c);
    }
    value
}

/// A date without its trailing unspecified parts: `1998-XX-XX` is `1998`, `199X` is `199`.
fn trim_unspecified(mut date: &str) -> &str {
    while let Some(shorter) = date.strip_suffix("-XX").or_else(|| date.strip_suffix('X')) {
        date = shorter;
    }
    date
}

/// `part` as a percentage of `whole`, 0 when `whole` is 0.
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

impl AnchorCounts {
    /// The share of gold anchors found by trigger, in percent (0 when there are none).
    pub fn recall_trigger(&self) -> f64 {
        percent(self.found_trigger, self.gold)
    }

    /// The share of gold anchors found by passage, in percent (0 when there are none).
    pub fn recall_passage(&self) -> f64 {
        percent(self.found_passage, self.gold)
    }

    /// The share of proposals whose trigger is on an annotated event, in percent (0 when there are none).
    pub fn precision_trigger(&self) -> f64 {
        percent(self.proposals_on_event, self.proposals)
    }

    /// The share of proposals whose passage contains an annotated event, in percent (0 when there are
    /// none).
    pub fn precision_passage(&self) -> f64 {
        percent(self.proposals_passage_on_event, self.proposals)
    }
}

impl AddAssign for AnchorCounts {
    fn add_assign(&mut self, other: AnchorCounts) {
        self.gold += other.gold;
        self.found_trigger += other.found_trigger;
        self.found_passage += other.found_passage;
        self.proposals += other.proposals;
        self.proposals_on_event += other.proposals_on_event;
        self.proposals_passage_on_event += other.proposals_passage_on_event;
    }
}

impl Add for AnchorCounts {
    type Output = AnchorCounts;

    fn add(mut self, other: AnchorCounts) -> AnchorCounts {
        self += other;
        self
    }
}

impl Sum for AnchorCounts {
    fn sum<I: Iterator<Item = AnchorCounts>>(iter: I) -> AnchorCounts {
        iter.fold(AnchorCounts::default(), Add::add)
    }
}

/// Named [`AnchorCounts`], for people: one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorReport {
    /// What was scored (a corpus, "all").
    pub name: String,
    /// The summed counts.
    pub counts: AnchorCounts,
}

impl AnchorReport {
    /// A report named `name`.
    pub fn new(name: impl Into<String>, counts: AnchorCounts) -> AnchorReport {
        AnchorReport { name: name.into(), counts }
    }
}

impl fmt::Display for AnchorReport {
    /// ```text
    /// TimeBank: anchored events 1234; found by trigger 56.7%, by passage 78.9%; proposals 2345, on an annotated event 71.0% (trigger), 95.0% (passage)
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        write!(
            f,
            "{}: anchored events {}; found by trigger {:.1}%, by passage {:.1}%; proposals {}, on an annotated event {:.1}% (trigger), {:.1}% (passage)",
            self.name,
            c.gold,
            c.recall_trigger(),
            c.recall_passage(),
            c.proposals,
            c.precision_trigger(),
            c.precision_passage()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeml::{parse, GoldAnchor};

    /// "Prices rose on Monday, fell in 1998 and will stay." with the DCT linked too.
    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Prices <EVENT eid="e1" class="OCCURRENCE">rose</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3>, <EVENT eid="e2" class="OCCURRENCE">fell</EVENT> in <TIMEX3 tid="t2" type="DATE" value="1998">1998</TIMEX3> and will <EVENT eid="e3" class="STATE">stay</EVENT> for <TIMEX3 tid="t3" type="DURATION" value="P1W">a week</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="FUTURE"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t2" relatedToEventInstance="ei2"/>
<TLINK lid="l3" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t0"/>
<TLINK lid="l4" relType="DURING" eventInstanceID="ei3" relatedToTime="t3"/>
<TLINK lid="l5" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t2"/>
<TLINK lid="l6" relType="SIMULTANEOUS" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l7" relType="ENDS" timeID="t1" relatedToEventInstance="ei2"/>
<TLINK lid="l8" relType="IS_INCLUDED" eventInstanceID="ei9" relatedToTime="t1"/>
<TLINK lid="l9" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToEventInstance="ei2"/>
</TimeML>
"#;

    /// The char span of the first `needle` in the text.
    fn span(doc: &TimemlDoc, needle: &str) -> Range<usize> {
        let byte = doc.text.find(needle).unwrap();
        let start = doc.text[..byte].chars().count();
        start..start + needle.chars().count()
    }

    fn anchor(eid: &str, tid: &str, rel: &str) -> GoldAnchor {
        GoldAnchor { eid: eid.to_owned(), tid: tid.to_owned(), rel: rel.to_owned() }
    }

    #[test]
    fn parse_reads_events_tids_and_anchors() {
        let doc = parse(DOC).unwrap();
        assert_eq!(doc.text, "Prices rose on Monday, fell in 1998 and will stay for a week.");
        let events: Vec<(&str, &str, Range<usize>)> =
            doc.events.iter().map(|e| (e.eid.as_str(), e.class.as_str(), e.start..e.end)).collect();
        assert_eq!(
            events,
            [("e1", "OCCURRENCE", span(&doc, "rose")), ("e2", "OCCURRENCE", span(&doc, "fell")), ("e3", "STATE", span(&doc, "stay"))]
        );
        let tids: Vec<&str> = doc.gold.iter().map(|g| g.tid.as_str()).collect();
        assert_eq!(tids, ["t1", "t2", "t3"]);
        // l1 as written; l2 inverted; l6 a second pair for e2; l7 inverted (ENDS → ENDED_BY). Not the
        // DCT (l3), a DURATION (l4), BEFORE (l5), an unknown instance (l8) or an event–event link (l9).
        assert_eq!(doc.anchors, [anchor("e1", "t1", "IS_INCLUDED"), anchor("e2", "t2", "IS_INCLUDED"), anchor("e2", "t1", "ENDED_BY")]);
    }

    #[test]
    fn anchors_are_deduplicated_and_lenient() {
        let src = r#"<TEXT><EVENT eid="e1">a</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998">b</TIMEX3></TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1"/><MAKEINSTANCE eventID="e1" eiid="ei2"/>
<TLINK relType="SIMULTANEOUS" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK relType="BEGINS" eventInstanceID="ei2" relatedToTime="t1"/>
<TLINK relType="DURING_INV" timeID="t1" relatedToEventInstance="ei2"/>
<TLINK relType="IS_INCLUDED" relatedToTime="t1"/><TLINK relType="INCLUDES" timeID="t1"/><TLINK eventInstanceID="ei1" relatedToTime="t1"/>"#;
        let doc = parse(src).unwrap();
        assert_eq!(doc.anchors, [anchor("e1", "t1", "SIMULTANEOUS")]);
        // Unbalanced EVENT tags are skipped; an empty EVENT is an empty span.
        let doc = parse(r#"<TEXT></EVENT>a<EVENT eid="e1">b<EVENT eid="e2"/>c</EVENT><EVENT eid="e3">d</TEXT>"#).unwrap();
        let events: Vec<(&str, Range<usize>)> = doc.events.iter().map(|e| (e.eid.as_str(), e.start..e.end)).collect();
        assert_eq!(events, [("e1", 1..3), ("e2", 2..2)]);
        // An EVENT around or inside a TIMEX3.
        let doc = parse(r#"<TEXT><EVENT eid="e1">x <TIMEX3 tid="t1">y</TIMEX3></EVENT><TIMEX3><EVENT eid="e2">z</EVENT></TIMEX3></TEXT>"#)
            .unwrap();
        let events: Vec<(&str, Range<usize>)> = doc.events.iter().map(|e| (e.eid.as_str(), e.start..e.end)).collect();
        assert_eq!(events, [("e1", 0..3), ("e2", 3..4)]);
        assert_eq!((doc.gold[0].tid.as_str(), doc.gold[1].tid.as_str()), ("t1", ""));
    }

    #[test]
    fn same_date_compares_the_date_part() {
        assert!(same_date("1998-01-08", "1998-01-08"));
        assert!(same_date(" 1998-01-08 ", "1998-01-08"));
        assert!(same_date("199X", "199X"));
        assert!(same_date("1998", "1998"));
        assert!(same_date("1998-01-08T12:00", "1998-01-08"));
        assert!(same_date("1998-01-08TNI", "1998-01-08T10:30"));
        assert!(same_date("1998-01-XX", "1998-01"));
        assert!(same_date("1998-XX-XX", "1998"));
        assert!(same_date("199X", "199"));
        assert!(same_date("PRESENT_REF", "PRESENT_REF"));
        assert!(!same_date("PRESENT_REF", "PRESEN"));
        assert!(!same_date("1998-W02", "1998-01-08"));
        assert!(!same_date("1998-01-08", "1998-01"));
        assert!(!same_date("1998", "1998-01-08"));
        assert!(!same_date("1998-01", "1998-01-XX"));
        assert!(!same_date("XXXX", ""));
        assert!(!same_date("", ""));
    }

    #[test]
    fn score_counts_anchors_and_proposals() {
        let doc = parse(DOC).unwrap();
        let (rose, fell, stay) = (span(&doc, "rose"), span(&doc, "fell"), span(&doc, "stay"));
        let (monday, year) = (span(&doc, "Monday"), span(&doc, "1998"));
        let whole = 0..doc.text.chars().count();
        let proposed = [
            // e1 at t1, by trigger and passage.
            Proposed { trigger: rose.clone(), passage: 0..monday.end, date: monday.clone(), value: "1998-01-05".into() },
            // e2 at t2 by passage only: the trigger is "in".
            Proposed { trigger: fell.end + 1..fell.end + 3, passage: fell.start..year.end, date: year.clone(), value: "1998".into() },
            // e2 at t1: the wrong value.
            Proposed { trigger: fell.clone(), passage: whole.clone(), date: monday.clone(), value: "1998-01-06".into() },
            // On no event; its passage holds none either.
            Proposed { trigger: 0..6, passage: 0..6, date: 0..0, value: String::new() },
            // Malformed spans count as nothing.
            Proposed { trigger: Range { start: 9, end: 2 }, passage: Range { start: 40, end: 3 }, date: 99..1000, value: "1998".into() },
            // On e3 (no anchor), passage the whole text.
            Proposed { trigger: stay, passage: whole, date: 0..0, value: String::new() },
        ];
        let counts = score(&doc, &proposed);
        assert_eq!(
            counts,
            AnchorCounts {
                gold: 3,
                found_trigger: 1,
                found_passage: 2,
                proposals: 6,
                proposals_on_event: 3,
                proposals_passage_on_event: 4
            }
        );
        assert_eq!(score(&doc, &[]), AnchorCounts { gold: 3, ..AnchorCounts::default() });
        // Anchors to an event or timex the document lacks are not gold.
        let mut partial = doc.clone();
        partial.events.retain(|e| e.eid != "e2");
        assert_eq!(score(&partial, &[]).gold, 1);
    }

    #[test]
    fn reach_counts_anchors_within_one_sentence_and_read_right() {
        let src = r#"<TEXT>Prices <EVENT eid="e1">rose</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3>. They <EVENT eid="e2">fell</EVENT> in <TIMEX3 tid="t2" type="DATE" value="1998">1998</TIMEX3>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1"/><MAKEINSTANCE eventID="e2" eiid="ei2"/>
<TLINK relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1"/>
<TLINK relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2"/>"#;
        let doc = parse(src).unwrap();
        let sentences = [(0, 22), (23, doc.text.chars().count())];
        assert_eq!(&doc.text[..22], "Prices rose on Monday.");
        let (monday, year) = (span(&doc, "Monday"), span(&doc, "1998"));
        // "fell" at Monday is in the other sentence; 1998 is read as another year.
        let read = [(monday.clone(), "1998-01-05".to_owned()), (year.clone(), "1997".to_owned())];
        assert_eq!(reach(&doc, &sentences, &read), Reach { gold: 3, one_sentence: 2, one_sentence_read: 1 });
        // Read right, both in-sentence anchors count; a date that does not overlap the timex does not.
        let read = [(monday.clone(), "1998-01-05".to_owned()), (year.start - 3..year.start - 1, "1998".to_owned())];
        assert_eq!(reach(&doc, &sentences, &read).one_sentence_read, 1);
        let read = [(monday, "1998-01-05".to_owned()), (year, "1998".to_owned())];
        let r = reach(&doc, &sentences, &read);
        assert_eq!(r, Reach { gold: 3, one_sentence: 2, one_sentence_read: 2 });
        // No sentences: nothing is in reach; the sums and the report.
        assert_eq!(reach(&doc, &[], &read), Reach { gold: 3, ..Reach::default() });
        let mut sum: Reach = [r, Reach { gold: 1, ..Reach::default() }].into_iter().sum();
        assert_eq!(sum, Reach { gold: 4, one_sentence: 2, one_sentence_read: 2 });
        sum += Reach::default();
        assert_eq!((sum.one_sentence_share(), sum.one_sentence_read_share(), Reach::default().one_sentence_share()), (50.0, 50.0, 0.0));
        assert_eq!(
            sum.to_string(),
            "in reach of a one-sentence passage 50.0% (event and date in one sentence), 50.0% (and the date read right)"
        );
    }

    #[test]
    fn counts_add_up_and_report() {
        let a = AnchorCounts {
            gold: 3,
            found_trigger: 1,
            found_passage: 2,
            proposals: 6,
            proposals_on_event: 3,
            proposals_passage_on_event: 4,
        };
        let b = AnchorCounts {
            gold: 1,
            found_trigger: 1,
            found_passage: 1,
            proposals: 2,
            proposals_on_event: 1,
            proposals_passage_on_event: 2,
        };
        let sum: AnchorCounts = [a, b].into_iter().sum();
        let mut c = a;
        c += b;
        assert_eq!(sum, c);
        assert_eq!(sum, a + b);
        assert_eq!(
            (sum.recall_trigger(), sum.recall_passage(), sum.precision_trigger(), sum.precision_passage()),
            (50.0, 75.0, 50.0, 75.0)
        );
        let empty = AnchorCounts::default();
        assert_eq!(
            (empty.recall_trigger(), empty.recall_passage(), empty.precision_trigger(), empty.precision_passage()),
            (0.0, 0.0, 0.0, 0.0)
        );
        assert_eq!(
            AnchorReport::new("TimeBank", sum).to_string(),
            "TimeBank: anchored events 4; found by trigger 50.0%, by passage 75.0%; proposals 8, on an annotated event 50.0% (trigger), 75.0% (passage)"
        );
    }
}
