//! The timeline: toolbar, lanes of labels with their stems, the axis with markers and ticks, the
//! list of a cluster that cannot split, and the overview strip, all drawn exactly as
//! `citeline_view` laid them out. Input becomes `ViewAction`s (see `gestures` and
//! `citeline_view::input`).

mod axis;
mod cluster_list;
mod gestures;
mod items;
mod overview;
mod toolbar;
mod tracks;

use std::collections::HashSet;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use citeline_view::input::plot_key_action;
use citeline_view::layout::{layout_tracked, ClusterInfo, TrackInput};
use citeline_view::session::Session;
use citeline_view::tracks::{TrackAction, TrackBy};
use citeline_view::view::ViewAction;

use crate::cssom::width_of;
use crate::hooks::Same;
use crate::locale::Locale;
use citeline_view::locale::Msg;
use cluster_list::ClusterList;
use gestures::use_gestures;
use items::ItemCallbacks;
use overview::OverviewStrip;
use toolbar::Toolbar;
use tracks::{track_menu, track_rows, TrackLegend};

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    /// The data, its index and the view.
    pub session: Session,
    /// What input asks for.
    pub on_action: Callback<ViewAction>,
    /// What the track controls ask for.
    pub on_tracks: Callback<TrackAction>,
    /// Events proposed from the person's documents and not yet accepted (drawn dashed).
    #[prop_or_default]
    pub pending: Rc<HashSet<String>>,
    /// What the reader's search found: matches stand out, the rest are dimmed.
    #[prop_or_default]
    pub search: Option<Rc<citeline_view::search::SearchResult>>,
}

/// The plot's width before it can be measured: what styles/main.css gives it at the window's width
/// (`citeline_view::page`, which the static view's width variants use too). Laying the first
/// frame out at this width spares the reader a second layout (a visible jump) once the plot is
/// measured, which still corrects it.
fn plot_width_guess_px() -> f64 {
    let window_px = gloo::utils::window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(1280.0);
    citeline_view::page::plot_width_px(window_px)
}

