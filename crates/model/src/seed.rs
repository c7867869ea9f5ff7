//! The seed timeline, compiled into the binary so the page shows it with no fetch.
//!
//! `seeds/manifest.json` names each document's file and metadata, `seeds/events.json` holds the
//! events; they are joined here into one timeline value and loaded through the same validating
//! loader as user data, so a seed passage that stops matching is a diagnostic (and a failing test).

use serde_json::Value;

use crate::timeline::{Diagnostic, LoadError, Timeline};

const MANIFEST: &str = include_str!("../../../seeds/manifest.json");
const EVENTS: &str = include_str!("../../../seeds/events.json");
/// Seed texts by the file name the manifest gives them.
const TEXTS: &[(&str, &str)] = &[
    ("home-office-contest-2018-press-release.txt", include_str!("../../../seeds/home-office-contest-2018-press-release.txt")),
    ("apcc-response-contest-2018.txt", include_str!("../../../seeds/apcc-response-contest-2018.txt")),
];

/// Builds the seed timeline; the diagnostics are empty unless the seed files are broken.
pub fn seed_timeline() -> Result<(Timeline, Vec<Diagnostic>), LoadError> {
    let mut manifest: Value = serde_json::from_str(MANIFEST).map_err(|e| LoadError::Syntax(e.to_string()))?;
    let events: Value = serde_json::from_str(EVENTS).map_err(|e| LoadError::Syntax(e.to_string()))?;
    if let Some(documents) = manifest.get_mut("documents").and_then(Value::as_array_mut) {
        for doc in documents {
            let Some(object) = doc.as_object_mut() else { continue };
            let file = object.remove("file").and_then(|f| f.as_str().map(str::to_owned)).unwrap_or_default();
            let text = TEXTS.iter().find(|(name, _)| *name == file).map(|(_, text)| *text);
            let text = text.ok_or_else(|| LoadError::Format(format!("seed file \"{file}\" is not compiled in")))?;
            object.insert("text".into(), Value::String(text.to_owned()));
        }
    }
    manifest["events"] = events.get("events").cloned().unwrap_or(Value::Null);
    Timeline::from_value(&manifest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::{resolve, Resolution};
    use crate::date::{EventDate, Granularity};
    use crate::document::byte_range_of_chars;

    fn seed() -> Timeline {
        let (timeline, diagnostics) = seed_timeline().expect("seed loads");
        assert!(diagnostics.is_empty(), "seed diagnostics: {diagnostics:#?}");
        timeline
    }

    #[test]
    fn every_seed_passage_resolves_exactly_at_its_position() {
        let timeline = seed();
        for event in &timeline.events {
            assert!(!event.passages.is_empty(), "{} has no passage", event.id);
            for passage in &event.passages {
                let doc = timeline.document(&passage.document).expect("document exists");
                let found = resolve(&doc.text, &passage.quote, passage.position);
                assert_eq!(found, Ok(Resolution::AtPosition(passage.position)), "{}: {:?}", event.id, passage.quote);
                let range = byte_range_of_chars(&doc.text, passage.position.start, passage.position.end).expect("in bounds");
                assert_eq!(doc.text[range].to_owned(), passage.quote.exact);
            }
        }
    }

    #[test]
    fn seed_texts_are_the_shared_seeds_byte_for_byte() {
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
        if !shared.exists() {
            return; // a clone without shared/ beside it: the compiled texts are all there is to check
        }
        let pairs = [("000_05bb2bd2df772acb.txt", TEXTS[0].1), ("004_58218dafaf5e640f.txt", TEXTS[1].1)];
        for (name, compiled) in pairs {
            let original = std::fs::read_to_string(shared.join(name)).expect("shared seed readable");
            assert_eq!(original, compiled, "{name}");
        }
    }

    #[test]
    fn the_required_events_are_there_with_their_dates() {
        let timeline = seed();
        let expect = [
            ("contest-2011", "2011", Granularity::Year),
            ("attacks-2017", "2017", Granularity::Year),
            ("contest-2018-launch", "Monday 4 June 2018", Granularity::Day),
            ("global-internet-forum-trip", "Friday 8 June 2018", Granularity::Day),
        ];
        for (id, long, granularity) in expect {
            let event = timeline.event(id).expect(id);
            assert_eq!(event.date.display_long(), long);
            assert_eq!(event.date.granularity(), granularity);
        }
        let launch = timeline.event("contest-2018-launch").expect("launch");
        let docs: std::collections::HashSet<_> = launch.passages.iter().map(|p| p.document.as_str()).collect();
        assert_eq!(docs.len(), 2, "the launch is backed by both documents");
        assert!(matches!(timeline.event("contest-review").expect("review").date, EventDate::Range { .. }));
    }

    #[test]
    fn documents_carry_publication_dates_and_their_source() {
        for doc in seed().documents {
            let published = doc.published.expect("seed documents have a date");
            assert_eq!(published.date.iso(), "2018-06-04");
            assert!(!published.source.is_empty());
        }
    }
}
