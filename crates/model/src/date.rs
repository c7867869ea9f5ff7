//! Calendar values that know how precisely they are known.
//!
//! A [`DateValue`] is an ISO-8601 / TIMEX3-style calendar value (`2017`, `2018-06`, `2018-06-08`,
//! `2018-06-08T14:30`) together with its [`Granularity`]. It always stands for an *interval*: the
//! year 2017 covers the whole of 2017, not 1 January. An [`EventDate`] is either one such value or a
//! range between two of them.
//!
//! Time on the axis is measured in **days since 1970-01-01 (f64)**, named `*_days` throughout. There
//! is no `now()` in the core: any reference date is passed in by the caller.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a date is spelled out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateStyle {
    /// "Friday 8 June 2018".
    Long,
    /// "8 Jun 2018".
    Short,
}

/// How precisely a date is known, from coarsest to finest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// Known to the century: `19XX` (the 1900s).
    Century,
    /// Known to the decade: `201X` (the 2010s).
    Decade,
    /// Known to the year: `2017`.
    Year,
    /// Known to the month: `2018-06`.
    Month,
    /// Known to the day: `2018-06-08`.
    #[default]
    Day,
    /// Known to the minute: `2018-06-08T14:30`.
    Time,
}

impl Granularity {
    /// Its name as the JSON format writes it (`"year"`, `"month"`, `"day"`, `"time"`), also used
    /// in CSS class names.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Century => "century",
            Granularity::Decade => "decade",
            Granularity::Year => "year",
            Granularity::Month => "month",
            Granularity::Day => "day",
            Granularity::Time => "time",
        }
    }

    /// The word people read in the detail panel ("to the day").
    pub fn describe(self) -> &'static str {
        match self {
            Granularity::Century => "to the century",
            Granularity::Decade => "to the decade",
            Granularity::Year => "to the year",
            Granularity::Month => "to the month",
            Granularity::Day => "to the day",
            Granularity::Time => "to the minute",
        }
    }
}

/// A calendar value at a stated granularity. Fields finer than the granularity are normalised away
/// (a `Year` value always has month 1, day 1 and no time), so equality is meaningful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateValue {
    point: Point,
    granularity: Granularity,
    qualifier: Qualifier,
}

/// Where a [`DateValue`] starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Point {
    /// A day of the (proleptic Gregorian) calendar, with the time of a `Granularity::Time` value.
    Calendar(NaiveDate, Option<NaiveTime>),
    /// An astronomical year beyond the calendar chrono knows (about 262,000 years either side of
    /// 1 CE), as far as [`DEEP_YEARS`]: deep time, known to the year at best. It has no month,
    /// day or weekday.
    Deep(i64),
}

/// How far from 1 CE a year may be: 100 billion years, seven times the age of the universe.
pub const DEEP_YEARS: i64 = 100_000_000_000;

/// The length of the Gregorian calendar's mean year in days (146,097 days per 400 years): how
/// deep time is laid on the axis.
const MEAN_YEAR_DAYS: f64 = 365.2425;

/// Days from 1970-01-01 to 2000-01-01, where the 400-year cycles of the deep-time axis start.
const DAYS_TO_2000: f64 = 10_957.0;

/// How sure a source is of a date (EDTF level 1: `?` uncertain, `~` approximate, `%` both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Qualifier {
    /// The source is not sure of it (`2018?`).
    pub uncertain: bool,
    /// The source gives it as about this date (`2018~`).
    pub approximate: bool,
}

impl Qualifier {
    /// Neither uncertain nor approximate.
    pub fn is_exact(self) -> bool {
        !self.uncertain && !self.approximate
    }

    /// Its EDTF mark: `?`, `~`, `%` or nothing.
    pub fn mark(self) -> &'static str {
        match (self.uncertain, self.approximate) {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            (false, false) => "",
        }
    }

    /// What it means, for the detail panel; `None` when exact.
    pub fn explain(self) -> Option<&'static str> {
        match (self.uncertain, self.approximate) {
            (true, true) => Some("Approximate and uncertain: about this date, and the source is not sure of it."),
            (true, false) => Some("Uncertain: the source gives this date but is not sure of it."),
            (false, true) => Some("Approximate: the source gives it as about this date."),
            (false, false) => None,
        }
    }
}

/// A [`DateValue`]'s fields, each where its granularity has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateParts {
    /// Astronomical (0 is 1 BCE); beyond the calendar in deep time.
    pub year: i64,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// Hour and minute.
    pub time: Option<(u32, u32)>,
}

/// Why a string is not a valid [`DateValue`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError {
    /// The input that was rejected.
    pub input: String,
    /// What is wrong with it, in words.
    pub reason: String,
}

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a date: {}", self.input, self.reason)
    }
}

impl std::error::Error for DateParseError {}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(date) => date,
    None => panic!("1970-01-01 is a valid date"),
};

/// Days since 1970-01-01 of a calendar date (whole days, as f64).
pub fn days_from_date(date: NaiveDate) -> f64 {
    date.signed_duration_since(EPOCH).num_days() as f64
}

