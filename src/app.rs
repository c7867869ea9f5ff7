//! The page: loads the seed timeline (or `?src=`, or the single file's own data), drives the view
//! crate's `Session` and keeps the selection in the URL (`#event=<id>`, pushState so back/forward
//! step through selections).

use std::rc::Rc;

use yew::prelude::*;

use citeline_model::embed::EmbedOptions;
use citeline_model::import::{load_any, StreamingLoad, NOT_UTF8};
use citeline_model::seed::seed_timeline;
use citeline_model::timeline::{Diagnostic, LoadError, Timeline};
use citeline_view::page::{AsItComes, Due};
use citeline_view::session::{Session, SessionAction, Start};
use citeline_view::tracks::TrackAction;
use citeline_view::view::ViewAction;

use crate::add_documents::AddDocuments;
use crate::detail_panel::DetailPanel;
use crate::event_from_hash;
use crate::event_list::EventList;
use crate::hooks::{use_host, use_search, use_url_selection, use_url_tracks, use_workspace, Same};
use crate::locale::Locale;
use crate::media_view::MediaView;
use crate::search_bar::{SearchBar, SearchResults};
use crate::session::SessionState;
use crate::share_dialog::ShareDialog;
use crate::timeline::TimelineView;
use citeline_view::locale::Msg;

/// Where the timeline comes from: `?src=<url>` (our JSON or TimelineJS3's), else the data the page
/// carries (`citeline render`'s pages, the release build's seed page, the single file), else the
/// built-in seed.
fn source_url() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("src").filter(|s| !s.trim().is_empty())
}

/// The request for `url` that the boot script started before the wasm was ready, if it did (once).
fn early_request(window: &web_sys::Window, url: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let key = wasm_bindgen::JsValue::from_str("citelineEarlySrc");
    let early = js_sys::Reflect::get(window, &key).ok().filter(|v| v.is_object())?;
    let _ = js_sys::Reflect::set(window, &key, &wasm_bindgen::JsValue::UNDEFINED);
    let same = js_sys::Reflect::get(&early, &"url".into()).ok()?.as_string()? == url;
    same.then(|| js_sys::Reflect::get(&early, &"response".into()).ok()?.dyn_into::<js_sys::Promise>().ok()).flatten()
}

/// How far a long download has been read, while the events read so far are shown.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct Reading {
    events: usize,
    bytes: usize,
    total_bytes: Option<usize>,
}

/// How much of a download is read between two looks at the time (bytes).
const READ_PART_BYTES: usize = 256 * 1024;

fn now_ms() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Resolves once the browser has painted a frame (a task after the next animation frame), or
/// after 100 ms in a tab that paints nothing (hidden), so reading never waits for the tab.
async fn after_next_paint() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = gloo::utils::window();
        let later = resolve.clone();
        let after_frame = Closure::once_into_js(move || {
            let _ = gloo::utils::window().set_timeout_with_callback(resolve.unchecked_ref());
        });
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 100);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves after `ms`.
async fn sleep(ms: f64) {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms.ceil() as i32);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Shows what `pace` says is due: the events read so far, or how far the reading is; then lets
/// the browser paint (and answer input) before reading on.
async fn show_so_far(
    load: &StreamingLoad,
    pace: &mut AsItComes,
    progress: &impl Fn(Option<Timeline>, Reading),
    bytes: usize,
    total_bytes: Option<usize>,
    at_least_bytes: Option<usize>,
) {
    let events = load.events_read();
    let due = pace.due(now_ms(), events, bytes, at_least_bytes);
    let partial = match due {
        Due::Nothing => return,
        Due::Status => None,
        Due::Events => match load.snapshot() {
            Some(partial) => Some(partial),
            None => return,
        },
    };
    if !pace.shown() {
        crate::mark("citeline:data-partial");
    }
    progress(partial, Reading { events, bytes, total_bytes });
    after_next_paint().await;
    if due == Due::Events {
        // Yew draws new events in more than one task (it yields to the browser after 16 ms of
        // work, then places the labels): one more frame, so reading on does not hold that back.
        after_next_paint().await;
    }
    pace.done(due, now_ms(), events);
}

