//! The pure core: no yew, web-sys, gloo, wasm-bindgen or js-sys (enforced by `tests/layering.rs`).

pub mod anchor;
pub mod date;
pub mod document;
pub mod embed;
pub mod extract;
pub mod import;
pub mod index;
pub mod lanes;
pub mod layout;
pub mod scale;
pub mod seed;
pub mod tempeval;
pub mod ticks;
pub mod timeline;
pub mod timeml;
pub mod view;
pub mod workspace;
