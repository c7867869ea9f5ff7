//! The selected event: its date as people read it, how precise it is and how it was worked out,
//! and every supporting passage quoted in its surroundings, with a way into the whole source.

use std::rc::Rc;

use yew::prelude::*;

use citeline_model::document::excerpt;
use citeline_model::source::source_links;
use citeline_model::timeline::{Event, Passage, Timeline};
use citeline_view::session::Story;
use citeline_view::view::ViewAction;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

use crate::locale::Locale;
use crate::media_view::MediaView;
use crate::source_dialog::SourceDialog;
use citeline_view::locale::Msg;

/// Characters of context shown either side of a quoted passage.
const CONTEXT_CHARS: usize = 160;

#[derive(Properties, PartialEq)]
pub struct DetailPanelProps {
    pub timeline: Rc<Timeline>,
    pub event: Option<Event>,
    pub on_action: Callback<ViewAction>,
    /// Set when the event is a proposal from the person's documents, not yet accepted: accepts it.
    #[prop_or_default]
    pub on_accept: Option<Callback<String>>,
    /// Where the selection is in the story, and where Previous and Next go.
    pub story: Story,
    /// Whether N and P anywhere on the page step through the story (the page and the embed;
    /// not a timeline mounted into someone else's page, which may hold several).
    #[prop_or(true)]
    pub keys: bool,
}

/// The event id a story step focuses.
fn focus_id(action: &ViewAction) -> Option<&str> {
    match action {
        ViewAction::Focus { id, .. } => Some(id),
        _ => None,
    }
}

/// Whether a key press belongs to a field being typed in (or comes with a modifier), so is not a
/// story key.
fn typing(event: &KeyboardEvent) -> bool {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return true;
    }
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.closest("[contenteditable=\"true\"], dialog[open]").ok().flatten().is_some()
}

/// Which passage is open in the source dialog.
#[derive(Clone, PartialEq)]
struct OpenSource {
    document: String,
    start: usize,
    end: usize,
}

