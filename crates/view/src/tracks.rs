//! Tracks: events grouped into labelled rows, by their `group` (TimelineJS3's field) or by the
//! source document that reports them, each row with its own index so level of detail, lanes and
//! clusters work per row at any size.
//!
//! Which rows a reader collapses or hides is a [`TrackChoice`], kept with the session and in the
//! URL (`#tracks=document&hide=…&collapse=…`).

use std::collections::BTreeSet;

use citeline_model::timeline::Timeline;

use crate::index::EventIndex;

/// How events are grouped into tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum TrackBy {
    /// One row for everything.
    #[default]
    None,
    /// By the event's `group`.
    Group,
    /// By the document of the event's first passage.
    Document,
}

impl TrackBy {
    /// Every way, in menu order.
    pub const ALL: [TrackBy; 3] = [TrackBy::None, TrackBy::Group, TrackBy::Document];

    /// Its name in URLs and menus' values.
    pub fn as_str(self) -> &'static str {
        match self {
            TrackBy::None => "none",
            TrackBy::Group => "group",
            TrackBy::Document => "document",
        }
    }

    /// What the menu says.
    pub fn label(self) -> &'static str {
        match self {
            TrackBy::None => "No tracks",
            TrackBy::Group => "Tracks by group",
            TrackBy::Document => "Tracks by source",
        }
    }

    /// The way named `name` (see [`TrackBy::as_str`]).
    pub fn parse(name: &str) -> Option<TrackBy> {
        TrackBy::ALL.into_iter().find(|by| by.as_str() == name)
    }

    /// The groupings worth offering for `timeline`: by group when some event has one, by source
    /// when the events cite more than one document; none at all when that leaves only one row.
    pub fn offered(timeline: &Timeline) -> Vec<TrackBy> {
        let has_groups = timeline.events.iter().any(|e| e.group.as_deref().is_some_and(|g| !g.trim().is_empty()));
        let first_document = timeline.events.iter().find_map(|e| e.passages.first()).map(|p| &p.document);
        let has_documents = timeline.events.iter().filter_map(|e| e.passages.first()).any(|p| Some(&p.document) != first_document);
        let offered: Vec<TrackBy> = [(TrackBy::None, true), (TrackBy::Group, has_groups), (TrackBy::Document, has_documents)]
            .into_iter()
            .filter_map(|(by, ok)| ok.then_some(by))
            .collect();
        if offered.len() > 1 {
            offered
        } else {
            Vec::new()
        }
    }

    /// How a timeline is first shown: by group when any event has one (as TimelineJS3 does),
    /// else as one row.
    pub fn default_for(timeline: &Timeline) -> TrackBy {
        if timeline.events.iter().any(|e| e.group.is_some()) {
            TrackBy::Group
        } else {
            TrackBy::None
        }
    }
}

/// Number of track colours in the stylesheet (`.track-colour-0` …); tracks beyond reuse them.
pub const TRACK_COLOURS: usize = 8;

/// The key of the track of events that have no group (or no known document).
pub const OTHER_KEY: &str = "";

/// One track: its events and their own index.
#[derive(Debug, Clone)]
pub struct Track {
    /// The group, or the document's id; [`OTHER_KEY`] for the rest.
    pub key: String,
    /// What the legend says.
    pub label: String,
    /// Its colour, `0..TRACK_COLOURS`.
    pub colour: usize,
    /// Its events' index (answers in `Timeline::events` positions).
    pub index: EventIndex,
}

/// A timeline's events in tracks: every event is in exactly one.
#[derive(Debug, Clone, Default)]
pub struct Tracks {
    by: TrackBy,
    tracks: Vec<Track>,
    /// Event position -> its track.
    of_event: Vec<u32>,
}

