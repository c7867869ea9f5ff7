//! Wheel, drag and pinch on the plot. What they mean is decided by `citeline_view::input`; this
//! reads the numbers off the DOM events, and applies a burst of them once per animation frame.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::AnimationFrame;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, WheelEvent};
use yew::prelude::*;

use citeline_view::input::{drag_action, is_drag, pinch_action, wheel_action, InputBatch};
use citeline_view::view::ViewAction;

use crate::cssom::fraction_across;

/// The plot's pointer handlers, and the flag that tells a click ending a drag from a selection.
pub struct Gestures {
    /// `pointerdown` on the plot.
    pub on_pointer_down: Callback<PointerEvent>,
    /// `pointermove` on the plot.
    pub on_pointer_move: Callback<PointerEvent>,
    /// `pointerup` and `pointercancel` on the plot.
    pub on_pointer_up: Callback<PointerEvent>,
    /// Set when a drag ends; the click that follows is swallowed.
    pub swallow_click: Rc<Cell<bool>>,
    /// Actions batched to the next animation frame (zoom and pan; others pass straight through).
    pub batched: Callback<ViewAction>,
}

/// Pointers currently down on the plot.
#[derive(Default)]
struct Pointers {
    /// Last known client position of each pointer.
    at: HashMap<i32, (f64, f64)>,
    /// Where the first pointer went down.
    origin: (f64, f64),
    /// Whether the press has become a drag.
    dragging: bool,
}

/// Zoom and pan queued for the next animation frame.
#[derive(Default)]
struct Queued {
    batch: InputBatch,
    frame: Option<AnimationFrame>,
}

/// Actions through an [`InputBatch`]: a burst of wheel, pinch and drag costs one frame.
#[hook]
fn use_batched(on_action: &Callback<ViewAction>) -> Callback<ViewAction> {
    let queued = use_mut_ref(Queued::default);
    let on_action = on_action.clone();
    Callback::from(move |action: ViewAction| {
        let mut q = queued.borrow_mut();
        if let Some(unbatched) = q.batch.add(action) {
            drop(q);
            on_action.emit(unbatched);
            return;
        }
        if q.frame.is_none() {
            let (queued, on_action) = (queued.clone(), on_action.clone());
            q.frame = Some(gloo::render::request_animation_frame(move |_| {
                let actions = {
                    let mut q: std::cell::RefMut<'_, Queued> = queued.borrow_mut();
                    q.frame = None;
                    q.batch.take()
                };
                for action in actions {
                    on_action.emit(action);
                }
            }));
        }
    })
}

/// Wires wheel, drag and pinch on `plot` to `on_action`.
#[hook]
pub fn use_gestures(plot: &NodeRef, on_action: &Callback<ViewAction>) -> Gestures {
    let batched = use_batched(on_action);
    let pointers = use_mut_ref(Pointers::default);
    let swallow_click = use_mut_ref(|| Rc::new(Cell::new(false))).borrow().clone();

    // Wheel zoom needs a non-passive listener to keep the page from scrolling.
    {
        let (plot, batched) = (plot.clone(), batched.clone());
        use_effect_with((), move |_| {
            let listener = plot.cast::<HtmlElement>().map(|el| {
                let target = el.clone();
                EventListener::new_with_options(&target, "wheel", EventListenerOptions::enable_prevent_default(), move |event| {
                    let Some(event) = event.dyn_ref::<WheelEvent>() else { return };
                    let width_px = el.get_bounding_client_rect().width();
                    let anchor = fraction_across(&el, f64::from(event.client_x()));
                    if let Some(action) = wheel_action(event.delta_x(), event.delta_y(), event.delta_mode(), width_px, anchor) {
                        batched.emit(action);
                    }
                    event.prevent_default();
                })
            });
            move || drop(listener)
        });
    }

    let on_pointer_down = {
        let (pointers, swallow_click) = (pointers.clone(), swallow_click.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let mut p = pointers.borrow_mut();
            let at = (f64::from(e.client_x()), f64::from(e.client_y()));
            if p.at.is_empty() {
                p.origin = at;
                p.dragging = false;
                swallow_click.set(false);
            }
            p.at.insert(e.pointer_id(), at);
        })
    };
    let on_pointer_move = {
        let (pointers, batched, plot) = (pointers.clone(), batched.clone(), plot.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(el) = plot.cast::<HtmlElement>() else { return };
            let mut p = pointers.borrow_mut();
            let id = e.pointer_id();
            let Some(&previous) = p.at.get(&id) else { return };
            let now = (f64::from(e.client_x()), f64::from(e.client_y()));
            if let Some(&other) = p.at.iter().find(|(k, _)| **k != id).map(|(_, v)| v) {
                // Pinch: the ratio of the distances between the two pointers, about their midpoint.
                let before = (previous.0 - other.0).hypot(previous.1 - other.1);
                let after = (now.0 - other.0).hypot(now.1 - other.1);
                if let Some(action) = pinch_action(before, after, fraction_across(&el, (now.0 + other.0) / 2.0)) {
                    batched.emit(action);
                }
                p.dragging = true;
            } else {
                if !p.dragging && is_drag(p.origin, now) {
                    p.dragging = true;
                    let _ = el.set_pointer_capture(id);
                }
                if p.dragging {
                    batched.emit(drag_action(now.0 - previous.0, el.get_bounding_client_rect().width()));
                }
            }
            p.at.insert(id, now);
        })
    };
    let on_pointer_up = {
        let (pointers, swallow_click) = (pointers.clone(), swallow_click.clone());
        Callback::from(move |e: PointerEvent| {
            let mut p: std::cell::RefMut<'_, Pointers> = pointers.borrow_mut();
            p.at.remove(&e.pointer_id());
            if p.at.is_empty() && p.dragging {
                swallow_click.set(true);
                p.dragging = false;
            }
        })
    };
    Gestures { on_pointer_down, on_pointer_move, on_pointer_up, swallow_click, batched }
}