/// Days since 1970-01-01 to 1 January of `year` (astronomical): exact on the calendar, and for
/// deep time counted in mean Gregorian years from 2000 (exact every 400 years, and within a day
/// of the calendar where both reach).
pub fn days_from_year(year: i64) -> f64 {
    match i32::try_from(year).ok().and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)) {
        Some(date) => days_from_date(date),
        None => DAYS_TO_2000 + (year - 2000) as f64 * MEAN_YEAR_DAYS,
    }
}

/// The (astronomical) year that contains `t_days`, on the calendar or in deep time.
pub fn year_from_days(t_days: f64) -> i64 {
    match date_from_days(t_days) {
        Some(date) => i64::from(date.year()),
        None if t_days.is_finite() => {
            let year = 2000 + ((t_days - DAYS_TO_2000) / MEAN_YEAR_DAYS).floor().clamp(-2e11, 2e11) as i64;
            // The estimate can be one year off near a year's start; the axis's own mapping decides.
            if days_from_year(year) > t_days {
                year - 1
            } else if days_from_year(year + 1) <= t_days {
                year + 1
            } else {
                year
            }
        }
        None => 0,
    }
}

/// The calendar date that contains `t_days` (days since 1970-01-01), if representable.
pub fn date_from_days(t_days: f64) -> Option<NaiveDate> {
    // Past chrono's calendar (about 262,000 years either side of 1 CE): no date.
    if !t_days.is_finite() || t_days.abs() > 95_000_000.0 {
        return None;
    }
    EPOCH.checked_add_signed(chrono::Duration::days(t_days.floor() as i64))
}

impl DateValue {
    /// The value covering `granularity`'s unit from `first_day` (exact, no time).
    fn covering(first_day: NaiveDate, granularity: Granularity) -> Self {
        Self { point: Point::Calendar(first_day, None), granularity, qualifier: Qualifier::default() }
    }

    /// A year value anywhere in time: on the calendar (`2011`, `-0499`), or beyond it in deep time
    /// (`-13,799,999,999`, 13.8 billion years ago); `None` past [`DEEP_YEARS`].
    pub fn any_year(year: i64) -> Option<Self> {
        match i32::try_from(year).ok().and_then(DateValue::year) {
            Some(value) => Some(value),
            None if year.abs() <= DEEP_YEARS => {
                Some(Self { point: Point::Deep(year), granularity: Granularity::Year, qualifier: Qualifier::default() })
            }
            None => None,
        }
    }

    /// Whether it lies beyond the calendar, in deep time (and so has only a year).
    pub fn is_deep(&self) -> bool {
        matches!(self.point, Point::Deep(_))
    }

    /// A year value, e.g. `2011`.
    pub fn year(year: i32) -> Option<Self> {
        Some(Self::covering(NaiveDate::from_ymd_opt(year, 1, 1)?, Granularity::Year))
    }

