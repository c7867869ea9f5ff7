//! The extractor on any text, in both slash-date readings, with and without a reference date;
//! and the events it proposes from it as a document: never a panic, every mention inside the text.
#![no_main]

use citeline_extract::{extract, propose_events, Locale};
use citeline_model::document::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let reference = chrono::NaiveDate::from_ymd_opt(2018, 6, 4);
    for locale in [Locale::EnGb, Locale::EnUs] {
        for mention in extract(text, reference, locale).into_iter().chain(extract(text, None, locale)) {
            assert!(mention.start <= mention.end && mention.end <= text.chars().count(), "{mention:?}");
        }
    }
    let document = Document { id: "d".into(), title: "T".into(), publisher: "P".into(), published: None, text: text.to_owned(), ..Document::default() };
    let _ = propose_events(&document, Locale::EnGb);
});
