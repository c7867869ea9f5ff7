//! Holidays with a fixed rule (Christmas, Thanksgiving, Easter, Labor Day, ...) and the calendar
//! arithmetic behind them (the nth weekday of a month, the Easter computus).

use chrono::{Datelike, NaiveDate};

use super::{Found, Scanner, Tense, FUTURE_WINDOW};
use crate::calendar::Cal;
use crate::{TimexType, ValueBasis};

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

impl<'t, 'a> Scanner<'t, 'a> {
    /// Holidays with a fixed rule: "Thanksgiving (Day)", "Christmas (Day|Eve)", "New Year's Day|Eve",
    /// "Independence Day", "Halloween", "Labor Day", "Memorial Day", "Valentine's Day"; after
    /// "last"/"next" the one before or after the reference.
    pub(super) fn holiday(&self, i: usize) -> Option<Found> {
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
}
