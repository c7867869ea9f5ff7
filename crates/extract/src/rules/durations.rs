//! Times of day, counts, durations and sets: "3 p.m.", "three years", "the past two months",
//! "every Monday".

use chrono::Datelike;

use super::{Found, Scanner};
use crate::calendar::Cal;
use crate::lexicon::{self, CalendarUnit};
use crate::tokens::Kind;
use crate::{Modifier, TimexType, ValueBasis};

impl<'t, 'a> Scanner<'t, 'a> {
    /// 3 p.m., 10:30 am, 14:00 GMT, noon, midnight.
    pub(super) fn time_of_day(&self, i: usize) -> Option<Found> {
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
    pub(super) fn quantity(&self, i: usize) -> Option<(Option<u32>, usize)> {
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
    pub(super) fn duration(&self, i: usize) -> Option<Found> {
        let (modifier, mut j) = self.length_modifier(i);
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
        let Some((n, k)) = self.quantity(j) else {
            return if determiner { self.one_unit(j, modifier) } else { self.bare_units(j, modifier) };
        };
        // "the two-week strike": the article belongs to the noun, the adjective alone is the duration.
        if determiner && self.glued(k, "-") && !self.word_is(i + 1, lexicon::SPAN_ADJECTIVES) {
            return None;
        }
        // "2 1/2 years", "two and a half years"
        let mut half = false;
        let mut k = k;
        if n.is_some() && self.half_at(k) {
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

    /// A modifier before a length of time ("about", "more than", "over", "less than", "at least",
    /// "up to", "at most") at `j`: the TIMEX3 mod and the index after it.
    fn length_modifier(&self, j: usize) -> (Option<Modifier>, usize) {
        match (self.word(j), self.word(j + 1)) {
            (Some("about" | "around" | "approximately" | "nearly" | "almost" | "roughly"), _) => (Some(Modifier::Approx), j + 1),
            (Some("more" | "over"), Some("than")) if self.word(j) == Some("more") => (Some(Modifier::MoreThan), j + 2),
            // "over an hour", "over two weeks" (not "over the past year": the span starts at "the").
            (Some("over"), _) if self.quantity(j + 1).is_some_and(|(n, _)| n.is_some()) => (Some(Modifier::MoreThan), j + 1),
            (Some("less" | "fewer"), Some("than")) => (Some(Modifier::LessThan), j + 2),
            (Some("at"), Some("least")) => (Some(Modifier::EqualOrMore), j + 2),
            (Some("up"), Some("to")) | (Some("at"), Some("most")) => (Some(Modifier::EqualOrLess), j + 2),
            _ => (None, j),
        }
    }

    /// A unit without a count after "the" and an adjective, at `j`: "the past year", "the last
    /// decade" (one unit), "the past years" (some).
    fn one_unit(&self, j: usize, modifier: Option<Modifier>) -> Option<Found> {
        let unit = self.word(j).and_then(lexicon::unit)?;
        if !matches!(self.word(j - 1), Some("past" | "last" | "first" | "next" | "previous" | "coming")) {
            return None;
        }
        if self.tok(j)?.lower.ends_with('s') {
            return Some(Found { modifier, ..Found::other(j + 1, TimexType::Duration, unit.duration(None), ValueBasis::Unanchored) });
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
        Some(Found { modifier, ..Found::other(j + 1, TimexType::Duration, unit.duration(Some(1)), ValueBasis::Unanchored) })
    }

    /// A unit without a count or "the" at `j`: "day-long", "decades-long", and bare plurals after
    /// "for"/"within" ("for years").
    fn bare_units(&self, j: usize, modifier: Option<Modifier>) -> Option<Found> {
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
        Some(Found { modifier, ..Found::other(j + 1, TimexType::Duration, unit.duration(None), ValueBasis::Unanchored) })
    }

    /// "1/2" or "and a half" at `k` (three tokens either way), after a count.
    fn half_at(&self, k: usize) -> bool {
        let slash_half = self.tok(k).is_some_and(|t| t.text == "1")
            && self.glued(k + 1, "/")
            && self.tok(k + 2).is_some_and(|t| t.text == "2" && !t.space_before);
        let and_a_half = self.word_is(k, &["and"]) && self.word_is(k + 1, &["a"]) && self.word_is(k + 2, &["half"]);
        slash_half || and_a_half
    }

    /// Sets: daily, weekly, every Monday, each year.
    pub(super) fn set(&self, i: usize) -> Option<Found> {
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
}
