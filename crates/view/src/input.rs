//! What input means: wheel, pinch, drag, keys and buttons turned into [`ViewAction`]s, and the
//! batching that applies a burst of wheel, pinch and drag input once per animation frame. The UI
//! reads the raw numbers off DOM events and hands them here; nothing here knows the DOM.

use crate::view::ViewAction;

/// Zoom factor of one +/- step (buttons and keys).
pub const ZOOM_STEP: f64 = 1.5;
/// Fraction of the window one arrow key or button pans.
pub const ARROW_PAN: f64 = 0.2;
/// Movement (px) before a press becomes a drag rather than a click.
pub const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Zoom per wheel pixel: `exp(-delta_px * WHEEL_ZOOM_PER_PX)`.
const WHEEL_ZOOM_PER_PX: f64 = 0.0025;
/// Px per wheel line and per wheel page, so every device zooms at a similar rate.
const WHEEL_LINE_PX: f64 = 40.0;
const WHEEL_PAGE_PX: f64 = 800.0;
/// The most one wheel event zooms, either way.
const WHEEL_MAX_FACTOR: f64 = 4.0;

/// Where a pointer is, as a fraction of an element's width (0 left edge, 1 right edge), from its
/// offset from the element's left edge.
pub fn fraction_from_offset(offset_px: f64, width_px: f64) -> f64 {
    if width_px > 0.0 && offset_px.is_finite() {
        (offset_px / width_px).clamp(0.0, 1.0)
    } else {
        0.5
    }
}

/// A wheel event: `delta_mode` as the DOM gives it (0 px, 1 lines, 2 pages). Mostly sideways
/// scrolls pan; mostly vertical ones zoom about the pointer (at `anchor_fraction`).
pub fn wheel_action(delta_x: f64, delta_y: f64, delta_mode: u32, width_px: f64, anchor_fraction: f64) -> Option<ViewAction> {
    let px_per_unit = match delta_mode {
        1 => WHEEL_LINE_PX,
        2 => WHEEL_PAGE_PX,
        _ => 1.0,
    };
    let (dx_px, dy_px) = (delta_x * px_per_unit, delta_y * px_per_unit);
    if !(dx_px.is_finite() && dy_px.is_finite()) {
        return None;
    }
    if dx_px.abs() > dy_px.abs() {
        Some(ViewAction::PanByFraction(dx_px / width_px.max(1.0)))
    } else if dy_px != 0.0 {
        let factor = (-dy_px * WHEEL_ZOOM_PER_PX).exp().clamp(1.0 / WHEEL_MAX_FACTOR, WHEEL_MAX_FACTOR);
        Some(ViewAction::ZoomAt { factor, anchor_fraction })
    } else {
        None
    }
}

/// Two pointers moved from `before_px` to `after_px` apart: zoom by the ratio about their
/// midpoint. Tiny distances are noise.
pub fn pinch_action(before_px: f64, after_px: f64, anchor_fraction: f64) -> Option<ViewAction> {
    (before_px > 1.0 && after_px > 1.0 && before_px.is_finite() && after_px.is_finite())
        .then(|| ViewAction::ZoomAt { factor: after_px / before_px, anchor_fraction })
}

/// A drag by `dx_px` moves the view the other way, so what is under the pointer stays there.
pub fn drag_action(dx_px: f64, width_px: f64) -> ViewAction {
    ViewAction::PanByFraction(-dx_px / width_px.max(1.0))
}

/// Whether a press that moved from `from` to `to` (client px) has become a drag.
pub fn is_drag(from: (f64, f64), to: (f64, f64)) -> bool {
    (to.0 - from.0).hypot(to.1 - from.1) >= DRAG_THRESHOLD_PX
}

