//! Absolute dates: ISO and slashed dates, a day and a month, a month and a year, a weekday or a year
//! alone, decades and centuries. A missing year comes from the reference date and the tense.

use chrono::Datelike;

use super::{full_year, valid_day, Found, Scanner, Tense, FUTURE_WINDOW};
use crate::calendar::{Cal, Step};
use crate::lexicon;
use crate::tokens::Kind;
use crate::{Locale, TimexType, ValueBasis};

impl<'t, 'a> Scanner<'t, 'a> {
    /// 2018-06-04, 2018-06.
    pub(super) fn iso(&self, i: usize) -> Option<Found> {
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
    pub(super) fn slashed(&self, i: usize) -> Option<Found> {
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
    pub(super) fn day_month(&self, i: usize) -> Option<Found> {
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

    /// Month [of|,] YYYY  or  Month alone.
    pub(super) fn month_year(&self, i: usize) -> Option<Found> {
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
        if matches!(word, "may" | "march") && !prev.is_some_and(lexicon::is_month_signal) && !the_noun {
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

    /// A weekday alone ("on Friday"), with an optional part of day ("Friday night").
    pub(super) fn weekday_alone(&self, i: usize) -> Option<Found> {
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
    pub(super) fn year_alone(&self, i: usize) -> Option<Found> {
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
        let signal = prev.is_some_and(|p| p.kind == Kind::Word && lexicon::is_year_signal(&p.lower)) || j > i + 2 || prefixed || article;
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

    /// "the 20th century", "the twentieth century", "the nineties".
    pub(super) fn century_decade(&self, i: usize) -> Option<Found> {
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
}
