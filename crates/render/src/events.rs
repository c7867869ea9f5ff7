//! The event list: every event in time order with everything the detail panel shows (long date,
//! precision, how the date was determined, summary, and each passage quoted in its context with
//! its source), under an `id="event=<id>"` so `#event=<id>` links scroll to it with no script.

use std::fmt::Write;

use citeline_model::date::{DateValue, EventDate};
use citeline_model::document::excerpt;
use citeline_model::timeline::{Event, Passage, Timeline};

use crate::escape::text;

/// Characters of context shown either side of a quoted passage (as in the detail panel).
pub const CONTEXT_CHARS: usize = 160;

/// The list of `events` (timeline indices, in time order).
pub fn event_list(timeline: &Timeline, events: &[usize]) -> String {
    let mut out = String::from("<section class=\"event-list\" aria-labelledby=\"event-list-heading\">\n");
    let _ = writeln!(out, "<h2 id=\"event-list-heading\">{}</h2>", count(events.len(), "event", "events"));
    out.push_str("<ol class=\"events\">\n");
    for event in events.iter().filter_map(|&i| timeline.events.get(i)) {
        out.push_str(&entry(timeline, event));
    }
    out.push_str("</ol>\n</section>\n");
    out
}

/// "1 passage", "3 passages".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One `<time>` per end of the date, with its ISO value.
pub fn time_element(date: &EventDate) -> String {
    let time = |v: &DateValue| format!("<time datetime=\"{}\">{}</time>", v.iso(), text(&v.display_long()));
    match date {
        EventDate::Point(v) => time(v),
        EventDate::Range { start, end } => format!("{} – {}", time(start), time(end)),
    }
}

fn entry(timeline: &Timeline, event: &Event) -> String {
    let mut out = String::new();
    let id = text(&event.id);
    // No `data-detail-for`: that hook names the live detail panel, which replaces this list.
    let _ = writeln!(out, "<li><article class=\"detail\" id=\"event={id}\">");
    let _ = writeln!(out, "<h3>{}</h3>", text(&event.title));
    let _ = writeln!(out, "<p class=\"summary\">{}</p>", text(&event.summary));
    let _ = writeln!(
        out,
        "<dl class=\"facts\">\n<dt>Date</dt><dd class=\"date-long\">{}</dd>\n<dt>Precision</dt><dd>Known {}</dd>\n\
         <dt>How it was determined</dt><dd><strong>{}</strong>: {}</dd>\n</dl>",
        time_element(&event.date),
        event.date.granularity().describe(),
        event.date_basis.kind.describe(),
        text(&event.date_basis.explanation)
    );
    let _ = writeln!(out, "<h4>Evidence ({})</h4>\n<ol class=\"passages\">", count(event.passages.len(), "passage", "passages"));
    for p in &event.passages {
        out.push_str(&passage(timeline, p));
    }
    out.push_str("</ol>\n</article></li>\n");
    out
}

/// A passage quoted in its surroundings, with the quoted words marked and its source named.
fn passage(timeline: &Timeline, p: &Passage) -> String {
    let Some(document) = timeline.document(&p.document) else {
        return format!("<li class=\"passage missing\">Passage from an unknown document “{}”</li>\n", text(&p.document));
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
    format!(
        "<li><figure class=\"passage\" data-passage=\"\" data-document-id=\"{}\">\n<blockquote>{quote}</blockquote>\n\
         <figcaption><cite>{}</cite> <span class=\"publisher\">{}</span> {published} <span class=\"supports\">{badges}</span></figcaption>\n\
         </figure></li>\n",
        text(&p.document),
        text(&document.title),
        text(&document.publisher),
    )
}
