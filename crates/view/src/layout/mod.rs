//! The laid-out frame: a pure function of (timeline, index, view, width) that the UI only draws.
//!
//! Each visible event gets a marker (a dot for day/time precision, a bar over its interval for
//! years, months and ranges), a label box beside it and a stem between them; label boxes go into
//! lanes so no two overlap, and stems are routed so none crosses another label. The label width is
//! decided here and the UI clips text to it, so the no-overlap guarantee holds in the browser too.
//!
//! - `place`: geometry of one item, lanes and stems;
//! - `labels`: the words on cluster items.
//!
//! Architecture invariant: a frame costs O(log n + items) whatever the number of events n: the
//! index answers the window query, the selection is found by id in O(1), and at most
//! [`ITEM_BUDGET`] items are placed.

mod labels;
mod place;

use std::cell::RefCell;
use std::cmp::Ordering;

use rustc_hash::FxHashMap;
use serde::Serialize;

use citeline_model::date::Granularity;
use citeline_model::timeline::Timeline;

use crate::index::{Cluster, EventIndex, Item, LengthClass};
use crate::scale::{round_px, TimeScale};
use crate::ticks::{ticks, TickSet};
use crate::tracks::{TrackChoice, Tracks};
use crate::view::{ViewAction, ViewState, MIN_SPAN_DAYS};
pub use labels::group_thousands;
use labels::{cluster_date_label, density};
use place::{assign_placement_lanes, place_one, route_stems};
pub use place::{MarkKind, Placement, DOT_PX, LABEL_HEIGHT_PX, LABEL_LIFT_PX, LANE_GAP_PX, LANE_PX, STEM_WIDTH_PX};

/// One event as drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedEvent {
    /// Event id.
    pub id: String,
    /// Title shown in the label (clipped to the label's width).
    pub title: String,
    /// Short date under the title ("8 Jun 2018").
    pub date_label: String,
    /// Accessible name: title and long date.
    pub accessible_name: String,
    /// Precision of the date.
    pub granularity: Granularity,
    /// The date itself (for a page that writes it in the reader's locale).
    #[serde(skip)]
    pub date: citeline_model::date::EventDate,
    /// The date is approximate or uncertain: drawn with soft edges.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fuzzy: bool,
    /// Which end of the date is open (`"start"`: until; `"end"`: from … on), drawn fading that way.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub open: &'static str,
    /// Whether this is the selected event.
    pub selected: bool,
    /// Where it is drawn.
    #[serde(flatten)]
    pub placement: Placement,
}

impl PlacedEvent {
    /// Classes for its marker that say how sure or how open its date is: `fuzzy`, `open-start`,
    /// `open-end` (the page and the static view style them alike).
    pub fn date_classes(&self) -> Vec<&'static str> {
        let open = match self.open {
            "start" => Some("open-start"),
            "end" => Some("open-end"),
            _ => None,
        };
        self.fuzzy.then_some("fuzzy").into_iter().chain(open).collect()
    }
}

/// Several events drawn as one item (at low zoom).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedCluster {
    /// A key that names this cluster within its frame (`cluster-<first>-<count>`).
    pub key: String,
    /// "1,234 events".
    pub title: String,
    /// When its events start ("Mar – Jun 2019").
    pub date_label: String,
    /// Accessible name: count and long dates.
    pub accessible_name: String,
    /// What it stands for.
    pub info: ClusterInfo,
    /// Where it is drawn.
    #[serde(flatten)]
    pub placement: Placement,
}

/// One thing the timeline draws: an event alone, or a cluster of events.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "item", rename_all = "lowercase")]
pub enum PlacedItem {
    /// An event alone.
    Event(PlacedEvent),
    /// Several events as one.
    Cluster(PlacedCluster),
}

impl PlacedItem {
    /// Where the item is drawn.
    pub fn placement(&self) -> &Placement {
        match self {
            PlacedItem::Event(e) => &e.placement,
            PlacedItem::Cluster(c) => &c.placement,
        }
    }

    fn placement_mut(&mut self) -> &mut Placement {
        match self {
            PlacedItem::Event(e) => &mut e.placement,
            PlacedItem::Cluster(c) => &mut c.placement,
        }
    }

    /// The event id, or the cluster's key.
    pub fn key(&self) -> &str {
        match self {
            PlacedItem::Event(e) => &e.id,
            PlacedItem::Cluster(c) => &c.key,
        }
    }

    /// The event, if this is one.
    pub fn as_event(&self) -> Option<&PlacedEvent> {
        match self {
            PlacedItem::Event(e) => Some(e),
            PlacedItem::Cluster(_) => None,
        }
    }

    /// How many events it stands for.
    pub fn event_count(&self) -> usize {
        match self {
            PlacedItem::Event(_) => 1,
            PlacedItem::Cluster(c) => c.info.count,
        }
    }
}

