//! The overview strip: the density bars and the window box the view crate computed; a click or
//! drag moves the window, and so do the arrow and page keys.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use citeline_view::input::overview_key_action;
use citeline_view::overview::{Overview, OVERVIEW_BINS};
use citeline_view::view::{ViewAction, ViewState};

use crate::cssom::fraction_across;

#[derive(Properties)]
pub struct OverviewProps {
    /// The strip for this data set.
    pub overview: Rc<Overview>,
    /// Number of events (for the accessible name).
    pub event_count: usize,
    /// The current window.
    pub view: ViewState,
    /// The window's dates ("1 Jan 2017 to 8 Jun 2018").
    pub window_label: String,
    /// Moving the window.
    pub on_action: Callback<ViewAction>,
}

impl PartialEq for OverviewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.overview, &other.overview)
            && self.view == other.view
            && self.event_count == other.event_count
            && self.window_label == other.window_label
            && self.on_action == other.on_action
    }
}

#[function_component(OverviewStrip)]
pub fn overview_strip(props: &OverviewProps) -> Html {
    let strip = use_node_ref();
    let dragging = use_mut_ref(|| false);
    let path = use_memo(props.overview.clone(), |o| o.density_path());
    let window = props.overview.window(&props.view);
    let move_to = {
        let (strip, on_action, overview, view) = (strip.clone(), props.on_action.clone(), props.overview.clone(), props.view.clone());
        move |client_x: f64| {
            if let Some(el) = strip.cast::<HtmlElement>() {
                on_action.emit(overview.centre_at(fraction_across(&el, client_x), &view));
            }
        }
    };
    let on_down = {
        let (dragging, move_to, strip) = (dragging.clone(), move_to.clone(), strip.clone());
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
            if let Some(action) = overview_key_action(&e.key()) {
                e.prevent_default();
                on_action.emit(action);
            }
        })
    };
    let label = format!("Overview of the whole timeline, {} events: showing {}", props.event_count, props.window_label);
    html! {
        <div class="overview" ref={strip} role="slider" tabindex="0" aria-label="Overview: move the window"
            aria-valuemin="0" aria-valuemax="100" aria-valuenow={format!("{:.0}", window.centre_pct)} aria-valuetext={label}
            onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up} onkeydown={on_key}>
            <svg class="overview-density" viewBox={format!("0 0 {OVERVIEW_BINS} 100")} preserveAspectRatio="none" aria-hidden="true">
                <path d={(*path).clone()} />
            </svg>
            <div class="overview-window" aria-hidden="true"
                ~style={format!("left:{:.3}%;width:{:.3}%", window.left_pct, window.width_pct)}></div>
        </div>
    }
}
