//! Temporal expressions: `text + reference date (+ locale) -> mentions`, each with its span (chars),
//! TIMEX3 type and value, granularity, covered interval, modifier and how it was resolved.
//!
//! Pure and total: it never panics on any input and runs in time linear in the text length.

use serde::Serialize;

mod calendar;
mod events;
mod happenings;
mod lexicon;
mod publication;
mod rules;
mod sentence;
pub mod service;
mod tokens;

pub use calendar::Cal;
pub use citeline_model::date::Locale;
pub use events::{happenings, propose_events, propose_events_chunked, undated_happenings, Happening, MAX_UNDATED};
pub use publication::guess_publication_date;
pub use sentence::sentences;

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2018-06-08`, `2017`, `2018-W23`, `PRESENT_REF`.
    Date,
    /// A time of day: `2018-06-08T14:30`.
    Time,
    /// A length of time: `P1Y`.
    Duration,
    /// A recurrence: `every Monday` (`XXXX-WXX-1`).
    Set,
}

impl TimexType {
    /// The TimeML spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// TIMEX3 `mod` values the extractor produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Modifier {
    /// "early 2018"
    Start,
    /// "mid-2018"
    Mid,
    /// "late 2018"
    End,
    /// "about three years"
    Approx,
    /// "more than three years"
    MoreThan,
    /// "less than three years"
    LessThan,
    /// "at least"
    EqualOrMore,
    /// "at most", "up to"
    EqualOrLess,
}

impl Modifier {
    /// The TimeML spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Approx => "APPROX",
            Modifier::MoreThan => "MORE_THAN",
            Modifier::LessThan => "LESS_THAN",
            Modifier::EqualOrMore => "EQUAL_OR_MORE",
            Modifier::EqualOrLess => "EQUAL_OR_LESS",
        }
    }
}

/// How a mention's value was worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueBasis {
    /// The text states the value in full ("4 June 2018", "2011").
    Stated,
    /// Relative to the reference (publication) date ("today", "last year", "Friday").
    ReferenceDate,
    /// A missing year taken from the reference date ("4 June").
    ReferenceYear,
    /// Relative to the last date mentioned before it ("the following day", "that year").
    LastMentioned,
    /// A weekday named with a day and month fixed the year ("Friday 8 June").
    WeekdayChecked,
    /// No anchor needed or none available (durations, sets, `PRESENT_REF`, `XXXX-06`).
    Unanchored,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Start, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// The text of the span.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2018-06-08`, `P1Y`, `PRESENT_REF`, `XXXX-06`, ...).
    pub value: String,
    /// TIMEX3 mod, if any.
    #[serde(skip_serializing_if = "Option::is_none", rename = "mod")]
    pub modifier: Option<Modifier>,
    /// How the value was worked out.
    pub resolution: ValueBasis,
    /// Granularity of a specific date (years, quarters, seasons and decades count as years).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub granularity: Option<citeline_model::date::Granularity>,
    /// The interval a specific date covers: first day and the day after the last (ISO dates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<(String, String)>,
}

/// Finds the temporal expressions in `text`. `reference` is the document's publication date (the
/// anchor for "today", "last year", a missing year); without it, relative values stay
/// underspecified (`XXXX-06-04`) or relative to the last mentioned date.
pub fn extract(text: &str, reference: Option<chrono::NaiveDate>, locale: Locale) -> Vec<Mention> {
    let toks = tokens::tokenize(text);
    let tense = rules::tenses(&toks);
    let mut scanner = rules::Scanner { toks: &toks, reference, locale, last: None, tense };
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(found) = scanner.at(i) else {
            i += 1;
            continue;
        };
        let end = found.end.clamp(i + 1, toks.len());
        let (start_char, end_char) = (toks[i].start, toks[end - 1].end);
        if let Some(cal) = found.cal.filter(|_| found.anchors) {
            scanner.last = Some(cal);
        }
        mentions.push(Mention {
            start: start_char,
            end: end_char,
            text: span_text(text, &toks[i], &toks[end - 1]),
            kind: found.kind,
            value: found.value,
            modifier: found.modifier,
            resolution: found.resolution,
            granularity: found.cal.map(|c| c.granularity()),
            interval: found
                .cal
                .and_then(|c| c.interval())
                .map(|(a, b)| (a.format("%Y-%m-%d").to_string(), b.format("%Y-%m-%d").to_string())),
        });
        i = end;
    }
    mentions
}

/// The text from the first token's start to the last token's end. Tokens are slices of `text`, so
/// their byte offsets come from their addresses: constant time, where counting chars would make the
/// whole scan quadratic.
fn span_text(text: &str, first: &tokens::Token<'_>, last: &tokens::Token<'_>) -> String {
    let base = text.as_ptr() as usize;
    let start = (first.text.as_ptr() as usize).saturating_sub(base);
    let end = (last.text.as_ptr() as usize + last.text.len()).saturating_sub(base);
    text.get(start..end).unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests;
