//! "Add documents": paste text or drop .txt/.md/.html files, confirm the title and publication date,
//! let the extractor propose events (chunk by chunk, with progress), then accept, rename, re-date,
//! merge, split or delete them, and date by hand the happenings it found without a date. The workspace itself lives in the app and is kept in local storage.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use citeline_model::corroboration::sources;
use citeline_model::date::{DateValue, Locale};
use citeline_model::extraction::Undated;
use citeline_model::source::web_address;
use citeline_model::workspace::{
    accepts_file_name, decode_input, is_timeline_file, published_from_input, title_guess, Proposal, Workspace, ACCEPTED_FILES,
};
use citeline_view::view::ViewAction;

use crate::commit_input::CommitInput;
use crate::extractor;

/// Characters of text per progress message from the worker.
const CHUNK_CHARS: usize = 200_000;

#[derive(Properties, PartialEq)]
pub struct AddDocumentsProps {
    /// The timeline the documents are added to (for the download).
    pub base: Rc<citeline_model::timeline::Timeline>,
    /// The person's documents and proposals.
    pub workspace: Rc<Workspace>,
    /// Ids already used by the base timeline's documents.
    pub taken_ids: Rc<Vec<String>>,
    /// A new workspace to keep.
    pub on_update: Callback<Workspace>,
    /// To show an event on the timeline.
    pub on_action: Callback<ViewAction>,
    /// A problem with storage, shown here.
    #[prop_or_default]
    pub storage_problem: Option<String>,
    /// Something about the stored workspace the person should know (another tab's changes joined).
    #[prop_or_default]
    pub notice: Option<String>,
    /// Opens a timeline file (its name and text) in place of the page's timeline; says how it went.
    pub on_open_timeline: Callback<(String, String), Result<String, String>>,
}

/// A text waiting for its title and date to be confirmed.
#[derive(Clone, PartialEq)]
struct Draft {
    title: String,
    text: String,
    /// The date as typed (yyyy-mm-dd) and where the proposal came from.
    date: String,
    date_source: Option<String>,
    locale: Locale,
    /// Where the text is on the web, as typed (optional).
    url: String,
    /// Why "Find events" refused what the form holds, shown in the form until it is tried again.
    problem: Option<String>,
}

#[derive(Clone, PartialEq)]
enum Stage {
    /// Waiting for text or files.
    Input,
    /// Reading files.
    Reading(String),
    /// Confirm title and date.
    Review(Draft),
    /// Extracting: chars done and in all.
    Extracting { title: String, done: usize, total: usize },
}

/// A draft for a text, with the publication date the extractor found in its dateline (the guess
/// runs in the worker; if it fails the person gives the date).
async fn draft_from(name: &str, text: String) -> (Draft, Option<String>) {
    let (guess, problem) = match extractor::guess_published(&text).await {
        Ok(guess) => (guess, None),
        Err(message) => (None, Some(message)),
    };
    let title = if name.is_empty() { title_guess(&text) } else { name.to_owned() };
    let draft = Draft {
        title,
        date: guess.as_ref().map(|p| p.date.iso()).unwrap_or_default(),
        date_source: guess.map(|p| p.source),
        text,
        locale: Locale::EnGb,
        url: String::new(),
        problem: None,
    };
    (draft, problem)
}

fn file_title(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    stem.replace(['_', '-'], " ")
}

