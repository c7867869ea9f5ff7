//! The TimeML reader on any text: read or refused in words, never a panic; what reads can be
//! rewritten.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if citeline_eval::timeml::parse(text).is_ok() {
        let _ = citeline_eval::timeml::rewrite(text, &[]);
    }
});
