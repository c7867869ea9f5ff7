//! The static view against the seed, hostile data and a TimelineJS3 file.

use std::collections::HashSet;

use citeline_model::document::{byte_range_of_chars, excerpt};
use citeline_model::import::load_any;
use citeline_model::seed::seed_timeline;
use citeline_model::timeline::Timeline;

use super::*;
use crate::escape::text;

fn seed() -> Timeline {
    let (timeline, diagnostics) = seed_timeline().expect("the seed loads");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    timeline
}

/// Every value of attribute `name` (`name="…"`) in `html`.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    html.match_indices(&key).map(|(i, _)| &html[i + key.len()..]).map(|rest| &rest[..rest.find('"').expect("a closed attribute")]).collect()
}

/// The text between `open` and the next `</script>`.
fn script_body<'a>(html: &'a str, open: &str) -> &'a str {
    let start = html.find(open).expect("the script is there") + open.len();
    &html[start..start + html[start..].find("</script>").expect("a closed script")]
}

/// A timeline whose every text field is an attack.
fn hostile() -> Timeline {
    const XSS: &str = "<!--<script>alert(1)</script>\\\"><img src=x onerror=alert(2)>&amp;'";
    let json = format!(
        r#"{{"format": "citeline-timeline", "version": 1, "title": "{XSS}",
        "documents": [{{"id": "doc", "title": "{XSS}", "publisher": "{XSS}", "published": {{"date": "2020-01-02", "source": "x"}},
            "text": "Before. On 2 January 2020 {XSS} happened. After."}}],
        "events": [{{"id": "e1", "title": "{XSS}", "summary": "{XSS}", "date": "2020-01-02",
            "date_basis": {{"kind": "stated", "explanation": "{XSS}"}},
            "passages": [{{"document": "doc", "supports": ["date"], "quote": {{"exact": "On 2 January 2020 {XSS} happened."}},
                "position": {{"start": 0, "end": 0}}}}]}}]}}"#
    );
    let (timeline, _) = Timeline::from_json(&json).expect("the hostile timeline loads");
    assert_eq!(timeline.events.len(), 1, "its passage resolves");
    timeline
}

#[test]
fn the_seed_lists_every_event_with_its_date_precision_basis_and_passages() {
    let timeline = seed();
    let html = render_view(&timeline);
    for event in &timeline.events {
        let start = html.find(&format!("id=\"event={}\"", event.id)).expect("an entry per event");
        let entry = &html[start..start + html[start..].find("</article>").expect("a closed entry")];
        assert!(entry.contains(&format!("<h3>{}</h3>", text(&event.title))), "{}", event.id);
        assert!(entry.contains(&text(&event.summary)), "{}", event.id);
        assert!(entry.contains("<time datetime=\""), "{}", event.id);
        assert!(entry.contains(&format!("Known {}", event.date.granularity().describe())), "{}", event.id);
        assert!(entry.contains(event.date_basis.kind.describe()) && entry.contains(&text(&event.date_basis.explanation)));
        assert_eq!(entry.matches("<blockquote>").count(), event.passages.len(), "{}", event.id);
        for p in &event.passages {
            let document = timeline.document(&p.document).expect("seed documents exist");
            let range = byte_range_of_chars(&document.text, p.position.start, p.position.end).expect("in bounds");
            assert_eq!(document.text[range.clone()], p.quote.exact, "the seed anchors hold");
            assert!(entry.contains(&format!("<mark>{}</mark>", text(&document.text[range]))), "{}: the quote verbatim", event.id);
            let context = excerpt(&document.text, p.position.start, p.position.end, CONTEXT_CHARS).expect("in bounds");
            assert!(entry.contains(&text(&context.before)) && entry.contains(&text(&context.after)), "{}: its context", event.id);
            assert!(entry.contains(&format!("<cite>{}</cite>", text(&document.title))));
            assert!(entry.contains(&text(&document.publisher)));
        }
    }
}

