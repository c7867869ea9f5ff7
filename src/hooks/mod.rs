//! The page's side effects, one hook each: the selection in the URL, the host page (when
//! embedded), and the person's documents in local storage. Components stay about drawing.

mod host;
mod url_selection;
mod workspace;

pub use host::use_host;
pub use url_selection::use_url_selection;
pub use workspace::use_workspace;
