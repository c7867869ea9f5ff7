//! Corroboration: proposals that report the same happening (compatible dates and shared key terms)
//! become one event backed by every source's passage ("2 sources"); where the sources give
//! different dates for what looks like the same happening, the merged event says so ("Sources
//! disagree: …") and its date is marked uncertain.
//!
//! Pure and word-based: the key terms are the content words of the titles and passages.

use std::collections::BTreeSet;

use crate::date::{DateValue, EventDate, Granularity, Qualifier};
use crate::timeline::{DateBasisKind, Event};

/// How two proposals relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The same happening on compatible dates.
    Agree,
    /// Very likely the same happening, on different dates (days apart).
    Disagree,
}

/// Words that carry no subject: function words, reporting and time words.
fn stopword(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "and"
            | "for"
            | "with"
            | "that"
            | "this"
            | "from"
            | "into"
            | "which"
            | "who"
            | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "been"
            | "will"
            | "would"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "not"
            | "but"
            | "all"
            | "also"
            | "more"
            | "said"
            | "say"
            | "says"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "year"
            | "years"
            | "last"
            | "next"
            | "new"
            | "one"
            | "two"
            | "there"
            | "they"
            | "them"
            | "such"
            | "than"
            | "over"
            | "about"
            | "after"
            | "before"
            | "since"
            | "during"
            | "between"
            | "can"
            | "could"
            | "may"
            | "should"
            | "must"
            | "out"
            | "set"
            | "sets"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// The key terms of a text: content words of three letters or more, lower case, without a plural
/// "-s" (hyphenated words count by their parts).
pub fn key_terms(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !stopword(w))
        .map(|w| if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_owned() } else { w })
        .collect()
}

/// The documents an event quotes, in order, each once.
pub fn sources(event: &Event) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for p in &event.passages {
        if !out.contains(&p.document.as_str()) {
            out.push(&p.document);
        }
    }
    out
}

/// The key terms of an event's first few passages (enough to tell a happening; an event a long
/// report repeats hundreds of times would otherwise cost more with every source added).
fn passage_terms(event: &Event) -> BTreeSet<String> {
    event.passages.iter().take(3).flat_map(|p| key_terms(&p.quote.exact)).collect()
}

/// The days an event's date covers: first day and the day after the last, in days since 1970.
pub fn span(date: &EventDate) -> (f64, f64) {
    (date.start_days(), date.end_days())
}

/// Whether two dates' spans (see [`span`]) are near enough for [`same_happening`] to be asked: one
/// covers the other, or they start at most a week apart. A numeric pre-filter: callers comparing
/// many proposals keep the spans and ask this first.
pub fn near(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 <= b.0 && b.1 <= a.1) || (b.0 <= a.0 && a.1 <= b.1) || (a.0 - b.0).abs() <= 7.0
}

/// Whether the dates can be the same happening's: one covers the other ("2018" and "4 June 2018",
/// or the same day).
fn compatible(a: &EventDate, b: &EventDate) -> bool {
    let ((a0, a1), (b0, b1)) = (span(a), span(b));
    (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1)
}

/// Whether `a` and `b` report the same happening, and whether their dates agree.
pub fn same_happening(a: &Event, b: &Event) -> Option<Verdict> {
    // Dates first: they rule most pairs out for the cost of a few comparisons.
    let agree = compatible(&a.date, &b.date);
    let ((a0, _), (b0, _)) = (span(&a.date), span(&b.date));
    // Different dates: only days apart, for a happening both clearly name, from different sources.
    let close = (a0 - b0).abs() <= 7.0 && a.date.granularity() >= Granularity::Day && b.date.granularity() >= Granularity::Day;
    let other_sources = || sources(a).iter().all(|d| !sources(b).contains(d));
    if !(agree || close && other_sources()) {
        return None;
    }
    let shared_titles = key_terms(&a.title).intersection(&key_terms(&b.title)).count();
    if shared_titles == 0 {
        return None;
    }
    let shared_passages = || passage_terms(a).intersection(&passage_terms(b)).count();
    if agree {
        (shared_titles >= 2 || shared_passages() >= 3).then_some(Verdict::Agree)
    } else {
        (shared_titles >= 2 || shared_passages() >= 4).then_some(Verdict::Disagree)
    }
}

/// Adds `other`'s passages to `target`. Agreeing, `target` takes the more precise date; disagreeing,
/// its date is marked uncertain and its basis says which dates the sources give.
pub fn merge_into(target: &mut Event, other: &Event, verdict: Verdict) {
    for passage in &other.passages {
        if !target.passages.contains(passage) {
            target.passages.push(passage.clone());
        }
    }
    match verdict {
        Verdict::Agree => {
            if other.date.granularity() > target.date.granularity() {
                target.date = other.date;
                target.date_basis = other.date_basis.clone();
            }
            // A one-word title gives way to a fuller one.
            if !target.title.contains(' ') && other.title.contains(' ') {
                target.title.clone_from(&other.title);
            }
        }
        Verdict::Disagree => {
            let mut dates = vec![target.date.display_long()];
            let theirs = other.date.display_long();
            if !target.date_basis.explanation.contains(&theirs) {
                dates.push(theirs);
            }
            if let EventDate::Point(v) = target.date {
                target.date = EventDate::Point(uncertain(v));
            }
            target.date_basis.kind = DateBasisKind::Resolved;
            target.date_basis.explanation = format!("Sources disagree: {}. {}", dates.join(" or "), target.date_basis.explanation);
        }
    }
}

fn uncertain(v: DateValue) -> DateValue {
    v.qualified(Qualifier { uncertain: true, ..v.qualifier() })
}