#[function_component(DetailPanel)]
pub fn detail_panel(props: &DetailPanelProps) -> Html {
    let open = use_state(|| None::<OpenSource>);
    let heading = use_node_ref();
    let locale = use_context::<Locale>().unwrap_or_default();

    // A new selection closes any open source.
    {
        let open = open.clone();
        use_effect_with(props.event.as_ref().map(|e| e.id.clone()), move |_| open.set(None));
    }
    // N and P step through the story from anywhere on the page but a text field.
    {
        let on_action = props.on_action.clone();
        use_effect_with((props.keys, props.story.clone()), move |(keys, story)| {
            let (previous, next) = (story.previous.clone().map(|(_, a)| a), story.next.clone().map(|(_, a)| a));
            let listener = keys.then(|| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
                    let step = match event.key().as_str() {
                        "n" | "N" => next.clone(),
                        "p" | "P" => previous.clone(),
                        _ => return,
                    };
                    if let Some(action) = step.filter(|_| !typing(event)) {
                        event.prevent_default();
                        on_action.emit(action);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let step = |action: &ViewAction| {
        let (on_action, action) = (props.on_action.clone(), action.clone());
        Callback::from(move |_| on_action.emit(action.clone()))
    };

    let Some(event) = &props.event else {
        // The story's title card: where to start.
        let start = props.story.next.as_ref().and_then(|(title, action)| {
            let id = focus_id(action)?.to_owned();
            let (on_action, action) = (props.on_action.clone(), action.clone());
            let onclick = Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                on_action.emit(action.clone());
            });
            Some(html! {
                <p class="story-start">
                    <a href={crate::hash_from_selection(Some(&id))} {onclick} aria-keyshortcuts="N">
                        { locale.t(Msg::StartWithFirst) }<span class="story-title">{ title }</span>{ if locale.lang.rtl() { " ←" } else { " →" } }
                    </a>
                </p>
            })
        });
        return html! {
            <aside class="detail empty" aria-label={locale.t(Msg::EventDetails)}>
                <p>{ locale.t(Msg::DetailIntro) }</p>
                { for start }
            </aside>
        };
    };
    let story = &props.story;
    let nav = html! {
        <nav class="story-nav" aria-label={locale.t(Msg::StepThrough)}>
            <button type="button" class="story-previous" disabled={story.previous.is_none()} aria-keyshortcuts="P"
                title={story.previous.as_ref().map(|(t, _)| locale.f(Msg::PreviousTitle, &[t]))}
                onclick={story.previous.as_ref().map(|(_, a)| step(a))}>{ locale.t(Msg::Previous) }</button>
            if let Some(position) = story.position {
                <span class="story-position">{ locale.f(Msg::StoryPosition, &[&locale.number(position), &locale.number(story.count)]) }</span>
            }
            <button type="button" class="story-next" disabled={story.next.is_none()} aria-keyshortcuts="N"
                title={story.next.as_ref().map(|(t, _)| locale.f(Msg::NextTitle, &[t]))}
                onclick={story.next.as_ref().map(|(_, a)| step(a))}>{ locale.t(Msg::Next) }</button>
        </nav>
    };

    let close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(ViewAction::Deselect))
    };
    let source = (*open).as_ref().and_then(|o| {
        let document = props.timeline.document(&o.document)?.clone();
        let on_close = {
            let open = open.clone();
            Callback::from(move |_| open.set(None))
        };
        Some(html! { <SourceDialog document={Rc::new(document)} start={o.start} end={o.end} {on_close} /> })
    });

    html! {
        <aside class="detail" aria-label={locale.t(Msg::EventDetails)} aria-live="polite" data-detail-for={event.id.clone()}>
            <header class="detail-header">
                <h2 ref={heading} tabindex="-1">{ &event.title }</h2>
                <button type="button" class="close" aria-label={locale.t(Msg::CloseDetails)} onclick={close}>{ "×" }</button>
            </header>
            { nav }
            if let Some(accept) = props.on_accept.clone() {
                <p class="proposed-note">
                    { "Proposed by Citeline from your document: check the passage, then " }
                    <button type="button" class="accept" onclick={{ let id = event.id.clone(); Callback::from(move |_| accept.emit(id.clone())) }}>{ "Accept it" }</button>
                </p>
            }
            <p class="summary">{ &event.summary }</p>
            if let Some(media) = &event.media { <MediaView media={media.clone()} /> }
            <dl class="facts">
                <dt>{ locale.t(Msg::Date) }</dt>
                <dd class="date-long">{ locale.date_long(&event.date) }</dd>
                <dt>{ locale.t(Msg::Precision) }</dt>
                <dd>{ locale.known(event.date.granularity()) }</dd>
                if let Some(sure) = event.date.qualifier().explain() {
                    <dt>{ locale.t(Msg::HowSure) }</dt>
                    <dd class="how-sure">{ sure }</dd>
                }
                <dt>{ locale.t(Msg::HowDetermined) }</dt>
                <dd><strong>{ locale.basis(event.date_basis.kind) }</strong>{ ": " }{ &event.date_basis.explanation }</dd>
            </dl>
            <h3>{ match (event.passages.len(), citeline_model::corroboration::sources(event).len()) {
                (1, _) => locale.t(Msg::EvidenceOne).to_owned(),
                (n, 1) => locale.f(Msg::EvidenceMany, &[&locale.number(n)]),
                (n, m) => locale.f(Msg::EvidenceSources, &[&locale.number(n), &locale.number(m)]),
            } }</h3>
            <ol class="passages">
                { for event.passages.iter().map(|p| passage(&props.timeline, p, &open, &locale)) }
            </ol>
            { for source }
        </aside>
    }
}

fn passage(timeline: &Timeline, p: &Passage, open: &UseStateHandle<Option<OpenSource>>, locale: &Locale) -> Html {
    let Some(document) = timeline.document(&p.document) else {
        return html! { <li class="passage missing">{ format!("Passage from an unknown document “{}”", p.document) }</li> };
    };
    let quoted = excerpt(&document.text, p.position.start, p.position.end, CONTEXT_CHARS);
    let show = {
        let open = open.clone();
        let target = OpenSource { document: p.document.clone(), start: p.position.start, end: p.position.end };
        Callback::from(move |_| open.set(Some(target.clone())))
    };
    let published = document.published.as_ref().map(|d| locale.date_long(&citeline_model::date::EventDate::Point(d.date)));
    let sources = source_links(document, &p.quote);
    let accessed = document.accessed.filter(|_| !sources.is_empty()).map(|d| format!("accessed {}", d.display_long()));
    html! {
        <li>
            <figure class="passage" data-passage="" data-document-id={p.document.clone()}>
                <blockquote>
                    if let Some(e) = quoted {
                        if e.clipped_before { { "…" } }
                        <span class="context">{ e.before }</span>
                        <mark>{ e.exact }</mark>
                        <span class="context">{ e.after }</span>
                        if e.clipped_after { { "…" } }
                    } else {
                        <mark>{ &p.quote.exact }</mark>
                    }
                </blockquote>
                <figcaption>
                    <cite>{ &document.title }</cite>
                    <span class="publisher">{ &document.publisher }</span>
                    if let Some(published) = published { <span class="published">{ published }</span> }
                    <span class="supports">
                        { for p.supports.iter().map(|s| html! { <span class="badge">{ locale.supports(*s) }</span> }) }
                    </span>
                </figcaption>
                <button type="button" class="show-source" onclick={show}
                    aria-label={locale.f(Msg::ShowInSourceOf, &[&document.title])}>{ locale.t(Msg::ShowInSource) }</button>
                if !sources.is_empty() {
                    <p class="at-source">
                        { for sources.iter().map(|link| match &link.href {
                            Some(href) => html! {
                                <a href={href.clone()} target="_blank" rel="noopener noreferrer"
                                    aria-label={format!("{}: {} (opens in a new tab)", link.copy.label(), document.title)}>{ link.copy.label() }</a>
                            },
                            None => html! { <span class="address">{ format!("{}: {}", link.copy.label(), link.address) }</span> },
                        }) }
                        if let Some(accessed) = accessed { <span class="accessed">{ accessed }</span> }
                    </p>
                }
            </figure>
        </li>
    }
}