#[test]
fn the_list_is_in_time_order_with_unique_ids() {
    let timeline = seed();
    let html = render_view(&timeline);
    let ids: Vec<&str> = attributes(&html, "id").into_iter().filter_map(|id| id.strip_prefix("event=")).collect();
    assert_eq!(ids.len(), timeline.events.len());
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "unique");
    let starts: Vec<f64> = ids.iter().map(|id| timeline.event(id).expect("a real event").date.start_days()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "time order: {ids:?}");
    let hrefs = attributes(&html, "href");
    assert!(hrefs.iter().all(|h| h.starts_with("#event=") || h.starts_with("#note-")), "links stay on the page: {hrefs:?}");
    for id in hrefs.iter().filter_map(|h| h.strip_prefix("#event=")) {
        assert!(ids.contains(&id), "{id} names a listed event");
    }
}

#[test]
fn every_passage_is_a_numbered_note_referenced_where_it_supports_the_entry() {
    let timeline = seed();
    let html = render_view(&timeline);
    let passages: usize = timeline.events.iter().map(|e| e.passages.len()).sum();
    let notes_start = html.find("<section class=\"notes\"").expect("a notes section");
    let notes = &html[notes_start..];
    for n in 1..=passages {
        assert!(notes.contains(&format!("<li id=\"note-{n}\">")), "note {n}");
        assert!(html[..notes_start].contains(&format!("href=\"#note-{n}\">{n}</a>")), "note {n} is referenced from its entry");
    }
    assert!(!notes.contains(&format!("id=\"note-{}\"", passages + 1)));
    assert_eq!(notes.matches("<blockquote>").count(), passages);
    // The launch's passages: the date ones are referenced from its date, the others from its summary.
    let launch = timeline.event("contest-2018-launch").expect("the launch");
    let start = html.find("id=\"event=contest-2018-launch\"").unwrap();
    let entry = &html[start..start + html[start..].find("</article>").unwrap()];
    let date = &entry[entry.find("class=\"date-long\"").unwrap()..];
    let date = &date[..date.find("</dd>").unwrap()];
    let summary = &entry[entry.find("class=\"summary\"").unwrap()..];
    let summary = &summary[..summary.find("</p>").unwrap()];
    let first = notes[..notes.find(&text(&launch.passages[0].quote.exact)).unwrap()].matches("<li id=\"note-").count();
    for (i, p) in launch.passages.iter().enumerate() {
        let reference = format!("href=\"#note-{}\"", first + i);
        assert_eq!(date.contains(&reference), p.supports.contains(&citeline_model::timeline::Support::Date), "{reference} in the date");
        assert_eq!(summary.contains(&reference), p.supports.contains(&citeline_model::timeline::Support::Description), "{reference}");
    }
}

#[test]
fn the_strip_uses_the_page_classes_and_percentages_within_the_width() {
    let html = render_view(&seed());
    for class in ["timeline", "plot", "lanes", "event", "stem", "axis", "axis-line", "marker", "tick", "major-ticks"] {
        assert!(attributes(&html, "class").iter().any(|c| c.split(' ').any(|c| c == class)), "class {class}");
    }
    assert!(!html.contains(" style=\""), "no style attribute: the CSP forbids it");
    let styles = attributes(&html, "data-style");
    assert!(styles.len() > 20, "{styles:?}");
    let mut labels = 0;
    for style in styles {
        let value = |key: &str| style.split(';').find_map(|d| d.strip_prefix(key)).map(str::to_owned);
        if let Some(left) = value("left:") {
            let left_pct: f64 = left.strip_suffix('%').expect("horizontal positions are %").parse().unwrap();
            let width_pct: f64 = value("width:").map_or(0.0, |w| w.strip_suffix('%').expect("widths are %").parse().unwrap());
            assert!((0.0..=100.0).contains(&left_pct) && width_pct >= 0.0 && left_pct + width_pct <= 100.0 + 1e-9, "{style}");
            labels += usize::from(style.contains("bottom:") && style.contains("width:"));
        }
    }
    let variants = view_of(&seed()).variants.len();
    assert_eq!(labels, seed().events.len() * variants, "at fit-all every seed event has its own label, in every variant");
}