#[function_component(AddDocuments)]
pub fn add_documents(props: &AddDocumentsProps) -> Html {
    let stage = use_state(|| Stage::Input);
    let pasted = use_state(String::new);
    let messages = use_state(Vec::<String>::new);
    let queue = use_mut_ref(Vec::<Draft>::new);
    let selected = use_state(BTreeSet::<String>::new);
    let drag_over = use_state(|| false);
    // How many proposals each document lists (see `PROPOSALS_PAGE`).
    let shown = use_state(HashMap::<String, usize>::new);
    // A timeline file opened from here, said in words.
    let opened = use_state(|| None::<String>);

    // Next file in the queue, or back to input.
    let advance: Rc<dyn Fn()> = {
        let stage = stage.clone();
        let queue = queue.clone();
        Rc::new(move || {
            let next = {
                let mut q = queue.borrow_mut();
                (!q.is_empty()).then(|| q.remove(0))
            };
            stage.set(next.map_or(Stage::Input, Stage::Review));
        })
    };

    let read_files = {
        let stage = stage.clone();
        let messages = messages.clone();
        let queue = queue.clone();
        let advance = advance.clone();
        let (on_open, opened) = (props.on_open_timeline.clone(), opened.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            if files.is_empty() {
                return;
            }
            let stage = stage.clone();
            let messages = messages.clone();
            let queue = queue.clone();
            let advance = advance.clone();
            let (on_open, opened) = (on_open.clone(), opened.clone());
            stage.set(Stage::Reading(files.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ")));
            yew::platform::spawn_local(async move {
                let mut problems = Vec::new();
                for file in files {
                    let name = file.name();
                    if !accepts_file_name(&name) {
                        problems.push(format!(
                            "{name}: Citeline reads documents (.txt, .md, .html) and timeline files (.json, .csv, .ics); this one was skipped."
                        ));
                        continue;
                    }
                    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map(|b| js_sys::Uint8Array::new(&b).to_vec()) {
                        Err(_) => problems.push(format!("{name}: could not be read.")),
                        Ok(bytes) => match decode_input(&name, &bytes) {
                            Err(e) => problems.push(e.to_string()),
                            // A timeline (ours, TimelineJS3's, its sheet, a calendar): opened, not read.
                            Ok(text) if is_timeline_file(&text) => match on_open.emit((name.clone(), text)) {
                                Ok(said) => opened.set(Some(said)),
                                Err(problem) => {
                                    opened.set(None);
                                    problems.push(problem);
                                }
                            },
                            Ok(text) => {
                                let (draft, problem) = draft_from(&file_title(&name), text).await;
                                problems.extend(problem);
                                queue.borrow_mut().push(draft);
                            }
                        },
                    }
                }
                messages.set(problems);
                advance();
            });
        })
    };

    let on_file_input = {
        let read_files = read_files.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
            input.set_value("");
            read_files.emit(files);
        })
    };
    let on_drop = {
        let read_files = read_files.clone();
        let drag_over = drag_over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            drag_over.set(false);
            let files = e
                .data_transfer()
                .and_then(|d| d.files())
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            read_files.emit(files);
        })
    };
    let on_drag_over = {
        let drag_over = drag_over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*drag_over {
                drag_over.set(true);
            }
        })
    };
    let on_drag_leave = {
        let drag_over = drag_over.clone();
        Callback::from(move |_: DragEvent| drag_over.set(false))
    };

    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
                pasted.set(area.value());
            }
        })
    };
    let on_use_pasted = {
        let pasted = pasted.clone();
        let stage = stage.clone();
        let messages = messages.clone();
        let (on_open, opened) = (props.on_open_timeline.clone(), opened.clone());
        Callback::from(move |_: MouseEvent| match decode_input("The pasted text", pasted.as_bytes()) {
            Ok(text) if is_timeline_file(&text) => match on_open.emit(("The pasted timeline".to_owned(), text)) {
                Ok(said) => {
                    pasted.set(String::new());
                    messages.set(Vec::new());
                    opened.set(Some(said));
                }
                Err(problem) => {
                    opened.set(None);
                    messages.set(vec![problem]);
                }
            },
            Ok(text) => {
                messages.set(Vec::new());
                pasted.set(String::new());
                stage.set(Stage::Reading("the pasted text".to_owned()));
                let (stage, messages) = (stage.clone(), messages.clone());
                yew::platform::spawn_local(async move {
                    // The text is kept either way: without the extractor, the person can still give a date.
                    let (draft, problem) = draft_from("", text).await;
                    messages.set(problem.into_iter().collect());
                    stage.set(Stage::Review(draft));
                });
            }
            Err(e) => messages.set(vec![e.to_string()]),
        })
    };

    let body = match &*stage {
        Stage::Input => html! {
            <div class="add-input">
                <label for="paste">{ "Paste a text" }</label>
                <textarea id="paste" rows="6" placeholder="Paste a press release, report or transcript…"
                    value={(*pasted).clone()} oninput={on_paste_input} />
                <div class="add-actions">
                    <button type="button" class="primary" onclick={on_use_pasted} disabled={pasted.trim().is_empty()}>{ "Use this text" }</button>
                    <span class="or">{ "or" }</span>
                    <label class={classes!("drop", drag_over.then_some("over"))}
                        ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                        <input type="file" multiple=true accept={ACCEPTED_FILES}
                            onchange={on_file_input} />
                        <span>{ "Choose or drop .txt, .md or .html files, or a timeline (.json, .csv, .ics)" }</span>
                    </label>
                </div>
            </div>
        },
        Stage::Reading(names) => html! { <p class="progress-text" role="status">{ format!("Reading {names}…") }</p> },
        Stage::Extracting { title, done, total } => {
            let percent = if *total == 0 { 100 } else { done * 100 / total };
            html! {
                <div role="status" class="extracting">
                    <p>{ format!("Finding dated events in “{title}”… {percent}%") }</p>
                    <progress max="100" value={percent.to_string()}>{ format!("{percent}%") }</progress>
                </div>
            }
        }
        Stage::Review(draft) => review(draft, props, &stage, &messages, advance.clone()),
    };

    html! {
        // The extractor's worker starts as soon as someone begins to add a document.
        <section class="add-documents" aria-labelledby="add-heading"
            onfocusin={Callback::from(|_: FocusEvent| extractor::warm_up())} ondragenter={Callback::from(|_: DragEvent| extractor::warm_up())}>
            <h2 id="add-heading">{ "Add your own documents" }</h2>
            <p class="lede">{ "Citeline finds the dated events in your text, resolves each date against the publication date and anchors it to its sentence. Nothing leaves your browser." }</p>
            if let Some(problem) = &props.storage_problem { <p class="message warning" role="alert">{ problem }</p> }
            if !messages.is_empty() {
                <ul class="message error" role="alert">{ for messages.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            }
            if let Some(notice) = &props.notice { <p class="message notice" role="status">{ notice }</p> }
            if let Some(said) = &*opened { <p class="message notice opened" role="status">{ said }</p> }
            { body }
            { proposals(props, &selected, &shown) }
            { workspace_file(props) }
        </section>
    }
}

