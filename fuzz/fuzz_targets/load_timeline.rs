//! Our timeline format: any text loads or is refused in words, never a panic; and what loads
//! saves and loads again to the same timeline, with nothing to say.
#![no_main]

use citeline_model::timeline::Timeline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok((timeline, _)) = Timeline::from_json(text) {
        let (again, diagnostics) = Timeline::from_json(&timeline.to_json()).expect("what loaded saves as a loadable file");
        assert!(diagnostics.is_empty(), "a saved timeline reloads without problems: {diagnostics:?}");
        assert_eq!(again, timeline);
    }
});
