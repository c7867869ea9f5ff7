//! The rules: at each token, the longest expression that starts there. Every rule looks ahead a
//! bounded number of tokens, so a scan is linear in the text.

use chrono::{Datelike, NaiveDate};

use super::calendar::{Cal, Step};
use super::lexicon::{self, CalendarUnit};
use super::tokens::{Kind, Token};
use super::{Locale, Modifier, TimexType, ValueBasis};

/// Grammatical time of a sentence, to resolve "June" or "Friday" without a year or week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Past (the default for news).
    Past,
    /// Present.
    Present,
    /// Future ("will", "next", "plans to").
    Future,
}

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

fn is_sentence_end(toks: &[Token<'_>], i: usize) -> bool {
    let t = &toks[i];
    if !(t.is(".") || t.is("!") || t.is("?")) {
        return false;
    }
    match toks.get(i + 1) {
        None => true,
        Some(next) => next.newline_before || (next.space_before && (next.capitalized() || next.kind != Kind::Word)),
    }
}

/// Tense per token, from the sentence it is in. One pass over the tokens.
pub fn tenses(toks: &[Token<'_>]) -> Vec<Tense> {
    let mut out = vec![Tense::Past; toks.len()];
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let end_here = is_sentence_end(toks, i) || toks.get(i + 1).is_some_and(|n| n.newline_before);
        if end_here || i + 1 == toks.len() {
            let sentence = &toks[start..=i];
            let mut future = false;
            let mut past = false;
            let mut present = false;
            for (k, t) in sentence.iter().enumerate() {
                match t.lower.as_str() {
                    "will" | "shall" | "ll" | "tomorrow" | "next" | "upcoming" | "coming" | "plans" | "plan" | "scheduled" | "expects"
                    | "expected" | "aims" | "intends" => future = true,
                    "going" if sentence.get(k + 1).is_some_and(|n| n.lower == "to") => future = true,
                    "was" | "were" | "had" | "did" | "said" | "ago" | "last" | "yesterday" | "earlier" | "told" | "came" | "went"
                    | "took" | "made" | "gave" | "began" | "became" | "rose" | "fell" | "won" | "lost" | "met" | "saw" | "left" | "got"
                    | "sold" | "paid" | "spent" | "brought" | "bought" | "held" | "grew" => past = true,
                    "is" | "are" | "am" | "says" | "has" | "have" => present = true,
                    w if w.len() > 4 && w.ends_with("ed") => past = true,
                    _ => {}
                }
            }
            let tense = if future {
                Tense::Future
            } else if past {
                Tense::Past
            } else if present {
                Tense::Present
            } else {
                Tense::Past
            };
            for slot in &mut out[start..=i] {
                *slot = tense;
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

/// Two-digit years: 00–29 are 2000s, the rest 1900s (news archives of the 1980s to now).
fn full_year(n: u32, digits: usize) -> Option<i32> {
    match digits {
        4 => i32::try_from(n).ok().filter(|y| (1000..=2199).contains(y)),
        2 => Some(if n < 30 { 2000 + n as i32 } else { 1900 + n as i32 }),
        _ => None,
    }
}

/// The `n`th `weekday` (Monday = 1) of a month.
fn nth_weekday(y: i32, m: u32, weekday: u32, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let offset = (weekday + 7 - first.weekday().number_from_monday()) % 7 + (n.checked_sub(1)?) * 7;
    first.checked_add_days(chrono::Days::new(u64::from(offset)))
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let (b, c) = (y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c.div_euclid(4), c.rem_euclid(4));
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
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

    /// Punctuation `c` at `i`, attached to the token before (no space).
    fn glued(&self, i: usize, c: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(c) && !t.space_before)
    }

    fn tense(&self, i: usize) -> Tense {
        self.tense.get(i).copied().unwrap_or(Tense::Past)
    }

    /// The tense of the clause around `i`, from the nearest verb cue within a few tokens (before it
    /// first, then after it), not crossing a sentence end. `None` when no cue is near.
    fn local_tense(&self, i: usize) -> Option<Tense> {
        const BACK: usize = 4;
        const AHEAD: usize = 4;
        for k in (i.saturating_sub(BACK)..i).rev() {
            if is_sentence_end(self.toks, k) || self.tok(k + 1).is_some_and(|t| t.newline_before) {
                break;
            }
            if let Some(t) = self.cue(k) {
                return Some(t);
            }
        }
        for k in i + 1..(i + 1 + AHEAD).min(self.toks.len()) {
            if self.tok(k).is_some_and(|t| t.newline_before) || is_sentence_end(self.toks, k) {
                break;
            }
            if let Some(t) = self.cue(k) {
                return Some(t);
            }
        }
        None
    }

    /// Whether the "-ed" word at `k` reads as an adjective ("preferred shares", "increased
    /// dividend"): a content word follows it rather than an article, a preposition or a number.
    fn adjectival(&self, k: usize) -> bool {
        match self.tok(k + 1) {
            Some(t) if t.kind == Kind::Word && !t.capitalized() => {
                !lexicon::VERB_FOLLOWERS.contains(&t.lower.as_str())
                    && lexicon::month(&t.lower).is_none()
                    && lexicon::weekday(&t.lower).is_none()
            }
            _ => false,
        }
    }

    /// A verb cue at `k`: an auxiliary or a past form. A participle after "be"/"been" is passive and
    /// says nothing about the time.
    fn cue(&self, k: usize) -> Option<Tense> {
        let w = self.word(k)?;
        let after_be = k.checked_sub(1).and_then(|p| self.word(p)).is_some_and(|p| matches!(p, "be" | "been" | "being"));
        match w {
            "will" | "shall" | "ll" | "tomorrow" | "scheduled" | "planned" | "expects" | "due" => Some(Tense::Future),
            // "as soon as Tuesday", "as early as next week"
            "soon" | "early" if k.checked_sub(1).is_some_and(|p| self.word_is(p, &["as"])) && self.word_is(k + 1, &["as"]) => {
                Some(Tense::Future)
            }
            "going" | "plans" | "plan" | "planning" | "preparing" if self.word_is(k + 1, &["to"]) => Some(Tense::Future),
            _ if after_be => None,
            // "to resume Monday": an infinitive looks ahead; "extended to Nov. 16" is a deadline.
            "to" if self.adjectival(k) => Some(Tense::Future),
            // A deadline or a payment date: no tense, the nearest date.
            "payable" | "effective" | "by" | "until" | "through" | "record" | "to" => Some(Tense::Present),
            "expected" => Some(Tense::Future),
            "was" | "were" | "had" | "did" | "said" | "ago" | "yesterday" | "told" | "came" | "went" | "took" | "made" | "gave"
            | "began" | "became" | "rose" | "fell" | "won" | "lost" | "met" | "saw" | "left" | "got" | "sold" | "paid" | "spent"
            | "brought" | "bought" | "held" | "grew" | "says" | "last" => Some(Tense::Past),
            w if w.len() > 4 && w.ends_with("ed") && !after_be && !self.adjectival(k) => Some(Tense::Past),
            _ => None,
        }
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
        let t = self.tok(i)?;
        if t.kind != Kind::Word || !t.capitalized() {
            return None;
        }
        let m = lexicon::month(&t.lower)?;
        if lexicon::is_full_month(&t.lower) {
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

    /// Picks the year for a month (and day) given without one, from the reference and the tense.
    fn year_for(&self, i: usize, month: u32, day: Option<u32>) -> Option<(i32, ValueBasis)> {
        let reference = self.reference()?;
        let key = |y: i32| (y, month, day.unwrap_or(1));
        let ref_key = (reference.year(), reference.month(), if day.is_some() { reference.day() } else { 1 });
        let candidates = [reference.year() - 1, reference.year(), reference.year() + 1];
        // A verb next to the date decides; without one, news means the nearest such date.
        let y = match self.local_tense(i) {
            Some(Tense::Past) => candidates.iter().rev().copied().find(|&y| key(y) <= ref_key),
            Some(Tense::Future) => candidates.iter().copied().find(|&y| key(y) >= ref_key),
            _ => {
                // News mostly reports the past: the next such date only when it is close ahead.
                let r = i64::from(reference.year()) * 12 + i64::from(reference.month());
                let r_day = i64::from(if day.is_some() { reference.day() } else { 1 });
                let d = i64::from(day.unwrap_or(1));
                let ahead = |y: i32| (i64::from(y) * 12 + i64::from(month) - r) * 31 + d - r_day;
                let next = candidates.iter().copied().find(|&y| ahead(y) > 0);
                let past = candidates.iter().rev().copied().find(|&y| ahead(y) <= 0);
                match (past, next) {
                    (Some(p), Some(n)) => Some(if ahead(n) <= FUTURE_WINDOW { n } else { p }),
                    (p, n) => p.or(n),
                }
            }
        }?;
        Some((y, ValueBasis::ReferenceYear))
    }

    /// The year near the reference in which `month`/`day` falls on `weekday`.
    fn year_for_weekday(&self, month: u32, day: u32, weekday: u32) -> Option<i32> {
        let y0 = self.reference()?.year();
        [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6]
            .iter()
            .map(|k| y0 + k)
            .find(|&y| valid_day(y, month, day).is_some_and(|d| d.weekday().number_from_monday() == weekday))
    }

    /// Weekday at `i`: full names capitalised; abbreviations need a dot or a following number.
    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word || !t.capitalized() {
            return None;
        }
        let w = lexicon::weekday(&t.lower)?;
        if lexicon::is_full_weekday(&t.lower) {
            return Some((w, i + 1));
        }
        self.glued(i + 1, ".").then_some((w, i + 2))
    }

    // ------------------------------------------------------------------ absolute dates

    /// 2018-06-04, 2018-06.
    fn iso(&self, i: usize) -> Option<Found> {
        let (y, _) = self.year_at(i)?;
        if !self.glued(i + 1, "-") {
            return None;
        }
        let m_tok = self.tok(i + 2).filter(|t| t.kind == Kind::Number && t.text.len() == 2 && !t.space_before)?;
        let m = m_tok.number().filter(|m| (1..=12).contains(m))?;
        if self.glued(i + 3, "-") {
            let d_tok = self.tok(i + 4).filter(|t| t.kind == Kind::Number && t.text.len() == 2 && !t.space_before)?;
            let d = valid_day(y, m, d_tok.number()?)?;
            return Some(Found::date(i + 5, Cal::Day(d), ValueBasis::Stated));
        }
        Some(Found::date(i + 3, Cal::Month(y, m), ValueBasis::Stated))
    }

    /// 04/06/2018, 4.6.18: day first in en-GB unless a part over 12 decides.
    fn slashed(&self, i: usize) -> Option<Found> {
        let a = self.tok(i).filter(|t| t.kind == Kind::Number && t.text.len() <= 2)?;
        let sep = self.tok(i + 1).filter(|t| (t.is("/") || t.is(".") || t.is("-")) && !t.space_before)?;
        let b = self.tok(i + 2).filter(|t| t.kind == Kind::Number && t.text.len() <= 2 && !t.space_before)?;
        if !self.tok(i + 3).is_some_and(|t| t.is(sep.text) && !t.space_before) {
            return None;
        }
        let c = self.tok(i + 4).filter(|t| t.kind == Kind::Number && (t.text.len() == 2 || t.text.len() == 4) && !t.space_before)?;
        // Not part of a longer run of numbers (an IP address or a version).
        if self.tok(i + 5).is_some_and(|t| !t.space_before && (t.is(sep.text)) && self.tok(i + 6).is_some_and(|n| n.kind == Kind::Number)) {
            return None;
        }
        let y = full_year(c.number()?, c.text.len())?;
        let (a, b) = (a.number()?, b.number()?);
        let (d, m) = if a > 12 {
            (a, b)
        } else if b > 12 {
            (b, a)
        } else {
            match self.locale {
                Locale::EnGb => (a, b),
                Locale::EnUs => (b, a),
            }
        };
        let date = valid_day(y, m, d)?;
        Some(Found::date(i + 5, Cal::Day(date), ValueBasis::Stated))
    }

    /// [Weekday[,]] D[th] [of] Month [[,] YYYY]  and  [Weekday[,]] Month D[th] [[,] YYYY].
    fn day_month(&self, i: usize) -> Option<Found> {
        let (weekday, j) = match self.weekday_at(i) {
            Some((w, j)) => (Some(w), if self.tok(j).is_some_and(|t| t.is(",")) { j + 1 } else { j }),
            None => (None, i),
        };
        let parsed = self.day_then_month(j).or_else(|| self.month_then_day(j))?;
        let (day, month, after) = parsed;
        // Optional year.
        let mut k = after;
        if self.tok(k).is_some_and(|t| t.is(",")) && self.year_at(k + 1).is_some() {
            k += 1;
        }
        let (date, end, resolution) = match self.year_at(k) {
            Some((y, end)) => (valid_day(y, month, day)?, end, ValueBasis::Stated),
            None => {
                let checked = weekday.and_then(|w| self.year_for_weekday(month, day, w));
                match checked {
                    Some(y) => (valid_day(y, month, day)?, after, ValueBasis::WeekdayChecked),
                    None => match self.year_for(i, month, Some(day)) {
                        Some((y, r)) => (valid_day(y, month, day)?, after, r),
                        None => {
                            // No reference: an underspecified value.
                            let value = format!("XXXX-{month:02}-{day:02}");
                            return Some(Found::other(after, TimexType::Date, value, ValueBasis::Unanchored));
                        }
                    },
                }
            }
        };
        let end = self.with_day_part(end, date).map_or(end, |(e, _)| e);
        let cal = self.with_day_part(end.min(after.max(end)), date).map_or(Cal::Day(date), |(_, c)| c);
        Some(Found::date(end, cal, resolution))
    }

    fn day_then_month(&self, j: usize) -> Option<(u32, u32, usize)> {
        let (day, k) = self.day_number_at(j)?;
        let k = if self.word_is(k, &["of"]) { k + 1 } else { k };
        let (month, after) = self.month_at(k)?;
        Some((day, month, after))
    }

    fn month_then_day(&self, j: usize) -> Option<(u32, u32, usize)> {
        let (month, k) = self.month_at(j)?;
        let (day, after) = self.day_number_at(k)?;
        // "June 2018" is a month and a year, handled elsewhere; "June 4" is a day.
        if self.tok(k).is_some_and(|t| t.text.len() > 2) {
            return None;
        }
        // "May 1,000" or "March 3-4 percent" — keep it simple: a day number followed by a unit is not a day.
        if self.word(after).and_then(lexicon::unit).is_some() {
            return None;
        }
        Some((day, month, after))
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

    /// Month [of|,] YYYY  or  Month alone.
    fn month_year(&self, i: usize) -> Option<Found> {
        let (month, j) = self.month_at(i)?;
        let k = if self.word_is(j, &["of"]) || self.tok(j).is_some_and(|t| t.is(",")) { j + 1 } else { j };
        if let Some((y, end)) = self.year_at(k) {
            return Some(Found::date(end, Cal::Month(y, month), ValueBasis::Stated));
        }
        // A month alone. "May" and "March" are verbs and names too: ask for a signal word.
        let word = self.tok(i)?.lower.as_str();
        let prev = i.checked_sub(1).and_then(|p| self.word(p));
        let sentence_start = i == 0 || self.tok(i - 1).is_some_and(|p| p.is(".") || p.is("\"") || p.newline_before);
        // "the March meeting": an article and a noun after it.
        let the_noun = prev == Some("the")
            && self.tok(j).is_some_and(|n| {
                n.kind == Kind::Word
                    && !n.capitalized()
                    && !matches!(n.lower.as_str(), "of" | "and" | "or" | "to" | "in" | "on" | "for" | "was" | "is" | "will" | "had" | "has")
            });
        if matches!(word, "may" | "march") && !prev.is_some_and(|p| lexicon::MONTH_SIGNALS.contains(&p)) && !the_noun {
            return None;
        }
        if !lexicon::is_full_month(word) && !self.glued(i + 1, ".") {
            return None;
        }
        if sentence_start && word == "may" {
            return None;
        }
        // "June last year", "January this year"
        if let (Some(shift), Some(r)) = (
            match self.word(j) {
                Some("this") => Some(0),
                Some("last") => Some(-1),
                Some("next") => Some(1),
                _ => None,
            },
            self.reference(),
        ) {
            if self.word_is(j + 1, &["year"]) {
                return Some(Found::date(j + 2, Cal::Month(r.year() + shift, month), ValueBasis::ReferenceDate));
            }
        }
        match self.year_for(i, month, None) {
            Some((y, r)) => Some(Found::date(j, Cal::Month(y, month), r)),
            None => Some(Found::other(j, TimexType::Date, format!("XXXX-{month:02}"), ValueBasis::Unanchored)),
        }
    }

    /// A weekday alone ("on Friday"), with an optional part of day ("Friday night").
    fn weekday_alone(&self, i: usize) -> Option<Found> {
        let (w, j) = self.weekday_at(i)?;
        let reference = self.reference();
        let Some(reference) = reference else {
            return Some(Found::other(j, TimexType::Date, format!("XXXX-WXX-{w}"), ValueBasis::Unanchored));
        };
        let today = reference.weekday().number_from_monday();
        let back = i64::from((today + 7 - w) % 7);
        let forward = i64::from((w + 7 - today) % 7);
        // News reports what happened: a weekday is the last one on or before the reference unless a
        // verb next to it points ahead.
        let offset = match self.local_tense(i) {
            Some(Tense::Future) => forward,
            _ => -back,
        };
        let date = Cal::Day(reference).shift(Step::Days, offset)?.day()?;
        let (end, cal) = self.with_weekday_part(j, date);
        let mut found = Found::date(end, cal, ValueBasis::ReferenceDate);
        // TimeBank types "Friday night" as a DATE.
        found.kind = TimexType::Date;
        Some(found)
    }

    /// A year alone, with a signal word before it or punctuation after it; decades ("1990s").
    fn year_alone(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        // "the '90s"
        if t.is("'") || t.is("’") {
            let n = self.tok(i + 1).filter(|n| n.kind == Kind::Number && n.text.len() == 2 && !n.space_before)?;
            if self.tok(i + 2).is_some_and(|s| s.lower == "s" && !s.space_before) {
                let yy = n.number()?;
                let century = self.reference().map_or(19, |r| r.year() / 100);
                let century = if i32::try_from(yy).ok()? > self.reference().map_or(99, |r| r.year() % 100) { century - 1 } else { century };
                return Some(Found::date(i + 3, Cal::Decade(century * 10 + i32::try_from(yy / 10).ok()?), ValueBasis::Stated));
            }
            return None;
        }
        // "the year two thousand", "the year 2000"
        if self.word_is(i, &["the"]) && self.word_is(i + 1, &["year"]) {
            let (y, j) = self.year_at(i + 2)?;
            return Some(Found::date(j, Cal::Year(y), ValueBasis::Stated));
        }
        let (y, j) = self.year_at(i)?;
        // 1990s
        if self.tok(j).is_some_and(|s| s.lower == "s" && !s.space_before) && y % 10 == 0 {
            return Some(Found::date(j + 1, Cal::Decade(y / 10), ValueBasis::Stated));
        }
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        // "post-1959", "pre-1914": the year is the date.
        let prefixed = prev.is_some_and(|p| p.is("-") && !p.space_before && !t.space_before)
            && i.checked_sub(2).is_some_and(|p| self.word_is(p, &["post", "pre"]));
        if !prefixed
            && prev
                .is_some_and(|p| p.is("$") || p.is("£") || p.is("€") || p.is("#") || p.is("-") && !t.space_before || p.kind == Kind::Number)
        {
            return None;
        }
        let next = self.tok(j);
        if next.is_some_and(|n| n.is("%") || (n.kind == Kind::Number)) {
            return None;
        }
        // A year in words ("nineteen ninety-one") needs no signal.
        // "a 1996 law", "a 1997 report": an article, a year of this era and a singular noun.
        let article = prev.is_some_and(|p| matches!(p.lower.as_str(), "a" | "an"))
            && (1900..=2099).contains(&y)
            && next.is_some_and(|n| {
                n.kind == Kind::Word
                    && !n.capitalized()
                    && !n.lower.ends_with('s')
                    && lexicon::unit(&n.lower).is_none()
                    && !matches!(
                        n.lower.as_str(),
                        "percent" | "per" | "feet" | "foot" | "meter" | "metre" | "mile" | "ton" | "pound" | "acre" | "seat" | "square"
                    )
            });
        let signal = prev.is_some_and(|p| p.kind == Kind::Word && lexicon::YEAR_SIGNALS.contains(&p.lower.as_str()))
            || j > i + 2
            || prefixed
            || article;
        let ends = match next {
            None => true,
            Some(n) => n.kind == Kind::Punct && !n.is("%") && !n.is("-") || n.lower == "and" || n.lower == "to",
        };
        let possessive = next.is_some_and(|n| n.is("'") || n.is("’")) && self.tok(j + 1).is_some_and(|s| s.lower == "s");
        if !(signal || ends || possessive) {
            return None;
        }
        Some(Found::date(j, Cal::Year(y), ValueBasis::Stated))
    }

    /// Seasons: "summer", "the summer of 2012", "summer 2012".
    fn season(&self, i: usize) -> Option<Found> {
        let s = lexicon::season(self.word(i)?)?;
        let mut j = i + 1;
        if self.word_is(j, &["of"]) {
            j += 1;
        }
        if let Some((y, end)) = self.year_at(j) {
            return Some(Found::date(end, Cal::Season(y, s), ValueBasis::Stated));
        }
        // A season alone is a date only after a preposition ("in the summer", "this summer" is relative()).
        let prev = i.checked_sub(1).and_then(|p| self.word(p));
        let prev2 = i.checked_sub(2).and_then(|p| self.word(p));
        let introduced = matches!(prev, Some("in" | "during" | "by" | "until" | "since" | "over"))
            || (prev == Some("the") && matches!(prev2, Some("in" | "during" | "by" | "until" | "since" | "over" | "through")));
        if !introduced {
            return None;
        }
        let reference = self.reference()?;
        let y = match self.tense(i) {
            Tense::Future => reference.year(),
            _ => {
                let first = Cal::Season(reference.year(), s).first_day()?;
                if first > reference {
                    reference.year() - 1
                } else {
                    reference.year()
                }
            }
        };
        Some(Found::date(i + 1, Cal::Season(y, s), ValueBasis::ReferenceYear))
    }

    /// Quarters and halves: "the third quarter [of 1989]", "third-quarter", "Q1 2013", "the first half".
    fn quarter(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let the = self.word_is(j, &["the"]);
        if the {
            j += 1;
        }
        let t = self.tok(j)?;
        // Q1 2013
        if t.kind == Kind::Word && t.text.len() == 1 && (t.text == "Q" || t.text == "H") {
            let n = self.tok(j + 1).filter(|n| n.kind == Kind::Number && !n.space_before)?.number()?;
            let (y, end) = self.year_at(j + 2).or_else(|| {
                self.tok(j + 2)
                    .filter(|a| a.is("'"))
                    .and(self.tok(j + 3))
                    .filter(|n| n.kind == Kind::Number && n.text.len() == 2)
                    .and_then(|n| Some((full_year(n.number()?, 2)?, j + 4)))
            })?;
            let cal = if t.text == "Q" && (1..=4).contains(&n) {
                Cal::Quarter(y, n)
            } else if t.text == "H" && (1..=2).contains(&n) {
                Cal::Half(y, n)
            } else {
                return None;
            };
            return Some(Found::date(end, cal, ValueBasis::Stated));
        }
        let n = lexicon::ordinal(&t.lower).or_else(|| {
            let (d, _) = self.day_number_at(j).filter(|(_, k)| *k == j + 2)?;
            Some(d)
        });
        let (n, k) = match n {
            Some(n) => (Some(n), if lexicon::ordinal(&t.lower).is_some() { j + 1 } else { j + 2 }),
            None if the && self.word_is(j, &["latest", "current", "same", "last", "previous", "prior", "fiscal"]) => (None, j + 1),
            None if the => (None, j),
            None => return None,
        };
        // "the third-quarter loss": the article belongs to the noun.
        if the && n.is_some() && self.glued(k, "-") {
            return None;
        }
        let k = if self.glued(k, "-") { k + 1 } else { k };
        let half = self.word_is(k, &["half"]);
        if !(self.word_is(k, &["quarter"]) || half) {
            return None;
        }
        if n.is_some_and(|n| if half { n > 2 } else { n > 4 }) {
            return None;
        }
        let mut end = k + 1;
        let explicit_year = if self.word_is(end, &["of"]) {
            self.year_at(end + 1)
        } else if self.tok(end).is_some_and(|t| t.kind == Kind::Number) {
            self.year_at(end)
        } else {
            None
        };
        let modifier_word = if the && n.is_none() { self.word(j) } else { None };
        // "the last half of 1989" is its second half.
        let n =
            if half && n.is_none() && explicit_year.is_some() && matches!(modifier_word, Some("last" | "latter")) { Some(2) } else { n };
        let (year, resolution) = match explicit_year {
            Some((y, e)) => {
                end = e;
                (y, ValueBasis::Stated)
            }
            None => {
                // Without a year: the reference year, unless the quarter lies two or more quarters
                // ahead of the reference in a sentence not about the future (then it is last
                // year's, as "fourth-quarter results" in a January report).
                let last_year = self.last.map(|c| c.year());
                match (self.reference(), last_year) {
                    (Some(r), _) => {
                        let current = if half { r.month0() / 6 + 1 } else { r.month0() / 3 + 1 };
                        let ahead = n.is_some_and(|n| n >= current + 2 || half && n > current);
                        if ahead && self.local_tense(i) != Some(Tense::Future) {
                            (r.year() - 1, ValueBasis::ReferenceYear)
                        } else {
                            (r.year(), ValueBasis::ReferenceYear)
                        }
                    }
                    (None, Some(y)) => (y, ValueBasis::LastMentioned),
                    (None, None) => {
                        let value = match n {
                            Some(n) if half => format!("XXXX-H{n}"),
                            Some(n) => format!("XXXX-Q{n}"),
                            None => "XXXX-QX".to_owned(),
                        };
                        return Some(Found::other(end, TimexType::Date, value, ValueBasis::Unanchored));
                    }
                }
            }
        };
        let cal = match n {
            Some(n) if half => Cal::Half(year, n),
            Some(n) => Cal::Quarter(year, n),
            None => {
                // "the quarter", "the latest quarter": the last quarter mentioned, else the last one completed.
                let last_quarter = self.topic_quarter();
                let base = match last_quarter.filter(|_| !matches!(modifier_word, Some("latest" | "current"))) {
                    Some(q) => q,
                    None if modifier_word == Some("current") => {
                        let r = self.reference()?;
                        Cal::Quarter(r.year(), r.month0() / 3 + 1)
                    }
                    None => {
                        let r = self.reference()?;
                        Cal::Quarter(r.year(), r.month0() / 3 + 1).shift(Step::Quarters, -1)?
                    }
                };
                match modifier_word {
                    Some("last" | "previous" | "prior") if last_quarter.is_some() => base.shift(Step::Quarters, -1)?,
                    _ => base,
                }
            }
        };
        // "the quarter a year ago": the same quarter a year before.
        if let Some(after) = self.year_back_phrase(end).filter(|_| matches!(cal, Cal::Quarter(..) | Cal::Half(..))) {
            return Some(Found { anchors: false, ..Found::date(after, cal.shift(Step::Years, -1)?, resolution) });
        }
        Some(Found::date(end, cal, resolution))
    }

    /// Quarters and fiscal years with a qualifier before them: "the fiscal first quarter", "this
    /// year's third quarter", "next year's first quarter", "the year-ago third quarter", "the 1988
    /// third quarter", "the 1988 period", "its fourth quarter", "fiscal 1989".
    fn quarter_prefixed(&self, i: usize) -> Option<Found> {
        let mut k = i;
        if self.word_is(k, &["the", "its", "their"]) {
            k += 1;
        }
        let mut shift: Option<i32> = None;
        let mut explicit: Option<i32> = None;
        let mut fiscal = false;
        for _ in 0..3 {
            let w = self.word(k);
            if matches!(w, Some("comparable" | "corresponding" | "fiscal")) {
                fiscal |= w == Some("fiscal");
                k += if self.glued(k + 1, "-") { 2 } else { 1 };
            } else if matches!(w, Some("this" | "last" | "next"))
                && k == i
                && self.word_is(k + 1, &["year"])
                && self.tok(k + 2).is_some_and(|t| (t.is("'") || t.is("’")) && !t.space_before)
                && self.word_is(k + 3, &["s"])
            {
                shift = Some(match w {
                    Some("last") => -1,
                    Some("next") => 1,
                    _ => 0,
                });
                k += 4;
            } else if self.word_is(k, &["year"]) && self.glued(k + 1, "-") && self.word_is(k + 2, &["ago", "earlier"]) {
                shift = Some(-1);
                k += 3;
            } else if let Some((y, after)) = self.year_at(k).filter(|_| explicit.is_none()) {
                explicit = Some(y);
                k = after;
            } else {
                break;
            }
        }
        let year_back = self.word_is(k, &["quarter", "period"]) && self.year_back_phrase(k + 1).is_some();
        if shift.is_none() && explicit.is_none() && !fiscal && !year_back || k == i {
            return None;
        }
        if let Some(f) = self.quarter(k) {
            let cal = f.cal?;
            let cal = match (explicit, shift, cal) {
                (Some(y), _, Cal::Quarter(_, q)) => Cal::Quarter(y, q),
                (Some(y), _, Cal::Half(_, h)) => Cal::Half(y, h),
                (None, Some(n), c) => c.shift(Step::Years, i64::from(n))?,
                (_, _, c) => c,
            };
            let resolution = if explicit.is_some() { ValueBasis::Stated } else { f.resolution };
            return Some(Found { anchors: shift.is_none(), ..Found::date(f.end, cal, resolution) });
        }
        // "the corresponding period last year", "the same quarter a year ago"
        let mut end = k + 1;
        if self.word_is(k, &["quarter", "period"]) && shift.is_none() && explicit.is_none() {
            if let Some(after) = self.year_back_phrase(k + 1) {
                shift = Some(-1);
                end = after;
            }
        }
        if self.word_is(k, &["quarter", "period"]) && (explicit.is_some() || shift.is_some()) {
            let last_quarter = self.topic_quarter();
            let cal = match (last_quarter, explicit, shift) {
                (Some(Cal::Quarter(_, q)), Some(y), _) => Cal::Quarter(y, q),
                (None, Some(y), _) => Cal::Year(y),
                (Some(c), None, Some(n)) => c.shift(Step::Years, i64::from(n))?,
                // No quarter under discussion: the last one completed before the report.
                (None, None, Some(n)) => {
                    let r = self.reference()?;
                    Cal::Quarter(r.year(), r.month0() / 3 + 1).shift(Step::Quarters, -1)?.shift(Step::Years, i64::from(n))?
                }
                _ => return None,
            };
            let resolution = if explicit.is_some() { ValueBasis::Stated } else { ValueBasis::LastMentioned };
            return Some(Found { anchors: shift.is_none(), ..Found::date(end, cal, resolution) });
        }
        // "fiscal 1989"
        match explicit {
            Some(y) if fiscal && shift.is_none() => Some(Found::date(k, Cal::Year(y), ValueBasis::Stated)),
            _ => None,
        }
    }

    /// "last year", "a year ago", "a year earlier" at `k`: the index after it.
    fn year_back_phrase(&self, k: usize) -> Option<usize> {
        if self.word_is(k, &["last"])
            && self.word_is(k + 1, &["year"])
            && !self.tok(k + 2).is_some_and(|t| (t.is("'") || t.is("’")) && !t.space_before)
        {
            return Some(k + 2);
        }
        (self.word_is(k, &["a"]) && self.word_is(k + 1, &["year"]) && self.word_is(k + 2, &["ago", "earlier"])).then_some(k + 3)
    }

    /// The quarter under discussion: the last quarter mentioned, or the one holding the last day or
    /// month mentioned ("the quarter ended Sept. 30").
    fn topic_quarter(&self) -> Option<Cal> {
        match self.last? {
            c @ Cal::Quarter(..) => Some(c),
            Cal::Month(y, m) => Some(Cal::Quarter(y, (m - 1) / 3 + 1)),
            c @ (Cal::Day(_) | Cal::DayPart(..) | Cal::Time(..)) => {
                let d = c.day()?;
                Some(Cal::Quarter(d.year(), d.month0() / 3 + 1))
            }
            _ => None,
        }
    }

    /// Holidays with a fixed rule: "Thanksgiving (Day)", "Christmas (Day|Eve)", "New Year's Day|Eve",
    /// "Independence Day", "Halloween", "Labor Day", "Memorial Day", "Valentine's Day"; after
    /// "last"/"next" the one before or after the reference.
    fn holiday(&self, i: usize) -> Option<Found> {
        let direction = match self.word(i)? {
            "last" => Some(-1),
            "next" | "this" => Some(1),
            _ => None,
        };
        let j = if direction.is_some() { i + 1 } else { i };
        let t = self.tok(j)?;
        if !t.capitalized() {
            return None;
        }
        let possessive = |k: usize| self.tok(k).is_some_and(|a| (a.is("'") || a.is("’")) && !a.space_before) && self.word_is(k + 1, &["s"]);
        let day_word = |k: usize, words: &[&str]| self.tok(k).is_some_and(|t| t.capitalized() && words.contains(&t.lower.as_str()));
        // (rule, index after the name)
        let (rule, end): (fn(i32) -> Option<NaiveDate>, usize) = match t.lower.as_str() {
            "thanksgiving" => (|y| nth_weekday(y, 11, 4, 4), if day_word(j + 1, &["day"]) { j + 2 } else { j + 1 }),
            "christmas" if day_word(j + 1, &["eve"]) => (|y| NaiveDate::from_ymd_opt(y, 12, 24), j + 2),
            "christmas" => (|y| NaiveDate::from_ymd_opt(y, 12, 25), if day_word(j + 1, &["day"]) { j + 2 } else { j + 1 }),
            "halloween" => (|y| NaiveDate::from_ymd_opt(y, 10, 31), j + 1),
            "new" if day_word(j + 1, &["year"]) && possessive(j + 2) && day_word(j + 4, &["eve"]) => {
                (|y| NaiveDate::from_ymd_opt(y, 12, 31), j + 5)
            }
            "new" if day_word(j + 1, &["year"]) && possessive(j + 2) && day_word(j + 4, &["day"]) => {
                (|y| NaiveDate::from_ymd_opt(y, 1, 1), j + 5)
            }
            "valentine" if possessive(j + 1) && day_word(j + 3, &["day"]) => (|y| NaiveDate::from_ymd_opt(y, 2, 14), j + 4),
            "independence" if day_word(j + 1, &["day"]) => (|y| NaiveDate::from_ymd_opt(y, 7, 4), j + 2),
            "labor" | "labour" if day_word(j + 1, &["day"]) => (|y| nth_weekday(y, 9, 1, 1), j + 2),
            "memorial" if day_word(j + 1, &["day"]) => {
                (|y| nth_weekday(y, 6, 1, 1).and_then(|d| d.checked_sub_days(chrono::Days::new(7))), j + 2)
            }
            // The first Tuesday after the first Monday of November.
            "election" if day_word(j + 1, &["day"]) => {
                (|y| nth_weekday(y, 11, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(1))), j + 2)
            }
            // "Easter week": the week of Easter Sunday, read from its Monday.
            "easter" if self.word_is(j + 1, &["week"]) => (|y| easter(y).and_then(|d| d.checked_sub_days(chrono::Days::new(6))), j + 2),
            "easter" => (easter, if day_word(j + 1, &["sunday"]) { j + 2 } else { j + 1 }),
            _ => return None,
        };
        let week = t.lower == "easter" && self.word_is(j + 1, &["week"]);
        let Some(r) = self.reference() else {
            let d = rule(2000)?;
            return Some(Found::other(end, TimexType::Date, format!("XXXX-{:02}-{:02}", d.month(), d.day()), ValueBasis::Unanchored));
        };
        let dates = [rule(r.year() - 1)?, rule(r.year())?, rule(r.year() + 1)?];
        let tense = match direction {
            Some(-1) => Some(Tense::Past),
            Some(_) => Some(Tense::Future),
            None => self.local_tense(i),
        };
        let date = match tense {
            Some(Tense::Past) => dates.iter().rev().copied().find(|d| *d <= r)?,
            Some(Tense::Future) => dates.iter().copied().find(|d| *d >= r)?,
            _ => {
                let past = dates.iter().rev().copied().find(|d| *d <= r)?;
                let next = dates.iter().copied().find(|d| *d > r)?;
                if (next - r).num_days() <= FUTURE_WINDOW {
                    next
                } else {
                    past
                }
            }
        };
        if week {
            return Some(Found::date(end, Cal::Week(date.iso_week().year(), date.iso_week().week()), ValueBasis::ReferenceDate));
        }
        Some(Found::date(end, Cal::Day(date), ValueBasis::ReferenceDate))
    }

    /// "the 20th century", "the twentieth century", "the nineties".
    fn century_decade(&self, i: usize) -> Option<Found> {
        let j = if self.word_is(i, &["the"]) { i + 1 } else { return None };
        if let Some((n, k)) = self.day_number_at(j) {
            if self.word_is(k, &["century"]) && (1..=22).contains(&n) {
                return Some(Found::date(k + 1, Cal::Century(n as i32 - 1), ValueBasis::Stated));
            }
        }
        let decade = match self.word(j)? {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => return None,
        };
        Some(Found::date(j + 1, Cal::Decade(190 + decade), ValueBasis::Stated))
    }

    // ------------------------------------------------------------------ relative dates

    /// today, yesterday, tomorrow, tonight, now, currently, the past, the future, recently.
    fn deictic(&self, i: usize) -> Option<Found> {
        let w = self.word(i)?;
        let day_shift = match w {
            // "today's world", "today's youth": the present age, which news leaves untagged.
            "today"
                if self.tok(i + 1).is_some_and(|a| a.is("'") || a.is("’"))
                    && self.word_is(i + 2, &["s"])
                    && self.word_is(i + 3, lexicon::PRESENT_AGE_NOUNS) =>
            {
                return None;
            }
            "today" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            "tonight" => {
                let r = self.reference();
                return Some(match r {
                    // Valued as the day, as a weekday's night is (see with_weekday_part()).
                    Some(r) => Found::date(i + 1, Cal::Day(r), ValueBasis::ReferenceDate),
                    None => Found::other(i + 1, TimexType::Time, "PRESENT_REF", ValueBasis::Unanchored),
                });
            }
            _ => None,
        };
        if let Some(shift) = day_shift {
            let Some(r) = self.reference() else {
                return Some(Found::other(i + 1, TimexType::Date, "PRESENT_REF", ValueBasis::Unanchored));
            };
            let date = Cal::Day(r).shift(Step::Days, shift)?.day()?;
            let (end, cal) = self.with_day_part(i + 1, date).unwrap_or((i + 1, Cal::Day(date)));
            let mut f = Found::date(end, cal, ValueBasis::ReferenceDate);
            f.kind = TimexType::Date;
            return Some(f);
        }
        let (end, value) = match w {
            "now" | "currently" | "nowadays" => (i + 1, "PRESENT_REF"),
            // "the current system", "its current owner": an adjective about now, unless a unit
            // follows ("the current quarter" is relative()) or it is electric ("current account").
            "current"
                if self.tok(i + 1).is_some_and(|n| n.kind == Kind::Word || n.kind == Kind::Number)
                    && !self.word(i + 1).is_some_and(|w| {
                        lexicon::unit(w).is_some()
                            || matches!(
                                w,
                                "fiscal" | "account" | "accounts" | "affairs" | "events" | "and" | "or" | "of" | "to" | "is" | "was"
                            )
                    })
                    && !self.tok(i + 2).is_some_and(|t| t.kind == Kind::Word && lexicon::unit(&t.lower).is_some()) =>
            {
                (i + 1, "PRESENT_REF")
            }
            "recently" => (i + 1, "PAST_REF"),
            "the" if self.word_is(i + 1, &["weekend"]) => {
                // The weekend just gone in a report, the coming one when a verb points ahead.
                let r = self.reference()?;
                let iso = r.iso_week();
                let this = Cal::Weekend(iso.year(), iso.week());
                let weekend_started = r.weekday().number_from_monday() >= 6;
                let cal = match self.local_tense(i) {
                    Some(Tense::Future) => this,
                    _ if weekend_started => this,
                    _ => this.shift(Step::Weeks, -1)?,
                };
                return Some(Found::date(i + 2, cal, ValueBasis::ReferenceDate));
            }
            "the" => match self.word(i + 1)? {
                "past" if !self.next_is_duration(i + 2) => (i + 2, "PAST_REF"),
                "future" => (i + 2, "FUTURE_REF"),
                "present" if !self.word_is(i + 2, &["day"]) => (i + 2, "PRESENT_REF"),
                _ => return None,
            },
            "present" if self.word_is(i.wrapping_sub(1), &["at"]) => (i + 1, "PRESENT_REF"),
            _ => return None,
        };
        Some(Found::other(end, TimexType::Date, value, ValueBasis::Unanchored))
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

    /// "recent years", "recent weeks": an unspecified length of time up to now.
    fn recent(&self, i: usize) -> Option<Found> {
        if !self.word_is(i, &["recent"]) {
            return None;
        }
        let w = self.word(i + 1)?;
        let unit = lexicon::unit(w).filter(|_| w.ends_with('s'))?;
        // "recent weeks and months": the recent past.
        if self.word_is(i + 2, &["and", "or"])
            && self.word(i + 3).and_then(lexicon::unit).is_some()
            && self.word(i + 3).is_some_and(|w| w.ends_with('s'))
        {
            return Some(Found::other(i + 4, TimexType::Date, "PAST_REF", ValueBasis::Unanchored));
        }
        Some(Found::other(i + 2, TimexType::Duration, unit.duration(None), ValueBasis::Unanchored))
    }

    fn next_is_duration(&self, i: usize) -> bool {
        self.quantity(i).is_some() || self.word(i).and_then(lexicon::unit).is_some()
    }

    /// this/last/next/past/coming + unit, weekday, month or season; "earlier this year".
    fn relative(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut modifier = None;
        if self.word_is(j, &["earlier", "later"]) && self.word_is(j + 1, &["this", "last", "next"]) {
            j += 1;
        }
        if self.word_is(j, &["early", "late", "mid"]) || (self.word_is(j, &["mid"]) && self.glued(j + 1, "-")) {
            modifier = Some(match self.word(j)? {
                "early" => Modifier::Start,
                "late" => Modifier::End,
                _ => Modifier::Mid,
            });
            j += 1;
            if self.glued(j, "-") {
                j += 1;
            }
        }
        let direction: i64 = match self.word(j)? {
            "this" | "current" => 0,
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            _ => return None,
        };
        let reference = self.reference();
        let k = j + 1;
        let found = if let Some(unit) = self.word(k).and_then(lexicon::unit) {
            if self.tok(k).is_some_and(|t| t.lower.ends_with('s')) {
                // "last years" is not a date; "the past days" neither.
                return None;
            }
            // ABC's "This Week": a title in quotes.
            let quoted = j.checked_sub(1).and_then(|p| self.tok(p)).is_some_and(|p| matches!(p.text, "\"" | "`" | "``" | "'" | "“"));
            if quoted && self.tok(j).is_some_and(|t| t.capitalized()) && self.tok(k).is_some_and(|t| t.capitalized()) {
                return None;
            }
            let r = reference?;
            let base = match unit {
                CalendarUnit::Day => Cal::Day(r),
                CalendarUnit::Week | CalendarUnit::Fortnight => Cal::Week(r.iso_week().year(), r.iso_week().week()),
                CalendarUnit::Weekend => Cal::Weekend(r.iso_week().year(), r.iso_week().week()),
                CalendarUnit::Month => Cal::Month(r.year(), r.month()),
                CalendarUnit::Quarter => Cal::Quarter(r.year(), r.month0() / 3 + 1),
                CalendarUnit::Year => Cal::Year(r.year()),
                CalendarUnit::Decade => Cal::Decade(r.year() / 10),
                CalendarUnit::Night => Cal::DayPart(r, "NI"),
                _ => return None,
            };
            let step = match unit {
                CalendarUnit::Day | CalendarUnit::Night => Step::Days,
                CalendarUnit::Week | CalendarUnit::Weekend | CalendarUnit::Fortnight => Step::Weeks,
                CalendarUnit::Month => Step::Months,
                CalendarUnit::Quarter => Step::Quarters,
                CalendarUnit::Year => Step::Years,
                _ => Step::Decades,
            };
            let cal = if let Cal::DayPart(d, p) = base {
                Cal::DayPart(Cal::Day(d).shift(Step::Days, direction)?.day()?, p)
            } else {
                base.shift(step, direction)?
            };
            Found::date(k + 1, cal, ValueBasis::ReferenceDate)
        } else if let Some(part) = self.word(k).and_then(lexicon::day_part).filter(|_| direction == 0) {
            Found::date(k + 1, Cal::DayPart(reference?, part), ValueBasis::ReferenceDate)
        } else if let Some((w, end)) = self.weekday_at(k) {
            let r = reference?;
            let today = i64::from(r.weekday().number_from_monday());
            let w = i64::from(w);
            let offset = match direction {
                -1 => -((today - w + 7 - 1) % 7 + 1),
                1 => (w - today + 7 - 1) % 7 + 1,
                _ => w - today,
            };
            let date = Cal::Day(r).shift(Step::Days, offset)?.day()?;
            let (end, cal) = self.with_weekday_part(end, date);
            let mut f = Found::date(end, cal, ValueBasis::ReferenceDate);
            f.kind = TimexType::Date;
            f
        } else if let Some((m, end)) = self.month_at(k) {
            // "last Oct. 23": the day is the date, read in the past by day_month().
            if self.day_number_at(end).is_some_and(|(_, after)| self.tok(end).is_some_and(|t| t.kind == Kind::Number) && after > end) {
                return None;
            }
            let r = reference?;
            let y = match direction {
                -1 => {
                    if m < r.month() {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                1 => {
                    if m > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                _ => r.year(),
            };
            Found::date(end, Cal::Month(y, m), ValueBasis::ReferenceDate)
        } else if let Some(s) = self.word(k).and_then(lexicon::season) {
            let r = reference?;
            let this = Cal::Season(r.year(), s);
            let started = this.first_day()? <= r;
            let y = match direction {
                -1 => r.year() - 1,
                1 => {
                    if started {
                        r.year() + 1
                    } else {
                        r.year()
                    }
                }
                _ => r.year(),
            };
            Found::date(k + 1, Cal::Season(y, s), ValueBasis::ReferenceDate)
        } else {
            return None;
        };
        let mut found = found;
        found.modifier = modifier.or(found.modifier);
        Some(found)
    }

    /// "two years ago", "a year earlier", "three days later", "year-earlier", "the year-ago quarter".
    fn ago(&self, i: usize) -> Option<Found> {
        // Adjectival: "year-earlier", "year-ago" (optionally "the ... quarter/period").
        let the = self.word_is(i, &["the"]);
        let a = if the { i + 1 } else { i };
        if self.word_is(a, &["year"]) && self.glued(a + 1, "-") && self.word_is(a + 2, &["earlier", "ago"]) {
            let mut end = a + 3;
            if self.word_is(end, &["quarter", "period"]) {
                end += 1;
            } else if the {
                return None;
            }
            let cal = self.year_back(1)?;
            return Some(Found { anchors: false, ..Found::date(end, cal, ValueBasis::LastMentioned) });
        }
        let (n, k) = self.quantity(i)?;
        let n = n?;
        let unit = self.word(k).and_then(lexicon::unit)?;
        let dir_word = self.word(k + 1)?;
        // "two years after the war" is a length of time before an event, "two years after." a date.
        if matches!(dir_word, "before" | "after") && !self.clause_end(k + 2) {
            return None;
        }
        let direction: i64 = match dir_word {
            "ago" | "earlier" | "before" | "previously" => -1,
            "later" | "after" | "hence" | "afterwards" => 1,
            _ => return None,
        };
        let n = i64::from(n);
        let from_last = dir_word != "ago" && dir_word != "hence";
        let (step, n) = match unit {
            CalendarUnit::Day => (Step::Days, n),
            CalendarUnit::Week => (Step::Weeks, n),
            CalendarUnit::Fortnight => (Step::Weeks, 2 * n),
            CalendarUnit::Month => (Step::Months, n),
            CalendarUnit::Quarter => (Step::Quarters, n),
            CalendarUnit::Year => (Step::Years, n),
            CalendarUnit::Decade => (Step::Years, 10 * n),
            _ => return None,
        };
        // "a year earlier" in a sentence about a quarter means that quarter a year before.
        let base = if from_last || matches!(self.last, Some(Cal::Quarter(..))) && step == Step::Years {
            self.last.or_else(|| self.reference().map(Cal::Day))?
        } else {
            Cal::Day(self.reference()?)
        };
        let resolution = if from_last && self.last.is_some() { ValueBasis::LastMentioned } else { ValueBasis::ReferenceDate };
        let moved = base.shift(step, direction * n)?;
        let cal = match (moved, step) {
            (Cal::Quarter(..), _) => moved,
            (_, Step::Years) => Cal::Year(moved.year()),
            (c, Step::Months) => Cal::Month(c.year(), c.first_day()?.month()),
            // "six weeks ago" is approximate and names a week; "two weeks ago" and "a week later"
            // are counted in days.
            (c, Step::Weeks) if !from_last && n > 2 => c.day().map_or(c, |d| Cal::Week(d.iso_week().year(), d.iso_week().week())),
            (c, Step::Weeks) => c.day().map_or(c, Cal::Day),
            (c, _) => c,
        };
        Some(Found { anchors: step != Step::Years, ..Found::date(k + 2, cal, resolution) })
    }

    fn year_back(&self, n: i64) -> Option<Cal> {
        match self.last {
            Some(c @ Cal::Quarter(..)) | Some(c @ Cal::Half(..)) | Some(c @ Cal::Month(..)) => c.shift(Step::Years, -n),
            Some(Cal::Year(y)) => Some(Cal::Year(y - i32::try_from(n).ok()?)),
            // A day under discussion (a period's closing date): the report's own year is compared.
            Some(c) => Some(Cal::Year(self.reference().map_or(c.year(), |r| r.year()) - i32::try_from(n).ok()?)),
            None => Some(Cal::Year(self.reference()?.year() - i32::try_from(n).ok()?)),
        }
    }

    /// Anaphora: "the following day", "the next day", "the day before", "that day", "that year", "the same day".
    fn anaphoric(&self, i: usize) -> Option<Found> {
        let last = self.last?;
        // "the day before the crash": "before" starts a clause. After a date and a comma ("Oct.
        // 12, the day before the crash") "the day" is that date; elsewhere it names no date.
        // ("The day after his death" is the day after the date under discussion.)
        if self.word_is(i, &["the"]) && self.word_is(i + 1, &["day"]) && self.word_is(i + 2, &["before"]) && !self.clause_end(i + 3) {
            let apposition = i.checked_sub(1).and_then(|p| self.tok(p)).is_some_and(|p| p.is(","));
            return apposition.then(|| last.day()).flatten().map(|d| Found::date(i + 2, Cal::Day(d), ValueBasis::LastMentioned));
        }
        let (end, cal) = match (self.word(i)?, self.word(i + 1)?, self.word(i + 2)) {
            ("the", "following" | "next", Some("day")) => (i + 3, Cal::Day(last.day()?).shift(Step::Days, 1)?),
            // "the next morning": the day after, valued at the day.
            ("the", "following" | "next", Some("morning" | "afternoon" | "evening" | "night")) => {
                (i + 3, Cal::Day(last.day()?).shift(Step::Days, 1)?)
            }
            ("the", "previous", Some("day")) => (i + 3, Cal::Day(last.day()?).shift(Step::Days, -1)?),
            ("the", "day", Some("before")) => (i + 3, Cal::Day(last.day()?).shift(Step::Days, -1)?),
            ("the", "day", Some("after")) => (i + 3, Cal::Day(last.day()?).shift(Step::Days, 1)?),
            ("the", "same", Some("day")) | ("that", "day", _) => {
                (if self.word(i) == Some("that") { i + 2 } else { i + 3 }, Cal::Day(last.day()?))
            }
            ("that", "year", _) | ("the", "same", Some("year")) => {
                (if self.word(i) == Some("that") { i + 2 } else { i + 3 }, Cal::Year(last.year()))
            }
            ("the", "following" | "next", Some("year")) => (i + 3, Cal::Year(last.year() + 1)),
            ("the", "previous", Some("year")) => (i + 3, Cal::Year(last.year() - 1)),
            ("that", "month", _) => (i + 2, Cal::Month(last.year(), last.first_day()?.month())),
            _ => return None,
        };
        Some(Found::date(end, cal, ValueBasis::LastMentioned))
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

    // ------------------------------------------------------------------ times, durations, sets

    /// 3 p.m., 10:30 am, 14:00 GMT, noon, midnight.
    fn time_of_day(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let (mut hour, mut minute, mut k) = match t.kind {
            Kind::Number if t.text.len() <= 2 => {
                let h = t.number()?;
                if self.glued(i + 1, ":")
                    || self.glued(i + 1, ".")
                        && self.tok(i + 2).is_some_and(|m| m.text.len() == 2 && m.kind == Kind::Number && !m.space_before)
                        && self.is_meridiem(i + 3).is_some()
                {
                    let m = self.tok(i + 2).filter(|m| m.kind == Kind::Number && m.text.len() == 2 && !m.space_before)?.number()?;
                    (h, m, i + 3)
                } else {
                    (h, 0, i + 1)
                }
            }
            // "High Noon" is a film, "high noon" a figure of speech.
            Kind::Word if (t.lower == "noon" || t.lower == "midday") && !i.checked_sub(1).is_some_and(|p| self.word_is(p, &["high"])) => {
                (12, 0, i + 1)
            }
            Kind::Word if t.lower == "midnight" => (0, 0, i + 1),
            _ => return None,
        };
        let colon = k == i + 3;
        let word_time = t.kind == Kind::Word;
        if let Some((pm, after)) = self.is_meridiem(k) {
            if hour == 0 || hour > 12 {
                return None;
            }
            if pm && hour < 12 {
                hour += 12;
            }
            if !pm && hour == 12 {
                hour = 0;
            }
            k = after;
        } else if self.word_is(k, &["o"]) && self.tok(k + 1).is_some_and(|a| a.is("'") || a.is("’")) && self.word_is(k + 2, &["clock"]) {
            k += 3;
        } else if !colon && !word_time {
            return None;
        }
        if hour > 23 || minute > 59 {
            return None;
        }
        // Time zone.
        if let Some(z) = self.tok(k) {
            if z.kind == Kind::Word && lexicon::TIME_ZONES.contains(&z.text) {
                k += 1;
            }
        }
        if colon && !self.tok(i + 2).is_some_and(|m| m.kind == Kind::Number) {
            minute = 0;
        }
        // "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 9": the day named right after.
        let comma = usize::from(self.tok(k).is_some_and(|t| t.is(",")));
        let named_day = [self.weekday_alone(k + comma), self.day_month(k + comma), self.deictic(k + comma)]
            .into_iter()
            .flatten()
            .find_map(|f| Some((f.end, f.cal.filter(|c| matches!(c, Cal::Day(_)))?.day()?)));
        if let Some((after, d)) = named_day {
            return Some(Found::date(after, Cal::Time(d, hour, minute), ValueBasis::ReferenceDate));
        }
        let day = self.last.and_then(|c| c.day()).filter(|_| matches!(self.last, Some(Cal::Day(_)))).or(self.reference());
        match day {
            Some(d) => Some(Found::date(k, Cal::Time(d, hour, minute), ValueBasis::ReferenceDate)),
            None => Some(Found::other(k, TimexType::Time, format!("T{hour:02}:{minute:02}"), ValueBasis::Unanchored)),
        }
    }

    fn is_meridiem(&self, k: usize) -> Option<(bool, usize)> {
        let t = self.tok(k)?;
        match t.lower.as_str() {
            "am" => Some((false, self.after_abbrev(k + 1))),
            "pm" => Some((true, self.after_abbrev(k + 1))),
            "a" | "p" if self.glued(k + 1, ".") && self.word_is(k + 2, &["m"]) => Some((t.lower == "p", self.after_abbrev(k + 3))),
            _ => None,
        }
    }

    /// A count: 3, three, twenty four, a, several, a few. `None` inside means "some" (X).
    fn quantity(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Number {
            let n = t.number()?;
            // "1.5 years" and "2,000 years": keep them whole or not at all.
            if (self.glued(i + 1, ".") || self.glued(i + 1, ","))
                && self.tok(i + 2).is_some_and(|n| n.kind == Kind::Number && !n.space_before)
            {
                return None;
            }
            return Some((Some(n), i + 1));
        }
        if t.kind != Kind::Word {
            return None;
        }
        match t.lower.as_str() {
            "several" | "many" | "some" | "few" => return Some((None, i + 1)),
            "a" if self.word_is(i + 1, &["few", "couple"]) => {
                let k = if self.word_is(i + 2, &["of"]) { i + 3 } else { i + 2 };
                return Some((if self.word(i + 1) == Some("couple") { Some(2) } else { None }, k));
            }
            _ => {}
        }
        let first = lexicon::cardinal(&t.lower)?;
        if first >= 20 && first % 10 == 0 {
            // twenty four, twenty-four
            let k = if self.glued(i + 1, "-") { i + 2 } else { i + 1 };
            if let Some(u) = self.word(k).and_then(lexicon::cardinal).filter(|u| (1..=9).contains(u)) {
                if !matches!(self.word(k), Some("a" | "an")) {
                    return Some((Some(first + u), k + 1));
                }
            }
        }
        Some((Some(first), i + 1))
    }

    /// Durations: "three years", "two-year", "the past two months", "the first nine months", "for years".
    fn duration(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut modifier = None;
        match (self.word(j), self.word(j + 1)) {
            (Some("about" | "around" | "approximately" | "nearly" | "almost" | "roughly"), _) => {
                modifier = Some(Modifier::Approx);
                j += 1;
            }
            (Some("more" | "over"), Some("than")) if self.word(j) == Some("more") => {
                modifier = Some(Modifier::MoreThan);
                j += 2;
            }
            // "over an hour", "over two weeks" (not "over the past year": the span starts at "the").
            (Some("over"), _) if self.quantity(j + 1).is_some_and(|(n, _)| n.is_some()) => {
                modifier = Some(Modifier::MoreThan);
                j += 1;
            }
            (Some("less" | "fewer"), Some("than")) => {
                modifier = Some(Modifier::LessThan);
                j += 2;
            }
            (Some("at"), Some("least")) => {
                modifier = Some(Modifier::EqualOrMore);
                j += 2;
            }
            (Some("up"), Some("to")) | (Some("at"), Some("most")) => {
                modifier = Some(Modifier::EqualOrLess);
                j += 2;
            }
            _ => {}
        }
        // "the past two months", "the last 24 hours", "the first nine months", "the nine months", "the next few years"
        let mut determiner = false;
        if self.word_is(j, &["the"]) {
            determiner = true;
            j += 1;
            if self.word_is(j, lexicon::SPAN_ADJECTIVES) {
                j += 1;
            }
        } else if self.word_is(j, &["past", "last", "next"]) && self.quantity(j + 1).is_some_and(|(n, _)| n.is_some()) {
            j += 1;
        }
        let (n, k) = match self.quantity(j) {
            Some(q) => q,
            None if determiner => {
                // "the past year", "the last decade": one unit.
                let unit = self.word(j).and_then(lexicon::unit)?;
                if !matches!(self.word(j - 1), Some("past" | "last" | "first" | "next" | "previous" | "coming")) {
                    return None;
                }
                if self.tok(j)?.lower.ends_with('s') {
                    return Some(Found {
                        modifier,
                        ..Found::other(j + 1, TimexType::Duration, unit.duration(None), ValueBasis::Unanchored)
                    });
                }
                // US news "over the past year" names the year before the report's; "in the last
                // week" the report's own week. ("Over the last year" stays twelve months.)
                if let (Some(w @ ("past" | "last")), None, Some(r)) = (self.word(j - 1), modifier, self.reference()) {
                    let cal = match unit {
                        CalendarUnit::Year if w == "past" => Some(Cal::Year(r.year() - 1)),
                        CalendarUnit::Week if w == "last" => Some(Cal::Week(r.iso_week().year(), r.iso_week().week())),
                        _ => None,
                    };
                    if let Some(cal) = cal {
                        return Some(Found { anchors: false, ..Found::date(j + 1, cal, ValueBasis::ReferenceDate) });
                    }
                }
                return Some(Found {
                    modifier,
                    ..Found::other(j + 1, TimexType::Duration, unit.duration(Some(1)), ValueBasis::Unanchored)
                });
            }
            None => {
                // Bare plurals after "for"/"in": "for years", "in recent years".
                let w = self.word(j)?;
                let unit = lexicon::unit(w)?;
                // "day-long", "decades-long"
                if self.glued(j + 1, "-") && self.word_is(j + 2, &["long"]) && !self.glued(j, "-") {
                    let n = if w.ends_with('s') { None } else { Some(1) };
                    return Some(Found { modifier, ..Found::other(j + 3, TimexType::Duration, unit.duration(n), ValueBasis::Unanchored) });
                }
                let prev = j.checked_sub(1).and_then(|p| self.word(p));
                if !w.ends_with('s') || !matches!(prev, Some("for" | "within")) {
                    return None;
                }
                return Some(Found { modifier, ..Found::other(j + 1, TimexType::Duration, unit.duration(None), ValueBasis::Unanchored) });
            }
        };
        // "the two-week strike": the article belongs to the noun, the adjective alone is the duration.
        if determiner && self.glued(k, "-") && !self.word_is(i + 1, lexicon::SPAN_ADJECTIVES) {
            return None;
        }
        // "2 1/2 years", "two and a half years"
        let mut half = false;
        let mut k = k;
        let slash_half = self.tok(k).is_some_and(|t| t.text == "1")
            && self.glued(k + 1, "/")
            && self.tok(k + 2).is_some_and(|t| t.text == "2" && !t.space_before);
        let and_a_half = self.word_is(k, &["and"]) && self.word_is(k + 1, &["a"]) && self.word_is(k + 2, &["half"]);
        if n.is_some() && (slash_half || and_a_half) {
            half = true;
            k += 3;
        }
        // "two more weeks"
        if n.is_some() && !half && self.word_is(k, &["more"]) && self.word(k + 1).and_then(lexicon::unit).is_some() {
            k += 1;
        }
        let hyphenated = self.glued(k, "-");
        let k = if hyphenated { k + 1 } else { k };
        let unit_word = self.word(k)?;
        let unit = lexicon::unit(unit_word)?;
        // "three-quarters of the vote", "a quarter of the shares": fractions, not periods.
        if unit == CalendarUnit::Quarter
            && (hyphenated && unit_word.ends_with('s') || self.word_is(k + 1, &["of"]) && self.year_at(k + 2).is_none())
        {
            return None;
        }
        // "52 years old": an age.
        if self.word_is(k + 1, &["old"]) {
            return None;
        }
        // "a year and a half"
        if !half && n == Some(1) && self.word_is(k + 1, &["and"]) && self.word_is(k + 2, &["a"]) && self.word_is(k + 3, &["half"]) {
            if let Some(value) = unit.duration_and_half(1) {
                return Some(Found { modifier, ..Found::other(k + 4, TimexType::Duration, value, ValueBasis::Unanchored) });
            }
        }
        // "60 Minutes", "48 Hours": a title, not a length of time.
        if self.tok(k).is_some_and(|u| u.capitalized() && u.text.chars().skip(1).any(|c| c.is_lowercase()))
            && self.tok(j).is_some_and(|q| q.kind == Kind::Number)
        {
            return None;
        }
        // "after a weekend of talks": a stretch of time, not a length.
        if unit == CalendarUnit::Weekend && self.word_is(j, &["a"]) && modifier.is_none() {
            return None;
        }
        // "a year-earlier loss": the comparison period, read by ago().
        if self.glued(k + 1, "-") && self.word_is(k + 2, &["earlier", "ago"]) {
            return None;
        }
        // "a day" / "a week" as a rate ("$5 a day") is a set, handled by set(); "a year ago" is ago().
        let direction_follows = self.word_is(k + 1, &["ago", "earlier", "later", "hence"])
            || self.word_is(k + 1, &["before", "after"]) && self.clause_end(k + 2);
        // ago() reads days and longer; "an hour later" keeps its length.
        if direction_follows && !determiner && !matches!(unit, CalendarUnit::Second | CalendarUnit::Minute | CalendarUnit::Hour) {
            return None;
        }
        // "1998 years" is not a duration; neither "one" alone as in "one day he said".
        if n.is_some_and(|n| n > 1000) {
            return None;
        }
        let mut end = k + 1;
        // "two-year-old" ages: leave them out.
        if self.glued(end, "-") && self.word_is(end + 1, &["old"]) {
            return None;
        }
        if self.word_is(end, &["long"]) {
            end += 1;
        } else if self.glued(end, "-") && self.word_is(end + 1, &["long"]) {
            end += 2;
        }
        let article = self.word(j).is_some_and(|w| matches!(w, "a" | "an"));
        // "24 hours a day", "seven days a week": a figure of speech for "always".
        let rate = |u: usize| {
            self.word_is(u, &["a", "per"])
                && self.word(u + 1).and_then(lexicon::unit).is_some()
                && !self.word(u + 1).is_some_and(|w| w.ends_with('s'))
        };
        if article && j.checked_sub(1).and_then(|p| self.word(p)).and_then(lexicon::unit).is_some()
            || n.is_some() && modifier.is_none() && !determiner && rate(k + 1) && self.word(k).is_some_and(|w| w.ends_with('s'))
        {
            return None;
        }
        if !determiner && modifier.is_none() {
            // "a day" is often a rate or an idiom; keep "a year", "a week", "a month", "a decade".
            // "wait a minute" and "one night, ..." are idioms; "for one minute" is a length.
            if article && matches!(unit, CalendarUnit::Second | CalendarUnit::Minute | CalendarUnit::Night)
                || self.word_is(j, &["one"]) && unit == CalendarUnit::Night
            {
                return None;
            }
        }
        let value = match (half, n) {
            (true, Some(n)) => unit.duration_and_half(n)?,
            _ => unit.duration(n),
        };
        let mut found = Found::other(end, TimexType::Duration, value, ValueBasis::Unanchored);
        found.modifier = modifier;
        Some(found)
    }

    /// Sets: daily, weekly, every Monday, each year.
    fn set(&self, i: usize) -> Option<Found> {
        let w = self.word(i)?;
        let simple = match w {
            "daily" => Some("P1D"),
            "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            // "quarterly" and "annually" mostly qualify reports and payments, not recurring times.
            _ => None,
        };
        if let Some(v) = simple {
            return Some(Found::other(i + 1, TimexType::Set, v, ValueBasis::Unanchored));
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        if let Some((d, end)) = self.weekday_at(i + 1) {
            return Some(Found::other(end, TimexType::Set, format!("XXXX-WXX-{d}"), ValueBasis::Unanchored));
        }
        let (n, k) = match self.quantity(i + 1) {
            Some((Some(n), k)) if self.word(i + 1) != Some("a") => (Some(n), k),
            _ => (None, i + 1),
        };
        let unit = lexicon::unit(self.word(k)?)?;
        Some(Found::other(k + 1, TimexType::Set, unit.duration(Some(n.unwrap_or(1))), ValueBasis::Unanchored))
    }

    /// "the week of March 6": the week holding the day.
    fn week_of(&self, i: usize) -> Option<Found> {
        if !(self.word_is(i, &["the"]) && self.word_is(i + 1, &["week"]) && self.word_is(i + 2, &["of"])) {
            return None;
        }
        let inner = self.day_month(i + 3)?;
        let d = inner.cal?.day()?;
        Some(Found {
            resolution: inner.resolution,
            ..Found::date(inner.end, Cal::Week(d.iso_week().year(), d.iso_week().week()), inner.resolution)
        })
    }

    /// The second day of "April 24 and 25": a bare day number after "and"/"or" that follows the
    /// day of the date just read.
    fn second_day(&self, i: usize) -> Option<Found> {
        let Cal::Day(last) = self.last? else { return None };
        let t = self.tok(i).filter(|t| t.kind == Kind::Number && t.text.len() <= 2)?;
        let prev_day = i.checked_sub(2).and_then(|p| self.tok(p)).filter(|p| p.kind == Kind::Number)?.number()?;
        if !self.word_is(i - 1, &["and", "or"]) || prev_day != last.day() {
            return None;
        }
        let (day, end) = self.day_number_at(i)?;
        // "24 and 25 percent", "3 and 4 years", "5 and 6,000"
        if self.tok(end).is_some_and(|n| {
            n.kind == Kind::Number
                || n.is("%")
                || n.kind == Kind::Word
                    && (lexicon::unit(&n.lower).is_some()
                        || matches!(n.lower.as_str(), "percent" | "per" | "million" | "billion" | "people"))
        }) {
            return None;
        }
        if day <= last.day() || t.number()? != day {
            return None;
        }
        let date = valid_day(last.year(), last.month(), day)?;
        Some(Found::date(end, Cal::Day(date), ValueBasis::LastMentioned))
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
