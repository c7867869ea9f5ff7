//! Happenings: the event a date anchors. For each dated expression of a sentence, the word it
//! modifies (a verb such as "launched", "travelling", "published", or an event noun such as
//! "attacks", "publication"), the clause around both, and a headline-like title built from that
//! word and its participants ("Attacks in London and Manchester", "Last strategy published").
//!
//! Rule-based and linear in the sentence: word classes come from small lexicons and suffixes, not a
//! tagger. A date whose sentence has no happening near it is incidental and gives nothing.

use crate::lexicon;
use crate::tokens::{Kind, Token};

/// Longest title, in chars.
pub const TITLE_CHARS: usize = 60;
/// Words looked at on each side of a date for its happening.
const REACH: usize = 12;

/// What kind of word names a happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    /// A verb: "launched", "travelling", "will attend".
    Verb,
    /// An event noun: "attacks", "publication", "meeting".
    Noun,
}

/// Words never taken for a happening: auxiliaries, pronouns, determiners, prepositions and the
/// like.
fn function_word(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "are"
            | "am"
            | "has"
            | "have"
            | "had"
            | "having"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "shall"
            | "should"
            | "must"
            | "do"
            | "does"
            | "did"
            | "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "your"
            | "my"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "you"
            | "i"
            | "them"
            | "him"
            | "us"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "when"
            | "where"
            | "and"
            | "or"
            | "but"
            | "not"
            | "no"
            | "so"
            | "also"
            | "very"
            | "more"
            | "most"
            | "than"
            | "then"
            | "there"
            | "here"
            | "all"
            | "some"
            | "any"
            | "each"
            | "every"
            | "both"
            | "such"
            | "only"
            | "just"
            | "still"
            | "already"
            | "now"
            | "today"
            | "yesterday"
            | "tomorrow"
    ) || preposition(w)
}

/// Prepositions (a phrase after one of these is a modifier, not a participant).
fn preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "by"
            | "of"
            | "to"
            | "for"
            | "from"
            | "with"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "since"
            | "until"
            | "till"
            | "during"
            | "before"
            | "after"
            | "between"
            | "against"
            | "about"
            | "around"
            | "through"
            | "across"
            | "within"
            | "without"
            | "as"
            | "via"
            | "per"
            | "amid"
            | "among"
            | "towards"
            | "toward"
            | "upon"
    )
}

/// "-ed" and "-ing" words that are not verbs.
fn not_a_verb(w: &str) -> bool {
    matches!(
        w,
        "hundred"
            | "indeed"
            | "need"
            | "speed"
            | "seed"
            | "feed"
            | "breed"
            | "shed"
            | "bed"
            | "red"
            | "united"
            | "limited"
            | "during"
            | "thing"
            | "something"
            | "nothing"
            | "anything"
            | "everything"
            | "morning"
            | "evening"
            | "king"
            | "ring"
            | "spring"
            | "string"
            | "ceiling"
            | "including"
            | "according"
            | "following"
            | "regarding"
            | "concerning"
            | "building"
            | "policing"
            | "funding"
            | "understanding"
            | "thinking"
            | "interesting"
            | "increasing"
            | "existing"
            | "appalling"
            | "leading"
            | "ongoing"
            | "outstanding"
            | "advanced"
            | "based"
            | "so-called"
            | "detailed"
            | "skilled"
            | "talented"
            | "experienced"
            | "sophisticated"
            | "interested"
            | "concerned"
            | "related"
            | "aged"
    )
}

/// Irregular past forms and participles news uses most.
fn irregular_past(w: &str) -> bool {
    lexicon::past_cue(w) && !matches!(w, "was" | "were" | "had" | "did" | "ago" | "yesterday" | "last")
        || matches!(
            w,
            "begun"
                | "broke"
                | "broken"
                | "built"
                | "chose"
                | "chosen"
                | "drove"
                | "driven"
                | "fled"
                | "flew"
                | "flown"
                | "fought"
                | "found"
                | "given"
                | "gone"
                | "hit"
                | "hurt"
                | "kept"
                | "known"
                | "laid"
                | "led"
                | "lent"
                | "put"
                | "quit"
                | "ran"
                | "risen"
                | "fallen"
                | "seen"
                | "sent"
                | "set"
                | "shot"
                | "shut"
                | "sought"
                | "spoke"
                | "spoken"
                | "stood"
                | "struck"
                | "swore"
                | "sworn"
                | "taken"
                | "taught"
                | "thought"
                | "threw"
                | "thrown"
                | "told"
                | "took"
                | "understood"
                | "withdrew"
                | "withdrawn"
                | "woke"
                | "won"
                | "wrote"
                | "written"
                | "beat"
                | "beaten"
                | "bought"
                | "caught"
                | "dealt"
                | "done"
                | "drew"
                | "drawn"
                | "eaten"
                | "forgot"
                | "forgiven"
                | "froze"
                | "frozen"
                | "hid"
                | "hidden"
                | "meant"
                | "overtook"
                | "paid"
                | "rode"
                | "sang"
                | "sank"
                | "sat"
                | "slid"
                | "split"
                | "spread"
                | "sprang"
                | "stole"
                | "stuck"
                | "stung"
                | "swept"
                | "swam"
                | "tore"
                | "torn"
                | "upheld"
                | "wept"
        )
}

