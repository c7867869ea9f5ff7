//! The label of each placed item (an event's button, or a cluster's) and the stem the layout
//! routed to it. Stems come before labels so labels sit on top.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use citeline_view::layout::{label_name, ClusterInfo, PlacedCluster, PlacedEvent, PlacedItem, Placement};
use citeline_view::view::ViewAction;

use crate::locale::Locale;

/// What a click on an item may do.
#[derive(Clone)]
pub struct ItemCallbacks {
    /// Select, deselect or zoom.
    pub on_action: Callback<ViewAction>,
    /// List a cluster's events (when zooming cannot separate them).
    pub on_list: Callback<ClusterInfo>,
    /// Set when a drag ended: the click that follows it is not a selection.
    pub swallow_click: Rc<Cell<bool>>,
    /// The reader's language.
    pub locale: Rc<Locale>,
}

/// An item's stem and label, under its element key (`citeline_view::elements`).
/// `found` is whether a search matched it (`None` with no search).
pub fn item(item: &PlacedItem, key: &str, pending: bool, found: Option<bool>, callbacks: &ItemCallbacks) -> Html {
    let search = found.map(|f| if f { "match" } else { "dimmed" });
    let locale = &callbacks.locale;
    match item {
        PlacedItem::Event(event) => event_label(event, key, pending, search, callbacks, locale),
        PlacedItem::Cluster(cluster) => cluster_label(cluster, key, search, callbacks, locale),
    }
}

fn event_label(
    p: &PlacedEvent,
    key: &str,
    pending: bool,
    search: Option<&'static str>,
    callbacks: &ItemCallbacks,
    locale: &Locale,
) -> Html {
    let onclick = {
        let (on_action, swallow_click) = (callbacks.on_action.clone(), callbacks.swallow_click.clone());
        let action = if p.selected { ViewAction::Deselect } else { ViewAction::Select(p.id.clone()) };
        Callback::from(move |_: MouseEvent| {
            if !swallow_click.replace(false) {
                on_action.emit(action.clone());
            }
        })
    };
    // In another language: the date in the reader's locale, and the name says what is shown.
    let (date, name) = if locale.english() {
        (p.date_label.clone(), p.accessible_name.clone())
    } else {
        let (short, long) = (locale.date_short(&p.date), locale.date_long(&p.date));
        let name = label_name(&p.title, &short, &long);
        (short, name)
    };
    html! {
        <key={key.to_owned()}>
            { stem(&p.placement, p.selected) }
            <button type="button"
                class={classes!("event", format!("precision-{}", p.granularity.as_str()), p.fuzzy.then_some("fuzzy"), p.selected.then_some("selected"), pending.then_some("pending"), search)}
                data-event-id={p.id.clone()} aria-label={name}
                aria-pressed={if p.selected { "true" } else { "false" }}
                ~style={label_geometry(&p.placement)} {onclick}>
                { label_text(&p.title, &date) }
            </button>
        </>
    }
}

/// A cluster: its count and when its events start. A click zooms in on it when that would
/// separate its events, and otherwise lists them.
fn cluster_label(c: &PlacedCluster, key: &str, search: Option<&'static str>, callbacks: &ItemCallbacks, locale: &Locale) -> Html {
    let info = c.info;
    let onclick = {
        let (on_action, on_list, swallow_click) = (callbacks.on_action.clone(), callbacks.on_list.clone(), callbacks.swallow_click.clone());
        Callback::from(move |_: MouseEvent| {
            if swallow_click.replace(false) {
                return;
            }
            match info.zoom_action() {
                Some(zoom) => on_action.emit(zoom),
                None => on_list.emit(info),
            }
        })
    };
    let hint = if info.splits { "zoom in to see them" } else { "list them" };
    // In another language: its count and dates in the reader's words, which name it too.
    let (title, date, name) = if locale.english() {
        (c.title.clone(), c.date_label.clone(), format!("{}; {hint}", c.accessible_name))
    } else {
        let title = locale.f(citeline_view::locale::Msg::EventsCount, &[&locale.number(info.count)]);
        let date = locale.span(info.start_days, info.last_start_days, &c.date_label);
        let name = label_name(&title, &date, &date);
        (title, date, name)
    };
    html! {
        <key={key.to_owned()}>
            { stem(&c.placement, false) }
            <button type="button" class={classes!("event", "cluster", format!("density-{}", info.density), search)}
                data-cluster={info.count.to_string()} data-cluster-key={c.key.clone()} aria-label={name}
                ~style={label_geometry(&c.placement)} {onclick}>
                { label_text(&title, &date) }
            </button>
        </>
    }
}

/// The line from a label down towards its marker, as routed by the layout. One that reaches the
/// axis runs on to the marker (`to-axis`).
fn stem(p: &Placement, selected: bool) -> Html {
    html! {
        <span class={classes!("stem", selected.then_some("selected"), p.stem_reaches_axis().then_some("to-axis"))} aria-hidden="true"
            ~style={format!("left:{}px;bottom:{}px;height:{}px", p.stem_x_px, p.stem_bottom_px, p.stem_height_px)}></span>
    }
}

/// Where a label box goes.
fn label_geometry(p: &Placement) -> String {
    format!("left:{}px;width:{}px;bottom:{}px", p.label_x_px, p.label_width_px, p.label_bottom_px)
}

/// A label's two lines: title and date.
fn label_text(title: &str, date: &str) -> Html {
    // The space between the two lines is not seen (both are blocks) but keeps the words apart in
    // the label's text, which must contain what it shows (axe: label-content-name-mismatch).
    html! { <><span class="event-title">{ title }</span>{ " " }<span class="event-date">{ date }</span></> }
}