#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let plot = use_node_ref();
    let width_px = use_state(plot_width_guess_px);
    let gestures = use_gestures(&plot, &props.on_action);
    let (timeline, index, view) = (props.session.timeline(), props.session.index(), props.session.view());
    let locale = Rc::new(use_context::<Locale>().unwrap_or_default());

    // Measure the plot now and whenever the window resizes.
    {
        let (plot, width_px) = (plot.clone(), width_px.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(w) = width_of(&plot).filter(|w| (w - *width_px).abs() > 0.5) {
                    width_px.set(w);
                }
            };
            measure();
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || drop(listener)
        });
    }

    let frame = {
        let width = *width_px;
        use_memo((props.session.clone(), (width * 2.0).round() as i64), move |(session, _)| {
            let tracks = TrackInput { tracks: session.tracks(), choice: session.track_choice() };
            layout_tracked(session.timeline(), session.index(), Some(tracks), session.view(), width)
        })
    };

    // Keys zoom about the focused event (else the centre). If the focused event leaves the view,
    // focus falls back to the plot itself so the keyboard keeps working.
    let keyboard_in_plot = use_mut_ref(|| false);
    let on_key_down = {
        let (on_action, frame, keyboard_in_plot) = (props.on_action.clone(), frame.clone(), keyboard_in_plot.clone());
        let has_selection = view.selected.is_some();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let focused = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()).and_then(|el| el.get_attribute("data-event-id"));
            let anchor_fraction = focused.and_then(|id| frame.anchor_fraction_of(&id)).unwrap_or(0.5);
            let Some(action) = plot_key_action(&e.key(), anchor_fraction, has_selection) else { return };
            e.prevent_default();
            *keyboard_in_plot.borrow_mut() = true;
            on_action.emit(action);
        })
    };
    {
        let plot = plot.clone();
        use_effect(move || {
            if std::mem::take(&mut *keyboard_in_plot.borrow_mut()) {
                let lost = gloo::utils::document().active_element().is_none_or(|a| a == gloo::utils::body().into());
                if let Some(el) = plot.cast::<HtmlElement>().filter(|_| lost) {
                    let _ = el.focus();
                }
            }
        });
    }
    // Taking over the static view: its focused label's event keeps the focus.
    {
        let plot = plot.clone();
        use_effect_with((), move |_| {
            let id = crate::take_over_focus();
            let label = plot.cast::<HtmlElement>().zip(id).and_then(|(plot, id)| {
                plot.query_selector_all("button[data-event-id]").ok().and_then(|labels| {
                    (0..labels.length())
                        .filter_map(|i| labels.get(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()))
                        .find(|el| el.get_attribute("data-event-id").as_deref() == Some(id.as_str()))
                })
            });
            if let Some(label) = label {
                let _ = label.focus();
            }
        });
    }

    // A cluster whose events start together, listed below the plot; new data closes it.
    let listing = use_state(|| None::<ClusterInfo>);
    {
        let listing = listing.clone();
        use_effect_with((Same(timeline.clone()), Same(props.session.tracks().clone())), move |_| listing.set(None));
    }
    // Which groupings make sense for this data.
    let offered = use_memo(Same(timeline.clone()), |Same(t)| TrackBy::offered(t));
    let callbacks = ItemCallbacks {
        on_action: props.on_action.clone(),
        on_list: {
            let listing = listing.clone();
            Callback::from(move |c: ClusterInfo| listing.set(Some(c)))
        },
        swallow_click: gestures.swallow_click.clone(),
        locale: locale.clone(),
    };
    let on_close_list = {
        let listing = listing.clone();
        Callback::from(move |()| listing.set(None))
    };
    // Which element each item takes: events their own, clusters one that stays or one freed.
    let element_keys = use_mut_ref(citeline_view::elements::ElementKeys::default);
    let keys = {
        let focused = gloo::utils::document().active_element().and_then(|el| el.get_attribute("data-cluster-key"));
        let track_of = |i: usize| frame.tracks.iter().position(|t| (t.first..t.first + t.len).contains(&i));
        element_keys.borrow_mut().assign(&frame.items, track_of, focused.as_deref())
    };
    let window_label = locale.window(view.start_days, view.end_days, &view.window_label());
    let ticks = locale.ticks(&frame.ticks);
    let found =
        |p: &citeline_view::layout::PlacedItem| props.search.as_ref().map(|r| citeline_view::search::item_matches(&props.session, r, p));

    html! {
        <section class="timeline" aria-label={locale.t(Msg::Timeline)}>
            <Toolbar window_label={window_label.clone()} on_action={props.on_action.clone()} locale={(*locale).clone()}>
                { track_menu(&offered, props.session.tracks().by(), &props.on_tracks, &locale) }
            </Toolbar>
            <TrackLegend tracks={frame.tracks.clone()} on_tracks={props.on_tracks.clone()} locale={(*locale).clone()} />
            <div class="plot" ref={plot.clone()} onkeydown={on_key_down} tabindex="-1"
                data-view-start-days={view.start_days.to_string()} data-view-end-days={view.end_days.to_string()}
                onpointerdown={gestures.on_pointer_down} onpointermove={gestures.on_pointer_move}
                onpointerup={gestures.on_pointer_up.clone()} onpointercancel={gestures.on_pointer_up}>
                { for frame.eras.iter().map(|era| html! {
                    <div class="era" ~style={format!("left:{}px;width:{}px", era.x_px, era.width_px)}>
                        <span class="era-title">{ &era.title }</span>
                    </div>
                }) }
                // The lane count is also a class, which gives the lanes their height in the CSS too.
                if frame.tracks.is_empty() {
                    <div class={classes!("lanes", format!("lanes-{}", frame.lane_count.max(1)))} ~style={format!("height:{}px", frame.lanes_height_px)}>
                        { for frame.items.iter().zip(&keys).map(|(p, key)| items::item(p, key, props.pending.contains(p.key()), found(p), &callbacks)) }
                    </div>
                } else {
                    { track_rows(&frame, &keys, &props.on_tracks, &found, &|key| props.pending.contains(key), &callbacks, &locale) }
                }
                { axis::axis(&frame, &keys, &ticks) }
            </div>
            if let Some(cluster) = *listing {
                <ClusterList key={format!("{:?}-{}-{}", cluster.track, cluster.first, cluster.members)} {cluster} session={props.session.clone()} timeline={timeline.clone()}
                    selected={view.selected.clone()} on_action={props.on_action.clone()} on_close={on_close_list} />
            }
            <OverviewStrip overview={props.session.overview().clone()} event_count={index.len()} view={view.clone()} {window_label}
                on_action={gestures.batched.clone()} />
            <p class="hint">
                <span class="hint-pointer">{ locale.t(Msg::HintPointer) }</span>
                <span class="hint-touch">{ locale.t(Msg::HintTouch) }</span>
            </p>
        </section>
    }
}
