//! Search and filters: which events match a query (in their titles, summaries and passages) and
//! where the documents' whole texts mention it, within the filters (document, publisher, date
//! precision). Each word typed must begin a word of the text, whatever its case ("rail" finds
//! "Railway", "way" does not); a quoted phrase, or a word with a hyphen, is matched as written.
//! The index is built once per data set: the events' folded text and, over it, every distinct
//! word with the events it is in, so a word typed is a binary search and a union of postings, and
//! a keystroke at 100,000 events answers in milliseconds (`examples/search_scale.rs` and
//! `bench/search.mjs` print the figures). The query lives in the URL's fragment
//! (`#q=…&doc=…&publisher=…&precision=…`), so a filtered view can be shared and embedded.

use memchr::memmem::Finder;

use citeline_model::date::Granularity;
use citeline_model::timeline::Timeline;

use crate::layout::PlacedItem;
use crate::session::Session;
use crate::tracks::{TrackBy, Tracks};
use std::collections::BTreeSet;

/// What the reader asked for: words (all must match; `"a phrase"` in quotes matches as written)
/// and filters. Empty fields filter nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchQuery {
    /// The words typed.
    pub text: String,
    /// Only events with a passage from this document (its id).
    pub document: Option<String>,
    /// Only events with a passage from a document by this publisher.
    pub publisher: Option<String>,
    /// Only events dated to this precision.
    pub precision: Option<Granularity>,
}

/// The URL fragment's keys a query uses.
pub const QUERY_KEYS: [&str; 4] = ["q", "doc", "publisher", "precision"];

impl SearchQuery {
    /// Whether it asks for nothing (every event shown as it is).
    pub fn is_empty(&self) -> bool {
        self.terms().is_empty() && self.document.is_none() && self.publisher.is_none() && self.precision.is_none()
    }

    /// The query from the fragment's (already decoded) key–value pairs; unknown keys and values
    /// are passed over.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchQuery {
        let mut query = SearchQuery::default();
        let some = |v: &str| (!v.trim().is_empty()).then(|| v.to_owned());
        for (key, value) in pairs {
            match key {
                "q" => query.text = value.to_owned(),
                "doc" => query.document = some(value),
                "publisher" => query.publisher = some(value),
                "precision" => query.precision = PRECISIONS.iter().copied().find(|g| g.as_str() == value),
                _ => {}
            }
        }
        query
    }

    /// Its key–value pairs for the fragment, in a fixed order, leaving out what is empty.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.text.trim().is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        if let Some(d) = &self.document {
            pairs.push(("doc", d.clone()));
        }
        if let Some(p) = &self.publisher {
            pairs.push(("publisher", p.clone()));
        }
        if let Some(g) = self.precision {
            pairs.push(("precision", g.as_str().to_owned()));
        }
        pairs
    }

    /// The folded terms: words, and quoted phrases kept whole.
    pub fn terms(&self) -> Vec<String> {
        let mut terms = Vec::new();
        for (i, part) in self.text.split('"').enumerate() {
            if i % 2 == 1 {
                let phrase = fold(part.trim());
                if !phrase.is_empty() {
                    terms.push(phrase);
                }
            } else {
                terms.extend(part.split_whitespace().map(fold).filter(|w| !w.is_empty()));
            }
        }
        terms
    }
}

/// Every precision, coarsest first (the filter's choices).
pub const PRECISIONS: [Granularity; 6] =
    [Granularity::Century, Granularity::Decade, Granularity::Year, Granularity::Month, Granularity::Day, Granularity::Time];

/// Text as the search compares it: lower case (so "Contest" finds "CONTEST"). ASCII text, most
/// of it, takes the fast path.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// Places in a document counted at most: past it, the count says "more than".
pub const MAX_COUNTED: usize = 1000;