/// Fetches and loads `url`; the error says what went wrong in plain words. A download that takes
/// a while (to come or to read) is shown as it comes, at the pace `AsItComes` sets: `progress`
/// gets the events read so far, or only how far the reading is, and each time the page paints
/// and answers input before reading on.
async fn fetch_timeline(url: &str, progress: impl Fn(Option<Timeline>, Reading)) -> Result<(Timeline, Vec<Diagnostic>), String> {
    use wasm_bindgen::JsCast;
    let refused = || {
        format!("Could not fetch {url}: the server is unreachable, refused the request, or does not allow other sites to read it (CORS).")
    };
    let window = gloo::utils::window();
    let response = wasm_bindgen_futures::JsFuture::from(early_request(&window, url).unwrap_or_else(|| window.fetch_with_str(url)))
        .await
        .map_err(|_| refused())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| refused())?;
    if !response.ok() {
        return Err(format!("Could not load {url}: the server answered {} {}.", response.status(), response.status_text()));
    }
    // Bytes, not text, read as they arrive (citeline_model::import::StreamingLoad reads each event
    // of a TimelineJS3 file as soon as it is in, so reading overlaps the download), copied once
    // into wasm memory and checked as UTF-8 there (no UTF-16 detour).
    let size_hint = response.headers().get("content-length").ok().flatten().and_then(|n| n.trim().parse::<usize>().ok());
    // The length is of what was sent: of the text only when it was sent as is, which a page can
    // tell only of its own site's responses (another site's Content-Encoding is not shown to it).
    let own_site = js_sys::Reflect::get(&response, &"type".into()).ok().and_then(|t| t.as_string()).is_some_and(|t| t == "basic");
    let as_is = response.headers().get("content-encoding").ok().flatten().is_none_or(|e| e.trim().eq_ignore_ascii_case("identity"));
    let text_bytes = size_hint.filter(|_| own_site && as_is);
    let mut load = StreamingLoad::with_size_hint(size_hint.unwrap_or(0));
    let broken = || format!("The download of {url} broke off.");
    match js_sys::Reflect::get(&response, &"body".into()).ok().filter(|b| b.is_object()) {
        Some(body) => {
            let method = |target: &wasm_bindgen::JsValue, name: &str| {
                js_sys::Reflect::get(target, &name.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            };
            let reader = method(&body, "getReader").and_then(|get| get.call0(&body).ok()).ok_or_else(refused)?;
            let read = method(&reader, "read").ok_or_else(refused)?;
            let mut piece = Vec::new();
            let (mut bytes, mut pace) = (0, AsItComes::default());
            loop {
                let next = read.call0(&reader).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()).ok_or_else(broken)?;
                let mut next = wasm_bindgen_futures::JsFuture::from(next);
                // Waiting for the network (a slow connection) counts too: the events read so far
                // are shown when the first showing is due, whether or not more has come.
                let result = loop {
                    match pace.first_due_in_ms(now_ms()).filter(|_| load.events_read() > 0) {
                        Some(wait) => match futures::future::select(next, Box::pin(sleep(wait))).await {
                            futures::future::Either::Left((result, _)) => break result,
                            futures::future::Either::Right(((), pending)) => {
                                show_so_far(&load, &mut pace, &progress, bytes, text_bytes, size_hint).await;
                                next = pending;
                            }
                        },
                        None => break next.await,
                    }
                }
                .map_err(|_| broken())?;
                if js_sys::Reflect::get(&result, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
                    break;
                }
                let chunk = js_sys::Reflect::get(&result, &"value".into()).ok().and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok());
                let Some(chunk) = chunk else { break };
                if piece.is_empty() {
                    crate::mark("citeline:data-first-chunk");
                }
                pace.start(now_ms());
                piece.resize(chunk.length() as usize, 0);
                chunk.copy_to(&mut piece);
                // A browser may hand over megabytes at once (what came while the wasm loaded):
                // read them a quarter of a megabyte at a time, so the time is looked at often.
                for part in piece.chunks(READ_PART_BYTES) {
                    load.push(part);
                    bytes += part.len();
                    show_so_far(&load, &mut pace, &progress, bytes, text_bytes, size_hint).await;
                }
            }
        }
        // No body stream (an old browser): the whole body at once.
        None => {
            let buffer =
                wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(|_| refused())?).await.map_err(|_| refused())?;
            load.push(&js_sys::Uint8Array::new(&buffer).to_vec());
        }
    }
    crate::mark("citeline:data-downloaded");
    let read = load.finish();
    crate::mark("citeline:data-read");
    read.map_err(|e| match e {
        LoadError::Syntax(m) if m.starts_with(NOT_UTF8) => format!("{url} is not UTF-8 text."),
        e => format!("{url} is {e}."),
    })
}

