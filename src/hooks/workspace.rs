//! The person's own documents and proposals, kept in this browser's IndexedDB (`crate::storage`)
//! and drawn beside the base timeline. Nothing is lost silently:
//! - each change is saved as it is made; when the browser refuses (quota), the page says so and
//!   what was saved before stays as it was;
//! - two tabs: a save started from an older revision than the stored one is refused, and both
//!   tabs' changes are reconciled (`Workspace::reconcile`); a tab hears the other's saves and
//!   shows them;
//! - a stored workspace that cannot be read is kept aside, never overwritten;
//! - what earlier versions kept in localStorage moves to IndexedDB on first load.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use super::Same;

use citeline_model::timeline::Timeline;
use citeline_model::workspace::Workspace;

use crate::storage::{self, Saved, Stored};

/// The workspace and what the page draws from it.
#[derive(Clone)]
pub struct WorkspaceHandle {
    /// The person's documents and proposals.
    pub workspace: Rc<Workspace>,
    /// The base timeline with them added (the base itself while there are none).
    pub timeline: Rc<Timeline>,
    /// Ids of proposals not yet accepted (drawn dashed).
    pub pending: Rc<HashSet<String>>,
    /// Whether the stored workspace has been read (until then, `workspace` is empty).
    pub loaded: bool,
    /// Why the last change could not be kept, if it could not.
    pub storage_problem: Option<String>,
    /// What happened that the person should know (another tab's changes joined with theirs).
    pub notice: Option<String>,
    /// Keeps a new workspace (and saves it).
    pub update: Callback<Workspace>,
}

/// What the saving side knows between renders.
#[derive(Default)]
struct Keeper {
    /// The revision last read or saved, and the workspace it holds.
    revision: u64,
    saved: Rc<Workspace>,
    /// A save is running; `queued` is the newest workspace waiting for it.
    saving: bool,
    queued: Option<Rc<Workspace>>,
    /// Nothing may be written over the stored record (it could not be read, and keeping it aside failed).
    frozen: bool,
    /// The workspace being saved came from earlier versions' localStorage: forget that copy once saved.
    from_legacy: bool,
}

type Setter<T> = UseStateHandle<T>;

#[derive(Clone)]
struct Handles {
    keeper: Rc<RefCell<Keeper>>,
    workspace: Setter<Rc<Workspace>>,
    loaded: Setter<bool>,
    problem: Setter<Option<String>>,
    notice: Setter<Option<String>>,
}

const REFUSED: &str = "This browser would not keep your latest change";

/// Reads a stored record into the page: `Ok` with the workspace, or a problem to show.
fn adopt(handles: &Handles, stored: Stored) {
    let (workspace, problem) = match &stored.json {
        Some(json) => Workspace::from_json(json),
        None => (Workspace::default(), None),
    };
    if let (Some(problem), Some(json)) = (problem, stored.json.clone()) {
        // Unreadable (written by a newer version, or damaged): kept aside, never overwritten.
        handles.keeper.borrow_mut().frozen = true;
        let kept = handles.clone();
        yew::platform::spawn_local(async move {
            match storage::keep_aside(&json).await {
                Ok(()) => {
                    let queued = {
                        let mut keeper = kept.keeper.borrow_mut();
                        keeper.frozen = false;
                        keeper.queued.take()
                    };
                    if let Some(queued) = queued {
                        save(kept.clone(), queued);
                    }
                    kept.problem.set(Some(format!(
                        "{problem} The unreadable copy is kept in this browser's storage (IndexedDB “{}”, record “unreadable”).",
                        storage::DATABASE
                    )));
                }
                Err(why) => kept
                    .problem
                    .set(Some(format!("{problem} It could not be kept aside ({why}), so nothing you add now will be saved over it."))),
            }
        });
        let mut keeper = handles.keeper.borrow_mut();
        keeper.revision = stored.revision;
        keeper.saved = Rc::new(Workspace::default());
        drop(keeper);
        handles.workspace.set(Rc::new(Workspace::default()));
        return;
    }
    let workspace = Rc::new(workspace);
    {
        let mut keeper = handles.keeper.borrow_mut();
        keeper.revision = stored.revision;
        keeper.saved = workspace.clone();
    }
    handles.workspace.set(workspace);
}

/// The first read: the early one when it is done, else from IndexedDB; then the localStorage copy
/// of earlier versions moves over.
async fn load(handles: Handles) {
    match storage::first_read().await {
        Ok(stored) if stored.json.is_none() => {
            if let Some(json) = storage::legacy() {
                let (workspace, problem) = Workspace::from_json(&json);
                handles.keeper.borrow_mut().revision = stored.revision;
                match problem {
                    // Unreadable: left where it is, untouched.
                    Some(problem) => handles.problem.set(Some(format!(
                        "{problem} The unreadable copy stays in this browser's localStorage (“{}”).",
                        storage::LEGACY_KEY
                    ))),
                    None if !workspace.documents.is_empty() => {
                        handles.workspace.set(Rc::new(workspace.clone()));
                        handles.keeper.borrow_mut().from_legacy = true;
                        save(handles.clone(), Rc::new(workspace));
                    }
                    None => {}
                }
            } else {
                handles.keeper.borrow_mut().revision = stored.revision;
            }
        }
        Ok(stored) => adopt(&handles, stored),
        Err(why) => handles.problem.set(Some(format!(
            "This browser does not let Citeline keep your documents ({why}): they will be gone after a reload. Use “Download workspace” to keep them."
        ))),
    }
    handles.loaded.set(true);
}