/// What a cluster item stands for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClusterInfo {
    /// Number of events drawn in it (one fewer than its members when the selection was pulled out).
    pub count: usize,
    /// Its members are `EventIndex::members_at(first, members)`.
    pub first: usize,
    /// Number of members.
    pub members: usize,
    /// The track whose index `first` is in (`None`: the timeline's own index).
    pub track: Option<usize>,
    /// Earliest start, days.
    pub start_days: f64,
    /// Latest start, days.
    pub last_start_days: f64,
    /// Latest end, days.
    pub end_days: f64,
    /// Whether zooming in would separate its events (they do not all start together).
    pub splits: bool,
    /// 1 (a few) to 4 (thousands), for shading.
    pub density: u8,
}

impl ClusterInfo {
    /// What a click on the cluster does to the view: zoom to its events' starts (with a little
    /// room each side) when that separates them; `None` when they start together, so the UI
    /// lists them instead.
    pub fn zoom_action(&self) -> Option<ViewAction> {
        self.splits.then(|| {
            let pad_days = ((self.last_start_days - self.start_days) * 0.08).max(1.0 / 48.0);
            ViewAction::Show { start_days: self.start_days - pad_days, end_days: self.last_start_days + pad_days }
        })
    }
}

/// Everything the timeline view draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayoutFrame {
    /// Width the frame was laid out for.
    pub width_px: f64,
    /// Axis ticks.
    pub ticks: TickSet,
    /// Visible items in time order (the tab order).
    pub items: Vec<PlacedItem>,
    /// Number of lanes used.
    pub lane_count: usize,
    /// Height of the lanes (`lane_count * LANE_PX`, at least one lane).
    pub lanes_height_px: f64,
    /// Named periods in view, as bands.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<PlacedEra>,
    /// The tracks, in legend order, when laid out in tracks (each names its run of `items`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<PlacedTrack>,
}

impl LayoutFrame {
    /// Where the event `id`'s marker centre sits, as a fraction of the width (0 left, 1 right):
    /// the anchor for zooming with the keyboard while it has focus.
    pub fn anchor_fraction_of(&self, id: &str) -> Option<f64> {
        let item = self.items.iter().find(|p| p.as_event().is_some_and(|e| e.id == id))?;
        let p = item.placement();
        (self.width_px > 0.0).then(|| ((p.marker_x_px + p.marker_width_px / 2.0) / self.width_px).clamp(0.0, 1.0))
    }

    /// The events drawn alone.
    pub fn events(&self) -> impl Iterator<Item = &PlacedEvent> {
        self.items.iter().filter_map(PlacedItem::as_event)
    }
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

/// Most label lanes drawn before events merge into clusters.
pub const MAX_LANES: usize = 8;
/// Label lanes shared out among the tracks that are open (each gets at most [`MAX_LANES`]).
pub const TRACK_LANES: usize = 12;
/// Fewest label lanes a track that is not collapsed gets, however many tracks share the plot: one
/// per length class, since clusters of different classes never merge (fewer would leave only the
/// coarsest clusters at most zooms).
pub const MIN_TRACK_LANES: usize = 3;
/// Most items considered for one frame; a level with more visible items is skipped as too fine.
pub const ITEM_BUDGET: usize = 400;
/// Minimum distance between tick labels.
pub const TICK_SPACING_PX: f64 = 72.0;
/// Extra characters a cluster's label needs beside its count: the "⊕ " mark and the bold count.
const CLUSTER_MARK_CHARS: &str = "   ";

/// Lays out `timeline` for `view` at `width_px`, indexing it first (tests and one-off callers;
/// the page keeps an [`EventIndex`] per data set and calls [`layout_indexed`]).
pub fn layout(timeline: &Timeline, view: &ViewState, width_px: f64) -> LayoutFrame {
    layout_indexed(timeline, &EventIndex::of_timeline(timeline), view, width_px)
}

/// Lays out the events of `timeline` that intersect the view; events wholly outside are left out.
/// `index` must be `EventIndex::of_timeline(timeline)`.
///
/// Level of detail: every event alone if they fit in [`MAX_LANES`] lanes; otherwise the finest
/// cluster level of `index` that fits. The selected event is always drawn alone.
pub fn layout_indexed(timeline: &Timeline, index: &EventIndex, view: &ViewState, width_px: f64) -> LayoutFrame {
    layout_tracked(timeline, index, None, view, width_px)
}

/// Tracks to lay out, and the reader's choice of which are collapsed or hidden.
#[derive(Debug, Clone, Copy)]
pub struct TrackInput<'a> {
    /// The timeline's tracks.
    pub tracks: &'a Tracks,
    /// Which are collapsed or hidden.
    pub choice: &'a TrackChoice,
}