/// Base forms of verbs that name happenings in news, recognised in the present too ("launches",
/// "meets") and after "will" or "to". Sorted (looked up by binary search).
const EVENT_VERBS: &[&str] = &[
    "accept",
    "acquire",
    "announce",
    "appoint",
    "approve",
    "arrest",
    "arrive",
    "attack",
    "attend",
    "award",
    "ban",
    "begin",
    "buy",
    "call",
    "celebrate",
    "charge",
    "close",
    "complete",
    "confirm",
    "create",
    "cut",
    "decide",
    "declare",
    "defeat",
    "deliver",
    "die",
    "elect",
    "end",
    "establish",
    "expand",
    "file",
    "finish",
    "fire",
    "found",
    "hire",
    "hold",
    "host",
    "introduce",
    "invade",
    "issue",
    "join",
    "kill",
    "launch",
    "leave",
    "lose",
    "mark",
    "meet",
    "merge",
    "move",
    "name",
    "open",
    "order",
    "pass",
    "plan",
    "propose",
    "publish",
    "raise",
    "receive",
    "reject",
    "release",
    "report",
    "resign",
    "respond",
    "return",
    "review",
    "rule",
    "say",
    "sell",
    "sentence",
    "settle",
    "sign",
    "start",
    "strike",
    "sue",
    "take",
    "testify",
    "travel",
    "unveil",
    "visit",
    "vote",
    "warn",
    "welcome",
    "win",
    "withdraw",
];

/// Nouns that name happenings. Sorted (looked up by binary search).
const EVENT_NOUNS: &[&str] = &[
    "accident",
    "acquisition",
    "agreement",
    "announcement",
    "appointment",
    "arrest",
    "arrival",
    "assault",
    "attack",
    "auction",
    "ban",
    "battle",
    "bid",
    "birth",
    "blast",
    "bombing",
    "boycott",
    "budget",
    "campaign",
    "ceasefire",
    "celebration",
    "ceremony",
    "clash",
    "closure",
    "collapse",
    "collision",
    "conference",
    "conflict",
    "congress",
    "convention",
    "coup",
    "crash",
    "crisis",
    "cut",
    "deal",
    "death",
    "debate",
    "decision",
    "defeat",
    "departure",
    "disaster",
    "dispute",
    "earthquake",
    "election",
    "eruption",
    "explosion",
    "fire",
    "flood",
    "funeral",
    "hearing",
    "hurricane",
    "inauguration",
    "incident",
    "inquiry",
    "invasion",
    "investigation",
    "killing",
    "launch",
    "loss",
    "massacre",
    "meeting",
    "merger",
    "murder",
    "negotiation",
    "offensive",
    "opening",
    "outbreak",
    "protest",
    "publication",
    "purchase",
    "raid",
    "rally",
    "referendum",
    "reform",
    "release",
    "resignation",
    "review",
    "revolution",
    "riot",
    "ruling",
    "sale",
    "scandal",
    "settlement",
    "shooting",
    "siege",
    "speech",
    "storm",
    "strike",
    "summit",
    "surge",
    "takeover",
    "talks",
    "treaty",
    "trial",
    "trip",
    "uprising",
    "verdict",
    "victory",
    "visit",
    "vote",
    "war",
    "wedding",
    "win",
];

/// "-tion", "-sion" and "-ment" nouns that do not name happenings.
fn not_an_event_noun(w: &str) -> bool {
    matches!(
        w,
        "government"
            | "department"
            | "nation"
            | "information"
            | "organisation"
            | "organization"
            | "station"
            | "position"
            | "question"
            | "population"
            | "parliament"
            | "environment"
            | "equipment"
            | "element"
            | "moment"
            | "section"
            | "region"
            | "mission"
            | "commission"
            | "condition"
            | "situation"
            | "nation's"
            | "tradition"
            | "institution"
            | "foundation"
            | "option"
            | "portion"
            | "version"
            | "vision"
            | "division"
            | "union"
            | "opinion"
            | "million"
            | "billion"
            | "percent"
            | "management"
            | "document"
            | "instrument"
            | "argument"
            | "department's"
            | "legislation"
            | "radicalisation"
            | "radicalization"
            | "recommendation"
            | "recommendations"
            | "communication"
            | "communications"
            | "intervention"
            | "interventions"
            | "partnership"
            | "commitment"
    )
}

