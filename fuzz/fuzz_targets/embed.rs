//! What a host page can say to an embedded timeline: the frame's URL options (the text as a
//! query string) and postMessage commands (the text as JSON): never a panic.
#![no_main]

use citeline_model::embed::{parse_command, parse_options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let pairs = text.split('&').map(|pair| pair.split_once('=').unwrap_or((pair, "")));
    let _ = parse_options(pairs);
    if let Ok(message) = serde_json::from_str::<serde_json::Value>(text) {
        let _ = parse_command(&message);
    }
});
