//! Relative dates: deictic words ("today", "now"), "this/last/next" + a unit, weekday, month or
//! season, "two years ago", anaphora ("the following day", "that year"), "recent years", and the
//! second day of "April 24 and 25".

use chrono::Datelike;

use super::{valid_day, Found, Scanner, Tense};
use crate::calendar::{Cal, Step};
use crate::lexicon::{self, CalendarUnit};
use crate::tokens::Kind;
use crate::{Modifier, TimexType, ValueBasis};

impl<'t, 'a> Scanner<'t, 'a> {
    /// today, yesterday, tomorrow, tonight, now, currently, the past, the future, recently.
    pub(super) fn deictic(&self, i: usize) -> Option<Found> {
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

    /// "recent years", "recent weeks": an unspecified length of time up to now.
    pub(super) fn recent(&self, i: usize) -> Option<Found> {
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
    pub(super) fn relative(&self, i: usize) -> Option<Found> {
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
            self.relative_unit(j, k, unit, direction)?
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
            self.relative_month(m, end, direction)?
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

    /// this/last/next + a unit at `k` ("last week", "next year", "this quarter"), `j` being the
    /// direction word: the reference's unit, moved `direction` units.
    fn relative_unit(&self, j: usize, k: usize, unit: CalendarUnit, direction: i64) -> Option<Found> {
        if self.tok(k).is_some_and(|t| t.lower.ends_with('s')) {
            // "last years" is not a date; "the past days" neither.
            return None;
        }
        // ABC's "This Week": a title in quotes.
        let quoted = j.checked_sub(1).and_then(|p| self.tok(p)).is_some_and(|p| matches!(p.text, "\"" | "`" | "``" | "'" | "“"));
        if quoted && self.tok(j).is_some_and(|t| t.capitalized()) && self.tok(k).is_some_and(|t| t.capitalized()) {
            return None;
        }
        let r = self.reference()?;
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
        Some(Found::date(k + 1, cal, ValueBasis::ReferenceDate))
    }

    /// this/last/next + month `m` (`end` is the index after the month name): the month in the
    /// reference year, or in the year before or after it.
    fn relative_month(&self, m: u32, end: usize, direction: i64) -> Option<Found> {
        // "last Oct. 23": the day is the date, read in the past by day_month().
        if self.day_number_at(end).is_some_and(|(_, after)| self.tok(end).is_some_and(|t| t.kind == Kind::Number) && after > end) {
            return None;
        }
        let r = self.reference()?;
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
        Some(Found::date(end, Cal::Month(y, m), ValueBasis::ReferenceDate))
    }

    /// "two years ago", "a year earlier", "three days later", "year-earlier", "the year-ago quarter".
    pub(super) fn ago(&self, i: usize) -> Option<Found> {
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
    pub(super) fn anaphoric(&self, i: usize) -> Option<Found> {
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

    /// The second day of "April 24 and 25": a bare day number after "and"/"or" that follows the
    /// day of the date just read.
    pub(super) fn second_day(&self, i: usize) -> Option<Found> {
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
}
