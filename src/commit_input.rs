//! A text box that keeps what the person is typing until they commit it.
//!
//! Yew writes an `<input value={…}>` back on every render of the component that holds it, so a box
//! bound that way loses what the person has typed but not yet committed whenever something else
//! renders first: a save finishing, another tab's change arriving. This box is bound to the stored
//! value only. It shows the stored value when that changes and otherwise leaves the person's text
//! alone; a commit (Enter, or leaving the box) that is refused keeps their text and marks the box
//! invalid with the reason.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CommitInputProps {
    /// The value as stored.
    pub value: AttrValue,
    /// Called with the box's text when the person commits it; `Err` is the reason it is refused,
    /// shown on the box.
    pub on_commit: Callback<String, Result<(), String>>,
    #[prop_or_default]
    pub class: Classes,
    /// The input's `type`.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
}

/// An `<input>` that commits on change and shows the stored value only when it changes.
#[function_component(CommitInput)]
pub fn commit_input(props: &CommitInputProps) -> Html {
    let input = use_node_ref();
    {
        // Runs after the box is in the page, before it is painted: the stored value, and no old refusal.
        let input = input.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.set_value(value);
                input.set_custom_validity("");
            }
        });
    }
    let onchange = {
        let on_commit = props.on_commit.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            match on_commit.emit(input.value()) {
                Ok(()) => input.set_custom_validity(""),
                Err(message) => {
                    input.set_custom_validity(&message);
                    input.report_validity();
                }
            }
        })
    };
    html! {
        <input ref={input} class={props.class.clone()} type={props.kind.clone()} aria-label={props.aria_label.clone()}
            placeholder={props.placeholder.clone()} inputmode={props.inputmode.clone()} {onchange} />
    }
}
