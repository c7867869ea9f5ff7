//! The messages between the page and the extraction worker, as JSON. The page names no extractor
//! type: it sends a [`Request`] and draws the [`Reply`]s; `citeline-extract` answers them
//! (`citeline_extract::service`), and `crates/worker` carries them across `postMessage`.

use serde::{Deserialize, Serialize};

use crate::date::Locale;
use crate::document::{Document, Published};
use crate::timeline::Event;

/// How much of a text's head is read for its dateline (the page sends no more than this).
pub const DATELINE_CHARS: usize = 600;

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
}

/// What the extractor answers. A `Propose` gets `Progress` replies, then `Done`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    },
    /// Every chunk done.
    Done,
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
    /// The JSON sent back to the page.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"type\":\"failed\",\"message\":{:?}}}", e.to_string()))
    }

    /// Reads a reply; an unreadable one becomes [`Reply::Failed`].
    pub fn from_json(text: &str) -> Reply {
        serde_json::from_str(text).unwrap_or_else(|e| Reply::Failed { message: format!("The extractor's answer could not be read: {e}") })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_and_replies_survive_json() {
        let request = Request::GuessPublished { text: "LONDON, 4 June 2018".into() };
        assert_eq!(Request::from_json(&request.to_json()), Ok(request));
        let reply = Reply::Progress { done_chars: 3, total_chars: 9, events: Vec::new() };
        assert_eq!(Reply::from_json(&reply.to_json()), reply);
        assert!(Request::from_json("{\"type\":\"nope\"}").is_err());
        assert!(matches!(Reply::from_json("[1,"), Reply::Failed { .. }));
    }
}