/// A key pressed in the plot: +/- zoom about `anchor_fraction` (the focused event, else the
/// centre), arrows pan, Home fits, Escape clears a selection.
pub fn plot_key_action(key: &str, anchor_fraction: f64, has_selection: bool) -> Option<ViewAction> {
    Some(match key {
        "+" | "=" => ViewAction::ZoomAt { factor: ZOOM_STEP, anchor_fraction },
        "-" | "_" => ViewAction::ZoomAt { factor: 1.0 / ZOOM_STEP, anchor_fraction },
        "ArrowLeft" => ViewAction::PanByFraction(-ARROW_PAN),
        "ArrowRight" => ViewAction::PanByFraction(ARROW_PAN),
        "Home" => ViewAction::Fit,
        "Escape" if has_selection => ViewAction::Deselect,
        _ => return None,
    })
}

/// A key pressed on the overview strip: arrows pan a little, Page Up/Down a whole window.
pub fn overview_key_action(key: &str) -> Option<ViewAction> {
    Some(match key {
        "ArrowLeft" => ViewAction::PanByFraction(-ARROW_PAN),
        "ArrowRight" => ViewAction::PanByFraction(ARROW_PAN),
        "PageUp" => ViewAction::PanByFraction(-1.0),
        "PageDown" => ViewAction::PanByFraction(1.0),
        "Home" => ViewAction::Fit,
        _ => return None,
    })
}

/// A toolbar button: its accessible label, its text, its key and what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolButton {
    /// Accessible name ("Zoom in").
    pub label: &'static str,
    /// What it shows ("+").
    pub text: &'static str,
    /// The key that does the same (for `aria-keyshortcuts`).
    pub key: &'static str,
    /// What it does.
    pub action: ViewAction,
}

/// The toolbar, left to right.
pub fn toolbar() -> [ToolButton; 5] {
    let button = |label, text, key, action| ToolButton { label, text, key, action };
    [
        button("Zoom out", "−", "-", ViewAction::ZoomAt { factor: 1.0 / ZOOM_STEP, anchor_fraction: 0.5 }),
        button("Zoom in", "+", "+", ViewAction::ZoomAt { factor: ZOOM_STEP, anchor_fraction: 0.5 }),
        button("Earlier", "←", "ArrowLeft", ViewAction::PanByFraction(-ARROW_PAN)),
        button("Later", "→", "ArrowRight", ViewAction::PanByFraction(ARROW_PAN)),
        button("Fit all", "Fit all", "Home", ViewAction::Fit),
    ]
}

/// Wheel, pinch and drag input gathered between two animation frames, so a burst of events
/// costs one new frame. Other actions are not batched.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct InputBatch {
    /// Product of the zoom factors asked for (1 when none).
    zoom_factor: Option<f64>,
    /// Where the latest zoom was anchored.
    anchor_fraction: f64,
    /// Sum of the pans asked for, in fractions of the window.
    pan_fraction: f64,
}

impl InputBatch {
    /// Adds an action to the batch; gives it back when it is not one that batches.
    pub fn add(&mut self, action: ViewAction) -> Option<ViewAction> {
        match action {
            ViewAction::ZoomAt { factor, anchor_fraction } => {
                self.zoom_factor = Some(self.zoom_factor.unwrap_or(1.0) * factor);
                self.anchor_fraction = anchor_fraction;
                None
            }
            ViewAction::PanByFraction(fraction) => {
                self.pan_fraction += fraction;
                None
            }
            other => Some(other),
        }
    }

