//! Geometry goes into the page through the CSSOM, not `style` attributes, so a strict
//! Content-Security-Policy (`style-src 'self'`) needs no `'unsafe-inline'`: components write the
//! geometry the view crate computed into `data-style`, and this copies it into `element.style`.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;
use yew::NodeRef;

/// The expando on each element that remembers the `data-style` last copied into its style.
const APPLIED: &str = "__citelineStyle";

/// Copies each `data-style` under `root` into that element's style, where it changed since the
/// last copy, and marks an element placed the first time (`data-placed`, which shows it). The
/// text stays a JS string throughout (no copy into wasm and back), and an element whose geometry
/// did not change is not restyled: a zoom frame does this for every label, stem, marker and tick.
pub fn apply_geometry(root: &NodeRef) {
    let Some(root) = root.cast::<HtmlElement>() else { return };
    let Ok(list) = root.query_selector_all("[data-style]") else { return };
    let (style, css_text, applied) = (JsValue::from_str("style"), JsValue::from_str("cssText"), JsValue::from_str(APPLIED));
    for i in 0..list.length() {
        // Only elements match `[data-style]`; HTML and SVG elements both have `dataset` and `style`.
        let Some(el) = list.item(i).map(|n| n.unchecked_into::<HtmlElement>()) else { continue };
        let Ok(wanted) = js_sys::Reflect::get(&el.dataset(), &style) else { continue };
        let done = js_sys::Reflect::get(&el, &applied).unwrap_or_default();
        if done == wanted {
            continue;
        }
        let _ = js_sys::Reflect::set(&el.style(), &css_text, &wanted);
        let _ = js_sys::Reflect::set(&el, &applied, &wanted);
        if done.is_undefined() {
            // First placed: shown from now on (styles/main.css hides what is not placed yet).
            let _ = el.set_attribute("data-placed", "");
        }
    }
}

/// Where a client x falls across an element, as a fraction of its width.
pub fn fraction_across(el: &HtmlElement, client_x: f64) -> f64 {
    let rect = el.get_bounding_client_rect();
    citeline_view::input::fraction_from_offset(client_x - rect.left(), rect.width())
}

/// An element's width in px, once it has one.
pub fn width_of(node: &NodeRef) -> Option<f64> {
    let w = node.cast::<HtmlElement>()?.get_bounding_client_rect().width();
    (w > 0.0).then_some(w)
}
