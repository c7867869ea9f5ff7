//! The timeline strip at its first view, laid out by `citeline_view::layout` at a nominal width
//! and written with the live page's markup and class names (`src/timeline/`), so
//! `styles/main.css` dresses it. Horizontal positions and widths are percentages of that width, so
//! the strip holds at every width; vertical ones stay px (lanes). Geometry is in `data-style`, as
//! on the live page (the page's CSP allows no `style` attribute); labels are links to the event
//! list, so the strip works without a script.

use std::fmt::Write;

use citeline_model::timeline::Timeline;
use citeline_view::index::EventIndex;
use citeline_view::layout::{LayoutFrame, MarkKind, PlacedCluster, PlacedEvent, PlacedItem, Placement};
use citeline_view::view::ViewState;

use crate::escape::text;

/// The width the strip is laid out at; every horizontal length is written as a share of it.
pub const NOMINAL_WIDTH_PX: f64 = 1000.0;

/// `px` as a percentage of the frame's width, within 0..=100, to two decimals.
pub fn pct_from_px(px: f64, width_px: f64) -> f64 {
    if width_px <= 0.0 || !px.is_finite() {
        return 0.0;
    }
    ((px / width_px * 100.0).clamp(0.0, 100.0) * 100.0).round() / 100.0
}

/// A left edge and a width as `left:…%;width:…%`, the width kept inside the strip.
fn span_style(left_px: f64, width_px: f64, frame_width_px: f64) -> String {
    let left_pct = pct_from_px(left_px, frame_width_px);
    let width_pct = pct_from_px(width_px, frame_width_px).min(((100.0 - left_pct) * 100.0).round() / 100.0);
    format!("left:{left_pct}%;width:{width_pct}%")
}

/// The strip: eras, lanes of labels with their stems, and the axis with markers and ticks.
pub fn strip(timeline: &Timeline, index: &EventIndex, view: &ViewState, frame: &LayoutFrame) -> String {
    let width_px = frame.width_px;
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"timeline static\" aria-label=\"Timeline\">\n<div class=\"plot\" data-view-start-days=\"{}\" data-view-end-days=\"{}\">\n",
        view.start_days, view.end_days
    );
    for era in &frame.eras {
        let _ = writeln!(
            out,
            "<div class=\"era\" data-style=\"{}\"><span class=\"era-title\">{}</span></div>",
            span_style(era.x_px, era.width_px, width_px),
            text(&era.title)
        );
    }
    let _ = writeln!(out, "<div class=\"lanes\" data-style=\"height:{}px\">", frame.lanes_height_px);
    for item in &frame.items {
        out.push_str(&stem(item.placement(), width_px));
        match item {
            PlacedItem::Event(event) => out.push_str(&event_label(event, width_px)),
            PlacedItem::Cluster(cluster) => out.push_str(&cluster_label(cluster, timeline, index, width_px)),
        }
    }
    out.push_str("</div>\n");
    out.push_str(&axis(frame));
    out.push_str("</div>\n</section>\n");
    out
}

/// The line from a label down towards its marker.
fn stem(p: &Placement, width_px: f64) -> String {
    let to_axis = if p.stem_reaches_axis() { " to-axis" } else { "" };
    format!(
        "<span class=\"stem{to_axis}\" aria-hidden=\"true\" data-style=\"left:{}%;bottom:{}px;height:{}px\"></span>\n",
        pct_from_px(p.stem_x_px, width_px),
        p.stem_bottom_px,
        p.stem_height_px
    )
}

/// Where a label box goes.
fn label_style(p: &Placement, width_px: f64) -> String {
    format!("{};bottom:{}px", span_style(p.label_x_px, p.label_width_px, width_px), p.label_bottom_px)
}

/// An event's label: a link to its entry in the list.
fn event_label(e: &PlacedEvent, width_px: f64) -> String {
    format!(
        "<a class=\"event precision-{}\" href=\"#event={id}\" data-event-id=\"{id}\" aria-label=\"{}\" data-style=\"{}\">{}</a>\n",
        e.granularity.as_str(),
        text(&e.accessible_name),
        label_style(&e.placement, width_px),
        label_text(&e.title, &e.date_label),
        id = text(&e.id),
    )
}

/// A cluster's label: a link to its first event in the list.
fn cluster_label(c: &PlacedCluster, timeline: &Timeline, index: &EventIndex, width_px: f64) -> String {
    let first = index.members_at(c.info.first, c.info.members).first().and_then(|&i| timeline.events.get(i));
    let href = first.map(|e| format!(" href=\"#event={}\"", text(&e.id))).unwrap_or_default();
    format!(
        "<a class=\"event cluster density-{}\"{href} data-cluster=\"{}\" aria-label=\"{}\" data-style=\"{}\">{}</a>\n",
        c.info.density,
        c.info.count,
        text(&c.accessible_name),
        label_style(&c.placement, width_px),
        label_text(&c.title, &c.date_label),
    )
}

/// A label's two lines: title and date.
fn label_text(title: &str, date: &str) -> String {
    format!("<span class=\"event-title\">{}</span><span class=\"event-date\">{}</span>", text(title), text(date))
}

/// The axis: its line, the markers, and the tick labels.
fn axis(frame: &LayoutFrame) -> String {
    let width_px = frame.width_px;
    let mut out = format!(
        "<div class=\"axis\" data-tick-unit=\"{}\" data-tick-step=\"{}\" aria-hidden=\"true\">\n<div class=\"axis-line\"></div>\n",
        frame.ticks.unit.as_str(),
        frame.ticks.step
    );
    for item in &frame.items {
        let p = item.placement();
        let shape = match item {
            PlacedItem::Cluster(c) => format!("marker-cluster density-{}", c.info.density),
            PlacedItem::Event(_) if p.kind == MarkKind::Point => "marker-point".to_owned(),
            PlacedItem::Event(_) => "marker-span".to_owned(),
        };
        let _ = writeln!(
            out,
            "<span class=\"marker {shape}\" data-marker-for=\"{}\" data-style=\"{}\"></span>",
            text(item.key()),
            span_style(p.marker_x_px, p.marker_width_px, width_px)
        );
    }
    for tick in &frame.ticks.minor {
        let _ = writeln!(
            out,
            "<span class=\"tick\" data-style=\"left:{}%\"><span class=\"tick-label\">{}</span></span>",
            pct_from_px(tick.x_px, width_px),
            text(&tick.label)
        );
    }
    out.push_str("<div class=\"major-ticks\">\n");
    for tick in &frame.ticks.major {
        let _ = writeln!(
            out,
            "<span class=\"major-tick\" data-style=\"left:{}%\">{}</span>",
            pct_from_px(tick.x_px, width_px),
            text(&tick.label)
        );
    }
    out.push_str("</div>\n</div>\n");
    out
}
