//! Answers the page's extraction requests ([`citeline_model::extraction`]): the whole of what the
//! worker does, written as a pure function so it is tested natively. `crates/worker` only carries
//! the JSON across `postMessage`.

use citeline_model::extraction::{Reply, Request};
use citeline_model::workspace::Workspace;

use crate::{guess_publication_date, propose_events_chunked};

/// Answers one request, handing each reply to `send` as soon as it is ready (a long document gives
/// one `Progress` per chunk, so the page can show how far it has got).
pub fn answer(request: Request, send: &mut dyn FnMut(Reply)) {
    match request {
        Request::GuessPublished { text } => send(Reply::Published { published: guess_publication_date(&text) }),
        Request::Propose { document, locale, chunk_chars } => {
            for (done_chars, total_chars, events, undated) in propose_events_chunked(&document, locale, chunk_chars) {
                send(Reply::Progress { done_chars, total_chars, events, undated });
            }
            send(Reply::Done);
        }
        Request::ReadWorkspace { name, text } => send(match Workspace::from_export(&name, &text) {
            Ok(workspace) => Reply::Workspace { json: workspace.to_json() },
            Err(e) => Reply::Failed { message: e.0 },
        }),
    }
}

/// Answers a request given as JSON, with JSON replies; an unreadable request gets a
/// [`Reply::Failed`] in words.
pub fn answer_json(request: &str, send: &mut dyn FnMut(String)) {
    match Request::from_json(request) {
        Ok(request) => answer(request, &mut |reply| send(reply.to_json())),
        Err(message) => send(Reply::Failed { message }.to_json()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workspace_file_is_read_for_the_page_or_refused_in_words() {
        let mut workspace = Workspace::default();
        workspace.add_document("Notes", "The plan was agreed on 3 March 2015.".into(), None, &[]);
        let request = Request::ReadWorkspace { name: "w.json".into(), text: workspace.export_json() };
        match &replies(&request.to_json())[..] {
            [reply @ Reply::Workspace { json }] => {
                assert_eq!(Workspace::from_json(json), (workspace, None));
                assert!(reply.ends_request(), "the page stops listening after it");
            }
            other => panic!("{other:?}"),
        }
        let request = Request::ReadWorkspace { name: "w.json".into(), text: "{\"events\": []}".into() };
        assert!(matches!(&replies(&request.to_json())[..], [Reply::Failed { message }] if message.contains("w.json is a timeline file")));
    }
    use citeline_model::date::Locale;
    use citeline_model::document::Document;

    fn replies(request: &str) -> Vec<Reply> {
        let mut out = Vec::new();
        answer_json(request, &mut |json| out.push(Reply::from_json(&json)));
        out
    }

    #[test]
    fn a_dateline_is_guessed() {
        let request = Request::GuessPublished { text: "LONDON, 4 June 2018 — The Home Secretary said today...".into() };
        let out = replies(&request.to_json());
        assert!(matches!(&out[..], [Reply::Published { published: Some(p) }] if p.date.iso() == "2018-06-04"), "{out:?}");
    }

    #[test]
    fn proposals_arrive_chunk_by_chunk_then_done() {
        let text = "The plan was agreed on 3 March 2015.\n\n".repeat(100);
        let document = Document {
            id: "notes".into(),
            title: "Notes".into(),
            publisher: "Added by you".into(),
            published: None,
            text,
            ..Document::default()
        };
        let request = Request::Propose { document, locale: Locale::EnGb, chunk_chars: 1000 };
        let out = replies(&request.to_json());
        assert_eq!(out.last(), Some(&Reply::Done));
        // Only the last reply ends the request: the page keeps listening until Done.
        assert_eq!(out.iter().map(Reply::ends_request).filter(|&last| last).count(), 1);
        let progress: Vec<_> = out
            .iter()
            .filter_map(|r| {
                if let Reply::Progress { done_chars, total_chars, events, .. } = r {
                    Some((*done_chars, *total_chars, events.len()))
                } else {
                    None
                }
            })
            .collect();
        assert!(progress.len() >= 3, "{progress:?}");
        assert!(progress.windows(2).all(|w| w[0].0 < w[1].0), "progress only grows: {progress:?}");
        assert_eq!(progress.last().map(|p| (p.0, p.1)), Some((3800, 3800)));
        assert_eq!(progress.iter().map(|p| p.2).sum::<usize>(), 100, "one event per dated sentence");
    }

    #[test]
    fn a_bad_request_is_answered_in_words() {
        let out = replies("{\"type\": \"propose\"}");
        assert!(matches!(&out[..], [Reply::Failed { message }] if message.contains("could not be read")), "{out:?}");
    }
}
