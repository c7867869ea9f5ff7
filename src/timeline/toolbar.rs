//! The zoom and pan buttons, and the window's dates (announced when they change).

use yew::prelude::*;

use citeline_view::input::toolbar;
use citeline_view::view::ViewAction;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The window's dates ("1 Jan 2017 to 8 Jun 2018").
    pub window_label: String,
    /// What the buttons do.
    pub on_action: Callback<ViewAction>,
    /// More controls, after the buttons (the tracks menu).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Toolbar)]
pub fn toolbar_view(props: &ToolbarProps) -> Html {
    html! {
        <div class="toolbar" role="toolbar" aria-label="Zoom and pan">
            { for toolbar().into_iter().map(|b| {
                let onclick = props.on_action.reform(move |_: MouseEvent| b.action.clone());
                html! {
                    <button type="button" class="tool" aria-label={b.label} title={format!("{} ({})", b.label, b.key)}
                        aria-keyshortcuts={b.key} {onclick}>{ b.text }</button>
                }
            }) }
            { props.children.clone() }
            <p class="range" aria-live="polite">{ format!("Showing {}", props.window_label) }</p>
        </div>
    }
}