/// The searchable text of one data set, built once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every event's title, summary and passages' quotes, folded, one per line, events one after
    /// another (timeline order): one buffer, scanned in one pass per term.
    events: String,
    /// Where each event's text starts in `events`, and where the last ends.
    starts: Vec<usize>,
    /// Every distinct word of the events' text, sorted (a query word finds the words it begins
    /// with by binary search).
    words: Vec<Box<str>>,
    /// The events holding `words[i]` are `postings[offsets[i]..offsets[i + 1]]`, in order.
    offsets: Vec<u32>,
    /// Event indexes, word after word.
    postings: Vec<u32>,
    /// For each ASCII letter and digit, the events with a word that begins with it (one bit per
    /// event): a first keystroke's answer, which would otherwise be the union of a large share of
    /// all postings.
    initials: Vec<(u8, Vec<u64>)>,
    /// Per event: the documents (indexes) its passages come from.
    event_documents: Vec<Vec<u32>>,
    /// Per event: its date's precision.
    precisions: Vec<Granularity>,
    /// Per document (timeline order): its whole text, folded; empty for a document that is
    /// mostly its events' own passages (an imported file's text), which the events' search
    /// already covers.
    documents: Vec<String>,
}

/// Where a document's whole text mentions the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentHit {
    /// The document's index in the timeline.
    pub document: usize,
    /// How many places mention the first term (at most [`MAX_COUNTED`]).
    pub count: usize,
    /// The first mention's chars in the document's text, `[start, end)`.
    pub first: (usize, usize),
}

/// What a query found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResult {
    /// Per event (timeline order): whether it matches. Empty when the query is empty (all shown).
    pub matches: Vec<bool>,
    /// How many events match.
    pub count: usize,
    /// The documents (within the filters) whose text mentions every term, with where.
    pub documents: Vec<DocumentHit>,
}

impl SearchResult {
    /// The same answer without what the hidden tracks hold: their events, and (in tracks by
    /// source) their documents' places. The legend's boxes are the search's track filter.
    pub fn within_tracks(&self, tracks: &Tracks, hidden: &BTreeSet<String>, timeline: &Timeline) -> SearchResult {
        let hidden_track = |t: Option<usize>| t.and_then(|t| tracks.tracks().get(t)).is_some_and(|t| hidden.contains(&t.key));
        if hidden.is_empty() || self.matches.is_empty() {
            return self.clone();
        }
        let matches: Vec<bool> = self.matches.iter().enumerate().map(|(i, &m)| m && !hidden_track(tracks.track_of(i))).collect();
        let documents = self
            .documents
            .iter()
            .filter(|hit| tracks.by() != TrackBy::Document || timeline.documents.get(hit.document).is_none_or(|d| !hidden.contains(&d.id)))
            .cloned()
            .collect();
        SearchResult { count: matches.iter().filter(|&&m| m).count(), matches, documents }
    }

    /// Whether the event at `index` is shown as a match (everything is, with no query).
    pub fn is_match(&self, index: usize) -> bool {
        self.matches.get(index).copied().unwrap_or(self.matches.is_empty())
    }

    /// Whether a query is active (so non-matches are dimmed).
    pub fn is_active(&self) -> bool {
        !self.matches.is_empty()
    }
}

