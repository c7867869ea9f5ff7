//! The page's side effects, one hook each: the selection in the URL, the host page (when
//! embedded), and the person's documents in local storage. Components stay about drawing.

mod host;
mod search;
mod url_selection;
mod workspace;

pub use host::use_host;
pub use search::{use_search, Search};
pub use url_selection::{use_url_selection, use_url_tracks};
pub use workspace::use_workspace;

/// A hook dependency that changes when the value is another one, not when it reads differently:
/// `Rc<Timeline>` as a dependency compares 100,000 events, and takes a timeline equal to the
/// last for no change (the whole of a download equals the part read up to its last byte, and
/// must still reach the session). Holding the `Rc` keeps its address from being reused.
pub struct Same<T>(pub std::rc::Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}
