//! The timeline: axis, markers and labels exactly as `core::layout` placed them, plus the input
//! handling that turns wheel, drag, pinch, buttons and keys into `ViewAction`s.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, PointerEvent, WheelEvent};
use yew::prelude::*;

use citeline_model::date::{date_from_days, DateValue};
use citeline_model::timeline::Timeline;
use citeline_view::index::EventIndex;
use citeline_view::layout::{index_timeline, layout_indexed, ClusterInfo, MarkKind, PlacedEvent, LANE_PX};
use citeline_view::ticks::TickUnit;
use citeline_view::view::{ViewAction, ViewBounds, ViewState, ZOOM_STEP};

/// Movement (px) before a press becomes a drag rather than a click.
const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Fraction of the window one arrow key press pans.
const ARROW_PAN: f64 = 0.2;

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    pub timeline: Rc<Timeline>,
    pub view: ViewState,
    pub on_action: Callback<ViewAction>,
    /// Events proposed from the person's documents and not yet accepted (drawn dashed).
    #[prop_or_default]
    pub pending: Rc<std::collections::HashSet<String>>,
}

/// Pointers currently down on the plot, and what they are doing.
#[derive(Default)]
struct Gesture {
    /// Last known client position of each pointer.
    pointers: HashMap<i32, (f64, f64)>,
    /// Where the first pointer went down.
    origin: (f64, f64),
    /// Whether the press has become a drag (so the click that ends it is not a selection).
    dragging: bool,
    /// Set when a drag ends; the click that follows is swallowed.
    swallow_click: bool,
}

/// The index of the data drawn, compared by identity (it is rebuilt only when the data changes).
#[derive(Clone)]
struct SharedIndex(Rc<EventIndex>);

impl PartialEq for SharedIndex {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Wheel, pinch and drag input gathered between two animation frames, applied once per frame.
#[derive(Default)]
struct Pending {
    /// Product of the zoom factors asked for.
    zoom: f64,
    /// Where the latest zoom was anchored.
    anchor_fraction: f64,
    /// Sum of the pans asked for (fractions of the window).
    pan: f64,
    /// The frame that will apply them, if one is booked.
    frame: Option<gloo::render::AnimationFrame>,
}

/// Queues a zoom or pan for the next animation frame; other actions go straight through.
fn coalesce(pending: &Rc<RefCell<Pending>>, on_action: &Callback<ViewAction>, action: ViewAction) {
    let mut p = pending.borrow_mut();
    match action {
        ViewAction::ZoomAt { factor, anchor_fraction } => {
            p.zoom = if p.zoom == 0.0 { factor } else { p.zoom * factor };
            p.anchor_fraction = anchor_fraction;
        }
        ViewAction::PanByFraction(f) => p.pan += f,
        other => {
            drop(p);
            on_action.emit(other);
            return;
        }
    }
    if p.frame.is_none() {
        let pending = pending.clone();
        let on_action = on_action.clone();
        p.frame = Some(gloo::render::request_animation_frame(move |_| {
            let (zoom, anchor_fraction, pan) = {
                let mut p = pending.borrow_mut();
                p.frame = None;
                let taken = (p.zoom, p.anchor_fraction, p.pan);
                p.zoom = 0.0;
                p.pan = 0.0;
                taken
            };
            if pan != 0.0 {
                on_action.emit(ViewAction::PanByFraction(pan));
            }
            if zoom != 0.0 && zoom != 1.0 {
                on_action.emit(ViewAction::ZoomAt { factor: zoom, anchor_fraction });
            }
        }));
    }
}

fn unit_name(unit: TickUnit) -> &'static str {
    match unit {
        TickUnit::Years => "years",
        TickUnit::Months => "months",
        TickUnit::Days => "days",
        TickUnit::Hours => "hours",
    }
}

fn element_width(node: &NodeRef) -> Option<f64> {
    let el = node.cast::<HtmlElement>()?;
    let w = el.get_bounding_client_rect().width();
    (w > 0.0).then_some(w)
}

/// Horizontal position of a client x as a fraction of the element's width.
fn fraction_at(el: &HtmlElement, client_x: f64) -> f64 {
    let rect = el.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return 0.5;
    }
    ((client_x - rect.left()) / rect.width()).clamp(0.0, 1.0)
}

