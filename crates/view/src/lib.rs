//! Citeline's view: everything between the timeline model and the pixels, as plain data.
//!
//! - [`scale`]: the immutable time ↔ px mapping (f64 days).
//! - [`ticks`]: the calendar tick ladder, as data.
//! - [`lanes`]: collision-free lane assignment.
//! - [`index`]: the event index (sorted events, max-end tree, calendar cluster levels).
//! - [`view`]: the visible window and the reducer over it.
//! - [`layout`]: `(timeline, index, view, width) -> LayoutFrame`, the frame the web crate draws.
//! - [`elements`]: which element each drawn item takes from one frame to the next (keys).
//! - [`overview`]: the whole span's density and where the window sits on it.
//! - [`input`]: wheel, pinch, drag, keys and buttons as view actions, batched per frame.
//! - [`page`]: the plot's width at a window width (mirroring the stylesheet), and the loading skeleton.
//! - [`tracks`]: events in labelled rows (by group or by source document), each with its own index.
//! - [`locale`]: the reader's language: which translation, right to left or not, the interface's words.
//! - [`session`]: data + index + view, and the one reducer the page, embed and mount API share.
//!
//! Architecture invariant: pure Rust, depending on `citeline-model` only. No web crate, no clock
//! read. The same inputs give the same frame (snapshot-tested).

pub mod elements;
pub mod index;
pub mod input;
pub mod lanes;
pub mod layout;
pub mod locale;
pub mod overview;
pub mod page;
pub mod picture;
pub mod scale;
pub mod search;
pub mod session;
pub mod ticks;
pub mod tracks;
pub mod view;
