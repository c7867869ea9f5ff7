//! "Share / export": a deep link, an iframe, the iframe with auto-height, and the JS API, each for
//! the current event and view, with copy buttons; and the timeline as a file in every format
//! Citeline writes (`citeline_model::export`), or printed.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlTextAreaElement};
use yew::prelude::*;

use citeline_model::embed::Snippets;
use citeline_model::export::ExportFormat;
use citeline_model::timeline::Timeline;

#[derive(Properties)]
pub struct ShareDialogProps {
    pub snippets: Rc<Snippets>,
    /// What the page shows (with the person's events), as it is exported.
    pub timeline: Rc<Timeline>,
    pub on_close: Callback<()>,
}

impl PartialEq for ShareDialogProps {
    fn eq(&self, other: &Self) -> bool {
        self.snippets == other.snippets && Rc::ptr_eq(&self.timeline, &other.timeline) && self.on_close == other.on_close
    }
}

/// Now, as iCalendar's `DTSTAMP` (UTC).
fn stamp() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date(),
        now.get_utc_hours(),
        now.get_utc_minutes(),
        now.get_utc_seconds()
    )
}

/// The file name a timeline is saved under: its title, in words a file system takes.
fn file_stem(title: &str) -> String {
    let stem: String = title.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let stem = stem.split('-').filter(|w| !w.is_empty()).take(8).collect::<Vec<_>>().join("-");
    if stem.is_empty() {
        "timeline".to_owned()
    } else {
        stem
    }
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
    let exports = ExportFormat::ALL.map(|format| {
        let timeline = props.timeline.clone();
        let save = Callback::from(move |_: MouseEvent| {
            let name = format!("{}.{}", file_stem(&timeline.title), format.extension());
            crate::download(&name, format.media_type(), &format.write(&timeline, &stamp()));
        });
        html! { <li><button type="button" onclick={save}>{ format.label() }</button></li> }
    });
    let print = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
            let _ = gloo::utils::window().print();
        })
    };
    let s = &props.snippets;
    html! {
        <dialog class="share" ref={dialog} aria-labelledby="share-title">
            <header class="source-header">
                <h2 id="share-title">{ "Share, embed or export this timeline" }</h2>
                <button type="button" class="close" aria-label="Close" onclick={close}>{ "×" }</button>
            </header>
            <div class="share-body">
                { block("link", "Link", "Opens this page at the selected event.", &s.link) }
                { block("iframe", "Embed (iframe)", "Works anywhere that accepts an iframe, at a fixed height.", &s.iframe) }
                { block("script", "Embed with auto-height", "The iframe plus a small script that fits it to its content and passes selections to your page (pym.js pages resize it too).", &s.script) }
                { block("api", "JavaScript API", "Mounts the timeline in your own element, without an iframe.", &s.api) }
                <section class="share-block export" aria-labelledby="export-title">
                    <h3 id="export-title">{ "Export" }</h3>
                    <p class="hint-text">{ "The whole timeline as a file, with your events. Each keeps the evidence: every event's passages, their sources and links to them." }</p>
                    <ul class="export-list">
                        { for exports }
                        <li><button type="button" onclick={print}>{ "Print, or save as PDF" }</button></li>
                    </ul>
                </section>
            </div>
        </dialog>
    }
}
