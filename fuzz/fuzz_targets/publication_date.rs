//! The publication-date guess on any text: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = citeline_extract::guess_publication_date(text);
});
