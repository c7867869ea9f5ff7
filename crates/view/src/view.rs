//! View state and its reducer: `ViewState::apply(action, bounds)` returns the next view.
//! Pan and zoom are pure; the UI dispatches actions and draws what comes back.

use serde::Serialize;

/// What the person is looking at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewState {
    /// Left edge of the window, days since 1970-01-01.
    pub start_days: f64,
    /// Right edge of the window.
    pub end_days: f64,
    /// The selected event's id.
    pub selected: Option<String>,
}

/// Limits the reducer keeps the view within: the data's extent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBounds {
    /// The data's first start, days since 1970-01-01.
    pub start_days: f64,
    /// The data's last end, days.
    pub end_days: f64,
}

/// Narrowest window: one hour.
pub const MIN_SPAN_DAYS: f64 = 1.0 / 24.0;

/// Everything that changes the view.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewAction {
    /// Zoom by `factor` (> 1 zooms in) keeping the time at `anchor_fraction` of the width fixed.
    ZoomAt {
        /// Multiplier of the pixels per day.
        factor: f64,
        /// 0 = left edge, 1 = right edge.
        anchor_fraction: f64,
    },
    /// Move by a fraction of the window (positive shows later times).
    PanByFraction(f64),
    /// Show all the data.
    Fit,
    /// Select an event (and keep the window where it is).
    Select(String),
    /// Clear the selection.
    Deselect,
    /// Show exactly `[start_days, end_days)` (within the zoom limits).
    Show {
        /// Start of the window.
        start_days: f64,
        /// End of the window.
        end_days: f64,
    },
    /// Bring an event into view with the least movement, and select it.
    Focus {
        /// The event's id.
        id: String,
        /// Its start.
        start_days: f64,
        /// Its end.
        end_days: f64,
    },
    /// Bring `[start_days, end_days)` into view with the least movement (zooming out if needed).
    Reveal {
        /// Start of what must be visible.
        start_days: f64,
        /// End of it.
        end_days: f64,
    },
}

impl ViewAction {
    /// Brings `event` into view and selects it: what following a link, a search result or
    /// "Show" does.
    pub fn focus_on(event: &citeline_model::timeline::Event) -> ViewAction {
        ViewAction::Focus { id: event.id.clone(), start_days: event.date.start_days(), end_days: event.date.end_days() }
    }
}

impl ViewBounds {
    /// Bounds for data with this extent (`Timeline::extent_days`); with no data, the 365 days from
    /// 18 July 2016 (any year would do: there is nothing to show).
    pub fn of_extent(extent_days: Option<(f64, f64)>) -> Self {
        let (start_days, end_days) = extent_days.unwrap_or((17_000.0, 17_365.0));
        Self { start_days, end_days }
    }

    /// Widest window: four times the data (at least ten years), so zooming out stays bounded.
    pub fn max_span_days(&self) -> f64 {
        ((self.end_days - self.start_days) * 4.0).max(3652.5)
    }

    /// Whether these bounds reach beyond `other` on either side.
    pub fn reaches_beyond(&self, other: &ViewBounds) -> bool {
        self.start_days < other.start_days || self.end_days > other.end_days
    }
}

impl ViewState {
    /// The view that fits the whole extent with 4% padding each side.
    pub fn fit(bounds: &ViewBounds) -> Self {
        let pad_days = ((bounds.end_days - bounds.start_days) * 0.04).max(0.5);
        Self { start_days: bounds.start_days - pad_days, end_days: bounds.end_days + pad_days, selected: None }
    }

    /// The window's first and last days, as calendar dates (for links that reproduce it).
    pub fn window_dates(&self) -> Option<(citeline_model::date::DateValue, citeline_model::date::DateValue)> {
        let day = |t_days: f64| citeline_model::date::date_from_days(t_days).map(citeline_model::date::DateValue::from_date);
        day(self.start_days).zip(day(self.end_days))
    }

    /// The window as people read it: "1 Jan 2017 to 8 Jun 2018" (the toolbar's range, the
    /// overview's value text).
    pub fn window_label(&self) -> String {
        use citeline_model::date::{date_from_days, year_from_days, year_label, DateValue};
        // Deep time has only years: "13.8 billion years ago to 4 billion years ago".
        let day = |t_days: f64| {
            date_from_days(t_days).map_or_else(|| year_label(year_from_days(t_days)), |d| DateValue::from_date(d).display_short())
        };
        format!("{} to {}", day(self.start_days), day(self.end_days))
    }

    /// Days shown.
    pub fn span_days(&self) -> f64 {
        self.end_days - self.start_days
    }

