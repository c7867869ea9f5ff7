//! The reader's language on the page: the interface's words (`citeline_view::locale`) and dates
//! and numbers in the reader's locale through the browser's `Intl` (so every locale the browser
//! knows works, and the wasm carries no locale data). English keeps the view crate's own wording
//! (en-GB dates), exactly as the static first view has it.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsValue;

use citeline_model::date::{DateValue, EventDate, Granularity};
use citeline_model::timeline::{DateBasisKind, Support};
use citeline_view::locale::{fill, locale_tag, tr, Lang, Msg};
use citeline_view::ticks::{TickSet, TickUnit};

/// The reader's language and locale, given to every component as context.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Locale {
    /// The interface's translation.
    pub lang: Lang,
    /// The locale dates and numbers are formatted in (a BCP 47 tag).
    pub tag: String,
}

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    Year,
    MonthShort,
    MonthLong,
    DayShort,
    DayLong,
    TimeShort,
    TimeLong,
    MonthAlone,
    DayAlone,
    HourMinute,
}

/// One locale's written dates, by date and whether long.
type DateWords = HashMap<(EventDate, bool), String>;

thread_local! {
    /// `Intl.DateTimeFormat`s (their bound `format`), made once per locale and style.
    static FORMATS: RefCell<HashMap<String, HashMap<Style, js_sys::Function>>> = RefCell::new(HashMap::new());
    /// `Intl.NumberFormat`s (their bound `format`), made once per locale.
    static NUMBERS: RefCell<HashMap<String, js_sys::Function>> = RefCell::new(HashMap::new());
    /// Events' dates as written in a locale (short and long), so a frame's labels ask `Intl` only
    /// for dates they have not shown before: zooming redraws every label each frame.
    static WORDS: RefCell<HashMap<String, DateWords>> = RefCell::new(HashMap::new());
}

impl Locale {
    /// The page's: `lang=` (or TimelineJS3's `language=`) when given, else the browser's
    /// languages in the reader's order.
    pub fn of_page(asked: Option<&str>) -> Locale {
        let browser: Vec<String> = gloo::utils::window().navigator().languages().iter().filter_map(|v| v.as_string()).collect();
        let lang = match asked {
            Some(tag) => Lang::negotiate([tag]),
            None => Lang::negotiate(browser.iter().map(String::as_str)),
        };
        // Dates in the browser's own locale when it speaks the interface's language (fr-CA for a
        // Canadian reader of the French interface), else in the interface's.
        let tag = asked.map(str::to_owned).or_else(|| browser.iter().find(|t| Lang::of_tag(t) == Some(lang)).cloned());
        Locale { lang, tag: locale_tag(tag.as_deref(), lang) }
    }

    /// Whether the page keeps its own English wording (and en-GB dates): an English reader's.
    /// A reader whose language has no translation gets English words and their own dates.
    pub fn english(&self) -> bool {
        Lang::of_tag(&self.tag) == Some(Lang::En)
    }

