//! Tense: the grammatical time of a sentence (one pass over the tokens) and of the clause around a
//! token (the nearest verb cue), to resolve "June" or "Friday" without a year or a week.

use super::Scanner;
use crate::lexicon;
use crate::sentence::ends_at_token;
use crate::tokens::{Kind, Token};

/// Grammatical time of a sentence, to resolve "June" or "Friday" without a year or week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Past (the default for news).
    Past,
    /// Present.
    Present,
    /// Future ("will", "next", "plans to").
    Future,
}

/// Tense per token, from the sentence it is in. One pass over the tokens.
pub fn tenses(toks: &[Token<'_>]) -> Vec<Tense> {
    let mut out = vec![Tense::Past; toks.len()];
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let end_here = ends_at_token(toks, i) || toks.get(i + 1).is_some_and(|n| n.newline_before);
        if end_here || i + 1 == toks.len() {
            let sentence = &toks[start..=i];
            let mut future = false;
            let mut past = false;
            let mut present = false;
            for (k, t) in sentence.iter().enumerate() {
                // The shared cues, and words that say something only about a whole sentence.
                match t.lower.as_str() {
                    w if lexicon::future_cue(w) => future = true,
                    "next" | "upcoming" | "coming" | "plans" | "plan" | "expected" | "aims" | "intends" => future = true,
                    "going" if sentence.get(k + 1).is_some_and(|n| n.lower == "to") => future = true,
                    w if lexicon::past_cue(w) || w == "earlier" => past = true,
                    "is" | "are" | "am" | "says" | "has" | "have" => present = true,
                    w if lexicon::regular_past(w) => past = true,
                    _ => {}
                }
            }
            let tense = if future {
                Tense::Future
            } else if past {
                Tense::Past
            } else if present {
                Tense::Present
            } else {
                Tense::Past
            };
            for slot in &mut out[start..=i] {
                *slot = tense;
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

impl<'t, 'a> Scanner<'t, 'a> {
    pub(super) fn tense(&self, i: usize) -> Tense {
        self.tense.get(i).copied().unwrap_or(Tense::Past)
    }

    /// The tense of the clause around `i`, from the nearest verb cue within a few tokens (before it
    /// first, then after it), not crossing a sentence end. `None` when no cue is near.
    pub(super) fn local_tense(&self, i: usize) -> Option<Tense> {
        const BACK: usize = 4;
        const AHEAD: usize = 4;
        for k in (i.saturating_sub(BACK)..i).rev() {
            if ends_at_token(self.toks, k) || self.tok(k + 1).is_some_and(|t| t.newline_before) {
                break;
            }
            if let Some(t) = self.cue(k) {
                return Some(t);
            }
        }
        for k in i + 1..(i + 1 + AHEAD).min(self.toks.len()) {
            if self.tok(k).is_some_and(|t| t.newline_before) || ends_at_token(self.toks, k) {
                break;
            }
            if let Some(t) = self.cue(k) {
                return Some(t);
            }
        }
        None
    }

    /// Whether the "-ed" word at `k` reads as an adjective ("preferred shares", "increased
    /// dividend"): a content word follows it rather than an article, a preposition or a number.
    fn adjectival(&self, k: usize) -> bool {
        match self.tok(k + 1) {
            Some(t) if t.kind == Kind::Word && !t.capitalized() => {
                !lexicon::VERB_FOLLOWERS.contains(&t.lower.as_str())
                    && lexicon::month(&t.lower).is_none()
                    && lexicon::weekday(&t.lower).is_none()
            }
            _ => false,
        }
    }

    /// A verb cue at `k`: an auxiliary or a past form. A participle after "be"/"been" is passive and
    /// says nothing about the time.
    fn cue(&self, k: usize) -> Option<Tense> {
        let w = self.word(k)?;
        let after_be = k.checked_sub(1).and_then(|p| self.word(p)).is_some_and(|p| matches!(p, "be" | "been" | "being"));
        match w {
            w if lexicon::future_cue(w) => Some(Tense::Future),
            "planned" | "due" => Some(Tense::Future),
            // "as soon as Tuesday", "as early as next week"
            "soon" | "early" if k.checked_sub(1).is_some_and(|p| self.word_is(p, &["as"])) && self.word_is(k + 1, &["as"]) => {
                Some(Tense::Future)
            }
            "going" | "plans" | "plan" | "planning" | "preparing" if self.word_is(k + 1, &["to"]) => Some(Tense::Future),
            _ if after_be => None,
            // "to resume Monday": an infinitive looks ahead; "extended to Nov. 16" is a deadline.
            "to" if self.adjectival(k) => Some(Tense::Future),
            // A deadline or a payment date: no tense, the nearest date.
            "payable" | "effective" | "by" | "until" | "through" | "record" | "to" => Some(Tense::Present),
            "expected" => Some(Tense::Future),
            // "says" next to a date reports it; in a whole sentence it is the present.
            w if lexicon::past_cue(w) || w == "says" => Some(Tense::Past),
            w if lexicon::regular_past(w) && !after_be && !self.adjectival(k) => Some(Tense::Past),
            _ => None,
        }
    }
}
