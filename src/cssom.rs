//! Geometry goes into the page through the CSSOM, not `style` attributes, so a strict
//! Content-Security-Policy (`style-src 'self'`) needs no `'unsafe-inline'`: components write the
//! geometry the view crate computed into `data-style`, and this copies it into `element.style`.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::NodeRef;

/// Copies each `data-style` under `root` into that element's style.
pub fn apply_geometry(root: &NodeRef) {
    let Some(root) = root.cast::<HtmlElement>() else { return };
    let Ok(list) = root.query_selector_all("[data-style]") else { return };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else { continue };
        el.style().set_css_text(&el.get_attribute("data-style").unwrap_or_default());
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
