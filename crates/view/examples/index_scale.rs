//! Native level-of-detail figures: builds the event index for N synthetic events over ten years
//! (mixed year / month / day precision) and times view queries and whole frame layouts.
//! `cargo run --release --example index_scale [N]` (default 1,000,000)
#![allow(clippy::disallowed_methods)] // a benchmark times itself

use std::time::Instant;

use citeline_model::import::load_any;
use citeline_view::index::EventIndex;
use citeline_view::layout::{layout_indexed, ITEM_BUDGET};
use citeline_view::view::{ViewAction, ViewBounds, ViewState};

mod common;
use common::Lcg;

/// Days since 1970 of 2015-01-01 and the length of the span used.
const START: f64 = 16_436.0;
const SPAN: f64 = 3_652.0;

fn spans(n: usize) -> Vec<(f64, f64, String)> {
    let mut rng = Lcg(42);
    (0..n)
        .map(|i| {
            let start = START + f64::from(rng.next() % SPAN as u32);
            let len = match rng.next() % 10 {
                0 => 365.0,
                1 | 2 => 30.0,
                _ => 1.0,
            };
            (start, start + len, format!("e{i}"))
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let data = spans(n);

    let mut builds = Vec::new();
    let mut index = EventIndex::default();
    for _ in 0..3 {
        let t = Instant::now();
        index = EventIndex::build(data.iter().map(|(s, e, _)| (*s, *e)));
        builds.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("index {n} events: median {:.0} ms of 3 builds ({} cluster levels)", median(builds), index.level_count());

    // View queries at the level the layout would pick: windows from the full span to a day.
    let mut rng = Lcg(7);
    let mut query_ms = Vec::new();
    let mut items_seen = 0;
    for i in 0..2000 {
        let width = SPAN / 2f64.powi(i % 14);
        let t0 = START + f64::from(rng.next() % SPAN as u32) - width / 2.0;
        let t = Instant::now();
        let mut found = None;
        for level in std::iter::once(None).chain((0..index.level_count()).map(Some)) {
            if let Some(items) = index.visible(t0, t0 + width, level, ITEM_BUDGET) {
                found = Some(items.len());
                break;
            }
        }
        query_ms.push(t.elapsed().as_secs_f64() * 1e3);
        items_seen += found.unwrap_or(0);
    }
    query_ms.sort_by(f64::total_cmp);
    println!(
        "view query (finest level with <= {ITEM_BUDGET} items), 2000 windows from 10 years to a day: median {:.3} ms, p99 {:.3} ms, max {:.3} ms ({} items on average)",
        query_ms[1000],
        query_ms[1980],
        query_ms[1999],
        items_seen / 2000
    );

    // Whole frames (query + clustering choice + labels + lanes) on a loaded timeline of up to 100,000.
    let m = n.min(100_000);
    let events: Vec<String> = data[..m]
        .iter()
        .map(|(s, e, id)| {
            let d = citeline_model::date::date_from_days(*s).expect("in range");
            let date = match e - s {
                l if l > 300.0 => format!(r#"{{"year":"{}"}}"#, chrono::Datelike::year(&d)),
                l if l > 2.0 => format!(r#"{{"year":"{}","month":"{}"}}"#, chrono::Datelike::year(&d), chrono::Datelike::month(&d)),
                _ => format!(
                    r#"{{"year":"{}","month":"{}","day":"{}"}}"#,
                    chrono::Datelike::year(&d),
                    chrono::Datelike::month(&d),
                    chrono::Datelike::day(&d)
                ),
            };
            format!(r#"{{"start_date":{date},"text":{{"headline":"Event {id} in six words here","text":"Forty words of text."}}}}"#)
        })
        .collect();
    let json = format!(r#"{{"events":[{}]}}"#, events.join(","));
    let t = Instant::now();
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("json");
    let parse_ms = t.elapsed().as_secs_f64() * 1e3;
    drop(parsed);
    let t = Instant::now();
    let (timeline, _) = load_any(&json).expect("loads");
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let index = EventIndex::of_timeline(&timeline);
    let index_ms = t.elapsed().as_secs_f64() * 1e3;
    let bounds = ViewBounds::of_extent(Some(timeline.extent_days().expect("events")));
    let mut view = ViewState::fit(&bounds);
    let mut frame_ms = Vec::new();
    for step in 0..120 {
        let t = Instant::now();
        let frame = layout_indexed(&timeline, &index, &view, 1280.0);
        frame_ms.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(frame);
        let action = if step < 60 { ViewAction::ZoomAt { factor: 1.15, anchor_fraction: 0.4 } } else { ViewAction::PanByFraction(0.02) };
        view = view.apply(&action, &bounds);
    }
    frame_ms.sort_by(f64::total_cmp);
    println!(
        "{m} events: load {load_ms:.0} ms ({:.1} MB of TimelineJS3 JSON, of which {parse_ms:.0} ms parsing), index {index_ms:.0} ms; layout per frame over 60 zoom + 60 pan steps at 1280 px: median {:.3} ms, p95 {:.3} ms",
        json.len() as f64 / 1e6,
        frame_ms[60],
        frame_ms[114]
    );
}