/// "Your workspace": everything the person added as one file, to keep a copy or to move it to
/// another browser, and importing such a file (joined with what is here: nothing is replaced).
#[function_component(WorkspaceFile)]
fn workspace_file_view(props: &AddDocumentsProps) -> Html {
    let said = use_state(|| None::<Result<String, String>>);
    let download = {
        let workspace = props.workspace.clone();
        Callback::from(move |_: MouseEvent| crate::download_json("citeline-workspace.json", &workspace.export_json()))
    };
    let import = {
        let (said, workspace, taken, on_update) = (said.clone(), props.workspace.clone(), props.taken_ids.clone(), props.on_update.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|list| list.get(0)) else { return };
            input.set_value("");
            let (said, workspace, taken, on_update) = (said.clone(), workspace.clone(), taken.clone(), on_update.clone());
            yew::platform::spawn_local(async move {
                let name = file.name();
                let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
                    Some(text) => text,
                    None => return said.set(Some(Err(format!("{name} could not be read; nothing was imported.")))),
                };
                match extractor::read_workspace(&name, text).await.map(|json| Workspace::from_json(&json).0) {
                    Ok(imported) => {
                        let mut next = (*workspace).clone();
                        let report = next.join(imported, &taken);
                        on_update.emit(next);
                        said.set(Some(Ok(format!("From {name}: {}", report.summary()))));
                    }
                    Err(message) => said.set(Some(Err(message))),
                }
            });
        })
    };
    html! {
        <div class="workspace-file">
            <h3>{ "Your workspace" }</h3>
            <p class="hint-text">{ "What you add is kept in this browser. Download it as one file to keep a copy or to move it to another browser, and import it there: it is joined with what is already here." }</p>
            <div class="add-actions">
                <button type="button" onclick={download} disabled={props.workspace.documents.is_empty()}>{ "Download workspace" }</button>
                <label class="file-button">
                    <input type="file" accept=".json,application/json" onchange={import} />
                    <span>{ "Import a workspace…" }</span>
                </label>
            </div>
            { match &*said {
                Some(Ok(text)) => html! { <p class="message notice" role="status">{ text }</p> },
                Some(Err(text)) => html! { <p class="message error" role="alert">{ text }</p> },
                None => html! {},
            } }
        </div>
    }
}

