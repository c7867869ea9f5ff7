//! The rules: at each token, the longest expression that starts there. Every rule looks ahead a
//! bounded number of tokens, so a scan is linear in the text.
//!
//! This module holds what the rules share: a match ([`Found`]), the scanning context ([`Scanner`]),
//! the token readers (a month, a day number, a year, a weekday, a part of the day at a position),
//! and the dispatcher [`Scanner::at`]. The rules are grouped by kind in the submodules.

mod absolute;
mod durations;
mod holidays;
mod periods;
mod relative;
mod tense;

use chrono::NaiveDate;

use super::calendar::Cal;
use super::lexicon;
use super::tokens::{Kind, Token};
use super::{Locale, Modifier, TimexType, ValueBasis};

pub use tense::{tenses, Tense};

/// A match at one position.
#[derive(Debug, Clone)]
pub struct Found {
    /// Token index after the match.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod.
    pub modifier: Option<Modifier>,
    /// How it was resolved.
    pub resolution: ValueBasis,
    /// The calendar value, for specific dates (becomes the "last mentioned" anchor).
    pub cal: Option<Cal>,
    /// Whether the value becomes the anchor for later relative expressions. Values worked out from
    /// the anchor by a step ("a year earlier") do not, so that they never drift along a chain.
    pub anchors: bool,
}

impl Found {
    fn date(end: usize, cal: Cal, resolution: ValueBasis) -> Found {
        Found {
            end,
            kind: if cal.is_time() { TimexType::Time } else { TimexType::Date },
            value: cal.value(),
            modifier: None,
            resolution,
            cal: Some(cal),
            anchors: true,
        }
    }

    fn other(end: usize, kind: TimexType, value: impl Into<String>, resolution: ValueBasis) -> Found {
        Found { end, kind, value: value.into(), modifier: None, resolution, cal: None, anchors: false }
    }
}

/// The scanning context.
pub struct Scanner<'t, 'a> {
    /// Tokens of the whole text.
    pub toks: &'t [Token<'a>],
    /// Reference (publication) date.
    pub reference: Option<NaiveDate>,
    /// Slash-date order.
    pub locale: Locale,
    /// The last specific date mentioned before the current position.
    pub last: Option<Cal>,
    /// Tense of each token's sentence.
    pub tense: Vec<Tense>,
}

/// How far ahead (four months, counted in days) an undated month or day may lie and still
/// be read as upcoming rather than past, when no verb says which.
const FUTURE_WINDOW: i64 = 4 * 31;

/// Two-digit years: 00–29 are 2000s, the rest 1900s (news archives of the 1980s to now).
fn full_year(n: u32, digits: usize) -> Option<i32> {
    match digits {
        4 => i32::try_from(n).ok().filter(|y| (1000..=2199).contains(y)),
        2 => Some(if n < 30 { 2000 + n as i32 } else { 1900 + n as i32 }),
        _ => None,
    }
}

fn valid_day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