impl SearchIndex {
    /// The index of `timeline`'s events and documents.
    pub fn of_timeline(timeline: &Timeline) -> SearchIndex {
        // Ids to positions once, not a scan of the documents per passage.
        let positions: rustc_hash::FxHashMap<&str, u32> =
            timeline.documents.iter().enumerate().rev().map(|(i, d)| (d.id.as_str(), i as u32)).collect();
        let document_index = |id: &str| positions.get(id).copied();
        let mut index = SearchIndex::default();
        let mut text = String::new();
        for event in &timeline.events {
            index.starts.push(text.len());
            text.push_str(&event.title);
            text.push('\n');
            text.push_str(&event.summary);
            let mut documents = Vec::new();
            for passage in &event.passages {
                text.push('\n');
                text.push_str(&passage.quote.exact);
                if let Some(d) = document_index(&passage.document).filter(|d| !documents.contains(d)) {
                    documents.push(d);
                }
            }
            // A line end keeps a phrase from running on into the next event.
            text.push('\n');
            index.event_documents.push(documents);
            index.precisions.push(event.date.granularity());
        }
        index.starts.push(text.len());
        // Folding changes lengths only outside ASCII (rare): then it goes event by event, so each
        // start moves with it.
        index.events = if text.is_ascii() {
            text.make_ascii_lowercase();
            text
        } else {
            let mut folded = String::with_capacity(text.len());
            let mut starts = Vec::with_capacity(index.starts.len());
            for w in index.starts.windows(2) {
                starts.push(folded.len());
                folded.push_str(&fold(&text[w[0]..w[1]]));
            }
            starts.push(folded.len());
            index.starts = starts;
            folded
        };
        index.index_words();
        // How much of each document the passages quote: a document that is mostly quoted is
        // the events' own text (TimelineJS3's slides, a sheet's rows), searched with them.
        let mut quoted = vec![0usize; timeline.documents.len()];
        for passage in timeline.events.iter().flat_map(|e| &e.passages) {
            if let Some(d) = document_index(&passage.document) {
                quoted[d as usize] += passage.quote.exact.len();
            }
        }
        index.documents = timeline
            .documents
            .iter()
            .zip(quoted)
            .map(|(d, quoted)| if quoted * 2 >= d.text.len() { String::new() } else { fold(&d.text) })
            .collect();
        index
    }

    /// The word index: each distinct word of the events' folded text with the events it is in.
    fn index_words(&mut self) {
        // FxHash: millions of short words are hashed here, and none comes from an adversary
        // that could make them collide on purpose to any effect but a slower index.
        let mut by_word: rustc_hash::FxHashMap<&str, Vec<u32>> = rustc_hash::FxHashMap::default();
        for (event, w) in self.starts.windows(2).enumerate() {
            for word in words(&self.events[w[0]..w[1]]) {
                let events = by_word.entry(word).or_default();
                if events.last() != Some(&(event as u32)) {
                    events.push(event as u32);
                }
            }
        }
        let mut sorted: Vec<(&str, Vec<u32>)> = by_word.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut offsets = Vec::with_capacity(sorted.len() + 1);
        let mut postings = Vec::with_capacity(sorted.iter().map(|(_, e)| e.len()).sum());
        let mut words = Vec::with_capacity(sorted.len());
        for (word, events) in sorted {
            offsets.push(postings.len() as u32);
            postings.extend(events);
            words.push(Box::from(word));
        }
        offsets.push(postings.len() as u32);
        (self.words, self.offsets, self.postings) = (words, offsets, postings);
        // Words are sorted, so those that begin with one byte are a run.
        let events = self.starts.len().saturating_sub(1);
        let mut initials: Vec<(u8, Vec<u64>)> = Vec::new();
        for (i, word) in self.words.iter().enumerate() {
            let first = word.as_bytes()[0];
            if !first.is_ascii_alphanumeric() {
                continue;
            }
            if initials.last().is_none_or(|(b, _)| *b != first) {
                initials.push((first, vec![0; events.div_ceil(64)]));
            }
            if let Some((_, bits)) = initials.last_mut() {
                for &e in &self.postings[self.offsets[i] as usize..self.offsets[i + 1] as usize] {
                    bits[e as usize / 64] |= 1 << (e % 64);
                }
            }
        }
        self.initials = initials;
    }

