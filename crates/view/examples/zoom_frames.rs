//! Native zoom-frame figures: the layout's share of a wheel-zoom frame in `bench/scale.mjs`.
//! Loads a timeline file (e.g. `node bench/gen-data.mjs 100000 > /tmp/events.json`), then lays out
//! the frames of the scale benchmark's 60 wheel steps (5 in, 5 out, six times, about the centre,
//! as a 1166 px plot) and prints the median and p95 layout time per step.
//! `cargo run --release -p citeline-view --example zoom_frames FILE [ROUNDS]`
#![allow(clippy::disallowed_methods)] // a benchmark times itself

use std::rc::Rc;
use std::time::Instant;

use citeline_model::import::load_any;
use citeline_view::input::wheel_action;
use citeline_view::layout::{layout_tracked, TrackInput};
use citeline_view::session::{Session, SessionAction, Start};
use citeline_view::view::ViewAction;

/// The plot's width in the benchmark's 1280 px window.
const PLOT_PX: f64 = 1166.0;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: zoom_frames FILE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (timeline, _) = load_any(&text).expect("a timeline");
    let start = Session::new(Rc::new(timeline), &Start::default());
    let mut step_ms = Vec::new();
    let mut items = 0;
    // A digest of the first round's frames (as JSON), to tell a faster layout from a different one.
    let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
    for round in 0..rounds {
        let mut session = start.clone();
        for i in 0..60 {
            let delta_y = if (i / 5) % 2 == 0 { -100.0 } else { 100.0 };
            let action = wheel_action(0.0, delta_y, 0, PLOT_PX, 0.5).expect("a zoom");
            session = session.apply(&SessionAction::View(action)).unwrap_or(session);
            let t = Instant::now();
            let tracks = TrackInput { tracks: session.tracks(), choice: session.track_choice() };
            let frame = layout_tracked(session.timeline(), session.index(), Some(tracks), session.view(), PLOT_PX);
            step_ms.push(t.elapsed().as_secs_f64() * 1e3);
            if round == 0 {
                // Also without tracks, and with an event selected, for the digest only.
                let selected = session.index().len() / 2;
                let id = session.timeline().events[selected].id.clone();
                let chosen = session.apply(&SessionAction::View(ViewAction::Select(id))).unwrap_or(session.clone());
                for s in [&session, &chosen] {
                    let plain = layout_tracked(s.timeline(), s.index(), None, s.view(), PLOT_PX);
                    for byte in serde_json::to_string(&plain).expect("serialises").bytes() {
                        digest = (digest ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
                    }
                }
            }
            items += frame.items.len();
            if round == 0 {
                for byte in serde_json::to_string(&frame).expect("serialises").bytes() {
                    digest = (digest ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
                }
            }
            std::hint::black_box(frame);
        }
    }
    step_ms.sort_by(f64::total_cmp);
    let at = |p: f64| step_ms[((step_ms.len() as f64 * p) as usize).min(step_ms.len() - 1)];
    println!(
        "{} events, {} tracks: layout per wheel step ({} steps): median {:.3} ms, p95 {:.3} ms; {:.0} items drawn per step; frames digest {digest:016x}",
        start.timeline().events.len(),
        start.tracks().tracks().len(),
        step_ms.len(),
        at(0.5),
        at(0.95),
        items as f64 / step_ms.len() as f64
    );
}
