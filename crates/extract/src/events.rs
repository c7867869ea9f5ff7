//! From mentions to proposed events: one per happening and date (see [`crate::happenings`]), titled
//! from the happening and its participants, anchored to its sentence (or clause) as its passage.

use chrono::Datelike;
use citeline_model::anchor::{TextPositionSelector, TextQuoteSelector};
use citeline_model::date::{DateValue, EventDate, Qualifier};
use citeline_model::document::Document;
use citeline_model::timeline::{DateBasis, DateBasisKind, Event, Passage, Support};

use citeline_model::extraction::Undated;

use super::happenings::{clause_of, title_for, trigger_for, undated_trigger, TriggerKind};
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

/// The model's date for a mention: its value where the model writes it, else the interval it
/// covers as a range ("the third quarter" `1989-Q3`: July to September 1989; "this week"
/// `1998-W02`: the days of that week; "last fall" `1997-FA`: its months, as about those).
fn event_date_of(m: &Mention) -> Option<EventDate> {
    if let Some(value) = date_of(m) {
        return Some(EventDate::Point(value));
    }
    if !matches!(m.kind, TimexType::Date) {
        return None;
    }
    let (first, after) = m.interval.as_ref()?;
    let first: chrono::NaiveDate = first.parse().ok()?;
    let after: chrono::NaiveDate = after.parse().ok()?;
    let last = after.pred_opt().filter(|l| *l >= first)?;
    let by_month = first.day() == 1 && after.day() == 1;
    let (start, end) = if by_month {
        (DateValue::month(first.year(), first.month())?, DateValue::month(last.year(), last.month())?)
    } else {
        (DateValue::from_date(first), DateValue::from_date(last))
    };
    // A season's bounds are conventional.
    let season = ["SP", "SU", "FA", "WI"].iter().any(|s| m.value.ends_with(s));
    let (start, end) = if season {
        let about = Qualifier { approximate: true, uncertain: false };
        (start.qualified(about), end.qualified(about))
    } else {
        (start, end)
    };
    Some(if start == end { EventDate::Point(start) } else { EventDate::Range { start, end } })
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
    propose_in(document, &chunk, locale, &mut found, &mut UndatedSink::default());
    found.into_iter().map(|h| h.event).collect()
}

/// The happenings of `document` that have no date (see [`Undated`]).
pub fn undated_happenings(document: &Document, locale: Locale) -> Vec<Undated> {
    let chunk = Chunk { start_char: 0, end_char: document.text.chars().count(), start_byte: 0, end_byte: document.text.len() };
    let mut undated = UndatedSink::default();
    propose_in(document, &chunk, locale, &mut Vec::new(), &mut undated);
    undated.found
}

/// Undated happenings listed per document, at most: a long report repeats itself, and the author
/// dates a few by hand, not tens of thousands.
pub const MAX_UNDATED: usize = 1000;

/// The undated happenings of one document as they are found: each title once (the first sentence
/// that gives it), at most [`MAX_UNDATED`].
#[derive(Default)]
struct UndatedSink {
    titles: std::collections::HashSet<String>,
    found: Vec<Undated>,
}

impl UndatedSink {
    fn full(&self) -> bool {
        self.titles.len() >= MAX_UNDATED
    }

    fn offer(&mut self, u: Undated) {
        if !self.full() && self.titles.insert(u.title.to_lowercase()) {
            self.found.push(u);
        }
    }
}

