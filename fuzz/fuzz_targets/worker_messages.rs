//! The extraction worker's service on any request text: every request is answered (a reply or an
//! error in words), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut replies = 0;
    citeline_extract::service::answer_json(text, &mut |_| replies += 1);
    assert!(replies > 0, "every request gets an answer");
});