    /// A word or phrase of the interface.
    pub fn t(&self, msg: Msg) -> &'static str {
        tr(self.lang, msg)
    }

    /// A phrase with its `{}` filled.
    pub fn f(&self, msg: Msg, args: &[&str]) -> String {
        fill(tr(self.lang, msg), args)
    }

    /// How precisely a date is known ("Known to the day").
    pub fn known(&self, g: Granularity) -> &'static str {
        self.t(match g {
            Granularity::Century => Msg::KnownCentury,
            Granularity::Decade => Msg::KnownDecade,
            Granularity::Year => Msg::KnownYear,
            Granularity::Month => Msg::KnownMonth,
            Granularity::Day => Msg::KnownDay,
            Granularity::Time => Msg::KnownMinute,
        })
    }

    /// How a date was worked out.
    pub fn basis(&self, kind: DateBasisKind) -> &'static str {
        self.t(match kind {
            DateBasisKind::Stated => Msg::BasisStated,
            DateBasisKind::Resolved => Msg::BasisResolved,
            DateBasisKind::Publication => Msg::BasisPublication,
        })
    }

    /// What a passage supports.
    pub fn supports(&self, support: Support) -> &'static str {
        self.t(match support {
            Support::Date => Msg::SupportsDate,
            Support::Description => Msg::SupportsDescription,
        })
    }

    /// Marks the page's `<html>` with the language and direction (right to left mirrors it).
    pub fn apply_to_page(&self) {
        if self.english() {
            return;
        }
        if let Some(html) = gloo::utils::document().document_element() {
            let _ = html.set_attribute("lang", &self.tag);
            let _ = html.set_attribute("dir", if self.lang.rtl() { "rtl" } else { "ltr" });
        }
    }

    /// A count ("1,234"), in the locale's digits and grouping.
    pub fn number(&self, n: usize) -> String {
        if self.english() {
            return citeline_model::date::group_digits(n as i64);
        }
        NUMBERS
            .with(|cache| {
                let mut cache = cache.borrow_mut();
                if !cache.contains_key(&self.tag) {
                    let locales = js_sys::Array::of1(&JsValue::from_str(&self.tag));
                    cache.insert(self.tag.clone(), js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format());
                }
                cache[&self.tag].call1(&JsValue::NULL, &JsValue::from_f64(n as f64)).ok().and_then(|v| v.as_string())
            })
            .unwrap_or_else(|| n.to_string())
    }

    /// An event's date as labels show it ("8 juin 2018").
    pub fn date_short(&self, date: &EventDate) -> String {
        self.date_words(date, false)
    }

    /// An event's date in full ("vendredi 8 juin 2018").
    pub fn date_long(&self, date: &EventDate) -> String {
        self.date_words(date, true)
    }

    /// An event's date in the locale (once per date and locale), or the view's English words for
    /// an English reader and where `Intl` cannot say it.
    fn date_words(&self, date: &EventDate, long: bool) -> String {
        let english = || if long { date.display_long() } else { date.display_short() };
        if self.english() {
            return english();
        }
        let known = WORDS.with(|cache| cache.borrow().get(&self.tag).and_then(|words| words.get(&(*date, long)).cloned()));
        known.unwrap_or_else(|| {
            let words = self.event_date(date, long).unwrap_or_else(english);
            WORDS.with(|cache| cache.borrow_mut().entry(self.tag.clone()).or_default().insert((*date, long), words.clone()));
            words
        })
    }

    /// The window's dates: "Showing 13 Sep 2010 to 18 Oct 2018" in English words from the view.
    pub fn window(&self, start_days: f64, end_days: f64, english: &str) -> String {
        if self.english() {
            return english.to_owned();
        }
        let day = |days: f64| self.format(days, Style::DayShort);
        match (day(start_days), day(end_days - 1e-6)) {
            (Some(a), Some(b)) => self.f(Msg::DateToDate, &[&a, &b]),
            _ => english.to_owned(),
        }
    }

    /// The axis's labels in the locale (the years of deep time stay as the view gives them);
    /// the view's own for an English reader.
    pub fn ticks<'a>(&self, ticks: &'a TickSet) -> Cow<'a, TickSet> {
        if self.english() {
            return Cow::Borrowed(ticks);
        }
        let (minor, major) = match ticks.unit {
            TickUnit::Years => (Style::Year, None),
            TickUnit::Months => (Style::MonthAlone, Some(Style::Year)),
            TickUnit::Days => (Style::DayAlone, Some(Style::MonthLong)),
            TickUnit::Hours => (Style::HourMinute, Some(Style::DayShort)),
        };
        let relabel = |list: &[citeline_view::ticks::Tick], style: Style| {
            list.iter()
                .map(|t| {
                    let label = self.format(t.t_days, style).unwrap_or_else(|| t.label.clone());
                    citeline_view::ticks::Tick { label, ..t.clone() }
                })
                .collect()
        };
        Cow::Owned(TickSet {
            minor: relabel(&ticks.minor, minor),
            major: major.map_or_else(|| ticks.major.clone(), |style| relabel(&ticks.major, style)),
            ..ticks.clone()
        })
    }

    /// A cluster's dates: from its first start to its last, at the month (or the year when they
    /// are years apart).
    pub fn span(&self, start_days: f64, last_start_days: f64, english: &str) -> String {
        if self.english() {
            return english.to_owned();
        }
        let style = if last_start_days - start_days > 366.0 * 2.0 { Style::Year } else { Style::MonthShort };
        match (self.format(start_days, style), self.format(last_start_days, style)) {
            (Some(a), Some(b)) if a == b => a,
            (Some(a), Some(b)) => format!("{a} – {b}"),
            _ => english.to_owned(),
        }
    }

    /// The date in the locale, or `None` where `Intl` cannot say it (deep time, years before 1,
    /// decades and centuries: the view's words stand).
    fn event_date(&self, date: &EventDate, long: bool) -> Option<String> {
        let one = |v: &DateValue| self.value(v, long);
        let text = match date {
            EventDate::Point(v) => one(v)?,
            EventDate::Range { start, end } => format!("{} – {}", one(start)?, one(end)?),
            EventDate::Until(v) => format!("… – {}", one(v)?),
            EventDate::From(v) => format!("{} – …", one(v)?),
        };
        let q = date.qualifier();
        Some(match (q.approximate, q.uncertain) {
            (true, true) => format!("≈ {text}?"),
            (true, false) => format!("≈ {text}"),
            (false, true) => format!("{text}?"),
            (false, false) => text,
        })
    }

    fn value(&self, v: &DateValue, long: bool) -> Option<String> {
        let year = v.parts().year;
        if v.is_deep() || !(1..=9999).contains(&year) {
            return None;
        }
        let style = match (v.granularity(), long) {
            (Granularity::Year, _) => Style::Year,
            (Granularity::Month, false) => Style::MonthShort,
            (Granularity::Month, true) => Style::MonthLong,
            (Granularity::Day, false) => Style::DayShort,
            (Granularity::Day, true) => Style::DayLong,
            (Granularity::Time, false) => Style::TimeShort,
            (Granularity::Time, true) => Style::TimeLong,
            _ => return None,
        };
        self.format(v.start_days(), style)
    }

    /// `days` (since 1970-01-01, UTC) written in `style`.
    fn format(&self, days: f64, style: Style) -> Option<String> {
        let ms = days * 86_400_000.0;
        if !ms.is_finite() || ms.abs() > 8.64e15 {
            return None;
        }
        FORMATS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if !cache.contains_key(&self.tag) {
                cache.insert(self.tag.clone(), HashMap::new());
            }
            let formats = cache.get_mut(&self.tag)?;
            let format = formats.entry(style).or_insert_with(|| date_format(&self.tag, style));
            let date = js_sys::Date::new(&JsValue::from_f64(ms));
            format.call1(&JsValue::NULL, &date).ok().and_then(|v| v.as_string())
        })
    }
}

/// An `Intl.DateTimeFormat`'s `format` for `tag` in `style`, in UTC (dates are calendar dates).
fn date_format(tag: &str, style: Style) -> js_sys::Function {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    set("timeZone", "UTC");
    let (year, month, day, weekday, time) = match style {
        Style::Year => (true, None, false, false, false),
        Style::MonthShort => (true, Some("short"), false, false, false),
        Style::MonthLong => (true, Some("long"), false, false, false),
        Style::DayShort => (true, Some("short"), true, false, false),
        Style::DayLong => (true, Some("long"), true, true, false),
        Style::TimeShort => (true, Some("short"), true, false, true),
        Style::TimeLong => (true, Some("long"), true, true, true),
        Style::MonthAlone => (false, Some("short"), false, false, false),
        Style::DayAlone => (false, None, true, false, false),
        Style::HourMinute => (false, None, false, false, true),
    };
    if year {
        set("year", "numeric");
    }
    if let Some(month) = month {
        set("month", month);
    }
    if day {
        set("day", "numeric");
    }
    if weekday {
        set("weekday", "long");
    }
    if time {
        set("hour", "2-digit");
        set("minute", "2-digit");
    }
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
}
