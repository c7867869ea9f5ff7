//! One reader's session with one timeline: the data, its index and the view, changed only by
//! [`Session::apply`]. The page, the embed and the JS mount API all drive this one state machine;
//! the web crate wraps it in a five-line `Reducible`.

use std::rc::Rc;

use citeline_model::timeline::{Event, Timeline};

use crate::index::EventIndex;
use crate::layout::ClusterInfo;
use crate::overview::Overview;
use crate::tracks::{TrackAction, TrackChoice, Tracks};
use crate::view::{ViewAction, ViewBounds, ViewState};

/// What changes a session.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionAction {
    /// Zoom, pan, select, ...
    View(ViewAction),
    /// Bring the event with this id into view and select it (ignored if there is none).
    Focus(String),
    /// Follow a link: focus the event it names, or clear the selection when it names none (or
    /// one that does not exist).
    FollowLink(Option<String>),
    /// The same data set with events added or removed (the person's own documents): the window
    /// stays unless the data now reaches beyond it, then everything is shown; the selection
    /// stays while its event does.
    Extend(Rc<Timeline>),
    /// Different data: show all of it, with nothing selected.
    Replace(Rc<Timeline>),
    /// Group the events into tracks another way, or collapse, hide or show one.
    Tracks(TrackAction),
    /// More of the same file has been read (a long download is shown as it comes): a view the
    /// reader has not changed since the session started becomes what the whole data would have
    /// started on (its `Start`: everything, or the window and event asked for); a window or
    /// selection the reader chose stays, the selection while its event does.
    Arrived(Rc<Timeline>),
}

/// Where the reader is in the story (the events in time order), and where Previous and Next go:
/// what the detail panel's story buttons and the N and P keys show and do.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Story {
    /// How many events there are.
    pub count: usize,
    /// The selected event's place in time order, from 1 ("3 of 12"); `None` with nothing selected.
    pub position: Option<usize>,
    /// The event before the selected one: its title and the action that focuses it.
    pub previous: Option<(String, ViewAction)>,
    /// The event after the selected one, or the first with nothing selected (the story's start).
    pub next: Option<(String, ViewAction)>,
}

/// How a session starts: an initial window and an event to focus, both optional.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Start {
    /// The window to show, days (else everything).
    pub window_days: Option<(f64, f64)>,
    /// The event to focus.
    pub event: Option<String>,
    /// How events are grouped into tracks, and which are collapsed or hidden.
    pub tracks: TrackChoice,
}

/// The data, what is computed once per data set (index, bounds, overview), and the view.
#[derive(Debug, Clone)]
pub struct Session {
    timeline: Rc<Timeline>,
    index: Rc<EventIndex>,
    bounds: ViewBounds,
    overview: Rc<Overview>,
    view: ViewState,
    /// The events in tracks, as `choice` groups them (built once per data set and grouping).
    tracks: Rc<Tracks>,
    /// How the reader groups, collapses and hides tracks.
    choice: TrackChoice,
    /// How it started, and the view that gave (`Arrived` tells the reader's view from it).
    start: Rc<(Start, ViewState)>,
}

impl PartialEq for Session {
    /// Sessions over the same data (by identity: it is never copied) with the same view and tracks.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.timeline, &other.timeline) && self.view == other.view && self.choice == other.choice
    }
}

impl Session {
    /// A session over `timeline`, indexed once here.
    pub fn new(timeline: Rc<Timeline>, start: &Start) -> Session {
        let index = Rc::new(EventIndex::of_timeline(&timeline));
        let bounds = ViewBounds::of_extent(timeline.extent_days());
        let overview = Rc::new(Overview::of(&index, &bounds));
        let view = ViewState::fit(&bounds);
        let start_view = Rc::new((start.clone(), view.clone()));
        let tracks = Rc::new(Tracks::of(&timeline, start.tracks.by_for(&timeline)));
        let choice = start.tracks.clone();
        let mut session = Session { timeline, index, bounds, overview, view, tracks, choice, start: start_view };
        if let Some((start_days, end_days)) = start.window_days {
            session.view = session.view.apply(&ViewAction::Show { start_days, end_days }, &bounds);
        }
        if let Some(id) = &start.event {
            session = session.apply(&SessionAction::Focus(id.clone())).unwrap_or(session);
        }
        session.start = Rc::new((start.clone(), session.view.clone()));
        session
    }

    /// The data.
    pub fn timeline(&self) -> &Rc<Timeline> {
        &self.timeline
    }

    /// Its index (built once per data set).
    pub fn index(&self) -> &Rc<EventIndex> {
        &self.index
    }

    /// The data's extent, which the view keeps to.
    pub fn bounds(&self) -> ViewBounds {
        self.bounds
    }