/// [`layout_indexed`], in tracks when `tracks` has any: each track is laid out on its own index
/// (level of detail, lanes and clusters per track), its items follow the previous track's in
/// `items`, and [`LayoutFrame::tracks`] says where each track's run is. [`TRACK_LANES`] are shared
/// out among the open tracks, at most [`MAX_LANES`] and at least [`MIN_TRACK_LANES`] each (a
/// track whose coarsest level still needs more, one per length class, takes them); a collapsed
/// track is laid out in one lane and drawn as its markers; a hidden one is listed and not laid out.
pub fn layout_tracked(timeline: &Timeline, index: &EventIndex, tracks: Option<TrackInput>, view: &ViewState, width_px: f64) -> LayoutFrame {
    let scale = TimeScale::new(view.start_days, view.end_days, width_px);
    let width_px = scale.width_px();
    let window = Window { start_days: scale.start_days(), end_days: scale.end_days() };
    let selected = view.selected.as_deref().and_then(|id| index.position_of(id));
    let mut frame_tracks = Vec::new();
    let mut placed = Vec::new();
    match tracks.filter(|t| !t.tracks.tracks().is_empty()) {
        None => {
            let frame =
                FrameInput { timeline, index, scale: &scale, view, selected, max_lanes: MAX_LANES, budget: ITEM_BUDGET, track: None };
            placed = frame.lay_out(window);
        }
        Some(TrackInput { tracks, choice }) => {
            let shown = tracks.tracks().iter().filter(|t| !choice.hidden.contains(&t.key)).count();
            let open = tracks.tracks().iter().filter(|t| !choice.hidden.contains(&t.key) && !choice.collapsed.contains(&t.key)).count();
            for (at, track) in tracks.tracks().iter().enumerate() {
                let hidden = choice.hidden.contains(&track.key);
                let collapsed = !hidden && choice.collapsed.contains(&track.key);
                let first = placed.len();
                if !hidden {
                    let frame = FrameInput {
                        timeline,
                        index: &track.index,
                        scale: &scale,
                        view,
                        selected: selected.filter(|&s| tracks.track_of(s) == Some(at)),
                        max_lanes: if collapsed { 1 } else { (TRACK_LANES / open.max(1)).clamp(MIN_TRACK_LANES, MAX_LANES) },
                        budget: (ITEM_BUDGET / shown.max(1)).max(ITEM_BUDGET / 8),
                        track: Some(at),
                    };
                    placed.extend(frame.lay_out(window));
                }
                let lane_count = placed[first..].iter().map(|p| p.placement().lane + 1).max().unwrap_or(0);
                frame_tracks.push(PlacedTrack {
                    key: track.key.clone(),
                    label: track.label.clone(),
                    colour: track.colour,
                    count: track.index.len(),
                    collapsed,
                    hidden,
                    first,
                    len: placed.len() - first,
                    lane_count,
                    lanes_height_px: if collapsed || hidden { 0.0 } else { lane_count.max(1) as f64 * LANE_PX },
                });
            }
        }
    }
    let lane_count = if frame_tracks.is_empty() {
        placed.iter().map(|p| p.placement().lane + 1).max().unwrap_or(0)
    } else {
        frame_tracks.iter().filter(|t| !t.collapsed && !t.hidden).map(|t| t.lane_count.max(1)).sum()
    };
    let eras = timeline
        .eras
        .iter()
        .filter_map(|era| {
            let left_px = scale.x_px_from_days(era.start.start_days()).max(0.0);
            let right_px = scale.x_px_from_days(era.end.end_days()).min(width_px);
            (right_px > left_px).then(|| PlacedEra {
                title: era.title.clone(),
                x_px: round_px(left_px),
                width_px: round_px(right_px - left_px),
            })
        })
        .collect();
    LayoutFrame {
        width_px,
        ticks: ticks(&scale, TICK_SPACING_PX),
        items: placed,
        lane_count,
        lanes_height_px: lane_count.max(1) as f64 * LANE_PX,
        eras,
        tracks: frame_tracks,
    }
}

/// A track as drawn: its legend entry and where its items are in [`LayoutFrame::items`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacedTrack {
    /// Its key ([`crate::tracks::Track::key`]).
    pub key: String,
    /// Its label.
    pub label: String,
    /// Its colour, `0..TRACK_COLOURS`.
    pub colour: usize,
    /// How many events it has (in view or not).
    pub count: usize,
    /// Drawn as one line of markers, without labels.
    pub collapsed: bool,
    /// Not drawn (only listed, so it can be shown again).
    pub hidden: bool,
    /// Its first item in `items`.
    pub first: usize,
    /// How many items it has in this frame.
    pub len: usize,
    /// Lanes its labels use.
    pub lane_count: usize,
    /// Height of its lanes (0 when collapsed or hidden).
    pub lanes_height_px: f64,
}

/// The visible stretch of time.
#[derive(Debug, Clone, Copy)]
struct Window {
    start_days: f64,
    end_days: f64,
}

/// What every item of one frame (or one track of it) is placed against.
struct FrameInput<'a> {
    timeline: &'a Timeline,
    index: &'a EventIndex,
    scale: &'a TimeScale,
    view: &'a ViewState,
    /// The selected event's position in the timeline, when it exists (and is in this track).
    selected: Option<usize>,
    /// Most lanes its labels may use.
    max_lanes: usize,
    /// Most items considered.
    budget: usize,
    /// The track, when laid out in tracks.
    track: Option<usize>,
}

/// Draws the selected event alone (the cluster that holds it counts one fewer, see `place_items`).
fn pull_out_selected(items: &mut Vec<Item>, selected: usize, timeline: &Timeline, window: Window) {
    let date = &timeline.events[selected].date;
    if !items.contains(&Item::Event(selected)) && date.start_days() <= window.end_days && date.end_days() > window.start_days {
        items.push(Item::Event(selected));
    }
}

