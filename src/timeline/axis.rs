//! The axis: its line, the markers of the items drawn, and the tick labels, as laid out.

use yew::prelude::*;

use citeline_view::layout::{LayoutFrame, MarkKind, PlacedItem};
use citeline_view::ticks::TickSet;

/// The axis under the lanes.
pub fn axis(frame: &LayoutFrame, keys: &[String], ticks: &TickSet) -> Html {
    html! {
        <div class="axis" data-tick-unit={frame.ticks.unit.as_str()} data-tick-step={frame.ticks.step.to_string()} aria-hidden="true">
            <div class="axis-line"></div>
            // In tracks, each track draws its own markers.
            if frame.tracks.is_empty() { { for frame.items.iter().zip(keys).map(|(item, key)| marker(item, key)) } }
            { for ticks.minor.iter().map(|t| html! {
                <span class="tick" ~style={format!("left:{}px", t.x_px)}><span class="tick-label">{ &t.label }</span></span>
            }) }
            <div class="major-ticks">
                { for ticks.major.iter().map(|t| html! {
                    <span class="major-tick" ~style={format!("left:{}px", t.x_px)}>{ &t.label }</span>
                }) }
            </div>
        </div>
    }
}

/// An item's dot or bar on the axis (or its track's line), under the item's element key.
pub(super) fn marker(item: &PlacedItem, key: &str) -> Html {
    let p = item.placement();
    let (shape, density, selected) = match item {
        PlacedItem::Cluster(c) => ("marker-cluster", Some(format!("density-{}", c.info.density)), false),
        PlacedItem::Event(e) if p.kind == MarkKind::Point => ("marker-point", None, e.selected),
        PlacedItem::Event(e) => ("marker-span", None, e.selected),
    };
    let date_classes = match item {
        PlacedItem::Event(e) => e.date_classes(),
        PlacedItem::Cluster(_) => Vec::new(),
    };
    html! {
        <span key={key.to_owned()} class={classes!("marker", shape, density, date_classes, selected.then_some("selected"))} data-marker-for={item.key().to_owned()}
            ~style={format!("left:{}px;width:{}px", p.marker_x_px, p.marker_width_px)}></span>
    }
}
