//! Citeline's data model: what a timeline *is*, independent of how it is drawn or where its events
//! came from.
//!
//! - [`date`]: calendar values with their granularity, event dates (points and ranges), display.
//! - [`document`]: source documents and their publication dates; char ↔ byte offsets.
//! - [`anchor`]: W3C-style passage selectors (quote + position) and their resolution.
//! - [`timeline`]: the versioned timeline JSON format, loaded with per-item diagnostics.
//! - [`import`]: any timeline file people already have (ours or TimelineJS3's).
//! - [`media`]: an event's picture or link to other media, and what its address tells.
//! - [`markup`]: the one lenient reader for tagged text (HTML, TimeML's XML) and its entity table.
//! - [`sheet`]: TimelineJS3's Google Sheets template as CSV, read as the slides it stands for.
//! - [`seed`]: the two seed documents and their events, compiled in.
//! - [`source`]: where a document lives on the web; links that open a passage there.
//! - [`embed`]: embedding options from the URL and the host messages.
//! - [`workspace`]: the person's own documents and proposals, kept in local storage.
//! - [`export`]: every way out: TimelineJS3 JSON, the sheet CSV, iCalendar, each with the evidence.
//! - [`ics`]: iCalendar in: each VEVENT read as the slide it stands for.
//! - [`extraction`]: the messages between the page and the extraction worker.
//! - [`testdata`]: where the shared test data is, for tests and benchmarks.
//!
//! Architecture invariant: pure Rust (std, serde, chrono). No web crate, no clock read; parsing
//! never panics and returns a value with diagnostics, or an error in words.

pub mod anchor;
pub mod corroboration;
pub mod date;
pub mod document;
pub mod embed;
pub mod export;
pub mod extraction;
pub mod ics;
pub mod import;
pub mod markup;
pub mod media;
pub mod seed;
pub mod sheet;
pub mod source;
pub mod testdata;
pub mod timeline;
pub mod workspace;