    /// The next view after `action`.
    pub fn apply(&self, action: &ViewAction, bounds: &ViewBounds) -> ViewState {
        let mut next = self.clone();
        match action {
            ViewAction::ZoomAt { factor, anchor_fraction } => {
                if !(factor.is_finite() && *factor > 0.0) {
                    return next;
                }
                let anchor_fraction = anchor_fraction.clamp(0.0, 1.0);
                let span = (self.span_days() / factor).clamp(MIN_SPAN_DAYS, bounds.max_span_days());
                let anchor = self.start_days + self.span_days() * anchor_fraction;
                next.start_days = anchor - span * anchor_fraction;
                next.end_days = next.start_days + span;
            }
            ViewAction::PanByFraction(fraction) if fraction.is_finite() => {
                let shift = self.span_days() * fraction;
                next.start_days += shift;
                next.end_days += shift;
            }
            ViewAction::PanByFraction(_) => {}
            ViewAction::Fit => {
                let fitted = ViewState::fit(bounds);
                next.start_days = fitted.start_days;
                next.end_days = fitted.end_days;
            }
            ViewAction::Show { start_days, end_days } if start_days.is_finite() && end_days.is_finite() && end_days > start_days => {
                let span = (end_days - start_days).clamp(MIN_SPAN_DAYS, bounds.max_span_days());
                let centre = (start_days + end_days) / 2.0;
                next.start_days = centre - span / 2.0;
                next.end_days = centre + span / 2.0;
            }
            ViewAction::Show { .. } => {}
            ViewAction::Select(id) => next.selected = Some(id.clone()),
            ViewAction::Deselect => next.selected = None,
            ViewAction::Focus { id, start_days, end_days } => {
                next = next.apply(&ViewAction::Reveal { start_days: *start_days, end_days: *end_days }, bounds);
                next.selected = Some(id.clone());
            }
            ViewAction::Reveal { start_days, end_days } => {
                let needed = (end_days - start_days) * 1.2;
                if needed > next.span_days() {
                    let centre = (start_days + end_days) / 2.0;
                    let span = needed.min(bounds.max_span_days());
                    next.start_days = centre - span / 2.0;
                    next.end_days = centre + span / 2.0;
                } else {
                    let margin = next.span_days() * 0.1;
                    if *start_days < next.start_days {
                        let shift = start_days - margin - next.start_days;
                        next.start_days += shift;
                        next.end_days += shift;
                    } else if *end_days > next.end_days {
                        let shift = end_days + margin - next.end_days;
                        next.start_days += shift;
                        next.end_days += shift;
                    }
                }
            }
        }
        next.clamp_to(bounds)
    }

    /// Keeps the window's centre within the data extent so the data can never be lost off-screen.
    fn clamp_to(mut self, bounds: &ViewBounds) -> Self {
        let centre_days = (self.start_days + self.end_days) / 2.0;
        let shift_days = centre_days.clamp(bounds.start_days, bounds.end_days) - centre_days;
        self.start_days += shift_days;
        self.end_days += shift_days;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const BOUNDS: ViewBounds = ViewBounds { start_days: 15_000.0, end_days: 17_700.0 };

    #[test]
    fn zoom_keeps_the_anchor_fixed() {
        let view = ViewState::fit(&BOUNDS);
        let anchor_before = view.start_days + view.span_days() * 0.25;
        let zoomed = view.apply(&ViewAction::ZoomAt { factor: 2.0, anchor_fraction: 0.25 }, &BOUNDS);
        let anchor_after = zoomed.start_days + zoomed.span_days() * 0.25;
        assert!((anchor_before - anchor_after).abs() < 1e-9);
        assert!((zoomed.span_days() - view.span_days() / 2.0).abs() < 1e-9);
    }

    #[test]
    fn fit_undoes_zoom_and_pan_and_keeps_selection() {
        let view = ViewState::fit(&BOUNDS).apply(&ViewAction::Select("x".into()), &BOUNDS);
        let moved = view
            .apply(&ViewAction::ZoomAt { factor: 40.0, anchor_fraction: 0.9 }, &BOUNDS)
            .apply(&ViewAction::PanByFraction(-0.3), &BOUNDS)
            .apply(&ViewAction::Fit, &BOUNDS);
        assert_eq!(moved, view);
    }

    #[test]
    fn reveal_brings_an_event_into_view() {
        let view = ViewState { start_days: 15_000.0, end_days: 15_010.0, selected: None };
        let shown = view.apply(&ViewAction::Reveal { start_days: 15_050.0, end_days: 15_051.0 }, &BOUNDS);
        assert!(shown.start_days <= 15_050.0 && shown.end_days >= 15_051.0);
        assert!((shown.span_days() - 10.0).abs() < 1e-9, "no zoom needed");
    }

    #[test]
    fn show_sets_the_window() {
        let view = ViewState::fit(&BOUNDS).apply(&ViewAction::Show { start_days: 15_000.0, end_days: 15_030.0 }, &BOUNDS);
        assert_eq!((view.start_days, view.end_days), (15_000.0, 15_030.0));
        let same = view.apply(&ViewAction::Show { start_days: 2.0, end_days: 1.0 }, &BOUNDS);
        assert_eq!(same, view, "a backwards window is ignored");
    }

    proptest! {
        #[test]
        fn any_action_sequence_keeps_a_sane_window(steps in proptest::collection::vec((0u8..5, -3.0f64..3.0), 0..40)) {
            let mut view = ViewState::fit(&BOUNDS);
            for (kind, amount) in steps {
                let action = match kind {
                    0 => ViewAction::ZoomAt { factor: amount.exp(), anchor_fraction: amount.abs() / 3.0 },
                    1 => ViewAction::PanByFraction(amount),
                    2 => ViewAction::Reveal { start_days: 15_000.0 + amount * 900.0, end_days: 15_001.0 + amount * 900.0 },
                    3 => ViewAction::Show { start_days: 15_000.0 + amount * 9000.0, end_days: 15_000.0 + amount.abs() * 1e6 },
                    _ => ViewAction::Fit,
                };
                view = view.apply(&action, &BOUNDS);
                prop_assert!(view.span_days() >= MIN_SPAN_DAYS * 0.999);
                prop_assert!(view.span_days() <= BOUNDS.max_span_days() * 1.001);
                let centre = (view.start_days + view.end_days) / 2.0;
                prop_assert!((BOUNDS.start_days - 1e-6..=BOUNDS.end_days + 1e-6).contains(&centre));
            }
        }
    }
}