    /// The batched actions, pan first, leaving the batch empty.
    pub fn take(&mut self) -> Vec<ViewAction> {
        let batch = std::mem::take(self);
        let pan = (batch.pan_fraction != 0.0).then_some(ViewAction::PanByFraction(batch.pan_fraction));
        let zoom =
            batch.zoom_factor.filter(|f| *f != 1.0).map(|factor| ViewAction::ZoomAt { factor, anchor_fraction: batch.anchor_fraction });
        pan.into_iter().chain(zoom).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wheel_lines_and_pages_zoom_like_pixels() {
        let by_px = wheel_action(0.0, 120.0, 0, 800.0, 0.3);
        let by_lines = wheel_action(0.0, 3.0, 1, 800.0, 0.3);
        assert_eq!(by_px, by_lines, "3 lines of 40 px");
        let Some(ViewAction::ZoomAt { factor, anchor_fraction }) = by_px else { panic!("a zoom: {by_px:?}") };
        assert!(factor < 1.0 && (factor - (-0.3f64).exp()).abs() < 1e-12, "scrolling down zooms out");
        assert_eq!(anchor_fraction, 0.3);
        assert_eq!(wheel_action(0.0, -1.0, 2, 800.0, 0.5), Some(ViewAction::ZoomAt { factor: 4.0, anchor_fraction: 0.5 }), "capped");
    }

    #[test]
    fn sideways_wheel_pans_and_nothing_does_nothing() {
        assert_eq!(wheel_action(80.0, 10.0, 0, 800.0, 0.5), Some(ViewAction::PanByFraction(0.1)));
        assert_eq!(wheel_action(0.0, 0.0, 0, 800.0, 0.5), None);
        assert_eq!(wheel_action(f64::NAN, 0.0, 0, 800.0, 0.5), None);
    }

    #[test]
    fn pinch_zooms_by_the_ratio_of_distances() {
        assert_eq!(pinch_action(100.0, 150.0, 0.4), Some(ViewAction::ZoomAt { factor: 1.5, anchor_fraction: 0.4 }));
        assert_eq!(pinch_action(0.5, 150.0, 0.4), None, "fingers on top of each other");
    }

    #[test]
    fn drags_move_the_view_against_the_pointer() {
        assert_eq!(drag_action(100.0, 1000.0), ViewAction::PanByFraction(-0.1));
        assert!(!is_drag((10.0, 10.0), (12.0, 12.0)));
        assert!(is_drag((10.0, 10.0), (13.0, 13.0)));
        assert_eq!(fraction_from_offset(250.0, 1000.0), 0.25);
        assert_eq!(fraction_from_offset(-5.0, 1000.0), 0.0);
        assert_eq!(fraction_from_offset(5.0, 0.0), 0.5);
    }

    #[test]
    fn keys_and_buttons_agree() {
        for button in toolbar() {
            let key = match button.key {
                "+" => "=",
                other => other,
            };
            assert_eq!(plot_key_action(key, 0.5, false), Some(button.action.clone()), "{}", button.label);
        }
        assert_eq!(plot_key_action("Escape", 0.5, false), None);
        assert_eq!(plot_key_action("Escape", 0.5, true), Some(ViewAction::Deselect));
        assert_eq!(overview_key_action("PageDown"), Some(ViewAction::PanByFraction(1.0)));
        assert_eq!(overview_key_action("x"), None);
    }

    #[test]
    fn a_burst_of_input_becomes_one_pan_and_one_zoom() {
        let mut batch = InputBatch::default();
        assert_eq!(batch.add(ViewAction::ZoomAt { factor: 2.0, anchor_fraction: 0.1 }), None);
        assert_eq!(batch.add(ViewAction::PanByFraction(0.25)), None);
        assert_eq!(batch.add(ViewAction::ZoomAt { factor: 1.5, anchor_fraction: 0.7 }), None);
        assert_eq!(batch.add(ViewAction::PanByFraction(-0.05)), None);
        assert_eq!(batch.add(ViewAction::Fit), Some(ViewAction::Fit), "not batched");
        let taken = batch.take();
        assert_eq!(taken.len(), 2);
        assert!(matches!(taken[0], ViewAction::PanByFraction(f) if (f - 0.2).abs() < 1e-12));
        assert_eq!(taken[1], ViewAction::ZoomAt { factor: 3.0, anchor_fraction: 0.7 });
        assert_eq!(batch.take(), vec![], "taking empties the batch");
        batch.add(ViewAction::ZoomAt { factor: 2.0, anchor_fraction: 0.5 });
        batch.add(ViewAction::ZoomAt { factor: 0.5, anchor_fraction: 0.5 });
        assert_eq!(batch.take(), vec![], "zooming in and out again is no zoom");
    }
}
