//! From mentions to proposed events: one per happening and date (see [`crate::happenings`]), titled
//! from the happening and its participants, anchored to its sentence (or clause) as its passage.

use citeline_model::anchor::{TextPositionSelector, TextQuoteSelector};
use citeline_model::date::{DateValue, EventDate, Qualifier};
use citeline_model::document::Document;
use citeline_model::timeline::{DateBasis, DateBasisKind, Event, Passage, Support};

use super::happenings::{clause_of, title_for, trigger_for, TriggerKind};
use super::sentence::sentences;
use super::tokens::{tokenize, Token};
use super::{extract, Locale, Mention, Modifier, TimexType, ValueBasis};

/// Characters of quote context kept with each passage.
const CONTEXT_CHARS: usize = 32;

/// The data model's date for a mention, where one fits (years, months, days, times).
fn date_of(m: &Mention) -> Option<DateValue> {
    if !matches!(m.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    // TIMEX3 writes a decade as `199` and a century as `18`; EDTF as `199X` and `18XX`.
    let value = match m.value.as_str() {
        v if v.len() == 3 && v.bytes().all(|b| b.is_ascii_digit()) => format!("{v}X"),
        v if v.len() == 2 && v.bytes().all(|b| b.is_ascii_digit()) => format!("{v}XX"),
        v => v.to_owned(),
    };
    let date: DateValue = value.parse().ok().or_else(|| value.split_once('T').and_then(|(day, _)| day.parse().ok()))?;
    // "about 2010", "the early 1990s", "mid-2018": the text gives it as about that date.
    let approximate = matches!(m.modifier, Some(Modifier::Approx | Modifier::Start | Modifier::Mid | Modifier::End));
    Some(if approximate { date.qualified(Qualifier { approximate: true, uncertain: false }) } else { date })
}

fn basis(m: &Mention, document: &Document) -> DateBasis {
    let published = document
        .published
        .as_ref()
        .map_or_else(|| "the publication date".to_owned(), |p| format!("the publication date, {}", p.date.display_long()));
    let (kind, explanation) = match m.resolution {
        ValueBasis::Stated => (DateBasisKind::Stated, format!("The text states it: \"{}\".", m.text)),
        ValueBasis::ReferenceDate => (DateBasisKind::Resolved, format!("\"{}\" resolved against {published}.", m.text)),
        ValueBasis::ReferenceYear => (
            DateBasisKind::Resolved,
            format!("\"{}\" gives no year; the year comes from {published} and the tense of the sentence.", m.text),
        ),
        ValueBasis::WeekdayChecked => (
            DateBasisKind::Resolved,
            format!("\"{}\" gives no year; it is the year near {published} in which that day falls on that weekday.", m.text),
        ),
        ValueBasis::LastMentioned => {
            (DateBasisKind::Resolved, format!("\"{}\" resolved against the date mentioned just before it.", m.text))
        }
        ValueBasis::Unanchored => (DateBasisKind::Stated, format!("\"{}\".", m.text)),
    };
    DateBasis { kind, explanation }
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(6) {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Proposes one event for each sentence of `document` that has a specific date: its most precise
/// DATE/TIME mention gives the date, the sentence is the passage (supporting both date and
/// description). Ids are `<document id>-<char offset>-<slug>`, unique within the document.
pub fn propose_events(document: &Document, locale: Locale) -> Vec<Event> {
    let chunk = Chunk { start_char: 0, end_char: document.text.chars().count(), start_byte: 0, end_byte: document.text.len() };
    let mut found = Vec::new();
    propose_in(document, &chunk, locale, &mut found);
    found.into_iter().map(|h| h.event).collect()
}

/// Proposes events chunk by chunk (chunks of about `chunk_chars`, cut at paragraph breaks), so a
/// caller can report progress and stay responsive on large texts. Yields (chars done, chars in all,
/// events of the chunk). Each chunk costs time linear in its own length.
pub fn propose_events_chunked(
    document: &Document,
    locale: Locale,
    chunk_chars: usize,
) -> impl Iterator<Item = (usize, usize, Vec<Event>)> + '_ {
    let bounds = chunk_bounds(&document.text, chunk_chars.max(1000));
    let total = bounds.last().map_or(0, |c| c.end_char);
    bounds.into_iter().map(move |chunk| {
        let mut found = Vec::new();
        propose_in(document, &chunk, locale, &mut found);
        (chunk.end_char, total, found.into_iter().map(|h| h.event).collect())
    })
}

/// A piece of the text: char and byte bounds.
struct Chunk {
    start_char: usize,
    end_char: usize,
    start_byte: usize,
    end_byte: usize,
}

/// Chunks cut at paragraph breaks (else line breaks, else anywhere), about `chunk_chars` long.
fn chunk_bounds(text: &str, chunk_chars: usize) -> Vec<Chunk> {
    let mut out = Vec::new();
    let (mut start_char, mut start_byte) = (0, 0);
    let (mut chars_in, mut last_para, mut last_line) = (0usize, None, None);
    let mut previous = '\0';
    for (byte, c) in text.char_indices() {
        if chars_in >= chunk_chars {
            // Cut at the last paragraph or line break seen, if it is not too early.
            let cut =
                last_para.or(last_line).filter(|&(chars, _)| chars > start_char + chunk_chars / 4).unwrap_or((start_char + chars_in, byte));
            out.push(Chunk { start_char, end_char: cut.0, start_byte, end_byte: cut.1 });
            chars_in -= cut.0 - start_char;
            (start_char, start_byte) = cut;
            last_para = None;
            last_line = None;
        }
        if c == '\n' {
            let here = (start_char + chars_in, byte);
            if previous == '\n' {
                last_para = Some(here);
            }
            last_line = Some(here);
        }
        previous = c;
        chars_in += 1;
    }
    if chars_in > 0 || out.is_empty() {
        out.push(Chunk { start_char, end_char: start_char + chars_in, start_byte, end_byte: text.len() });
    }
    out
}

/// One proposed happening with where it was found (chars of the document): the word that names
/// it, the date expression, and the TIMEX3 value of that expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Happening {
    /// The proposed event (its passage is the sentence, or the clause when the sentence has several).
    pub event: Event,
    /// The word naming the happening.
    pub trigger: (usize, usize),
    /// The date expression (both ends of a range).
    pub date_span: (usize, usize),
    /// The TIMEX3 value of the (first) date expression.
    pub timex_value: String,
}

/// The happenings of a whole document (see [`propose_events`]).
pub fn happenings(document: &Document, locale: Locale) -> Vec<Happening> {
    let chunk = Chunk { start_char: 0, end_char: document.text.chars().count(), start_byte: 0, end_byte: document.text.len() };
    let mut out = Vec::new();
    propose_in(document, &chunk, locale, &mut out);
    out
}

/// A date found in a sentence: the model's date, its tokens, the mentions behind it.
struct Dated<'m> {
    date: EventDate,
    tokens: (usize, usize),
    first: &'m Mention,
    last: &'m Mention,
}

