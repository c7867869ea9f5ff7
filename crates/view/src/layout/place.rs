//! Where each item goes: its marker on the axis, its label box in a lane, and the stem that joins
//! them.
//!
//! ```text
//!   lane 2   ┌──────────┐
//!            │ label    │
//!   lane 1   └┬─────────┘  ┌──────────┐
//!             │            │ label    │   a stem runs from its label down to its marker…
//!   lane 0    │  ┌─────────┴┐─────────┘
//!             ╵  │ label    │             …unless another label is in the way: then it stops
//!   axis ─────●──┴──●───────┴──────────     just above that label (never through its text)
//! ```
//!
//! Vertical positions are px above the top of the lanes' base (the axis side), so lane `n`'s
//! label sits at `n * LANE_PX`.

use citeline_model::date::{EventDate, Granularity};
use serde::Serialize;

use crate::lanes::{assign_lanes, LaneSpan};
use crate::scale::{round_px, TimeScale};

/// Height of one label lane: a gap, then the label.
pub const LANE_PX: f64 = 48.0;
/// Gap between a lane's base and its label, so lane 0's labels stand clear of the axis.
pub const LABEL_LIFT_PX: f64 = 6.0;
/// Height of a label box (`.event` in styles/main.css): `LANE_PX - LABEL_LIFT_PX`.
pub const LABEL_HEIGHT_PX: f64 = LANE_PX - LABEL_LIFT_PX;
/// Widest a stem is drawn (a selected event's stem is 2 px).
pub const STEM_WIDTH_PX: f64 = 2.0;
/// Dot diameter.
pub const DOT_PX: f64 = 12.0;
/// Minimum horizontal gap between label boxes in one lane.
pub const LANE_GAP_PX: f64 = 8.0;
/// Average width of a label character (13–14 px system sans) plus padding, used to size label
/// boxes; the UI clips text to the box, so this only decides how much of a title shows.
const CHAR_PX: f64 = 8.2;
const LABEL_PADDING_PX: f64 = 20.0;

/// How an item is marked on the axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// A dot: known to the day or finer.
    #[default]
    Point,
    /// A bar over the covered interval: a year, a month, a range or a cluster.
    Span,
}

impl MarkKind {
    /// Dots for dates known to the day or finer, bars for coarser dates and ranges (open ones too).
    pub fn of(date: &EventDate) -> MarkKind {
        if date.granularity() < Granularity::Day || !matches!(date, EventDate::Point(_)) {
            MarkKind::Span
        } else {
            MarkKind::Point
        }
    }
}

/// Where an item is drawn. Every length is in px; horizontal positions from the plot's left edge,
/// vertical ones above the axis side of the lanes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Placement {
    /// Dot or bar.
    pub kind: MarkKind,
    /// Left edge of the marker.
    pub marker_x_px: f64,
    /// Marker width (dot diameter or bar length).
    pub marker_width_px: f64,
    /// Left edge of the label box.
    pub label_x_px: f64,
    /// Width of the label box (the UI clips the text to it).
    pub label_width_px: f64,
    /// Lane (row) of the label, 0 nearest the axis.
    pub lane: usize,
    /// Bottom of the label box (`lane * LANE_PX + LABEL_LIFT_PX`).
    pub label_bottom_px: f64,
    /// Left edge of the stem.
    pub stem_x_px: f64,
    /// Where the stem starts: 0 at the axis, higher when another label is in the way.
    pub stem_bottom_px: f64,
    /// Stem length; it always ends at the label's bottom.
    pub stem_height_px: f64,
}

impl Placement {
    /// Whether the stem reaches down to the axis (and so to its marker).
    pub fn stem_reaches_axis(&self) -> bool {
        self.stem_bottom_px == 0.0
    }

    /// Left and right edge of the label box.
    fn label_range_px(&self) -> (f64, f64) {
        (self.label_x_px, self.label_x_px + self.label_width_px)
    }
}

