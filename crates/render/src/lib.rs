//! Citeline's static first view: the timeline as plain HTML, written natively by the same layout
//! code the page uses, so it reads without JavaScript and before the wasm arrives.
//!
//! - [`render_view`]: the fragment: the strip at its fit-all view (`strip`), the event list with
//!   all the evidence (`events`) and schema.org JSON-LD (`json_ld`);
//! - [`render_page`]: the release build's `index.html` with the fragment inside `<main id="app">`
//!   (the app replaces it when it mounts) and the timeline's data inline, which the app loads; and
//!   the strip's geometry as a stylesheet (`static-view.css`), so it draws without JavaScript under
//!   a CSP that allows no `style` attribute.
//!
//! Architecture invariants: pure Rust over `citeline-model` and `citeline-view` (no web crate, no
//! clock, no extractor); everything from the data is escaped (`escape`), so data is only ever text;
//! no `style` attribute or executable script is written (the page's CSP forbids both).

mod escape;
mod events;
mod json_ld;
mod strip;

use std::fmt;

use citeline_model::timeline::Timeline;
use citeline_view::index::EventIndex;
use citeline_view::layout::layout_indexed;
use citeline_view::view::{ViewBounds, ViewState};

pub use events::CONTEXT_CHARS;
pub use strip::{pct_from_px, NOMINAL_WIDTH_PX};

/// The first view of `timeline` as an HTML fragment: a masthead, the strip at the fit-all window,
/// the event list in time order, and the JSON-LD data block.
pub fn render_view(timeline: &Timeline) -> String {
    // The view a session starts on: everything.
    let index = EventIndex::of_timeline(timeline);
    let view = ViewState::fit(&ViewBounds::of_extent(timeline.extent_days()));
    let (index, view) = (&index, &view);
    let frame = layout_indexed(timeline, index, view, NOMINAL_WIDTH_PX);
    let in_time_order = timeline.extent_days().map(|(start, end)| index.events_in(start, end)).unwrap_or_default();
    let mut out = format!(
        "<header class=\"masthead\">\n<h1><span class=\"brand\">Citeline</span></h1>\n<p class=\"subtitle\">{}</p>\n\
         <p class=\"lede\">Every event carries its evidence: each is listed below with the passages that date and describe it.</p>\n</header>\n",
        escape::text(&timeline.title)
    );
    out.push_str(&strip::strip(timeline, index, view, &frame));
    out.push_str(&events::event_list(timeline, &in_time_order));
    out.push_str(&json_ld::script(&json_ld::json_ld(timeline, &in_time_order)));
    out
}

/// Why a page template cannot take the static view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// It has no `<main id="app">…</main>` (not Citeline's `index.html`).
    NoAppElement,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::NoAppElement => write!(f, "it has no <main id=\"app\"></main> element, so it is not Citeline's index.html"),
        }
    }
}

impl std::error::Error for TemplateError {}

const APP_OPEN: &str = "<main id=\"app\">";
const APP_CLOSE: &str = "</main>";

/// The file the strip's geometry is written to, next to `index.html`.
pub const STYLESHEET: &str = "static-view.css";

/// A page ready to publish: its `index.html` and the [`STYLESHEET`] it links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page.
    pub index_html: String,
    /// The static strip's geometry, one rule per placed element.
    pub stylesheet: String,
}

/// `page_template` (the release build's `dist/index.html`) with [`render_view`] inside
/// `<main id="app">`, the timeline's JSON inline after it as
/// `<script type="application/json" id="citeline-data">` (which the app loads instead of the seed),
/// the document title set to the timeline's, and a link to the strip's geometry [`STYLESHEET`].
pub fn render_page(timeline: &Timeline, page_template: &str) -> Result<Page, TemplateError> {
    let open = page_template.find(APP_OPEN).ok_or(TemplateError::NoAppElement)? + APP_OPEN.len();
    let close = open + page_template[open..].find(APP_CLOSE).ok_or(TemplateError::NoAppElement)?;
    let data = format!("\n<script type=\"application/json\" id=\"citeline-data\">{}</script>", escape::script_json(&timeline.to_json()));
    let (view, stylesheet) = geometry_stylesheet(&render_view(timeline));
    let page = format!(
        "{}\n{view}{}{data}{}",
        &page_template[..open],
        &page_template[close..close + APP_CLOSE.len()],
        &page_template[close + APP_CLOSE.len()..]
    );
    let link = format!("<link rel=\"stylesheet\" href=\"./{STYLESHEET}\">\n</head>");
    let index_html = with_noscript(&with_title(&page, &timeline.title).replacen("</head>", &link, 1));
    Ok(Page { index_html, stylesheet })
}

/// Moves each `data-style` of `html` into a stylesheet rule for an id given to its element
/// (`id="sv-3"` and `#sv-3 { … }`). The declarations are the layout's own numbers, never data.
/// `data-style` stays, for the app, which applies it through the CSSOM when it takes over.
pub fn geometry_stylesheet(html: &str) -> (String, String) {
    const ATTRIBUTE: &str = " data-style=\"";
    let (mut out, mut css) = (String::with_capacity(html.len() + html.len() / 8), String::new());
    let mut rest = html;
    let mut n = 0;
    while let Some(at) = rest.find(ATTRIBUTE) {
        let value_start = at + ATTRIBUTE.len();
        let Some(value_len) = rest[value_start..].find('"') else { break };
        let value = &rest[value_start..value_start + value_len];
        out.push_str(&rest[..value_start + value_len + 1]);
        if !value.contains(['{', '}', '<']) {
            out.push_str(&format!(" id=\"sv-{n}\""));
            css.push_str(&format!("#sv-{n}{{{value}}}\n"));
            n += 1;
        }
        rest = &rest[value_start + value_len + 1..];
    }
    out.push_str(rest);
    (out, css)
}

/// What a reader without JavaScript is told: the static view is there, only the interaction is not.
const NOSCRIPT: &str = "<p class=\"noscript\">Zooming, panning and adding documents need JavaScript and WebAssembly; every event and its evidence is listed above.</p>";

/// `page` with the content of its `<noscript>` replaced by [`NOSCRIPT`]; unchanged without one.
fn with_noscript(page: &str) -> String {
    let Some(start) = page.find("<noscript>").map(|i| i + "<noscript>".len()) else { return page.to_owned() };
    let Some(end) = page[start..].find("</noscript>").map(|i| start + i) else { return page.to_owned() };
    format!("{}{NOSCRIPT}{}", &page[..start], &page[end..])
}

/// `page` with the content of its `<title>` replaced by `title` (escaped); unchanged without one.
fn with_title(page: &str, title: &str) -> String {
    let Some(start) = page.find("<title>").map(|i| i + "<title>".len()) else { return page.to_owned() };
    let Some(end) = page[start..].find("</title>").map(|i| start + i) else { return page.to_owned() };
    format!("{}{}{}", &page[..start], escape::text(title), &page[end..])
}

#[cfg(test)]
mod tests;