#[test]
fn at_every_window_width_the_variant_shown_has_the_app_s_lane_count() {
    use citeline_view::index::EventIndex;
    use citeline_view::layout::layout_indexed;
    use citeline_view::page::plot_width_px;
    for timeline in [seed(), hostile()] {
        let index = EventIndex::of_timeline(&timeline);
        let view = ViewState::fit(&ViewBounds::of_extent(timeline.extent_days()));
        let variants = variants(&timeline, &index, &crate::strip::first_tracks(&timeline), &view);
        assert!(variants[0].min_window_px == 0.0 && variants.windows(2).all(|w| w[0].min_window_px < w[1].min_window_px));
        let lanes = |plot_px: f64| layout_indexed(&timeline, &index, &view, plot_px).lane_count;
        for window in 320..=1600 {
            let window = f64::from(window);
            let shown = variants.iter().rev().find(|v| v.min_window_px <= window).expect("one shows");
            assert_eq!(lanes(shown.plot_px), lanes(plot_width_px(window)), "{window} px window: {variants:?}");
        }
    }
    // The seed's include one laid out at each common width, for the windows nearest it.
    let timeline = seed();
    let index = EventIndex::of_timeline(&timeline);
    let view = ViewState::fit(&ViewBounds::of_extent(timeline.extent_days()));
    let variants = variants(&timeline, &index, &crate::strip::first_tracks(&timeline), &view);
    for window in [360.0, 375.0, 390.0, 412.0, 430.0, 768.0, 820.0, 1024.0, 1280.0, 1920.0] {
        let shown = variants.iter().rev().find(|v| v.min_window_px <= window).expect("one shows");
        assert_eq!(shown.plot_px, plot_width_px(window), "{window} px: {variants:?}");
    }
    assert!(variants.len() <= 12, "{variants:?}");
}

#[test]
fn the_variant_stylesheet_shows_one_variant_per_range() {
    let variants = [
        Variant { min_window_px: 0.0, plot_px: 374.0 },
        Variant { min_window_px: 641.0, plot_px: 609.0 },
        Variant { min_window_px: 699.0, plot_px: 1166.0 },
    ];
    assert_eq!(
        variant_stylesheet(&variants),
        ".timeline.static .plot[data-variant]{display:none}\n\
         @media (max-width:640.98px){.timeline.static .plot[data-variant=\"0\"]{display:block}}\n\
         @media (min-width:641px) and (max-width:698.98px){.timeline.static .plot[data-variant=\"1\"]{display:block}}\n\
         @media (min-width:699px){.timeline.static .plot[data-variant=\"2\"]{display:block}}\n"
    );
    assert_eq!(
        variant_stylesheet(&variants[..1]),
        ".timeline.static .plot[data-variant]{display:none}\n.timeline.static .plot[data-variant=\"0\"]{display:block}\n"
    );
}

#[test]
fn json_ld_names_every_event_with_its_citations() {
    let timeline = seed();
    let html = render_view(&timeline);
    let value: serde_json::Value = serde_json::from_str(script_body(&html, "<script type=\"application/ld+json\">")).expect("JSON");
    assert_eq!(value["@type"], "ItemList");
    let items = value["itemListElement"].as_array().expect("a list");
    assert_eq!(items.len(), timeline.events.len());
    for item in items {
        let event_ld = &item["item"];
        let id = event_ld["@id"].as_str().and_then(|id| id.strip_prefix("#event=")).expect("an id");
        let event = timeline.event(id).expect("a real event");
        assert_eq!((event_ld["@type"].as_str(), event_ld["name"].as_str()), (Some("Event"), Some(event.title.as_str())));
        assert!(event_ld["startDate"].is_string() && event_ld["endDate"].is_string());
        let citations = event_ld["citation"].as_array().expect("citations");
        assert_eq!(citations.len(), event.passages.len());
        for (citation, p) in citations.iter().zip(&event.passages) {
            let document = timeline.document(&p.document).expect("seed documents exist");
            assert_eq!(citation["@type"], "CreativeWork");
            assert_eq!(citation["name"], document.title.as_str());
            assert_eq!(citation["publisher"]["name"], document.publisher.as_str());
            assert_eq!(citation["text"], p.quote.exact.as_str());
            assert_eq!(citation["datePublished"].as_str(), document.published.as_ref().map(|d| d.date.iso()).as_deref());
        }
    }
}