/// Marker and label of one item over `[start_days, end_days]` (lane and stem come later), its
/// label sized for `longest_chars`, the length of its longer line (title or date).
pub(super) fn place_one(
    scale: &TimeScale,
    max_label_px: f64,
    start_days: f64,
    end_days: f64,
    kind: MarkKind,
    longest_chars: usize,
) -> Placement {
    let width_px = scale.width_px();
    let x_start_px = scale.x_px_from_days(start_days);
    let x_end_px = scale.x_px_from_days(end_days);
    let (marker_x_px, marker_width_px) = match kind {
        // Clipped to the view (plus a little) so a decades-long bar stays a sane size.
        MarkKind::Span => {
            let (left, right) = (x_start_px.max(-DOT_PX), x_end_px.min(width_px + DOT_PX));
            (left, (right - left).max(DOT_PX / 2.0))
        }
        MarkKind::Point => ((x_start_px + x_end_px) / 2.0 - DOT_PX / 2.0, DOT_PX),
    };
    let label_width_px = (longest_chars as f64 * CHAR_PX + LABEL_PADDING_PX).clamp(60.0, max_label_px);
    // The label starts at the marker, but stays on screen: at the right edge it flips to end
    // at the marker, and a bar that starts off-screen keeps its label at the left edge.
    let mut label_x_px = marker_x_px.max(0.0);
    if label_x_px + label_width_px > width_px {
        label_x_px = (marker_x_px + marker_width_px - label_width_px).clamp(0.0, (width_px - label_width_px).max(0.0));
    }
    Placement {
        kind,
        marker_x_px: round_px(marker_x_px),
        marker_width_px: round_px(marker_width_px),
        label_x_px: round_px(label_x_px),
        label_width_px: round_px(label_width_px),
        ..Placement::default()
    }
}

/// Puts each placement in a lane so no two labels in a lane overlap. A dot's lane holds the dot
/// too; a bar's holds its label only: bars are drawn on the axis, where they overlap whatever
/// the lanes, and a bar that reserved its whole length would take a lane from every label above
/// it (a year's bar across the view would leave one lane for the day's events). The stem still
/// finds room, within the bar and its label, which always share the bar's start.
/// `placements` must be in time order.
pub(super) fn assign_placement_lanes<'a>(placements: impl Iterator<Item = &'a mut Placement>) {
    let mut placements: Vec<&mut Placement> = placements.collect();
    let spans: Vec<LaneSpan> = placements
        .iter()
        .map(|p| match p.kind {
            MarkKind::Point => LaneSpan {
                start_px: p.label_x_px.min(p.marker_x_px),
                end_px: (p.label_x_px + p.label_width_px).max(p.marker_x_px + p.marker_width_px),
            },
            MarkKind::Span => LaneSpan { start_px: p.label_x_px, end_px: p.label_x_px + p.label_width_px },
        })
        .collect();
    for (p, lane) in placements.iter_mut().zip(assign_lanes(&spans, LANE_GAP_PX)) {
        p.lane = lane;
        p.label_bottom_px = lane as f64 * LANE_PX + LABEL_LIFT_PX;
    }
}

