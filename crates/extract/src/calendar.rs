//! Calendar values at the granularities TIMEX3 speaks (years to minutes, quarters, seasons, weeks,
//! decades), their TIMEX3 spelling, and the arithmetic relative expressions need.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use citeline_model::date::{DateValue, Granularity};

/// A calendar value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cal {
    /// A century, as its first two digits ("19" for the 1900s).
    Century(i32),
    /// A decade, as its first three digits ("199").
    Decade(i32),
    /// A year.
    Year(i32),
    /// Half year 1 or 2.
    Half(i32, u32),
    /// Quarter 1–4.
    Quarter(i32, u32),
    /// Season of a year ("SP", "SU", "FA", "WI").
    Season(i32, &'static str),
    /// A month.
    Month(i32, u32),
    /// ISO week (year, week).
    Week(i32, u32),
    /// The weekend of an ISO week.
    Weekend(i32, u32),
    /// A day.
    Day(NaiveDate),
    /// Part of a day ("MO", "AF", "EV", "NI").
    DayPart(NaiveDate, &'static str),
    /// A time of day (hour, minute).
    Time(NaiveDate, u32, u32),
}

/// Steps for relative arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Months.
    Months,
    /// Quarters.
    Quarters,
    /// Years.
    Years,
    /// Decades.
    Decades,
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn shift_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(m))
    } else {
        d.checked_sub_months(Months::new(m))
    }
}

fn month_index(y: i32, m: u32) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

fn from_month_index(i: i64) -> Option<(i32, u32)> {
    Some((i32::try_from(i.div_euclid(12)).ok()?, u32::try_from(i.rem_euclid(12)).ok()? + 1))
}

