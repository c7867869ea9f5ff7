//! Geometry in the page. The layout's positions go into each element's `style` *property*
//! (`~style` in the components: the CSSOM, as `style.cssText`), never a `style` attribute, so a
//! strict Content-Security-Policy (`style-src 'self'`) needs no `'unsafe-inline'`. Yew sets it
//! before the element is inserted, and again only when it changed. This module reads geometry
//! back from the page.

use web_sys::HtmlElement;
use yew::NodeRef;

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
