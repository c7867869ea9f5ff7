//! Citeline: timelines in which every event carries its evidence.
//!
//! [`core`] is pure Rust (std, serde, chrono): documents, passage anchors, dates, the timeline
//! model and the geometry of the view. It never imports a web crate; `tests/layering.rs` enforces it.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
