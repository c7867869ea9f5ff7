//! The view crate's [`Session`] as Yew state. The page, the embed and the mount API all use it.

use std::rc::Rc;

use yew::Reducible;

use citeline_view::session::{Session, SessionAction};

/// A session in a `use_reducer`; an action that changes nothing keeps the same state (no redraw).
#[derive(PartialEq)]
pub struct SessionState(pub Session);

impl Reducible for SessionState {
    type Action = SessionAction;

    fn reduce(self: Rc<Self>, action: SessionAction) -> Rc<Self> {
        self.0.apply(&action).map_or(self, |next| Rc::new(SessionState(next)))
    }
}
