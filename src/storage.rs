//! Where the person's workspace is kept: IndexedDB (database `citeline`, store `workspace`), one
//! record `current` = `{ revision, json }`, through the `idb` crate. Every save names the revision
//! it started from; if another tab saved in between, the save is refused with what that tab saved,
//! so the caller can reconcile both (see `citeline_model::workspace::Workspace::reconcile`) instead
//! of overwriting it. Saved revisions are announced to the other tabs on a `BroadcastChannel`.
//!
//! `static/first-view.js` reads the same record before the wasm arrives (the same names, kept in
//! step by hand: `DATABASE`, `STORE`, `CURRENT`), so the page usually starts with it in hand.

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode, TransactionResult};
use wasm_bindgen::{JsCast, JsValue};

pub const DATABASE: &str = "citeline";
pub const STORE: &str = "workspace";
const VERSION: u32 = 1;
/// The workspace in use.
const CURRENT: &str = "current";
/// A stored workspace that could not be read, kept aside rather than overwritten.
const UNREADABLE: &str = "unreadable";
/// Where saved revisions are announced to the page's other tabs.
pub const CHANNEL: &str = "citeline.workspace";
/// Where earlier versions kept the workspace (localStorage); moved to IndexedDB on first load.
pub const LEGACY_KEY: &str = "citeline.workspace.v1";

/// A stored workspace: its revision (0 when nothing is stored) and its JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub revision: u64,
    pub json: Option<String>,
}

impl Stored {
    fn from_js(value: &JsValue) -> Stored {
        let get = |key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).ok();
        Stored { revision: get("revision").and_then(|r| r.as_f64()).map_or(0, |r| r as u64), json: get("json").and_then(|j| j.as_string()) }
    }

    fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&object, &"revision".into(), &JsValue::from_f64(self.revision as f64));
        let _ = js_sys::Reflect::set(&object, &"json".into(), &self.json.as_deref().map_or(JsValue::NULL, JsValue::from_str));
        object.into()
    }
}

/// The outcome of `save`.
pub enum Saved {
    /// Stored as this revision.
    As(u64),
    /// Another tab saved first: what is stored now (nothing was written).
    Conflict(Stored),
}

/// Why storage failed, in words for the page ("QuotaExceededError: …"). The browser's own
/// exception says it best; the crate's other errors (its `Display` would cost the start-up wasm
/// several KB of messages) are named by their variant.
fn describe(error: &idb::Error) -> String {
    match error {
        idb::Error::DomException(e) => exception(e),
        other => format!("IndexedDB failed ({})", variant_name(other)),
    }
}

/// "QuotaExceededError: …", or the name alone when the browser gives no message.
fn exception(e: &web_sys::DomException) -> String {
    match e.message() {
        m if m.trim().is_empty() => e.name(),
        m => format!("{}: {m}", e.name()),
    }
}

/// The variant of an `idb::Error` (its Debug output up to the first parenthesis).
fn variant_name(error: &idb::Error) -> &'static str {
    match error {
        idb::Error::DomException(_) => "DOM exception",
        idb::Error::IndexedDbNotFound(_) => "not available",
        idb::Error::OneshotChannelReceiveError => "interrupted",
        _ => "request failed",
    }
}

async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(|e| format!("IndexedDB is not available here ({})", describe(&e)))?;
    let mut request = factory.open(DATABASE, Some(VERSION)).map_err(|e| describe(&e))?;
    request.on_upgrade_needed(|event| {
        if let Ok(database) = event.database() {
            if !database.store_names().iter().any(|n| n == STORE) {
                let _ = database.create_object_store(STORE, ObjectStoreParams::new());
            }
        }
    });
    request.await.map_err(|e| describe(&e))
}

fn early_value() -> Option<JsValue> {
    js_sys::Reflect::get(&gloo::utils::window(), &"citelineStoredWorkspace".into()).ok().filter(|v| v.is_object())
}

fn from_early(value: &JsValue) -> Result<Stored, String> {
    match js_sys::Reflect::get(value, &"error".into()).ok().and_then(|e| e.as_string()) {
        Some(error) => Err(error),
        None => Ok(Stored::from_js(value)),
    }
}

/// What `static/first-view.js` read before the wasm arrived, if it has finished:
/// `Some(Ok(stored))`, `Some(Err(why))`, or `None` (not read, or not yet).
pub fn early() -> Option<Result<Stored, String>> {
    early_value().filter(|v| !v.is_instance_of::<js_sys::Promise>()).map(|v| from_early(&v))
}

