//! The embedded page's side of embedding: URL options, theme, and `postMessage` with the host
//! (height in our format and pym.js's, selections out, commands in from the parent only).

use std::cell::Cell;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;

use citeline_model::embed::{
    height_message, parse_command, parse_options, pym_height_message, select_message, EmbedOptions, HostCommand, Theme,
};

const OPTION_KEYS: &[&str] = &["embed", "event", "start", "end", "theme", "height", "childId", "lang", "language"];

/// The options in the page's URL.
pub fn options() -> EmbedOptions {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return EmbedOptions::default() };
    let pairs: Vec<(&str, String)> = OPTION_KEYS.iter().filter_map(|k| params.get(k).map(|v| (*k, v))).collect();
    parse_options(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

/// The page's URL without the embedding options: the "open full view" link.
pub fn full_view_url() -> String {
    let location = gloo::utils::window().location();
    let search = location.search().unwrap_or_default();
    let kept = web_sys::UrlSearchParams::new_with_str(&search).ok();
    if let Some(params) = &kept {
        for key in ["embed", "height", "childId", "initialWidth", "parentTitle", "parentUrl"] {
            params.delete(key);
        }
    }
    let query = kept.map(|p| String::from(p.to_string())).filter(|q| !q.is_empty()).map(|q| format!("?{q}")).unwrap_or_default();
    format!("{}{}{}", location.pathname().unwrap_or_default(), query, location.hash().unwrap_or_default())
}

/// Sets `data-theme` on the root element (CSS picks the colours) and the timeline height, through
/// the CSSOM (no style attribute, so a strict CSP holds).
pub fn apply_theme(theme: Theme, height: Option<u32>) {
    if let (Some(h), Some(root)) =
        (height, gloo::utils::document().document_element().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()))
    {
        let _ = root.style().set_property("--timeline-height", &format!("{h}px"));
    }
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            Theme::Light => root.set_attribute("data-theme", "light"),
            Theme::Dark => root.set_attribute("data-theme", "dark"),
        };
    }
}

fn parent() -> Option<web_sys::Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    // Not framed: the parent is the window itself.
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post(message: &str) {
    if let Some(parent) = parent() {
        // Heights and selections are public facts about the page, so any host may hear them.
        let _ = parent.post_message(&JsValue::from_str(message), "*");
    }
}

thread_local! {
    static LAST_HEIGHT: Cell<u32> = const { Cell::new(0) };
}

/// Tells the host the content height, when it changed (our message, and pym.js's with a child id).
pub fn post_height(options: &EmbedOptions) {
    if parent().is_none() {
        return;
    }
    let Some(body) = gloo::utils::document().body() else { return };
    let height = u32::try_from(body.scroll_height()).unwrap_or(0);
    if LAST_HEIGHT.with(|h| h.replace(height)) == height {
        return;
    }
    post(&height_message(height));
    if let Some(child) = &options.pym_child {
        post(&pym_height_message(child, height));
    }
}

/// Tells the host which event was selected.
pub fn post_select(id: &str, date: &str, title: &str) {
    post(&select_message(id, date, title));
}

/// Listens for commands from the parent window only; anything else is ignored.
pub fn listen(on_command: impl Fn(HostCommand) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else { return };
        let from_parent = match (parent(), event.source()) {
            (Some(parent), Some(source)) => js_sys::Object::is(&parent, &source),
            _ => false,
        };
        if !from_parent {
            return;
        }
        let data = event.data();
        let value = match data.as_string() {
            Some(text) => serde_json::Value::String(text),
            None => match js_sys::JSON::stringify(&data).ok().and_then(|s| s.as_string()) {
                Some(json) => serde_json::from_str(&json).unwrap_or(serde_json::Value::Null),
                None => return,
            },
        };
        if let Some(command) = parse_command(&value) {
            on_command(command);
        }
    })
}
