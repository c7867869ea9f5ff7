//! The extractor against the model: the seed's hand-made dates are found by machine reading, and
//! proposals flow through the person's workspace into a timeline that loads cleanly.

use chrono::{Datelike, Months};
use citeline_extract::{extract, propose_events, Locale, TimexType};
use citeline_model::date::EventDate;
use citeline_model::seed::seed_timeline;
use citeline_model::timeline::{Support, Timeline};
use citeline_model::workspace::Workspace;

/// The machine reading backs the hand-made dates: for every seed event, the extractor, run on
/// the event's own document with the publication date as reference, finds the event's date
/// inside a passage that supports the date.
#[test]
fn every_seed_date_is_found_by_the_extractor_in_its_passages() {
    let (timeline, _) = seed_timeline().expect("seed");
    for event in &timeline.events {
        let mut found = Vec::new();
        for passage in event.passages.iter().filter(|p| p.supports.contains(&Support::Date)) {
            let document = timeline.document(&passage.document).expect("document");
            let reference = document.published.as_ref().and_then(|p| p.date.first_day());
            for m in extract(&document.text, reference, Locale::EnGb) {
                if m.start >= passage.position.start && m.end <= passage.position.end {
                    found.push(m);
                }
            }
        }
        let ok = match &event.date {
            EventDate::Point(v) => found.iter().any(|m| m.value == v.iso()),
            EventDate::Range { start, end } => found.iter().any(|m| {
                // "over the last year": a duration ending at the reference date.
                let reference =
                    timeline.document(&event.passages[0].document).and_then(|d| d.published.as_ref()).and_then(|p| p.date.first_day());
                let months =
                    m.value.strip_prefix('P').and_then(|v| v.strip_suffix('Y')).and_then(|n| n.parse::<u32>().ok()).map(|y| y * 12);
                match (m.kind, reference, months, start.first_day(), end.first_day()) {
                    (TimexType::Duration, Some(r), Some(months), Some(start), Some(end)) => {
                        let from = r.checked_sub_months(Months::new(months)).expect("in range");
                        (from.year(), from.month()) == (start.year(), start.month()) && (r.year(), r.month()) == (end.year(), end.month())
                    }
                    _ => false,
                }
            }),
            // The seed has no open ranges; one would need its known end found.
            EventDate::Until(v) | EventDate::From(v) => found.iter().any(|m| m.value == v.iso()),
        };
        assert!(ok, "{}: {:?} not found by the extractor in its passages; found {found:#?}", event.id, event.date);
    }
}

#[test]
fn proposals_can_be_accepted_renamed_redated_merged_and_deleted() {
    let (seed, _) = seed_timeline().expect("seed");
    let taken: Vec<String> = seed.documents.iter().map(|d| d.id.clone()).collect();
    let mut w = Workspace::default();
    let text = "The plan was agreed on 3 March 2015. Work began on 9 March 2015. It ended in 2016.".to_owned();
    let id = w.add_document("My notes", text, None, &taken);
    let document = w.documents[0].clone();
    w.add_proposals(propose_events(&document, Locale::EnGb));
    assert_eq!(w.proposals.len(), 3, "{:#?}", w.proposals);
    let ids: Vec<String> = w.proposals.iter().map(|p| p.event.id.clone()).collect();
    w.accept(&ids[0]);
    w.rename(&ids[0], "Plan agreed").expect("renamed");
    assert!(w.rename(&ids[0], "  ").is_err());
    w.redate(&ids[2], "2016-02").expect("redated");
    assert!(w.redate(&ids[2], "Feb 2016").is_err());
    w.merge(&ids[0..2]).expect("merged");
    assert_eq!(w.proposals.len(), 2);
    let merged = w.proposals.iter().find(|p| p.event.id == ids[0]).expect("kept first");
    assert_eq!(merged.event.passages.len(), 2);
    assert!(merged.accepted);
    w.delete(&ids[2]);
    assert_eq!(w.proposals_from(&id).count(), 1);
    assert_eq!(w.proposals.len(), 1);
    // Survives storage, and combines with the seed into a timeline that loads cleanly.
    let (again, problem) = Workspace::from_json(&w.to_json());
    assert_eq!((again.clone(), problem), (w.clone(), None));
    let combined = again.combined(&seed);
    let (loaded, diagnostics) = Timeline::from_json(&combined.to_json()).expect("loads");
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(loaded.events.len(), seed.events.len() + 1);
    w.remove_document(&id);
    assert!(w.proposals.is_empty() && w.documents.is_empty());
    assert!(Workspace::from_json("not json").1.is_some());
}