    /// A month value, e.g. June 2018.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Some(Self::covering(NaiveDate::from_ymd_opt(year, month, 1)?, Granularity::Month))
    }

    /// A day value, e.g. 8 June 2018.
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        Some(Self::covering(NaiveDate::from_ymd_opt(year, month, day)?, Granularity::Day))
    }

    /// A day value from a chrono date.
    pub fn from_date(date: NaiveDate) -> Self {
        Self::covering(date, Granularity::Day)
    }

    /// A minute-precision value.
    pub fn time(date: NaiveDate, hour: u32, minute: u32) -> Option<Self> {
        let time = NaiveTime::from_hms_opt(hour, minute, 0)?;
        Some(Self { point: Point::Calendar(date, Some(time)), ..Self::covering(date, Granularity::Time) })
    }

    /// A decade, e.g. the 2010s (`201X`), from its first year (rounded down to a decade).
    pub fn decade(year: i32) -> Option<Self> {
        Some(Self::covering(NaiveDate::from_ymd_opt(year.div_euclid(10) * 10, 1, 1)?, Granularity::Decade))
    }

    /// A century as EDTF writes one, e.g. the 1900s (`19XX`), from a year in it.
    pub fn century(year: i32) -> Option<Self> {
        Some(Self::covering(NaiveDate::from_ymd_opt(year.div_euclid(100) * 100, 1, 1)?, Granularity::Century))
    }

    /// This value, as uncertain and/or approximate as `qualifier` says.
    pub fn qualified(self, qualifier: Qualifier) -> Self {
        Self { qualifier, ..self }
    }

    /// How sure the source is of it.
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    /// How precisely this value is known.
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }

    /// The first calendar day this value covers; `None` in deep time, which has no days.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match self.point {
            Point::Calendar(date, _) => Some(date),
            Point::Deep(_) => None,
        }
    }

    /// Its fields down to its granularity.
    pub fn parts(&self) -> DateParts {
        let g = self.granularity;
        match self.point {
            Point::Calendar(date, time) => DateParts {
                year: i64::from(date.year()),
                month: (g >= Granularity::Month).then(|| date.month()),
                day: (g >= Granularity::Day).then(|| date.day()),
                time: time.filter(|_| g == Granularity::Time).map(|t| (t.hour(), t.minute())),
            },
            Point::Deep(year) => DateParts { year, month: None, day: None, time: None },
        }
    }

    /// The first day after the covered interval (for a time, its own day), if the calendar has it.
    pub fn next_day_after(&self) -> Option<NaiveDate> {
        let Point::Calendar(date, _) = self.point else { return None };
        match self.granularity {
            Granularity::Century => NaiveDate::from_ymd_opt(date.year() + 100, 1, 1),
            Granularity::Decade => NaiveDate::from_ymd_opt(date.year() + 10, 1, 1),
            Granularity::Year => NaiveDate::from_ymd_opt(date.year() + 1, 1, 1),
            Granularity::Month => date.checked_add_months(chrono::Months::new(1)),
            Granularity::Day => date.succ_opt(),
            Granularity::Time => Some(date),
        }
    }

    /// Its value as HTML's `<time datetime>` takes it, where HTML's date strings can say it: not
    /// for an uncertain or approximate date, a decade, a century, a year before 1 CE or deep time.
    pub fn html_datetime(&self) -> Option<String> {
        let on_the_calendar = matches!(self.point, Point::Calendar(date, _) if date.year() >= 1);
        (self.qualifier.is_exact() && self.granularity >= Granularity::Year && on_the_calendar).then(|| self.iso())
    }

    /// The (astronomical) year.
    pub fn year_number(&self) -> i64 {
        self.parts().year
    }

    /// The weekday of a day- or time-precision value.
    pub fn weekday(&self) -> Option<Weekday> {
        self.first_day().filter(|_| self.granularity >= Granularity::Day).map(|d| d.weekday())
    }

    /// Start of the covered interval, in days since 1970-01-01 (inclusive).
    pub fn start_days(&self) -> f64 {
        match self.point {
            Point::Calendar(date, Some(t)) => days_from_date(date) + f64::from(t.num_seconds_from_midnight()) / 86_400.0,
            Point::Calendar(date, None) => days_from_date(date),
            Point::Deep(year) => days_from_year(year),
        }
    }

    /// End of the covered interval, in days since 1970-01-01 (exclusive).
    pub fn end_days(&self) -> f64 {
        match (self.point, self.granularity) {
            (Point::Deep(year), _) => days_from_year(year + 1),
            (_, Granularity::Time) => self.start_days() + 1.0 / 1440.0,
            // Past chrono's last year, the next unit starts in deep time.
            (_, Granularity::Century) => days_from_year(self.year_number() + 100),
            (_, Granularity::Decade) => days_from_year(self.year_number() + 10),
            (_, Granularity::Year) => days_from_year(self.year_number() + 1),
            // The only failure is past chrono's last day; a one-day interval is then the honest fallback.
            _ => self.next_day_after().map(days_from_date).unwrap_or_else(|| self.start_days() + 1.0),
        }
    }

    /// Long en-GB form, as people read it: "Friday 8 June 2018", "June 2018", "2017".
    pub fn display_long(&self) -> String {
        self.display(DateStyle::Long)
    }

    /// Short en-GB form for labels: "8 Jun 2018", "Jun 2018", "2017".
    pub fn display_short(&self) -> String {
        self.display(DateStyle::Short)
    }

    fn display(&self, style: DateStyle) -> String {
        let (month, day) = match style {
            DateStyle::Long => ("%B", "%A %-d %B"),
            DateStyle::Short => ("%b", "%-d %b"),
        };
        let Point::Calendar(date, time) = self.point else {
            let year = self.year_number();
            let plain = match (style, years_ago(year)) {
                // The details say the exact year too, when the rounded words do not.
                (DateStyle::Long, Some((words, false))) => format!("{words} ({})", grouped_year(year)),
                _ => year_label(year),
            };
            return self.with_qualifier(plain, style);
        };
        let year = year_label(i64::from(date.year()));
        let plain = match (self.granularity, time) {
            (Granularity::Century | Granularity::Decade, _) => {
                let span = if self.granularity == Granularity::Century { 100 } else { 10 };
                let start = i64::from(date.year());
                let named =
                    if start > 0 { format!("{start}s") } else { format!("{} – {}", year_label(start), year_label(start + span - 1)) };
                match style {
                    DateStyle::Long if self.qualifier.approximate => format!("the {named}"),
                    DateStyle::Long => format!("sometime in the {named}"),
                    DateStyle::Short => named,
                }
            }
            (Granularity::Year, _) => year,
            (Granularity::Month, _) => format!("{} {year}", date.format(month)),
            (Granularity::Time, Some(t)) => format!("{} {year}, {}", date.format(day), t.format("%H:%M")),
            (Granularity::Day | Granularity::Time, _) => format!("{} {year}", date.format(day)),
        };
        self.with_qualifier(plain, style)
    }

    /// `plain` with how sure the source is said in words (long) or marks (short).
    fn with_qualifier(&self, plain: String, style: DateStyle) -> String {
        let q = self.qualifier;
        match style {
            DateStyle::Long => match (q.approximate, q.uncertain) {
                (true, true) => format!("about {plain} (uncertain)"),
                (true, false) => format!("about {plain}"),
                (false, true) => format!("{plain} (uncertain)"),
                (false, false) => plain,
            },
            DateStyle::Short => format!("{}{plain}{}", if q.approximate { "c. " } else { "" }, if q.uncertain { "?" } else { "" }),
        }
    }

    /// The ISO / TIMEX3 value: `2017`, `2018-06`, `2018-06-08`, `2018-06-08T14:30`.
    ///
    /// Years are astronomical, as ISO 8601 and EDTF count them: `0000` is 1 BCE, `-0499` is
    /// 500 BCE; a year of more than four digits is written `Y12000` (EDTF).
    pub fn iso(&self) -> String {
        let y = self.year_number();
        let year = match y {
            0..=9999 => format!("{y:04}"),
            -9999..=-1 => format!("-{:04}", -y),
            _ => format!("Y{y}"),
        };
        let mark = self.qualifier.mark();
        let Point::Calendar(date, time) = self.point else { return format!("{year}{mark}") };
        let (month, day) = (date.month(), date.day());
        let value = match (self.granularity, time) {
            (Granularity::Century, _) if (0..=9999).contains(&y) => format!("{:02}XX", y / 100),
            (Granularity::Decade, _) if (0..=9999).contains(&y) => format!("{:03}X", y / 10),
            (Granularity::Century | Granularity::Decade | Granularity::Year, _) => year,
            (Granularity::Month, _) => format!("{year}-{month:02}"),
            (Granularity::Time, Some(t)) => format!("{year}-{month:02}-{day:02}T{}", t.format("%H:%M")),
            (Granularity::Day | Granularity::Time, _) => format!("{year}-{month:02}-{day:02}"),
        };
        format!("{value}{mark}")
    }
}

