//! The laid-out frame: a pure function of (timeline, view, width) that the UI only draws.
//!
//! Each visible event gets a marker (a dot for day/time precision, a bar over its interval for
//! years, months and ranges) and a label box beside it; label boxes go into lanes so no two overlap.
//! The label width is decided here and the UI clips text to it, so the no-overlap guarantee holds
//! in the browser too.

use serde::Serialize;

use super::date::Granularity;
use super::lanes::{assign_lanes, Span};
use super::scale::TimeScale;
use super::ticks::{ticks, TickSet};
use super::timeline::Timeline;
use super::view::ViewState;

/// How an event is marked on the axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// A dot: known to the day or finer.
    Point,
    /// A bar over the covered interval: a year, a month or a range.
    Span,
}

/// One event as drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedEvent {
    /// Event id.
    pub id: String,
    /// Title shown in the label (clipped to `label_width_px`).
    pub title: String,
    /// Short date under the title ("8 Jun 2018").
    pub date_label: String,
    /// Accessible name: title and long date.
    pub accessible_name: String,
    /// Precision of the date.
    pub granularity: Granularity,
    /// Dot or bar.
    pub kind: MarkKind,
    /// Left edge of the marker.
    pub marker_x_px: f64,
    /// Marker width (dot diameter or bar length).
    pub marker_width_px: f64,
    /// Left edge of the label box.
    pub label_x_px: f64,
    /// Width of the label box.
    pub label_width_px: f64,
    /// Lane (row) of the label, 0 nearest the axis.
    pub lane: usize,
    /// Whether this is the selected event.
    pub selected: bool,
}

/// Everything the timeline view draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayoutFrame {
    /// Width the frame was laid out for.
    pub width_px: f64,
    /// Axis ticks.
    pub ticks: TickSet,
    /// Visible events in time order (the tab order).
    pub events: Vec<PlacedEvent>,
    /// Number of lanes used.
    pub lane_count: usize,
    /// Named periods in view, as bands.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<PlacedEra>,
}

/// An era as drawn: a band from `x_px` over `width_px`, clipped to the view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedEra {
    /// Its name.
    pub title: String,
    /// Left edge.
    pub x_px: f64,
    /// Width.
    pub width_px: f64,
}

/// Height of one label lane (the UI stacks lane `n` at `n * LANE_PX` above the axis).
pub const LANE_PX: f64 = 48.0;
/// Dot diameter in px.
pub const DOT_PX: f64 = 12.0;
/// Minimum horizontal gap between label boxes in one lane.
pub const LANE_GAP_PX: f64 = 8.0;
/// Minimum distance between tick labels.
pub const TICK_SPACING_PX: f64 = 72.0;
/// Average width of a label character (13–14 px system sans) plus padding, used to size label boxes.
const CHAR_PX: f64 = 8.2;
const LABEL_PADDING_PX: f64 = 20.0;

