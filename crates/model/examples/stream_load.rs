//! Native figures for reading a TimelineJS3 file as the page does: in pieces, through
//! `StreamingLoad`. `cargo run --release -p citeline-model --example stream_load FILE [PIECE_KB]`
//! (the scale benchmark's data: `node bench/gen-data.mjs 100000 > /tmp/events.json`).
#![allow(clippy::disallowed_methods)] // a benchmark times itself

use std::time::Instant;

use citeline_model::import::StreamingLoad;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: stream_load FILE [PIECE_KB]");
        std::process::exit(2);
    };
    let piece = args.next().and_then(|k| k.parse::<usize>().ok()).unwrap_or(64) * 1024;
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let mut times = Vec::new();
    for _ in 0..std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(5) {
        let started = Instant::now();
        let mut load = StreamingLoad::with_size_hint(bytes.len());
        for chunk in bytes.chunks(piece) {
            load.push(chunk);
        }
        let pushed = started.elapsed();
        let loaded = load.finish();
        let total = started.elapsed();
        let events = loaded.as_ref().map(|(t, _)| t.events.len()).unwrap_or(0);
        times.push((total.as_secs_f64() * 1e3, pushed.as_secs_f64() * 1e3, events));
        drop(loaded); // not timed: the page keeps its timeline
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (total, pushed, events) = times[times.len() / 2];
    println!(
        "{events} events from {:.1} MB in {} KB pieces: median of 5 {total:.0} ms ({pushed:.0} ms pushing)",
        bytes.len() as f64 / 1e6,
        piece / 1024
    );
}
