//! Citeline's static first view: the timeline as plain HTML, written natively by the same layout
//! code the page uses, so it reads without JavaScript and before the wasm arrives.
//!
//! - [`view_of`] / [`render_view`]: the first screen, shaped like the app's (masthead, toolbar, the
//!   strip at its fit-all view in one variant per run of window widths, overview, detail
//!   placeholder: `strip`), then the event list with all the evidence and its passages as numbered
//!   notes for print (`events`), and schema.org JSON-LD (`json_ld`);
//! - [`render_page`]: the release build's `index.html` with the first screen inside
//!   `<main id="app">` (the app replaces it when it mounts, without a jump), the event list after
//!   it, and the timeline's data inline, which the app loads; and the strip's geometry and
//!   variants as a stylesheet (`static-view.css`), so it draws without JavaScript under a CSP that
//!   allows no `style` attribute. The release build's own page is this over the seed.
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
use citeline_view::locale::Msg;
use citeline_view::view::{ViewBounds, ViewState};

use citeline_view::page::SKELETON_HTML;
pub use events::CONTEXT_CHARS;
pub use strip::{pct_from_px, variant_stylesheet, variants, Variant};

/// The static view of `timeline`, in its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// What the app's first screen shows, shaped like it (`<div class="first-view">`): masthead,
    /// timeline section (toolbar, the strip's variants, overview, hint) and the detail panel's
    /// placeholder. The app replaces it when it mounts.
    pub first_screen: String,
    /// Every event in time order with its evidence, then the passages as numbered notes (shown
    /// when printed), then the schema.org JSON-LD block. It stays when the app mounts.
    pub published: String,
    /// Which variant of the strip shows at which window width.
    pub variants: Vec<Variant>,
}

/// The app's search box, in its place but hidden until the app can work it (so nothing moves
/// when it takes over).
const SEARCH_BAR: &str = "<div class=\"search-bar static\" aria-hidden=\"true\"><label for=\"search-static\" class=\"sr-only\">Search events and sources</label>\
    <input id=\"search-static\" type=\"search\" placeholder=\"Search events and sources\" disabled tabindex=\"-1\">\
    <details class=\"search-filters\"><summary tabindex=\"-1\">Filters</summary></details><p class=\"search-count\"></p></div>\n";

/// The static view of `timeline` at the view a session starts on (everything).
pub fn view_of(timeline: &Timeline) -> View {
    let index = EventIndex::of_timeline(timeline);
    let view = ViewState::fit(&ViewBounds::of_extent(timeline.extent_days()));
    let in_time_order = timeline.extent_days().map(|(start, end)| index.events_in(start, end)).unwrap_or_default();
    let tracks = strip::first_tracks(timeline);
    let variants = strip::variants(timeline, &index, &tracks, &view);
    // The app's own (English) words, from the one catalogue.
    let words = |msg: Msg| escape::text(msg.english());
    let first_screen = format!(
        "<div class=\"first-view\">\n<header class=\"masthead\">\n<div class=\"masthead-row\"><h1><span class=\"brand\">Citeline</span></h1>\
         <button type=\"button\" class=\"share-button\" disabled aria-hidden=\"true\" tabindex=\"-1\">{}</button></div>\n\
         <p class=\"subtitle\">{}</p>\n{}{}<p class=\"lede\">{}</p>\n</header>\n{SEARCH_BAR}{}\
         <aside class=\"detail empty\" aria-label=\"{}\"><p>{}</p>{}</aside>\n</div>\n",
        words(Msg::ShareExport),
        escape::text(&timeline.title),
        timeline.description.as_deref().map(|d| format!("<p class=\"description\">{}</p>\n", escape::text(d))).unwrap_or_default(),
        timeline.media.as_ref().map(|m| format!("<div class=\"title-media\">{}</div>\n", events::media_figure(m))).unwrap_or_default(),
        words(Msg::Lede),
        strip::timeline_section(timeline, &index, &tracks, &view, &variants),
        words(Msg::EventDetails),
        words(Msg::DetailIntro),
        // The story's start, as the app's title card has it (a link that works with no script).
        in_time_order
            .first()
            .map(|&i| &timeline.events[i])
            .map(|e| format!(
                "<p class=\"story-start\"><a href=\"#event={}\" aria-keyshortcuts=\"N\">{}<span class=\"story-title\">{}</span> →</a></p>",
                escape::text(&e.id),
                words(Msg::StartWithFirst),
                escape::text(&e.title)
            ))
            .unwrap_or_default(),
    );
    let mut published = events::event_list(timeline, &in_time_order);
    published.push_str(&json_ld::script(&json_ld::json_ld(timeline, &in_time_order)));
    View { first_screen, published, variants }
}

