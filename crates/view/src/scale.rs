//! Time ↔ pixel mapping. One immutable type; pan and zoom live in `view`.
//!
//! ```text
//!   start_days                                end_days
//!       |------------------------------------------|
//!     x = 0                                  x = width_px
//! ```

/// A linear map from days (since 1970-01-01) to x pixels in `[0, width_px]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    start_days: f64,
    end_days: f64,
    width_px: f64,
}

/// The smallest span and width the scale accepts, so the map is always invertible.
const MIN_SPAN_DAYS: f64 = 1e-6;
const MIN_WIDTH_PX: f64 = 1.0;

impl TimeScale {
    /// A scale over `[start_days, end_days]` drawn `width_px` wide. Degenerate inputs (reversed,
    /// empty, non-finite) are widened to the minimum span and width rather than rejected.
    pub fn new(start_days: f64, end_days: f64, width_px: f64) -> Self {
        let start_days = if start_days.is_finite() { start_days } else { 0.0 };
        let end_days = if end_days.is_finite() && end_days - start_days >= MIN_SPAN_DAYS { end_days } else { start_days + MIN_SPAN_DAYS };
        let width_px = if width_px.is_finite() { width_px.max(MIN_WIDTH_PX) } else { MIN_WIDTH_PX };
        Self { start_days, end_days, width_px }
    }

    /// Left edge in days.
    pub fn start_days(&self) -> f64 {
        self.start_days
    }

    /// Right edge in days.
    pub fn end_days(&self) -> f64 {
        self.end_days
    }

    /// Width in pixels.
    pub fn width_px(&self) -> f64 {
        self.width_px
    }

    /// Days shown.
    pub fn span_days(&self) -> f64 {
        self.end_days - self.start_days
    }

    /// Pixels per day.
    pub fn px_per_day(&self) -> f64 {
        self.width_px / self.span_days()
    }

    /// x position of a time; off-screen times map outside `[0, width_px]`.
    pub fn x_px_from_days(&self, t_days: f64) -> f64 {
        (t_days - self.start_days) * self.px_per_day()
    }

    /// Time at an x position.
    pub fn days_from_x_px(&self, x_px: f64) -> f64 {
        self.start_days + x_px / self.px_per_day()
    }
}

/// Rounds to 1/100 px: stable snapshots, and plenty for drawing.
pub fn round_px(x_px: f64) -> f64 {
    (x_px * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn maps_edges_and_off_screen_points() {
        let scale = TimeScale::new(100.0, 200.0, 1000.0);
        assert_eq!(scale.x_px_from_days(100.0), 0.0);
        assert_eq!(scale.x_px_from_days(200.0), 1000.0);
        assert_eq!(scale.x_px_from_days(50.0), -500.0);
        assert_eq!(scale.days_from_x_px(1500.0), 250.0);
    }

    #[test]
    fn degenerate_inputs_give_a_usable_scale() {
        for scale in [TimeScale::new(5.0, 5.0, 0.0), TimeScale::new(5.0, 1.0, -3.0), TimeScale::new(f64::NAN, f64::INFINITY, f64::NAN)] {
            assert!(scale.px_per_day().is_finite() && scale.px_per_day() > 0.0);
        }
    }

    proptest! {
        #[test]
        fn round_trips_both_ways(start in -50_000.0f64..50_000.0, span in 0.001f64..100_000.0, width in 1.0f64..5000.0, t in -200_000.0f64..200_000.0) {
            let scale = TimeScale::new(start, start + span, width);
            let back = scale.days_from_x_px(scale.x_px_from_days(t));
            prop_assert!((back - t).abs() <= 1e-6 * (1.0 + t.abs()), "{} -> {}", t, back);
            let x = (t / 200_000.0) * width;
            let x_back = scale.x_px_from_days(scale.days_from_x_px(x));
            prop_assert!((x_back - x).abs() < 1e-4);
        }
    }
}