/// The year at the start of `date` (astronomical) and what follows its `-`, if anything.
fn parse_year(date: &str) -> Option<(i64, Option<&str>)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (long, body) = match date.strip_prefix('Y').or_else(|| date.strip_prefix('+')) {
        Some(body) => (true, body),
        None => (false, date),
    };
    let (negative, body) = match body.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, body),
    };
    let (year, rest) = match body.split_once('-') {
        Some((year, rest)) => (year, Some(rest)),
        None => (body, None),
    };
    let fits = if long { digits(year) && year.len() <= 12 } else { digits(year) && year.len() == 4 };
    if !fits {
        return None;
    }
    let n: i64 = year.parse().ok()?;
    Some((if negative { -n } else { n }, rest))
}

/// `n` with its thousands grouped: `12,000`.
pub fn group_digits(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A year in full: `2018`, `500 BCE`, `12,000`, `13,799,999,999 BCE`.
fn grouped_year(year: i64) -> String {
    match year {
        ..=0 => format!("{} BCE", group_digits(1 - year)),
        1..=9999 => year.to_string(),
        _ => group_digits(year),
    }
}

/// A year as people write it: `2018`, `500 BCE` (astronomical year -499), `1 BCE` (year 0),
/// `12,000`; a million years back and more, as cosmology and geology do, in years ago to three
/// figures: `66 million years ago`, `13.8 billion years ago` (counting from 1 CE: the
/// two thousand years since are below the figures shown).
pub fn year_label(year: i64) -> String {
    years_ago(year).map_or_else(|| grouped_year(year), |(words, _)| words)
}

/// A year a million and more years back in words (`13.8 billion years ago`), and whether the
/// words give it exactly; `None` for later years.
fn years_ago(year: i64) -> Option<(String, bool)> {
    let ago = 1 - year;
    if ago < 1_000_000 {
        return None;
    }
    let (unit, word) = if ago >= 1_000_000_000 { (1e9, "billion") } else { (1e6, "million") };
    let n = ago as f64 / unit;
    // Three significant figures, without trailing zeros: 13.8, 4.54, 66, 250.
    let decimals = if n >= 100.0 {
        0
    } else if n >= 10.0 {
        1
    } else {
        2
    };
    let shown = format!("{n:.decimals$}");
    let shown = if shown.contains('.') { shown.trim_end_matches('0').trim_end_matches('.') } else { &shown };
    let exact = shown.parse::<f64>().is_ok_and(|m| (m * unit).round() as i64 == ago);
    Some((format!("{shown} {word} years ago"), exact))
}

fn parse_number(part: &str, digits: usize, what: &str, input: &str) -> Result<u32, DateParseError> {
    if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateParseError { input: input.to_owned(), reason: format!("the {what} must be {digits} digits") });
    }
    part.parse().map_err(|_| DateParseError { input: input.to_owned(), reason: format!("bad {what}") })
}