    /// The overview strip's density (the window on it comes from [`Overview::window`]).
    pub fn overview(&self) -> &Rc<Overview> {
        &self.overview
    }

    /// What is shown.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// The events in tracks (none when they are shown as one row).
    pub fn tracks(&self) -> &Rc<Tracks> {
        &self.tracks
    }

    /// How the reader groups, collapses and hides tracks (what the URL says).
    pub fn track_choice(&self) -> &TrackChoice {
        &self.choice
    }

    /// The events a cluster of the current frame stands for (positions in `Timeline::events`, in
    /// time order), from its track's index or the timeline's.
    pub fn cluster_members(&self, cluster: &ClusterInfo) -> &[usize] {
        let index = cluster.track.and_then(|t| self.tracks.tracks().get(t)).map_or(&*self.index, |t| &t.index);
        index.members_at(cluster.first, cluster.members)
    }

    /// The event with this id, found in O(1).
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.index.position_of(id).and_then(|i| self.timeline.events.get(i))
    }

    /// The selected event.
    pub fn selected_event(&self) -> Option<&Event> {
        self.view.selected.as_deref().and_then(|id| self.event(id))
    }

    /// Where the selection is in the story, and its neighbours in time order (start, then end,
    /// then file order, as the index sorts): O(log n), so it can be asked on every render.
    pub fn story(&self) -> Story {
        let order = self.index.in_time_order();
        let events = &self.timeline.events;
        let step = |at: usize| {
            let event = &events[order[at]];
            (event.title.clone(), ViewAction::focus_on(event))
        };
        let position = self.view.selected.as_deref().and_then(|id| self.index.position_of(id)).and_then(|i| {
            let key = |j: usize| {
                let date = &events[j].date;
                (date.start_days(), date.end_days().max(date.start_days()), j)
            };
            let wanted = key(i);
            let at = order.partition_point(|&j| {
                let k = key(j);
                k.0.total_cmp(&wanted.0).then(k.1.total_cmp(&wanted.1)).then(k.2.cmp(&wanted.2)).is_lt()
            });
            (order.get(at) == Some(&i)).then_some(at)
        });
        let (previous, next) = match position {
            Some(at) => (at.checked_sub(1).map(step), (at + 1 < order.len()).then(|| step(at + 1))),
            None => (None, (!order.is_empty()).then(|| step(0))),
        };
        Story { count: order.len(), position: position.map(|at| at + 1), previous, next }
    }

    /// The session after `action`, or `None` when nothing changes (so nothing redraws).
    pub fn apply(&self, action: &SessionAction) -> Option<Session> {
        let next = match action {
            SessionAction::View(action) => self.with_view(self.view.apply(action, &self.bounds)),
            SessionAction::Focus(id) => self.with_view(self.view.apply(&ViewAction::focus_on(self.event(id)?), &self.bounds)),
            SessionAction::FollowLink(Some(id)) if self.event(id).is_some() => return self.apply(&SessionAction::Focus(id.clone())),
            SessionAction::FollowLink(_) => self.with_view(self.view.apply(&ViewAction::Deselect, &self.bounds)),
            // The data this session already shows: nothing to do (and no index to rebuild).
            SessionAction::Extend(timeline) | SessionAction::Replace(timeline) | SessionAction::Arrived(timeline)
                if Rc::ptr_eq(timeline, &self.timeline) =>
            {
                return None
            }
            SessionAction::Extend(timeline) => self.extended(timeline.clone()),
            SessionAction::Arrived(timeline) => self.arrived(timeline.clone()),
            SessionAction::Replace(timeline) => Session::new(timeline.clone(), &Start::default()),
            SessionAction::Tracks(action) => self.with_tracks(self.choice.apply(action)),
        };
        (next != *self).then_some(next)
    }

    fn with_view(&self, view: ViewState) -> Session {
        Session { view, ..self.clone() }
    }

    /// The same data and view with tracks as `choice` says (regrouped only when the grouping changes).
    fn with_tracks(&self, choice: TrackChoice) -> Session {
        let by = choice.by_for(&self.timeline);
        let tracks = if by == self.tracks.by() { self.tracks.clone() } else { Rc::new(Tracks::of(&self.timeline, by)) };
        Session { tracks, choice, ..self.clone() }
    }

    fn arrived(&self, timeline: Rc<Timeline>) -> Session {
        let (start, start_view) = &*self.start;
        // The reader's tracks stay as they are.
        let mut next = Session::new(timeline, &Start { tracks: self.choice.clone(), ..start.clone() });
        if self.view != *start_view {
            let selected = self.view.selected.clone().filter(|id| next.event(id).is_some());
            let all = ViewState::fit(&next.bounds);
            next.view = if self.view.start_days >= all.start_days && self.view.end_days <= all.end_days {
                // The data grew (as it does): the window is still within it, kept exactly.
                ViewState { selected, ..self.view.clone() }
            } else {
                let window = ViewAction::Show { start_days: self.view.start_days, end_days: self.view.end_days };
                ViewState { selected, ..all.apply(&window, &next.bounds) }
            };
        }
        next
    }

    fn extended(&self, timeline: Rc<Timeline>) -> Session {
        let mut next = Session::new(timeline, &Start { tracks: self.choice.clone(), ..Start::default() });
        let selected = self.view.selected.clone().filter(|id| next.event(id).is_some());
        next.view = if next.bounds.reaches_beyond(&self.bounds) { ViewState::fit(&next.bounds) } else { self.view.clone() };
        next.view.selected = selected;
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use citeline_model::seed::seed_timeline;

    fn seed() -> Rc<Timeline> {
        Rc::new(seed_timeline().expect("seed").0)
    }

    fn without(timeline: &Timeline, id: &str) -> Rc<Timeline> {
        let mut t = timeline.clone();
        t.events.retain(|e| e.id != id);
        Rc::new(t)
    }

    #[test]
    fn a_session_starts_on_everything_or_on_what_it_was_asked() {
        let whole = Session::new(seed(), &Start::default());
        assert_eq!(whole.view(), &ViewState::fit(&whole.bounds()));
        let focused = Session::new(
            seed(),
            &Start { window_days: Some((17_000.0, 17_100.0)), event: Some("contest-2011".into()), ..Start::default() },
        );
        let event = focused.selected_event().expect("focused");
        assert_eq!(event.id, "contest-2011");
        assert!(focused.view().start_days <= event.date.start_days() && focused.view().end_days >= event.date.end_days(), "in view");
        let unknown = Session::new(seed(), &Start { window_days: None, event: Some("nope".into()), ..Start::default() });
        assert_eq!(unknown.view().selected, None);
    }

    #[test]
    fn focus_reveals_then_selects_and_links_follow() {
        let s = Session::new(seed(), &Start { window_days: Some((17_600.0, 17_700.0)), event: None, ..Start::default() });
        let focused = s.apply(&SessionAction::Focus("contest-2011".into())).expect("changes");
        assert_eq!(focused.view().selected.as_deref(), Some("contest-2011"));
        assert!(focused.view().start_days <= focused.selected_event().expect("event").date.start_days());
        assert_eq!(s.apply(&SessionAction::Focus("nope".into())), None, "no such event: nothing happens");
        let linked = s.apply(&SessionAction::FollowLink(Some("contest-2011".into()))).expect("changes");
        assert_eq!(linked, focused);
        let cleared = linked.apply(&SessionAction::FollowLink(Some("nope".into()))).expect("changes");
        assert_eq!(cleared.view().selected, None);
        assert_eq!(cleared.apply(&SessionAction::FollowLink(None)), None, "already clear");
    }

    #[test]
    fn extending_keeps_the_window_unless_the_data_grew_beyond_it() {
        let base = seed();
        let s = Session::new(base.clone(), &Start::default())
            .apply(&SessionAction::View(ViewAction::ZoomAt { factor: 3.0, anchor_fraction: 0.9 }))
            .and_then(|s| s.apply(&SessionAction::Focus("global-internet-forum-trip".into())))
            .expect("changes");
        // Removing an event inside the extent keeps the window and the selection.
        let smaller = s.apply(&SessionAction::Extend(without(&base, "attacks-2017"))).expect("new data");
        assert_eq!(smaller.view(), s.view());
        // Data that reaches further: show everything, keep the selection.
        let mut wider = (*base).clone();
        let mut early = wider.events[0].clone();
        early.id = "early".into();
        early.date = "2001".parse::<citeline_model::date::DateValue>().map(citeline_model::date::EventDate::Point).expect("a date");
        wider.events.push(early);
        let grown = s.apply(&SessionAction::Extend(Rc::new(wider))).expect("new data");
        assert_eq!((grown.view().start_days, grown.view().end_days), {
            let fit = ViewState::fit(&grown.bounds());
            (fit.start_days, fit.end_days)
        });
        assert_eq!(grown.view().selected.as_deref(), Some("global-internet-forum-trip"));
        // The selected event removed: the selection goes with it.
        let gone = s.apply(&SessionAction::Extend(without(&base, "global-internet-forum-trip"))).expect("new data");
        assert_eq!(gone.view().selected, None);
        assert!(gone.event("global-internet-forum-trip").is_none());
    }

    #[test]
    fn the_rest_of_a_file_arriving_starts_over_unless_the_reader_moved() {
        let whole = seed();
        let first_part = without(&without(&whole, "contest-2011"), "global-internet-forum-trip");
        // Untouched: as if the whole file had been there, the asked-for event focused now.
        let start = Start { window_days: None, event: Some("global-internet-forum-trip".into()), ..Start::default() };
        let early = Session::new(first_part.clone(), &start);
        assert_eq!(early.view().selected, None, "not read yet");
        let arrived = early.apply(&SessionAction::Arrived(whole.clone())).expect("new data");
        assert_eq!(arrived.view(), Session::new(whole.clone(), &start).view());
        assert_eq!(arrived.view().selected.as_deref(), Some("global-internet-forum-trip"));
        // Still untouched on a further arrival; the same data again changes nothing.
        assert_eq!(arrived.apply(&SessionAction::Arrived(whole.clone())), None);
        let untouched = Session::new(first_part.clone(), &Start::default());
        let all = untouched.apply(&SessionAction::Arrived(whole.clone())).expect("new data");
        assert_eq!(all.view(), &ViewState::fit(&all.bounds()), "everything shown");
        // The reader zoomed and selected while it came: both stay.
        let moved = untouched
            .apply(&SessionAction::View(ViewAction::ZoomAt { factor: 3.0, anchor_fraction: 0.9 }))
            .and_then(|s| s.apply(&SessionAction::Focus("contest-2018-launch".into())))
            .expect("changes");
        let kept = moved.apply(&SessionAction::Arrived(whole.clone())).expect("new data");
        assert_eq!((kept.view().start_days, kept.view().end_days), (moved.view().start_days, moved.view().end_days));
        assert_eq!(kept.view().selected.as_deref(), Some("contest-2018-launch"));
        assert_eq!(kept.index().len(), whole.events.len());
    }

    #[test]
    fn replacing_shows_all_of_the_new_data() {
        let s = Session::new(
            seed(),
            &Start { window_days: Some((17_600.0, 17_700.0)), event: Some("contest-2011".into()), ..Start::default() },
        );
        let other = without(&seed(), "contest-2011");
        let replaced = s.apply(&SessionAction::Replace(other.clone())).expect("new data");
        assert_eq!(replaced.view(), &ViewState::fit(&replaced.bounds()));
        assert!(Rc::ptr_eq(replaced.timeline(), &other));
        assert_eq!(replaced.index().len(), other.events.len());
        assert_eq!(replaced.apply(&SessionAction::Replace(other.clone())), None, "the same data again changes nothing");
        assert_eq!(replaced.apply(&SessionAction::Extend(other)), None);
    }

    #[test]
    fn the_story_steps_through_every_event_in_time_order_and_back() {
        let session = Session::new(seed(), &Start::default());
        let start = session.story();
        assert_eq!((start.count, start.position, start.previous.is_none()), (session.index().len(), None, true));
        // From the start, Next walks every event once, in time order, each brought into view.
        let mut at = session.clone();
        let mut walked = Vec::new();
        while let Some((title, action)) = at.story().next {
            at = at.apply(&SessionAction::View(action)).expect("moves");
            let event = at.selected_event().expect("selected");
            assert_eq!(event.title, title);
            assert!(at.view().start_days <= event.date.start_days() && at.view().end_days >= event.date.end_days(), "in view");
            assert_eq!(at.story().position, Some(walked.len() + 1));
            walked.push(event.id.clone());
        }
        let in_order: Vec<String> = session.index().in_time_order().iter().map(|&i| session.timeline().events[i].id.clone()).collect();
        assert_eq!(walked, in_order);
        // And Previous walks back to the first.
        let mut back = Vec::new();
        while let Some((_, action)) = at.story().previous {
            at = at.apply(&SessionAction::View(action)).expect("moves");
            back.push(at.view().selected.clone().expect("selected"));
        }
        back.reverse();
        assert_eq!(back, in_order[..in_order.len() - 1]);
    }

    #[test]
    fn the_story_orders_ties_by_end_then_file_order_at_any_size() {
        // Events sharing a start (and an end): the order of the file decides, as the index's.
        let mut timeline = (*seed()).clone();
        let template = timeline.events[0].clone();
        timeline.events = (0..1000)
            .map(|i| {
                let mut e = template.clone();
                e.id = format!("e{i}");
                e.title = format!("E{i}");
                e.date = citeline_model::date::EventDate::Point(citeline_model::date::DateValue::year(2000 + (i % 7)).expect("year"));
                e
            })
            .collect();
        let session = Session::new(Rc::new(timeline), &Start::default());
        let order = session.index().in_time_order().to_vec();
        for (rank, &i) in order.iter().enumerate() {
            let id = session.timeline().events[i].id.clone();
            let at = session.apply(&SessionAction::View(ViewAction::Select(id))).expect("selects");
            assert_eq!(at.story().position, Some(rank + 1));
        }
    }
}