#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let plot = use_node_ref();
    let width = use_state(|| 960.0_f64);
    let gesture = use_mut_ref(Gesture::default);
    // Built once per data set; every frame only queries it.
    let index = use_memo(props.timeline.clone(), |t| SharedIndex(Rc::new(index_timeline(t))));
    let index: SharedIndex = (*index).clone();
    // Wheel, pinch and drag are applied once per animation frame.
    let pending = use_mut_ref(Pending::default);
    let per_frame = {
        let pending = pending.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |action: ViewAction| coalesce(&pending, &on_action, action))
    };

    // Measure the plot now and whenever the window resizes.
    {
        let plot = plot.clone();
        let width = width.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(w) = element_width(&plot) {
                    if (w - *width).abs() > 0.5 {
                        width.set(w);
                    }
                }
            };
            measure();
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || drop(listener)
        });
    }

    // Wheel zoom needs a non-passive listener to keep the page from scrolling.
    {
        let plot = plot.clone();
        let on_action = per_frame.clone();
        use_effect_with((), move |_| {
            let listener = plot.cast::<HtmlElement>().map(|el| {
                let target = el.clone();
                EventListener::new_with_options(&target, "wheel", EventListenerOptions::enable_prevent_default(), move |event| {
                    let Some(event) = event.dyn_ref::<WheelEvent>() else { return };
                    // Lines and pages are turned into pixels so every device zooms at a similar rate.
                    let per_unit = match event.delta_mode() {
                        1 => 40.0,
                        2 => 800.0,
                        _ => 1.0,
                    };
                    let (dx, dy) = (event.delta_x() * per_unit, event.delta_y() * per_unit);
                    if dx.abs() > dy.abs() {
                        let w = el.get_bounding_client_rect().width().max(1.0);
                        on_action.emit(ViewAction::PanByFraction(dx / w));
                    } else if dy != 0.0 {
                        let factor = (-dy * 0.0025).exp().clamp(0.25, 4.0);
                        on_action.emit(ViewAction::ZoomAt { factor, anchor_fraction: fraction_at(&el, f64::from(event.client_x())) });
                    }
                    event.prevent_default();
                })
            });
            move || drop(listener)
        });
    }

    let frame = {
        let width = *width;
        use_memo(
            (props.timeline.clone(), index.clone(), props.view.clone(), (width * 2.0).round() as i64),
            move |(timeline, index, view, _)| layout_indexed(timeline, &index.0, view, width),
        )
    };

    let on_pointer_down = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let mut g = gesture.borrow_mut();
            if g.pointers.is_empty() {
                g.origin = (f64::from(e.client_x()), f64::from(e.client_y()));
                g.dragging = false;
                g.swallow_click = false;
            }
            g.pointers.insert(e.pointer_id(), (f64::from(e.client_x()), f64::from(e.client_y())));
        })
    };
    let on_pointer_move = {
        let gesture = gesture.clone();
        let on_action = per_frame.clone();
        let plot = plot.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(el) = plot.cast::<HtmlElement>() else { return };
            let mut g = gesture.borrow_mut();
            let id = e.pointer_id();
            let Some(&previous) = g.pointers.get(&id) else { return };
            let now = (f64::from(e.client_x()), f64::from(e.client_y()));
            let width = el.get_bounding_client_rect().width().max(1.0);
            if g.pointers.len() >= 2 {
                // Pinch: the ratio of the distances between the two pointers, about their midpoint.
                let other = g.pointers.iter().find(|(k, _)| **k != id).map(|(_, v)| *v);
                if let Some(other) = other {
                    let before = (previous.0 - other.0).hypot(previous.1 - other.1);
                    let after = (now.0 - other.0).hypot(now.1 - other.1);
                    if before > 1.0 && after > 1.0 {
                        let mid = (now.0 + other.0) / 2.0;
                        on_action.emit(ViewAction::ZoomAt { factor: after / before, anchor_fraction: fraction_at(&el, mid) });
                    }
                }
                g.dragging = true;
            } else {
                if !g.dragging && (now.0 - g.origin.0).hypot(now.1 - g.origin.1) >= DRAG_THRESHOLD_PX {
                    g.dragging = true;
                    let _ = el.set_pointer_capture(id);
                }
                if g.dragging {
                    on_action.emit(ViewAction::PanByFraction(-(now.0 - previous.0) / width));
                }
            }
            g.pointers.insert(id, now);
        })
    };
    let on_pointer_up = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.remove(&e.pointer_id());
            if g.pointers.is_empty() && g.dragging {
                g.swallow_click = true;
                g.dragging = false;
            }
        })
    };

    // Keys zoom about the focused event (else the centre). If the focused event leaves the view,
    // focus falls back to the plot itself so the keyboard keeps working.
    let keyboard_in_plot = use_mut_ref(|| false);
    let on_key_down = {
        let on_action = props.on_action.clone();
        let selected = props.view.selected.clone();
        let frame = frame.clone();
        let keyboard_in_plot = keyboard_in_plot.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let focused = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .and_then(|el| el.get_attribute("data-event-id"))
                .and_then(|id| frame.events.iter().find(|p| p.id == id))
                .map(|p| ((p.marker_x_px + p.marker_width_px / 2.0) / frame.width_px).clamp(0.0, 1.0));
            let anchor_fraction = focused.unwrap_or(0.5);
            let action = match e.key().as_str() {
                "+" | "=" => ViewAction::ZoomAt { factor: ZOOM_STEP, anchor_fraction },
                "-" | "_" => ViewAction::ZoomAt { factor: 1.0 / ZOOM_STEP, anchor_fraction },
                "ArrowLeft" => ViewAction::PanByFraction(-ARROW_PAN),
                "ArrowRight" => ViewAction::PanByFraction(ARROW_PAN),
                "Home" => ViewAction::Fit,
                "Escape" if selected.is_some() => ViewAction::Deselect,
                _ => return,
            };
            e.prevent_default();
            *keyboard_in_plot.borrow_mut() = true;
            on_action.emit(action);
        })
    };
    {
        let plot = plot.clone();
        use_effect(move || {
            if std::mem::take(&mut *keyboard_in_plot.borrow_mut()) {
                let active = gloo::utils::document().active_element();
                let lost = active.is_none_or(|a| a == gloo::utils::body().into());
                if lost {
                    if let Some(el) = plot.cast::<HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
        });
    }

    let button = |label: &'static str, text: &'static str, key: &'static str, action: ViewAction| {
        let on_action = props.on_action.clone();
        html! {
            <button type="button" class="tool" aria-label={label} title={format!("{label} ({key})")}
                aria-keyshortcuts={key}
                onclick={Callback::from(move |_| on_action.emit(action.clone()))}>{ text }</button>
        }
    };

    // Geometry goes in through the CSSOM, not style attributes, so a strict Content-Security-Policy
    // (style-src 'self') needs no 'unsafe-inline'.
    {
        let plot = plot.clone();
        use_effect(move || apply_geometry(&plot));
    }

    // A cluster whose events start together, listed below the plot; new data closes it.
    let listing = use_state(|| None::<ClusterInfo>);
    {
        let listing = listing.clone();
        use_effect_with(props.timeline.clone(), move |_| listing.set(None));
    }
    let on_list = {
        let listing = listing.clone();
        Callback::from(move |c: ClusterInfo| listing.set(Some(c)))
    };
    let on_close_list = {
        let listing = listing.clone();
        Callback::from(move |()| listing.set(None))
    };
    let lanes_px = frame.lane_count.max(1) as f64 * LANE_PX;
    let range_label = format!("Showing {} to {}", day_label(props.view.start_days), day_label(props.view.end_days),);

    html! {
        <section class="timeline" aria-label="Timeline">
            <div class="toolbar" role="toolbar" aria-label="Zoom and pan">
                { button("Zoom out", "−", "-", ViewAction::ZoomAt { factor: 1.0 / ZOOM_STEP, anchor_fraction: 0.5 }) }
                { button("Zoom in", "+", "+", ViewAction::ZoomAt { factor: ZOOM_STEP, anchor_fraction: 0.5 }) }
                { button("Earlier", "←", "ArrowLeft", ViewAction::PanByFraction(-ARROW_PAN)) }
                { button("Later", "→", "ArrowRight", ViewAction::PanByFraction(ARROW_PAN)) }
                { button("Fit all", "Fit all", "Home", ViewAction::Fit) }
                <p class="range" aria-live="polite">{ range_label }</p>
            </div>
            <div class="plot" ref={plot.clone()} onkeydown={on_key_down} tabindex="-1"
                data-view-start-days={props.view.start_days.to_string()} data-view-end-days={props.view.end_days.to_string()}
                onpointerdown={on_pointer_down} onpointermove={on_pointer_move}
                onpointerup={on_pointer_up.clone()} onpointercancel={on_pointer_up}>
                { for frame.eras.iter().map(|era| html! {
                    <div class="era" data-style={format!("left:{}px;width:{}px", era.x_px, era.width_px)}>
                        <span class="era-title">{ &era.title }</span>
                    </div>
                }) }
                <div class="lanes" data-style={format!("height:{lanes_px}px")}>
                    { for frame.events.iter().map(|p| event_label(p, props.pending.contains(&p.id), &props.on_action, &on_list, &gesture)) }
                </div>
                <div class="axis" data-tick-unit={unit_name(frame.ticks.unit)} data-tick-step={frame.ticks.step.to_string()} aria-hidden="true">
                    <div class="axis-line"></div>
                    { for frame.events.iter().map(marker) }
                    { for frame.ticks.minor.iter().map(|t| html! {
                        <span class="tick" data-style={format!("left:{}px", t.x_px)}><span class="tick-label">{ &t.label }</span></span>
                    }) }
                    <div class="major-ticks">
                        { for frame.ticks.major.iter().map(|t| html! {
                            <span class="major-tick" data-style={format!("left:{}px", t.x_px)}>{ &t.label }</span>
                        }) }
                    </div>
                </div>
            </div>
            if let Some(cluster) = *listing {
                <ClusterList key={format!("{}-{}", cluster.first, cluster.members)} {cluster} index={index.clone()} timeline={props.timeline.clone()}
                    selected={props.view.selected.clone()} on_action={props.on_action.clone()} on_close={on_close_list} />
            }
            <Overview index={index.clone()} timeline={props.timeline.clone()} view={props.view.clone()} on_action={per_frame.clone()} />
            <p class="hint">
                <span class="hint-pointer">{ "Scroll to zoom, drag to pan. Keys: + and − zoom, arrows pan, Home fits all, Tab moves between events." }</span>
                <span class="hint-touch">{ "Pinch to zoom, drag to pan, tap an event for its evidence." }</span>
            </p>
        </section>
    }
}

