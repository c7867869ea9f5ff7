//! Search figures: builds N events as a TimelineJS3 file would bring them (a headline and a
//! paragraph of text each, words drawn from a newsroom vocabulary), indexes them once, then types
//! queries a key at a time and times each keystroke's answer, each refining the last as the page
//! does. `cargo run --release --example search_scale [N]` (default 100,000).
#![allow(clippy::disallowed_methods)] // a benchmark times itself

use std::time::Instant;

use citeline_model::date::Granularity;
use citeline_model::import::load_any;
use citeline_view::search::{SearchIndex, SearchQuery};

mod common;
use common::Lcg;

const WORDS: &[&str] = &[
    "strategy",
    "counter-terrorism",
    "police",
    "commissioners",
    "home",
    "secretary",
    "attack",
    "london",
    "manchester",
    "review",
    "published",
    "government",
    "minister",
    "council",
    "report",
    "inquiry",
    "forum",
    "internet",
    "security",
    "threat",
    "public",
    "response",
    "funding",
    "court",
    "trial",
    "election",
    "vote",
    "bridge",
    "river",
    "plan",
    "budget",
    "hospital",
    "school",
    "strike",
    "union",
    "parliament",
    "committee",
    "evidence",
    "statement",
    "agency",
    "press",
    "release",
    "launch",
    "announced",
];

fn file(n: usize) -> String {
    let mut rng = Lcg(7);
    let mut words = |k: usize| (0..k).map(|_| WORDS[rng.next() as usize % WORDS.len()]).collect::<Vec<_>>().join(" ");
    let events: Vec<String> = (0..n)
        .map(|i| {
            let (headline, text) = (words(5), words(30));
            let (year, month, day) = (2000 + i % 20, 1 + i % 12, 1 + i % 28);
            format!(
                r#"{{"start_date":{{"year":{year},"month":{month},"day":{day}}},"text":{{"headline":"{headline}","text":"<p>{text}.</p>"}},"unique_id":"e{i}"}}"#
            )
        })
        .collect();
    format!(r#"{{"title":{{"text":{{"headline":"Scale"}}}},"events":[{}]}}"#, events.join(","))
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let (timeline, _) = load_any(&file(n)).expect("the generated file loads");
    let chars: usize = timeline.documents.iter().map(|d| d.text.len()).sum();
    println!("search at {n} events ({:.1} MB of document text)", chars as f64 / 1e6);

    let t = Instant::now();
    let index = SearchIndex::of_timeline(&timeline);
    println!("index built once: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);

    let typed = ["counter-terrorism strategy", "manchester attack", "\"press release\"", "zebra"];
    let mut all = Vec::new();
    for query in typed {
        let mut times = Vec::new();
        let mut last = 0;
        let mut previous: Option<(SearchQuery, _)> = None;
        for end in (1..=query.len()).filter(|&e| query.is_char_boundary(e)) {
            let q = SearchQuery { text: query[..end].to_owned(), ..SearchQuery::default() };
            let t = Instant::now();
            // As the page does: each keystroke refines what the last one found.
            let result = index.refine(&timeline, &q, previous.as_ref().map(|(q, r)| (q, r)));
            times.push(t.elapsed().as_secs_f64() * 1e3);
            last = result.count;
            previous = Some((q, result));
        }
        times.sort_by(f64::total_cmp);
        println!(
            "typing {query:<28} {} keystrokes: median {:.1} ms, slowest {:.1} ms; {last} events match",
            times.len(),
            times[times.len() / 2],
            times[times.len() - 1]
        );
        all.extend(times);
    }
    let filtered = SearchQuery { text: "police".into(), precision: Some(Granularity::Day), ..SearchQuery::default() };
    let t = Instant::now();
    let result = index.find(&timeline, &filtered);
    println!("\"police\" filtered to day precision: {:.1} ms, {} events", t.elapsed().as_secs_f64() * 1e3, result.count);
    all.sort_by(f64::total_cmp);
    println!(
        "every keystroke: median {:.1} ms, p95 {:.1} ms, slowest {:.1} ms (goal: under 50 ms)",
        all[all.len() / 2],
        all[all.len() * 95 / 100],
        all[all.len() - 1]
    );
}