/// Removes the static event list and its JSON-LD, which describe the page's own timeline, from a
/// page showing another one (`?src=`): hidden from the first paint (static/first-view.js), they
/// are not kept for print, search engines or a test to find.
fn remove_published_view() {
    let document = gloo::utils::document();
    for selector in ["#event-list:not(.app-list)", "script[type=\"application/ld+json\"]"] {
        if let Ok(Some(el)) = document.query_selector(selector) {
            el.remove();
        }
    }
}

/// A timeline embedded in the page itself (the single-file export), if any.
fn inline_data() -> Option<String> {
    gloo::utils::document().get_element_by_id("citeline-data")?.text_content()
}

#[function_component(App)]
pub fn app() -> Html {
    let src = use_memo((), |_| {
        let src = source_url();
        if src.is_some() {
            remove_published_view();
        }
        src
    });
    // `?src=` wins over the data the page carries (the release build's page carries the seed's).
    let loaded = use_state(|| match (&*src, inline_data()) {
        (Some(_), _) => None,
        (None, Some(json)) => Some(load_any(&json).map(|(t, d)| (Rc::new(t), d)).map_err(|e| format!("The timeline in this file is {e}."))),
        (None, None) => {
            Some(seed_timeline().map(|(t, d)| (Rc::new(t), d)).map_err(|e| format!("The seed timeline could not be loaded: {e}")))
        }
    });
    let reading = use_state(|| None::<Reading>);
    // How many timeline files the person has opened here (each a new data set).
    let opened = use_state(|| 0u32);
    let on_open_timeline = {
        let (loaded, opened) = (loaded.clone(), opened.clone());
        Callback::from(move |(name, text): (String, String)| -> Result<String, String> {
            let (timeline, diagnostics) = load_any(&text).map_err(|e| format!("{name} could not be opened: it is {e}."))?;
            let events = timeline.events.len();
            let problems = diagnostics.len();
            let said = format!(
                "Opened {name}: {} event{}{}. A file opened here is not in this page's link; to share it, put it online and open it with ?src=, or publish it with citeline render.",
                citeline_view::layout::group_thousands(events),
                if events == 1 { "" } else { "s" },
                match problems {
                    0 => String::new(),
                    1 => ", with a problem listed at the top".to_owned(),
                    n => format!(", with {n} problems listed at the top"),
                }
            );
            // The page's static list and data describe the seed, not this file.
            remove_published_view();
            loaded.set(Some(Ok((Rc::new(timeline), diagnostics))));
            opened.set(*opened + 1);
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            Ok(said)
        })
    };
    {
        let (loaded, reading) = (loaded.clone(), reading.clone());
        use_effect_with(src.clone(), move |src| {
            if let Some(url) = (**src).clone().filter(|_| loaded.is_none()) {
                yew::platform::spawn_local(async move {
                    let progress = {
                        let (loaded, reading) = (loaded.clone(), reading.clone());
                        move |partial: Option<Timeline>, now: Reading| {
                            if let Some(partial) = partial {
                                loaded.set(Some(Ok((Rc::new(partial), Vec::new()))));
                            }
                            reading.set(Some(now));
                        }
                    };
                    let result = fetch_timeline(&url, progress).await.map(|(t, d)| (Rc::new(t), d));
                    reading.set(None);
                    loaded.set(Some(result));
                });
            }
        });
    }
    match &*loaded {
        // The page's shape while the timeline downloads (as the static page shows it before the wasm).
        None => Html::from_html_unchecked(citeline_view::page::SKELETON_HTML.into()),
        Some(Ok((timeline, diagnostics))) => {
            html! { <Loaded timeline={timeline.clone()} diagnostics={diagnostics.clone()} reading={(*reading).clone()} opened={*opened} {on_open_timeline} /> }
        }
        Some(Err(message)) => html! {
            <div class="load-error" role="alert">
                <h1>{ "This timeline could not be shown" }</h1>
                <p>{ message }</p>
                <p><a href="?">{ "Open the built-in example instead" }</a></p>
            </div>
        },
    }
}

