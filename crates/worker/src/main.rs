//! The extraction worker: a Web Worker that answers the page's extraction requests
//! (`citeline_model::extraction`) with `citeline_extract::service`. Built by trunk as
//! `data-type="worker"` with a loader shim (`citeline-worker_loader.js`); the page starts it only
//! when someone opens "Add documents". Messages are JSON strings both ways; the worker says
//! `ready` once it listens, so the page never posts into the void.

#[cfg(target_arch = "wasm32")]
fn main() {
    use citeline_model::extraction::Reply;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = {
        let scope = scope.clone();
        move |json: String| {
            if let Err(e) = scope.post_message(&json.into()) {
                web_sys::console::error_2(&"citeline-worker: could not post a reply".into(), &e);
            }
        }
    };
    let mut reply = post.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let request = event.data().as_string().unwrap_or_default();
        citeline_extract::service::answer_json(&request, &mut reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(Reply::Ready.to_json());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("citeline-worker runs in the browser as a Web Worker; build the page with trunk.");
    std::process::exit(2);
}
