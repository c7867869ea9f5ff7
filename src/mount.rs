//! The JS mount API for pages that do not want an iframe:
//! `const t = await mount(element, data, options)` with `t.select(id)`, `t.setView(start, end)`,
//! `t.setData(data)`, `t.on('select', fn)` and `t.destroy()`. Each mount is independent: it keeps
//! its own state, never touches the page's URL, history or storage, and leaves nothing behind.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use citeline_model::date::DateValue;
use citeline_model::import::load_any;
use citeline_model::seed::seed_timeline;
use citeline_model::timeline::{Diagnostic, Timeline};
use citeline_view::session::{Session, SessionAction, Start};
use citeline_view::tracks::TrackAction;
use citeline_view::view::ViewAction;

use crate::detail_panel::DetailPanel;
use crate::locale::Locale;
use crate::session::SessionState;
use crate::timeline::TimelineView;

/// What the handle asks of the mounted component.
enum Command {
    Select(String),
    Show(f64, f64),
    Data(Rc<Timeline>, Vec<Diagnostic>),
}

/// Shared between the JS handle and the component.
#[derive(Default)]
struct Bridge {
    command: RefCell<Option<Callback<Command>>>,
    listeners: RefCell<Vec<(String, js_sys::Function)>>,
    /// Commands sent before the component was ready.
    queued: RefCell<Vec<Command>>,
}

impl Bridge {
    fn send(&self, command: Command) {
        match self.command.borrow().as_ref() {
            Some(callback) => callback.emit(command),
            None => self.queued.borrow_mut().push(command),
        }
    }

    fn notify(&self, name: &str, detail: &JsValue) {
        let listeners: Vec<js_sys::Function> = self.listeners.borrow().iter().filter(|(n, _)| n == name).map(|(_, f)| f.clone()).collect();
        for f in listeners {
            let _ = f.call1(&JsValue::NULL, detail);
        }
    }
}

/// Reads data given to the API: nothing (the seed), a JSON string, or a plain object.
fn read_data(data: &JsValue) -> Result<(Timeline, Vec<Diagnostic>), String> {
    if data.is_null() || data.is_undefined() {
        return seed_timeline().map_err(|e| e.to_string());
    }
    let text = match data.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(data).ok().and_then(|s| s.as_string()).ok_or("the data is not JSON")?,
    };
    load_any(&text).map_err(|e| format!("the data is {e}"))
}

fn date_option(options: &JsValue, key: &str) -> Option<DateValue> {
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?.as_string()?.parse().ok()
}

#[derive(Properties)]
struct MountedProps {
    bridge: Rc<Bridge>,
    timeline: Rc<Timeline>,
    diagnostics: Vec<Diagnostic>,
    window: Option<(DateValue, DateValue)>,
    event: Option<String>,
}

impl PartialEq for MountedProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bridge, &other.bridge) && Rc::ptr_eq(&self.timeline, &other.timeline)
    }
}

#[function_component(Mounted)]
fn mounted(props: &MountedProps) -> Html {
    let model = use_reducer(|| {
        let window_days = props.window.as_ref().map(|(s, e)| (s.start_days(), e.end_days()));
        SessionState(Session::new(props.timeline.clone(), &Start { window_days, event: props.event.clone(), ..Start::default() }))
    });
    let session = &model.0;
    let diagnostics = use_state(|| props.diagnostics.clone());
    let on_action = {
        let dispatch = model.dispatcher();
        Callback::from(move |action: ViewAction| dispatch.dispatch(SessionAction::View(action)))
    };
    let on_tracks = {
        let dispatch = model.dispatcher();
        Callback::from(move |action: TrackAction| dispatch.dispatch(SessionAction::Tracks(action)))
    };
    // The handle's commands.
    {
        let bridge = props.bridge.clone();
        let dispatch = model.dispatcher();
        let diagnostics = diagnostics.clone();
        use_effect_with((), move |_| {
            let handler = Callback::from(move |command: Command| match command {
                Command::Select(id) => dispatch.dispatch(SessionAction::Focus(id)),
                Command::Show(start_days, end_days) => dispatch.dispatch(SessionAction::View(ViewAction::Show { start_days, end_days })),
                Command::Data(timeline, problems) => {
                    diagnostics.set(problems);
                    dispatch.dispatch(SessionAction::Replace(timeline));
                }
            });
            for command in bridge.queued.borrow_mut().drain(..) {
                handler.emit(command);
            }
            *bridge.command.borrow_mut() = Some(handler);
            move || {
                bridge.command.borrow_mut().take();
            }
        });
    }
    // Tell listeners about selections.
    {
        let bridge = props.bridge.clone();
        let selected = session.selected_event().cloned();
        use_effect_with(selected, move |selected| {
            if let Some(event) = selected {
                let detail = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&detail, &"id".into(), &event.id.as_str().into());
                let _ = js_sys::Reflect::set(&detail, &"date".into(), &event.date.display_short().into());
                let _ = js_sys::Reflect::set(&detail, &"title".into(), &event.title.as_str().into());
                bridge.notify("select", &detail);
            }
        });
    }
    // A mounted timeline speaks the reader's (browser's) language, marked on its own element:
    // the host's page is not touched.
    let locale = use_memo((), |_| Locale::of_page(None));
    let (lang, dir) = (locale.tag.clone(), if locale.lang.rtl() { "rtl" } else { "ltr" });
    html! {
        <ContextProvider<Locale> context={(*locale).clone()}>
        <div class="citeline-mounted" {lang} {dir}>
            if !diagnostics.is_empty() {
                <ul class="message warning" role="alert">{ for diagnostics.iter().map(|d| html! { <li>{ d.to_string() }</li> }) }</ul>
            }
            <TimelineView session={session.clone()} on_action={on_action.clone()} {on_tracks} />
            <DetailPanel timeline={session.timeline().clone()} event={session.selected_event().cloned()} {on_action} story={session.story()} keys={false} />
        </div>
        </ContextProvider<Locale>>
    }
}