impl<'t, 'a> Scanner<'t, 'a> {
    fn tok(&self, i: usize) -> Option<&'t Token<'a>> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&'t str> {
        self.tok(i).filter(|t| t.kind == Kind::Word).map(|t| t.lower.as_str())
    }

    fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    /// The word at `i` (lowercase) if it is written with a capital.
    fn capitalized_word(&self, i: usize) -> Option<&'t str> {
        self.tok(i).filter(|t| t.kind == Kind::Word && t.capitalized()).map(|t| t.lower.as_str())
    }

    /// Punctuation `c` at `i`, attached to the token before (no space).
    fn glued(&self, i: usize, c: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(c) && !t.space_before)
    }

    /// The anchor for relative expressions: the reference date.
    fn reference(&self) -> Option<NaiveDate> {
        self.reference
    }

    /// Skips an optional "." after an abbreviation at `i`; returns the next index.
    fn after_abbrev(&self, i: usize) -> usize {
        if self.glued(i, ".") {
            i + 1
        } else {
            i
        }
    }

    /// A month name at `i` (capitalised; abbreviations need a dot or a number after them).
    /// Returns (month, next index).
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.capitalized_word(i)?;
        let m = lexicon::month(w)?;
        if lexicon::is_full_month(w) {
            return Some((m, i + 1));
        }
        if self.glued(i + 1, ".") {
            return Some((m, i + 2));
        }
        self.tok(i + 1).filter(|n| n.kind == Kind::Number).map(|_| (m, i + 1))
    }

    /// A day number 1–31 at `i` with an optional ordinal suffix; returns (day, next index).
    fn day_number_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Number && t.text.len() <= 2 {
            let d = t.number()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let next = match self.tok(i + 1) {
                Some(s) if !s.space_before && matches!(s.lower.as_str(), "st" | "nd" | "rd" | "th") => i + 2,
                _ => i + 1,
            };
            // "4,000" is not a day.
            if self.glued(next, ",") && self.tok(next + 1).is_some_and(|n| n.kind == Kind::Number && !n.space_before) {
                return None;
            }
            return Some((d, next));
        }
        if t.kind == Kind::Word {
            let d = lexicon::ordinal(&t.lower)?;
            return Some((d, i + 1));
        }
        None
    }

    /// A four-digit year at `i`; returns (year, next index).
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Word {
            return self.spoken_year(i);
        }
        if t.kind != Kind::Number || t.text.len() != 4 {
            return None;
        }
        let y = full_year(t.number()?, 4)?;
        // "1998-99" or "2,000": not a plain year here.
        if self.tok(i + 1).is_some_and(|n| {
            !n.space_before && (n.is(",") || n.is(".")) && self.tok(i + 2).is_some_and(|m| m.kind == Kind::Number && !m.space_before)
        }) {
            return None;
        }
        Some((y, i + 1))
    }

    /// A year in words, as transcripts spell them: "nineteen ninety-six", "nineteen eighty",
    /// "two thousand", "two thousand and one".
    fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        let units = |k: usize| -> Option<(u32, usize)> {
            let k = if self.glued(k, "-") { k + 1 } else { k };
            self.word(k)
                .and_then(lexicon::cardinal)
                .filter(|u| (1..=9).contains(u) && !matches!(self.word(k), Some("a" | "an")))
                .map(|u| (u, k + 1))
        };
        let year = match self.word(i)? {
            century @ ("nineteen" | "eighteen") => {
                let hundreds = if century == "nineteen" { 1900 } else { 1800 };
                let tens = self.word(i + 1).and_then(lexicon::cardinal).filter(|t| (20..=90).contains(t) && t % 10 == 0)?;
                let (u, end) = units(i + 2).unwrap_or((0, i + 2));
                Some((hundreds + i32::try_from(tens + u).ok()?, end))
            }
            "two" if self.word_is(i + 1, &["thousand"]) => {
                let k = if self.word_is(i + 2, &["and"]) { i + 3 } else { i + 2 };
                match self.word(k).and_then(lexicon::cardinal).filter(|u| (1..=19).contains(u) && !matches!(self.word(k), Some("a" | "an")))
                {
                    Some(u) => Some((2000 + i32::try_from(u).ok()?, k + 1)),
                    None => Some((2000, i + 2)),
                }
            }
            _ => None,
        }?;
        // "two thousand years", "nineteen twenty-dollar bills": a count, not a year.
        if self.tok(year.1).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.capitalized()
                && (lexicon::unit(&t.lower).is_some()
                    || t.lower.ends_with('s') && !matches!(t.lower.as_str(), "has" | "is" | "was" | "as" | "its" | "his" | "this" | "thus"))
        }) {
            return None;
        }
        Some(year)
    }

    /// Weekday at `i`: full names capitalised; abbreviations need a dot or a following number.
    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        let word = self.capitalized_word(i)?;
        let w = lexicon::weekday(word)?;
        if lexicon::is_full_weekday(word) {
            return Some((w, i + 1));
        }
        self.glued(i + 1, ".").then_some((w, i + 2))
    }

    /// A time-of-day word right after a day: "Friday morning", "4 June evening".
    /// The same after a weekday, except that a weekday's night ("Friday night") is valued as the
    /// day: the night runs into the next day, and news reports value it at the day both readings
    /// share.
    fn with_weekday_part(&self, i: usize, date: NaiveDate) -> (usize, Cal) {
        match self.with_day_part(i, date) {
            Some((end, Cal::DayPart(d, "NI"))) => (end, Cal::Day(d)),
            Some(found) => found,
            None => (i, Cal::Day(date)),
        }
    }

    fn with_day_part(&self, i: usize, date: NaiveDate) -> Option<(usize, Cal)> {
        let part = lexicon::day_part(self.word(i)?)?;
        Some((i + 1, Cal::DayPart(date, part)))
    }

    /// Whether a clause ends at `k`: the end of the text, punctuation or a conjunction.
    fn clause_end(&self, k: usize) -> bool {
        match self.tok(k) {
            None => true,
            Some(t) => {
                (t.kind == Kind::Punct && !t.is("-") && !t.is("'") && !t.is("’") && !t.is("$"))
                    || matches!(t.lower.as_str(), "and" | "but" | "or")
            }
        }
    }

    /// early/mid/late/the end of/the beginning of + a date: adds the TIMEX3 mod.
    fn modified(&self, i: usize) -> Option<Found> {
        let (modifier, j) = match (self.word(i)?, self.word(i + 1), self.word(i + 2)) {
            ("early", ..) => (Modifier::Start, i + 1),
            ("late", ..) => (Modifier::End, i + 1),
            ("mid", ..) => (Modifier::Mid, if self.glued(i + 1, "-") { i + 2 } else { i + 1 }),
            ("the", Some("beginning" | "start"), Some("of")) => (Modifier::Start, i + 3),
            ("the", Some("end"), Some("of")) => (Modifier::End, i + 3),
            ("the", Some("middle"), Some("of")) => (Modifier::Mid, i + 3),
            _ => return None,
        };
        let j = if self.glued(j, "-") { j + 1 } else { j };
        let inner = self.date_at(j)?;
        if inner.kind != TimexType::Date || inner.cal.is_none_or(|c| c.day().is_some()) {
            return None;
        }
        Some(Found { modifier: Some(modifier), ..inner })
    }

    /// Any date expression starting at `i` (used by modified()).
    fn date_at(&self, i: usize) -> Option<Found> {
        [
            self.iso(i),
            self.day_month(i),
            self.month_year(i),
            self.year_alone(i),
            self.season(i),
            self.quarter(i),
            self.relative(i),
            self.century_decade(i),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|f| f.end)
    }

    /// The longest expression starting at `i`.
    pub fn at(&self, i: usize) -> Option<Found> {
        let candidates = [
            self.modified(i),
            self.iso(i),
            self.slashed(i),
            self.day_month(i),
            self.month_year(i),
            self.weekday_alone(i),
            self.year_alone(i),
            self.season(i),
            self.quarter(i),
            self.quarter_prefixed(i),
            self.holiday(i),
            self.century_decade(i),
            self.deictic(i),
            self.relative(i),
            self.ago(i),
            self.anaphoric(i),
            self.time_of_day(i),
            self.duration(i),
            self.recent(i),
            self.set(i),
            self.week_of(i),
            self.second_day(i),
        ];
        // Longest wins; on a tie, the earlier (more specific) rule.
        let mut best: Option<Found> = None;
        for f in candidates.into_iter().flatten() {
            if f.end > i && best.as_ref().is_none_or(|b| f.end > b.end) {
                best = Some(f);
            }
        }
        best
    }
}
