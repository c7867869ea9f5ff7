//! Periods of a year and weeks: seasons, quarters and halves (with their qualifiers: "fiscal", "this
//! year's", "the year-ago"), the quarter under discussion, and "the week of" a day.

use chrono::Datelike;

use super::{full_year, Found, Scanner, Tense};
use crate::calendar::{Cal, Step};
use crate::lexicon;
use crate::tokens::Kind;
use crate::{TimexType, ValueBasis};

impl<'t, 'a> Scanner<'t, 'a> {
    /// Seasons: "summer", "the summer of 2012", "summer 2012".
    pub(super) fn season(&self, i: usize) -> Option<Found> {
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
    pub(super) fn quarter(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let the = self.word_is(j, &["the"]);
        if the {
            j += 1;
        }
        let t = self.tok(j)?;
        if t.kind == Kind::Word && t.text.len() == 1 && (t.text == "Q" || t.text == "H") {
            return self.quarter_code(j);
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
            // "the quarter", "the latest quarter"
            None => self.unnumbered_quarter(modifier_word)?,
        };
        // "the quarter a year ago": the same quarter a year before.
        if let Some(after) = self.year_back_phrase(end).filter(|_| matches!(cal, Cal::Quarter(..) | Cal::Half(..))) {
            return Some(Found { anchors: false, ..Found::date(after, cal.shift(Step::Years, -1)?, resolution) });
        }
        Some(Found::date(end, cal, resolution))
    }

    /// "Q1 2013", "H2 '09" at `j`: a quarter or a half with its year.
    fn quarter_code(&self, j: usize) -> Option<Found> {
        let t = self.tok(j)?;
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
        Some(Found::date(end, cal, ValueBasis::Stated))
    }

    /// A quarter without a number ("the quarter", "the latest quarter", "the previous quarter"): the
    /// last quarter mentioned, else the last one completed (the current one after "current").
    fn unnumbered_quarter(&self, modifier_word: Option<&str>) -> Option<Cal> {
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
        Some(match modifier_word {
            Some("last" | "previous" | "prior") if last_quarter.is_some() => base.shift(Step::Quarters, -1)?,
            _ => base,
        })
    }

    /// Quarters and fiscal years with a qualifier before them: "the fiscal first quarter", "this
    /// year's third quarter", "next year's first quarter", "the year-ago third quarter", "the 1988
    /// third quarter", "the 1988 period", "its fourth quarter", "fiscal 1989".
    pub(super) fn quarter_prefixed(&self, i: usize) -> Option<Found> {
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

    /// "the week of March 6": the week holding the day.
    pub(super) fn week_of(&self, i: usize) -> Option<Found> {
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
}
