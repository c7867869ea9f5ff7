//! Level of detail: a time index over a timeline's events, built once per data set.
//!
//! Events are sorted once by (start, end, id). On top of that order sit:
//! - an interval query ("which events intersect `[t0, t1]`") that walks a max-end tree, so it
//!   costs O(log n + k) for k answers, and can stop early once it has seen more than a budget;
//! - a ladder of cluster levels. Level `k` groups the events of one *length class* (about a day,
//!   about a month, a year or more) whose start falls in the same calendar bucket of `LADDER[k]`
//!   (an hour, six hours, a day, a third of a month, a month, a quarter, … a decade, …). A second order, by (class, start), makes every cluster a
//!   contiguous run, and level `k + 1` is built by merging level `k`'s clusters pairwise by parent
//!   bucket: the levels nest, each is a partition of the events, and building all of them is
//!   O(n log n) (the sorts) plus O(n log n) per level at worst.
//!
//! Keeping the classes apart means a thousand year-long events never swallow the day-long events
//! inside them: zoomed to one day of 2020, "1,000 events in 2020" is one item and that day's
//! events are others.
//!
//! The layout asks for the finest level whose visible items fit, so clusters split as you zoom in.

use std::collections::HashMap;

use chrono::Datelike;
use serde::Serialize;

use citeline_model::date::date_from_days;
use citeline_model::timeline::Timeline;

/// A calendar bucket: clusters never straddle one, so their labels read as calendar periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BucketUnit {
    /// `n` hours (dividing a day).
    Hours(u32),
    /// Thirds of a month: days 1–10, 11–20, 21 to the end.
    TenDays,
    /// `n` months (dividing a year).
    Months(u32),
    /// `n` years.
    Years(i64),
}

/// The ladder of buckets, finest first; each nests in the next.
const LADDER: [BucketUnit; 15] = [
    BucketUnit::Hours(1),
    BucketUnit::Hours(6),
    BucketUnit::Hours(24),
    BucketUnit::TenDays,
    BucketUnit::Months(1),
    BucketUnit::Months(3),
    BucketUnit::Months(6),
    BucketUnit::Years(1),
    BucketUnit::Years(5),
    BucketUnit::Years(10),
    BucketUnit::Years(50),
    BucketUnit::Years(100),
    BucketUnit::Years(500),
    BucketUnit::Years(1000),
    BucketUnit::Years(10_000),
];

impl BucketUnit {
    /// Which bucket of this unit holds `t_days`.
    fn key(self, t_days: f64) -> i64 {
        if let BucketUnit::Hours(h) = self {
            return (t_days * 24.0 / f64::from(h)).floor() as i64;
        }
        let Some(d) = date_from_days(t_days) else {
            // Beyond the calendar: years of 365.25 days are close enough to group by.
            return (t_days / 365.25).floor() as i64;
        };
        let month_index = i64::from(d.year()) * 12 + i64::from(d.month0());
        match self {
            BucketUnit::Hours(_) => 0,
            BucketUnit::TenDays => month_index * 3 + i64::from((d.day0() / 10).min(2)),
            BucketUnit::Months(k) => month_index.div_euclid(i64::from(k)),
            BucketUnit::Years(k) => i64::from(d.year()).div_euclid(k),
        }
    }
}

/// Intervals sorted by start, with a max-end tree for intersection queries.
#[derive(Debug, Clone, Default)]
struct IntervalTree {
    starts: Vec<f64>,
    /// `tree[leaves + i]` is interval i's end; inner nodes hold their subtree's maximum.
    tree: Vec<f64>,
    leaves: usize,
}

impl IntervalTree {
    /// `intervals` must be sorted by start.
    fn new(intervals: impl ExactSizeIterator<Item = (f64, f64)>) -> Self {
        let n = intervals.len();
        let leaves = n.next_power_of_two().max(1);
        let mut starts = Vec::with_capacity(n);
        let mut tree = vec![f64::NEG_INFINITY; 2 * leaves];
        for (i, (start, end)) in intervals.enumerate() {
            starts.push(start);
            tree[leaves + i] = end;
        }
        for node in (1..leaves).rev() {
            tree[node] = tree[2 * node].max(tree[2 * node + 1]);
        }
        Self { starts, tree, leaves }
    }

