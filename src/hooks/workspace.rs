//! The person's own documents and proposals, kept in this browser's local storage and drawn
//! beside the base timeline. Nothing is lost silently: when storage refuses them, the page says so.

use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use citeline_model::timeline::Timeline;
use citeline_model::workspace::Workspace;

/// Where the person's own documents are kept.
const STORAGE_KEY: &str = "citeline.workspace.v1";

fn load() -> (Workspace, Option<String>) {
    let stored = gloo::utils::window().local_storage().ok().flatten().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    match stored {
        Some(json) => Workspace::from_json(&json),
        None => (Workspace::default(), None),
    }
}

fn save(workspace: &Workspace) -> Option<String> {
    let storage = gloo::utils::window().local_storage().ok().flatten()?;
    let result =
        if workspace.documents.is_empty() { storage.remove_item(STORAGE_KEY) } else { storage.set_item(STORAGE_KEY, &workspace.to_json()) };
    result.err().map(|_| "Your documents are too large to keep in this browser's storage, so they will be gone after a reload. Download the timeline JSON to keep them.".to_owned())
}

/// The workspace and what the page draws from it.
#[derive(Clone)]
pub struct WorkspaceHandle {
    /// The person's documents and proposals.
    pub workspace: Rc<Workspace>,
    /// The base timeline with them added (the base itself while there are none).
    pub timeline: Rc<Timeline>,
    /// Ids of proposals not yet accepted (drawn dashed).
    pub pending: Rc<HashSet<String>>,
    /// Why the last change could not be kept, if it could not.
    pub storage_problem: Option<String>,
    /// Keeps a new workspace (and tries to store it).
    pub update: Callback<Workspace>,
}

/// The person's workspace over `base`, loaded from local storage once.
#[hook]
pub fn use_workspace(base: Rc<Timeline>) -> WorkspaceHandle {
    let initial = use_memo((), |_| load());
    let workspace = use_state(|| Rc::new(initial.0.clone()));
    let storage_problem = use_state(|| initial.1.clone());
    let timeline = use_memo(workspace.clone(), move |w| if w.documents.is_empty() { base.clone() } else { Rc::new(w.combined(&base)) });
    let pending = use_memo(workspace.clone(), |w| Rc::new(w.pending_ids().into_iter().collect::<HashSet<String>>()));
    let update = {
        let (workspace, storage_problem) = (workspace.clone(), storage_problem.clone());
        Callback::from(move |next: Workspace| {
            storage_problem.set(save(&next));
            workspace.set(Rc::new(next));
        })
    };
    WorkspaceHandle {
        workspace: (*workspace).clone(),
        timeline: (*timeline).clone(),
        pending: (*pending).clone(),
        storage_problem: (*storage_problem).clone(),
        update,
    }
}