/// Token bounds of the char span `start..end` (the tokens inside it).
fn token_span(toks: &[Token<'_>], start: usize, end: usize) -> (usize, usize) {
    let a = toks.partition_point(|t| t.start < start);
    let b = toks.partition_point(|t| t.end <= end).max(a);
    (a, b)
}

/// The dates of a sentence: each specific mention, two joined as a range ("between 2017 and 2018",
/// "from May to June 2018", "2017-2018") taken as one.
fn dates_in<'m>(
    toks: &[Token<'_>],
    mentions: &[&'m Mention],
    text_between: &dyn Fn(usize, usize) -> String,
    before: &dyn Fn(usize) -> String,
) -> Vec<Dated<'m>> {
    let mut out: Vec<Dated<'m>> = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let m = mentions[i];
        let Some(value) = date_of(m) else {
            i += 1;
            continue;
        };
        if let Some(n) = mentions.get(i + 1) {
            let joint = text_between(m.end, n.start).trim().to_lowercase();
            let opener = before(m.start);
            let ranged = match joint.as_str() {
                "and" => opener.ends_with("between"),
                "to" | "until" | "till" | "through" => opener.ends_with("from") || joint != "to",
                "-" | "–" | "—" => true,
                _ => false,
            };
            if let Some(end) = date_of(n).filter(|e| ranged && e.start_days() >= value.start_days()) {
                let date = if end == value { EventDate::Point(value) } else { EventDate::Range { start: value, end } };
                let (a, _) = token_span(toks, m.start, m.end);
                let (_, b) = token_span(toks, n.start, n.end);
                out.push(Dated { date, tokens: (a, b), first: m, last: n });
                i += 2;
                continue;
            }
        }
        out.push(Dated { date: EventDate::Point(value), tokens: token_span(toks, m.start, m.end), first: m, last: m });
        i += 1;
    }
    out
}