    /// Indices (in start order) of the intervals with `start <= to_days` and `end > from_days`, or
    /// `None` as soon as there are more than `limit`.
    fn query(&self, from_days: f64, to_days: f64, limit: usize) -> Option<Vec<usize>> {
        let hi = self.starts.partition_point(|&s| s <= to_days);
        let mut out = Vec::new();
        if hi == 0 {
            return Some(out);
        }
        // Depth-first, left to right, over nodes covering [lo, lo + size) within [0, hi).
        let mut stack = vec![(1usize, 0usize, self.leaves)];
        while let Some((node, lo, size)) = stack.pop() {
            if lo >= hi || self.tree[node] <= from_days {
                continue;
            }
            if size == 1 {
                out.push(lo);
                if out.len() > limit {
                    return None;
                }
                continue;
            }
            let half = size / 2;
            stack.push((2 * node + 1, lo + half, half));
            stack.push((2 * node, lo, half));
        }
        Some(out)
    }
}

/// A run of events (in start order) drawn as one item at some level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cluster {
    /// Position of its first event in the index's order.
    pub first: usize,
    /// Number of events.
    pub len: usize,
    /// Earliest start of its events, days.
    pub start_days: f64,
    /// Latest start of its events, days (zooming in can only separate events that start apart).
    pub last_start_days: f64,
    /// Latest end of its events, days.
    pub end_days: f64,
    /// How long its events last (clusters never mix classes).
    pub class: LengthClass,
}

#[derive(Debug, Clone)]
struct Level {
    clusters: Vec<Cluster>,
    tree: IntervalTree,
}

/// One thing to draw: an event (by its index in `Timeline::events`) or a cluster of several.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// A single event.
    Event(usize),
    /// Several events drawn as one.
    Cluster(Cluster),
}

/// The time index of one data set. Build it once ([`EventIndex::of_timeline`]), query it every frame.
#[derive(Debug, Clone, Default)]
pub struct EventIndex {
    /// Position in (start, end) order -> index into `Timeline::events`.
    order: Vec<usize>,
    /// Position in (class, start, end) order -> index into `Timeline::events` (clusters index this).
    by_class: Vec<usize>,
    events: IntervalTree,
    levels: Vec<Level>,
    /// Event id -> index into `Timeline::events` (filled by [`EventIndex::of_timeline`]).
    by_id: HashMap<String, usize>,
}

