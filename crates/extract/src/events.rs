//! From mentions to proposed events: one per sentence that carries a specific date, titled from the
//! sentence, dated by its most precise mention, and anchored to the sentence as its passage.

use citeline_model::anchor::{TextPositionSelector, TextQuoteSelector};
use citeline_model::date::{DateValue, EventDate, Qualifier};
use citeline_model::document::Document;
use citeline_model::timeline::{DateBasis, DateBasisKind, Event, Passage, Support};

use super::sentence::sentences;
use super::{extract, Locale, Mention, Modifier, TimexType, ValueBasis};

/// Words in a proposed title.
const TITLE_WORDS: usize = 9;
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

/// A short title from a sentence: the date expression and leading connectives dropped, at most
/// [`TITLE_WORDS`] words.
pub fn title_from(sentence: &str, date_text: &str) -> String {
    // Drop the date with the preposition that introduces it ("closed in 2015" -> "closed").
    let without = match sentence.find(date_text) {
        Some(at) => {
            let head = sentence[..at].trim_end();
            let last_word = head.rsplit(char::is_whitespace).next().unwrap_or("");
            let head = if matches!(
                last_word.to_lowercase().as_str(),
                "on" | "in" | "at" | "by" | "since" | "from" | "until" | "during" | "of" | "before" | "after"
            ) {
                &head[..head.len() - last_word.len()]
            } else {
                head
            };
            format!("{head} {}", &sentence[at + date_text.len()..])
        }
        None => sentence.to_owned(),
    };
    let words: Vec<&str> = without
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '(' | ')')))
        .filter(|w| !w.is_empty() && !matches!(*w, "," | "–" | "-" | "—"))
        .collect();
    let skip = words
        .iter()
        .take_while(|w| {
            matches!(
                w.to_lowercase().trim_end_matches(','),
                "on" | "in"
                    | "at"
                    | "by"
                    | "since"
                    | "from"
                    | "during"
                    | "and"
                    | "but"
                    | "then"
                    | "as"
                    | "of"
                    | "until"
                    | "the"
                    | "this"
                    | "that"
            )
        })
        .count();
    let skip = if skip == words.len() { 0 } else { skip };
    let kept: Vec<&str> = words[skip..].iter().take(TITLE_WORDS).copied().collect();
    let mut title =
        kept.join(" ").trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '–' | '-')).to_owned();
    if words.len() - skip > TITLE_WORDS {
        title.push('…');
    }
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => date_text.to_owned(),
    }
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
    let mut events = Vec::new();
    propose_in(document, &chunk, locale, &mut events);
    events
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
        let mut events = Vec::new();
        propose_in(document, &chunk, locale, &mut events);
        (chunk.end_char, total, events)
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

/// Proposes events for one chunk; positions are absolute, quotes carry context from inside the chunk.
fn propose_in(document: &Document, chunk: &Chunk, locale: Locale, events: &mut Vec<Event>) {
    let reference = document.published.as_ref().and_then(|p| p.date.first_day());
    let text = &document.text[chunk.start_byte..chunk.end_byte];
    // Byte offset of every char of the chunk (and its end), so slicing stays linear.
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let cut = |a: usize, b: usize| &text[bytes[a.min(bytes.len() - 1)]..bytes[b.min(bytes.len() - 1)]];
    let mentions = extract(text, reference, locale);
    let mut next = 0;
    for (start, end) in sentences(text) {
        while next < mentions.len() && mentions[next].end <= start {
            next += 1;
        }
        let in_sentence = mentions[next..].iter().take_while(|m| m.start < end).filter(|m| m.end <= end);
        let best = in_sentence.filter_map(|m| Some((date_of(m)?, m))).max_by_key(|(d, m)| (d.granularity(), std::cmp::Reverse(m.start)));
        let Some((date, mention)) = best else { continue };
        // "about 2010", "around June 2018", "circa 1850": given as about that date.
        let before = cut(start, mention.start).trim_end().to_lowercase();
        let hedged = ["about", "around", "approximately", "roughly", "circa", "c.", "ca."]
            .iter()
            .any(|w| before.strip_suffix(w).is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())));
        let date = if hedged { date.qualified(Qualifier { approximate: true, ..date.qualifier() }) } else { date };
        let sentence = cut(start, end);
        let quote = TextQuoteSelector {
            exact: sentence.to_owned(),
            prefix: cut(start.saturating_sub(CONTEXT_CHARS), start).to_owned(),
            suffix: cut(end, end + CONTEXT_CHARS).to_owned(),
        };
        let position = TextPositionSelector { start: chunk.start_char + start, end: chunk.start_char + end };
        // A line that is only a date (a dateline, a heading) says nothing happened.
        if sentence.replacen(mention.text.as_str(), " ", 1).split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() < 2 {
            continue;
        }
        let title = title_from(sentence, &mention.text);
        let summary: String = sentence.chars().take(240).collect();
        events.push(Event {
            id: format!("{}-{}-{}", document.id, position.start, slug(&title)),
            title,
            summary,
            date: EventDate::Point(date),
            date_basis: basis(mention, document),
            passages: vec![Passage { document: document.id.clone(), supports: vec![Support::Date, Support::Description], quote, position }],
            media: None,
            group: None,
        });
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
    fn titles_drop_the_date_with_its_preposition() {
        assert_eq!(
            title_from("The previous crossing was closed in 2015 after an inspection.", "2015"),
            "Previous crossing was closed after an inspection"
        );
        assert_eq!(title_from("Construction will begin in September.", "September"), "Construction will begin");
    }

    #[test]
    fn titles_drop_the_date_and_connectives() {
        assert_eq!(
            title_from("On Friday 8 June, the Home Secretary will travel to the US for talks with tech firms.", "Friday 8 June"),
            "Home Secretary will travel to the US for talks…"
        );
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