/// Merges the events that report the same happening, keeping the first of each in place.
pub fn corroborate(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut spans: Vec<(f64, f64)> = Vec::with_capacity(events.len());
    for event in events {
        let here = span(&event.date);
        let found = (0..out.len()).find_map(|i| near(spans[i], here).then(|| same_happening(&out[i], &event)).flatten().map(|v| (i, v)));
        match found {
            Some((i, verdict)) => {
                merge_into(&mut out[i], &event, verdict);
                spans[i] = span(&out[i].date);
            }
            None => {
                out.push(event);
                spans.push(here);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::{TextPositionSelector, TextQuoteSelector};
    use crate::timeline::{DateBasis, Passage, Support};

    fn event(id: &str, doc: &str, date: &str, title: &str, passage: &str) -> Event {
        Event {
            id: id.into(),
            title: title.into(),
            summary: passage.into(),
            date: EventDate::Point(date.parse().expect("date")),
            date_basis: DateBasis { kind: DateBasisKind::Stated, explanation: format!("{date}.") },
            passages: vec![Passage {
                document: doc.into(),
                supports: vec![Support::Date, Support::Description],
                quote: TextQuoteSelector { exact: passage.into(), prefix: String::new(), suffix: String::new() },
                position: TextPositionSelector { start: 0, end: passage.chars().count() },
            }],
            media: None,
            group: None,
        }
    }

    /// The launch as the Home Office and the police commissioners report it.
    fn launch_and_welcome() -> (Event, Event) {
        let launch = event(
            "a",
            "home-office",
            "2018-06-04",
            "Updated counter-terrorism strategy launched",
            "An updated counter-terrorism strategy to reduce the risk was launched by the Home Secretary today.",
        );
        let welcome = event(
            "b",
            "apcc",
            "2018-06-04",
            "Publication of CONTEST strategy",
            "I welcome the publication of today's CONTEST strategy to reduce the risk of terrorism.",
        );
        (launch, welcome)
    }

    #[test]
    fn two_sources_of_one_launch_merge_and_unrelated_events_on_that_day_do_not() {
        let (launch, welcome) = launch_and_welcome();
        let other = event("c", "apcc", "2018-06-04", "Police meet the mayor", "Police met the mayor today.");
        let merged = corroborate(vec![launch, welcome, other]);
        assert_eq!(merged.len(), 2);
        assert_eq!(sources(&merged[0]), ["home-office", "apcc"]);
        assert_eq!(merged[0].title, "Updated counter-terrorism strategy launched");
        assert_eq!(merged[1].id, "c");
    }

    #[test]
    fn a_year_and_a_day_agree_and_the_day_wins() {
        let a = event("a", "x", "2017", "Attacks in London and Manchester", "The attacks in London and Manchester in 2017 cost lives.");
        let b = event("b", "y", "2017-05-22", "Manchester attacks", "The Manchester attacks on 22 May 2017 in London and Manchester.");
        let merged = corroborate(vec![a, b]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].date.display_long(), "Monday 22 May 2017");
    }

    #[test]
    fn sources_that_give_different_days_are_merged_with_the_disagreement_said() {
        let a = event(
            "a",
            "x",
            "2018-06-04",
            "Counter-terrorism strategy launched",
            "The counter-terrorism strategy was launched on 4 June 2018.",
        );
        let b = event(
            "b",
            "y",
            "2018-06-05",
            "Counter-terrorism strategy launched",
            "The counter-terrorism strategy was launched on 5 June 2018.",
        );
        let merged = corroborate(vec![a, b.clone()]);
        assert_eq!(merged.len(), 1);
        assert!(
            merged[0].date_basis.explanation.starts_with("Sources disagree: Monday 4 June 2018 or Tuesday 5 June 2018."),
            "{}",
            merged[0].date_basis.explanation
        );
        assert!(merged[0].date.first().qualifier().uncertain);
        // A month apart is another happening; so is the same source twice.
        let later = event(
            "c",
            "y",
            "2018-07-05",
            "Counter-terrorism strategy launched",
            "The counter-terrorism strategy was launched on 5 July 2018.",
        );
        assert_eq!(corroborate(vec![merged[0].clone(), later]).len(), 2);
        let same_source = event(
            "d",
            "x",
            "2018-06-05",
            "Counter-terrorism strategy launched",
            "The counter-terrorism strategy was launched on 5 June 2018.",
        );
        assert_eq!(corroborate(vec![event("a", "x", "2018-06-04", "Counter-terrorism strategy launched", "x"), same_source]).len(), 2);
    }

    #[test]
    fn the_workspace_merges_a_second_source_and_splits_it_back() {
        use crate::workspace::Workspace;
        let (launch, welcome) = launch_and_welcome();
        let mut w = Workspace::default();
        w.add_proposals(vec![launch.clone()]);
        w.add_proposals(vec![welcome.clone()]);
        assert_eq!(w.proposals.len(), 1);
        assert_eq!(sources(&w.proposals[0].event), ["home-office", "apcc"]);
        // Listed under both documents; the same proposal again changes nothing.
        assert_eq!(w.proposals_from("apcc").count(), 1);
        w.add_proposals(vec![welcome.clone()]);
        assert_eq!(w.proposals.len(), 1);
        // Kept through storage, split back as proposed.
        let (mut w, _) = Workspace::from_json(&w.to_json());
        w.split("a");
        let events: Vec<&Event> = w.proposals.iter().map(|p| &p.event).collect();
        assert_eq!(events, [&launch, &welcome]);
        // An accepted proposal is the person's: a new source is not merged into it.
        w.accept("a");
        w.delete("b");
        w.add_proposals(vec![welcome]);
        assert_eq!(w.proposals.len(), 2);
    }
}