impl Tracks {
    /// The tracks of `timeline` grouped `by`, in the order their keys first appear in the file
    /// (documents in the timeline's order), with the rest last. O(n log n): once per data set
    /// and choice.
    pub fn of(timeline: &Timeline, by: TrackBy) -> Tracks {
        let key_of = |i: usize| -> Option<&str> {
            let event = &timeline.events[i];
            match by {
                TrackBy::None => None,
                TrackBy::Group => event.group.as_deref().filter(|g| !g.trim().is_empty()),
                TrackBy::Document => event.passages.first().map(|p| p.document.as_str()),
            }
        };
        if by == TrackBy::None {
            return Tracks { by, ..Tracks::default() };
        }
        let mut keys: Vec<(String, String)> = match by {
            TrackBy::Document => timeline.documents.iter().map(|d| (d.id.clone(), d.title.clone())).collect(),
            _ => Vec::new(),
        };
        let mut slot: rustc_hash::FxHashMap<String, u32> = keys.iter().enumerate().map(|(at, (key, _))| (key.clone(), at as u32)).collect();
        let mut of_event = Vec::with_capacity(timeline.events.len());
        let mut other = false;
        for i in 0..timeline.events.len() {
            let at = match key_of(i) {
                Some(key) if by == TrackBy::Group || slot.contains_key(key) => *slot.entry(key.to_owned()).or_insert_with(|| {
                    keys.push((key.to_owned(), key.trim().to_owned()));
                    (keys.len() - 1) as u32
                }),
                _ => {
                    other = true;
                    u32::MAX
                }
            };
            of_event.push(at);
        }
        let other_label = match by {
            TrackBy::Document => crate::locale::Msg::NoSourceDocument.english(),
            _ => crate::locale::Msg::OtherEvents.english(),
        };
        if other {
            keys.push((OTHER_KEY.to_owned(), other_label.to_owned()));
            let at = (keys.len() - 1) as u32;
            of_event.iter_mut().filter(|t| **t == u32::MAX).for_each(|t| *t = at);
        }
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
        for (i, &t) in of_event.iter().enumerate() {
            members[t as usize].push(i);
        }
        // A document no event cites has no track.
        let mut renumber = vec![u32::MAX; keys.len()];
        let mut tracks = Vec::new();
        for (at, ((key, label), members)) in keys.into_iter().zip(members).enumerate() {
            if members.is_empty() {
                continue;
            }
            renumber[at] = tracks.len() as u32;
            let colour = tracks.len() % TRACK_COLOURS;
            tracks.push(Track { key, label, colour, index: EventIndex::of_members(timeline, &members) });
        }
        for t in &mut of_event {
            *t = renumber[*t as usize];
        }
        Tracks { by, tracks, of_event }
    }

    /// How they are grouped.
    pub fn by(&self) -> TrackBy {
        self.by
    }

    /// The tracks, in legend order (none when grouped by [`TrackBy::None`]).
    pub fn tracks(&self) -> &[Track] {
        &self.tracks
    }

    /// The track of the event at `position` in `Timeline::events`.
    pub fn track_of(&self, position: usize) -> Option<usize> {
        self.of_event.get(position).map(|&t| t as usize)
    }

    /// The track with this key.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.tracks.iter().position(|t| t.key == key)
    }
}

/// What the reader chose: how to group, and which tracks are collapsed or hidden (by key).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrackChoice {
    /// How events are grouped (`None` in the URL: the timeline's default).
    pub by: Option<TrackBy>,
    /// Tracks drawn as one line of markers.
    pub collapsed: BTreeSet<String>,
    /// Tracks not drawn.
    pub hidden: BTreeSet<String>,
}

/// The URL fragment's keys a [`TrackChoice`] is written with.
pub const TRACK_KEYS: [&str; 3] = ["tracks", "hide", "collapse"];

/// What the legend asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrackAction {
    /// Everything as the URL says (back and forward).
    Set(TrackChoice),
    /// Group another way (collapsed and hidden tracks are forgotten).
    By(TrackBy),
    /// Collapse (`true`) or expand a track.
    Collapse(String, bool),
    /// Hide (`true`) or show a track.
    Hide(String, bool),
    /// Show every track, expanded.
    ShowAll,
}

impl TrackChoice {
    /// The choice after `action`.
    pub fn apply(&self, action: &TrackAction) -> TrackChoice {
        let mut next = self.clone();
        match action {
            TrackAction::Set(choice) => return choice.clone(),
            TrackAction::By(by) => return TrackChoice { by: Some(*by), ..TrackChoice::default() },
            TrackAction::Collapse(key, on) => toggle(&mut next.collapsed, key, *on),
            TrackAction::Hide(key, on) => toggle(&mut next.hidden, key, *on),
            TrackAction::ShowAll => {
                next.collapsed.clear();
                next.hidden.clear();
            }
        }
        next
    }

    /// Read from the URL's fragment pairs: `tracks=group|document|none`, and a `hide=<key>` or
    /// `collapse=<key>` pair per track (so a key may hold any character).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> TrackChoice {
        let mut choice = TrackChoice::default();
        for (key, value) in pairs {
            match key {
                "tracks" => choice.by = TrackBy::parse(value),
                "hide" => {
                    choice.hidden.insert(value.to_owned());
                }
                "collapse" => {
                    choice.collapsed.insert(value.to_owned());
                }
                _ => {}
            }
        }
        choice
    }

    /// The fragment pairs that say it (none for the default).
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let by = self.by.map(|by| ("tracks", by.as_str().to_owned()));
        let hidden = self.hidden.iter().map(|key| ("hide", key.clone()));
        let collapsed = self.collapsed.iter().map(|key| ("collapse", key.clone()));
        by.into_iter().chain(hidden).chain(collapsed).collect()
    }

    /// How `timeline` is grouped under this choice.
    pub fn by_for(&self, timeline: &Timeline) -> TrackBy {
        self.by.unwrap_or_else(|| TrackBy::default_for(timeline))
    }
}