/// Strips a plural "-s" or "-es".
fn singular(w: &str) -> &str {
    if w.len() > 4 && w.ends_with("ies") {
        return w;
    }
    w.strip_suffix("es").filter(|s| s.ends_with("ch") || s.ends_with("sh") || s.ends_with('x')).or_else(|| w.strip_suffix('s')).unwrap_or(w)
}

fn event_noun(w: &str) -> bool {
    let one = singular(w);
    if EVENT_NOUNS.binary_search(&one).is_ok() || EVENT_NOUNS.binary_search(&w).is_ok() {
        return true;
    }
    !not_an_event_noun(w)
        && !not_an_event_noun(one)
        && one.len() > 6
        && (one.ends_with("tion") || one.ends_with("sion") || one.ends_with("ment"))
}

/// The base form of a verb in the lexicon, if `w` is one of its forms ("launches", "launched",
/// "travelling", "meets").
pub(crate) fn event_verb_base(w: &str) -> Option<&'static str> {
    let candidates = [
        Some(w),
        w.strip_suffix('s'),
        w.strip_suffix("es"),
        w.strip_suffix("ed"),
        w.strip_suffix('d'),
        w.strip_suffix("ing"),
        w.strip_suffix("ing").map(|s| s.get(..s.len().saturating_sub(1)).unwrap_or(s)),
        w.strip_suffix("ed").map(|s| s.get(..s.len().saturating_sub(1)).unwrap_or(s)),
    ];
    for c in candidates.into_iter().flatten() {
        if let Ok(at) = EVENT_VERBS.binary_search(&c) {
            return Some(EVENT_VERBS[at]);
        }
    }
    // "making" -> "make", "closing" -> "close"
    if let Some(stem) = w.strip_suffix("ing") {
        if let Ok(at) = EVENT_VERBS.binary_search(&format!("{stem}e").as_str()) {
            return Some(EVENT_VERBS[at]);
        }
    }
    match w {
        "said" | "says" => Some("say"),
        "met" => Some("meet"),
        "took" | "taken" => Some("take"),
        "won" => Some("win"),
        "lost" => Some("lose"),
        "sold" => Some("sell"),
        "bought" => Some("buy"),
        "held" => Some("hold"),
        "began" | "begun" => Some("begin"),
        "left" => Some("leave"),
        "struck" => Some("strike"),
        "withdrew" | "withdrawn" => Some("withdraw"),
        "died" => Some("die"),
        _ => None,
    }
}

/// Whether the token is a word that can name a happening, and how.
pub(crate) fn trigger_kind(toks: &[Token<'_>], i: usize, sentence_start: usize) -> Option<TriggerKind> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word || t.text.chars().count() < 3 {
        return None;
    }
    let w = t.lower.as_str();
    if function_word(w) || not_a_verb(w) {
        return None;
    }
    // A capital mid-sentence is a name ("United", "Home Office"), unless the word is all capitals.
    let first_of_sentence = i == sentence_start || toks.get(i.wrapping_sub(1)).is_some_and(|p| p.kind == Kind::Punct && p.newline_before);
    if t.capitalized() && !first_of_sentence {
        return None;
    }
    // After "'s" ("today's strategy") a word is a noun.
    let prev = i.checked_sub(1).and_then(|p| toks.get(p)).map(|p| p.lower.as_str());
    let after_modal =
        matches!(prev, Some("will" | "would" | "to" | "can" | "could" | "may" | "might" | "shall" | "should" | "must" | "did"));
    if lexicon::regular_past(w) || irregular_past(w) {
        return Some(TriggerKind::Verb);
    }
    if w.len() > 5 && w.ends_with("ing") {
        return Some(if event_noun(w) { TriggerKind::Noun } else { TriggerKind::Verb });
    }
    if event_noun(w) && !after_modal {
        return Some(TriggerKind::Noun);
    }
    if event_verb_base(w).is_some() {
        return Some(TriggerKind::Verb);
    }
    None
}

/// Whether token `i` ends a clause for the search: `;`, `:`, a spaced dash, brackets.
fn clause_mark(t: &Token<'_>) -> bool {
    t.kind == Kind::Punct && (matches!(t.text, ";" | ":" | "(" | ")" | "[" | "]") || (matches!(t.text, "–" | "—") && t.space_before))
}