    /// Narrows `wanted` to the events where `term` begins a word. A term that is one word is
    /// answered from the word index (the events of every word it begins); one of several words
    /// ("counter-terrorism", a quoted phrase) takes the index's candidates and checks each
    /// event's text. When few events are still wanted, their texts are checked directly.
    fn events_with(&self, term: &str, finder: &Finder, wanted: &mut [bool]) {
        let parts: Vec<&str> = words(term).collect();
        let still = wanted.iter().filter(|&&w| w).count();
        let postings = |part: &&str| match self.initial(part) {
            Some(_) => 0,
            None => {
                let (lo, hi) = self.begun_by(part);
                (self.offsets[hi] - self.offsets[lo]) as usize
            }
        };
        match parts.iter().map(postings).min() {
            // Read the texts: no word to look up (punctuation alone), or fewer texts than postings.
            Some(n) if n <= 4 * still => self.use_word_index(term, &parts, finder, wanted),
            _ => self.check_texts(finder, wanted),
        }
    }

    /// [`SearchIndex::events_with`] by the word index: the events holding a word that each of
    /// `parts` begins, then (unless the term is one word) their texts read for the whole term.
    fn use_word_index(&self, term: &str, parts: &[&str], finder: &Finder, wanted: &mut [bool]) {
        for part in parts {
            if let Some(bits) = self.initial(part) {
                for (e, w) in wanted.iter_mut().enumerate().filter(|(_, w)| **w) {
                    *w = bits[e / 64] & (1 << (e % 64)) != 0;
                }
                continue;
            }
            let (lo, hi) = self.begun_by(part);
            let mut this = vec![false; wanted.len()];
            for &e in &self.postings[self.offsets[lo] as usize..self.offsets[hi] as usize] {
                this[e as usize] = true;
            }
            wanted.iter_mut().zip(this).for_each(|(w, t)| *w &= t);
        }
        if !(parts.len() == 1 && parts[0] == term) {
            self.check_texts(finder, wanted);
        }
    }

    /// The events with a word beginning with `part`, when it is one ASCII letter or digit.
    fn initial(&self, part: &str) -> Option<&[u64]> {
        let &[byte] = part.as_bytes() else { return None };
        self.initials.iter().find(|(b, _)| *b == byte).map(|(_, bits)| bits.as_slice())
    }

    /// The words (a range of `words`) that begin with `part`.
    fn begun_by(&self, part: &str) -> (usize, usize) {
        let lo = self.words.partition_point(|w| w.as_ref() < part);
        let hi = lo + self.words[lo..].partition_point(|w| w.starts_with(part));
        (lo, hi)
    }

    /// Narrows `wanted` to the events whose text has `finder`'s term at the start of a word.
    fn check_texts(&self, finder: &Finder, wanted: &mut [bool]) {
        for (i, w) in wanted.iter_mut().enumerate().filter(|(_, w)| **w) {
            *w = begins_a_word(&self.events[self.starts[i]..self.starts[i + 1]], finder).is_some();
        }
    }

    /// The events and documents that `query` finds in `timeline` (the data this was built from).
    pub fn find(&self, timeline: &Timeline, query: &SearchQuery) -> SearchResult {
        self.refine(timeline, query, None)
    }

