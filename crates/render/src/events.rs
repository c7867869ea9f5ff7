//! The event list: every event in time order with everything the detail panel shows (long date,
//! precision, how the date was determined, summary, and each passage quoted in its context with
//! its source), under an `id="event=<id>"` so `#event=<id>` links scroll to it with no script; and
//! the passages again as numbered notes, which print instead of the quotes in the entries.

use std::fmt::Write;

use citeline_model::date::{DateValue, EventDate};
use citeline_model::document::excerpt;
use citeline_model::media::{Media, MediaKind};
use citeline_model::source::{source_links, web_address, CopyKind};
use citeline_model::timeline::{Event, Passage, Support, Timeline};

use crate::escape::text;

/// Characters of context shown either side of a quoted passage (as in the detail panel).
pub const CONTEXT_CHARS: usize = 160;

/// The list of `events` (timeline indices, in time order), then every passage again as a numbered
/// note. On screen each entry quotes its passages; printed, the entries carry note numbers where
/// each passage supports them (the date, the description) and the passages follow as notes.
pub fn event_list(timeline: &Timeline, events: &[usize]) -> String {
    let mut out = String::from("<section class=\"event-list\" id=\"event-list\" aria-labelledby=\"event-list-heading\">\n");
    let _ = writeln!(out, "<h2 id=\"event-list-heading\">{}</h2>", count(events.len(), "event", "events"));
    out.push_str("<ol class=\"events\">\n");
    let mut notes = String::new();
    let mut next_note = 1;
    for event in events.iter().filter_map(|&i| timeline.events.get(i)) {
        out.push_str(&entry(timeline, event, next_note));
        for p in &event.passages {
            let _ = writeln!(notes, "<li id=\"note-{next_note}\">{}</li>", passage_body(timeline, p));
            next_note += 1;
        }
    }
    out.push_str("</ol>\n");
    if !notes.is_empty() {
        let _ = write!(out, "<section class=\"notes\" aria-labelledby=\"notes-heading\">\n<h2 id=\"notes-heading\">Notes: the passages</h2>\n<ol>\n{notes}</ol>\n</section>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The note numbers of `event`'s passages that give `support` (or, for the description, that give
/// nothing in particular), its first passage being note `first_note`.
fn note_refs(event: &Event, first_note: usize, support: Support) -> String {
    let refs: Vec<String> = event
        .passages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.supports.contains(&support) || (support == Support::Description && p.supports.is_empty()))
        .map(|(i, _)| format!("<a class=\"note-ref\" href=\"#note-{n}\">{n}</a>", n = first_note + i))
        .collect();
    if refs.is_empty() {
        return String::new();
    }
    format!("<sup class=\"note-refs\">{}</sup>", refs.join(","))
}

/// "1 passage", "3 passages".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One `<time>` per end of the date, with its ISO value.
pub fn time_element(date: &EventDate) -> String {
    // HTML's date strings have no uncertainty, decades or years before 1 CE: those are words only.
    let time = |v: &DateValue| match v.html_datetime() {
        Some(datetime) => format!("<time datetime=\"{datetime}\">{}</time>", text(&v.display_long())),
        None => format!("<span class=\"date\">{}</span>", text(&v.display_long())),
    };
    match date {
        EventDate::Point(v) => time(v),
        EventDate::Range { start, end } => format!("{} – {}", time(start), time(end)),
        EventDate::Until(v) => format!("until {}", time(v)),
        EventDate::From(v) => format!("from {} on", time(v)),
    }
}

fn entry(timeline: &Timeline, event: &Event, first_note: usize) -> String {
    let mut out = String::new();
    let id = text(&event.id);
    // No `data-detail-for`: that hook names the live detail panel, which replaces this list.
    let _ = writeln!(out, "<li><article class=\"detail\" id=\"event={id}\">");
    let _ = writeln!(out, "<h3>{}</h3>", text(&event.title));
    let _ = writeln!(out, "<p class=\"summary\">{}{}</p>", text(&event.summary), note_refs(event, first_note, Support::Description));
    if let Some(media) = &event.media {
        out.push_str(&media_figure(media));
    }
    let how_sure =
        event.date.qualifier().explain().map(|sure| format!("<dt>How sure</dt><dd class=\"how-sure\">{sure}</dd>\n")).unwrap_or_default();
    let _ = writeln!(
        out,
        "<dl class=\"facts\">\n<dt>Date</dt><dd class=\"date-long\">{}{}</dd>\n<dt>Precision</dt><dd>Known {}</dd>\n{how_sure}\
         <dt>How it was determined</dt><dd><strong>{}</strong>: {}</dd>\n</dl>",
        time_element(&event.date),
        note_refs(event, first_note, Support::Date),
        event.date.granularity().describe(),
        event.date_basis.kind.describe(),
        text(&event.date_basis.explanation)
    );
    let passages = count(event.passages.len(), "passage", "passages");
    let evidence = match citeline_model::corroboration::sources(event).len() {
        1 => passages,
        n => format!("{passages} from {n} sources"),
    };
    let _ = writeln!(out, "<h4>Evidence ({evidence})</h4>\n<ol class=\"passages\">");
    for p in &event.passages {
        let _ = writeln!(out, "<li>{}</li>", passage_body(timeline, p));
    }
    out.push_str("</ol>\n</article></li>\n");
    out
}

/// An event's media as the detail panel draws it (without its fallback for a picture that fails).
pub(crate) fn media_figure(media: &Media) -> String {
    let caption = [("caption", &media.caption), ("credit", &media.credit)]
        .iter()
        .filter_map(|(class, words)| words.as_deref().map(|w| format!("<span class=\"{class}\">{}</span>", text(w))))
        .collect::<Vec<_>>();
    let caption = if caption.is_empty() { String::new() } else { format!("<figcaption>{}</figcaption>", caption.join(" ")) };
    let link = media.link.as_deref().and_then(web_address);
    match media.kind() {
        MediaKind::Image => {
            let alt = media.alt.as_deref().or(media.caption.as_deref()).unwrap_or_default();
            let img = format!(
                "<img src=\"{}\" alt=\"{}\" loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\">",
                text(&media.url),
                text(alt)
            );
            let img = match link {
                Some(href) => format!("<a href=\"{}\" rel=\"noopener noreferrer\">{img}</a>", text(href)),
                None => img,
            };
            format!("<figure class=\"media media-image\"><div class=\"media-frame\">{img}</div>{caption}</figure>\n")
        }
        MediaKind::Link => {
            format!(
                "<figure class=\"media media-link\"><a class=\"media-card\" href=\"{}\" rel=\"noopener noreferrer\"><span class=\"media-kind\">{}</span><span class=\"media-title\">{}</span></a>{caption}</figure>\n",
                text(media.url.trim()),
                text(&media.what()),
                text(&media.label())
            )
        }
        MediaKind::Unusable => {
            format!("<p class=\"media media-unusable\">Media: {} (not a web address, so not shown)</p>\n", text(&media.url))
        }
    }
}

/// A passage quoted in its surroundings, with the quoted words marked and its source named.
fn passage_body(timeline: &Timeline, p: &Passage) -> String {
    let Some(document) = timeline.document(&p.document) else {
        return format!("<p class=\"passage missing\">Passage from an unknown document “{}”</p>", text(&p.document));
    };
    let quote = match excerpt(&document.text, p.position.start, p.position.end, CONTEXT_CHARS) {
        Some(e) => format!(
            "{}<span class=\"context\">{}</span><mark>{}</mark><span class=\"context\">{}</span>{}",
            if e.clipped_before { "…" } else { "" },
            text(&e.before),
            text(&e.exact),
            text(&e.after),
            if e.clipped_after { "…" } else { "" },
        ),
        None => format!("<mark>{}</mark>", text(&p.quote.exact)),
    };
    let published = document
        .published
        .as_ref()
        .map(|d| format!("<span class=\"published\"><time datetime=\"{}\">{}</time></span>", d.date.iso(), text(&d.date.display_long())))
        .unwrap_or_default();
    let badges: String = p.supports.iter().map(|s| format!("<span class=\"badge\">{}</span>", s.describe())).collect();
    let sources = source_links(document, &p.quote);
    let cite = sources.iter().find_map(|l| l.href.as_deref().filter(|_| l.copy == CopyKind::Original));
    let cite = cite.map(|href| format!(" cite=\"{}\"", text(href))).unwrap_or_default();
    let at_source = if sources.is_empty() {
        String::new()
    } else {
        let links: Vec<String> = sources
            .iter()
            .map(|link| match &link.href {
                Some(href) => format!("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", text(href), link.copy.label()),
                None => format!("<span class=\"address\">{}: {}</span>", link.copy.label(), text(&link.address)),
            })
            .collect();
        let accessed = document
            .accessed
            .map(|d| format!(" <span class=\"accessed\">accessed <time datetime=\"{}\">{}</time></span>", d.iso(), text(&d.display_long())))
            .unwrap_or_default();
        format!("\n<p class=\"at-source\">{}{accessed}</p>", links.join(" "))
    };
    format!(
        "<figure class=\"passage\">\n<blockquote{cite}>{quote}</blockquote>\n\
         <figcaption><cite>{}</cite> <span class=\"publisher\">{}</span> {published} <span class=\"supports\">{badges}</span></figcaption>{at_source}\n\
         </figure>",
        text(&document.title),
        text(&document.publisher),
    )
}
