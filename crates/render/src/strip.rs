//! The timeline section at its first view, laid out by `citeline_view::layout` and written with
//! the live page's markup and class names (`src/timeline/`), so `styles/main.css` dresses it and
//! the app takes it over without a jump. The strip comes in [`variants`], one per run of window
//! widths with the same shape, each laid out at one width of its run; horizontal positions and
//! widths are percentages of that width, so it holds at every width of the run; vertical ones
//! stay px (lanes). Geometry is in `data-style`, as
//! on the live page (the page's CSP allows no `style` attribute); labels are links to the event
//! list, so the strip works without a script.

use std::fmt::Write;

use citeline_model::timeline::Timeline;
use citeline_view::index::EventIndex;
use citeline_view::input::toolbar as toolbar_buttons;
use citeline_view::layout::{
    group_thousands, layout_tracked, LayoutFrame, MarkKind, PlacedCluster, PlacedEvent, PlacedItem, PlacedTrack, Placement, TrackInput,
};
use citeline_view::locale::Msg;
use citeline_view::overview::{Overview, OVERVIEW_BINS};
use citeline_view::page::{plot_width_px, PHONE_MAX_WINDOW_PX};
use citeline_view::tracks::{TrackBy, TrackChoice, Tracks};
use citeline_view::view::{ViewBounds, ViewState};

use crate::escape::text;

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

/// A layout of the strip for a range of window widths: laid out at `plot_px`, shown (by
/// [`variant_stylesheet`]) from `min_window_px` up to the next variant's.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The narrowest window it is for (0 for the first).
    pub min_window_px: f64,
    /// The plot width it is laid out at.
    pub plot_px: f64,
}

/// Window widths sampled for the variants (every [`SAMPLE_STEP_PX`] between these).
const SAMPLE_WINDOWS_PX: (u32, u32) = (320, 1280);
const SAMPLE_STEP_PX: u32 = 8;

/// Common window widths (phones, tablets, and any desktop as wide as `#app` gets): each has a
/// variant laid out at its own width, so there the static strip is exactly the app's first frame;
/// windows in between get the nearest one's.
const PREFERRED_WINDOWS_PX: [u32; 9] = [360, 375, 390, 412, 430, 768, 820, 1024, 1280];

