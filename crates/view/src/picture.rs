//! The current view as a picture: an SVG drawn from the same [`LayoutFrame`] the page draws (eras,
//! labels with their stems, the axis with its markers and ticks), under the timeline's title and
//! the window shown. The page turns it into a PNG by drawing it on a canvas.

use std::fmt::Write;

use citeline_model::markup::escape as esc;

use crate::layout::{LayoutFrame, MarkKind, PlacedItem, LABEL_HEIGHT_PX};
use crate::view::ViewState;

/// Space around the drawing.
const PAD_PX: f64 = 16.0;
/// Height of the title and the window line above the plot.
const HEADER_PX: f64 = 64.0;
/// Height of the axis with its tick labels under the lanes.
const AXIS_PX: f64 = 64.0;

/// What a picture of `view` says under its title: the window shown.
pub fn window_caption(view: &ViewState) -> String {
    match view.window_dates() {
        Some((start, end)) => format!("{} to {} · made with Citeline", start.display_long(), end.display_long()),
        None => "Made with Citeline".to_owned(),
    }
}

/// The frame as a standalone SVG document (light colours, system fonts), `title` above it and
/// `caption` (the window shown) under the title.
pub fn view_svg(frame: &LayoutFrame, title: &str, caption: &str) -> String {
    let width = frame.width_px + 2.0 * PAD_PX;
    let lanes_top = HEADER_PX;
    let axis_y = lanes_top + frame.lanes_height_px;
    let height = axis_y + AXIS_PX + PAD_PX;
    let x = |px: f64| PAD_PX + px;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" role=\"img\" aria-label=\"{}\">\n\
         <title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n\
         <text x=\"{PAD_PX}\" y=\"30\" font-size=\"18\" font-weight=\"700\" font-family=\"Georgia, serif\" fill=\"#1d1f24\">{}</text>\n\
         <text x=\"{PAD_PX}\" y=\"50\" font-size=\"12\" fill=\"#545966\">{}</text>\n",
        esc(&format!("{title}: {caption}")),
        esc(title),
        esc(title),
        esc(caption),
    );
    for era in &frame.eras {
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{lanes_top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#eef3fb\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"600\" fill=\"#545966\">{}</text>",
            x(era.x_px),
            era.width_px,
            frame.lanes_height_px,
            x(era.x_px) + 4.0,
            lanes_top + 12.0,
            esc(&era.title)
        );
    }
    let _ = writeln!(out, "<defs>");
    for (i, item) in frame.items.iter().enumerate() {
        let p = item.placement();
        let top = axis_y - p.label_bottom_px - LABEL_HEIGHT_PX;
        let _ = writeln!(
            out,
            "<clipPath id=\"c{i}\"><rect x=\"{:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{LABEL_HEIGHT_PX}\"/></clipPath>",
            x(p.label_x_px),
            p.label_width_px
        );
    }
    let _ = writeln!(out, "</defs>");
    for (i, item) in frame.items.iter().enumerate() {
        let p = item.placement();
        let top = axis_y - p.label_bottom_px - LABEL_HEIGHT_PX;
        let (title, date, span) = match item {
            PlacedItem::Event(e) => (e.title.as_str(), e.date_label.as_str(), p.kind == MarkKind::Span),
            PlacedItem::Cluster(c) => (c.title.as_str(), c.date_label.as_str(), true),
        };
        let (fill, edge) = if span { ("#fbf6e8", "#7a5a00") } else { ("#ffffff", "#0b5cad") };
        // The stem, from the label down to the axis (or as far as the layout lets it go).
        let stem_bottom = axis_y - p.stem_bottom_px;
        let stem_top = stem_bottom - p.stem_height_px;
        if p.stem_height_px > 0.0 {
            let _ = writeln!(
                out,
                "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{stem_top:.1}\" y2=\"{stem_bottom:.1}\" stroke=\"#d9d6cd\"/>",
                x(p.stem_x_px)
            );
        }
        let _ = writeln!(
            out,
            "<g clip-path=\"url(#c{i})\"><rect x=\"{lx:.1}\" y=\"{top:.1}\" width=\"{w:.1}\" height=\"{LABEL_HEIGHT_PX}\" fill=\"{fill}\" stroke=\"#d9d6cd\"/>\
             <rect x=\"{lx:.1}\" y=\"{top:.1}\" width=\"4\" height=\"{LABEL_HEIGHT_PX}\" fill=\"{edge}\"/>\
             <text x=\"{tx:.1}\" y=\"{ty1:.1}\" font-size=\"13\" font-weight=\"600\" fill=\"#1d1f24\">{}</text>\
             <text x=\"{tx:.1}\" y=\"{ty2:.1}\" font-size=\"11\" fill=\"#545966\">{}</text></g>",
            esc(title),
            esc(date),
            lx = x(p.label_x_px),
            w = p.label_width_px,
            tx = x(p.label_x_px) + 10.0,
            ty1 = top + 17.0,
            ty2 = top + 33.0,
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{PAD_PX}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#545966\" stroke-width=\"2\"/>",
        x(frame.width_px),
        axis_y + 14.0,
        axis_y + 14.0
    );
    for item in &frame.items {
        let p = item.placement();
        match p.kind {
            MarkKind::Point => {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"6\" fill=\"#0b5cad\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
                    x(p.marker_x_px + p.marker_width_px / 2.0),
                    axis_y + 14.0
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"8\" rx=\"4\" fill=\"#7a5a00\" fill-opacity=\"0.75\"/>",
                    x(p.marker_x_px),
                    axis_y + 10.0,
                    p.marker_width_px.max(2.0)
                );
            }
        }
    }
    for t in &frame.ticks.minor {
        let _ = writeln!(
            out,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1:.1}\" y2=\"{2:.1}\" stroke=\"#545966\"/><text x=\"{0:.1}\" y=\"{3:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#545966\">{4}</text>",
            x(t.x_px),
            axis_y + 14.0,
            axis_y + 20.0,
            axis_y + 34.0,
            esc(&t.label)
        );
    }
    for t in &frame.ticks.major {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"700\" fill=\"#1d1f24\">{}</text>",
            x(t.x_px) + 3.0,
            axis_y + 52.0,
            esc(&t.label)
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::EventIndex;
    use crate::layout::layout_indexed;
    use crate::view::{ViewBounds, ViewState};
    use citeline_model::seed::seed_timeline;

    #[test]
    fn the_seed_view_is_a_picture_of_every_label_tick_and_marker() {
        let (timeline, _) = seed_timeline().expect("seed");
        let index = EventIndex::of_timeline(&timeline);
        let view = ViewState::fit(&ViewBounds::of_extent(timeline.extent_days()));
        let frame = layout_indexed(&timeline, &index, &view, 1000.0);
        let svg = view_svg(&frame, "CONTEST & the <response>", "2010 to 2018");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1032\""));
        assert!(svg.contains("<title>CONTEST &amp; the &lt;response&gt;</title>"), "text is escaped");
        for event in frame.events() {
            assert!(svg.contains(&format!(">{}</text>", esc(&event.title))), "{} is drawn", event.title);
        }
        assert_eq!(svg.matches("clip-path=").count(), frame.items.len());
        assert_eq!(svg.matches("text-anchor=\"middle\"").count(), frame.ticks.minor.len());
        // Well-formed: every element that opens, closes.
        assert_eq!(svg.matches("<g ").count(), svg.matches("</g>").count());
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    }
}