#[derive(Properties, PartialEq)]
struct FailedProps {
    message: String,
}

#[function_component(Failed)]
fn failed(props: &FailedProps) -> Html {
    html! { <div class="load-error" role="alert"><p>{ format!("This timeline could not be shown: {}.", props.message) }</p></div> }
}

/// A mounted timeline, returned by `mount`.
#[wasm_bindgen]
pub struct TimelineHandle {
    bridge: Rc<Bridge>,
    app: Option<yew::AppHandle<Mounted>>,
    failed: Option<yew::AppHandle<Failed>>,
    element: web_sys::Element,
}

#[wasm_bindgen]
impl TimelineHandle {
    /// Selects the event with this id (and brings it into view).
    pub fn select(&self, id: &str) {
        self.bridge.send(Command::Select(id.to_owned()));
    }

    /// Shows the window from `start` to `end` ("2017", "2017-06", "2017-06-04").
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&self, start: &str, end: &str) -> Result<(), JsValue> {
        let (s, e): (DateValue, DateValue) =
            (start.parse().map_err(|e| JsValue::from_str(&format!("{e}")))?, end.parse().map_err(|e| JsValue::from_str(&format!("{e}")))?);
        self.bridge.send(Command::Show(s.start_days(), e.end_days()));
        Ok(())
    }

    /// Replaces the data (our JSON or TimelineJS3's, as a string or an object).
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, data: JsValue) -> Result<(), JsValue> {
        let (timeline, diagnostics) = read_data(&data).map_err(|e| JsValue::from_str(&e))?;
        self.bridge.send(Command::Data(Rc::new(timeline), diagnostics));
        Ok(())
    }

    /// Calls `f({id, date, title})` on each selection (event name "select").
    pub fn on(&self, event: &str, f: js_sys::Function) {
        self.bridge.listeners.borrow_mut().push((event.to_owned(), f));
    }

    /// Removes the timeline, its listeners and its DOM.
    pub fn destroy(&mut self) {
        self.bridge.listeners.borrow_mut().clear();
        self.bridge.command.borrow_mut().take();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if let Some(app) = self.failed.take() {
            app.destroy();
        }
        self.element.set_inner_html("");
    }
}

/// Mounts a timeline in `element`. `data`: null for the built-in example, or a timeline (ours or
/// TimelineJS3's) as a JSON string or object. `options`: `{event, start, end}`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, data: JsValue, options: JsValue) -> TimelineHandle {
    let bridge = Rc::new(Bridge::default());
    let options = if options.is_object() { options } else { js_sys::Object::new().into() };
    let (app, failed) = match read_data(&data) {
        Ok((timeline, diagnostics)) => {
            let window = date_option(&options, "start").zip(date_option(&options, "end"));
            let event = js_sys::Reflect::get(&options, &"event".into()).ok().and_then(|v| v.as_string());
            let props = MountedProps { bridge: bridge.clone(), timeline: Rc::new(timeline), diagnostics, window, event };
            (Some(yew::Renderer::<Mounted>::with_root_and_props(element.clone(), props).render()), None)
        }
        Err(message) => (None, Some(yew::Renderer::<Failed>::with_root_and_props(element.clone(), FailedProps { message }).render())),
    };
    TimelineHandle { bridge, app, failed, element }
}
