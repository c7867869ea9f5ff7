//! Any file, TimelineJS3's or ours, read whole (`load_any`) and read as a download in pieces
//! (`StreamingLoad`, cut where the first bytes say): never a panic, and both say the same; what
//! is shown while it comes (`snapshot`) is never a panic either, and is the first events as read.
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
    let mut snapshots = Vec::new();
    for cut in points.into_iter().chain([bytes.len()]) {
        load.push(&bytes[from..cut]);
        from = cut;
        snapshots.extend(load.snapshot());
    }
    let finished = load.finish();
    // A file read as TimelineJS3's to the end (one that turns out to be something else is read
    // whole, and may differ from what was shown).
    let read_as_timelinejs = finished.as_ref().ok().filter(|(t, _)| t.documents.first().is_some_and(|d| d.id == "timelinejs-import"));
    if let Some((timeline, _)) = read_as_timelinejs {
        for partial in &snapshots {
            let n = partial.events.len();
            assert!(n <= timeline.events.len());
            // As they will be, but for the last one's suffix (what follows it).
            assert_eq!(partial.events[..n - 1], timeline.events[..n - 1]);
            assert_eq!(partial.events[n - 1].id, timeline.events[n - 1].id);
            assert_eq!(partial.events[n - 1].date, timeline.events[n - 1].date);
        }
    }
    let streamed = match finished {
        Err(LoadError::Syntax(m)) if m.starts_with(NOT_UTF8) => "not UTF-8".to_owned(),
        other => format!("{other:?}"),
    };
    let whole = match std::str::from_utf8(bytes) {
        Ok(text) => format!("{:?}", load_any(text)),
        Err(_) => "not UTF-8".to_owned(),
    };
    assert_eq!(streamed, whole);
});
