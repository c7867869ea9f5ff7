//! Calendar-aware ticks: a ladder years → months → days → hours, choosing the finest step whose
//! labels stay at least `min_spacing_px` apart. Ticks are data; the UI only draws them.

use chrono::{Datelike, Months};
use serde::Serialize;

use crate::scale::{round_px, TimeScale};
use citeline_model::date::{date_from_days, days_from_date, days_from_year, year_from_days, year_label};

/// The unit of a tick step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TickUnit {
    /// Calendar years.
    Years,
    /// Calendar months.
    Months,
    /// Calendar days (restarting at the 1st of each month for steps above 1).
    Days,
    /// Hours of the day.
    Hours,
}

impl TickUnit {
    /// Its name as serialised (`"years"`, …), also used as a `data-` attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            TickUnit::Years => "years",
            TickUnit::Months => "months",
            TickUnit::Days => "days",
            TickUnit::Hours => "hours",
        }
    }
}

/// One tick: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    /// Time of the tick in days since 1970-01-01.
    pub t_days: f64,
    /// Its x position (rounded to 0.01 px).
    pub x_px: f64,
    /// Its label ("2018", "Jun", "8", "14:00").
    pub label: String,
}

/// The ticks for one view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TickSet {
    /// Unit of the minor ticks.
    pub unit: TickUnit,
    /// Step in that unit (up to a hundred billion years).
    pub step: u64,
    /// The labelled grid.
    pub minor: Vec<Tick>,
    /// Boundaries of the next coarser unit, labelled with context ("June 2018"); empty for years.
    pub major: Vec<Tick>,
}

/// (unit, step, nominal length in days), finest first; years go on, 1-2-5 in each power of ten,
/// to a hundred billion (deep time).
const LADDER: &[(TickUnit, u64, f64)] = &[
    (TickUnit::Hours, 1, 1.0 / 24.0),
    (TickUnit::Hours, 3, 3.0 / 24.0),
    (TickUnit::Hours, 6, 0.25),
    (TickUnit::Hours, 12, 0.5),
    (TickUnit::Days, 1, 1.0),
    (TickUnit::Days, 2, 2.0),
    (TickUnit::Days, 5, 5.0),
    (TickUnit::Days, 10, 10.0),
    (TickUnit::Months, 1, 30.44),
    (TickUnit::Months, 2, 60.88),
    (TickUnit::Months, 3, 91.31),
    (TickUnit::Months, 6, 182.6),
    (TickUnit::Years, 1, 365.25),
    (TickUnit::Years, 2, 730.5),
    (TickUnit::Years, 5, 1826.0),
    (TickUnit::Years, 10, 3652.0),
    (TickUnit::Years, 20, 7305.0),
    (TickUnit::Years, 50, 18262.0),
    (TickUnit::Years, 100, 36525.0),
    (TickUnit::Years, 200, 73050.0),
    (TickUnit::Years, 500, 182_625.0),
    (TickUnit::Years, 1000, 365_250.0),
    (TickUnit::Years, 2000, 730_500.0),
    (TickUnit::Years, 5000, 1_826_250.0),
    (TickUnit::Years, 10_000, 3_652_500.0),
    (TickUnit::Years, 20_000, 7_305_000.0),
    (TickUnit::Years, 50_000, 18_262_500.0),
    (TickUnit::Years, 100_000, 36_525_000.0),
    (TickUnit::Years, 200_000, 73_050_000.0),
    (TickUnit::Years, 500_000, 182_625_000.0),
    (TickUnit::Years, 1_000_000, 365_250_000.0),
    (TickUnit::Years, 2_000_000, 730_500_000.0),
    (TickUnit::Years, 5_000_000, 1_826_250_000.0),
    (TickUnit::Years, 10_000_000, 3_652_500_000.0),
    (TickUnit::Years, 20_000_000, 7_305_000_000.0),
    (TickUnit::Years, 50_000_000, 18_262_500_000.0),
    (TickUnit::Years, 100_000_000, 36_525_000_000.0),
    (TickUnit::Years, 200_000_000, 73_050_000_000.0),
    (TickUnit::Years, 500_000_000, 182_625_000_000.0),
    (TickUnit::Years, 1_000_000_000, 365_250_000_000.0),
    (TickUnit::Years, 2_000_000_000, 730_500_000_000.0),
    (TickUnit::Years, 5_000_000_000, 1_826_250_000_000.0),
    (TickUnit::Years, 10_000_000_000, 3_652_500_000_000.0),
    (TickUnit::Years, 20_000_000_000, 7_305_000_000_000.0),
    (TickUnit::Years, 50_000_000_000, 18_262_500_000_000.0),
    (TickUnit::Years, 100_000_000_000, 36_525_000_000_000.0),
];