impl EventIndex {
    /// Indexes events given as (start_days, end_days) in their timeline order. Ties keep that order.
    pub fn build(events: impl Iterator<Item = (f64, f64)>) -> Self {
        let keyed: Vec<(f64, f64)> = events.map(|(s, e)| (s, e.max(s))).collect();
        let mut order: Vec<usize> = (0..keyed.len()).collect();
        order.sort_unstable_by(|&a, &b| {
            let (ka, kb) = (&keyed[a], &keyed[b]);
            ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1)).then(a.cmp(&b))
        });
        // (class, start, end) order: a stable split of the start order by class, O(n).
        let mut by_class = Vec::with_capacity(order.len());
        for class in LengthClass::ALL {
            by_class.extend(order.iter().copied().filter(|&i| LengthClass::of(keyed[i].0, keyed[i].1) == class));
        }
        let events = IntervalTree::new(order.iter().map(|&i| keyed[i]));

        let mut levels = Vec::new();
        if !order.is_empty() {
            let mut current: Vec<Cluster> = by_class
                .iter()
                .enumerate()
                .map(|(pos, &i)| {
                    let (start, end) = keyed[i];
                    Cluster {
                        first: pos,
                        len: 1,
                        start_days: start,
                        last_start_days: start,
                        end_days: end,
                        class: LengthClass::of(start, end),
                    }
                })
                .collect();
            let classes_present = current.windows(2).filter(|w| w[0].class != w[1].class).count() + 1;
            for unit in LADDER {
                current = merge_by_bucket(&current, unit);
                if current.len() < order.len() {
                    let mut by_start = current.clone();
                    by_start.sort_by(|a, b| a.start_days.total_cmp(&b.start_days).then(a.class.cmp(&b.class)));
                    let tree = IntervalTree::new(by_start.iter().map(|c| (c.start_days, c.end_days)));
                    levels.push(Level { clusters: by_start, tree });
                }
                if current.len() <= classes_present {
                    break;
                }
            }
        }
        Self { order, by_class, events, levels, by_id: HashMap::new() }
    }

    /// The index of a timeline's events, with their ids (built once per data set).
    pub fn of_timeline(timeline: &Timeline) -> Self {
        let mut index = Self::build(timeline.events.iter().map(|e| (e.date.start_days(), e.date.end_days())));
        // The first event with an id wins, as `Timeline::event` finds it.
        for (i, event) in timeline.events.iter().enumerate().rev() {
            index.by_id.insert(event.id.clone(), i);
        }
        index
    }

    /// The index of some of a timeline's events (`members`, positions in `Timeline::events`):
    /// one track's. Everything it answers is in the timeline's positions, like
    /// [`EventIndex::of_timeline`]'s; its clusters' `first` is its own.
    pub fn of_members(timeline: &Timeline, members: &[usize]) -> Self {
        let mut index = Self::build(members.iter().map(|&i| {
            let date = &timeline.events[i].date;
            (date.start_days(), date.end_days())
        }));
        for at in index.order.iter_mut().chain(index.by_class.iter_mut()) {
            *at = members[*at];
        }
        for &i in members.iter().rev() {
            index.by_id.insert(timeline.events[i].id.clone(), i);
        }
        index
    }

    /// The events (indexes into `Timeline::events`) in time order: by start, then end, then their
    /// order in the timeline (the list view reads them so).
    pub fn in_time_order(&self) -> &[usize] {
        &self.order
    }

    /// The position in `Timeline::events` of the event with this id, in O(1) (indexes built with
    /// [`EventIndex::of_timeline`]).
    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Number of events indexed.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there are no events.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Number of cluster levels (coarser as the number grows).
    pub fn level_count(&self) -> usize {
        self.levels.len()
    }

    /// The clusters of a level, in time order (a partition of all the events).
    pub fn clusters(&self, level: usize) -> &[Cluster] {
        self.levels.get(level).map_or(&[], |l| &l.clusters)
    }

    /// Timeline indices of a cluster's events, in time order.
    pub fn members(&self, cluster: &Cluster) -> &[usize] {
        self.members_at(cluster.first, cluster.len)
    }

    /// Timeline indices of the `len` events from position `first` of the cluster order.
    pub fn members_at(&self, first: usize, len: usize) -> &[usize] {
        let end = first.saturating_add(len).min(self.by_class.len());
        &self.by_class[first.min(end)..end]
    }

    /// Timeline indices of every event whose interval intersects `[from_days, to_days]`, in time order.
    pub fn events_in(&self, from_days: f64, to_days: f64) -> Vec<usize> {
        self.events.query(from_days, to_days, usize::MAX).unwrap_or_default().into_iter().map(|i| self.order[i]).collect()
    }

    /// What to draw in `[from_days, to_days]` at `level` (`None` = every event alone), in time
    /// order, or `None` when that is more than `limit` items.
    pub fn visible(&self, from_days: f64, to_days: f64, level: Option<usize>, limit: usize) -> Option<Vec<Item>> {
        match level.and_then(|l| self.levels.get(l)) {
            None => Some(self.events.query(from_days, to_days, limit)?.into_iter().map(|i| Item::Event(self.order[i])).collect()),
            Some(level) => Some(
                level
                    .tree
                    .query(from_days, to_days, limit)?
                    .into_iter()
                    .map(|i| {
                        let c = level.clusters[i];
                        if c.len == 1 {
                            Item::Event(self.by_class[c.first])
                        } else {
                            Item::Cluster(c)
                        }
                    })
                    .collect(),
            ),
        }
    }

    /// How many events start in each of `bins` equal slices of `[from_days, to_days)` (the
    /// overview's density).
    pub fn histogram(&self, from_days: f64, to_days: f64, bins: usize) -> Vec<u32> {
        let starts = &self.events.starts;
        // Also empty when either end is NaN.
        if bins == 0 || to_days.partial_cmp(&from_days) != Some(std::cmp::Ordering::Greater) {
            return vec![0; bins];
        }
        let step_days = (to_days - from_days) / bins as f64;
        let edge = |i: usize| starts.partition_point(|&s| s < from_days + step_days * i as f64);
        (0..bins).map(|i| u32::try_from(edge(i + 1) - edge(i)).unwrap_or(u32::MAX)).collect()
    }
}

