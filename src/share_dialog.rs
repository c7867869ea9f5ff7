//! "Share / embed": a deep link, an iframe, the iframe with auto-height, and the JS API, each for
//! the current event and view, with copy buttons.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlTextAreaElement};
use yew::prelude::*;

use citeline_model::embed::Snippets;

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    pub snippets: Rc<Snippets>,
    pub on_close: Callback<()>,
}

#[function_component(ShareDialog)]
pub fn share_dialog(props: &ShareDialogProps) -> Html {
    let dialog = use_node_ref();
    let copied = use_state(|| None::<&'static str>);
    {
        let dialog = dialog.clone();
        let on_close = props.on_close.clone();
        use_effect_with((), move |_| {
            let listener = dialog.cast::<HtmlDialogElement>().map(|d| {
                let _ = d.show_modal();
                gloo::events::EventListener::new(&d, "close", move |_| on_close.emit(()))
            });
            move || drop(listener)
        });
    }
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let block = |key: &'static str, label: &'static str, help: &'static str, text: &str| {
        let id = format!("share-{key}");
        let copy = {
            let copied = copied.clone();
            let text = text.to_owned();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                let copied = copied.clone();
                let text = text.clone();
                let id = id.clone();
                yew::platform::spawn_local(async move {
                    let clipboard = gloo::utils::window().navigator().clipboard();
                    let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok();
                    if !ok {
                        // No clipboard permission: select the text so Ctrl+C / Cmd+C copies it.
                        if let Some(area) =
                            gloo::utils::document().get_element_by_id(&id).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
                        {
                            area.select();
                        }
                    }
                    copied.set(Some(if ok { key } else { "select" }));
                });
            })
        };
        let status = match *copied {
            Some(k) if k == key => "Copied",
            Some("select") => "Selected: press Ctrl+C",
            _ => "",
        };
        html! {
            <div class="share-block">
                <label for={id.clone()}>{ label }</label>
                <p class="hint-text">{ help }</p>
                <textarea id={id} readonly=true rows={if key == "link" { "2" } else { "4" }} value={text.to_owned()} />
                <div class="add-actions">
                    <button type="button" onclick={copy} aria-label={format!("Copy the {}", label.to_lowercase())}>{ "Copy" }</button>
                    <span class="copied" aria-live="polite">{ status }</span>
                </div>
            </div>
        }
    };
    let s = &props.snippets;
    html! {
        <dialog class="share" ref={dialog} aria-labelledby="share-title">
            <header class="source-header">
                <h2 id="share-title">{ "Share or embed this timeline" }</h2>
                <button type="button" class="close" aria-label="Close" onclick={close}>{ "×" }</button>
            </header>
            <div class="share-body">
                { block("link", "Link", "Opens this page at the selected event.", &s.link) }
                { block("iframe", "Embed (iframe)", "Works anywhere that accepts an iframe, at a fixed height.", &s.iframe) }
                { block("script", "Embed with auto-height", "The iframe plus a small script that fits it to its content and passes selections to your page (pym.js pages resize it too).", &s.script) }
                { block("api", "JavaScript API", "Mounts the timeline in your own element, without an iframe.", &s.api) }
            </div>
        </dialog>
    }
}
