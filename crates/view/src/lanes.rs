//! Collision-free lane assignment for horizontal label boxes.
//!
//! Greedy interval packing: boxes sorted by left edge go into the first lane whose last box ends
//! at least `gap_px` before they start. This uses the fewest lanes possible for intervals: as many
//! as the deepest pile-up of boxes that touch once widened by the gap.

/// A horizontal extent in pixels (marker, bar and label together).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LaneSpan {
    /// Left edge.
    pub start_px: f64,
    /// Right edge (>= start_px).
    pub end_px: f64,
}

/// The lane of each span, in input order; lane 0 is the first.
pub fn assign_lanes(spans: &[LaneSpan], gap_px: f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| spans[a].start_px.total_cmp(&spans[b].start_px));
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut lanes = vec![0; spans.len()];
    for index in order {
        let span = spans[index];
        let lane = match lane_ends.iter().position(|&end| end + gap_px <= span.start_px) {
            Some(lane) => lane,
            None => {
                lane_ends.push(f64::NEG_INFINITY);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = span.end_px.max(span.start_px);
        lanes[index] = lane;
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn span(start_px: f64, end_px: f64) -> LaneSpan {
        LaneSpan { start_px, end_px }
    }

    /// The most spans that pairwise conflict at one point: each span blocks `[start, end + gap)`,
    /// so a sweep over those half-open intervals counts the deepest pile-up.
    fn max_overlap(spans: &[LaneSpan], gap_px: f64) -> usize {
        let mut edges: Vec<(f64, i32)> = spans.iter().flat_map(|s| [(s.start_px, 1), (s.end_px.max(s.start_px) + gap_px, -1)]).collect();
        // At equal x an interval that ends frees its lane before the next one starts.
        edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let (mut depth, mut deepest) = (0i32, 0i32);
        for (_, step) in edges {
            depth += step;
            deepest = deepest.max(depth);
        }
        deepest as usize
    }

    #[test]
    fn close_boxes_stack_and_distant_ones_share() {
        let spans = [span(0.0, 100.0), span(2.0, 50.0), span(200.0, 300.0)];
        assert_eq!(assign_lanes(&spans, 8.0), vec![0, 1, 0]);
    }

    #[test]
    fn touching_boxes_share_a_lane_only_with_the_gap() {
        // 0..100 then 108..200 with an 8 px gap: exactly far enough apart.
        assert_eq!(assign_lanes(&[span(0.0, 100.0), span(108.0, 200.0)], 8.0), vec![0, 0]);
        assert_eq!(assign_lanes(&[span(0.0, 100.0), span(107.9, 200.0)], 8.0), vec![0, 1]);
        assert_eq!(assign_lanes(&[span(0.0, 100.0), span(100.0, 200.0)], 0.0), vec![0, 0]);
    }

    #[test]
    fn zero_width_boxes_still_take_room() {
        assert_eq!(assign_lanes(&[span(5.0, 5.0), span(5.0, 5.0), span(20.0, 20.0)], 8.0), vec![0, 1, 0]);
        assert_eq!(max_overlap(&[span(5.0, 5.0), span(5.0, 5.0), span(20.0, 20.0)], 8.0), 2);
    }

    proptest! {
        #[test]
        fn boxes_in_one_lane_never_overlap_and_no_lane_is_wasted(
            raw in proptest::collection::vec((-500.0f64..2000.0, 0.0f64..300.0), 0..80),
            gap in 0.0f64..20.0,
        ) {
            let spans: Vec<LaneSpan> = raw.iter().map(|&(s, w)| span(s, s + w)).collect();
            let lanes = assign_lanes(&spans, gap);
            for i in 0..spans.len() {
                for j in (i + 1)..spans.len() {
                    if lanes[i] == lanes[j] {
                        let (a, b) = (spans[i], spans[j]);
                        prop_assert!(a.end_px + gap <= b.start_px || b.end_px + gap <= a.start_px, "{:?} {:?}", a, b);
                    }
                }
            }
            // Exactly as many lanes as the deepest pile-up needs: greedy packing is optimal.
            let lane_count = lanes.iter().copied().max().map_or(0, |m| m + 1);
            prop_assert_eq!(lane_count, max_overlap(&spans, gap));
        }
    }
}