/// The strip's variants: one per run of window widths with the same page shape (phone or not), the
/// same number of lanes (so the strip is as tall as the app's at every width) and the same
/// nearest common width ([`PREFERRED_WINDOWS_PX`]), laid out at that width. At a common width the
/// strip is placed exactly like the app's; in between, labels scale with the window and may sit
/// in other lanes than the app will give them. Run edges are found on a grid and refined to the pixel.
pub fn variants(timeline: &Timeline, index: &EventIndex, tracks: &Tracks, view: &ViewState) -> Vec<Variant> {
    let nearest = |window_px: u32| PREFERRED_WINDOWS_PX.windows(2).filter(|pair| window_px >= (pair[0] + pair[1]).div_ceil(2)).count();
    let key = |window_px: u32| {
        let lanes = first_frame(timeline, index, tracks, view, plot_width_px(f64::from(window_px))).lane_count;
        (f64::from(window_px) <= PHONE_MAX_WINDOW_PX, lanes, nearest(window_px))
    };
    let (first, last) = SAMPLE_WINDOWS_PX;
    let mut starts: Vec<u32> = vec![first];
    let mut previous = (first, key(first));
    for window in (first + SAMPLE_STEP_PX..=last).step_by(SAMPLE_STEP_PX as usize) {
        let here = key(window);
        if here != previous.1 {
            // The first width with the new key, between the two samples.
            let (mut low, mut high) = (previous.0, window);
            while high - low > 1 {
                let mid = (low + high) / 2;
                if key(mid) == previous.1 {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            starts.push(high);
        }
        previous = (window, here);
    }
    let ends: Vec<u32> = starts.iter().skip(1).copied().chain([u32::MAX]).collect();
    starts
        .iter()
        .zip(ends)
        .enumerate()
        .map(|(n, (&start, end))| {
            let window = PREFERRED_WINDOWS_PX
                .into_iter()
                .find(|&w| w >= start && w < end)
                .unwrap_or(if start > PREFERRED_WINDOWS_PX[nearest(start)] { start } else { end.min(last + 1) - 1 });
            Variant { min_window_px: if n == 0 { 0.0 } else { f64::from(start) }, plot_px: plot_width_px(f64::from(window)) }
        })
        .collect()
}

/// Shows each variant over its window widths and hides the others (`data-variant="<n>"`).
pub fn variant_stylesheet(variants: &[Variant]) -> String {
    let mut css = String::from(".timeline.static .plot[data-variant]{display:none}\n");
    for (n, variant) in variants.iter().enumerate() {
        let mut query = Vec::new();
        if variant.min_window_px > 0.0 {
            query.push(format!("(min-width:{}px)", variant.min_window_px));
        }
        if let Some(next) = variants.get(n + 1) {
            query.push(format!("(max-width:{:.2}px)", next.min_window_px - 0.02));
        }
        let rule = format!(".timeline.static .plot[data-variant=\"{n}\"]{{display:block}}");
        let _ = if query.is_empty() { writeln!(css, "{rule}") } else { writeln!(css, "@media {}{{{rule}}}", query.join(" and ")) };
    }
    css
}

/// The timeline section of the first screen, shaped like the app's (`src/timeline/`): the
/// toolbar (its buttons held in place but hidden until the app can work them), the strip in each
/// variant, the overview and the hint.
pub fn timeline_section(timeline: &Timeline, index: &EventIndex, tracks: &Tracks, view: &ViewState, variants: &[Variant]) -> String {
    let mut out = String::from("<section class=\"timeline static\" aria-label=\"Timeline\">\n");
    out.push_str(&toolbar(timeline, view));
    for (n, variant) in variants.iter().enumerate() {
        let frame = first_frame(timeline, index, tracks, view, variant.plot_px);
        if n == 0 {
            out.push_str(&legend(&frame.tracks));
        }
        out.push_str(&plot(timeline, index, tracks, view, &frame, n));
    }
    out.push_str(&overview(timeline, index, view));
    let _ = writeln!(
        out,
        "<p class=\"hint\"><span class=\"hint-pointer\">{}</span><span class=\"hint-touch\">{}</span></p>",
        text(Msg::HintPointer.english()),
        text(Msg::HintTouch.english())
    );
    out.push_str("</section>\n");
    out
}

/// The app's toolbar: the range as text, the buttons (and the tracks menu, when the data offers
/// one) in their places but inert (the app's replace them).
fn toolbar(timeline: &Timeline, view: &ViewState) -> String {
    let buttons: String = toolbar_buttons()
        .iter()
        .map(|b| format!("<button type=\"button\" class=\"tool\" disabled aria-hidden=\"true\" tabindex=\"-1\">{}</button>", text(b.text)))
        .collect();
    // Every option, as the app's menu has them: a menu is as wide as its widest.
    let offered = TrackBy::offered(timeline);
    let default = TrackBy::default_for(timeline);
    let options: String = offered
        .iter()
        .map(|&by| format!("<option{}>{}</option>", if by == default { " selected" } else { "" }, text(by.label())))
        .collect();
    let menu = if offered.is_empty() {
        String::new()
    } else {
        format!("<select class=\"track-by\" disabled aria-hidden=\"true\" tabindex=\"-1\">{options}</select>")
    };
    format!(
        "<div class=\"toolbar\" role=\"toolbar\" aria-label=\"Zoom and pan\">{buttons}{menu}<p class=\"range\">Showing {}</p></div>\n",
        text(&view.window_label())
    )
}

/// The overview strip: the density and where the window sits (all of it, at the first view).
fn overview(timeline: &Timeline, index: &EventIndex, view: &ViewState) -> String {
    let overview = Overview::of(index, &ViewBounds::of_extent(timeline.extent_days()));
    let window = overview.window(view);
    format!(
        "<div class=\"overview\" aria-hidden=\"true\"><svg class=\"overview-density\" viewBox=\"0 0 {OVERVIEW_BINS} 100\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
         <path d=\"{}\"></path></svg><div class=\"overview-window\" aria-hidden=\"true\" data-style=\"left:{:.3}%;width:{:.3}%\"></div></div>\n",
        overview.density_path(),
        window.left_pct,
        window.width_pct
    )
}

/// The tracks the app starts with: by group when the timeline has groups, else none (built once
/// per render: every variant is laid out in them).
pub fn first_tracks(timeline: &Timeline) -> Tracks {
    Tracks::of(timeline, TrackBy::default_for(timeline))
}

/// The app's first frame at `plot_px`, in the tracks it starts with.
fn first_frame(timeline: &Timeline, index: &EventIndex, tracks: &Tracks, view: &ViewState, plot_px: f64) -> LayoutFrame {
    let choice = TrackChoice::default();
    layout_tracked(timeline, index, Some(TrackInput { tracks, choice: &choice }), view, plot_px)
}

/// The tracks' legend, as the app's (`src/timeline/tracks.rs`), its boxes held in place but
/// hidden until the app can work them; nothing without tracks.
fn legend(tracks: &[PlacedTrack]) -> String {
    if tracks.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"track-legend\" aria-label=\"Tracks shown\">");
    for t in tracks {
        let _ = write!(
            out,
            "<li class=\"track-entry track-colour-{}\"><label><input type=\"checkbox\" checked disabled aria-hidden=\"true\" tabindex=\"-1\">\
             <span class=\"track-swatch\" aria-hidden=\"true\"></span><span class=\"track-name\">{}</span><span class=\"track-count\"> ({})</span></label></li>",
            t.colour,
            text(&t.label),
            group_thousands(t.count)
        );
    }
    out.push_str("</ul>\n");
    out
}

/// One variant of the strip: eras, lanes of labels with their stems (a row per track, with its
/// head and line of markers, in tracks), and the axis with markers and ticks.
fn plot(timeline: &Timeline, index: &EventIndex, tracks: &Tracks, view: &ViewState, frame: &LayoutFrame, variant: usize) -> String {
    let width_px = frame.width_px;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<div class=\"plot\" data-variant=\"{variant}\" data-plot-px=\"{width_px}\" data-view-start-days=\"{}\" data-view-end-days=\"{}\">",
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
    let labels = |out: &mut String, items: &[PlacedItem]| {
        for item in items {
            out.push_str(&stem(item.placement(), width_px));
            match item {
                PlacedItem::Event(event) => out.push_str(&event_label(event, width_px)),
                PlacedItem::Cluster(cluster) => {
                    let index = cluster.info.track.and_then(|t| tracks.tracks().get(t)).map_or(index, |t| &t.index);
                    out.push_str(&cluster_label(cluster, timeline, index, width_px));
                }
            }
        }
    };
    if frame.tracks.is_empty() {
        let _ = writeln!(out, "<div class=\"lanes lanes-{}\" data-style=\"height:{}px\">", frame.lane_count.max(1), frame.lanes_height_px);
        labels(&mut out, &frame.items);
        out.push_str("</div>\n");
    }
    for t in frame.tracks.iter().filter(|t| !t.hidden) {
        let items = &frame.items[t.first..t.first + t.len];
        let in_view: usize = items.iter().map(PlacedItem::event_count).sum();
        let _ = writeln!(
            out,
            "<div class=\"track track-colour-{}\" data-track=\"{}\" role=\"group\" aria-label=\"Track {}\"><div class=\"track-head\">\
             <span class=\"track-toggle\"><span class=\"track-chevron\" aria-hidden=\"true\">▾</span><span class=\"track-swatch\" aria-hidden=\"true\"></span>\
             <span class=\"track-name\">{}</span><span class=\"track-count\"> {} of {}</span></span></div>",
            t.colour,
            text(&t.key),
            text(&t.label),
            text(&t.label),
            group_thousands(in_view),
            group_thousands(t.count)
        );
        let _ = writeln!(out, "<div class=\"lanes lanes-{}\" data-style=\"height:{}px\">", t.lane_count.max(1), t.lanes_height_px);
        labels(&mut out, items);
        out.push_str("</div>\n<div class=\"track-rail\" aria-hidden=\"true\"><div class=\"axis-line\"></div>\n");
        items.iter().for_each(|item| out.push_str(&marker(item, width_px)));
        out.push_str("</div></div>\n");
    }
    out.push_str(&axis(frame));
    out.push_str("</div>\n");
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
        "<a class=\"event precision-{}{}\" href=\"#event={id}\" data-event-id=\"{id}\" aria-label=\"{}\" data-style=\"{}\">{}</a>\n",
        e.granularity.as_str(),
        if e.fuzzy { " fuzzy" } else { "" },
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
    format!("<span class=\"event-title\">{}</span> <span class=\"event-date\">{}</span>", text(title), text(date))
}

/// The axis: its line, the markers, and the tick labels.
fn axis(frame: &LayoutFrame) -> String {
    let width_px = frame.width_px;
    let mut out = format!(
        "<div class=\"axis\" data-tick-unit=\"{}\" data-tick-step=\"{}\" aria-hidden=\"true\">\n<div class=\"axis-line\"></div>\n",
        frame.ticks.unit.as_str(),
        frame.ticks.step
    );
    // In tracks, each track draws its own markers.
    if frame.tracks.is_empty() {
        frame.items.iter().for_each(|item| out.push_str(&marker(item, width_px)));
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

/// An item's dot or bar on the axis (or its track's line).
fn marker(item: &PlacedItem, width_px: f64) -> String {
    let p = item.placement();
    let shape = match item {
        PlacedItem::Cluster(c) => format!("marker-cluster density-{}", c.info.density),
        PlacedItem::Event(e) => {
            let shape = if p.kind == MarkKind::Point { "marker-point" } else { "marker-span" };
            std::iter::once(shape).chain(e.date_classes()).collect::<Vec<_>>().join(" ")
        }
    };
    format!(
        "<span class=\"marker {shape}\" data-marker-for=\"{}\" data-style=\"{}\"></span>\n",
        text(item.key()),
        span_style(p.marker_x_px, p.marker_width_px, width_px)
    )
}