impl FromStr for DateValue {
    type Err = DateParseError;

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. Years are astronomical (ISO
    /// 8601, EDTF): `0000` is 1 BCE and `-0499` 500 BCE; longer years are `Y12000` or `Y-12000`
    /// (EDTF) or `+12000`, as far as ±262,000.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = |reason: &str| DateParseError { input: input.to_owned(), reason: reason.to_owned() };
        // EDTF level 1: a qualifier at the end (`?`, `~`, `%`), and unspecified digits.
        let (unqualified, qualifier) = match input.as_bytes().last() {
            Some(b'?') => (&input[..input.len() - 1], Qualifier { uncertain: true, approximate: false }),
            Some(b'~') => (&input[..input.len() - 1], Qualifier { uncertain: false, approximate: true }),
            Some(b'%') => (&input[..input.len() - 1], Qualifier { uncertain: true, approximate: true }),
            _ => (input, Qualifier::default()),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if unqualified.len() == 4 && unqualified.is_ascii() {
            let decade = unqualified.ends_with('X') && digits(&unqualified[..3]);
            let century = unqualified.ends_with("XX") && digits(&unqualified[..2]);
            if century || decade {
                let known = if century { 2 } else { 3 };
                let start: i32 = unqualified[..known].parse().map_err(|_| err("bad decade or century"))?;
                let value = if century { DateValue::century(start * 100) } else { DateValue::decade(start * 10) };
                return value.map(|v| v.qualified(qualifier)).ok_or_else(|| err("bad decade or century"));
            }
        }
        // An unspecified month or day (`2018-XX`, `2018-06-XX`): known to the year or month.
        let mut unqualified = unqualified;
        while let Some(known) = unqualified.strip_suffix("-XX") {
            unqualified = known;
        }
        let (date_part, time_part) = match unqualified.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (unqualified, None),
        };
        let (year, rest) = parse_year(date_part)
            .ok_or_else(|| err("the year must be four digits (0000 is 1 BCE, -0499 is 500 BCE) or Y and more digits (Y12000)"))?;
        let Some(calendar_year) = i32::try_from(year).ok().filter(|y| NaiveDate::from_ymd_opt(*y, 1, 1).is_some()) else {
            // Deep time: a year alone.
            if rest.is_some() || time_part.is_some() {
                return Err(err("a year beyond 262,000 either side of 1 CE has no months or days: give the year alone"));
            }
            return DateValue::any_year(year)
                .map(|v| v.qualified(qualifier))
                .ok_or_else(|| err("years beyond 100 billion either side of 1 CE are not supported"));
        };
        let year = calendar_year;
        let parts: Vec<&str> = std::iter::once("").chain(rest.map(|r| r.split('-')).into_iter().flatten()).collect();
        let month = parts.get(1).map(|m| parse_number(m, 2, "month", input)).transpose()?;
        let day = parts.get(2).map(|d| parse_number(d, 2, "day", input)).transpose()?;
        if parts.len() > 3 {
            return Err(err("expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM"));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(err("the month must be 01 to 12"));
            }
        }
        let value = match (month, day) {
            (None, _) => DateValue::year(year),
            (Some(m), None) => DateValue::month(year, m),
            (Some(m), Some(d)) => DateValue::day(year, m, d),
        }
        .ok_or_else(|| err("that day does not exist in that month"))?;
        match time_part {
            None => Ok(value.qualified(qualifier)),
            Some(t) => {
                if value.granularity != Granularity::Day {
                    return Err(err("a time needs a full date before it"));
                }
                let (h, m) = t.split_once(':').ok_or_else(|| err("the time must be HH:MM"))?;
                let hour = parse_number(h, 2, "hour", input)?;
                let minute = parse_number(m, 2, "minute", input)?;
                DateValue::time(value.first_day().ok_or_else(|| err("a time needs a calendar day"))?, hour, minute)
                    .map(|v| v.qualified(qualifier))
                    .ok_or_else(|| err("the time must be 00:00 to 23:59"))
            }
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The date of an event: one calendar value, or a range between two (both ends inclusive of
/// their whole interval: June 2017 – June 2018 runs to the end of June 2018).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventDate {
    /// A single value such as `2018-06-08` or `2017`.
    Point(DateValue),
    /// A range; `start` never begins after `end` (checked when loading).
    Range {
        /// First value of the range.
        start: DateValue,
        /// Last value of the range.
        end: DateValue,
    },
    /// A range open at its start (EDTF `../2018`): it ran until this value, from a time the source
    /// does not give. Drawn over this value, fading towards the past.
    Until(DateValue),
    /// A range open at its end (EDTF `2018/..`): it began at this value and ran on. Drawn over
    /// this value, fading towards the future.
    From(DateValue),
}

/// Which end of an event's date is open, if one is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenEnd {
    /// `../2018`.
    Start,
    /// `2018/..`.
    End,
}

impl EventDate {
    /// Start of the covered interval in days since 1970-01-01.
    pub fn start_days(&self) -> f64 {
        match self {
            EventDate::Point(v) | EventDate::Until(v) | EventDate::From(v) => v.start_days(),
            EventDate::Range { start, .. } => start.start_days(),
        }
    }

    /// The value an open range is known by, if this is one, and which end is open.
    pub fn open(&self) -> Option<(OpenEnd, DateValue)> {
        match self {
            EventDate::Until(v) => Some((OpenEnd::Start, *v)),
            EventDate::From(v) => Some((OpenEnd::End, *v)),
            _ => None,
        }
    }

    /// Its first value: the point, the range's start, or the open range's known value.
    pub fn first(&self) -> DateValue {
        match self {
            EventDate::Point(v) | EventDate::Until(v) | EventDate::From(v) | EventDate::Range { start: v, .. } => *v,
        }
    }