/// `content` drawn in `<div id="add-documents">` after the page's static event list when the page
/// has one (the list stays between the detail panel and it), else in place.
fn below_the_list(content: Html) -> Html {
    match gloo::utils::document().get_element_by_id("add-documents") {
        Some(host) => yew::create_portal(content, host),
        None => content,
    }
}

/// The page opened on `#event=<id>` with the static view: the browser scrolled to that event's
/// entry in the list; now its detail panel shows it, so that is where the reader is taken.
fn show_linked_detail() {
    if event_from_hash().is_none() || gloo::utils::document().get_element_by_id("event-list").is_none() {
        return;
    }
    if let Ok(Some(detail)) = gloo::utils::document().query_selector("#app .detail[data-detail-for]") {
        detail.scroll_into_view();
    }
}

#[derive(Properties)]
struct LoadedProps {
    timeline: Rc<Timeline>,
    diagnostics: Vec<Diagnostic>,
    /// Set while `timeline` is the part of a download read so far.
    #[prop_or_default]
    reading: Option<Reading>,
    /// How many timeline files the person opened here (a new count: a new data set).
    #[prop_or_default]
    opened: u32,
    on_open_timeline: Callback<(String, String), Result<String, String>>,
}

impl PartialEq for LoadedProps {
    /// The timeline by identity (comparing 100,000 events on each status update would cost).
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.timeline, &other.timeline)
            && self.diagnostics == other.diagnostics
            && self.reading == other.reading
            && self.opened == other.opened
            && self.on_open_timeline == other.on_open_timeline
    }
}

/// Where the session starts: the URL's window and event (the `#event=` link wins over `event=`).
fn start_of(options: &EmbedOptions) -> Start {
    Start {
        window_days: options.window.as_ref().map(|(start, end)| (start.start_days(), end.end_days())),
        event: event_from_hash().or_else(|| options.event.clone()),
        tracks: crate::tracks_from_hash(),
    }
}

