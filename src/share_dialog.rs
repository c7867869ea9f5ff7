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
use citeline_view::layout::layout_indexed;
use citeline_view::picture::{view_svg, window_caption};
use citeline_view::session::Session;

/// The view as an SVG, at the plot's width on the page.
fn picture(session: &Session, title: &str) -> String {
    let width = gloo::utils::document()
        .query_selector("#app .timeline:not(.static) .plot")
        .ok()
        .flatten()
        .map(|plot| f64::from(plot.client_width()))
        .filter(|w| *w > 0.0)
        .unwrap_or(1000.0);
    let frame = layout_indexed(session.timeline(), session.index(), session.view(), width);
    view_svg(&frame, title, &window_caption(session.view()))
}

/// Draws `svg` on a canvas at twice its size and offers it as a PNG download (the SVG goes in
/// as a `data:` picture, which `img-src data:` allows and which leaves the canvas readable).
fn download_png(file_name: String, svg: &str) {
    let Ok(image) = web_sys::HtmlImageElement::new() else { return };
    let source = format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(svg)));
    let loaded = image.clone();
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let (width, height) = (loaded.natural_width(), loaded.natural_height());
        let document = gloo::utils::document();
        let Some(canvas) = document.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok()) else {
            return;
        };
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let Some(context) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.scale(2.0, 2.0);
        let _ = context.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let on_blob = wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            let Some(blob) = blob else { return };
            let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
            crate::click_download(&url, &file_name);
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        let _ = canvas.to_blob(on_blob.unchecked_ref());
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&source);
}

#[derive(Properties)]
pub struct ShareDialogProps {
    pub snippets: Rc<Snippets>,
    /// What the page shows (with the person's events), as it is exported.
    pub timeline: Rc<Timeline>,
    /// The view now, for a picture of it.
    pub session: Session,
    pub on_close: Callback<()>,
}

impl PartialEq for ShareDialogProps {
    fn eq(&self, other: &Self) -> bool {
        self.snippets == other.snippets
            && Rc::ptr_eq(&self.timeline, &other.timeline)
            && self.session == other.session
            && self.on_close == other.on_close
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
    let save_svg = {
        let (timeline, session) = (props.timeline.clone(), props.session.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}-view.svg", file_stem(&timeline.title));
            crate::download(&name, "image/svg+xml", &picture(&session, &timeline.title));
        })
    };
    let save_png = {
        let (timeline, session) = (props.timeline.clone(), props.session.clone());
        Callback::from(move |_: MouseEvent| {
            download_png(format!("{}-view.png", file_stem(&timeline.title)), &picture(&session, &timeline.title))
        })
    };
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
                        <li><button type="button" onclick={save_svg}>{ "Picture of this view (SVG)" }</button></li>
                        <li><button type="button" onclick={save_png}>{ "Picture of this view (PNG)" }</button></li>
                        <li><button type="button" onclick={print}>{ "Print, or save as PDF" }</button></li>
                    </ul>
                </section>
            </div>
        </dialog>
    }
}
