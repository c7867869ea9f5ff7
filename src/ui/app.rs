//! The page: loads the seed timeline, holds the view state (a thin `Reducible` over the core's
//! reducer) and keeps the selection in the URL (`#event=<id>`, pushState so back/forward step
//! through selections).

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::core::seed::seed_timeline;
use crate::core::timeline::{Diagnostic, Timeline};
use crate::core::view::{ViewAction, ViewBounds, ViewState};

use super::detail_panel::DetailPanel;
use super::timeline_view::TimelineView;
use super::{event_from_hash, hash_for};

/// View state plus the bounds the reducer needs.
#[derive(Clone, PartialEq)]
pub struct ViewModel {
    /// The current view.
    pub view: ViewState,
    /// Data extent.
    pub bounds: ViewBounds,
}

impl Reducible for ViewModel {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let view = self.view.apply(&action, &self.bounds);
        if view == self.view {
            return self;
        }
        Rc::new(ViewModel { view, bounds: self.bounds })
    }
}

/// Selects the event named in the URL (or clears the selection) and brings it into view.
fn sync_from_hash(timeline: &Timeline, dispatch: &UseReducerDispatcher<ViewModel>) {
    match event_from_hash().and_then(|id| timeline.event(&id)) {
        Some(event) => {
            dispatch.dispatch(ViewAction::Reveal { start_days: event.date.start_days(), end_days: event.date.end_days() });
            dispatch.dispatch(ViewAction::Select(event.id.clone()));
        }
        None => dispatch.dispatch(ViewAction::Deselect),
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let loaded = use_memo((), |_| seed_timeline().map(|(t, d)| (Rc::new(t), d)));
    match &*loaded {
        Ok((timeline, diagnostics)) => html! { <Loaded timeline={timeline.clone()} diagnostics={diagnostics.clone()} /> },
        Err(e) => html! {
            <div class="load-error" role="alert">{ format!("The seed timeline could not be loaded: {e}") }</div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct LoadedProps {
    timeline: Rc<Timeline>,
    diagnostics: Vec<Diagnostic>,
}

#[function_component(Loaded)]
fn loaded(props: &LoadedProps) -> Html {
    let timeline = props.timeline.clone();
    let bounds = ViewBounds { extent_days: timeline.extent_days().unwrap_or((17_000.0, 17_365.0)) };
    let model = use_reducer(|| ViewModel { view: ViewState::fit(&bounds), bounds });

    // The URL drives the selection on load and on back/forward.
    {
        let timeline = timeline.clone();
        let dispatch = model.dispatcher();
        use_effect_with((), move |_| {
            sync_from_hash(&timeline, &dispatch);
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| sync_from_hash(&timeline, &dispatch));
            move || drop(listener)
        });
    }
    // ... and the selection drives the URL: a new entry per selection, so back steps through them.
    {
        let selected = model.view.selected.clone();
        use_effect_with(selected, |selected| {
            let window = gloo::utils::window();
            let wanted = hash_for(selected.as_deref());
            let current = window.location().hash().unwrap_or_default();
            if current != wanted {
                let url = if wanted.is_empty() {
                    let location = window.location();
                    format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
                } else {
                    wanted
                };
                if let Ok(history) = window.history() {
                    let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            }
        });
    }

    let on_action = {
        let dispatch = model.dispatcher();
        Callback::from(move |action: ViewAction| dispatch.dispatch(action))
    };
    let selected_event = model.view.selected.as_deref().and_then(|id| timeline.event(id)).cloned();

    html! {
        <>
            <header class="masthead">
                <h1><span class="brand">{ "Citeline" }</span></h1>
                <p class="subtitle">{ &timeline.title }</p>
                <p class="lede">{ "Every event carries its evidence: select one to read the passages that date and describe it." }</p>
            </header>
            if !props.diagnostics.is_empty() {
                <section class="diagnostics" role="alert" aria-label="Problems in the data">
                    <h2>{ "Some of the data could not be used" }</h2>
                    <ul>{ for props.diagnostics.iter().map(|d| html! { <li>{ d.to_string() }</li> }) }</ul>
                </section>
            }
            <TimelineView timeline={timeline.clone()} view={model.view.clone()} on_action={on_action.clone()} />
            <DetailPanel timeline={timeline.clone()} event={selected_event} on_action={on_action} />
        </>
    }
}