/// A character of the axis's labels (0.76rem, tabular figures), a little over its width.
const LABEL_CHAR_PX: f64 = 6.8;
/// Room between two labels.
const LABEL_GAP_PX: f64 = 14.0;

/// The years every `step` years in view, with where each starts: before 1 CE, round years as
/// historians count them (100 BCE, 200 BCE: astronomical 1 - k × step), so no label reads
/// "101 BCE"; from 1 CE on, multiples of the step. On the calendar and in deep time alike.
fn year_ticks(scale: &TimeScale, step: u64) -> Vec<(f64, i64)> {
    let step = i64::try_from(step).unwrap_or(i64::MAX).max(1);
    let (lo, hi) = (year_from_days(scale.start_days()), year_from_days(scale.end_days()));
    let mut years = Vec::new();
    let mut bce = (1 - hi).max(1).div_euclid(step) * step;
    if bce < (1 - hi).max(1) {
        bce += step;
    }
    while bce <= 1 - lo {
        years.push(1 - bce);
        bce += step;
    }
    years.reverse();
    let mut year = lo.max(1).div_euclid(step) * step;
    while year <= hi {
        if year >= 1 {
            years.push(year);
        }
        year += step;
    }
    years.into_iter().map(|year| (days_from_year(year), year)).filter(|&(t, _)| t >= scale.start_days() && t <= scale.end_days()).collect()
}