/// The static view of `timeline` as one HTML fragment: the first screen, the event list with
/// its notes, and the JSON-LD data block.
pub fn render_view(timeline: &Timeline) -> String {
    let view = view_of(timeline);
    format!("{}{}", view.first_screen, view.published)
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

/// `page_template` (the release build's `dist/index.html`) with the first screen and the loading
/// skeleton inside `<main id="app">`, the event list and its notes after it (they stay when the app
/// replaces `main`), the timeline's JSON inline as `<script type="application/json"
/// id="citeline-data">` (which the app loads), the document title set to the timeline's, and a link
/// to [`STYLESHEET`], the strip's geometry. A template that already holds a view (the release
/// build's own page holds the seed's) has it replaced, so rendering is idempotent.
pub fn render_page(timeline: &Timeline, page_template: &str) -> Result<Page, TemplateError> {
    let template = without_view(page_template);
    let open = template.find(APP_OPEN).ok_or(TemplateError::NoAppElement)? + APP_OPEN.len();
    let close = open + template[open..].find(APP_CLOSE).ok_or(TemplateError::NoAppElement)?;
    let data = format!("\n<script type=\"application/json\" id=\"citeline-data\">{}</script>", escape::script_json(&timeline.to_json()));
    let view = view_of(timeline);
    // One pass over both parts, so the generated ids are unique in the page.
    let (html, geometry) = geometry_stylesheet(&format!("{}{}{VIEW_START}{}", view.first_screen, SKELETON_HTML, view.published));
    let (first_screen, published) = html.split_once(VIEW_START).unwrap_or((&html, ""));
    let page = format!(
        "{}\n{first_screen}\n{}\n{VIEW_START}{published}{data}{VIEW_END}{}",
        &template[..open],
        &template[close..close + APP_CLOSE.len()],
        &template[close + APP_CLOSE.len()..]
    );
    let index_html = with_noscript(&with_title(&page, &timeline.title).replacen("</head>", &format!("{STYLESHEET_LINK}</head>"), 1));
    Ok(Page { index_html, stylesheet: format!("{}{geometry}", strip::variant_stylesheet(&view.variants)) })
}

/// Around what [`render_page`] writes after `main` (the event list and the data).
const VIEW_START: &str = "<!--citeline:view-->";
const VIEW_END: &str = "<!--/citeline:view-->";

const STYLESHEET_LINK: &str = "<link rel=\"stylesheet\" href=\"./static-view.css\">\n";

/// `page` as the release build wrote it: without a view [`render_page`] put there (the content of
/// `main`, what it wrote after it, and the stylesheet link).
fn without_view(page: &str) -> String {
    let mut page = page.replacen(STYLESHEET_LINK, "", 1);
    if let (Some(start), Some(end)) = (page.find(VIEW_START), page.find(VIEW_END)) {
        if start < end {
            // And the newline written before it.
            let start = if page[..start].ends_with('\n') { start - 1 } else { start };
            page.replace_range(start..end + VIEW_END.len(), "");
        }
    }
    if let Some(open) = page.find(APP_OPEN).map(|i| i + APP_OPEN.len()) {
        if let Some(close) = page[open..].find(APP_CLOSE).map(|i| open + i) {
            page.replace_range(open..close, "");
        }
    }
    page
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
