//! The words on cluster items: how many events, and when they start.

use chrono::Datelike;

use citeline_model::date::{date_from_days, year_from_days, year_label, DateValue};

use crate::index::{Cluster, LengthClass};

/// 1,234,567
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// How dense a cluster is, 1 (a few) to 4 (thousands), for its shading.
pub(super) fn density(count: usize) -> u8 {
    match count {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        _ => 4,
    }
}

/// When a cluster's events start: "2020", "2018 – 2020" (years); "Jan 2020", "Mar – Jun 2019",
/// "Nov 2018 – Feb 2019" (months); "1 Jan 2020" when they share a day. `long` spells months out.
pub(super) fn cluster_date_label(c: &Cluster, long: bool) -> String {
    let (first, last) = (year_from_days(c.start_days), year_from_days(c.last_start_days));
    let years = || if first == last { year_label(first) } else { format!("{} – {}", year_label(first), year_label(last)) };
    let (Some(a), Some(b)) = (date_from_days(c.start_days), date_from_days(c.last_start_days)) else { return years() };
    let month = |d: chrono::NaiveDate| DateValue::month(d.year(), d.month());
    let show = |v: Option<DateValue>| v.map(|v| if long { v.display_long() } else { v.display_short() }).unwrap_or_default();
    if c.class == LengthClass::Year {
        return years();
    }
    if a == b && c.class == LengthClass::Day {
        return show(Some(DateValue::from_date(a)));
    }
    if (a.year(), a.month()) == (b.year(), b.month()) {
        show(month(a))
    } else if a.year() == b.year() && !long {
        format!("{} – {}", a.format("%b"), show(month(b)))
    } else {
        format!("{} – {}", show(month(a)), show(month(b)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use citeline_model::date::days_from_date;

    fn cluster(from: (i32, u32, u32), to: (i32, u32, u32), class: LengthClass) -> Cluster {
        let days = |(y, m, d)| days_from_date(chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date"));
        Cluster { first: 0, len: 2, start_days: days(from), last_start_days: days(to), end_days: days(to) + 1.0, class }
    }

    #[test]
    fn counts_and_dates_read_as_people_write_them() {
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(group_thousands(999), "999");
        assert_eq!((density(9), density(10), density(999), density(1000)), (1, 2, 3, 4));
        assert_eq!(cluster_date_label(&cluster((2018, 1, 1), (2020, 1, 1), LengthClass::Year), false), "2018 – 2020");
        assert_eq!(cluster_date_label(&cluster((2019, 3, 2), (2019, 6, 9), LengthClass::Day), false), "Mar – Jun 2019");
        assert_eq!(cluster_date_label(&cluster((2020, 1, 1), (2020, 1, 1), LengthClass::Day), false), "1 Jan 2020");
    }
}