/// Proposes events chunk by chunk (chunks of about `chunk_chars`, cut at paragraph breaks), so a
/// caller can report progress and stay responsive on large texts. Yields (chars done, chars in all,
/// events of the chunk, its undated happenings). Each chunk costs time linear in its own length.
pub fn propose_events_chunked(
    document: &Document,
    locale: Locale,
    chunk_chars: usize,
) -> impl Iterator<Item = (usize, usize, Vec<Event>, Vec<Undated>)> + '_ {
    let bounds = chunk_bounds(&document.text, chunk_chars.max(1000));
    let total = bounds.last().map_or(0, |c| c.end_char);
    // Kept across chunks, so a title is listed once per document.
    let mut undated = UndatedSink::default();
    bounds.into_iter().map(move |chunk| {
        let mut found = Vec::new();
        propose_in(document, &chunk, locale, &mut found, &mut undated);
        (chunk.end_char, total, found.into_iter().map(|h| h.event).collect(), std::mem::take(&mut undated.found))
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
    propose_in(document, &chunk, locale, &mut out, &mut UndatedSink::default());
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
        let Some(date) = event_date_of(m) else {
            i += 1;
            continue;
        };
        if let (EventDate::Point(value), Some(n)) = (date, mentions.get(i + 1)) {
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
        out.push(Dated { date, tokens: token_span(toks, m.start, m.end), first: m, last: m });
        i += 1;
    }
    out
}

/// Proposes events for one chunk; positions are absolute, quotes carry context from inside the chunk.
fn propose_in(document: &Document, chunk: &Chunk, locale: Locale, out: &mut Vec<Happening>, undated: &mut UndatedSink) {
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
        let (lo, hi) = token_span(&toks, start, end);
        // The words just before a point of the sentence (a few suffice: "between", "about").
        let before = |at: usize| cut(at.saturating_sub(40).max(start), at).trim_end().to_lowercase();
        let dates = dates_in(&toks, &in_sentence, &|a, b| cut(a, b).to_owned(), &before);
        if dates.is_empty() {
            // No date at all: a happening here is listed apart, for the person to date.
            if let Some((t, kind)) = undated_trigger(&toks, lo, hi).filter(|_| !undated.full()) {
                let title = title_for(&toks, lo, hi, t, kind, &[]);
                let sentence = cut(start, end);
                let passage = Passage {
                    document: document.id.clone(),
                    supports: vec![Support::Description],
                    quote: TextQuoteSelector {
                        exact: sentence.to_owned(),
                        prefix: cut(start.saturating_sub(CONTEXT_CHARS), start).to_owned(),
                        suffix: cut(end, end + CONTEXT_CHARS).to_owned(),
                    },
                    position: TextPositionSelector { start: chunk.start_char + start, end: chunk.start_char + end },
                };
                let id = format!("{}-u{}-{}", document.id, chunk.start_char + toks[t].start, slug(&title));
                undated.offer(Undated { id, title, passage });
            }
            continue;
        }
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
        let chunked: Vec<Event> = propose_events_chunked(document, Locale::EnGb, 1000).flat_map(|(_, _, e, _)| e).collect();
        let dates = |events: &[Event]| events.iter().map(|e| (e.passages[0].position.start, e.date)).collect::<Vec<_>>();
        assert_eq!(dates(&chunked), dates(&whole));
        let (done, total, _, _) = propose_events_chunked(document, Locale::EnGb, 1000).last().expect("chunks");
        assert_eq!(done, total);
    }

    fn doc(text: &str, published: Option<&str>) -> Document {
        Document {
            id: "d".into(),
            title: "t".into(),
            publisher: "p".into(),
            published: published.map(|p| citeline_model::document::Published { date: p.parse().expect("date"), source: "test".into() }),
            text: text.into(),
            ..Document::default()
        }
    }

    fn rows(document: &Document) -> Vec<(String, String, String)> {
        propose_events(document, Locale::EnGb)
            .into_iter()
            .map(|e| (e.date.display_long(), e.title, e.passages[0].quote.exact.clone()))
            .collect()
    }

    #[test]
    fn each_happening_of_a_sentence_is_its_own_event_with_its_clause() {
        let got = rows(&doc("The plant opened in 1990; the council closed it in 2015.", None));
        assert_eq!(
            got,
            [
                ("1990".to_owned(), "Plant opened".to_owned(), "The plant opened in 1990".to_owned()),
                ("2015".to_owned(), "Council closed".to_owned(), "the council closed it in 2015.".to_owned()),
            ]
        );
    }

    #[test]
    fn a_date_with_no_happening_near_it_gives_nothing() {
        assert_eq!(rows(&doc("Profits in 2017 were high.", None)), []);
    }

    #[test]
    fn a_happening_further_off_in_its_sentence_is_found() {
        // Beyond a bracket, and more than a dozen words away.
        let got = rows(&doc(
            "Police found more than 1,300 pounds (600 kg) of explosives Sunday in a shed. On 4 April 1949, on behalf of the United States and of its allies in the West, the secretary of state signed the treaty.",
            Some("1998-03-23"),
        ));
        let titles: Vec<(&str, &str)> = got.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
        assert_eq!(
            titles,
            [
                ("Sunday 22 March 1998", "Police found more than 1,300 pounds"),
                ("Monday 4 April 1949", "Secretary of state signed the treaty")
            ],
            "{got:?}"
        );
    }

    #[test]
    fn titles_keep_numbers_abbreviations_and_signs_whole() {
        let got = rows(&doc("Net income rose 11% to $2.3 million in 1989. The U.S. embassy reopened in 1999 with 3.5 staff.", None));
        let titles: Vec<&str> = got.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(titles, ["Net income rose 11% to $2.3 million", "U.S. embassy reopened"], "{got:?}");
    }

    #[test]
    fn ranges_stay_ranges_and_a_quarter_is_its_months() {
        let got = rows(&doc("The review ran between 2017 and 2018. Sales fell in the third quarter of 2019.", None));
        let dates: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(dates, ["2017 – 2018", "July 2019 – September 2019"], "{got:?}");
    }

    #[test]
    fn happenings_without_a_date_are_listed_apart_with_their_sentence() {
        let (seed, _) = seed_timeline().expect("seed");
        let document = seed.documents.iter().find(|d| d.id == "home-office-contest-2018").expect("the release");
        let undated = undated_happenings(document, Locale::EnGb);
        let review = undated.iter().find(|u| u.title == "Fundamental review of the UK’s counter-terrorism strategy").expect("the review");
        assert!(review.passage.quote.exact.starts_with("It prompted a fundamental review"));
        // The passage is where it says it is.
        let at: String = document
            .text
            .chars()
            .skip(review.passage.position.start)
            .take(review.passage.position.end - review.passage.position.start)
            .collect();
        assert_eq!(at, review.passage.quote.exact);
        // Not every undated sentence: plans, wishes and generic plurals are not happenings.
        assert!(undated.len() <= 6, "{:#?}", undated.iter().map(|u| &u.title).collect::<Vec<_>>());
        assert!(undated.iter().all(|u| u.title.chars().count() <= 60));
    }

    #[test]
    fn a_long_report_lists_each_undated_happening_once_and_at_most_a_thousand() {
        let mut text = "The committee reviewed the figures. ".repeat(200);
        for i in 0..1500u32 {
            let name: String = [i / 676, i / 26 % 26, i % 26].iter().map(|&d| char::from(b'a' + d as u8)).collect();
            text.push_str(&format!("The board approved the {name} plan. "));
        }
        let document = doc(&text, None);
        let whole = undated_happenings(&document, Locale::EnGb);
        assert_eq!(whole.iter().filter(|u| u.title == "Committee reviewed the figures").count(), 1);
        assert_eq!(whole.len(), MAX_UNDATED);
        let chunked: Vec<Undated> = propose_events_chunked(&document, Locale::EnGb, 1000).flat_map(|(_, _, _, u)| u).collect();
        assert_eq!(chunked.len(), MAX_UNDATED, "once per document, across chunks too");
    }
}