impl Cal {
    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match *self {
            Cal::Century(c) => format!("{c:02}"),
            Cal::Decade(d) => format!("{d:03}"),
            Cal::Year(y) => format!("{y:04}"),
            Cal::Half(y, h) => format!("{y:04}-H{h}"),
            Cal::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Cal::Season(y, s) => format!("{y:04}-{s}"),
            Cal::Month(y, m) => format!("{y:04}-{m:02}"),
            Cal::Week(y, w) => format!("{y:04}-W{w:02}"),
            Cal::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Cal::Day(d) => d.format("%Y-%m-%d").to_string(),
            Cal::DayPart(d, p) => format!("{}T{p}", d.format("%Y-%m-%d")),
            Cal::Time(d, h, m) => format!("{}T{h:02}:{m:02}", d.format("%Y-%m-%d")),
        }
    }

    /// Whether this is a time of day (TIMEX3 type TIME).
    pub fn is_time(&self) -> bool {
        matches!(self, Cal::Time(..) | Cal::DayPart(..))
    }

    /// The year it falls in (the first, for decades and centuries).
    pub fn year(&self) -> i32 {
        match *self {
            Cal::Century(c) => c * 100,
            Cal::Decade(d) => d * 10,
            Cal::Year(y) | Cal::Half(y, _) | Cal::Quarter(y, _) | Cal::Season(y, _) | Cal::Month(y, _) => y,
            Cal::Week(y, _) | Cal::Weekend(y, _) => y,
            Cal::Day(d) | Cal::DayPart(d, _) | Cal::Time(d, _, _) => d.year(),
        }
    }

    /// The day, when it is known to the day.
    pub fn day(&self) -> Option<NaiveDate> {
        match *self {
            Cal::Day(d) | Cal::DayPart(d, _) | Cal::Time(d, _, _) => Some(d),
            _ => None,
        }
    }

    /// The value moved by `n` steps, keeping its own granularity where it can.
    pub fn shift(&self, step: Step, n: i64) -> Option<Cal> {
        Some(match (*self, step) {
            (Cal::Day(d), Step::Days) => Cal::Day(shift_days(d, n)?),
            (Cal::Day(d), Step::Weeks) => Cal::Day(shift_days(d, n * 7)?),
            (Cal::Day(d), Step::Months) => Cal::Day(shift_months(d, n)?),
            (Cal::Day(d), Step::Quarters) => Cal::Day(shift_months(d, n * 3)?),
            (Cal::Day(d), Step::Years) => Cal::Day(shift_months(d, n * 12)?),
            (Cal::Week(y, w), Step::Weeks) | (Cal::Weekend(y, w), Step::Weeks) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                let moved = shift_days(monday, n * 7)?;
                let iso = moved.iso_week();
                if matches!(self, Cal::Week(..)) {
                    Cal::Week(iso.year(), iso.week())
                } else {
                    Cal::Weekend(iso.year(), iso.week())
                }
            }
            (Cal::Month(y, m), Step::Months) => {
                let (y, m) = from_month_index(month_index(y, m) + n)?;
                Cal::Month(y, m)
            }
            (Cal::Month(y, m), Step::Years) => Cal::Month(y.checked_add(i32::try_from(n).ok()?)?, m),
            (Cal::Quarter(y, q), Step::Quarters) => {
                let i = i64::from(y) * 4 + i64::from(q) - 1 + n;
                Cal::Quarter(i32::try_from(i.div_euclid(4)).ok()?, u32::try_from(i.rem_euclid(4)).ok()? + 1)
            }
            (Cal::Quarter(y, q), Step::Years) => Cal::Quarter(y.checked_add(i32::try_from(n).ok()?)?, q),
            (Cal::Half(y, h), Step::Years) => Cal::Half(y.checked_add(i32::try_from(n).ok()?)?, h),
            (Cal::Season(y, s), Step::Years) => Cal::Season(y.checked_add(i32::try_from(n).ok()?)?, s),
            (Cal::Year(y), Step::Years) => Cal::Year(y.checked_add(i32::try_from(n).ok()?)?),
            (Cal::Decade(d), Step::Decades) => Cal::Decade(d.checked_add(i32::try_from(n).ok()?)?),
            (Cal::Year(y), Step::Decades) => Cal::Decade(y.div_euclid(10).checked_add(i32::try_from(n).ok()?)?),
            // Coarser or finer steps: move the first day and re-express at the step's granularity.
            (other, step) => {
                let base = Cal::Day(other.first_day()?).shift(step, n)?;
                let d = base.day()?;
                match step {
                    Step::Days => Cal::Day(d),
                    Step::Weeks => Cal::Week(d.iso_week().year(), d.iso_week().week()),
                    Step::Months => Cal::Month(d.year(), d.month()),
                    Step::Quarters => Cal::Quarter(d.year(), d.month0() / 3 + 1),
                    Step::Years => Cal::Year(d.year()),
                    Step::Decades => Cal::Decade(d.year().div_euclid(10)),
                }
            }
        })
    }

    /// The first day it covers.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Cal::Century(c) => NaiveDate::from_ymd_opt(c.checked_mul(100)?, 1, 1),
            Cal::Decade(d) => NaiveDate::from_ymd_opt(d.checked_mul(10)?, 1, 1),
            Cal::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Cal::Half(y, h) => NaiveDate::from_ymd_opt(y, if h == 2 { 7 } else { 1 }, 1),
            Cal::Quarter(y, q) => NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) - 1) * 3 + 1, 1),
            Cal::Season(y, s) => NaiveDate::from_ymd_opt(
                y,
                match s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                },
                1,
            ),
            Cal::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Cal::Week(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
            Cal::Weekend(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Sat),
            Cal::Day(d) | Cal::DayPart(d, _) | Cal::Time(d, _, _) => Some(d),
        }
    }

    /// The value as the data model's date, where one fits (years, months, days, times).
    pub fn date_value(&self) -> Option<DateValue> {
        match *self {
            Cal::Year(y) => DateValue::year(y),
            Cal::Month(y, m) => DateValue::month(y, m),
            Cal::Day(d) | Cal::DayPart(d, _) => Some(DateValue::from_date(d)),
            Cal::Time(d, h, m) => DateValue::time(d, h, m),
            Cal::Decade(d) => DateValue::decade(d.checked_mul(10)?),
            Cal::Century(c) => DateValue::century(c.checked_mul(100)?),
            _ => None,
        }
    }

    /// Granularity in the data model's terms (halves, quarters and seasons map to the year).
    pub fn granularity(&self) -> Granularity {
        match self {
            Cal::Century(_) => Granularity::Century,
            Cal::Decade(_) => Granularity::Decade,
            Cal::Year(_) | Cal::Half(..) | Cal::Quarter(..) | Cal::Season(..) => Granularity::Year,
            Cal::Month(..) => Granularity::Month,
            Cal::Week(..) | Cal::Weekend(..) | Cal::Day(_) | Cal::DayPart(..) => Granularity::Day,
            Cal::Time(..) => Granularity::Time,
        }
    }

    /// The interval covered, as (first day, day after the last).
    pub fn interval(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.first_day()?;
        let end = match *self {
            Cal::Century(_) => shift_months(first, 1200)?,
            Cal::Decade(_) => shift_months(first, 120)?,
            Cal::Year(_) => shift_months(first, 12)?,
            Cal::Half(..) => shift_months(first, 6)?,
            Cal::Quarter(..) | Cal::Season(..) => shift_months(first, 3)?,
            Cal::Month(..) => shift_months(first, 1)?,
            Cal::Week(..) => shift_days(first, 7)?,
            Cal::Weekend(..) => shift_days(first, 2)?,
            Cal::Day(_) | Cal::DayPart(..) | Cal::Time(..) => shift_days(first, 1)?,
        };
        Some((first, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    #[test]
    fn values_are_timex3() {
        assert_eq!(Cal::Day(d(2018, 6, 8)).value(), "2018-06-08");
        assert_eq!(Cal::Quarter(1989, 3).value(), "1989-Q3");
        assert_eq!(Cal::Decade(199).value(), "199");
        assert_eq!(Cal::Season(2012, "SU").value(), "2012-SU");
        assert_eq!(Cal::Week(2018, 23).value(), "2018-W23");
        assert_eq!(Cal::DayPart(d(2000, 1, 5), "EV").value(), "2000-01-05TEV");
    }

    #[test]
    fn shifts_keep_granularity() {
        assert_eq!(Cal::Quarter(1989, 1).shift(Step::Quarters, -1), Some(Cal::Quarter(1988, 4)));
        assert_eq!(Cal::Quarter(1989, 3).shift(Step::Years, -1), Some(Cal::Quarter(1988, 3)));
        assert_eq!(Cal::Month(2018, 1).shift(Step::Months, -1), Some(Cal::Month(2017, 12)));
        assert_eq!(Cal::Week(2018, 1).shift(Step::Weeks, -1), Some(Cal::Week(2017, 52)));
        assert_eq!(Cal::Day(d(2018, 6, 4)).shift(Step::Years, -2), Some(Cal::Day(d(2016, 6, 4))));
        assert_eq!(Cal::Year(2018).shift(Step::Months, -1), Some(Cal::Month(2017, 12)));
        assert_eq!(Cal::Year(i32::MAX).shift(Step::Years, 1), None);
    }
}
