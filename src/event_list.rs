//! The events as a list in time order: what a screen reader browses instead of the drawn strip,
//! reached by the page's skip link ("Skip to the list of events", `#event-list`). The release
//! page carries its own static list of the seed (crates/render); this one is drawn where that list
//! is absent (`?src=` pages) or no longer the whole story (the person added events), a page of
//! entries at a time so that 100,000 events cost no more than 100.

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::Locale;
use citeline_view::locale::Msg;

use citeline_model::date::EventDate;
use citeline_model::timeline::Timeline;
use citeline_view::index::EventIndex;
use citeline_view::view::ViewAction;

/// Entries drawn at first, and added by "Show more".
const PAGE: usize = 100;

#[derive(Properties)]
pub struct EventListProps {
    pub timeline: Rc<Timeline>,
    /// The session's index of `timeline` (its time order).
    pub index: Rc<EventIndex>,
    pub selected: Option<String>,
    pub on_action: Callback<ViewAction>,
}

impl PartialEq for EventListProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.timeline, &other.timeline) && Rc::ptr_eq(&self.index, &other.index) && self.selected == other.selected
        // `on_action` is made anew on every render of the page and always dispatches to the same
        // session: comparing it would redraw the list on every zoom step.
    }
}

/// Moves the reader to the details of the event just chosen (its heading takes the focus), once
/// the panel shows that event: the selection's render may come a few frames later on a busy page
/// (Yew's scheduler yields after 16 ms of work), so this looks again each 16 ms, for about 2 s.
fn focus_details(id: String) {
    const TRIES: u32 = 120;
    fn attempt(id: String, left: u32, delay: u32) {
        gloo::timers::callback::Timeout::new(delay, move || {
            let shown = gloo::utils::document()
                .query_selector_all("#app .detail[data-detail-for]")
                .ok()
                .and_then(|all| {
                    (0..all.length()).filter_map(|i| all.item(i)).find_map(|n| {
                        let panel: web_sys::Element = wasm_bindgen::JsCast::dyn_into(n).ok()?;
                        (panel.get_attribute("data-detail-for").as_deref() == Some(id.as_str())).then_some(panel)
                    })
                })
                .and_then(|panel| panel.query_selector("h2").ok().flatten())
                .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok());
            match shown {
                Some(heading) => {
                    heading.scroll_into_view();
                    let _ = heading.focus();
                }
                None if left > 0 => attempt(id, left - 1, 16),
                None => {}
            }
        })
        .forget();
    }
    attempt(id, TRIES, 0);
}

/// One `<time>` per end of the date, with its ISO value (as the static list writes them).
/// In another language than English, the dates in the reader's locale and open ends as "… –".
fn time_element(date: &EventDate, locale: &Locale) -> Html {
    let time = |v: &citeline_model::date::DateValue| {
        let words = if locale.english() { v.display_long() } else { locale.date_long(&EventDate::Point(*v)) };
        match v.html_datetime() {
            Some(datetime) => html! { <time datetime={datetime}>{ words }</time> },
            None => html! { <span class="date">{ words }</span> },
        }
    };
    let english = locale.english();
    match date {
        EventDate::Point(v) => time(v),
        EventDate::Range { start, end } => html! { <>{ time(start) }{ " – " }{ time(end) }</> },
        EventDate::Until(v) => html! { <>{ if english { "until " } else { "… – " } }{ time(v) }</> },
        EventDate::From(v) => html! { <>{ if english { "from " } else { "" } }{ time(v) }{ if english { " on" } else { " – …" } }</> },
    }
}

#[function_component(EventList)]
pub fn event_list(props: &EventListProps) -> Html {
    let shown = use_state(|| PAGE);
    let locale = use_context::<Locale>().unwrap_or_default();
    let order = props.index.in_time_order();
    let total = order.len();
    let entries = order.iter().take(*shown).filter_map(|&i| props.timeline.events.get(i)).map(|event| {
        let choose = {
            let (on_action, id) = (props.on_action.clone(), event.id.clone());
            Callback::from(move |_: MouseEvent| {
                on_action.emit(ViewAction::Select(id.clone()));
                focus_details(id.clone());
            })
        };
        let current = props.selected.as_deref() == Some(event.id.as_str());
        let passages = event.passages.len();
        html! {
            <li data-list-event={event.id.clone()}>
                <article class={classes!("list-entry", current.then_some("current"))} aria-current={current.then_some("true")}>
                    <h3><button type="button" class="link" onclick={choose}>{ &event.title }</button></h3>
                    <p class="entry-date">
                        { time_element(&event.date, &locale) }
                        { format!(" · {}", lower_first(locale.known(event.date.granularity()))) }
                    </p>
                    if !event.summary.is_empty() { <p class="summary">{ &event.summary }</p> }
                    <p class="entry-evidence">{ match (locale.english(), passages) {
                        (true, 1) => "1 passage".to_owned(),
                        (true, n) => format!("{n} passages"),
                        (false, 1) => locale.t(Msg::EvidenceOne).to_owned(),
                        (false, n) => locale.f(Msg::EvidenceMany, &[&locale.number(n)]),
                    } }</p>
                </article>
            </li>
        }
    });
    let more = (*shown < total).then(|| {
        let now = *shown;
        let next = (now + PAGE).min(total);
        let shown = shown.clone();
        let onclick = Callback::from(move |_: MouseEvent| shown.set(next));
        let n = |count: usize| locale.number(count);
        html! { <button type="button" class="more" {onclick}>{ locale.f(Msg::ShowNextEvents, &[&n(next - now), &n(now), &n(total)]) }</button> }
    });
    html! {
        <section class="app-list" id="event-list" aria-labelledby="event-list-heading">
            <h2 id="event-list-heading">{ if total == 1 { locale.t(Msg::OneEventInTimeOrder).to_owned() } else { locale.f(Msg::EventsInTimeOrder, &[&locale.number(total)]) } }</h2>
            <ol>{ for entries }</ol>
            { for more }
        </section>
    }
}

/// `text` with its first letter in lower case ("Known to the day" after a middle dot).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}