impl FrameInput<'_> {
    /// The finest level of detail that fits in its lanes (else the finest of those that need
    /// fewest lanes), placed, with stems routed.
    ///
    /// Each trial (a level, then each small cluster drawn as its events) places marks only: a
    /// label's size needs the length of its texts, which [`LabelChars`] works out once per item
    /// and frame; the texts themselves are written for the trial kept.
    fn lay_out(&self, window: Window) -> Vec<PlacedItem> {
        let chars = LabelChars::default();
        let levels = std::iter::once(None).chain((0..self.index.level_count()).map(Some));
        let mut best: Option<(usize, Vec<Item>, Vec<Mark>)> = None;
        for level in levels {
            let Some(mut items) = self.index.visible(window.start_days, window.end_days, level, self.budget) else { continue };
            if let Some(selected) = self.selected {
                pull_out_selected(&mut items, selected, self.timeline, window);
            }
            let marks = self.place_marks(&items, &chars);
            let lanes = lanes_used(&marks);
            if best.as_ref().is_none_or(|(fewest, _, _)| lanes < *fewest) {
                best = Some((lanes, items, marks));
            }
            if lanes <= self.max_lanes {
                break;
            }
        }
        let (_, mut items, mut marks) = best.unwrap_or_default();
        self.expand_small_clusters(&mut items, &mut marks, &chars);
        let mut placed: Vec<PlacedItem> = marks.into_iter().map(|m| self.written(m)).collect();
        route_stems(&mut placed.iter_mut().map(PlacedItem::placement_mut).collect::<Vec<_>>());
        placed
    }

    /// Draws the smallest clusters as their events while that still fits in [`MAX_LANES`]: a
    /// day's two events are better shown than counted.
    fn expand_small_clusters(&self, items: &mut Vec<Item>, marks: &mut Vec<Mark>, chars: &LabelChars) {
        let mut small: Vec<Cluster> = items
            .iter()
            .filter_map(|item| match item {
                Item::Cluster(c) if c.len <= self.max_lanes => Some(*c),
                _ => None,
            })
            .collect();
        small.sort_by_key(|c| c.len);
        for c in small.into_iter().take(16) {
            let mut trial: Vec<Item> = items.iter().filter(|item| **item != Item::Cluster(c)).copied().collect();
            trial.extend(self.index.members(&c).iter().map(|&m| Item::Event(m)).filter(|e| !items.contains(e)));
            let marks_trial = self.place_marks(&trial, chars);
            if lanes_used(&marks_trial) > self.max_lanes {
                break;
            }
            *items = trial;
            *marks = marks_trial;
        }
    }

    /// Places markers and labels for `items` and packs them into lanes, in time order.
    fn place_marks(&self, items: &[Item], chars: &LabelChars) -> Vec<Mark> {
        let max_label_px = (self.scale.width_px() * 0.62).clamp(80.0, 340.0);
        // The selected event, when it is drawn alone in this frame.
        let selected_alone = self.selected.filter(|s| items.contains(&Item::Event(*s)));
        let mut marks: Vec<Mark> = items
            .iter()
            .filter_map(|item| match *item {
                Item::Event(i) => Some(Drawn::Event(i)),
                Item::Cluster(c) => {
                    // The selected event is drawn alone; its cluster counts the others.
                    let members = self.index.members(&c);
                    let count = members.len() - usize::from(selected_alone.is_some_and(|s| members.contains(&s)));
                    if count <= 1 {
                        return members.iter().find(|m| Some(**m) != selected_alone).map(|&m| Drawn::Event(m));
                    }
                    Some(Drawn::Cluster { cluster: Cluster { len: count, ..c }, members: members.len() })
                }
            })
            .map(|what| Mark { what, placement: self.place_mark(what, max_label_px, chars) })
            .collect();
        // In time order, and by key where marks start at the same place (clusters that start
        // before the view all do): keys are written only for those.
        marks.sort_by(|a, b| a.placement.marker_x_px.partial_cmp(&b.placement.marker_x_px).unwrap_or(Ordering::Equal));
        let mut run = 0;
        while run < marks.len() {
            let x = marks[run].placement.marker_x_px;
            let end = run + marks[run..].iter().take_while(|m| m.placement.marker_x_px == x).count().max(1);
            if end - run > 1 {
                marks[run..end].sort_by_cached_key(|m| self.key_of(m.what).into_owned());
            }
            run = end;
        }
        assign_placement_lanes(marks.iter_mut().map(|m| &mut m.placement));
        marks
    }

    /// Where one item goes, before lanes.
    fn place_mark(&self, what: Drawn, max_label_px: f64, chars: &LabelChars) -> Placement {
        let longest = chars.of(what, || {
            let (title, date_label) = self.texts(what);
            let title_chars = match what {
                Drawn::Event(_) => title.chars().count(),
                Drawn::Cluster { .. } => title.chars().count() + CLUSTER_MARK_CHARS.chars().count(),
            };
            title_chars.max(date_label.chars().count())
        });
        match what {
            Drawn::Event(i) => {
                let date = &self.timeline.events[i].date;
                place_one(self.scale, max_label_px, date.start_days(), date.end_days(), MarkKind::of(date), longest)
            }
            Drawn::Cluster { cluster: c, .. } => place_one(self.scale, max_label_px, c.start_days, c.end_days, MarkKind::Span, longest),
        }
    }

    /// What a label shows: its title and its short date.
    fn texts(&self, what: Drawn) -> (std::borrow::Cow<'_, str>, String) {
        match what {
            Drawn::Event(i) => {
                let event = &self.timeline.events[i];
                (std::borrow::Cow::Borrowed(event.title.as_str()), event.date.display_short())
            }
            Drawn::Cluster { cluster: c, .. } => (std::borrow::Cow::Owned(cluster_title(c.len)), cluster_date_label(&c, false)),
        }
    }

    /// The key of what a mark draws ([`PlacedItem::key`]), which orders marks at the same place.
    fn key_of(&self, what: Drawn) -> std::borrow::Cow<'_, str> {
        match what {
            Drawn::Event(i) => std::borrow::Cow::Borrowed(self.timeline.events[i].id.as_str()),
            Drawn::Cluster { cluster: c, .. } => std::borrow::Cow::Owned(self.cluster_key(&c)),
        }
    }

    fn cluster_key(&self, c: &Cluster) -> String {
        match self.track {
            Some(track) => format!("cluster-{track}-{}-{}", c.first, c.len),
            None => format!("cluster-{}-{}", c.first, c.len),
        }
    }

    /// A placed mark with its texts written.
    fn written(&self, mark: Mark) -> PlacedItem {
        let Mark { what, placement } = mark;
        match what {
            Drawn::Event(i) => {
                let event = &self.timeline.events[i];
                let (title, date_label) = self.texts(what);
                PlacedItem::Event(PlacedEvent {
                    id: event.id.clone(),
                    accessible_name: label_name(&title, &date_label, &event.date.display_long()),
                    title: title.into_owned(),
                    date_label,
                    granularity: event.date.granularity(),
                    date: event.date,
                    fuzzy: !event.date.qualifier().is_exact(),
                    open: match event.date.open() {
                        Some((citeline_model::date::OpenEnd::Start, _)) => "start",
                        Some((citeline_model::date::OpenEnd::End, _)) => "end",
                        None => "",
                    },
                    selected: self.view.selected.as_deref() == Some(event.id.as_str()),
                    placement,
                })
            }
            Drawn::Cluster { cluster: c, members } => {
                let (title, date_label) = self.texts(what);
                PlacedItem::Cluster(PlacedCluster {
                    key: self.cluster_key(&c),
                    accessible_name: label_name(&title, &date_label, &cluster_date_label(&c, true)),
                    title: title.into_owned(),
                    date_label,
                    info: ClusterInfo {
                        count: c.len,
                        first: c.first,
                        members,
                        track: self.track,
                        start_days: c.start_days,
                        last_start_days: c.last_start_days,
                        end_days: c.end_days,
                        splits: c.last_start_days - c.start_days >= MIN_SPAN_DAYS,
                        density: density(c.len),
                    },
                    placement,
                })
            }
        }
    }
}

