//! The overview strip: the whole span at a glance, with the events' density as bars and the
//! current window as a box; a click or drag on it moves the window there.
//!
//! Positions are percentages of the strip's width, so the strip can be any width; bar heights
//! are percentages of its height.

use serde::Serialize;

use crate::index::EventIndex;
use crate::view::{ViewAction, ViewBounds, ViewState};

/// Bars in the density.
pub const OVERVIEW_BINS: usize = 240;
/// Thinnest a non-empty bar is drawn, in % of the height, so a lone event still shows.
const MIN_BAR_PCT: f64 = 6.0;
/// Tallest bar, in % of the height.
const MAX_BAR_PCT: f64 = 96.0;
/// Narrowest the window box is drawn, in % of the width.
const MIN_WINDOW_PCT: f64 = 0.4;

/// One density bar: bin `bin` of [`OVERVIEW_BINS`], `height_pct` tall.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DensityBar {
    /// Which bin (0 at the left).
    pub bin: usize,
    /// Height in % of the strip.
    pub height_pct: f64,
}

/// The strip for one data set (computed once): the span it covers and its density.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    /// Left edge of the strip, days (the "Fit all" window's).
    pub start_days: f64,
    /// Right edge, days.
    pub end_days: f64,
    /// Non-empty bins only, square-root scaled so sparse bins still show.
    pub bars: Vec<DensityBar>,
}

/// Where the current window sits on the strip.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OverviewWindow {
    /// Left edge, % of the width.
    pub left_pct: f64,
    /// Width, % of the width (never thinner than a sliver, so it stays visible).
    pub width_pct: f64,
    /// Its centre, % of the width (the slider's value).
    pub centre_pct: f64,
}

impl Overview {
    /// The strip over the whole data (as "Fit all" shows it).
    pub fn of(index: &EventIndex, bounds: &ViewBounds) -> Overview {
        let whole = ViewState::fit(bounds);
        let counts = index.histogram(whole.start_days, whole.end_days, OVERVIEW_BINS);
        let max = f64::from(counts.iter().copied().max().unwrap_or(0).max(1));
        let bars = counts
            .iter()
            .enumerate()
            .filter(|(_, &count)| count > 0)
            .map(|(bin, &count)| DensityBar { bin, height_pct: ((f64::from(count) / max).sqrt() * MAX_BAR_PCT).max(MIN_BAR_PCT) })
            .collect();
        Overview { start_days: whole.start_days, end_days: whole.end_days, bars }
    }

    fn span_days(&self) -> f64 {
        (self.end_days - self.start_days).max(1e-9)
    }

    /// Where `view` sits on the strip.
    pub fn window(&self, view: &ViewState) -> OverviewWindow {
        let pct = |t_days: f64| ((t_days - self.start_days) / self.span_days() * 100.0).clamp(0.0, 100.0);
        let (left_pct, right_pct) = (pct(view.start_days), pct(view.end_days));
        OverviewWindow { left_pct, width_pct: (right_pct - left_pct).max(MIN_WINDOW_PCT), centre_pct: (left_pct + right_pct) / 2.0 }
    }

    /// The density as one SVG path over a `0 0 OVERVIEW_BINS 100` view box, a bar per non-empty
    /// bin (drawn by the app and by the static view alike).
    pub fn density_path(&self) -> String {
        self.bars.iter().map(|b| format!("M{} 100V{:.1}H{}V100Z", b.bin, 100.0 - b.height_pct, b.bin + 1)).collect()
    }

    /// Moves the window, keeping its span, so it is centred at `fraction` of the strip.
    pub fn centre_at(&self, fraction: f64, view: &ViewState) -> ViewAction {
        let centre_days = self.start_days + fraction.clamp(0.0, 1.0) * self.span_days();
        let half_days = view.span_days() / 2.0;
        ViewAction::Show { start_days: centre_days - half_days, end_days: centre_days + half_days }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overview(spans: &[(f64, f64)]) -> (Overview, ViewBounds) {
        let index = EventIndex::build(spans.iter().copied());
        let bounds = ViewBounds::of_extent(Some((spans[0].0, spans.iter().map(|s| s.1).fold(f64::MIN, f64::max))));
        (Overview::of(&index, &bounds), bounds)
    }

    #[test]
    fn the_density_path_draws_one_bar_per_non_empty_bin() {
        let (o, _) = overview(&[(0.0, 1.0), (0.0, 1.0), (1000.0, 1001.0)]);
        let path = o.density_path();
        assert_eq!(path.matches('M').count(), o.bars.len());
        assert!(path.starts_with('M') && path.ends_with("V100Z"), "{path}");
        for bar in &o.bars {
            assert!(path.contains(&format!("M{} 100V", bar.bin)), "bar {} in {path}", bar.bin);
        }
    }

    #[test]
    fn bars_show_where_events_start() {
        let mut spans = vec![(0.0, 1.0); 16];
        spans.push((1000.0, 1001.0));
        let (o, _) = overview(&spans);
        assert_eq!(o.bars.len(), 2, "{:?}", o.bars);
        assert_eq!(o.bars[0].height_pct, MAX_BAR_PCT, "the busiest bin is full height");
        assert_eq!(o.bars[1].height_pct, MAX_BAR_PCT / 4.0, "1/16 as busy: a quarter, square-root scaled");
        assert!(o.bars[0].bin < o.bars[1].bin && o.bars[1].bin < OVERVIEW_BINS);
    }

    #[test]
    fn the_window_box_follows_the_view_and_a_click_moves_it() {
        let (o, bounds) = overview(&[(0.0, 1.0), (1000.0, 1001.0)]);
        let fit = ViewState::fit(&bounds);
        let w = o.window(&fit);
        assert_eq!((w.left_pct, w.width_pct, w.centre_pct), (0.0, 100.0, 50.0));
        let narrow = ViewState { start_days: fit.start_days, end_days: fit.start_days, selected: None };
        assert_eq!(o.window(&narrow).width_pct, MIN_WINDOW_PCT, "always visible");
        let ViewAction::Show { start_days, end_days } = o.centre_at(0.75, &ViewState { start_days: 0.0, end_days: 100.0, selected: None })
        else {
            panic!("a window")
        };
        assert!(((start_days + end_days) / 2.0 - (o.start_days + 0.75 * (o.end_days - o.start_days))).abs() < 1e-9);
        assert!((end_days - start_days - 100.0).abs() < 1e-9, "the span is kept");
    }
}