    /// As [`SearchIndex::find`], given the last query and what it found: when the new one only
    /// narrows it (the same filters, and each earlier term inside one of the new terms, as typing
    /// on does), only the earlier matches are looked at again.
    pub fn refine(&self, timeline: &Timeline, query: &SearchQuery, last: Option<(&SearchQuery, &SearchResult)>) -> SearchResult {
        if query.is_empty() {
            return SearchResult::default();
        }
        let terms = query.terms();
        let narrows = |(before, found): (&SearchQuery, &SearchResult)| {
            let same_filters =
                (&before.document, &before.publisher, before.precision) == (&query.document, &query.publisher, query.precision);
            let within = before.terms().iter().all(|old| terms.iter().any(|new| new.contains(old.as_str())));
            (same_filters && within && found.matches.len() == self.precisions.len()).then(|| found.matches.clone())
        };
        let earlier = last.and_then(narrows);
        let finders: Vec<Finder> = terms.iter().map(|t| Finder::new(t.as_bytes())).collect();
        let has_all = |text: &str| finders.iter().all(|f| begins_a_word(text, f).is_some());
        // The documents within the filters.
        let allowed: Vec<bool> = timeline
            .documents
            .iter()
            .map(|d| query.document.as_deref().is_none_or(|id| d.id == id) && query.publisher.as_deref().is_none_or(|p| d.publisher == p))
            .collect();
        let filtered_by_document = query.document.is_some() || query.publisher.is_some();
        let mut matches: Vec<bool> = earlier.unwrap_or_else(|| {
            (0..self.precisions.len())
                .map(|i| {
                    query.precision.is_none_or(|g| self.precisions[i] == g)
                        && (!filtered_by_document || self.event_documents[i].iter().any(|&d| allowed[d as usize]))
                })
                .collect()
        });
        // The longest term first: it usually leaves the fewest events for the others.
        let mut by_length: Vec<(&String, &Finder)> = terms.iter().zip(&finders).collect();
        by_length.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        for (term, finder) in by_length {
            self.events_with(term, finder, &mut matches);
        }
        let count = matches.iter().filter(|&&m| m).count();
        let mut documents = Vec::new();
        if !terms.is_empty() {
            for (d, text) in self.documents.iter().enumerate().filter(|&(d, text)| allowed[d] && !text.is_empty()) {
                if !has_all(text) {
                    continue;
                }
                let mut hits = finders[0].find_iter(text.as_bytes()).filter(|&at| starts_word(text, at)).take(MAX_COUNTED);
                let Some(at) = hits.next() else { continue };
                let count = 1 + hits.count();
                // In the document's own chars (folding can change how many there are).
                let original = &timeline.documents[d].text;
                let first = (chars_before(original, at), chars_before(original, at + terms[0].len()));
                documents.push(DocumentHit { document: d, count, first });
            }
        }
        SearchResult { matches, count, documents }
    }
}

/// The words of folded text: its runs of letters and digits (ASCII byte by byte, the rest by
/// character).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let in_word = |at: usize| match bytes[at] {
            b if b.is_ascii() => b.is_ascii_alphanumeric(),
            _ => text[at..].chars().next().is_some_and(char::is_alphanumeric),
        };
        let step = |at: usize| if bytes[at].is_ascii() { 1 } else { text[at..].chars().next().map_or(1, char::len_utf8) };
        while at < bytes.len() && !in_word(at) {
            at += step(at);
        }
        let start = at;
        while at < bytes.len() && in_word(at) {
            at += step(at);
        }
        (at > start).then(|| &text[start..at])
    })
}

/// Where `finder`'s term first occurs in `text` at the start of a word (after a character that
/// is not a letter or digit, or at the start), if it does.
fn begins_a_word(text: &str, finder: &Finder) -> Option<usize> {
    finder.find_iter(text.as_bytes()).find(|&at| starts_word(text, at))
}