/// Copies each `data-style` in the plot into the element's style through the CSSOM.
fn apply_geometry(plot: &NodeRef) {
    let Some(root) = plot.cast::<HtmlElement>() else { return };
    let Ok(list) = root.query_selector_all("[data-style]") else { return };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else { continue };
        el.style().set_css_text(&el.get_attribute("data-style").unwrap_or_default());
    }
}

fn day_label(t_days: f64) -> String {
    date_from_days(t_days).map(|d| DateValue::from_date(d).display_short()).unwrap_or_default()
}

fn marker(p: &PlacedEvent) -> Html {
    let class = classes!(
        "marker",
        match (p.kind, &p.cluster) {
            (_, Some(_)) => "marker-cluster",
            (MarkKind::Point, None) => "marker-point",
            (MarkKind::Span, None) => "marker-span",
        },
        p.cluster.map(|c| format!("density-{}", c.density)),
        p.selected.then_some("selected")
    );
    html! {
        <span class={class} data-marker-for={p.id.clone()}
            data-style={format!("left:{}px;width:{}px", p.marker_x_px, p.marker_width_px)}></span>
    }
}

fn event_label(
    p: &PlacedEvent,
    pending: bool,
    on_action: &Callback<ViewAction>,
    on_list: &Callback<ClusterInfo>,
    gesture: &Rc<RefCell<Gesture>>,
) -> Html {
    if let Some(cluster) = p.cluster {
        return cluster_label(p, cluster, on_action, on_list, gesture);
    }
    let onclick = {
        let on_action = on_action.clone();
        let gesture = gesture.clone();
        let id = p.id.clone();
        let selected = p.selected;
        Callback::from(move |_: MouseEvent| {
            if std::mem::take(&mut gesture.borrow_mut().swallow_click) {
                return;
            }
            on_action.emit(if selected { ViewAction::Deselect } else { ViewAction::Select(id.clone()) });
        })
    };
    // The stem joins the label to its marker on the axis.
    let stem_x = match p.kind {
        MarkKind::Point => p.marker_x_px + p.marker_width_px / 2.0,
        MarkKind::Span => p.marker_x_px.max(p.label_x_px).min(p.label_x_px + p.label_width_px) + 1.0,
    };
    let bottom = p.lane as f64 * LANE_PX;
    html! {
        <>
            { stem(stem_x, bottom, p.selected) }
            <button type="button"
                class={classes!("event", format!("precision-{}", granularity_name(p)), p.selected.then_some("selected"), pending.then_some("pending"))}
                data-event-id={p.id.clone()} aria-label={p.accessible_name.clone()}
                aria-pressed={if p.selected { "true" } else { "false" }}
                data-style={label_geometry(p)} {onclick}>
                { label_text(p) }
            </button>
        </>
    }
}

