//! Native extractor throughput: runs `extract` and `propose_events` over ~10 MB of news-like text
//! (the seed documents repeated) and prints MB/s, best of five runs.
//! `cargo run --release --example extract_throughput [MB]`
#![allow(clippy::disallowed_methods)] // a benchmark times itself

use std::time::Instant;

use citeline_extract::{extract, propose_events, Locale};
use citeline_model::seed::seed_timeline;

fn main() {
    let (seed, _) = seed_timeline().expect("the seed loads");
    let sample: String = seed.documents.iter().map(|d| d.text.as_str()).collect::<Vec<_>>().join("\n\n");
    let mut text = String::new();
    let target_mb: f64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10.0);
    while (text.len() as f64) < target_mb * 1_048_576.0 {
        text.push_str(&sample);
        text.push_str("\n\n");
    }
    let mb = text.len() as f64 / 1_048_576.0;
    let reference = chrono::NaiveDate::from_ymd_opt(2018, 6, 4);
    let best = |f: &dyn Fn() -> usize| {
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..5 {
            let t = Instant::now();
            n = f();
            times.push(t.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        (times[0], n)
    };
    let (t, mentions) = best(&|| extract(&text, reference, Locale::EnGb).len());
    println!("extract:        {mb:.1} MB in {:.0} ms = {:.1} MB/s ({mentions} mentions)", t * 1000.0, mb / t);
    let mut document = seed.documents[0].clone();
    document.text = text.clone();
    let (t, events) = best(&|| propose_events(&document, Locale::EnGb).len());
    println!("propose_events: {mb:.1} MB in {:.0} ms = {:.1} MB/s ({events} events)", t * 1000.0, mb / t);
}
