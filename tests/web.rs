//! Component tests in a real browser (wasm-bindgen-test-runner driving headless Chromium through
//! chromedriver): `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits until `ready()` holds (Yew renders asynchronously), checking every few milliseconds for
/// at most two seconds; fails with `what` if it never does.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..400 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("timed out waiting until {what}");
}

fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("main").expect("create root");
    root.set_attribute("style", "width: 1000px").expect("style");
    gloo::utils::body().append_child(&root).expect("append root");
    yew::Renderer::<citeline_web::App>::with_root(root.clone()).render();
    root
}

fn ids(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("[data-event-id]").expect("query");
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()?.get_attribute("data-event-id")).collect()
}

#[wasm_bindgen_test]
async fn renders_every_seed_event_then_selects_on_click_and_updates_the_url() {
    let root = mount();
    until("the seed events are drawn", || ids(&root).len() >= 4).await;
    let shown = ids(&root);
    for id in ["contest-2011", "attacks-2017", "contest-2018-launch", "global-internet-forum-trip"] {
        assert!(shown.iter().any(|s| s == id), "{id} is drawn: {shown:?}");
    }
    assert!(root.query_selector("[data-passage]").expect("query").is_none(), "nothing selected yet");

    let button: HtmlElement = root
        .query_selector("[data-event-id=\"global-internet-forum-trip\"]")
        .expect("query")
        .expect("trip drawn")
        .dyn_into()
        .expect("an HTML element");
    button.click();
    until("the passage is quoted", || root.query_selector("[data-passage]").ok().flatten().is_some()).await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    let passage = root.query_selector("[data-passage]").expect("query").expect("a passage is quoted");
    assert_eq!(passage.get_attribute("data-document-id").as_deref(), Some("home-office-contest-2018"));
    let mark = passage.query_selector("mark").expect("query").expect("highlight").text_content().unwrap_or_default();
    assert!(mark.contains("Friday 8 June"), "highlighted: {mark}");
    // The URL follows in an effect after the render.
    let hash = || gloo::utils::window().location().hash().unwrap_or_default();
    until("the URL names the event", || hash() == "#event=global-internet-forum-trip").await;

    // Clicking the selected event again clears the selection.
    button.click();
    until("the selection is cleared", || button.get_attribute("aria-pressed").as_deref() == Some("false")).await;
    assert!(root.query_selector("[data-passage]").expect("query").is_none());
    root.remove();
}
