//! The zoom and pan buttons, and the window's dates (announced when they change).

use yew::prelude::*;

use citeline_view::input::toolbar;
use citeline_view::locale::Msg;
use citeline_view::view::ViewAction;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The window's dates ("1 Jan 2017 to 8 Jun 2018").
    pub window_label: String,
    /// What the buttons do.
    pub on_action: Callback<ViewAction>,
    /// The reader's language.
    pub locale: crate::locale::Locale,
    /// More controls, after the buttons (the tracks menu).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Toolbar)]
pub fn toolbar_view(props: &ToolbarProps) -> Html {
    let locale = &props.locale;
    html! {
        <div class="toolbar" role="toolbar" aria-label={locale.t(Msg::ZoomAndPan)}>
            { for toolbar().into_iter().map(|b| {
                let onclick = props.on_action.reform(move |_: MouseEvent| b.action.clone());
                // The button's words in the reader's language (its symbol stays).
                let msg = match b.key {
                    "-" => Msg::ZoomOut,
                    "+" => Msg::ZoomIn,
                    "ArrowLeft" => Msg::Earlier,
                    "ArrowRight" => Msg::Later,
                    _ => Msg::FitAll,
                };
                let label = locale.t(msg);
                let text = if b.text == b.label { label } else { b.text };
                html! {
                    <button type="button" class="tool" aria-label={label} title={format!("{label} ({})", b.key)}
                        aria-keyshortcuts={b.key} {onclick}>{ text }</button>
                }
            }) }
            { props.children.clone() }
            <p class="range" aria-live="polite">{ locale.f(Msg::Showing, &[&props.window_label]) }</p>
        </div>
    }
}