/// Proposes events for one chunk; positions are absolute, quotes carry context from inside the chunk.
fn propose_in(document: &Document, chunk: &Chunk, locale: Locale, out: &mut Vec<Happening>) {
    let reference = document.published.as_ref().and_then(|p| p.date.first_day());
    let text = &document.text[chunk.start_byte..chunk.end_byte];
    // Byte offset of every char of the chunk (and its end), so slicing stays linear.
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let cut = |a: usize, b: usize| &text[bytes[a.min(bytes.len() - 1)]..bytes[b.min(bytes.len() - 1)].max(bytes[a.min(bytes.len() - 1)])];
    let mentions = extract(text, reference, locale);
    let toks = tokenize(text);
    let mut next = 0;
    for (start, end) in sentences(text) {
        while next < mentions.len() && mentions[next].end <= start {
            next += 1;
        }
        let in_sentence: Vec<&Mention> = mentions[next..].iter().take_while(|m| m.start < end).filter(|m| m.end <= end).collect();
        if in_sentence.is_empty() {
            continue;
        }
        let (lo, hi) = token_span(&toks, start, end);
        let before = |at: usize| cut(start, at).trim_end().to_lowercase();
        let dates = dates_in(&toks, &in_sentence, &|a, b| cut(a, b).to_owned(), &before);
        let spans: Vec<(usize, usize)> = dates.iter().map(|d| d.tokens).collect();
        let mut found: Vec<(usize, TriggerKind, &Dated<'_>)> = Vec::new();
        for dated in &dates {
            let (d0, d1) = dated.tokens;
            let Some((t, kind)) = trigger_for(&toks, lo, hi, d0, d1, &spans) else { continue };
            if !found.iter().any(|(u, _, other)| *u == t && other.date == dated.date) {
                found.push((t, kind, dated));
            }
        }
        let several = found.len() > 1;
        for (t, kind, dated) in found {
            let (d0, d1) = dated.tokens;
            // The passage: the sentence, or with several happenings the clause holding both.
            let (p0, p1) = if several {
                let (a, _) = clause_of(&toks, lo, hi, t.min(d0));
                let (_, b) = clause_of(&toks, lo, hi, t.max(d1.saturating_sub(1)));
                (toks[a].start, toks[b.max(a + 1) - 1].end)
            } else {
                (start, end)
            };
            let date = match dated.date {
                EventDate::Point(value) => {
                    // "about 2010", "around June 2018", "circa 1850": given as about that date.
                    let hedged = ["about", "around", "approximately", "roughly", "circa", "c.", "ca."].iter().any(|w| {
                        before(dated.first.start)
                            .strip_suffix(w)
                            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
                    });
                    EventDate::Point(if hedged { value.qualified(Qualifier { approximate: true, ..value.qualifier() }) } else { value })
                }
                range => range,
            };
            let sentence = cut(p0, p1);
            let quote = TextQuoteSelector {
                exact: sentence.to_owned(),
                prefix: cut(p0.saturating_sub(CONTEXT_CHARS), p0).to_owned(),
                suffix: cut(p1, p1 + CONTEXT_CHARS).to_owned(),
            };
            let position = TextPositionSelector { start: chunk.start_char + p0, end: chunk.start_char + p1 };
            let title = title_for(&toks, lo, hi, t, kind, &spans);
            let summary: String = cut(start, end).chars().take(240).collect();
            let mut date_basis = basis(dated.first, document);
            if !std::ptr::eq(dated.first, dated.last) {
                date_basis.explanation = format!("{} And to: {}", date_basis.explanation, basis(dated.last, document).explanation);
            }
            let trigger = (chunk.start_char + toks[t].start, chunk.start_char + toks[t].end);
            out.push(Happening {
                event: Event {
                    id: format!("{}-{}-{}", document.id, trigger.0, slug(&title)),
                    title,
                    summary,
                    date,
                    date_basis,
                    passages: vec![Passage {
                        document: document.id.clone(),
                        supports: vec![Support::Date, Support::Description],
                        quote,
                        position,
                    }],
                    media: None,
                    group: None,
                },
                trigger,
                date_span: (chunk.start_char + toks[d0].start, chunk.start_char + toks[d1.max(d0 + 1) - 1].end),
                timex_value: dated.first.value.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use citeline_model::seed::seed_timeline;
    use citeline_model::timeline::Timeline;

    #[test]
    fn about_a_year_a_decade_and_a_century_become_approximate_and_coarse_dates() {
        let document = Document {
            id: "d".into(),
            title: "t".into(),
            publisher: "p".into(),
            published: None,
            text: "The first bridge was built in the 19th century. Trade grew fast in the early 1990s. The council met about 2010 to plan a new one.".into(),
            ..Document::default()
        };
        let dates: Vec<String> = propose_events(&document, Locale::EnGb)
            .iter()
            .map(|e| {
                format!(
                    "{} = {}",
                    e.date.display_long(),
                    match e.date {
                        EventDate::Point(v) => v.iso(),
                        _ => String::new(),
                    }
                )
            })
            .collect();
        assert_eq!(dates, ["sometime in the 1800s = 18XX", "about the 1990s = 199X~", "about 2010 = 2010~"]);
    }

    #[test]
    fn a_line_that_is_only_a_date_is_not_an_event() {
        let document = Document {
            id: "d".into(),
            title: "t".into(),
            publisher: "p".into(),
            published: None,
            text: "LONDON, 12 March 2019\n\nThe council met on 11 March 2019 to vote.".into(),
            ..Document::default()
        };
        let events = propose_events(&document, Locale::EnGb);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].date.display_long(), "Monday 11 March 2019");
    }

    #[test]
    fn seed_documents_yield_anchored_events_that_load_cleanly() {
        let (seed, _) = seed_timeline().expect("seed");
        let mut proposed = Vec::new();
        for document in &seed.documents {
            proposed.extend(propose_events(document, Locale::EnGb));
        }
        let trip = proposed.iter().find(|e| e.date.display_long() == "Friday 8 June 2018").expect("the trip is found");
        assert!(trip.passages[0].quote.exact.contains("Friday 8 June"));
        assert!(proposed.iter().any(|e| e.date.display_long() == "2011"));
        assert!(proposed.iter().any(|e| e.date.display_long() == "2017"));
        // Through the loader: every passage resolves, no diagnostics.
        let timeline = Timeline { events: proposed, ..seed.clone() };
        let (loaded, diagnostics) = Timeline::from_json(&timeline.to_json()).expect("loads");
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(loaded.events.len(), timeline.events.len());
    }

    #[test]
    fn chunked_proposals_equal_whole_ones_on_paragraph_text() {
        let (seed, _) = seed_timeline().expect("seed");
        let document = &seed.documents[0];
        let whole = propose_events(document, Locale::EnGb);
        let chunked: Vec<Event> = propose_events_chunked(document, Locale::EnGb, 1000).flat_map(|(_, _, e)| e).collect();
        let dates = |events: &[Event]| events.iter().map(|e| (e.passages[0].position.start, e.date)).collect::<Vec<_>>();
        assert_eq!(dates(&chunked), dates(&whole));
        let (done, total, _) = propose_events_chunked(document, Locale::EnGb, 1000).last().expect("chunks");
        assert_eq!(done, total);
    }
}
