//! When the page is framed by another site: its theme and height from the URL, commands from the
//! parent window, and our height and selections posted back (see `crate::embed`).

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use citeline_model::embed::{EmbedOptions, HostCommand};
use citeline_model::timeline::Event;
use citeline_view::session::SessionAction;
use citeline_view::view::ViewAction;

use crate::session::SessionState;

/// Talks to the host page: takes its commands, tells it our height (after every render and on
/// resize) and each selection.
#[hook]
pub fn use_host(options: Rc<EmbedOptions>, selected: Option<Event>, dispatch: UseReducerDispatcher<SessionState>) {
    use_effect_with((options.theme, options.height), |(theme, height)| crate::embed::apply_theme(*theme, *height));
    use_effect_with((), move |_| {
        let listener = crate::embed::listen(move |command| match command {
            HostCommand::Select(id) => dispatch.dispatch(SessionAction::Focus(id)),
            HostCommand::View(start, end) => {
                dispatch.dispatch(SessionAction::View(ViewAction::Show { start_days: start.start_days(), end_days: end.end_days() }))
            }
        });
        move || drop(listener)
    });
    {
        let options = options.clone();
        use_effect(move || crate::embed::post_height(&options));
    }
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| crate::embed::post_height(&options));
        move || drop(listener)
    });
    use_effect_with(selected, |selected| {
        if let Some(event) = selected {
            crate::embed::post_select(&event.id, &event.date.display_short(), &event.title);
        }
    });
}