fn toggle(set: &mut BTreeSet<String>, key: &str, on: bool) {
    if on {
        set.insert(key.to_owned());
    } else {
        set.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Events a day apart, with these groups.
    fn timeline_with_groups(groups: &[Option<&str>]) -> Timeline {
        let events: Vec<serde_json::Value> = groups
            .iter()
            .enumerate()
            .map(|(i, g)| serde_json::json!({"start_date": {"year": 2020, "month": 1, "day": i + 1}, "text": {"headline": format!("E{i}")}, "group": g}))
            .collect();
        citeline_model::import::load_any(&serde_json::json!({"events": events}).to_string()).expect("loads").0
    }

    #[test]
    fn every_event_is_in_one_track_in_order_of_first_appearance_and_the_rest_last() {
        let timeline = timeline_with_groups(&[Some("b"), None, Some("a"), Some("b"), Some(" ")]);
        let tracks = Tracks::of(&timeline, TrackBy::Group);
        let keys: Vec<&str> = tracks.tracks().iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, ["b", "a", OTHER_KEY]);
        assert_eq!(tracks.tracks()[2].label, "Other events");
        let of: Vec<usize> = (0..5).map(|i| tracks.track_of(i).expect("a track")).collect();
        assert_eq!(of, [0, 2, 1, 0, 2], "a blank group is no group");
        // Each track's index answers in the timeline's positions.
        assert_eq!(tracks.tracks()[0].index.in_time_order(), &[0, 3]);
        assert_eq!(tracks.tracks()[0].index.position_of(&timeline.events[3].id), Some(3));
        assert_eq!(tracks.tracks()[0].index.position_of(&timeline.events[2].id), None);
        assert_eq!(Tracks::of(&timeline, TrackBy::None).tracks().len(), 0);
        // One document, some groups: by group or not at all.
        assert_eq!(TrackBy::offered(&timeline), [TrackBy::None, TrackBy::Group]);
        assert_eq!(TrackBy::offered(&timeline_with_groups(&[None, Some(" ")])), []);
    }

    #[test]
    fn by_document_follows_the_documents_order_and_leaves_out_a_document_no_event_cites() {
        let (timeline, _) = citeline_model::seed::seed_timeline().expect("seed");
        let tracks = Tracks::of(&timeline, TrackBy::Document);
        let cited: Vec<&str> = timeline
            .documents
            .iter()
            .map(|d| d.id.as_str())
            .filter(|id| timeline.events.iter().any(|e| e.passages.first().is_some_and(|p| p.document == *id)))
            .collect();
        let keys: Vec<&str> = tracks.tracks().iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, cited);
        assert_eq!(tracks.tracks()[0].label, timeline.documents[0].title);
        assert_eq!(TrackBy::offered(&timeline), [TrackBy::None, TrackBy::Document], "the seed's two sources");
        let total: usize = tracks.tracks().iter().map(|t| t.index.len()).sum();
        assert_eq!(total, timeline.events.len());
    }

    #[test]
    fn the_choice_goes_into_the_url_and_back_and_a_new_grouping_forgets_the_old_one_s_rows() {
        let choice = TrackChoice::default()
            .apply(&TrackAction::By(TrackBy::Document))
            .apply(&TrackAction::Hide("d1".into(), true))
            .apply(&TrackAction::Collapse("d2".into(), true))
            .apply(&TrackAction::Hide("d3, the third".into(), true));
        let pairs = choice.to_pairs();
        let expected = [("tracks", "document"), ("hide", "d1"), ("hide", "d3, the third"), ("collapse", "d2")];
        assert_eq!(pairs, expected.map(|(k, v)| (k, v.to_owned())));
        let back = TrackChoice::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, choice);
        assert_eq!(choice.apply(&TrackAction::By(TrackBy::Group)).hidden.len(), 0);
        assert_eq!(choice.apply(&TrackAction::ShowAll).to_pairs(), [("tracks", "document".to_owned())]);
        assert!(TrackChoice::default().to_pairs().is_empty());
    }
}