fn round_px(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Lays out `timeline` for `view` at `width_px`. Events wholly outside the view are left out.
pub fn layout(timeline: &Timeline, view: &ViewState, width_px: f64) -> LayoutFrame {
    let scale = TimeScale::new(view.start_days, view.end_days, width_px);
    let width_px = scale.width_px();
    let max_label_px = (width_px * 0.62).clamp(80.0, 340.0);
    let mut order: Vec<&_> = timeline.events.iter().collect();
    order.sort_by(|a, b| {
        (a.date.start_days(), a.date.end_days(), &a.id).partial_cmp(&(b.date.start_days(), b.date.end_days(), &b.id)).unwrap_or(std::cmp::Ordering::Equal)
    });

    let mut placed = Vec::new();
    for event in order {
        let x_start = scale.x_px_from_days(event.date.start_days());
        let x_end = scale.x_px_from_days(event.date.end_days());
        if x_end < 0.0 || x_start > width_px {
            continue;
        }
        let granularity = event.date.granularity();
        let is_span = granularity < Granularity::Day || matches!(event.date, super::date::EventDate::Range { .. });
        let (kind, marker_x, marker_w) = if is_span {
            (MarkKind::Span, x_start, (x_end - x_start).max(DOT_PX / 2.0))
        } else {
            (MarkKind::Point, (x_start + x_end) / 2.0 - DOT_PX / 2.0, DOT_PX)
        };
        let date_label = event.date.display_short();
        let longest = event.title.chars().count().max(date_label.chars().count()) as f64;
        let label_w = (longest * CHAR_PX + LABEL_PADDING_PX).clamp(60.0, max_label_px);
        // The label starts at the marker, but stays on screen: at the right edge it flips to end
        // at the marker, and a bar that starts off-screen keeps its label at the left edge.
        let mut label_x = marker_x.max(0.0);
        if label_x + label_w > width_px {
            label_x = (marker_x + marker_w - label_w).clamp(0.0, (width_px - label_w).max(0.0));
        }
        placed.push(PlacedEvent {
            id: event.id.clone(),
            title: event.title.clone(),
            accessible_name: format!("{}, {}", event.title, event.date.display_long()),
            date_label,
            granularity,
            kind,
            marker_x_px: round_px(marker_x),
            marker_width_px: round_px(marker_w),
            label_x_px: round_px(label_x),
            label_width_px: round_px(label_w),
            lane: 0,
            selected: view.selected.as_deref() == Some(event.id.as_str()),
        });
    }
    // A lane holds the marker and the label together, so neither overlaps a neighbour's.
    let spans: Vec<Span> = placed
        .iter()
        .map(|p| Span {
            start_px: p.label_x_px.min(p.marker_x_px),
            end_px: (p.label_x_px + p.label_width_px).max(p.marker_x_px + p.marker_width_px),
        })
        .collect();
    let lanes = assign_lanes(&spans, LANE_GAP_PX);
    for (p, lane) in placed.iter_mut().zip(&lanes) {
        p.lane = *lane;
    }
    let lane_count = lanes.iter().copied().max().map_or(0, |m| m + 1);
    let eras = timeline
        .eras
        .iter()
        .filter_map(|era| {
            let x0 = scale.x_px_from_days(era.start.start_days()).max(0.0);
            let x1 = scale.x_px_from_days(era.end.end_days()).min(width_px);
            (x1 > x0).then(|| PlacedEra { title: era.title.clone(), x_px: round_px(x0), width_px: round_px(x1 - x0) })
        })
        .collect();
    LayoutFrame { width_px, ticks: ticks(&scale, TICK_SPACING_PX), events: placed, lane_count, eras }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::seed::seed_timeline;
    use crate::core::view::{ViewAction, ViewBounds};

    fn seed_frame(width: f64) -> LayoutFrame {
        let (timeline, _) = seed_timeline().expect("seed");
        let bounds = ViewBounds { extent_days: timeline.extent_days().expect("events") };
        layout(&timeline, &ViewState::fit(&bounds), width)
    }

    fn assert_no_overlap(frame: &LayoutFrame) {
        for (i, a) in frame.events.iter().enumerate() {
            for b in &frame.events[i + 1..] {
                if a.lane == b.lane {
                    let apart = a.label_x_px + a.label_width_px <= b.label_x_px || b.label_x_px + b.label_width_px <= a.label_x_px;
                    assert!(apart, "{} and {} overlap in lane {}", a.id, b.id, a.lane);
                }
            }
            assert!(a.label_x_px >= 0.0 && a.label_x_px + a.label_width_px <= frame.width_px + 0.01, "{} off-screen", a.id);
        }
    }

    #[test]
    fn fit_all_shows_every_seed_event_without_overlap_on_desktop_and_phone() {
        for width in [1280.0, 390.0] {
            let frame = seed_frame(width);
            assert_eq!(frame.events.len(), 6, "{width}");
            assert_no_overlap(&frame);
            let ids: Vec<_> = frame.events.iter().map(|e| e.id.as_str()).collect();
            assert!(ids.contains(&"contest-2018-launch") && ids.contains(&"global-internet-forum-trip"));
        }
    }

    #[test]
    fn year_and_day_precision_look_different() {
        let frame = seed_frame(1280.0);
        let kind = |id: &str| frame.events.iter().find(|e| e.id == id).map(|e| e.kind);
        assert_eq!(kind("attacks-2017"), Some(MarkKind::Span));
        assert_eq!(kind("global-internet-forum-trip"), Some(MarkKind::Point));
    }

    #[test]
    fn no_overlap_at_any_zoom() {
        let (timeline, _) = seed_timeline().expect("seed");
        let bounds = ViewBounds { extent_days: timeline.extent_days().expect("events") };
        let mut view = ViewState::fit(&bounds);
        for step in 0..40 {
            for width in [390.0, 1280.0] {
                assert_no_overlap(&layout(&timeline, &view, width));
            }
            let anchor_fraction = (step % 7) as f64 / 6.0;
            view = view.apply(&ViewAction::ZoomAt { factor: 1.4, anchor_fraction }, &bounds);
        }
    }

    #[test]
    fn seed_layout_snapshot() {
        insta::assert_json_snapshot!("seed_1280", seed_frame(1280.0));
        insta::assert_json_snapshot!("seed_390", seed_frame(390.0));
    }
}
