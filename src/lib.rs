//! Citeline's page: Yew components that draw the frame `citeline-view` computed and turn input into
//! view actions. It depends on `citeline-model` and `citeline-view`, never on the extractor, which
//! runs in its own worker (`crates/worker`) when someone adds documents.
//!
//! Everything here is for the browser (wasm32); natively this crate is empty.
#![cfg(target_arch = "wasm32")]

mod add_documents;
mod app;
pub use app::App;
mod commit_input;
mod cssom;
mod detail_panel;
mod embed;
mod event_list;
mod extractor;
mod hooks;
mod locale;
mod media_view;
pub mod mount;
mod search_bar;
mod session;
mod share_dialog;
mod source_dialog;
mod storage;
mod timeline;

/// Logs panics to the console and mounts the page on `<main id="app">` when there is one (a host
/// page that loads Citeline for the mount API has none, and gets nothing it did not ask for).
///
/// `main` may hold the static first view (crates/render), which mounting replaces (the boot script
/// only starts the wasm once that view has been painted, see scripts/boot-external.mjs): an event
/// label that had keyboard focus there hands it to the same event's label in the app.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Citeline panicked: {info}").into());
    }));
    let Some(root) = gloo::utils::document().get_element_by_id("app") else { return };
    mark("citeline:start");
    let focused = gloo::utils::document().active_element().filter(|el| root.contains(Some(el)));
    TAKE_OVER_FOCUS.set(focused.and_then(|el| el.get_attribute("data-event-id")));
    yew::Renderer::<app::App>::with_root(root).render();
}

/// A `performance.mark` (the benchmarks read them to say where the time of a load goes).
pub(crate) fn mark(name: &str) {
    if let Some(performance) = gloo::utils::window().performance() {
        let _ = performance.mark(name);
    }
}

thread_local! {
    /// The event whose static label had focus when the app took over (read once, by the timeline).
    static TAKE_OVER_FOCUS: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// The event whose static label had keyboard focus when the app replaced the static view; once.
pub(crate) fn take_over_focus() -> Option<String> {
    TAKE_OVER_FOCUS.take()
}

/// The current URL's fragment as decoded `key=value` pairs (`#event=<id>&q=attack`); empty when
/// it is not such a fragment (a jump to `#event-list`).
pub(crate) fn hash_pairs() -> Vec<(String, String)> {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let Some(body) = hash.strip_prefix('#') else { return Vec::new() };
    body.split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (decode_component(k), decode_component(&v.replace('+', " "))))
        .collect()
}

/// The fragment for `pairs`, encoded (`#` and nothing when there are none).
fn hash_of(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let encoded: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", encode_uri_component(k), encode_uri_component(v))).collect();
    format!("#{}", encoded.join("&"))
}

/// The `#event=<id>` of the current URL, if any.
pub(crate) fn event_from_hash() -> Option<String> {
    hash_pairs().into_iter().find(|(k, _)| k == "event").map(|(_, v)| v).filter(|id| !id.is_empty())
}

/// The search the current URL asks for (`#q=…&doc=…&publisher=…&precision=…`).
pub(crate) fn search_from_hash() -> citeline_view::search::SearchQuery {
    let pairs = hash_pairs();
    citeline_view::search::SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The fragment for the current URL with `search` in place of the one it has (the selection
/// and anything else kept).
pub(crate) fn hash_with_search(search: &citeline_view::search::SearchQuery) -> String {
    hash_replacing(&citeline_view::search::QUERY_KEYS, search.to_pairs())
}

/// The fragment for the current URL with `pairs` in place of the pairs it has under `keys`.
fn hash_replacing(keys: &[&str], pairs: Vec<(&'static str, String)>) -> String {
    let mut kept: Vec<(String, String)> = hash_pairs().into_iter().filter(|(k, _)| !keys.contains(&k.as_str())).collect();
    kept.extend(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)));
    hash_of(&kept)
}

/// Puts `hash` (a fragment, or nothing) in the URL: a new history entry when `push`, else in
/// place of the current one. Nothing happens when the URL has it already.
pub(crate) fn set_hash(hash: &str, push: bool) {
    let window = gloo::utils::window();
    let location = window.location();
    if location.hash().unwrap_or_default() == hash {
        return;
    }
    let url = format!("{}{}{hash}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let state = wasm_bindgen::JsValue::NULL;
        let _ =
            if push { history.push_state_with_url(&state, "", Some(&url)) } else { history.replace_state_with_url(&state, "", Some(&url)) };
    }
}

/// The tracks the current URL asks for (`#tracks=…&hide=…&collapse=…`).
pub(crate) fn tracks_from_hash() -> citeline_view::tracks::TrackChoice {
    let pairs = hash_pairs();
    citeline_view::tracks::TrackChoice::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The fragment for the current URL with `choice` in place of the tracks it has.
pub(crate) fn hash_with_tracks(choice: &citeline_view::tracks::TrackChoice) -> String {
    hash_replacing(&citeline_view::tracks::TRACK_KEYS, choice.to_pairs())
}

/// Percent-decodes a URL component (ids are usually plain, but links may be encoded).
fn decode_component(text: &str) -> String {
    decode_uri_component(text).unwrap_or_else(|_| text.to_owned())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen::prelude::wasm_bindgen(catch, js_name = decodeURIComponent)]
    fn decode_uri_component(text: &str) -> Result<String, wasm_bindgen::JsValue>;
    #[wasm_bindgen::prelude::wasm_bindgen(js_name = encodeURIComponent)]
    fn encode_uri_component(text: &str) -> String;
}

/// The URL fragment for a selection: `#event=<id>` first, then the search and tracks the URL has.
pub(crate) fn hash_from_selection(selected: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> = selected.map(|id| ("event".to_owned(), id.to_owned())).into_iter().collect();
    let kept = |k: &str| citeline_view::search::QUERY_KEYS.contains(&k) || citeline_view::tracks::TRACK_KEYS.contains(&k);
    pairs.extend(hash_pairs().into_iter().filter(|(k, _)| kept(k)));
    hash_of(&pairs)
}

/// Offers `json` as a file download.
pub(crate) fn download_json(file_name: &str, json: &str) {
    download(file_name, "application/json", json);
}

/// Offers `text` as a file download of type `media_type`.
pub(crate) fn download(file_name: &str, media_type: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    click_download(&url, file_name);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Follows a download link to `url`, saved as `file_name`.
pub(crate) fn click_download(url: &str, file_name: &str) {
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        let _ = a.set_attribute("href", url);
        let _ = a.set_attribute("download", file_name);
        if let Ok(a) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a) {
            a.click();
        }
    }
}