/// Ticks for `scale`, no two labels closer than `min_spacing_px`.
pub fn ticks(scale: &TimeScale, min_spacing_px: f64) -> TickSet {
    let px_per_day = scale.px_per_day();
    // Year labels can be long ("12 billion years ago"): a step of years also leaves room for its
    // longest label, at the axis's 12px type.
    let roomy = |&&(unit, step, days): &&(TickUnit, u64, f64)| {
        let spacing = days * px_per_day;
        let longest = || year_ticks(scale, step).into_iter().map(|(_, year)| year_label(year).chars().count()).max().unwrap_or(0);
        spacing >= min_spacing_px && (unit != TickUnit::Years || spacing >= longest() as f64 * LABEL_CHAR_PX + LABEL_GAP_PX)
    };
    let &(unit, step, _) = LADDER.iter().find(roomy).unwrap_or(&LADDER[LADDER.len() - 1]);
    let tick = |t_days: f64, label: String| Tick { t_days, x_px: round_px(scale.x_px_from_days(t_days)), label };
    let in_view = |t: f64| t >= scale.start_days() && t <= scale.end_days();
    let (Some(first), Some(last)) = (date_from_days(scale.start_days()), date_from_days(scale.end_days())) else {
        // Deep time has only years: year ticks at any zoom, and the year we are in said above them.
        let step = if unit == TickUnit::Years { step } else { 1 };
        let minor = year_ticks(scale, step).into_iter().map(|(t, year)| tick(t, year_label(year))).collect::<Vec<_>>();
        let major = match (unit, minor.is_empty()) {
            (TickUnit::Years, false) => Vec::new(),
            _ => vec![Tick { t_days: scale.start_days(), x_px: 0.0, label: year_label(year_from_days(scale.start_days())) }],
        };
        return TickSet { unit: TickUnit::Years, step, minor: whole_labels(minor, scale.width_px()), major };
    };
    let mut minor = Vec::new();
    let mut major = Vec::new();
    match unit {
        TickUnit::Years => minor = year_ticks(scale, step).into_iter().map(|(t, year)| tick(t, year_label(year))).collect(),
        TickUnit::Months => {
            let mut month = first.with_day(1).unwrap_or(first);
            while month <= last {
                let t = days_from_date(month);
                if in_view(t) {
                    if u64::from(month.month0()) % step == 0 {
                        minor.push(tick(t, month.format("%b").to_string()));
                    }
                    if month.month() == 1 {
                        major.push(tick(t, year_label(i64::from(month.year()))));
                    }
                }
                let Some(next) = month.checked_add_months(Months::new(1)) else { break };
                month = next;
            }
        }
        TickUnit::Days => {
            let mut day = first;
            while day <= last {
                let t = days_from_date(day);
                if in_view(t) {
                    let d = day.day();
                    // Multi-day steps restart each month (1, 6, 11, ... for 5) and skip a stub at the end.
                    if u64::from(d - 1) % step == 0 && u64::from(d) + step / 2 <= 31 {
                        minor.push(tick(t, d.to_string()));
                    }
                    if d == 1 {
                        major.push(tick(t, format!("{} {}", day.format("%B"), year_label(i64::from(day.year())))));
                    }
                }
                let Some(next) = day.succ_opt() else { break };
                day = next;
            }
        }
        TickUnit::Hours => {
            let start_hour = (scale.start_days() * 24.0).floor() as i64;
            let end_hour = (scale.end_days() * 24.0).ceil() as i64;
            for hour in start_hour..=end_hour {
                let t = hour as f64 / 24.0;
                let hour_of_day = hour.rem_euclid(24);
                if !in_view(t) {
                    continue;
                }
                if hour_of_day % step as i64 == 0 {
                    minor.push(tick(t, format!("{hour_of_day:02}:00")));
                }
                if hour_of_day == 0 {
                    if let Some(d) = date_from_days(t) {
                        major.push(tick(t, format!("{} {}", d.format("%a %-d %B"), year_label(i64::from(d.year())))));
                    }
                }
            }
        }
    }
    // The major row always says where we are: with no boundary in view, it labels the left edge.
    if major.is_empty() {
        let context = match unit {
            TickUnit::Years => None,
            TickUnit::Months => Some(year_label(i64::from(first.year()))),
            TickUnit::Days => Some(format!("{} {}", first.format("%B"), year_label(i64::from(first.year())))),
            TickUnit::Hours => Some(format!("{} {}", first.format("%a %-d %B"), year_label(i64::from(first.year())))),
        };
        if let Some(label) = context {
            major.push(Tick { t_days: scale.start_days(), x_px: 0.0, label });
        }
    }
    TickSet { unit, step, minor: whole_labels(minor, scale.width_px()), major }
}

