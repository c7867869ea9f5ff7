//! The whole source document in a modal dialog, the passage highlighted and scrolled into view.

use std::rc::Rc;

use gloo::events::EventListener;
use web_sys::{HtmlDialogElement, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use citeline_model::document::{byte_range_of_chars, Document};

#[derive(Properties, PartialEq)]
pub struct SourceDialogProps {
    pub document: Rc<Document>,
    /// Passage start, in chars.
    pub start: usize,
    /// Passage end, in chars.
    pub end: usize,
    pub on_close: Callback<()>,
}

#[function_component(SourceDialog)]
pub fn source_dialog(props: &SourceDialogProps) -> Html {
    let dialog = use_node_ref();
    let mark = use_node_ref();

    {
        let dialog = dialog.clone();
        let mark = mark.clone();
        let on_close = props.on_close.clone();
        use_effect_with((props.start, props.end), move |_| {
            let listener = dialog.cast::<HtmlDialogElement>().map(|d| {
                if !d.open() {
                    let _ = d.show_modal();
                }
                // Escape or the close button: the dialog closes itself, then tells us.
                EventListener::new(&d, "close", move |_| on_close.emit(()))
            });
            if let Some(mark) = mark.cast::<HtmlElement>() {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                options.set_behavior(ScrollBehavior::Instant);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
            move || drop(listener)
        });
    }

    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let text = &props.document.text;
    let range = byte_range_of_chars(text, props.start, props.end).unwrap_or(0..0);
    let published = props.document.published.as_ref().map(|p| format!("Published {} ({})", p.date.display_long(), p.source));

    html! {
        <dialog class="source" ref={dialog} aria-labelledby="source-title" data-source-for={props.document.id.clone()}>
            <header class="source-header">
                <div>
                    <h2 id="source-title">{ &props.document.title }</h2>
                    <p class="publisher">{ &props.document.publisher }</p>
                    if let Some(published) = published { <p class="published">{ published }</p> }
                </div>
                <button type="button" class="close" aria-label="Close source" onclick={close} autofocus=true>{ "×" }</button>
            </header>
            <div class="source-text" tabindex="0">
                { &text[..range.start] }
                <mark ref={mark} class="source-mark">{ &text[range.clone()] }</mark>
                { &text[range.end..] }
            </div>
        </dialog>
    }
}
