//! The events of a cluster that zooming cannot separate (they start together), as a list.

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::Locale;

use citeline_model::timeline::Timeline;
use citeline_view::layout::ClusterInfo;
use citeline_view::locale::Msg;
use citeline_view::session::Session;
use citeline_view::view::ViewAction;

/// How many of a listed cluster's events are shown at first ("Show more" adds five times as many).
const LIST_PAGE: usize = 100;

#[derive(Properties)]
pub struct ClusterListProps {
    /// The cluster listed.
    pub cluster: ClusterInfo,
    /// The session whose frame drew it (its members are in its index or its track's).
    pub session: Session,
    /// The events.
    pub timeline: Rc<Timeline>,
    /// The selected event's id.
    pub selected: Option<String>,
    /// Selecting an event.
    pub on_action: Callback<ViewAction>,
    /// Closing the list.
    pub on_close: Callback<()>,
}

impl PartialEq for ClusterListProps {
    fn eq(&self, other: &Self) -> bool {
        self.cluster == other.cluster
            && Rc::ptr_eq(self.session.index(), other.session.index())
            && Rc::ptr_eq(self.session.tracks(), other.session.tracks())
            && Rc::ptr_eq(&self.timeline, &other.timeline)
            && self.selected == other.selected
            && self.on_action == other.on_action
            && self.on_close == other.on_close
    }
}

#[function_component(ClusterList)]
pub fn cluster_list(props: &ClusterListProps) -> Html {
    let shown = use_state(|| LIST_PAGE);
    let members = props.session.cluster_members(&props.cluster);
    let locale = use_context::<Locale>().unwrap_or_default();
    let heading = members
        .first()
        .map(|&i| locale.f(Msg::EventsThatStart, &[&locale.number(members.len()), &locale.date_long(&props.timeline.events[i].date)]))
        .unwrap_or_default();
    let close = props.on_close.reform(|_: MouseEvent| ());
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LIST_PAGE * 5))
    };
    html! {
        <section class="cluster-list" aria-label={heading.clone()}>
            <div class="cluster-list-head">
                <h2>{ heading }</h2>
                <button type="button" class="close" aria-label={locale.t(Msg::CloseTheList)} onclick={close}>{ "×" }</button>
            </div>
            <ol>
                { for members.iter().take(*shown).map(|&i| {
                    let event = &props.timeline.events[i];
                    let selected = props.selected.as_deref() == Some(event.id.as_str());
                    let onclick = props.on_action.reform({
                        let id = event.id.clone();
                        move |_: MouseEvent| ViewAction::Select(id.clone())
                    });
                    html! {
                        <li><button type="button" class={classes!("list-event", selected.then_some("selected"))}
                            data-list-event-id={event.id.clone()} aria-pressed={if selected { "true" } else { "false" }} {onclick}>
                            <span class="event-title">{ &event.title }</span>
                            <span class="event-date">{ locale.date_short(&event.date) }</span>
                        </button></li>
                    }
                }) }
            </ol>
            if members.len() > *shown {
                <button type="button" class="tool" onclick={more}>{ locale.f(Msg::ShowMoreNotShown, &[&locale.number(members.len() - *shown)]) }</button>
            }
        </section>
    }
}