#[test]
fn a_passage_links_to_its_source_with_the_quote_marked_and_only_web_addresses_link() {
    let mut timeline = seed();
    let id = timeline.events[0].passages[0].document.clone();
    let document = timeline.documents.iter_mut().find(|d| d.id == id).expect("its document");
    document.url = Some("https://example.org/news?a=1&b=2".into());
    document.archived_url = Some("javascript:alert(1)".into());
    document.accessed = Some("2026-11-30".parse().expect("a date"));
    let html = render_view(&timeline);
    let hrefs: Vec<&str> = attributes(&html, "href").into_iter().filter(|h| h.starts_with("https://example.org/")).collect();
    let passages = timeline.events.iter().flat_map(|e| &e.passages).filter(|p| p.document == id).count();
    // Each passage in its entry and again as a note.
    assert_eq!(hrefs.len(), 2 * passages, "{hrefs:?}");
    assert!(hrefs.iter().all(|h| h.starts_with("https://example.org/news?a=1&amp;b=2#:~:text=")), "{hrefs:?}");
    assert_eq!(attributes(&html, "cite").len(), 2 * passages, "the blockquote cites its source");
    assert!(!html.contains("href=\"javascript:"), "not a web address: never a link");
    assert!(html.contains("<span class=\"address\">Archived copy: javascript:alert(1)</span>"));
    assert!(html.contains("accessed <time datetime=\"2026-11-30\">"));
    let value: serde_json::Value = serde_json::from_str(script_body(&html, "<script type=\"application/ld+json\">")).expect("JSON");
    let citations: Vec<&serde_json::Value> = value["itemListElement"]
        .as_array()
        .expect("a list")
        .iter()
        .flat_map(|i| i["item"]["citation"].as_array().expect("citations"))
        .collect();
    assert!(citations.iter().any(|c| c["url"] == "https://example.org/news?a=1&b=2"));
    assert!(citations.iter().all(|c| c["archivedAt"].is_null()), "not a web address: not in the data either");
}

#[test]
fn media_is_drawn_lazily_and_a_hostile_address_stays_text() {
    let mut timeline = seed();
    timeline.events[0].media = Some(citeline_model::media::Media {
        url: "https://x.org/a\"onerror=\"alert(1)\".jpg".into(),
        alt: Some("<b>alt</b>".into()),
        caption: Some("A caption".into()),
        ..Default::default()
    });
    timeline.events[1].media = Some(citeline_model::media::Media { url: "https://vimeo.com/1".into(), ..Default::default() });
    timeline.events[2].media = Some(citeline_model::media::Media { url: "javascript:alert(2)".into(), ..Default::default() });
    let html = render_view(&timeline);
    assert!(
        html.contains("<img src=\"https://x.org/a&quot;onerror=&quot;alert(1)&quot;.jpg\" alt=\"&lt;b&gt;alt&lt;/b&gt;\" loading=\"lazy\""),
        "{html}"
    );
    assert!(html.contains("<a class=\"media-card\" href=\"https://vimeo.com/1\" rel=\"noopener noreferrer\"><span class=\"media-kind\">Video · Vimeo</span><span class=\"media-title\">Video on Vimeo</span></a>"));
    assert!(html.contains("Media: javascript:alert(2) (not a web address, so not shown)"));
    assert!(!html.contains("href=\"javascript:"));
}

#[test]
fn hostile_text_stays_text() {
    let timeline = hostile();
    let html = render_view(&timeline);
    assert_eq!(html.matches("</script>").count(), 1, "only the JSON-LD block's own end");
    assert_eq!(html.matches("<!--").count(), 0, "no comment can open inside the data block");
    let ld_start = html.find("<script type=\"application/ld+json\">").expect("the JSON-LD block");
    let markup = &html[..ld_start];
    assert!(!markup.contains("<script") && !markup.contains("<img"), "{markup}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    let value: serde_json::Value = serde_json::from_str(script_body(&html, "<script type=\"application/ld+json\">")).expect("JSON");
    assert_eq!(value["name"], timeline.title.as_str(), "JSON-LD reads back the same text");
    let page = render_page(&timeline, "<title>x</title><main id=\"app\"></main>").expect("a template").index_html;
    assert!(page.starts_with("<title>&lt;!--&lt;script&gt;"), "{page}");
    assert_eq!(page.matches("</script>").count(), 2, "the JSON-LD and data blocks' own ends");
}

#[test]
fn a_timelinejs3_file_renders() {
    let tjs = r#"{"title": {"text": {"headline": "Bridge &lt;history&gt;"}}, "events": [
        {"start_date": {"year": 2015, "month": 3, "day": 4}, "text": {"headline": "Plan agreed", "text": "<p>The plan &amp; budget.</p>"}},
        {"start_date": {"year": 2016}, "end_date": {"year": 2018, "month": 6}, "text": {"headline": "Construction"}}]}"#;
    let (timeline, _) = load_any(tjs).expect("TimelineJS3 loads");
    let html = render_view(&timeline);
    assert!(html.contains("Bridge &lt;history&gt;"));
    assert!(html.contains("<time datetime=\"2015-03-04\">Wednesday 4 March 2015</time>"));
    assert!(html.contains("<time datetime=\"2016\">2016</time> – <time datetime=\"2018-06\">June 2018</time>"));
    assert!(html.contains("The plan &amp; budget."));
}

