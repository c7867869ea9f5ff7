//! Any file, TimelineJS3's or ours, read whole (`load_any`) and read as a download in pieces
//! (`StreamingLoad`, cut where the first bytes say): never a panic, and both say the same.
#![no_main]

use citeline_model::import::{load_any, StreamingLoad, NOT_UTF8};
use citeline_model::timeline::LoadError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (cuts, bytes) = data.split_at(data.len().min(3));
    let mut load = StreamingLoad::new();
    let mut from = 0;
    let mut points: Vec<usize> = cuts.iter().map(|&c| usize::from(c) * 7 % (bytes.len() + 1)).collect();
    points.sort_unstable();
    for cut in points.into_iter().chain([bytes.len()]) {
        load.push(&bytes[from..cut]);
        from = cut;
    }
    let streamed = match load.finish() {
        Err(LoadError::Syntax(m)) if m.starts_with(NOT_UTF8) => "not UTF-8".to_owned(),
        other => format!("{other:?}"),
    };
    let whole = match std::str::from_utf8(bytes) {
        Ok(text) => format!("{:?}", load_any(text)),
        Err(_) => "not UTF-8".to_owned(),
    };
    assert_eq!(streamed, whole);
});
