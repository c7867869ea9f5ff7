//! The messages between the page and the extraction worker, as JSON. The page names no extractor
//! type: it sends a [`Request`] and draws the [`Reply`]s; `citeline-extract` answers them
//! (`citeline_extract::service`), and `crates/worker` carries them across `postMessage`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::date::{DateValue, Locale};
use crate::document::{Document, Published};
use crate::timeline::{Event, Passage};

/// How much of a text's head is read for its dateline (the page sends no more than this).
pub const DATELINE_CHARS: usize = 600;

/// A happening the text mentions without a date the extractor could work out ("It prompted a
/// fundamental review"): listed apart, with its passage, for the person to date by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Undated {
    /// Stable id (`<document id>-u<char offset>-<slug>`).
    pub id: String,
    /// A proposed title.
    pub title: String,
    /// The sentence that mentions it.
    pub passage: Passage,
}

/// What the page asks of the extractor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Guess the publication date of a text from a dateline near its top.
    GuessPublished {
        /// The text (only its head is read).
        text: String,
    },
    /// Propose events for a document, in chunks of about `chunk_chars` characters.
    Propose {
        /// The document, with its id and publication date.
        document: Document,
        /// How to read slash dates.
        locale: Locale,
        /// Characters per chunk: one [`Reply::Progress`] per chunk.
        chunk_chars: usize,
    },
    /// Read a whole-workspace file ("Import a workspace"): here, so that the page's start-up wasm
    /// carries no reader for it (`Workspace::from_export` names the item and field at fault).
    ReadWorkspace {
        /// The file's name, for the messages.
        name: String,
        /// Its text.
        text: String,
    },
}

/// What the extractor answers. A `Propose` gets `Progress` replies, then `Done`.
///
/// Written with serde; read by [`Reply::from_json`] through a `serde_json::Value` and the timeline
/// loader's own event reader, so the page carries no second copy of the event deserialiser.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reply {
    /// The worker is listening (sent once, when it has started).
    Ready,
    /// The guessed publication date, if a dateline was found.
    Published {
        /// Date and where it was found.
        published: Option<Published>,
    },
    /// One chunk done: the events it proposed.
    Progress {
        /// Characters read so far.
        done_chars: usize,
        /// Characters in all.
        total_chars: usize,
        /// Events proposed from this chunk.
        events: Vec<Event>,
        /// Happenings of this chunk with no date.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        undated: Vec<Undated>,
    },
    /// Every chunk done.
    Done,
    /// The workspace file read, as the JSON `Workspace::from_json` reads.
    Workspace {
        /// `Workspace::to_json`.
        json: String,
    },
    /// The request could not be read or answered; the message is for people.
    Failed {
        /// What went wrong.
        message: String,
    },
}

impl Request {
    /// The JSON sent to the worker.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"type\":\"invalid\",\"error\":{:?}}}", e.to_string()))
    }

    /// Reads a request; an unreadable one is an error in words.
    pub fn from_json(text: &str) -> Result<Request, String> {
        serde_json::from_str(text).map_err(|e| format!("The extraction request could not be read: {e}"))
    }
}

impl Reply {
    /// Whether this is the last reply to its request (the page then stops listening for it):
    /// every reply but `Ready` and `Progress` ends one.
    pub fn ends_request(&self) -> bool {
        !matches!(self, Reply::Ready | Reply::Progress { .. })
    }

    /// The JSON sent back to the page.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"type\":\"failed\",\"message\":{:?}}}", e.to_string()))
    }

    /// Reads a reply; an unreadable one becomes [`Reply::Failed`].
    pub fn from_json(text: &str) -> Reply {
        let unreadable = |why: String| Reply::Failed { message: format!("The extractor's answer could not be read: {why}") };
        let value: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(e) => return unreadable(e.to_string()),
        };
        let text_of = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        let count_of = |key: &str| value.get(key).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
        match value.get("type").and_then(Value::as_str) {
            Some("ready") => Reply::Ready,
            Some("done") => Reply::Done,
            Some("workspace") => match text_of("json") {
                Some(json) => Reply::Workspace { json },
                None => unreadable("a workspace without its JSON".to_owned()),
            },
            Some("failed") => Reply::Failed { message: text_of("message").unwrap_or_else(|| "The extractor failed.".to_owned()) },
            Some("published") => match value.get("published") {
                None | Some(Value::Null) => Reply::Published { published: None },
                Some(published) => {
                    let date = published.get("date").and_then(Value::as_str).and_then(|d| d.parse::<DateValue>().ok());
                    let source = published.get("source").and_then(Value::as_str);
                    match date.zip(source) {
                        Some((date, source)) => Reply::Published { published: Some(Published { date, source: source.to_owned() }) },
                        None => unreadable("a publication date without a date or a source".to_owned()),
                    }
                }
            },
            Some("progress") => {
                let (Some(done_chars), Some(total_chars)) = (count_of("done_chars"), count_of("total_chars")) else {
                    return unreadable("progress without its counts".to_owned());
                };
                let raw = value.get("events").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                let undated = match value.get("undated") {
                    None | Some(Value::Null) => Ok(Vec::new()),
                    Some(list) => Vec::<Undated>::deserialize(list).map_err(|e| format!("an undated happening: {e}")),
                };
                match (raw.iter().map(Event::from_value).collect::<Result<Vec<_>, _>>(), undated) {
                    (Ok(events), Ok(undated)) => Reply::Progress { done_chars, total_chars, events, undated },
                    (Err((field, problem)), _) => unreadable(format!("an event's {field}: {problem}")),
                    (_, Err(problem)) => unreadable(problem),
                }
            }
            other => unreadable(format!("unknown reply type {other:?}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_and_replies_survive_json() {
        let request = Request::GuessPublished { text: "LONDON, 4 June 2018".into() };
        assert_eq!(Request::from_json(&request.to_json()), Ok(request));
        let (seed, _) = crate::seed::seed_timeline().expect("seed");
        let published = seed.documents[0].published.clone();
        for reply in [
            Reply::Ready,
            Reply::Done,
            Reply::Failed { message: "stopped".into() },
            Reply::Published { published: None },
            Reply::Published { published },
            Reply::Progress {
                done_chars: 3,
                total_chars: 9,
                events: Vec::new(),
                undated: vec![Undated { id: "u".into(), title: "Review".into(), passage: seed.events[0].passages[0].clone() }],
            },
            Reply::Progress { done_chars: 9, total_chars: 9, events: seed.events.clone(), undated: Vec::new() },
        ] {
            assert_eq!(Reply::from_json(&reply.to_json()), reply);
        }
        assert!(Request::from_json("{\"type\":\"nope\"}").is_err());
        for bad in [
            "[1,",
            "{}",
            "{\"type\":\"progress\"}",
            "{\"type\":\"progress\",\"done_chars\":1,\"total_chars\":2,\"events\":[{}]}",
            "{\"type\":\"published\",\"published\":{\"date\":\"x\"}}",
            "{\"type\":\"progress\",\"done_chars\":1,\"total_chars\":2,\"events\":[],\"undated\":[{\"id\":\"u\"}]}",
        ] {
            assert!(matches!(Reply::from_json(bad), Reply::Failed { message } if message.contains("could not be read")), "{bad}");
        }
    }
}
