//! A text box that keeps what the person is typing until they commit it.
//!
//! Yew writes an `<input value={…}>` back on every render of the component that holds it, so a box
//! bound that way loses what the person has typed but not yet committed whenever something else
//! renders first: a save finishing, another tab's change arriving. This box is not bound to a
//! value. It starts from the stored value (its default value, set as the box is made) and shows
//! the stored value again only when that changes or a commit (Enter, or leaving the box) is taken,
//! as the store tidied it; otherwise it leaves the person's text alone. A refused commit keeps
//! their text and marks the box invalid with the reason.
//!
//! Nothing is written back on each keystroke: a date box being typed in field by field reads as
//! empty until the date is whole, and writing that back would clear what was typed.

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

/// An `<input>` that commits on change and shows the stored value only when it changes or a
/// commit is taken.
#[function_component(CommitInput)]
pub fn commit_input(props: &CommitInputProps) -> Html {
    let input = use_node_ref();
    // Commits taken: one more shows the stored value again, even when tidying left it as it was.
    let taken = use_state(|| 0u32);
    {
        // The box's default value already follows the stored value until the person types in it
        // (in the same render, so a new box is never drawn empty); once they have, it is set here.
        let input = input.clone();
        use_effect_with((props.value.clone(), *taken), move |(value, _)| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                if input.value() != value.as_str() {
                    input.set_value(value);
                }
                input.set_custom_validity("");
            }
        });
    }
    let onchange = {
        let (taken, on_commit) = (taken.clone(), props.on_commit.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            match on_commit.emit(input.value()) {
                Ok(()) => {
                    input.set_custom_validity("");
                    taken.set(*taken + 1);
                }
                Err(message) => {
                    input.set_custom_validity(&message);
                    input.report_validity();
                }
            }
        })
    };
    html! {
        <input ref={input} class={props.class.clone()} type={props.kind.clone()} aria-label={props.aria_label.clone()}
            placeholder={props.placeholder.clone()} inputmode={props.inputmode.clone()} ~defaultValue={props.value.to_string()} {onchange} />
    }
}