/// The line from a label down to its marker on the axis.
fn stem(x_px: f64, height_px: f64, selected: bool) -> Html {
    html! { <span class={classes!("stem", selected.then_some("selected"))} aria-hidden="true" data-style={format!("left:{x_px}px;height:{height_px}px")}></span> }
}

/// Where a label box goes (applied through the CSSOM, see `apply_geometry`).
fn label_geometry(p: &PlacedEvent) -> String {
    format!("left:{}px;width:{}px;bottom:{}px", p.label_x_px, p.label_width_px, p.lane as f64 * LANE_PX)
}

/// A label's two lines: title and date.
fn label_text(p: &PlacedEvent) -> Html {
    html! { <><span class="event-title">{ &p.title }</span><span class="event-date">{ &p.date_label }</span></> }
}

/// A cluster: its count and when its events start. A click zooms in on it when that would separate
/// its events, and otherwise lists them.
fn cluster_label(
    p: &PlacedEvent,
    cluster: ClusterInfo,
    on_action: &Callback<ViewAction>,
    on_list: &Callback<ClusterInfo>,
    gesture: &Rc<RefCell<Gesture>>,
) -> Html {
    let onclick = {
        let on_action = on_action.clone();
        let on_list = on_list.clone();
        let gesture = gesture.clone();
        Callback::from(move |_: MouseEvent| {
            if std::mem::take(&mut gesture.borrow_mut().swallow_click) {
                return;
            }
            if cluster.splits {
                let pad = ((cluster.last_start_days - cluster.start_days) * 0.08).max(1.0 / 48.0);
                on_action.emit(ViewAction::Show { start_days: cluster.start_days - pad, end_days: cluster.last_start_days + pad });
            } else {
                on_list.emit(cluster);
            }
        })
    };
    let stem_x = p.marker_x_px.max(p.label_x_px).min(p.label_x_px + p.label_width_px) + 1.0;
    let bottom = p.lane as f64 * LANE_PX;
    let hint = if cluster.splits { "zoom in to see them" } else { "list them" };
    html! {
        <>
            { stem(stem_x, bottom, false) }
            <button type="button" class={classes!("event", "cluster", format!("density-{}", cluster.density))}
                data-cluster={cluster.count.to_string()} aria-label={format!("{}; {hint}", p.accessible_name)}
                data-style={label_geometry(p)} {onclick}>
                { label_text(p) }
            </button>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ClusterListProps {
    cluster: ClusterInfo,
    index: SharedIndex,
    timeline: Rc<Timeline>,
    selected: Option<String>,
    on_action: Callback<ViewAction>,
    on_close: Callback<()>,
}

/// How many of a listed cluster's events are shown at first (and added by "Show more").
const LIST_PAGE: usize = 100;

/// The events of a cluster that zooming cannot separate (they start together), as a list.
#[function_component(ClusterList)]
fn cluster_list(props: &ClusterListProps) -> Html {
    let shown = use_state(|| LIST_PAGE);
    let members = props.index.0.members_at(props.cluster.first, props.cluster.members);
    let heading = members
        .first()
        .map(|&i| format!("{} events that start {}", members.len(), props.timeline.events[i].date.display_long()))
        .unwrap_or_default();
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="cluster-list" aria-label={heading.clone()}>
            <div class="cluster-list-head">
                <h2>{ heading }</h2>
                <button type="button" class="close" aria-label="Close the list" onclick={close}>{ "×" }</button>
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
                            <span class="event-date">{ event.date.display_short() }</span>
                        </button></li>
                    }
                }) }
            </ol>
            if members.len() > *shown {
                <button type="button" class="tool" onclick={{ let shown = shown.clone(); move |_| shown.set(*shown + LIST_PAGE * 5) }}>
                    { format!("Show more ({} not shown)", members.len() - *shown) }
                </button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OverviewProps {
    index: SharedIndex,
    timeline: Rc<Timeline>,
    view: ViewState,
    on_action: Callback<ViewAction>,
}

/// Bars in the overview strip.
const OVERVIEW_BINS: usize = 240;

/// The whole span at a glance: event density, the current window, click or drag to move it.
#[function_component(Overview)]
fn overview(props: &OverviewProps) -> Html {
    let strip = use_node_ref();
    let dragging = use_mut_ref(|| false);
    // The whole extent as "Fit all" shows it, and the density path over it, once per data set.
    let whole = use_memo(props.timeline.clone(), |t| ViewState::fit(&ViewBounds::of_extent(t.extent_days())));
    let path = use_memo((props.index.clone(), whole.start_days, whole.end_days), |(index, t0, t1)| {
        density_path(&index.0.histogram(*t0, *t1, OVERVIEW_BINS))
    });
    let span = (whole.end_days - whole.start_days).max(1e-9);
    let left = ((props.view.start_days - whole.start_days) / span * 100.0).clamp(0.0, 100.0);
    let right = ((props.view.end_days - whole.start_days) / span * 100.0).clamp(0.0, 100.0);
    let move_to = {
        let strip = strip.clone();
        let on_action = props.on_action.clone();
        let (view_span, whole_start) = (props.view.span_days(), whole.start_days);
        move |client_x: f64| {
            let Some(el) = strip.cast::<HtmlElement>() else { return };
            let centre = whole_start + fraction_at(&el, client_x) * span;
            on_action.emit(ViewAction::Show { start_days: centre - view_span / 2.0, end_days: centre + view_span / 2.0 });
        }
    };
    let on_down = {
        let dragging = dragging.clone();
        let move_to = move_to.clone();
        let strip = strip.clone();
        Callback::from(move |e: PointerEvent| {
            *dragging.borrow_mut() = true;
            if let Some(el) = strip.cast::<HtmlElement>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            move_to(f64::from(e.client_x()));
        })
    };
    let on_move = {
        let dragging = dragging.clone();
        Callback::from(move |e: PointerEvent| {
            if *dragging.borrow() {
                move_to(f64::from(e.client_x()));
            }
        })
    };
    let on_up = Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = false);
    let on_key = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "ArrowLeft" => ViewAction::PanByFraction(-ARROW_PAN),
                "ArrowRight" => ViewAction::PanByFraction(ARROW_PAN),
                "PageUp" => ViewAction::PanByFraction(-1.0),
                "PageDown" => ViewAction::PanByFraction(1.0),
                "Home" => ViewAction::Fit,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        })
    };
    {
        let strip = strip.clone();
        use_effect(move || apply_geometry(&strip));
    }
    let label = format!(
        "Overview of the whole timeline, {} events: showing {} to {}",
        props.index.0.len(),
        day_label(props.view.start_days),
        day_label(props.view.end_days)
    );
    html! {
        <div class="overview" ref={strip} role="slider" tabindex="0" aria-label="Overview: move the window"
            aria-valuemin="0" aria-valuemax="100" aria-valuenow={format!("{:.0}", (left + right) / 2.0)} aria-valuetext={label}
            onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up} onkeydown={on_key}>
            <svg class="overview-density" viewBox={format!("0 0 {OVERVIEW_BINS} 100")} preserveAspectRatio="none" aria-hidden="true">
                <path d={(*path).clone()} />
            </svg>
            <div class="overview-window" aria-hidden="true" data-style={format!("left:{left:.3}%;width:{:.3}%", (right - left).max(0.4))}></div>
        </div>
    }
}

/// An SVG path of bars (one per bin, 0..100 high), square-root scaled so sparse bins still show.
fn density_path(counts: &[u32]) -> String {
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let mut d = String::new();
    for (i, &c) in counts.iter().enumerate() {
        if c > 0 {
            let h = ((c as f64 / max).sqrt() * 96.0).max(6.0);
            d.push_str(&format!("M{i} 100V{:.1}H{}V100Z", 100.0 - h, i + 1));
        }
    }
    d
}

fn granularity_name(p: &PlacedEvent) -> &'static str {
    use citeline_model::date::Granularity;
    match p.granularity {
        Granularity::Year => "year",
        Granularity::Month => "month",
        Granularity::Day => "day",
        Granularity::Time => "time",
    }
}