#[test]
fn an_empty_timeline_renders() {
    let (timeline, _) = Timeline::from_json(r#"{"format": "citeline-timeline", "version": 1, "documents": [], "events": []}"#).unwrap();
    let html = render_view(&timeline);
    assert!(html.contains("0 events") && html.contains("class=\"timeline static\""));
}

#[test]
fn the_page_holds_the_view_in_main_and_the_data_the_app_loads() {
    let timeline = seed();
    let template = "<!doctype html>\n<html><head><title>Citeline</title><script type=\"module\" src=\"boot.js\"></script></head>\n\
                    <body>\n  <main id=\"app\"></main>\n  <noscript>x</noscript>\n</body>\n</html>\n";
    let rendered = render_page(&timeline, template).expect("a Citeline template");
    let page = rendered.index_html;
    assert!(page.contains(&format!("<title>{}</title>", text(&timeline.title))));
    assert!(page.contains("<link rel=\"stylesheet\" href=\"./static-view.css\">\n</head>"), "the geometry is linked");
    let (main_start, main_end) = (page.find("<main id=\"app\">").unwrap(), page.find("</main>").unwrap());
    let view = view_of(&timeline);
    let (first_screen, geometry) = crate::geometry_stylesheet(&view.first_screen);
    assert_eq!(
        &page[main_start..main_end + "</main>".len()],
        format!("<main id=\"app\">\n{first_screen}{}\n</main>", citeline_view::page::SKELETON_HTML),
        "the first screen and the skeleton are in main, which the app replaces"
    );
    assert!(rendered.stylesheet.starts_with(&variant_stylesheet(&view.variants)) && rendered.stylesheet.contains(&geometry));
    let list = page.find("<section class=\"event-list\"").expect("the list");
    assert!(list > main_end, "the list is outside main: it stays when the app mounts");
    let data = script_body(&page, "<script type=\"application/json\" id=\"citeline-data\">");
    assert!(page.find("id=\"citeline-data\"").unwrap() > list);
    let (again, diagnostics) = load_any(data).expect("the data loads back");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(again, timeline);
    assert!(
        page.ends_with(&format!("</script>{VIEW_END}\n  <noscript>{NOSCRIPT}</noscript>\n</body>\n</html>\n")),
        "{}",
        &page[page.len() - 300..]
    );
    // Rendering a rendered page replaces its view: the release build's own page holds the seed's.
    assert_eq!(render_page(&timeline, &page).expect("a rendered page is a template"), render_page(&timeline, template).unwrap());
    let other = hostile();
    assert_eq!(render_page(&other, &page).unwrap(), render_page(&other, template).unwrap());
    assert!(page.contains("<script type=\"module\" src=\"boot.js\"></script>"), "the rest of the template is kept");
    assert_eq!(render_page(&timeline, "<html><body></body></html>"), Err(TemplateError::NoAppElement));
}

#[test]
fn the_strip_geometry_becomes_a_stylesheet_with_one_rule_per_element() {
    let html = render_view(&seed());
    let placed = html.matches(" data-style=\"").count();
    let (with_ids, css) = crate::geometry_stylesheet(&html);
    assert!(placed > 10, "the seed strip places its labels, stems, markers and ticks");
    assert_eq!(css.lines().count(), placed, "one rule per placed element");
    assert_eq!(with_ids.matches(" id=\"sv-").count(), placed);
    assert!(css.starts_with("#sv-0{") && css.lines().all(|rule| rule.starts_with("#sv-") && rule.ends_with('}')));
    assert!(!css.contains('<'), "no markup can reach the stylesheet");
    // The ids are new: none collides with an event's anchor.
    assert!(with_ids.matches(" id=\"").count() == placed + html.matches(" id=\"").count());
}

#[test]
fn seed_fragment_snapshot() {
    insta::assert_snapshot!("seed_fragment", render_view(&seed()));
}
