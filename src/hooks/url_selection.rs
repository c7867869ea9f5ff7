//! The selection lives in the URL (`#event=<id>`): a link selects on load (see `app::start_of`),
//! back and forward follow the history, and each new selection is a new history entry.

use gloo::events::EventListener;
use yew::prelude::*;

use citeline_view::session::SessionAction;
use citeline_view::tracks::{TrackAction, TrackChoice};

use crate::{event_from_hash, hash_from_selection, hash_with_tracks, tracks_from_hash};

/// Keeps `selected` and the URL's fragment in step, both ways. Until `ready` (the person's own
/// events are read), a link to an event not drawn yet is left in the URL, and followed once ready.
#[hook]
pub fn use_url_selection(selected: Option<String>, ready: bool, dispatch: UseReducerDispatcher<crate::session::SessionState>) {
    // The person's own events arrived after the first render: a link to one of them now selects it.
    {
        let (dispatch, selected) = (dispatch.clone(), selected.clone());
        use_effect_with(ready, move |ready| {
            let linked = event_from_hash();
            if *ready && linked.is_some() && selected.is_none() {
                dispatch.dispatch(SessionAction::FollowLink(linked));
            }
        });
    }
    // Back and forward: follow the link in the URL.
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            // A jump within the page (the skip link's `#event-list`) is not a selection.
            let hash = gloo::utils::window().location().hash().unwrap_or_default();
            if hash.is_empty() || hash.contains('=') {
                dispatch.dispatch(SessionAction::FollowLink(event_from_hash()))
            }
        });
        move || drop(listener)
    });
    // A new selection: a new history entry, so back steps through the selections.
    use_effect_with((selected, ready), |(selected, ready)| {
        if selected.is_none() && !*ready {
            return;
        }
        crate::set_hash(&hash_from_selection(selected.as_deref()), true);
    });
}

/// Keeps the reader's tracks (how events are grouped, which tracks are collapsed or hidden) and
/// the URL's fragment in step, both ways: a change replaces the history entry (it is a way of
/// looking, not a step in the story), and back and forward restore what each entry had.
#[hook]
pub fn use_url_tracks(choice: TrackChoice, dispatch: UseReducerDispatcher<crate::session::SessionState>) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            dispatch.dispatch(SessionAction::Tracks(TrackAction::Set(tracks_from_hash())));
        });
        move || drop(listener)
    });
    use_effect_with(choice, |choice| crate::set_hash(&hash_with_tracks(choice), false));
}
