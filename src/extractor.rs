//! The page's side of the extraction worker (`crates/worker`). The worker is started on first use
//! (when someone starts adding documents), so readers who never do download none of the extractor.
//! Requests go out as JSON; the worker answers them one at a time and in order, so each reply belongs
//! to the oldest request still open, which ends with its last reply (`published`, `done` or
//! `failed`).

use std::cell::RefCell;
use std::collections::VecDeque;

use futures::channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use futures::StreamExt;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker};

use citeline_model::date::Locale;
use citeline_model::document::{Document, Published};
use citeline_model::extraction::{Reply, Request, Undated, DATELINE_CHARS};
use citeline_model::timeline::Event;

/// The worker's loader script, next to the page (trunk writes it as `<bin>_loader.js`).
const WORKER_FILE: &str = "citeline-worker_loader.js";

struct Client {
    worker: Worker,
    /// Requests written before the worker said it was ready.
    unsent: Vec<String>,
    ready: bool,
    /// Where the replies of each open request go, oldest first.
    open: VecDeque<UnboundedSender<Reply>>,
    /// Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// The worker's URL: `window.citelineWorkerUrl` when the host set one (the mount API points it next
/// to its own module; the single-file export at an inline copy), else next to the page.
fn worker_url() -> String {
    let window = gloo::utils::window();
    if let Some(url) = js_sys::Reflect::get(&window, &JsValue::from_str("citelineWorkerUrl")).ok().and_then(|v| v.as_string()) {
        return url;
    }
    let base = gloo::utils::document().base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(WORKER_FILE, &base).map(|u| u.href()).unwrap_or_else(|_| WORKER_FILE.to_owned())
}

fn on_reply(reply: Reply) {
    let failed_to_start = CLIENT.with_borrow_mut(|client| {
        let client = client.as_mut()?;
        if reply == Reply::Ready {
            client.ready = true;
            for json in client.unsent.drain(..) {
                let _ = client.worker.post_message(&JsValue::from_str(&json));
            }
            return None;
        }
        // A failure before the worker is ready is the worker failing to start (its loader says so).
        if let (false, Reply::Failed { message }) = (client.ready, &reply) {
            return Some(message.clone());
        }
        let last = reply.ends_request();
        if let Some(open) = client.open.front() {
            let _ = open.unbounded_send(reply);
        }
        if last {
            client.open.pop_front();
        }
        None
    });
    if let Some(message) = failed_to_start {
        on_failure(message);
    }
}

/// The worker failed (it could not load, or it stopped): every open request gets the message, and
/// the next request starts a new worker.
fn on_failure(message: String) {
    let client = CLIENT.with_borrow_mut(Option::take);
    if let Some(client) = client {
        client.worker.terminate();
        for open in client.open {
            let _ = open.unbounded_send(Reply::Failed { message: message.clone() });
        }
    }
}

fn start() -> Result<Client, String> {
    let worker = Worker::new(&worker_url()).map_err(|e| format!("The extractor could not be started ({}).", describe(&e)))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        on_reply(Reply::from_json(&event.data().as_string().unwrap_or_default()));
    });
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(|event: ErrorEvent| {
        event.prevent_default();
        let detail = event.message();
        let detail = if detail.is_empty() { "it could not be loaded".to_owned() } else { detail };
        on_failure(format!("The extractor stopped: {detail}. Nothing you added was lost; try again."));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client { worker, unsent: Vec::new(), ready: false, open: VecDeque::new(), _on_message: on_message, _on_error: on_error })
}

fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message")).ok().and_then(|m| m.as_string()).unwrap_or_else(|| format!("{error:?}"))
}

/// Starts the worker if it is not running yet, so the first request does not wait for it.
pub fn warm_up() {
    CLIENT.with_borrow_mut(|client| {
        if client.is_none() {
            *client = start().ok();
        }
    });
}

/// Sends a request; its replies arrive on the returned stream, which ends after the last one.
fn send(request: &Request) -> UnboundedReceiver<Reply> {
    let (sender, receiver) = unbounded();
    let failure = CLIENT.with_borrow_mut(|client| {
        if client.is_none() {
            match start() {
                Ok(started) => *client = Some(started),
                Err(message) => return Some(message),
            }
        }
        let client = client.as_mut()?;
        let json = request.to_json();
        if client.ready {
            if let Err(e) = client.worker.post_message(&JsValue::from_str(&json)) {
                return Some(format!("The extractor could not be asked ({}).", describe(&e)));
            }
        } else {
            client.unsent.push(json);
        }
        client.open.push_back(sender.clone());
        None
    });
    if let Some(message) = failure {
        let _ = sender.unbounded_send(Reply::Failed { message });
    }
    receiver
}

/// The publication date stated in a dateline near the top of `text`, if any.
pub async fn guess_published(text: &str) -> Result<Option<Published>, String> {
    let head: String = text.chars().take(DATELINE_CHARS).collect();
    let mut replies = send(&Request::GuessPublished { text: head });
    match replies.next().await {
        Some(Reply::Published { published }) => Ok(published),
        Some(Reply::Failed { message }) => Err(message),
        _ => Err("The extractor gave no answer.".to_owned()),
    }
}

/// Reads a whole-workspace file in the worker: the workspace as `Workspace::from_json` reads it,
/// or why not, in words naming the file (and the item and field at fault).
pub async fn read_workspace(name: &str, text: String) -> Result<String, String> {
    let mut replies = send(&Request::ReadWorkspace { name: name.to_owned(), text });
    match replies.next().await {
        Some(Reply::Workspace { json }) => Ok(json),
        Some(Reply::Failed { message }) => Err(message),
        _ => Err("The extractor gave no answer.".to_owned()),
    }
}

/// Proposes events for `document` and lists its undated happenings, calling
/// `progress(done_chars, total_chars)` after each chunk.
pub async fn propose(
    document: Document,
    locale: Locale,
    chunk_chars: usize,
    progress: impl Fn(usize, usize),
) -> Result<(Vec<Event>, Vec<Undated>), String> {
    let mut replies = send(&Request::Propose { document, locale, chunk_chars });
    let (mut events, mut undated) = (Vec::new(), Vec::new());
    while let Some(reply) = replies.next().await {
        match reply {
            Reply::Progress { done_chars, total_chars, events: chunk, undated: more } => {
                events.extend(chunk);
                undated.extend(more);
                progress(done_chars, total_chars);
            }
            Reply::Done => return Ok((events, undated)),
            Reply::Failed { message } => return Err(message),
            Reply::Ready | Reply::Published { .. } | Reply::Workspace { .. } => {}
        }
    }
    Err("The extractor stopped before it finished.".to_owned())
}