#[function_component(Loaded)]
fn loaded(props: &LoadedProps) -> Html {
    let options = use_memo((), |_| crate::embed::options());
    let documents = use_workspace(props.timeline.clone());
    let timeline = documents.timeline.clone();
    let model = use_reducer(|| {
        let session = Session::new(timeline.clone(), &start_of(&options));
        crate::mark("citeline:indexed");
        SessionState(session)
    });
    use_effect_with((), |_| show_linked_detail());
    let session = &model.0;
    use_host(options.clone(), session.selected_event().cloned(), model.dispatcher());
    // The session draws what was read when it last heard (the rest of a download arrived, and
    // the session's index is built in the effect below).
    let caught_up = Rc::ptr_eq(session.timeline(), &timeline);
    // A link is followed once the person's events and the whole download are in.
    use_url_selection(session.view().selected.clone(), documents.loaded && props.reading.is_none() && caught_up, model.dispatcher());
    // More of the download was read; or the person's documents changed: the same data set, extended.
    {
        let dispatch = model.dispatcher();
        let base_seen = use_mut_ref(|| props.timeline.clone());
        let opened_seen = use_mut_ref(|| props.opened);
        let (base, opened) = (props.timeline.clone(), props.opened);
        use_effect_with(Same(timeline.clone()), move |Same(timeline)| {
            let arrived = !Rc::ptr_eq(&base_seen.replace(base.clone()), &base);
            // A file the person opened is another data set, shown from its start.
            let replaced = opened_seen.replace(opened) != opened;
            dispatch.dispatch(match (replaced, arrived) {
                (true, _) => SessionAction::Replace(timeline.clone()),
                (false, true) => SessionAction::Arrived(timeline.clone()),
                (false, false) => SessionAction::Extend(timeline.clone()),
            });
            if arrived {
                crate::mark("citeline:arrived-indexed");
            }
        });
    }
    let on_accept = session.view().selected.as_ref().filter(|id| documents.pending.contains(*id)).map(|_| {
        let (workspace, update) = (documents.workspace.clone(), documents.update.clone());
        Callback::from(move |id: String| {
            let mut next = (*workspace).clone();
            next.accept(&id);
            update.emit(next);
        })
    });
    let taken_ids = use_memo(Same(props.timeline.clone()), |Same(t)| Rc::new(t.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>()));

    let on_action = {
        let dispatch = model.dispatcher();
        Callback::from(move |action: ViewAction| dispatch.dispatch(SessionAction::View(action)))
    };
    let on_tracks = {
        let dispatch = model.dispatcher();
        Callback::from(move |action: TrackAction| dispatch.dispatch(SessionAction::Tracks(action)))
    };
    use_url_tracks(session.track_choice().clone(), model.dispatcher());
    let selected_event = session.selected_event().cloned();
    let search = {
        let search = use_search(&timeline);
        // Hidden tracks are out of the answer too (the legend is the search's track filter).
        let hidden = session.track_choice().hidden.clone();
        let within = use_memo(
            (search.result.clone().map(Same), Same(session.tracks().clone()), hidden, Same(timeline.clone())),
            |(result, Same(tracks), hidden, Same(timeline))| {
                result
                    .as_ref()
                    .map(|Same(r)| if hidden.is_empty() { r.clone() } else { Rc::new(r.within_tracks(tracks, hidden, timeline)) })
            },
        );
        crate::hooks::Search { result: (*within).clone(), ..search }
    };
    let share_open = use_state(|| false);
    let share = share_open.then(|| {
        let location = gloo::utils::window().location();
        let path = location.pathname().unwrap_or_default();
        let base = format!("{}{}", location.origin().unwrap_or_default(), path.strip_suffix("index.html").unwrap_or(&path));
        let window = session.view().window_dates();
        let snippets = citeline_model::embed::snippets(
            &base,
            source_url().as_deref(),
            session.view().selected.as_deref(),
            window.as_ref().map(|(s, e)| (s, e)),
            &timeline.title,
        );
        let on_close = {
            let share_open = share_open.clone();
            Callback::from(move |_| share_open.set(false))
        };
        html! { <ShareDialog snippets={Rc::new(snippets)} timeline={timeline.clone()} session={session.clone()} {on_close} /> }
    });
    let open_share = {
        let share_open = share_open.clone();
        Callback::from(move |_: MouseEvent| share_open.set(true))
    };

    // The list view: the page's own static list while it tells the whole story, else ours (a
    // `?src=` page has none; the person's events are not in it, so it goes).
    let own_list = use_memo((!documents.workspace.documents.is_empty(), props.opened), |(added, _)| {
        // The static list (not ours, which takes the same id for the skip link).
        let static_list = gloo::utils::document().query_selector("#event-list:not(.app-list)").ok().flatten();
        match static_list {
            Some(list) if *added => {
                list.remove();
                true
            }
            Some(_) => false,
            None => true,
        }
    });
    let problems = options.problems.iter().map(|p| html! { <li>{ p }</li> });
    // Over the page, not in its flow: nothing moves when it goes. It stays until what was read
    // is drawn.
    let last_reading = use_mut_ref(|| None::<Reading>);
    if let Some(reading) = &props.reading {
        *last_reading.borrow_mut() = Some(reading.clone());
    }
    let reading_status = last_reading.borrow().clone().filter(|_| props.reading.is_some() || !caught_up).map(|r| {
        let events = if props.reading.is_some() { r.events } else { timeline.events.len() };
        let bytes = if props.reading.is_some() { r.bytes } else { r.total_bytes.unwrap_or(r.bytes) };
        html! { <p class="reading-status" role="status">{ citeline_view::page::reading_status(events, bytes, r.total_bytes) }</p> }
    });
    let locale = {
        let asked = options.lang.clone();
        use_memo((), move |_| {
            let locale = Locale::of_page(asked.as_deref());
            locale.apply_to_page();
            locale
        })
    };
    if options.embed {
        return html! {
            <ContextProvider<Locale> context={(*locale).clone()}>
            <div class="embedded">
                <h1 class="sr-only">{ &timeline.title }</h1>
                if !options.problems.is_empty() { <ul class="message warning" role="alert">{ for problems }</ul> }
                <TimelineView session={session.clone()} on_action={on_action.clone()} on_tracks={on_tracks.clone()} pending={documents.pending.clone()} search={search.result.clone()} />
                <DetailPanel timeline={timeline.clone()} event={selected_event} on_action={on_action.clone()} story={session.story()} />
                <p class="full-view"><a href={crate::embed::full_view_url()} target="_blank" rel="noopener">{ format!("{} — open the full view ↗", timeline.title) }</a></p>
                { for reading_status }
            </div>
            </ContextProvider<Locale>>
        };
    }
    html! {
        <ContextProvider<Locale> context={(*locale).clone()}>
            if !options.problems.is_empty() { <ul class="message warning" role="alert">{ for problems }</ul> }
            <header class="masthead">
                <div class="masthead-row">
                    <h1><span class="brand">{ "Citeline" }</span></h1>
                    <button type="button" class="share-button" onclick={open_share}>{ locale.t(Msg::ShareExport) }</button>
                </div>
                <p class="subtitle">{ &timeline.title }</p>
                if let Some(description) = &timeline.description { <p class="description">{ description }</p> }
                if let Some(media) = &timeline.media { <div class="title-media"><MediaView media={media.clone()} /></div> }
                <p class="lede">{ locale.t(Msg::Lede) }</p>
            </header>
            if !props.diagnostics.is_empty() {
                <section class="diagnostics" role="alert" aria-label="Problems in the data">
                    <h2>{ "Some of the data could not be used" }</h2>
                    <ul>{ for props.diagnostics.iter().map(|d| html! { <li>{ d.to_string() }</li> }) }</ul>
                </section>
            }
            <SearchBar search={search.clone()} timeline={timeline.clone()} />
            <TimelineView session={session.clone()} on_action={on_action.clone()} on_tracks={on_tracks.clone()} pending={documents.pending.clone()} search={search.result.clone()} />
            <SearchResults search={search.clone()} timeline={timeline.clone()} index={session.index().clone()} on_action={on_action.clone()} />
            <DetailPanel timeline={timeline.clone()} event={selected_event} on_action={on_action.clone()} on_accept={on_accept} story={session.story()} />
            if *own_list {
                <EventList timeline={timeline.clone()} index={session.index().clone()} selected={session.view().selected.clone()} on_action={on_action.clone()} />
            }
            { for share }
            { below_the_list(html! {
                <AddDocuments base={props.timeline.clone()} workspace={documents.workspace.clone()} taken_ids={(*taken_ids).clone()}
                    on_update={documents.update.clone()} on_action={on_action} storage_problem={documents.storage_problem.clone()}
                    notice={documents.notice.clone()} on_open_timeline={props.on_open_timeline.clone()} />
            }) }
            { for reading_status }
        </ContextProvider<Locale>>
    }
}
