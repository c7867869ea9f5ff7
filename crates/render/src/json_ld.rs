//! The timeline as schema.org JSON-LD: an `ItemList` of `Event`s, each citing the documents it
//! quotes as `CreativeWork`s. Written as a `<script type="application/ld+json">` data block, which
//! is never executed, so the page's CSP allows it.

use serde_json::{json, Value};

use citeline_model::date::EventDate;
use citeline_model::source::web_address;
use citeline_model::timeline::{Event, Timeline};

use crate::escape::script_json;

/// The JSON-LD value for `events` (timeline indices, in time order).
pub fn json_ld(timeline: &Timeline, events: &[usize]) -> Value {
    let items: Vec<Value> = events
        .iter()
        .filter_map(|&i| timeline.events.get(i))
        .enumerate()
        .map(|(n, event)| json!({ "@type": "ListItem", "position": n + 1, "item": event_ld(timeline, event) }))
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": timeline.title,
        "numberOfItems": items.len(),
        "itemListElement": items,
    })
}

fn event_ld(timeline: &Timeline, event: &Event) -> Value {
    // An open range gives only the end it knows.
    let (start, end) = match event.date {
        EventDate::Point(v) => (Some(v), Some(v)),
        EventDate::Range { start, end } => (Some(start), Some(end)),
        EventDate::Until(v) => (None, Some(v)),
        EventDate::From(v) => (Some(v), None),
    };
    let citations: Vec<Value> = event
        .passages
        .iter()
        .map(|p| {
            let mut work = json!({ "@type": "CreativeWork", "text": p.quote.exact });
            if let Some(document) = timeline.document(&p.document) {
                work["name"] = json!(document.title);
                work["publisher"] = json!({ "@type": "Organization", "name": document.publisher });
                if let Some(published) = &document.published {
                    work["datePublished"] = json!(published.date.iso());
                }
                if let Some(url) = document.url.as_deref().and_then(web_address) {
                    work["url"] = json!(url);
                }
                if let Some(archived) = document.archived_url.as_deref().and_then(web_address) {
                    work["archivedAt"] = json!(archived);
                }
            }
            work
        })
        .collect();
    let mut ld = json!({
        "@type": "Event",
        "@id": format!("#event={}", event.id),
        "name": event.title,
        "description": event.summary,
        "citation": citations,
    });
    // Deep time has no ISO 8601 date schema.org could read (`Y-13799999999` is EDTF's).
    if let Some(start) = start.filter(|v| !v.is_deep()) {
        ld["startDate"] = json!(start.iso());
    }
    if let Some(end) = end.filter(|v| !v.is_deep()) {
        ld["endDate"] = json!(end.iso());
    }
    ld
}

/// The JSON-LD data block.
pub fn script(value: &Value) -> String {
    format!("<script type=\"application/ld+json\">{}</script>\n", script_json(&value.to_string()))
}