/// The ticks whose centred label fits inside the axis: one that would be cut at an edge
/// ("llion years ago") is left out.
fn whole_labels(mut minor: Vec<Tick>, width_px: f64) -> Vec<Tick> {
    minor.retain(|t| {
        let half = t.label.chars().count() as f64 * LABEL_CHAR_PX / 2.0;
        t.x_px >= half && t.x_px + half <= width_px
    });
    minor
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn unit_names_match_their_serialised_form() {
        for unit in [TickUnit::Years, TickUnit::Months, TickUnit::Days, TickUnit::Hours] {
            assert_eq!(serde_json::to_value(unit).expect("serialises"), serde_json::json!(unit.as_str()));
        }
    }

    fn day(y: i32, m: u32, d: u32) -> f64 {
        days_from_date(NaiveDate::from_ymd_opt(y, m, d).expect("valid"))
    }

    #[test]
    fn unit_adapts_to_zoom() {
        let cases = [
            (day(2011, 1, 1), day(2018, 7, 1), 600.0, TickUnit::Years),
            (day(2018, 1, 1), day(2018, 12, 31), 1280.0, TickUnit::Months),
            (day(2018, 6, 1), day(2018, 6, 15), 1280.0, TickUnit::Days),
            (day(2018, 6, 8), day(2018, 6, 9), 1280.0, TickUnit::Hours),
            (day(2011, 1, 1), day(2018, 7, 1), 1280.0, TickUnit::Months),
        ];
        for (start, end, width, unit) in cases {
            assert_eq!(ticks(&TimeScale::new(start, end, width), 70.0).unit, unit);
        }
    }

    #[test]
    fn years_before_1_ce_and_deep_history_are_labelled_as_people_write_them() {
        let labels_at = |start: f64, end: f64, width: f64| {
            ticks(&TimeScale::new(start, end, width), 70.0).minor.into_iter().map(|t| t.label).collect::<Vec<_>>()
        };
        let labels = |start: f64, end: f64| labels_at(start, end, 1280.0);
        // 800 BCE to 100 CE: centuries, through 1 BCE to 1 CE with no year 0 in the labels.
        let around = labels(day(-799, 1, 1), day(300, 1, 1));
        // (800 BCE and 300 sit on the edges, where their labels would be cut: left out.)
        assert_eq!(around, ["700 BCE", "600 BCE", "500 BCE", "400 BCE", "300 BCE", "200 BCE", "100 BCE", "100", "200"]);
        // Year by year across the turn: 2 BCE, 1 BCE, 1, 2 (no year 0).
        let turn = labels_at(day(-2, 1, 1), day(3, 1, 1), 390.0);
        assert!(turn.windows(4).any(|w| w == ["2 BCE", "1 BCE", "1", "2"]), "{turn:?}");
        // The last ice age: 100,000 years in view.
        let deep = labels(day(-99_999, 1, 1), day(2000, 1, 1));
        assert!(deep.contains(&"50,000 BCE".to_owned()), "{deep:?}");
    }

    #[test]
    fn deep_time_is_labelled_in_years_ago_at_every_zoom() {
        let at = |year: i64| days_from_year(year);
        // From the Big Bang to today: billions of years.
        let all = ticks(&TimeScale::new(at(-13_900_000_000), at(2100), 1280.0), 70.0);
        let labels: Vec<&str> = all.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "12 billion years ago",
                "10 billion years ago",
                "8 billion years ago",
                "6 billion years ago",
                "4 billion years ago",
                "2 billion years ago"
            ]
        );
        assert_eq!(all.unit, TickUnit::Years);
        // The end of the dinosaurs: millions.
        let k_pg = ticks(&TimeScale::new(at(-70_000_000), at(-60_000_000), 1280.0), 70.0);
        assert!(k_pg.minor.iter().any(|t| t.label == "66 million years ago"), "{k_pg:?}");
        // Zoomed into one deep year: no month ticks (there are none), but it says which year.
        let one = ticks(&TimeScale::new(at(-5_000_000) + 10.0, at(-5_000_000) + 40.0, 1280.0), 70.0);
        assert!(one.minor.is_empty());
        assert_eq!(one.major.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["5 million years ago"]);
        // Across the seam between the calendar and deep time, ticks keep their order.
        let seam = ticks(&TimeScale::new(at(-300_000), at(-200_000), 1280.0), 70.0);
        assert!(seam.minor.windows(2).all(|w| w[0].x_px < w[1].x_px) && seam.minor.len() >= 5, "{seam:?}");
    }

    #[test]
    fn labels_never_closer_than_asked() {
        for span in [0.5, 3.0, 20.0, 90.0, 400.0, 2000.0, 20_000.0, 400_000.0] {
            for width in [390.0, 1280.0] {
                let set = ticks(&TimeScale::new(day(2015, 3, 7), day(2015, 3, 7) + span, width), 64.0);
                for pair in set.minor.windows(2) {
                    // Calendar steps are uneven (months of 28–31 days): allow that slack.
                    assert!(pair[1].x_px - pair[0].x_px >= 64.0 * 0.9, "{span} {width} {:?}", set.unit);
                }
                assert!(set.minor.len() >= 2 || span < 1.0, "{span} {width}: {:?}", set);
            }
        }
    }

    #[test]
    fn seed_span_shows_years_and_a_month_view_shows_context() {
        let years = ticks(&TimeScale::new(day(2010, 10, 1), day(2018, 9, 1), 1280.0), 100.0);
        let labels: Vec<_> = years.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["2011", "2012", "2013", "2014", "2015", "2016", "2017", "2018"]);
        let days = ticks(&TimeScale::new(day(2018, 5, 25), day(2018, 6, 12), 1280.0), 50.0);
        assert_eq!(days.unit, TickUnit::Days);
        assert_eq!(days.major.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["June 2018"]);
    }
}