/// What a mark draws: an event alone, or `cluster` (of `members` events, the selection perhaps
/// drawn apart).
#[derive(Debug, Clone, Copy)]
enum Drawn {
    Event(usize),
    Cluster { cluster: Cluster, members: usize },
}

/// An item placed in a level-of-detail trial, its texts not written yet.
#[derive(Debug, Clone, Copy)]
struct Mark {
    what: Drawn,
    placement: Placement,
}

/// Lanes that `marks` use.
fn lanes_used(marks: &[Mark]) -> usize {
    marks.iter().map(|m| m.placement.lane + 1).max().unwrap_or(0)
}

/// "1,234 events".
fn cluster_title(count: usize) -> String {
    format!("{} events", group_thousands(count))
}

/// The length of each item's longest label line, in chars, worked out once per frame: the trials
/// of one frame place the same items again and again.
#[derive(Default)]
struct LabelChars(RefCell<FxHashMap<DrawnKey, usize>>);

/// What a label's length depends on: the event, or the cluster's events and its dates.
#[derive(PartialEq, Eq, Hash)]
enum DrawnKey {
    Event(usize),
    Cluster { first: usize, len: usize, start: u64, last_start: u64, class: LengthClass },
}

impl LabelChars {
    fn of(&self, what: Drawn, count: impl FnOnce() -> usize) -> usize {
        let key = match what {
            Drawn::Event(i) => DrawnKey::Event(i),
            Drawn::Cluster { cluster: c, .. } => DrawnKey::Cluster {
                first: c.first,
                len: c.len,
                start: c.start_days.to_bits(),
                last_start: c.last_start_days.to_bits(),
                class: c.class,
            },
        };
        if let Some(&n) = self.0.borrow().get(&key) {
            return n;
        }
        let n = count();
        self.0.borrow_mut().insert(key, n);
        n
    }
}