    /// End (exclusive) of the covered interval in days since 1970-01-01.
    pub fn end_days(&self) -> f64 {
        match self {
            EventDate::Point(v) | EventDate::Until(v) | EventDate::From(v) => v.end_days(),
            EventDate::Range { end, .. } => end.end_days(),
        }
    }

    /// The coarser granularity of the two ends (a range is only as precise as its vaguer end).
    pub fn granularity(&self) -> Granularity {
        match self {
            EventDate::Point(v) | EventDate::Until(v) | EventDate::From(v) => v.granularity(),
            EventDate::Range { start, end } => start.granularity().min(end.granularity()),
        }
    }

    /// Long en-GB form: "Friday 8 June 2018", "June 2017 – June 2018".
    pub fn display_long(&self) -> String {
        match self {
            EventDate::Point(v) => v.display_long(),
            EventDate::Range { start, end } => format!("{} – {}", start.display_long(), end.display_long()),
            EventDate::Until(v) => format!("until {}", v.display_long()),
            EventDate::From(v) => format!("from {} on", v.display_long()),
        }
    }

    /// Short en-GB form for labels.
    pub fn display_short(&self) -> String {
        match self {
            EventDate::Point(v) => v.display_short(),
            EventDate::Range { start, end } => format!("{} – {}", start.display_short(), end.display_short()),
            EventDate::Until(v) => format!("until {}", v.display_short()),
            EventDate::From(v) => format!("from {}", v.display_short()),
        }
    }

    /// How sure the source is of it (of either end, for a range).
    pub fn qualifier(&self) -> Qualifier {
        match self {
            EventDate::Point(v) | EventDate::Until(v) | EventDate::From(v) => v.qualifier(),
            EventDate::Range { start, end } => Qualifier {
                uncertain: start.qualifier().uncertain || end.qualifier().uncertain,
                approximate: start.qualifier().approximate || end.qualifier().approximate,
            },
        }
    }

    /// Whether the range runs backwards (only meaningful for ranges).
    pub fn is_reversed(&self) -> bool {
        matches!(self, EventDate::Range { start, end } if end.end_days() <= start.start_days())
    }
}

#[derive(Serialize, Deserialize)]
struct RangeRepr {
    start: DateValue,
    end: DateValue,
}

impl Serialize for EventDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            EventDate::Point(v) => v.serialize(serializer),
            EventDate::Range { start, end } => RangeRepr { start: *start, end: *end }.serialize(serializer),
            EventDate::Until(v) => serializer.serialize_str(&format!("../{}", v.iso())),
            EventDate::From(v) => serializer.serialize_str(&format!("{}/..", v.iso())),
        }
    }
}

impl<'de> Deserialize<'de> for EventDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        // Through a JSON value so that the error names the accepted shapes instead of serde's
        // "data did not match any variant".
        let value = serde_json::Value::deserialize(deserializer)?;
        match value {
            serde_json::Value::String(s) => s.parse().map_err(D::Error::custom),
            serde_json::Value::Object(_) => serde_json::from_value::<RangeRepr>(value)
                .map(|r| EventDate::Range { start: r.start, end: r.end })
                .map_err(|e| D::Error::custom(format!("a date range needs \"start\" and \"end\": {e}"))),
            other => {
                Err(D::Error::custom(format!("expected an ISO date such as \"2018-06-08\" or {{\"start\": …, \"end\": …}}, found {other}")))
            }
        }
    }
}

impl FromStr for EventDate {
    type Err = DateParseError;

    /// A date (`2018-06`), an EDTF interval (`2017-06/2018-06`), or an open one (`../2018`,
    /// `2018/..`).
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        match input.split_once('/') {
            None => input.parse().map(EventDate::Point),
            Some(("..", end)) => end.parse().map(EventDate::Until),
            Some((start, "..")) => start.parse().map(EventDate::From),
            Some((start, end)) => {
                let range = EventDate::Range { start: start.parse()?, end: end.parse()? };
                match range.is_reversed() {
                    true => Err(DateParseError { input: input.to_owned(), reason: "the range ends before it starts".to_owned() }),
                    false => Ok(range),
                }
            }
        }
    }
}