fn workspace_file(props: &AddDocumentsProps) -> Html {
    html! {
        <WorkspaceFile base={props.base.clone()} workspace={props.workspace.clone()} taken_ids={props.taken_ids.clone()}
            on_update={props.on_update.clone()} on_action={props.on_action.clone()} on_open_timeline={props.on_open_timeline.clone()} />
    }
}

fn review(
    draft: &Draft,
    props: &AddDocumentsProps,
    stage: &UseStateHandle<Stage>,
    messages: &UseStateHandle<Vec<String>>,
    advance: Rc<dyn Fn()>,
) -> Html {
    let set = |f: fn(&mut Draft, String)| {
        let stage = stage.clone();
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut d = draft.clone();
            f(&mut d, value);
            stage.set(Stage::Review(d));
            Ok(())
        })
    };
    let locale = {
        let set = set(|d, v| d.locale = if v == "en-US" { Locale::EnUs } else { Locale::EnGb });
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                let _ = set.emit(select.value());
            }
        })
    };
    let cancel = {
        let advance = advance.clone();
        Callback::from(move |_: MouseEvent| advance())
    };
    let run = {
        let stage = stage.clone();
        let messages = messages.clone();
        let draft = draft.clone();
        let workspace = props.workspace.clone();
        let taken = props.taken_ids.clone();
        let on_update = props.on_update.clone();
        Callback::from(move |_: MouseEvent| {
            let refuse = |problem: String| stage.set(Stage::Review(Draft { problem: Some(problem), ..draft.clone() }));
            let published = match published_from_input(&draft.date, draft.date_source.as_deref()) {
                Ok(published) => published,
                Err(e) => return refuse(e.to_string()),
            };
            let url = draft.url.trim();
            if !url.is_empty() && web_address(url).is_none() {
                return refuse(format!("“{url}” is not a web address: it should start with https:// or http://."));
            }
            let title = if draft.title.trim().is_empty() { title_guess(&draft.text) } else { draft.title.trim().to_owned() };
            let mut next = (*workspace).clone();
            let id = next.add_document(&title, draft.text.clone(), published, &taken);
            if let Some(added) = next.documents.iter_mut().find(|d| d.id == id).filter(|_| !url.is_empty()) {
                // Looked at there now (the person has it open, or just copied it).
                let today = js_sys::Date::new_0();
                added.url = Some(url.to_owned());
                added.accessed = DateValue::day(today.get_full_year() as i32, today.get_month() + 1, today.get_date());
            }
            let Some(document) = next.documents.iter().find(|d| d.id == id).cloned() else { return };
            let stage = stage.clone();
            let messages = messages.clone();
            let on_update = on_update.clone();
            let advance = advance.clone();
            // What was said before this try (a refusal, an earlier failure, files skipped) is done with.
            let draft = Draft { problem: None, ..draft.clone() };
            messages.set(Vec::new());
            stage.set(Stage::Extracting { title: title.clone(), done: 0, total: document.text.chars().count() });
            yew::platform::spawn_local(async move {
                let progress = {
                    let (stage, title) = (stage.clone(), title.clone());
                    move |done, total| stage.set(Stage::Extracting { title: title.clone(), done, total })
                };
                match extractor::propose(document, draft.locale, CHUNK_CHARS, progress).await {
                    Ok((events, undated)) => {
                        next.add_proposals(events);
                        next.add_undated(undated);
                        on_update.emit(next);
                        advance();
                    }
                    // The document is not added: the draft stays for another try.
                    Err(message) => {
                        messages.set(vec![message]);
                        stage.set(Stage::Review(draft));
                    }
                }
            });
        })
    };
    let date_note = match &draft.date_source {
        Some(source) if !draft.date.is_empty() => source.clone(),
        _ => "No publication date was found in the text. Give one so that “today”, “last year” or “Friday” can be dated; without it only fully stated dates are used.".to_owned(),
    };
    let words = draft.text.split_whitespace().count();
    html! {
        <form class="review" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <p class="review-what">{ format!("{} words ready to read.", words) }</p>
            <label>{ "Title" }
                <CommitInput value={draft.title.clone()} on_commit={set(|d, v| d.title = v)} />
            </label>
            <label>{ "Publication date" }
                <CommitInput kind="date" value={draft.date.clone()} on_commit={set(|d, v| { d.date = v; d.date_source = None; })} />
            </label>
            <p class="hint-text">{ date_note }</p>
            <label>{ "Where it is on the web (optional)" }
                <CommitInput kind="url" inputmode="url" placeholder="https://" value={draft.url.clone()} on_commit={set(|d, v| d.url = v)} />
            </label>
            <p class="hint-text">{ "Each passage then links to its place there, with the quoted words marked." }</p>
            <label>{ "Dates written as 04/06/2018 are" }
                <select onchange={locale}>
                    <option value="en-GB" selected={draft.locale == Locale::EnGb}>{ "day first (British)" }</option>
                    <option value="en-US" selected={draft.locale == Locale::EnUs}>{ "month first (American)" }</option>
                </select>
            </label>
            if let Some(problem) = &draft.problem {
                <ul class="message error" role="alert"><li>{ problem }</li></ul>
            }
            <div class="add-actions">
                <button type="button" class="primary" onclick={run}>{ "Find events" }</button>
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

/// A change to the workspace; an error leaves it as it was.
type Edit = Rc<dyn Fn(&mut Workspace) -> Result<(), String>>;

/// Proposals listed per document at first ("Show more" adds as many again): a long document gives
/// thousands, and listing them all at once would stall the page.
const PROPOSALS_PAGE: usize = 100;

fn proposals(
    props: &AddDocumentsProps,
    selected: &UseStateHandle<BTreeSet<String>>,
    shown: &UseStateHandle<HashMap<String, usize>>,
) -> Html {
    let workspace = &props.workspace;
    if workspace.documents.is_empty() {
        return Html::default();
    }
    let update = |f: Edit| {
        let workspace = workspace.clone();
        let on_update = props.on_update.clone();
        Callback::from(move |_: ()| {
            let mut next = (*workspace).clone();
            if f(&mut next).is_ok() {
                on_update.emit(next);
            }
        })
    };
    let accept_all = update(Rc::new(|w: &mut Workspace| {
        w.accept_all();
        Ok(())
    }));
    let merge = {
        let ids: Vec<String> = selected.iter().cloned().collect();
        let selected = selected.clone();
        let f = update(Rc::new(move |w: &mut Workspace| w.merge(&ids).map_err(|e| e.0)));
        Callback::from(move |_: MouseEvent| {
            f.emit(());
            selected.set(BTreeSet::new());
        })
    };
    let download = {
        let workspace = workspace.clone();
        let base = props.base.clone();
        Callback::from(move |_: MouseEvent| crate::download_json("citeline-timeline.json", &workspace.combined(&base).to_json()))
    };
    html! {
        <div class="your-documents">
            <h3>{ "Your documents and proposed events" }</h3>
            <div class="add-actions">
                <button type="button" onclick={accept_all.reform(|_: MouseEvent| ())}>{ "Accept all" }</button>
                <button type="button" onclick={merge} disabled={selected.len() < 2}>{ format!("Merge selected ({})", selected.len()) }</button>
                <button type="button" onclick={download}>{ "Download timeline JSON" }</button>
            </div>
            { for workspace.documents.iter().map(|doc| {
                let remove = {
                    let id = doc.id.clone();
                    update(Rc::new(move |w: &mut Workspace| { w.remove_document(&id); Ok(()) }))
                };
                let events: Vec<_> = workspace.proposals_from(&doc.id).collect();
                let undated: Vec<&Undated> = workspace.undated_from(&doc.id).collect();
                let limit = shown.get(&doc.id).copied().unwrap_or(PROPOSALS_PAGE);
                let more = {
                    let (shown, id) = (shown.clone(), doc.id.clone());
                    Callback::from(move |_: MouseEvent| {
                        let mut next = (*shown).clone();
                        next.insert(id.clone(), limit + PROPOSALS_PAGE);
                        shown.set(next);
                    })
                };
                html! {
                    <section class="your-document" data-user-document={doc.id.clone()} data-proposal-count={events.len().to_string()}>
                        <header>
                            <h4>{ &doc.title }</h4>
                            <span class="meta">{ doc.published.as_ref().map_or_else(|| "no publication date".to_owned(), |p| format!("published {}", p.date.display_long())) }</span>
                            <button type="button" class="link" onclick={remove.reform(|_: MouseEvent| ())}>{ "Remove document" }</button>
                        </header>
                        if events.is_empty() {
                            <p class="hint-text">{ "No dated events were found in this document." }</p>
                        } else {
                            <ol class="proposals">{ for events.iter().take(limit).map(|p| proposal_row(p, props, selected)) }</ol>
                            if events.len() > limit {
                                <button type="button" class="tool" onclick={more}>
                                    { format!("Show {} more ({} of {} listed)", PROPOSALS_PAGE.min(events.len() - limit), limit, events.len()) }
                                </button>
                            }
                        }
                        if !undated.is_empty() {
                            <details class="undated" data-undated-count={undated.len().to_string()}>
                                <summary>
                                    { if undated.len() == 1 { "1 happening without a date".to_owned() } else { format!("{} happenings without a date", undated.len()) } }
                                    <span class="hint-text">{ " — give one a date to add it to the timeline" }</span>
                                </summary>
                                <ol class="undated-list">
                                    { for undated.iter().take(PROPOSALS_PAGE).map(|u| html! {
                                        <UndatedRow key={u.id.clone()} undated={(*u).clone()} workspace={workspace.clone()} on_update={props.on_update.clone()} />
                                    }) }
                                </ol>
                            </details>
                        }
                    </section>
                }
            }) }
        </div>
    }
}

fn proposal_row(p: &Proposal, props: &AddDocumentsProps, selected: &UseStateHandle<BTreeSet<String>>) -> Html {
    let id = p.event.id.clone();
    let change = |f: fn(&mut Workspace, &str, &str) -> Result<(), String>| {
        let workspace = props.workspace.clone();
        let on_update = props.on_update.clone();
        let id = id.clone();
        Callback::from(move |value: String| {
            let mut next = (*workspace).clone();
            f(&mut next, &id, &value)?;
            on_update.emit(next);
            Ok(())
        })
    };
    let simple = |f: fn(&mut Workspace, &str)| {
        let workspace = props.workspace.clone();
        let on_update = props.on_update.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*workspace).clone();
            f(&mut next, &id);
            on_update.emit(next);
        })
    };
    let toggle = {
        let selected = selected.clone();
        let id = id.clone();
        Callback::from(move |_: Event| {
            let mut s = (*selected).clone();
            if !s.remove(&id) {
                s.insert(id.clone());
            }
            selected.set(s);
        })
    };
    let show = {
        let on_action = props.on_action.clone();
        let event = p.event.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(ViewAction::focus_on(&event)))
    };
    let date_text = match &p.event.date {
        citeline_model::date::EventDate::Point(v) => v.iso(),
        other => other.display_short(),
    };
    let source_count = sources(&p.event).len();
    let disagreement = p
        .event
        .date_basis
        .explanation
        .strip_prefix("Sources disagree: ")
        .and_then(|rest| rest.split_once(". "))
        .map(|(dates, _)| dates.to_owned());
    html! {
        <li key={id.clone()} class={classes!("proposal", p.accepted.then_some("accepted"))} data-proposal={id.clone()}>
            <input type="checkbox" aria-label={format!("Select “{}” to merge", p.event.title)} checked={selected.contains(&id)} onchange={toggle} />
            <CommitInput class="title" aria_label="Title" value={p.event.title.clone()}
                on_commit={change(|w, id, v| w.rename(id, v).map_err(|e| e.0))} />
            <CommitInput class="date" aria_label="Date (2018, 2018-06 or 2018-06-08)" value={date_text}
                on_commit={change(|w, id, v| w.redate(id, v).map_err(|e| e.0))} />
            <span class="status">
                { if p.accepted { "accepted" } else { "proposed" } }
                if source_count > 1 {
                    <span class="sources-count">{ format!(" · {source_count} sources") }</span>
                }
            </span>
            <span class="row-actions">
                <button type="button" onclick={show}>{ "Show" }</button>
                if !p.accepted { <button type="button" onclick={simple(|w, id| w.accept(id))}>{ "Accept" }</button> }
                if !p.merged_from.is_empty() {
                    <button type="button" onclick={simple(|w, id| w.split(id))} aria-label={format!("Split “{}” back into {} events", p.event.title, p.merged_from.len())}>{ "Split" }</button>
                }
                <button type="button" class="danger" onclick={simple(|w, id| w.delete(id))} aria-label={format!("Delete “{}”", p.event.title)}>{ "Delete" }</button>
            </span>
            if let Some(dates) = disagreement {
                <p class="disagree">{ format!("Sources disagree on the date: {dates}. Check the passages, then set the date.") }</p>
            }
            <p class="passage-line">{ &p.event.summary }</p>
            { for p.event.passages.iter().filter(|x| Some(&x.document) != p.event.passages.first().map(|f| &f.document)).map(|x| {
                let from = props.workspace.documents.iter().find(|d| d.id == x.document).map_or(x.document.as_str(), |d| d.title.as_str());
                html! { <p class="passage-line also"><span class="from">{ format!("Also in “{from}”: ") }</span>{ &x.quote.exact }</p> }
            }) }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct UndatedRowProps {
    undated: Undated,
    workspace: Rc<Workspace>,
    on_update: Callback<Workspace>,
}

/// A happening found without a date: its title and sentence, a date box and "Add to timeline".
#[function_component(UndatedRow)]
fn undated_row(props: &UndatedRowProps) -> Html {
    let input = use_node_ref();
    let u = &props.undated;
    let add = {
        let (input, workspace, on_update, id) = (input.clone(), props.workspace.clone(), props.on_update.clone(), u.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = input.cast::<HtmlInputElement>() else { return };
            let mut next = (*workspace).clone();
            match next.date_undated(&id, &input.value()) {
                Ok(()) => {
                    input.set_custom_validity("");
                    on_update.emit(next);
                }
                Err(e) => {
                    input.set_custom_validity(&e.0);
                    input.report_validity();
                }
            }
        })
    };
    // A date refused earlier must not keep the form from being sent once it is changed.
    let clear = Callback::from(|e: InputEvent| {
        if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
            input.set_custom_validity("");
        }
    });
    let dismiss = {
        let (workspace, on_update, id) = (props.workspace.clone(), props.on_update.clone(), u.id.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*workspace).clone();
            next.dismiss_undated(&id);
            on_update.emit(next);
        })
    };
    html! {
        <li class="undated-item" data-undated={u.id.clone()}>
            <form onsubmit={add}>
                <span class="title">{ &u.title }</span>
                <input ref={input} class="date" type="text" required=true placeholder="yyyy-mm-dd" oninput={clear}
                    aria-label={format!("Date for “{}” (2018, 2018-06 or 2018-06-08)", u.title)} />
                <button type="submit">{ "Add to timeline" }</button>
                <button type="button" class="link" onclick={dismiss} aria-label={format!("Dismiss “{}”", u.title)}>{ "Dismiss" }</button>
            </form>
            <p class="passage-line">{ &u.passage.quote.exact }</p>
        </li>
    }
}