/// A label's accessible name: what it shows (title, then the date as drawn), so that speech
/// input users can say what they see (WCAG 2.5.3, label in name), then the date in full words
/// when it reads differently ("4 Jun 2018 (Monday 4 June 2018)").
pub fn label_name(title: &str, shown: &str, long: &str) -> String {
    if shown == long {
        format!("{title}, {shown}")
    } else {
        format!("{title}, {shown} ({long})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{ViewAction, ViewBounds};
    use citeline_model::date::Granularity;
    use citeline_model::seed::seed_timeline;

    fn seed_frame(width: f64) -> LayoutFrame {
        let (timeline, _) = seed_timeline().expect("seed");
        let bounds = ViewBounds::of_extent(Some(timeline.extent_days().expect("events")));
        layout(&timeline, &ViewState::fit(&bounds), width)
    }

    /// Labels never overlap, stay on screen, and no stem crosses another item's label; every stem
    /// ends at its own label and touches it.
    fn assert_no_overlap(frame: &LayoutFrame) {
        for (i, item_a) in frame.items.iter().enumerate() {
            let a = item_a.placement();
            for (j, item_b) in frame.items.iter().enumerate() {
                let b = item_b.placement();
                if j > i && a.lane == b.lane {
                    let apart = a.label_x_px + a.label_width_px <= b.label_x_px || b.label_x_px + b.label_width_px <= a.label_x_px;
                    assert!(apart, "{} and {} overlap in lane {}", item_a.key(), item_b.key(), a.lane);
                }
                if j != i {
                    let across = a.stem_x_px + STEM_WIDTH_PX > b.label_x_px && a.stem_x_px < b.label_x_px + b.label_width_px;
                    let stem_top = a.stem_bottom_px + a.stem_height_px;
                    let through = a.stem_bottom_px < b.label_bottom_px + LABEL_HEIGHT_PX && stem_top > b.label_bottom_px;
                    assert!(
                        !(across && through && a.stem_height_px > 0.0),
                        "the stem of {} crosses the label of {}",
                        item_a.key(),
                        item_b.key()
                    );
                }
            }
            assert!(a.label_x_px >= 0.0 && a.label_x_px + a.label_width_px <= frame.width_px + 0.01, "{} off-screen", item_a.key());
            assert!((a.stem_bottom_px + a.stem_height_px - a.label_bottom_px).abs() < 0.02, "{}: the stem ends at its label", item_a.key());
            assert_eq!(a.label_bottom_px, a.lane as f64 * LANE_PX + LABEL_LIFT_PX);
            assert!(
                a.stem_x_px + STEM_WIDTH_PX >= a.label_x_px && a.stem_x_px <= a.label_x_px + a.label_width_px,
                "{}: the stem touches its label",
                item_a.key()
            );
        }
    }

    fn ids(frame: &LayoutFrame) -> Vec<&str> {
        frame.events().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn fit_all_shows_every_seed_event_without_overlap_on_desktop_and_phone() {
        for width in [1280.0, 390.0] {
            let frame = seed_frame(width);
            assert_eq!(frame.items.len(), 6, "{width}");
            assert_no_overlap(&frame);
            let ids = ids(&frame);
            assert!(ids.contains(&"contest-2018-launch") && ids.contains(&"global-internet-forum-trip"));
        }
    }

    #[test]
    fn year_and_day_precision_look_different() {
        let frame = seed_frame(1280.0);
        let kind = |id: &str| frame.events().find(|e| e.id == id).map(|e| e.placement.kind);
        assert_eq!(kind("attacks-2017"), Some(MarkKind::Span));
        assert_eq!(kind("global-internet-forum-trip"), Some(MarkKind::Point));
    }

    #[test]
    fn no_overlap_at_any_zoom() {
        let (timeline, _) = seed_timeline().expect("seed");
        let bounds = ViewBounds::of_extent(Some(timeline.extent_days().expect("events")));
        let mut view = ViewState::fit(&bounds);
        for step in 0..40 {
            for width in [390.0, 1280.0] {
                assert_no_overlap(&layout(&timeline, &view, width));
            }
            let anchor_fraction = (step % 7) as f64 / 6.0;
            view = view.apply(&ViewAction::ZoomAt { factor: 1.4, anchor_fraction }, &bounds);
        }
    }

    /// Each track's run of items as a frame of its own.
    fn track_frames(frame: &LayoutFrame) -> Vec<LayoutFrame> {
        frame
            .tracks
            .iter()
            .map(|t| LayoutFrame { items: frame.items[t.first..t.first + t.len].to_vec(), tracks: Vec::new(), ..frame.clone() })
            .collect()
    }

    #[test]
    fn tracks_lay_out_each_on_its_own_index_at_10000_events() {
        use crate::session::{Session, SessionAction, Start};
        use crate::tracks::{TrackAction, TrackBy, TrackChoice, Tracks};
        let mut timeline = synthetic(10_000, 7);
        let groups = ["Politics", "Sport", "Science"];
        for (i, event) in timeline.events.iter_mut().enumerate() {
            // Uneven tracks, and some events with no group.
            event.group = match i % 10 {
                0..=5 => Some(groups[0].into()),
                6 | 7 => Some(groups[1].into()),
                8 => Some(groups[2].into()),
                _ => None,
            };
        }
        let session = Session::new(std::rc::Rc::new(timeline.clone()), &Start::default());
        assert_eq!(session.tracks().by(), TrackBy::Group, "a timeline with groups starts in tracks");
        let tracks: &Tracks = session.tracks();
        let index = session.index();
        let bounds = session.bounds();
        let selected = timeline.events[4321].id.clone();
        let mut view = ViewState::fit(&bounds).apply(&ViewAction::Select(selected.clone()), &bounds);
        let mut choices = vec![TrackChoice::default(); 3];
        choices[1] = choices[1].apply(&TrackAction::Collapse("Sport".into(), true));
        choices[2] = choices[2].apply(&TrackAction::Hide("Politics".into(), true));
        for _ in 0..14 {
            for choice in &choices {
                let input = TrackInput { tracks, choice };
                let frame = layout_tracked(&timeline, index, Some(input), &view, 1280.0);
                assert_eq!(frame.tracks.iter().map(|t| t.key.as_str()).collect::<Vec<_>>(), ["Politics", "Sport", "Science", ""]);
                assert_eq!(frame.tracks.iter().map(|t| t.count).sum::<usize>(), 10_000);
                let open = frame.tracks.iter().filter(|t| !t.collapsed && !t.hidden).count();
                let in_view: std::collections::BTreeSet<usize> = index.events_in(view.start_days, view.end_days).into_iter().collect();
                let mut drawn = std::collections::BTreeSet::new();
                for (at, (track, sub)) in frame.tracks.iter().zip(track_frames(&frame)).enumerate() {
                    assert_no_overlap(&sub);
                    // At its coarsest, a track may need a lane per length class and one for the selection.
                    let cap = if track.collapsed { 1 } else { (TRACK_LANES / open).clamp(MIN_TRACK_LANES, MAX_LANES) }
                        .max(crate::index::LengthClass::ALL.len() + 1);
                    assert!(track.lane_count <= cap, "{}: {} lanes, at most {cap}", track.key, track.lane_count);
                    assert!(!track.hidden || track.len == 0, "a hidden track draws nothing");
                    assert!(sub.items.len() <= ITEM_BUDGET, "{} items", sub.items.len());
                    for item in &sub.items {
                        let members: Vec<usize> = match item {
                            PlacedItem::Event(e) => vec![index.position_of(&e.id).expect("indexed")],
                            PlacedItem::Cluster(c) => {
                                assert_eq!(c.info.track, Some(at));
                                session.cluster_members(&c.info).to_vec()
                            }
                        };
                        for m in members {
                            assert_eq!(tracks.track_of(m), Some(at), "{} is drawn in its own track", timeline.events[m].id);
                            drawn.insert(m);
                        }
                    }
                }
                // Every event in view of a track that is not hidden is drawn, alone or counted.
                for i in &in_view {
                    let hidden = frame.tracks[tracks.track_of(*i).expect("a track")].hidden;
                    assert_eq!(drawn.contains(i), !hidden, "{}", timeline.events[*i].id);
                }
                if !choice.hidden.contains("Politics") && in_view.contains(&4321) {
                    assert!(frame.events().any(|e| e.id == selected && e.selected), "the selection is drawn alone");
                }
            }
            view = view.apply(&ViewAction::ZoomAt { factor: 1.9, anchor_fraction: 0.37 }, &bounds);
        }
        // Grouped by source instead, then as one row.
        let by_source = session.apply(&SessionAction::Tracks(TrackAction::By(TrackBy::Document))).expect("changes");
        assert_eq!(by_source.tracks().by(), TrackBy::Document);
        let none = session.apply(&SessionAction::Tracks(TrackAction::By(TrackBy::None))).expect("changes");
        let frame =
            layout_tracked(&timeline, none.index(), Some(TrackInput { tracks: none.tracks(), choice: none.track_choice() }), &view, 1280.0);
        assert!(frame.tracks.is_empty());
        assert_eq!(frame, layout_indexed(&timeline, index, &view, 1280.0));
    }

    fn synthetic(n: usize, seed: u64) -> Timeline {
        // Deterministic spread over ~10 years, with bursts, mixed precision.
        let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let mut next = move || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) as u32
        };
        let events: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                let year = 2015 + (next() % 10) as i32;
                let month = 1 + next() % 12;
                let day = 1 + next() % 28;
                let date = match next() % 10 {
                    0 => format!("{year}"),
                    1 | 2 => format!("{year}-{month:02}"),
                    _ => format!("{year}-{month:02}-{day:02}"),
                };
                serde_json::json!({"start_date": {"year": date[..4], "month": date.get(5..7).unwrap_or(""), "day": date.get(8..10).unwrap_or("")},
                    "text": {"headline": format!("Event number {i} with a headline"), "text": "Some words."}})
            })
            .collect();
        let json = serde_json::json!({"events": events}).to_string();
        citeline_model::import::load_any(&json).expect("synthetic data loads").0
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        #[test]
        fn labels_never_overlap_at_any_density_or_zoom(n in 0usize..600, seed in 0u64..1000, zooms in proptest::collection::vec((0.2f64..9.0, 0.0f64..1.0), 1..12), width in 300.0f64..1600.0) {
            let timeline = synthetic(n, seed);
            let Some(extent) = timeline.extent_days() else { return Ok(()) };
            let bounds = ViewBounds::of_extent(Some(extent));
            let index = EventIndex::of_timeline(&timeline);
            let mut view = ViewState::fit(&bounds);
            for (factor, anchor_fraction) in zooms {
                let frame = layout_indexed(&timeline, &index, &view, width);
                assert_no_overlap(&frame);
                proptest::prop_assert!(frame.lane_count <= MAX_LANES, "{} lanes", frame.lane_count);
                // Everything in view is drawn, alone or counted in a cluster (a cluster across the
                // window's edge also counts its members beyond it); with no clusters, exactly that.
                // Every event in view is drawn exactly once: alone, or counted in a cluster. A cluster
                // across the window's edge also counts (or, when small, draws) its members beyond it.
                let in_view: std::collections::BTreeSet<usize> = index.events_in(view.start_days, view.end_days).into_iter().collect();
                let mut drawn = std::collections::BTreeMap::<usize, usize>::new();
                let mut beyond = 0;
                for item in &frame.items {
                    match item {
                        PlacedItem::Event(e) => {
                            // A small cluster across the edge may be drawn as its events.
                            let i = index.position_of(&e.id).expect("an indexed id");
                            *drawn.entry(i).or_default() += 1;
                            beyond += usize::from(!in_view.contains(&i));
                        }
                        PlacedItem::Cluster(c) => {
                            for &m in index.members_at(c.info.first, c.info.members) {
                                if view.selected.as_deref() == Some(timeline.events[m].id.as_str()) && c.info.count < c.info.members {
                                    continue;
                                }
                                *drawn.entry(m).or_default() += 1;
                                beyond += usize::from(!in_view.contains(&m));
                            }
                        }
                    }
                }
                proptest::prop_assert!(drawn.values().all(|&n| n == 1), "an event drawn twice");
                proptest::prop_assert!(in_view.iter().all(|i| drawn.contains_key(i)), "an event in view not drawn");
                proptest::prop_assert_eq!(drawn.len(), in_view.len() + beyond);
                view = view.apply(&ViewAction::ZoomAt { factor, anchor_fraction }, &bounds);
            }
        }
    }

    #[test]
    fn clusters_split_into_single_events_as_you_zoom_in() {
        let timeline = synthetic(3000, 7);
        let bounds = ViewBounds::of_extent(Some(timeline.extent_days().expect("events")));
        let index = EventIndex::of_timeline(&timeline);
        let mut view = ViewState::fit(&bounds);
        let full = layout_indexed(&timeline, &index, &view, 1280.0);
        assert!(full.items.iter().any(|p| matches!(p, PlacedItem::Cluster(_))), "3,000 events over 10 years cluster at full span");
        assert!(full.items.len() <= ITEM_BUDGET);
        // Zoom towards a day-precision event that has its day to itself: it ends up drawn alone,
        // with its own label, beside the clusters of the longer events that contain it.
        let same_day =
            |a: &citeline_model::timeline::Event, b: &citeline_model::timeline::Event| a.date.start_days() == b.date.start_days();
        let target = timeline
            .events
            .iter()
            .filter(|e| e.date.granularity() == Granularity::Day)
            .find(|e| timeline.events.iter().filter(|o| same_day(e, o)).count() == 1)
            .expect("a day event alone on its day");
        let day = target.date.start_days();
        for _ in 0..30 {
            view = view.apply(
                &ViewAction::Show { start_days: day + 0.5 - view.span_days() / 3.0, end_days: day + 0.5 + view.span_days() / 3.0 },
                &bounds,
            );
        }
        let near = layout_indexed(&timeline, &index, &view, 1280.0);
        assert!(near.events().any(|p| p.id == target.id), "{:?}", view);
    }

    #[test]
    fn the_selected_event_is_drawn_alone_even_inside_a_cluster() {
        let timeline = synthetic(3000, 11);
        let bounds = ViewBounds::of_extent(Some(timeline.extent_days().expect("events")));
        let index = EventIndex::of_timeline(&timeline);
        let id = timeline.events[1234].id.clone();
        let view = ViewState::fit(&bounds).apply(&ViewAction::Select(id.clone()), &bounds);
        let frame = layout_indexed(&timeline, &index, &view, 1280.0);
        assert!(frame.events().any(|p| p.id == id && p.selected));
        let drawn: usize = frame.items.iter().map(PlacedItem::event_count).sum();
        assert_eq!(drawn, 3000, "none lost, none doubled");
        assert!(frame.anchor_fraction_of(&id).is_some_and(|f| (0.0..=1.0).contains(&f)));
        assert_eq!(frame.anchor_fraction_of("no-such-event"), None);
    }

    #[test]
    fn a_cluster_zooms_to_its_starts_or_asks_to_be_listed() {
        let info = ClusterInfo {
            count: 5,
            first: 0,
            members: 5,
            track: None,
            start_days: 100.0,
            last_start_days: 110.0,
            end_days: 111.0,
            splits: true,
            density: 1,
        };
        assert_eq!(info.zoom_action(), Some(ViewAction::Show { start_days: 99.2, end_days: 110.8 }));
        let together = ClusterInfo { last_start_days: 100.0, splits: false, ..info };
        assert_eq!(together.zoom_action(), None);
    }

    #[test]
    fn seed_layout_snapshot() {
        insta::assert_json_snapshot!("seed_1280", seed_frame(1280.0));
        insta::assert_json_snapshot!("seed_390", seed_frame(390.0));
    }
}