/// How long an event lasts, roughly: events of different classes never share a cluster, so a
/// year's worth of year-long events never hides the day-long events inside that year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LengthClass {
    /// About a day or less.
    Day,
    /// About a month (more than 20 days).
    Month,
    /// A year or more (more than 200 days).
    Year,
}

impl LengthClass {
    /// Every class, shortest first.
    pub const ALL: [LengthClass; 3] = [LengthClass::Day, LengthClass::Month, LengthClass::Year];

    /// The class of an interval.
    pub fn of(start_days: f64, end_days: f64) -> LengthClass {
        match end_days - start_days {
            d if d > 200.0 => LengthClass::Year,
            d if d > 20.0 => LengthClass::Month,
            _ => LengthClass::Day,
        }
    }
}

/// Merges neighbouring clusters (in class, start order) of one class whose first start falls in
/// the same bucket of `unit`.
fn merge_by_bucket(clusters: &[Cluster], unit: BucketUnit) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::with_capacity(clusters.len() / 2 + 1);
    let mut last_key = None;
    for c in clusters {
        let key = Some((c.class, unit.key(c.start_days)));
        match out.last_mut() {
            Some(prev) if key == last_key => {
                prev.len += c.len;
                prev.last_start_days = prev.last_start_days.max(c.last_start_days);
                prev.end_days = prev.end_days.max(c.end_days);
            }
            _ => out.push(*c),
        }
        last_key = key;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index_of(spans: &[(f64, f64)]) -> EventIndex {
        EventIndex::build(spans.iter().copied())
    }

    fn spans_strategy() -> impl Strategy<Value = Vec<(f64, f64)>> {
        proptest::collection::vec((0.0f64..4000.0, prop_oneof![Just(0.0), Just(1.0), 0.0f64..400.0]), 0..300)
            .prop_map(|v| v.into_iter().map(|(s, d)| (s, s + d)).collect())
    }

    #[test]
    fn clusters_split_as_buckets_shrink() {
        // Two bunches a year apart: the coarsest levels hold one cluster, finer ones two, the
        // finest a cluster per day.
        let spans: Vec<(f64, f64)> = (0..10).map(|i| (f64::from(i % 2) * 365.0 + f64::from(i / 2), 0.0)).collect();
        let index = index_of(&spans);
        let counts: Vec<usize> = (0..index.level_count()).map(|l| index.clusters(l).len()).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        assert_eq!(*counts.last().expect("levels"), 1);

        // A year-long event and the day events inside it stay apart at every level.
        let index = index_of(&[(0.0, 365.0), (10.0, 11.0), (12.0, 13.0)]);
        assert!(index.level_count() > 0);
        for level in 0..index.level_count() {
            assert!(index.clusters(level).iter().all(|c| c.class == LengthClass::Day || c.len == 1));
        }
        assert!(counts.contains(&2), "{counts:?}");
    }

    #[test]
    fn buckets_follow_the_calendar_and_nest() {
        // 1970-01-31 and 1970-02-01 are a day apart but in different months.
        let (jan31, feb1) = (30.0, 31.0);
        assert_ne!(BucketUnit::Months(1).key(jan31), BucketUnit::Months(1).key(feb1));
        assert_eq!(BucketUnit::Months(3).key(jan31), BucketUnit::Months(3).key(feb1));
        assert_eq!(BucketUnit::TenDays.key(20.0), BucketUnit::TenDays.key(29.9), "21 to 31 January");
        assert_ne!(BucketUnit::Years(1).key(364.9), BucketUnit::Years(1).key(365.0));
        assert_eq!(BucketUnit::Years(10).key(-1.0), 196, "1969 is in the 1960s");
        for t in (-40_000..40_000).step_by(97).map(|d| f64::from(d) + 0.37) {
            for pair in LADDER.windows(2) {
                let (fine, coarse) = (pair[0], pair[1]);
                // Same fine bucket => same coarse bucket, checked at the fine bucket's edges.
                let near = t + 1e-3;
                if fine.key(t) == fine.key(near) {
                    assert_eq!(coarse.key(t), coarse.key(near), "{fine:?} in {coarse:?} at {t}");
                }
            }
        }
    }

    #[test]
    fn histogram_counts_starts() {
        let index = index_of(&[(0.5, 1.0), (1.5, 2.0), (1.6, 2.0), (9.9, 10.0)]);
        assert_eq!(index.histogram(0.0, 10.0, 5), vec![3, 0, 0, 0, 1]);
        assert_eq!(index.histogram(0.0, 0.0, 3), vec![0, 0, 0]);
    }

    #[test]
    fn empty_data_answers_nothing() {
        let index = index_of(&[]);
        assert!(index.is_empty());
        assert_eq!(index.visible(0.0, 1.0, None, 10), Some(vec![]));
        assert_eq!(index.level_count(), 0);
    }

    proptest! {
        #[test]
        fn every_level_partitions_the_events(spans in spans_strategy()) {
            let index = index_of(&spans);
            for level in 0..index.level_count() {
                let mut seen = vec![0u32; spans.len()];
                let mut runs: Vec<(usize, usize)> = index.clusters(level).iter().map(|c| (c.first, c.len)).collect();
                runs.sort_unstable();
                let mut next_first = 0;
                for (first, len) in runs {
                    prop_assert_eq!(first, next_first, "clusters are contiguous runs");
                    next_first += len;
                }
                for c in index.clusters(level) {
                    for &m in index.members(c) {
                        seen[m] += 1;
                        let (s, e) = (spans[m].0, spans[m].1.max(spans[m].0));
                        prop_assert!(s >= c.start_days && s <= c.last_start_days && e <= c.end_days);
                        prop_assert_eq!(LengthClass::of(s, e), c.class);
                    }
                }
                prop_assert!(seen.iter().all(|&n| n == 1), "none lost, none doubled at level {}", level);
            }
        }

        #[test]
        fn a_view_query_returns_exactly_the_intersecting_events(spans in spans_strategy(), a in -100.0f64..4500.0, w in 0.0f64..2000.0) {
            let index = index_of(&spans);
            let (t0, t1) = (a, a + w);
            let mut got = index.events_in(t0, t1);
            got.sort_unstable();
            let want: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].0 <= t1 && spans[i].1.max(spans[i].0) > t0).collect();
            prop_assert_eq!(got, want);
        }

        #[test]
        fn cluster_queries_cover_the_same_events(spans in spans_strategy(), a in -100.0f64..4500.0, w in 0.0f64..2000.0) {
            // Every event intersecting the window is drawn, alone or inside a visible cluster.
            let index = index_of(&spans);
            let (t0, t1) = (a, a + w);
            let wanted = index.events_in(t0, t1);
            for level in 0..index.level_count() {
                let items = index.visible(t0, t1, Some(level), usize::MAX).expect("no limit");
                let mut covered = std::collections::HashSet::new();
                for item in items {
                    match item {
                        Item::Event(i) => { covered.insert(i); }
                        Item::Cluster(c) => covered.extend(index.members(&c).iter().copied()),
                    }
                }
                for i in &wanted {
                    prop_assert!(covered.contains(i), "event {} missing at level {}", i, level);
                }
            }
        }
    }
}
