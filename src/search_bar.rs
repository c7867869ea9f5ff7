//! The search box and its filters, above the timeline, and what they find below it: the
//! matching events in time order (the words marked in their passages) and the places in the
//! documents' whole texts. Matching is `citeline_view::search`'s; this only draws it.

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::Locale;
use citeline_view::locale::Msg;

use citeline_model::document::excerpt;
use citeline_model::timeline::Timeline;
use citeline_view::index::EventIndex;
use citeline_view::search::{marks, SearchQuery, MAX_COUNTED, PRECISIONS};
use citeline_view::view::ViewAction;

use crate::hooks::{Same, Search};
use crate::source_dialog::SourceDialog;

/// Results listed at most; the count says how many more there are.
const LISTED: usize = 50;

/// Characters of context either side of a place in a document.
const CONTEXT_CHARS: usize = 80;

#[derive(Properties)]
pub struct SearchBarProps {
    pub search: Search,
    pub timeline: Rc<Timeline>,
}

impl PartialEq for SearchBarProps {
    fn eq(&self, other: &Self) -> bool {
        self.search == other.search && Rc::ptr_eq(&self.timeline, &other.timeline)
    }
}

#[function_component(SearchBar)]
pub fn search_bar(props: &SearchBarProps) -> Html {
    let locale = use_context::<Locale>().unwrap_or_default();
    let query = &props.search.query;
    let timeline = &props.timeline;
    let change = |edit: fn(&mut SearchQuery, String)| {
        let (set, query) = (props.search.set_query.clone(), query.clone());
        Callback::from(move |e: Event| {
            let Some(target) = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()))
            else {
                return;
            };
            let mut next = query.clone();
            edit(&mut next, target);
            set.emit(next);
        })
    };
    let on_input = {
        let (set, query) = (props.search.set_query.clone(), query.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                set.emit(SearchQuery { text: input.value(), ..query.clone() });
            }
        })
    };
    // The index is built as the box takes the focus, before the first key.
    let on_focus = props.search.prepare.reform(|_: FocusEvent| ());
    let on_document = change(|q, v| q.document = (!v.is_empty()).then_some(v));
    let on_publisher = change(|q, v| q.publisher = (!v.is_empty()).then_some(v));
    let on_precision = change(|q, v| q.precision = PRECISIONS.iter().copied().find(|g| g.as_str() == v));
    // The filters' choices, once per data set (not a pass over 100,000 events per keystroke).
    let choices = use_memo(Same(timeline.clone()), |Same(timeline)| {
        let mut publishers: Vec<String> = timeline.documents.iter().map(|d| d.publisher.clone()).filter(|p| !p.is_empty()).collect();
        publishers.sort_unstable();
        publishers.dedup();
        let mut present = [false; PRECISIONS.len()];
        for event in &timeline.events {
            if let Some(i) = PRECISIONS.iter().position(|g| *g == event.date.granularity()) {
                present[i] = true;
            }
        }
        let present: Vec<_> = PRECISIONS.iter().zip(present).filter(|(_, p)| *p).map(|(g, _)| *g).collect();
        (publishers, present)
    });
    let (publishers, present) = &*choices;
    let filtered = query.document.is_some() || query.publisher.is_some() || query.precision.is_some();
    let count = props.search.result.as_ref().map(|r| r.count);
    // Open at first when a link brings filters; then as the reader leaves it.
    let open = use_state(|| filtered);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(details.open());
            }
        })
    };
    html! {
        <div class="search-bar" role="search" aria-label={locale.t(Msg::SearchTheTimeline)}>
            <label for="search" class="sr-only">{ locale.t(Msg::SearchPlaceholder) }</label>
            <input id="search" type="search" placeholder={locale.t(Msg::SearchPlaceholder)} value={query.text.clone()} oninput={on_input} onfocus={on_focus}
                autocomplete="off" spellcheck="false" aria-describedby="search-count" />
            <details class="search-filters" open={*open} ontoggle={on_toggle}>
                <summary>{ locale.t(if filtered { Msg::FiltersOn } else { Msg::Filters }) }</summary>
                <div class="filter-row">
                    <label>{ locale.t(Msg::Document) }
                        <select onchange={on_document}>
                            <option value="" selected={query.document.is_none()}>{ locale.t(Msg::AllDocuments) }</option>
                            { for timeline.documents.iter().map(|d| html! {
                                <option value={d.id.clone()} selected={query.document.as_deref() == Some(d.id.as_str())}>{ &d.title }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ locale.t(Msg::Publisher) }
                        <select onchange={on_publisher}>
                            <option value="" selected={query.publisher.is_none()}>{ locale.t(Msg::AllPublishers) }</option>
                            { for publishers.iter().map(|p| html! {
                                <option value={p.clone()} selected={query.publisher.as_deref() == Some(p.as_str())}>{ p }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ locale.t(Msg::DateKnown) }
                        <select onchange={on_precision}>
                            <option value="" selected={query.precision.is_none()}>{ locale.t(Msg::AnyPrecision) }</option>
                            { for present.iter().map(|g| html! {
                                <option value={g.as_str()} selected={query.precision == Some(*g)}>{ if locale.english() { g.describe() } else { locale.known(*g) } }</option>
                            }) }
                        </select>
                    </label>
                </div>
            </details>
            <p id="search-count" class="search-count" aria-live="polite" data-query={query.text.clone()}>
                { match count {
                    None => String::new(),
                    Some(0) => locale.t(Msg::NoEventMatches).to_owned(),
                    Some(1) => locale.f(Msg::OneEventMatches, &[&locale.number(timeline.events.len())]),
                    Some(n) => locale.f(Msg::EventsMatch, &[&locale.number(n), &locale.number(timeline.events.len())]),
                } }
            </p>
        </div>
    }
}

/// `12,345`.
fn group(n: usize) -> String {
    citeline_model::date::group_digits(i64::try_from(n).unwrap_or(i64::MAX))
}

#[derive(Properties)]
pub struct SearchResultsProps {
    pub search: Search,
    pub timeline: Rc<Timeline>,
    pub index: Rc<EventIndex>,
    pub on_action: Callback<ViewAction>,
}

impl PartialEq for SearchResultsProps {
    /// The same search over the same data (by identity: 100,000 events are not compared).
    fn eq(&self, other: &Self) -> bool {
        self.search == other.search && Rc::ptr_eq(&self.timeline, &other.timeline) && Rc::ptr_eq(&self.index, &other.index)
    }
}

/// `text` with the query's words marked.
fn marked(text: &str, terms: &[String]) -> Html {
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in marks(text, terms) {
        parts.push(html! { { &text[at..start] } });
        parts.push(html! { <mark>{ &text[start..end] }</mark> });
        at = end;
    }
    parts.push(html! { { &text[at..] } });
    html! { <>{ for parts }</> }
}

/// What the search found: the events (the first fifty in time order) and places in the documents.
#[function_component(SearchResults)]
pub fn search_results(props: &SearchResultsProps) -> Html {
    let locale = use_context::<Locale>().unwrap_or_default();
    // A place in a source, opened whole with the words marked (as "Show in source" does).
    let open = use_state(|| None::<(usize, usize, usize)>);
    let Some(result) = props.search.result.as_ref() else { return html! {} };
    let terms = props.search.query.terms();
    let timeline = &props.timeline;
    let events = props.index.in_time_order().iter().copied().filter(|&i| result.is_match(i)).take(LISTED).map(|i| {
        let event = &timeline.events[i];
        let onclick = props.on_action.reform({
            let action = ViewAction::focus_on(event);
            move |_: MouseEvent| action.clone()
        });
        // The first passage that holds a word, else the first.
        let passage = event
            .passages
            .iter()
            .find(|p| !marks(&p.quote.exact, &terms).is_empty())
            .or(event.passages.first())
            .map(|p| p.quote.exact.as_str())
            .unwrap_or_default();
        html! {
            <li>
                <button type="button" class="result" data-event-id={event.id.clone()} {onclick}>
                    <span class="result-title">{ marked(&event.title, &terms) }</span>
                    <span class="result-date">{ locale.date_short(&event.date) }</span>
                </button>
                <blockquote class="result-passage">{ marked(passage, &terms) }</blockquote>
            </li>
        }
    });
    let places = result.documents.iter().filter_map(|hit| {
        let document = timeline.documents.get(hit.document)?;
        let e = excerpt(&document.text, hit.first.0, hit.first.1, CONTEXT_CHARS)?;
        let count = if hit.count >= MAX_COUNTED {
            format!("{}+ places", group(MAX_COUNTED))
        } else if hit.count == 1 {
            "1 place".to_owned()
        } else {
            format!("{} places", hit.count)
        };
        let show = {
            let (open, at) = (open.clone(), (hit.document, hit.first.0, hit.first.1));
            Callback::from(move |_: MouseEvent| open.set(Some(at)))
        };
        Some(html! {
            <li>
                <p class="place-document"><cite>{ &document.title }</cite>{ " · " }{ count }</p>
                <blockquote class="result-passage">
                    if e.clipped_before { { "…" } }
                    { marked(&format!("{}{}{}", e.before, e.exact, e.after), &terms) }
                    if e.clipped_after { { "…" } }
                </blockquote>
                <button type="button" class="show-source" onclick={show} aria-label={locale.f(Msg::ShowInSourceOf, &[&document.title])}>{ locale.t(Msg::ShowInSource) }</button>
            </li>
        })
    });
    let more = result.count.saturating_sub(LISTED);
    let source = (*open).and_then(|(d, start, end)| {
        let document = Rc::new(timeline.documents.get(d)?.clone());
        let on_close = {
            let open = open.clone();
            Callback::from(move |()| open.set(None))
        };
        Some(html! { <SourceDialog {document} {start} {end} {on_close} /> })
    });
    html! {
        <section class="search-results" aria-label="Search results">
            if result.count > 0 {
                <h2>{ if result.count == 1 { "1 event matches".to_owned() } else { format!("{} events match", group(result.count)) } }</h2>
                <ol class="results">{ for events }</ol>
                if more > 0 { <p class="more">{ format!("And {} more: add words or filters to narrow them.", group(more)) }</p> }
            } else {
                <h2>{ locale.t(Msg::NoEventMatches) }</h2>
            }
            if !result.documents.is_empty() {
                <h3>{ locale.t(Msg::InTheSources) }</h3>
                <ul class="places">{ for places }</ul>
            }
            { for source }
        </section>
    }
}