/// Routes every stem once lanes are final. A dot's stem leaves from its centre. A bar's stem may
/// leave from anywhere the bar and its label share, so it picks a place no lower label covers.
/// Where a lower label covers the stem whatever it does, the stem starts just above that label:
/// a stem never crosses another item's label.
///
/// Labels within a lane do not overlap, so each lane's labels sorted by left edge answer "which
/// label covers x" by binary search: a stem costs O(lanes × log items).
pub(super) fn route_stems(placements: &mut [&mut Placement]) {
    let lane_count = placements.iter().map(|p| p.lane + 1).max().unwrap_or(0);
    let mut lanes: Vec<Vec<(f64, f64)>> = vec![Vec::new(); lane_count];
    for p in placements.iter() {
        lanes[p.lane].push(p.label_range_px());
    }
    for lane in &mut lanes {
        lane.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    for p in placements.iter_mut() {
        let below = &lanes[..p.lane];
        // Candidates are judged where they will be drawn (rounded), so a stem beside a label
        // edge cannot be rounded onto it.
        let x_px = candidates(p, below)
            .into_iter()
            .map(round_px)
            .min_by(|a, b| blocked_up_to(below, *a).total_cmp(&blocked_up_to(below, *b)))
            .unwrap_or(round_px(p.marker_x_px));
        let stem_bottom_px = blocked_up_to(below, x_px);
        p.stem_x_px = x_px;
        p.stem_bottom_px = round_px(stem_bottom_px);
        p.stem_height_px = round_px((p.label_bottom_px - stem_bottom_px).max(0.0));
    }
}

/// The label in `lane` (sorted by left edge, not overlapping) that a stem at `x_px` would cross.
fn covering(lane: &[(f64, f64)], x_px: f64) -> Option<(f64, f64)> {
    let after = lane.partition_point(|(left, _)| *left < x_px + STEM_WIDTH_PX);
    lane[..after].last().copied().filter(|(_, right)| x_px < *right)
}

/// How high a stem at `x_px` must start to clear the labels in the lanes below its own: the top of
/// the highest label it would cross, or 0 (the axis).
fn blocked_up_to(below: &[Vec<(f64, f64)>], x_px: f64) -> f64 {
    below.iter().enumerate().rev().find(|(_, lane)| covering(lane, x_px).is_some()).map_or(0.0, |(lane, _)| (lane + 1) as f64 * LANE_PX)
}

/// Where an item's stem may leave from, preferred first.
fn candidates(p: &Placement, below: &[Vec<(f64, f64)>]) -> Vec<f64> {
    let (label_left, label_right) = p.label_range_px();
    match p.kind {
        // From the dot's centre; a dot at the very edge of the view, whose label had to move
        // inwards, gets its stem at the label's near end.
        MarkKind::Point => {
            let centre = p.marker_x_px + p.marker_width_px / 2.0 - STEM_WIDTH_PX / 2.0;
            vec![centre.clamp(label_left, (label_right - STEM_WIDTH_PX).max(label_left))]
        }
        MarkKind::Span => {
            // Within both the bar and the label, so the stem touches both.
            let low = p.marker_x_px.max(label_left) + 1.0;
            let high = (p.marker_x_px + p.marker_width_px).min(label_right) - STEM_WIDTH_PX - 1.0;
            if high < low {
                return vec![low.min(label_right - STEM_WIDTH_PX).max(label_left)];
            }
            // Just beside each lower label that covers part of the shared stretch.
            let beside = below.iter().flat_map(|lane| {
                let first = lane.partition_point(|(_, right)| *right < low);
                lane[first..]
                    .iter()
                    .take_while(move |(left, _)| *left <= high)
                    .flat_map(|(left, right)| [right + 1.0, left - STEM_WIDTH_PX - 1.0])
            });
            std::iter::once(low).chain(beside.filter(|x| (low..=high).contains(x))).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lane: usize, marker: (f64, f64), label: (f64, f64), kind: MarkKind) -> Placement {
        Placement {
            kind,
            marker_x_px: marker.0,
            marker_width_px: marker.1,
            label_x_px: label.0,
            label_width_px: label.1,
            lane,
            label_bottom_px: lane as f64 * LANE_PX + LABEL_LIFT_PX,
            ..Placement::default()
        }
    }

    fn routed(mut items: Vec<Placement>) -> Vec<Placement> {
        let mut refs: Vec<&mut Placement> = items.iter_mut().collect();
        route_stems(&mut refs);
        items
    }

    #[test]
    fn a_clear_stem_runs_down_to_the_axis() {
        let out = routed(vec![at(0, (0.0, 12.0), (0.0, 100.0), MarkKind::Point), at(1, (200.0, 12.0), (200.0, 100.0), MarkKind::Point)]);
        assert_eq!((out[1].stem_x_px, out[1].stem_bottom_px, out[1].stem_height_px), (205.0, 0.0, LANE_PX + LABEL_LIFT_PX));
        assert!(out[1].stem_reaches_axis());
        assert_eq!(out[0].stem_height_px, LABEL_LIFT_PX, "lane 0 stands just clear of the axis");
    }

    #[test]
    fn a_dot_under_another_label_stops_above_it() {
        let out =
            routed(vec![at(0, (100.0, 12.0), (100.0, 200.0), MarkKind::Point), at(1, (150.0, 12.0), (150.0, 100.0), MarkKind::Point)]);
        assert_eq!(out[1].stem_bottom_px, LANE_PX, "the top of the label below");
        assert_eq!(out[1].stem_height_px, LABEL_LIFT_PX);
    }

    #[test]
    fn a_bar_routes_its_stem_beside_the_label_below() {
        // The bar runs 100..400; a lower label covers 90..250: the stem leaves at 251.
        let out = routed(vec![at(0, (90.0, 12.0), (90.0, 160.0), MarkKind::Point), at(1, (100.0, 300.0), (100.0, 200.0), MarkKind::Span)]);
        assert_eq!((out[1].stem_x_px, out[1].stem_bottom_px), (251.0, 0.0));
    }
}
