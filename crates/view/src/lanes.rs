//! Collision-free lane assignment for horizontal label boxes.
//!
//! Greedy interval packing: boxes sorted by left edge go into the first lane whose last box ends
//! at least `gap_px` before they start. This uses the fewest lanes possible for intervals.

/// A horizontal extent in pixels (marker, bar and label together).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// Left edge.
    pub start_px: f64,
    /// Right edge (>= start_px).
    pub end_px: f64,
}

/// The lane of each span, in input order; lane 0 is the first.
pub fn assign_lanes(spans: &[Span], gap_px: f64) -> Vec<usize> {
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

    #[test]
    fn close_boxes_stack_and_distant_ones_share() {
        let spans = [Span { start_px: 0.0, end_px: 100.0 }, Span { start_px: 2.0, end_px: 50.0 }, Span { start_px: 200.0, end_px: 300.0 }];
        assert_eq!(assign_lanes(&spans, 8.0), vec![0, 1, 0]);
    }

    proptest! {
        #[test]
        fn boxes_in_one_lane_never_overlap(raw in proptest::collection::vec((-500.0f64..2000.0, 0.0f64..300.0), 0..80), gap in 0.0f64..20.0) {
            let spans: Vec<Span> = raw.iter().map(|&(s, w)| Span { start_px: s, end_px: s + w }).collect();
            let lanes = assign_lanes(&spans, gap);
            for i in 0..spans.len() {
                for j in (i + 1)..spans.len() {
                    if lanes[i] == lanes[j] {
                        let (a, b) = (spans[i], spans[j]);
                        prop_assert!(a.end_px + gap <= b.start_px || b.end_px + gap <= a.start_px, "{:?} {:?}", a, b);
                    }
                }
            }
            // Never more lanes than the deepest pile-up needs.
            let max_lane = lanes.iter().copied().max().map_or(0, |m| m + 1);
            prop_assert!(max_lane <= spans.len());
        }
    }
}