/// Saves `next` (after the save that is running, if one is).
fn save(handles: Handles, next: Rc<Workspace>) {
    {
        let mut keeper = handles.keeper.borrow_mut();
        // Frozen: kept for when the unreadable record is safely aside (or never written over it).
        if keeper.frozen || keeper.saving {
            keeper.queued = Some(next);
            return;
        }
        keeper.saving = true;
    }
    yew::platform::spawn_local(async move {
        let mut next = next;
        loop {
            let (expected, base) = {
                let keeper = handles.keeper.borrow();
                (keeper.revision, keeper.saved.clone())
            };
            match storage::save(expected, &next.to_json()).await {
                Ok(Saved::As(revision)) => {
                    let moved = {
                        let mut keeper = handles.keeper.borrow_mut();
                        keeper.revision = revision;
                        keeper.saved = next.clone();
                        std::mem::take(&mut keeper.from_legacy)
                    };
                    if moved {
                        storage::forget_legacy();
                    }
                    storage::announce(revision);
                    handles.problem.set(None);
                }
                Ok(Saved::Conflict(stored)) => {
                    // Another tab saved meanwhile: both tabs' changes, then save that.
                    let theirs = stored.json.as_deref().map(|j| Workspace::from_json(j).0).unwrap_or_default();
                    let reconciled = next.reconcile(&base, &theirs);
                    {
                        let mut keeper = handles.keeper.borrow_mut();
                        keeper.revision = stored.revision;
                        keeper.saved = Rc::new(theirs);
                    }
                    let mut said = vec!["Another tab changed your documents at the same time; both tabs' changes are kept.".to_owned()];
                    said.extend(reconciled.notes);
                    handles.notice.set(Some(said.join(" ")));
                    next = Rc::new(reconciled.workspace);
                    handles.workspace.set(next.clone());
                    continue;
                }
                Err(why) => handles.problem.set(Some(format!(
                    "{REFUSED} ({why}). Everything saved before it is still kept; this change is only on this page until it is reloaded. Use “Download workspace” to keep it, or remove documents you no longer need."
                ))),
            }
            let queued = handles.keeper.borrow_mut().queued.take();
            match queued {
                Some(queued) => next = queued,
                None => break,
            }
        }
        handles.keeper.borrow_mut().saving = false;
    });
}

/// Another tab saved `revision`: show what it saved, unless this tab is saving (it will reconcile).
fn follow(handles: Handles, revision: u64) {
    {
        let keeper = handles.keeper.borrow();
        if keeper.saving || keeper.frozen || revision <= keeper.revision {
            return;
        }
    }
    yew::platform::spawn_local(async move {
        if let Ok(stored) = storage::read().await {
            let keeper = handles.keeper.borrow();
            let newer = stored.revision > keeper.revision && !keeper.saving;
            drop(keeper);
            if newer {
                adopt(&handles, stored);
            }
        }
    });
}

/// The person's workspace over `base`, read from storage once (at once when the boot script has
/// already read it) and kept in step with other tabs.
#[hook]
pub fn use_workspace(base: Rc<Timeline>) -> WorkspaceHandle {
    // The boot script usually has the record by the time the wasm runs: then it is there at the
    // first render, and nothing moves when it arrives.
    let early = use_memo((), |_| match storage::early() {
        // Read once: a record that reads cleanly is the first render's workspace; anything else
        // (nothing stored, unreadable, an error) is left to `load`.
        Some(Ok(Stored { revision, json: Some(json) })) => match Workspace::from_json(&json) {
            (workspace, None) => Some((revision, Rc::new(workspace))),
            _ => None,
        },
        _ => None,
    });
    let keeper = use_mut_ref(|| {
        let mut keeper = Keeper::default();
        if let Some((revision, workspace)) = &*early {
            keeper.revision = *revision;
            keeper.saved = workspace.clone();
        }
        keeper
    });
    let workspace = {
        let keeper = keeper.clone();
        use_state(move || keeper.borrow().saved.clone())
    };
    let loaded = use_state(|| early.is_some());
    let problem = use_state(|| None::<String>);
    let notice = use_state(|| None::<String>);
    let handles =
        Handles { keeper, workspace: workspace.clone(), loaded: loaded.clone(), problem: problem.clone(), notice: notice.clone() };
    {
        let handles = handles.clone();
        use_effect_with((), move |_| {
            if !*handles.loaded {
                yew::platform::spawn_local(load(handles.clone()));
            }
            // Leaving while a change is still being written: the browser asks first.
            let keeper = handles.keeper.clone();
            let unloading = gloo::events::EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeunload",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let keeper = keeper.borrow();
                    if keeper.saving || keeper.queued.is_some() {
                        event.prevent_default();
                        let _ = js_sys::Reflect::set(event, &"returnValue".into(), &"".into());
                    }
                },
            );
            let listening = storage::listen(move |revision| follow(handles.clone(), revision));
            move || drop((listening, unloading))
        });
    }
    // Recomputed when the workspace or the base changes (the base by identity: the rest of a
    // download arriving is a new one).
    let timeline =
        use_memo(
            ((*workspace).clone(), Same(base)),
            |(w, Same(base))| {
                if w.documents.is_empty() {
                    base.clone()
                } else {
                    Rc::new(w.combined(base))
                }
            },
        );
    let pending = use_memo((*workspace).clone(), |w| Rc::new(w.pending_ids().into_iter().collect::<HashSet<String>>()));
    let update = {
        let handles = handles.clone();
        Callback::from(move |next: Workspace| {
            let next = Rc::new(next);
            handles.notice.set(None);
            handles.workspace.set(next.clone());
            save(handles.clone(), next);
        })
    };
    WorkspaceHandle {
        workspace: (*workspace).clone(),
        timeline: (*timeline).clone(),
        pending: (*pending).clone(),
        loaded: *loaded,
        storage_problem: (*problem).clone(),
        notice: (*notice).clone(),
        update,
    }
}