/// The first read: the boot script's (awaited if it is still running), else a read of our own
/// (pages without the boot script: the mount API's hosts, `citeline render`'s pages).
pub async fn first_read() -> Result<Stored, String> {
    match early_value() {
        Some(value) => match value.dyn_into::<js_sys::Promise>() {
            Ok(promise) => match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(value) => from_early(&value),
                Err(_) => read().await,
            },
            Err(value) => from_early(&value),
        },
        None => read().await,
    }
}

/// Reads the stored workspace (revision 0 and no JSON when there is none).
pub async fn read() -> Result<Stored, String> {
    let database = open().await?;
    let transaction = database.transaction(&[STORE], TransactionMode::ReadOnly).map_err(|e| describe(&e))?;
    let store = transaction.object_store(STORE).map_err(|e| describe(&e))?;
    let value = store.get(JsValue::from_str(CURRENT)).map_err(|e| describe(&e))?.await.map_err(|e| describe(&e))?;
    database.close();
    Ok(value.map_or(Stored { revision: 0, json: None }, |v| Stored::from_js(&v)))
}

/// Stores `json` as the revision after `expected`, unless what is stored is no longer `expected`
/// (another tab saved): then nothing is written and the stored workspace comes back. A refusal by
/// the browser (quota) leaves what was stored before as it was.
pub async fn save(expected: u64, json: &str) -> Result<Saved, String> {
    let database = open().await?;
    let transaction = database.transaction(&[STORE], TransactionMode::ReadWrite).map_err(|e| describe(&e))?;
    // The raw transaction too, to read why it was aborted (the quota is checked at commit).
    let raw: web_sys::IdbTransaction = transaction.into();
    let transaction = idb::Transaction::from(raw.clone());
    let store = transaction.object_store(STORE).map_err(|e| describe(&e))?;
    let now = store.get(JsValue::from_str(CURRENT)).map_err(|e| describe(&e))?.await.map_err(|e| describe(&e))?;
    let now = now.map_or(Stored { revision: 0, json: None }, |v| Stored::from_js(&v));
    if now.revision != expected {
        let _ = transaction.abort();
        database.close();
        return Ok(Saved::Conflict(now));
    }
    let next = Stored { revision: expected + 1, json: Some(json.to_owned()) };
    let put = store.put(&next.to_js(), Some(&JsValue::from_str(CURRENT))).map_err(|e| describe(&e))?.await;
    let outcome = match put {
        Err(e) => Err(describe(&e)),
        Ok(_) => match transaction.commit().map_err(|e| describe(&e))?.await {
            Ok(TransactionResult::Committed) => Ok(Saved::As(next.revision)),
            Ok(TransactionResult::Aborted) => Err(raw.error().map_or_else(|| "the browser aborted the save".to_owned(), |e| exception(&e))),
            Err(e) => Err(describe(&e)),
        },
    };
    database.close();
    outcome
}

/// Keeps a stored workspace that could not be read under `unreadable`, so that it is not lost.
pub async fn keep_aside(json: &str) -> Result<(), String> {
    let database = open().await?;
    let transaction = database.transaction(&[STORE], TransactionMode::ReadWrite).map_err(|e| describe(&e))?;
    let store = transaction.object_store(STORE).map_err(|e| describe(&e))?;
    store.put(&JsValue::from_str(json), Some(&JsValue::from_str(UNREADABLE))).map_err(|e| describe(&e))?.await.map_err(|e| describe(&e))?;
    let done = transaction.commit().map_err(|e| describe(&e))?.await.map_err(|e| describe(&e))?;
    database.close();
    if done.is_committed() {
        Ok(())
    } else {
        Err("the browser aborted the save".to_owned())
    }
}

/// Tells the page's other tabs that `revision` was saved.
pub fn announce(revision: u64) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&JsValue::from_f64(revision as f64));
        channel.close();
    }
}

/// Calls `on_saved(revision)` whenever another tab saves; dropping the result stops listening.
pub fn listen(on_saved: impl Fn(u64) + 'static) -> Option<Listening> {
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let listener = gloo::events::EventListener::new(&channel, "message", move |event| {
        if let Some(revision) = event.dyn_ref::<web_sys::MessageEvent>().and_then(|m| m.data().as_f64()) {
            on_saved(revision as u64);
        }
    });
    Some(Listening { channel, _listener: listener })
}

/// A subscription to other tabs' saves (see `listen`).
pub struct Listening {
    channel: web_sys::BroadcastChannel,
    _listener: gloo::events::EventListener,
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.channel.close();
    }
}

/// The workspace earlier versions kept in localStorage, if any.
pub fn legacy() -> Option<String> {
    gloo::utils::window().local_storage().ok().flatten()?.get_item(LEGACY_KEY).ok().flatten()
}

/// Forgets the localStorage copy, once it is safely in IndexedDB.
pub fn forget_legacy() {
    if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = storage.remove_item(LEGACY_KEY);
    }
}