/// Whether byte `at` of `text` starts a word: it is the start, or comes after a character that
/// is not a letter or digit.
fn starts_word(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// How many chars of `original` fold to its first `folded_bytes` bytes (rounding up to a whole
/// char): where a place found in folded text is in the text itself.
fn chars_before(original: &str, folded_bytes: usize) -> usize {
    if original.is_ascii() {
        return folded_bytes.min(original.len());
    }
    let mut folded = 0;
    original
        .chars()
        .take_while(|c| {
            let before = folded;
            folded += c.to_lowercase().map(char::len_utf8).sum::<usize>();
            before < folded_bytes
        })
        .count()
}

/// Whether a drawn item is a match: an event that matches, or a cluster with one among its
/// members (so the reader sees where to zoom).
pub fn item_matches(session: &Session, result: &SearchResult, item: &PlacedItem) -> bool {
    match item {
        PlacedItem::Event(e) => session.index().position_of(&e.id).is_some_and(|i| result.is_match(i)),
        PlacedItem::Cluster(c) => session.cluster_members(&c.info).iter().any(|&i| result.is_match(i)),
    }
}

/// The byte ranges of `text` where the query's terms occur (for marking them), in order and
/// not overlapping. Matching is on folded text; a range is mapped back to `text`'s own chars, so
/// it always falls on char boundaries.
pub fn marks(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    // Fold char by char, remembering where each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            let before = folded.len();
            folded.push(lower);
            origin.extend(std::iter::repeat_n(at, folded.len() - before));
        }
    }
    origin.push(text.len());
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in terms.iter().filter(|t| !t.is_empty()) {
        for at in Finder::new(term.as_bytes()).find_iter(folded.as_bytes()).filter(|&at| starts_word(&folded, at)) {
            let end_folded = at + term.len();
            // The original char that the last folded byte belongs to ends the range.
            let last = origin[end_folded - 1];
            let end = text[last..].chars().next().map_or(text.len(), |c| last + c.len_utf8());
            ranges.push((origin[at], end));
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use citeline_model::seed::seed_timeline;

    fn seed() -> Timeline {
        seed_timeline().expect("seed").0
    }

    fn ids(timeline: &Timeline, result: &SearchResult) -> Vec<String> {
        timeline.events.iter().enumerate().filter(|(i, _)| result.is_match(*i)).map(|(_, e)| e.id.clone()).collect()
    }

    fn q(text: &str) -> SearchQuery {
        SearchQuery { text: text.into(), ..SearchQuery::default() }
    }

    #[test]
    fn words_must_all_match_in_title_summary_or_passage_whatever_their_case() {
        let timeline = seed();
        let index = SearchIndex::of_timeline(&timeline);
        let forum = index.find(&timeline, &q("global internet"));
        assert_eq!(ids(&timeline, &forum), ["global-internet-forum-trip"]);
        assert_eq!(forum.count, 1);
        assert!(forum.is_active());
        // "Manchester" is in the 2017 attacks' passages.
        assert!(ids(&timeline, &index.find(&timeline, &q("MANCHESTER"))).contains(&"attacks-2017".to_owned()));
        assert_eq!(index.find(&timeline, &q("manchester zebra")).count, 0, "every word must match");
        // A phrase in quotes matches as written, not word by word.
        let phrase = index.find(&timeline, &q("\"internet forum\""));
        assert_eq!(ids(&timeline, &phrase), ["global-internet-forum-trip"]);
        assert_eq!(index.find(&timeline, &q("\"forum internet\"")).count, 0);
        // No query: nothing is dimmed.
        let none = index.find(&timeline, &q("  "));
        assert!(!none.is_active() && none.is_match(0));
    }

    #[test]
    fn typing_on_narrows_what_the_last_query_found_and_finds_the_same_as_a_fresh_search() {
        let timeline = seed();
        let index = SearchIndex::of_timeline(&timeline);
        let typed = "counter-terrorism strategy 2018";
        let mut last: Option<(SearchQuery, SearchResult)> = None;
        for end in 1..=typed.len() {
            let query = q(&typed[..end]);
            let refined = index.refine(&timeline, &query, last.as_ref().map(|(q, r)| (q, r)));
            assert_eq!(refined, index.find(&timeline, &query), "{:?}", &typed[..end]);
            last = Some((query, refined));
        }
        // Deleting a word, or changing a filter, is a fresh search.
        let (before, found) = last.expect("typed");
        let wider = q("strategy");
        assert_eq!(index.refine(&timeline, &wider, Some((&before, &found))), index.find(&timeline, &wider));
        let filtered = SearchQuery { precision: Some(Granularity::Day), ..before.clone() };
        assert_eq!(index.refine(&timeline, &filtered, Some((&before, &found))), index.find(&timeline, &filtered));
    }

    #[test]
    fn drawn_events_and_clusters_match_when_they_hold_a_match() {
        use crate::layout::layout_indexed;
        use crate::session::{Session, Start};
        let timeline = seed();
        let session = Session::new(std::rc::Rc::new(timeline.clone()), &Start::default());
        let index = session.index();
        let found = SearchIndex::of_timeline(&timeline).find(&timeline, &q("forum"));
        let view = session.view();
        // Wide: every event drawn alone; narrow: some in clusters.
        for width in [1280.0, 120.0] {
            let frame = layout_indexed(&timeline, index, view, width);
            for item in &frame.items {
                let holds = match item {
                    PlacedItem::Event(e) => e.id == "global-internet-forum-trip",
                    PlacedItem::Cluster(c) => index
                        .members_at(c.info.first, c.info.members)
                        .iter()
                        .any(|&i| timeline.events[i].id == "global-internet-forum-trip"),
                };
                assert_eq!(item_matches(&session, &found, item), holds, "{} at {width}", item.key());
            }
        }
    }

    #[test]
    fn hidden_tracks_leave_the_answer_with_their_events_and_in_tracks_by_source_their_documents() {
        use crate::tracks::{TrackBy, Tracks};
        let timeline = seed();
        let found = SearchIndex::of_timeline(&timeline).find(&timeline, &q("strategy"));
        let tracks = Tracks::of(&timeline, TrackBy::Document);
        let hidden_key = tracks.tracks()[0].key.clone();
        let hidden: BTreeSet<String> = [hidden_key.clone()].into();
        let within = found.within_tracks(&tracks, &hidden, &timeline);
        for i in 0..timeline.events.len() {
            let in_hidden = tracks.track_of(i).is_some_and(|t| tracks.tracks()[t].key == hidden_key);
            assert_eq!(within.is_match(i), found.is_match(i) && !in_hidden, "{}", timeline.events[i].id);
        }
        assert!(within.count < found.count, "{} of {}", within.count, found.count);
        assert!(within.documents.iter().all(|hit| timeline.documents[hit.document].id != hidden_key));
        assert!(found.documents.iter().any(|hit| timeline.documents[hit.document].id == hidden_key), "the hidden source mentions it");
        assert_eq!(found.within_tracks(&tracks, &BTreeSet::new(), &timeline), found, "nothing hidden, nothing changes");
    }

    #[test]
    fn a_word_typed_must_begin_a_word_and_the_index_answers_as_reading_every_text_would() {
        let timeline = seed();
        let index = SearchIndex::of_timeline(&timeline);
        assert!(index.find(&timeline, &q("terror")).count > 0);
        assert_eq!(index.find(&timeline, &q("errorism")).count, 0, "not inside a word");
        // Every prefix of every word of the seed, and some that are not words: the word index
        // and a plain reading of each event's text agree.
        let mut probes: Vec<String> =
            index.words.iter().flat_map(|w| (1..=w.chars().count()).map(|n| w.chars().take(n).collect::<String>())).collect();
        probes.extend(["counter-terrorism", "8 june", "2018", "-", "zz", "strategy."].map(str::to_owned));
        probes.sort();
        probes.dedup();
        for probe in probes.iter().take(3000) {
            let finder = Finder::new(probe.as_bytes());
            let parts: Vec<&str> = words(probe).collect();
            if parts.is_empty() {
                continue;
            }
            let mut by_index = vec![true; timeline.events.len()];
            index.use_word_index(probe, &parts, &finder, &mut by_index);
            let mut by_reading = vec![true; timeline.events.len()];
            index.check_texts(&finder, &mut by_reading);
            assert_eq!(by_index, by_reading, "{probe:?}");
        }
    }

    #[test]
    fn the_documents_whole_text_is_searched_too() {
        let timeline = seed();
        let index = SearchIndex::of_timeline(&timeline);
        let result = index.find(&timeline, &q("strategy"));
        assert!(!result.documents.is_empty());
        for hit in &result.documents {
            let text = &timeline.documents[hit.document].text;
            let found: String = text.chars().skip(hit.first.0).take(hit.first.1 - hit.first.0).collect();
            assert_eq!(found.to_lowercase(), "strategy");
            assert!(hit.count >= 1);
        }
    }

    #[test]
    fn filters_by_document_publisher_and_precision() {
        let timeline = seed();
        let index = SearchIndex::of_timeline(&timeline);
        let day = index.find(&timeline, &SearchQuery { precision: Some(Granularity::Day), ..SearchQuery::default() });
        assert!(day.count >= 2);
        for (i, event) in timeline.events.iter().enumerate() {
            assert_eq!(day.is_match(i), event.date.granularity() == Granularity::Day, "{}", event.id);
        }
        let document = &timeline.documents[1];
        let by_document = index.find(&timeline, &SearchQuery { document: Some(document.id.clone()), ..SearchQuery::default() });
        for (i, event) in timeline.events.iter().enumerate() {
            assert_eq!(by_document.is_match(i), event.passages.iter().any(|p| p.document == document.id), "{}", event.id);
        }
        let by_publisher = index.find(&timeline, &SearchQuery { publisher: Some(document.publisher.clone()), ..SearchQuery::default() });
        assert!(by_publisher.count >= by_document.count);
        assert!(by_publisher.documents.is_empty(), "no words: no places in the documents to list");
    }

    #[test]
    fn a_query_goes_to_the_fragment_and_back() {
        let query = SearchQuery {
            text: "forum \"8 June\"".into(),
            document: Some("apcc".into()),
            publisher: None,
            precision: Some(Granularity::Day),
        };
        let pairs = query.to_pairs();
        assert_eq!(pairs.iter().map(|(k, _)| *k).collect::<Vec<_>>(), ["q", "doc", "precision"]);
        let back = SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, query);
        assert_eq!(SearchQuery::from_pairs([("precision", "fortnight"), ("event", "x")]), SearchQuery::default());
    }

    #[test]
    fn a_place_in_a_document_is_counted_in_its_own_chars_whatever_folding_does() {
        let mut timeline = seed();
        timeline.documents[0].text = format!("İİ Ünter the bridge. {}", timeline.documents[0].text);
        let index = SearchIndex::of_timeline(&timeline);
        let hit = index.find(&timeline, &q("bridge")).documents.into_iter().find(|h| h.document == 0).expect("found");
        let text: Vec<char> = timeline.documents[0].text.chars().collect();
        assert_eq!(text[hit.first.0..hit.first.1].iter().collect::<String>(), "bridge");
        assert_eq!(chars_before("abc", 2), 2);
        assert_eq!(chars_before("İx", 3), 1, "İ folds to 3 bytes");
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_in_any_script() {
        let found: Vec<&str> = words("counter-terrorism, 8 june 2018; école (élan) i̇stanbul…ok").collect();
        // (A combining mark is neither letter nor digit to std, so it splits "i̇stanbul": a word
        // typed after one still finds it, as if it began a word.)
        assert_eq!(found, ["counter", "terrorism", "8", "june", "2018", "école", "élan", "i", "stanbul", "ok"]);
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" -- ").count(), 0);
    }

    #[test]
    fn marks_fall_on_the_original_text_whatever_folding_does() {
        let text = "The Home Secretary: CONTEST, contest and İstanbul.";
        let terms = q("contest istanbul").terms();
        let ranges = marks(text, &terms);
        let marked: Vec<&str> = ranges.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(marked, ["CONTEST", "contest"], "İ folds to i + a combining dot, so \"istanbul\" is not in it");
        assert_eq!(marks("ÉCOLE école", &q("école").terms()).len(), 2);
        assert!(marks("anything", &[]).is_empty());
        // Overlapping terms are one mark.
        assert_eq!(marks("counter-terrorism", &q("counter terror").terms()), [(0, 7), (8, 14)]);
        assert_eq!(marks("terrorism", &q("terror error").terms()), [(0, 6)]);
    }

    proptest::proptest! {
        #[test]
        fn marks_never_split_a_char_or_leave_the_text(text in "\\PC{0,40}", term in "\\PC{1,4}") {
            for (a, b) in marks(&text, &[fold(&term)]) {
                proptest::prop_assert!(a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b));
            }
        }
    }
}