/// Token bounds of the clause around `at` within `lo..hi`.
/// A clause is looked for at most this many tokens each way: a "sentence" of a megabyte without a
/// full stop must not make each of its dates cost the whole of it.
const CLAUSE_REACH: usize = 80;

pub(crate) fn clause_of(toks: &[Token<'_>], lo: usize, hi: usize, at: usize) -> (usize, usize) {
    let (lo, hi) = (lo.max(at.saturating_sub(CLAUSE_REACH)), hi.min(at.saturating_add(CLAUSE_REACH)));
    let start = (lo..at.min(hi)).rev().find(|&j| clause_mark(&toks[j])).map_or(lo, |j| j + 1);
    let end = (at..hi).find(|&j| clause_mark(&toks[j])).unwrap_or(hi);
    (start, end.max(start))
}

/// Whether token `j` lies in one of `spans` (token ranges in text order, not overlapping).
fn in_spans(spans: &[(usize, usize)], j: usize) -> bool {
    let after = spans.partition_point(|&(a, _)| a <= j);
    after > 0 && j < spans[after - 1].1
}

/// The word a date (tokens `d0..d1` of the sentence `lo..hi`) anchors: an event noun right after a
/// date used as a modifier ("the 2017 terrorist attacks"), else the nearest happening word before
/// it in its clause, else after it (each within [`REACH`] words), else the nearest in its sentence
/// within twice that.
pub(crate) fn trigger_for(
    toks: &[Token<'_>],
    lo: usize,
    hi: usize,
    d0: usize,
    d1: usize,
    dates: &[(usize, usize)],
) -> Option<(usize, TriggerKind)> {
    let in_date = |j: usize| in_spans(dates, j);
    let (c0, c1) = clause_of(toks, lo, hi, d0);
    let words_between = |a: usize, b: usize| toks[a..b].iter().filter(|t| t.kind == Kind::Word).count();
    // "the 2017 attacks", "today's strategy": the date modifies what follows.
    let modifier = d0 > lo && matches!(toks[d0 - 1].lower.as_str(), "the" | "its" | "their" | "his" | "her" | "a" | "this")
        || toks.get(d1).is_some_and(|t| matches!(t.text, "'" | "’"));
    if modifier {
        for j in d1..c1.min(d1 + 5) {
            if toks[j].kind == Kind::Punct && !matches!(toks[j].text, "-" | "'" | "’") {
                break;
            }
            if trigger_kind(toks, j, lo) == Some(TriggerKind::Noun) && !in_date(j) {
                return Some((j, TriggerKind::Noun));
            }
        }
    }
    // The nearest happening word before the date (back to `from`) or after it (up to `to`), at most
    // `reach` words away.
    let before = |from: usize, reach: usize| {
        first_trigger(toks, lo, (from..d0).rev().filter(|&j| !in_date(j)).take_while(|&j| words_between(j, d0) <= reach))
    };
    let after =
        |to: usize, reach: usize| first_trigger(toks, lo, (d1..to).filter(|&j| !in_date(j)).take_while(|&j| words_between(d1, j) <= reach));
    if let Some(found) = before(c0, REACH).or_else(|| after(c1, REACH)) {
        return Some(found);
    }
    // Nothing near it in its clause: the nearest happening of its sentence, a little further away
    // or beyond brackets ("Police found 600 kg (1,300 pounds) of explosives Sunday").
    let (s0, s1) = (lo.max(d0.saturating_sub(CLAUSE_REACH)), hi.min(d1.saturating_add(CLAUSE_REACH)));
    match (before(s0, 2 * REACH), after(s1, 2 * REACH)) {
        (Some(b), Some(a)) => Some(if words_between(b.0, d0) <= words_between(d1, a.0) { b } else { a }),
        (b, a) => b.or(a),
    }
}

/// The first of the tokens `js` that names a happening, and how.
fn first_trigger(toks: &[Token<'_>], lo: usize, mut js: impl Iterator<Item = usize>) -> Option<(usize, TriggerKind)> {
    js.find_map(|j| Some((j, trigger_kind(toks, j, lo)?)))
}

/// Joins tokens `a..b` as they are written (spacing kept), skipping those `skip` says.
fn join(toks: &[Token<'_>], range: impl Iterator<Item = usize>, skip: impl Fn(usize) -> bool) -> String {
    let mut out = String::new();
    for j in range.filter(|&j| !skip(j)) {
        let t = &toks[j];
        if !out.is_empty() && t.space_before {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

/// Words left at the end of a title that leave it hanging.
fn dangling(w: &str) -> bool {
    function_word(w) && !matches!(w, "all" | "now" | "today") || matches!(w, "-" | "–" | "," | "'" | "’" | "s")
}

/// A title of tokens `ids`: whole words only, at most [`TITLE_CHARS`], no dangling words at the end,
/// no article at the start, a capital first letter.
fn title_of(toks: &[Token<'_>], ids: &[usize]) -> String {
    let mut ids: Vec<usize> = ids.to_vec();
    while ids
        .first()
        .is_some_and(|&j| matches!(toks[j].lower.as_str(), "the" | "a" | "an") || toks[j].kind == Kind::Punct && !in_word(toks, j))
    {
        ids.remove(0);
    }
    loop {
        while ids.last().is_some_and(|&j| {
            !in_word(toks, j) && (dangling(&toks[j].lower) || toks[j].kind == Kind::Punct && !matches!(toks[j].text, ")" | "”"))
        }) {
            ids.pop();
        }
        let title = join(toks, ids.iter().copied(), |_| false);
        if title.chars().count() <= TITLE_CHARS || ids.len() <= 1 {
            let mut chars = title.chars();
            return match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => title,
            };
        }
        // Cut whole names: "by the Home Secretary" never becomes "by the Home". And whole words:
        // what is glued to a token goes with it ("$2.3", "U.S.", "Hussein's").
        while let Some(mut j) = ids.pop() {
            while let Some(&k) = ids.last().filter(|&&k| k + 1 == j && !toks[j].space_before) {
                ids.pop();
                j = k;
            }
            let in_name = toks[j].capitalized() && ids.last().is_some_and(|&k| toks[k].capitalized() && toks[k].kind == Kind::Word);
            if !in_name {
                break;
            }
        }
        // And whole phrases: back to before the last preposition, if that leaves a title.
        if let Some(at) = ids.iter().rposition(|&k| preposition(&toks[k].lower)).filter(|&at| at >= 2) {
            let shorter = join(toks, ids[..at].iter().copied(), |_| false);
            if shorter.chars().count() <= TITLE_CHARS {
                ids.truncate(at);
            }
        }
    }
}

/// Whether the mark `j` belongs to the word or number around it, which a title never cuts: the comma
/// and point of "1,300" and "3.6", the stops of "U.S." and "N.J.", the sign of "50%" and "$2".
fn in_word(toks: &[Token<'_>], j: usize) -> bool {
    let Some(t) = toks.get(j).filter(|t| t.kind == Kind::Punct) else { return false };
    let prev = j.checked_sub(1).and_then(|k| toks.get(k));
    let next = toks.get(j + 1).filter(|n| !n.space_before);
    let glued_prev = prev.filter(|_| !t.space_before);
    let letter = |k: Option<&Token<'_>>| k.is_some_and(|k| k.kind == Kind::Word && k.text.len() == 1 && k.capitalized());
    let number = |k: Option<&Token<'_>>| k.is_some_and(|k| k.kind == Kind::Number);
    match t.text {
        "," | "." if number(glued_prev) && number(next) => true,
        // "U.S.": a stop after a capital letter, before another one or after one such stop.
        "." if letter(glued_prev) => {
            let before = |back: usize| j.checked_sub(back).and_then(|k| toks.get(k));
            letter(next) || before(2).is_some_and(|p| p.text == ".") && !toks[j - 1].space_before && letter(before(3))
        }
        "%" => number(glued_prev),
        "$" | "£" | "€" => number(next),
        _ => false,
    }
}

/// Where a phrase of participants stops: a clause mark, a comma, a relative pronoun, a verb, a date.
fn phrase_end(toks: &[Token<'_>], j: usize, in_date: &dyn Fn(usize) -> bool) -> bool {
    let t = &toks[j];
    (t.kind == Kind::Punct && !matches!(t.text, "-" | "'" | "’" | "&" | "/") && !in_word(toks, j))
        || matches!(t.lower.as_str(), "which" | "who" | "that" | "where" | "while" | "when" | "because" | "whose")
        || in_date(j)
}

/// A phrase after `from` (exclusive) up to `hi`: words until [`phrase_end`]; a preposition that
/// introduces a date is left out with it, and so is a following verb.
fn phrase_after(toks: &[Token<'_>], from: usize, hi: usize, lo: usize, in_date: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut j = from;
    let mut prepositions = 0;
    // Twelve tokens at most, and never a word cut short ("345.6", "U.S." are several tokens).
    while j < hi && (out.len() < 12 || !toks[j].space_before && out.last().is_some_and(|&k| k + 1 == j)) {
        if preposition(&toks[j].lower) && toks[j].lower != "of" {
            prepositions += 1;
            // One phrase of place or purpose is enough: "speech on security", not "... to an audience".
            if prepositions > 1 {
                break;
            }
        }
        if phrase_end(toks, j, in_date) {
            // "publication of today's CONTEST strategy": step over a possessive date.
            if in_date(j) && out.last().is_some_and(|&k| matches!(toks[k].lower.as_str(), "of")) {
                while j < hi && (in_date(j) || matches!(toks[j].text, "'" | "’" | "s")) {
                    j += 1;
                }
                continue;
            }
            break;
        }
        // "in 2017", "on Friday": a preposition before a date goes with it.
        if preposition(&toks[j].lower) && toks[j].lower != "of" && (j + 1 < hi && in_date(j + 1)) {
            break;
        }
        // A verb ends the phrase, unless it is the one after "to" ("decision to establish pilots").
        let after_to = out.last().is_some_and(|&k| toks[k].lower == "to");
        if !out.is_empty()
            && !after_to
            && toks[j].kind == Kind::Word
            && trigger_kind(toks, j, lo) == Some(TriggerKind::Verb)
            && !toks[j].lower.ends_with("ing")
        {
            break;
        }
        out.push(j);
        j += 1;
    }
    out
}

/// Words naming a noun's kind just before it: names, "-ist"/"-ic"/"-ary" adjectives, hyphenated
/// compounds ("terrorist attacks", "Global Internet Forum meeting", "counter-terrorism strategy").
fn pre_modifiers(toks: &[Token<'_>], n: usize, lo: usize, in_date: &dyn Fn(usize) -> bool) -> usize {
    let mut start = n;
    let mut words = 0;
    while start > lo && words < 4 {
        let p = &toks[start - 1];
        if in_date(start - 1) {
            break;
        }
        if p.kind == Kind::Punct {
            if p.text == "-" && !p.space_before && start >= lo + 2 {
                start -= 1;
                continue;
            }
            break;
        }
        let w = p.lower.as_str();
        let joined = toks.get(start).is_some_and(|t| t.text == "-" && !t.space_before);
        let keep = joined
            || (p.capitalized() && start - 1 > lo)
            || (p.capitalized() && p.text.chars().all(|c| !c.is_lowercase()))
            || w.ends_with("ist")
            || w.ends_with("ic")
            || w.ends_with("ary")
            || w.ends_with("ern")
            || matches!(
                w,
                "updated"
                    | "new"
                    | "previous"
                    | "last"
                    | "first"
                    | "final"
                    | "general"
                    | "local"
                    | "national"
                    | "terror"
                    | "car"
                    | "bomb"
                    | "peace"
                    | "trade"
                    | "press"
                    | "fundamental"
                    | "major"
                    | "public"
                    | "independent"
                    | "official"
                    | "keynote"
            );
        if !keep || function_word(w) && !matches!(w, "last") {
            break;
        }
        start -= 1;
        words += 1;
    }
    start
}

/// The noun phrase ending just before `v` (over auxiliaries and adverbs): its tokens.
fn subject_before(toks: &[Token<'_>], v: usize, lo: usize, in_date: &dyn Fn(usize) -> bool) -> (Vec<usize>, bool, bool) {
    let mut j = v;
    let (mut passive, mut future) = (false, false);
    while j > lo {
        let w = toks[j - 1].lower.as_str();
        match w {
            "was" | "were" | "is" | "are" | "been" | "being" | "be" => passive |= matches!(w, "was" | "were" | "is" | "are" | "been"),
            "will" | "shall" => future = true,
            "has" | "have" | "had" | "would" | "also" | "now" | "then" | "later" | "finally" | "formally" | "officially" | "to" => {}
            _ => break,
        }
        j -= 1;
    }
    // Phrase backwards: names, nouns, adjectives, joined by hyphens and "'s"; stops at function words
    // other than "the"/"a" (which end it) and at punctuation.
    let mut start = j;
    let mut count = 0;
    while start > lo && count < 6 {
        let p = &toks[start - 1];
        if in_date(start - 1) {
            break;
        }
        if p.kind == Kind::Punct {
            if matches!(p.text, "-" | "'" | "’") && !p.space_before || in_word(toks, start - 1) {
                start -= 1;
                continue;
            }
            break;
        }
        let w = p.lower.as_str();
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their") {
            break;
        }
        // "the secretary of state", "the price of oil": "of" between two nouns.
        let noun =
            |k: usize| toks[k].kind == Kind::Word && !function_word(&toks[k].lower) && trigger_kind(toks, k, lo) != Some(TriggerKind::Verb);
        if w == "of" && count > 0 && start >= lo + 2 && noun(start - 2) {
            start -= 1;
            continue;
        }
        let adjective = matches!(w, "updated" | "revised" | "new" | "previous" | "last" | "first" | "latest" | "final");
        if !adjective && (function_word(w) || trigger_kind(toks, start - 1, lo) == Some(TriggerKind::Verb) && !p.capitalized()) {
            break;
        }
        start -= 1;
        count += 1;
    }
    // "at least 75 people", "at most two".
    if start > lo && toks[start - 1].lower == "at" && toks.get(start).is_some_and(|t| matches!(t.lower.as_str(), "least" | "most")) {
        start -= 1;
    }
    let ids = (start..j).collect::<Vec<_>>();
    (ids, passive && j < v, future)
}

/// The title for a happening at token `t` of the sentence `lo..hi`.
pub(crate) fn title_for(toks: &[Token<'_>], lo: usize, hi: usize, t: usize, kind: TriggerKind, dates: &[(usize, usize)]) -> String {
    let (headline, weak) = headline_for(toks, lo, hi, t, kind, dates);
    if weak || !headline.contains(' ') {
        // "Said", "Owned", "Toppling": a verb alone says too little; its clause says who and what.
        let clause = clause_title(toks, lo, hi, t, dates);
        if clause.split_whitespace().count() > headline.split_whitespace().count() {
            return clause;
        }
    }
    headline
}

/// Words that open a subordinate clause or join one on, left off the front of a title.
fn opener(w: &str) -> bool {
    matches!(
        w,
        "since"
            | "and"
            | "but"
            | "as"
            | "while"
            | "when"
            | "after"
            | "before"
            | "because"
            | "although"
            | "if"
            | "so"
            | "then"
            | "also"
            | "meanwhile"
            | "earlier"
            | "later"
    )
}

/// A title from the clause around token `t`, from its start: the date and the preposition before it
/// left out, opening connectives, quotes and prepositional phrases dropped.
fn clause_title(toks: &[Token<'_>], lo: usize, hi: usize, t: usize, dates: &[(usize, usize)]) -> String {
    let in_date = |j: usize| in_spans(dates, j);
    let (c0, c1) = clause_of(toks, lo, hi, t);
    let mut ids: Vec<usize> = (c0..c1)
        .filter(|&j| !(in_date(j) || preposition(&toks[j].lower) && in_date(j + 1)))
        .filter(|&j| !(toks[j].kind == Kind::Punct && matches!(toks[j].text, "\"" | "“" | "”" | "‘")))
        .collect();
    // Leading connectives, and a leading phrase such as "On Tuesday," (its date already gone).
    while let Some(&first) = ids.first() {
        let w = toks[first].lower.as_str();
        if opener(w) || toks[first].kind == Kind::Punct {
            ids.remove(0);
        } else if preposition(w) {
            // Up to the comma that closes the phrase, if there is one before the happening.
            match ids.iter().position(|&j| toks[j].text == ",").filter(|&k| ids[k] < t) {
                Some(k) => {
                    ids.drain(..=k);
                }
                None => break,
            }
        } else {
            break;
        }
    }
    // Stop at the first comma after the happening.
    if let Some(k) = ids.iter().position(|&j| j > t && toks[j].text == ",") {
        ids.truncate(k);
    }
    // A title never opens on a dangling phrase ("Of the total purchase price").
    if ids.first().is_some_and(|&j| preposition(&toks[j].lower)) {
        return String::new();
    }
    title_of(toks, &ids)
}

/// The headline for a happening, and whether it is weak (a verb with no one doing it).
fn headline_for(toks: &[Token<'_>], lo: usize, hi: usize, t: usize, kind: TriggerKind, dates: &[(usize, usize)]) -> (String, bool) {
    let in_date = |j: usize| in_spans(dates, j);
    match kind {
        TriggerKind::Noun => {
            let start = pre_modifiers(toks, t, lo, &in_date);
            let mut ids: Vec<usize> = (start..=t).collect();
            // "attacks in London and Manchester", "publication of ... strategy".
            if t + 1 < hi && preposition(&toks[t + 1].lower) {
                ids.extend(phrase_after(toks, t + 1, hi, lo, &in_date));
            }
            (title_of(toks, &ids), false)
        }
        TriggerKind::Verb => {
            let (subject, passive, future) = subject_before(toks, t, lo, &in_date);
            let verb = toks[t].lower.as_str();
            let after = phrase_after(toks, t + 1, hi, lo, &in_date);
            if !subject.is_empty() && verb.ends_with("ing") {
                if let Some(base) = event_verb_base(verb).filter(|_| future) {
                    // "will be travelling" -> "to travel": a headline's future.
                    let head = title_of(toks, &subject);
                    let rest = join(toks, after.iter().copied(), |_| false);
                    return (fit(&format!("{head} to {base} {rest}")), false);
                }
            }
            let participle = lexicon::regular_past(verb) || irregular_past(verb);
            let by_agent = toks.get(t + 1).is_some_and(|n| n.lower == "by");
            let weak = subject.is_empty();
            let mut ids = subject;
            ids.push(t);
            if !(passive || participle && by_agent) {
                // Active: the verb and what it acts on ("Council met", "Company reported strong results").
                ids.extend(after);
            }
            // Passive, or a reduced relative ("a strategy launched by ..."): "Last strategy published".
            (title_of(toks, &ids), weak)
        }
    }
}

/// `text` cut to [`TITLE_CHARS`] at a word, without dangling words, with a capital first letter.
fn fit(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    while words.join(" ").chars().count() > TITLE_CHARS && words.len() > 1 {
        // Whole names only: "of the United States" never becomes "of the United".
        while let Some(w) = words.pop() {
            if !(capital(w) && words.last().is_some_and(|l| capital(l))) {
                break;
            }
        }
        // And whole phrases: back to before the last preposition.
        if let Some(at) = words.iter().rposition(|w| preposition(&w.to_lowercase())).filter(|&at| at >= 2) {
            words.truncate(at);
        }
    }
    while words.len() > 1 && words.last().is_some_and(|w| dangling(&w.to_lowercase())) {
        words.pop();
    }
    let title = words.join(" ");
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => title,
    }
}

/// The happening of a sentence that has no date: a specific event noun ("a fundamental review",
/// "his speech"), else a past verb with a named subject ("The council approved ..."). Reporting
/// verbs and generic plurals ("terrorist attacks") are not happenings.
pub(crate) fn undated_trigger(toks: &[Token<'_>], lo: usize, hi: usize) -> Option<(usize, TriggerKind)> {
    let determined = |j: usize| {
        (j.saturating_sub(3).max(lo)..j)
            .any(|k| matches!(toks[k].lower.as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this"))
    };
    let noun = (lo..hi).find(|&j| {
        let w = toks[j].lower.as_str();
        toks[j].kind == Kind::Word
            && EVENT_NOUNS.binary_search(&w).is_ok()
            && trigger_kind(toks, j, lo) == Some(TriggerKind::Noun)
            && determined(j)
    });
    if let Some(j) = noun {
        return Some((j, TriggerKind::Noun));
    }
    (lo..hi).find_map(|j| {
        let w = toks[j].lower.as_str();
        let past = lexicon::regular_past(w) || irregular_past(w);
        let reporting = matches!(w, "said" | "told" | "added" | "stated" | "noted" | "explained" | "reported" | "done" | "been" | "based");
        if !past || reporting || trigger_kind(toks, j, lo) != Some(TriggerKind::Verb) {
            return None;
        }
        // A verb, not an adjective ("directed activity"): followed by a particle, an article, a
        // pronoun or the end of a clause.
        let verb_like = toks.get(j + 1).is_none_or(|n| n.kind == Kind::Punct || lexicon::VERB_FOLLOWERS.contains(&n.lower.as_str()));
        // Not a plan or a wish ("will be developed", "to spread"), not a present passive ("is tailored").
        let chain = &toks[j.saturating_sub(3).max(lo)..j];
        let unreal = chain.iter().any(|t| {
            matches!(
                t.lower.as_str(),
                "will" | "would" | "to" | "must" | "should" | "can" | "could" | "may" | "might" | "shall" | "is" | "are" | "be"
            )
        });
        if !verb_like || unreal || toks.get(j.wrapping_sub(1)).is_some_and(|p| p.text == "-") {
            return None;
        }
        let (subject, _, _) = subject_before(toks, j, lo, &|_| false);
        (!subject.is_empty()).then_some((j, TriggerKind::Verb))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_lists_are_sorted_for_binary_search() {
        for list in [EVENT_VERBS, EVENT_NOUNS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert_eq!(event_verb_base("closing"), Some("close"));
        assert_eq!(event_verb_base("travelling"), Some("travel"));
        assert_eq!(event_verb_base("launches"), Some("launch"));
        assert_eq!(event_verb_base("council"), None);
    }

    #[test]
    fn a_title_cut_to_length_drops_whole_words_and_figures() {
        let title = |text: &str| {
            let toks = crate::tokens::tokenize(text);
            title_of(&toks, &(0..toks.len()).collect::<Vec<_>>())
        };
        // 54 chars of words, then one figure of five tokens: it goes whole, never as "123,".
        assert_eq!(
            title("Aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk 123,456,789.12"),
            "Aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk"
        );
        assert_eq!(
            title("Aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj U.S."),
            "Aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj U.S."
        );
        assert_eq!(
            title("Aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk mmm U.S."),
            "Aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk mmm"
        );
        assert_eq!(title("Sales rose 11% to $2.3 million."), "Sales rose 11% to $2.3 million");
    }
}