/// Which way to read ambiguous slash dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Locale {
    /// Day first: 04/06/2018 is 4 June.
    #[default]
    EnGb,
    /// Month first: 04/06/2018 is 6 April.
    EnUs,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn granularity_names_match_the_json_format() {
        for g in [Granularity::Year, Granularity::Month, Granularity::Day, Granularity::Time] {
            assert_eq!(serde_json::to_value(g).expect("serialises"), serde_json::json!(g.as_str()));
        }
    }

    fn v(s: &str) -> DateValue {
        s.parse().expect("valid test date")
    }

    #[test]
    fn parses_each_granularity_and_round_trips() {
        for (input, g) in [
            ("2011", Granularity::Year),
            ("2018-06", Granularity::Month),
            ("2018-06-08", Granularity::Day),
            ("2018-06-08T14:30", Granularity::Time),
        ] {
            let value = v(input);
            assert_eq!(value.granularity(), g);
            assert_eq!(value.iso(), input);
        }
    }

    #[test]
    fn rejects_bad_dates_with_reasons() {
        for bad in [
            "",
            "18",
            "2018-13",
            "2018-02-30",
            "2018-6-8",
            "2018-06-08T25:00",
            "-18",
            "Y",
            "Y-",
            "--2018",
            "2018-06T10:00",
            "x",
            "Y999999999999",
            "Y300000-01",
            "Y-300000-01-01T10:00",
        ] {
            let err = bad.parse::<DateValue>().expect_err(bad);
            assert!(!err.reason.is_empty());
        }
        assert_eq!(
            "Y300000-06".parse::<DateValue>().unwrap_err().reason,
            "a year beyond 262,000 either side of 1 CE has no months or days: give the year alone"
        );
        assert_eq!(
            "Y-200000000000".parse::<DateValue>().unwrap_err().reason,
            "years beyond 100 billion either side of 1 CE are not supported"
        );
    }

    #[test]
    fn edtf_level_1_uncertain_approximate_and_unspecified_dates_are_read_written_and_said() {
        for (edtf, long, short, g) in [
            ("2018?", "2018 (uncertain)", "2018?", Granularity::Year),
            ("2018~", "about 2018", "c. 2018", Granularity::Year),
            ("2018-06%", "about June 2018 (uncertain)", "c. Jun 2018?", Granularity::Month),
            ("201X", "sometime in the 2010s", "2010s", Granularity::Decade),
            ("199X~", "about the 1990s", "c. 1990s", Granularity::Decade),
            ("19XX", "sometime in the 1900s", "1900s", Granularity::Century),
            ("2018-06-08T14:30~", "about Friday 8 June 2018, 14:30", "c. 8 Jun 2018, 14:30", Granularity::Time),
        ] {
            let value = v(edtf);
            assert_eq!((value.display_long().as_str(), value.display_short().as_str(), value.granularity()), (long, short, g), "{edtf}");
            assert_eq!(value.iso(), edtf, "written back the same");
        }
        // Unspecified parts: known to what is specified.
        assert_eq!(v("2018-XX"), v("2018"));
        assert_eq!(v("2018-06-XX"), v("2018-06"));
        assert_eq!(v("2018-XX-XX"), v("2018"));
        // A decade and a century cover all their years.
        assert_eq!(v("201X").start_days(), v("2010").start_days());
        assert_eq!(v("201X").end_days(), v("2020").start_days());
        assert_eq!(v("19XX").end_days(), v("2000").start_days());
        assert!(v("2018~") != v("2018"), "a qualifier is part of the value");
        assert_eq!(v("2018?").qualifier().explain(), Some("Uncertain: the source gives this date but is not sure of it."));
        for bad in ["20XX1", "2X18", "X018", "2018??", "201X-06"] {
            assert!(bad.parse::<DateValue>().is_err(), "{bad}");
        }
    }

    #[test]
    fn open_ranges_and_intervals_are_read_written_and_said() {
        let until: EventDate = "../2018-06".parse().expect("open start");
        let from: EventDate = "1880/..".parse().expect("open end");
        assert_eq!((until.display_long().as_str(), until.display_short().as_str()), ("until June 2018", "until Jun 2018"));
        assert_eq!((from.display_long().as_str(), from.display_short().as_str()), ("from 1880 on", "from 1880"));
        assert_eq!(until.open(), Some((OpenEnd::Start, v("2018-06"))));
        assert_eq!((from.start_days(), from.end_days()), (v("1880").start_days(), v("1880").end_days()), "drawn over the value it knows");
        assert_eq!("2017-06/2018-06".parse::<EventDate>(), Ok(EventDate::Range { start: v("2017-06"), end: v("2018-06") }));
        assert!("2018/2017".parse::<EventDate>().is_err(), "a range that runs backwards");
        // In JSON: EDTF strings, read back the same.
        for date in [until, from, EventDate::Point(v("2018~"))] {
            let json = serde_json::to_string(&date).expect("serialises");
            assert_eq!(serde_json::from_str::<EventDate>(&json).expect("reads back"), date, "{json}");
        }
        assert_eq!(serde_json::to_string(&until).unwrap(), "\"../2018-06\"");
        assert_eq!(serde_json::from_str::<EventDate>("\"2017/2018\"").unwrap(), EventDate::Range { start: v("2017"), end: v("2018") });
    }

    #[test]
    fn years_before_1_ce_and_after_9999_count_as_iso_and_edtf_do_and_read_as_people_write_them() {
        // Astronomical years: 0000 is 1 BCE, -0499 is 500 BCE; no year is skipped or doubled.
        for (iso, long) in [
            ("0000", "1 BCE"),
            ("0001", "1"),
            ("-0499", "500 BCE"),
            ("-0043-03-15", "Friday 15 March 44 BCE"),
            ("-9999", "10,000 BCE"),
            ("Y-12000", "12,001 BCE"),
            ("Y12000", "12,000"),
            ("Y-250000-06", "June 250,001 BCE"),
        ] {
            let value = v(iso);
            assert_eq!(value.iso(), iso, "written back the same");
            assert_eq!(value.display_long(), long);
        }
        assert_eq!(v("+12000"), v("Y12000"));
        assert_eq!(v("0000").end_days(), v("0001").start_days(), "1 BCE runs into 1 CE");
        assert!(v("-0499").start_days() < v("0000").start_days());
        assert_eq!(year_label(-43), "44 BCE");
    }

    #[test]
    fn deep_time_is_a_year_beyond_the_calendar_laid_out_in_mean_years_and_said_in_years_ago() {
        for (iso, long, short) in [
            ("Y-13799999999", "13.8 billion years ago", "13.8 billion years ago"),
            ("Y-65999999~", "about 66 million years ago", "c. 66 million years ago"),
            ("Y-1234566", "1.23 million years ago (1,234,567 BCE)", "1.23 million years ago"),
            ("Y-300000?", "300,001 BCE (uncertain)", "300,001 BCE?"),
            ("Y1000000000", "1,000,000,000", "1,000,000,000"),
        ] {
            let value = v(iso);
            assert!(value.is_deep());
            assert_eq!(value.iso(), iso, "written back the same");
            assert_eq!((value.display_long().as_str(), value.display_short().as_str()), (long, short));
            assert_eq!((value.first_day(), value.weekday(), value.html_datetime(), value.next_day_after()), (None, None, None, None));
            assert_eq!(value.granularity(), Granularity::Year);
            assert_eq!(year_from_days(value.start_days()), value.year_number());
            assert_eq!(year_from_days(value.end_days() - 1e-3), value.year_number());
        }
        // Deep time meets the calendar within a day, and time keeps its order across the seam.
        let (last_calendar, first_deep) = (v("Y-262143"), v("Y-262144"));
        assert!(!last_calendar.is_deep() && first_deep.is_deep());
        assert!((first_deep.end_days() - last_calendar.start_days()).abs() < 1.0);
        assert!(first_deep.start_days() < last_calendar.start_days());
        assert_eq!(DateValue::any_year(2018), Some(v("2018")));
        assert_eq!(DateValue::any_year(-DEEP_YEARS - 1), None);
        for year in [-DEEP_YEARS, -262_145, -262_144, -262_143, -1, 0, 2018, 262_142, 262_143, DEEP_YEARS] {
            assert_eq!(year_from_days(days_from_year(year)), year, "{year}");
            assert_eq!(year_from_days(days_from_year(year) - 0.01), year - 1, "{year}");
        }
    }

    #[test]
    fn intervals_cover_the_whole_unit() {
        let year = v("2017");
        assert_eq!(year.end_days() - year.start_days(), 365.0);
        let leap_feb = v("2016-02");
        assert_eq!(leap_feb.end_days() - leap_feb.start_days(), 29.0);
        let day = v("2018-06-08");
        assert_eq!(day.end_days() - day.start_days(), 1.0);
        assert_eq!(v("1970-01-02").start_days(), 1.0);
        assert!((v("2018-06-08T12:00").start_days() - (day.start_days() + 0.5)).abs() < 1e-9);
    }

    #[test]
    fn displays_as_people_read_dates_in_british_english() {
        assert_eq!(v("2018-06-08").display_long(), "Friday 8 June 2018");
        assert_eq!(v("2018-06-04").display_short(), "4 Jun 2018");
        assert_eq!(v("2017").display_long(), "2017");
        assert_eq!(v("2018-06").display_long(), "June 2018");
        assert_eq!(v("2018-06-08T09:05").display_long(), "Friday 8 June 2018, 09:05");
        let range = EventDate::Range { start: v("2017-06"), end: v("2018-06") };
        assert_eq!(range.display_long(), "June 2017 – June 2018");
        assert_eq!(range.granularity(), Granularity::Month);
    }

    #[test]
    fn weekday_only_for_day_precision() {
        assert_eq!(v("2018-06-08").weekday(), Some(Weekday::Fri));
        assert_eq!(v("2018-06").weekday(), None);
    }

    #[test]
    fn event_dates_round_trip_through_json() {
        for json in [r#""2018-06-04""#, r#"{"start":"2017-06","end":"2018-06"}"#] {
            let date: EventDate = serde_json::from_str(json).expect("parses");
            assert_eq!(serde_json::to_string(&date).expect("serialises"), json);
        }
        let err = serde_json::from_str::<EventDate>("42").expect_err("numbers are not dates");
        assert!(err.to_string().contains("expected an ISO date"));
    }

    #[test]
    fn reversed_ranges_are_detected() {
        assert!(EventDate::Range { start: v("2018"), end: v("2017") }.is_reversed());
        assert!(!EventDate::Range { start: v("2017"), end: v("2017") }.is_reversed());
    }

    #[test]
    fn days_round_trip_to_dates() {
        let d = NaiveDate::from_ymd_opt(2018, 6, 8).expect("valid");
        assert_eq!(date_from_days(days_from_date(d) + 0.7), Some(d));
        assert_eq!(date_from_days(f64::NAN), None);
    }
}
