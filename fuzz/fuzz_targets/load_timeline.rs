//! Our timeline format: any text loads or is refused in words, never a panic; and what loads
//! saves and loads again to the same timeline, with nothing new to say (what is kept as it came,
//! such as an address that is not a web one, is said again: the same warning, never an error).
#![no_main]

use citeline_model::timeline::{Severity, Timeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok((timeline, first)) = Timeline::from_json(text) {
        let (again, diagnostics) = Timeline::from_json(&timeline.to_json()).expect("what loaded saves as a loadable file");
        for d in &diagnostics {
            assert!(
                d.severity == Severity::Warning && first.iter().any(|f| (&f.field, &f.message) == (&d.field, &d.message)),
                "a saved timeline reloads with nothing new to say: {d}"
            );
        }
        assert_eq!(again, timeline);
    }
});
