//! What ends a sentence, decided in one place ([`ends_sentence`]) for both readers of sentences: the
//! char splitter [`sentences`] (the passages of proposed events) and the token boundary
//! [`ends_at_token`] (the tense of a sentence or a clause).

use crate::lexicon;
use crate::tokens::{Kind, Token};

/// Whether the mark `mark` ends its sentence: a `.`, `!` or `?` (with any closing quotes and
/// brackets after it, see [`closes`]) followed by whitespace (`spaced`) and then by a capital, a
/// digit, an opening quote, a line break or the end of the text (`next`), unless it is the full
/// stop of an abbreviation (`word_before` is "Mr", "U", "Sept", ...).
pub fn ends_sentence(mark: char, word_before: &str, spaced: bool, next: Option<char>) -> bool {
    matches!(mark, '.' | '!' | '?')
        && spaced
        && !(mark == '.' && lexicon::is_abbreviation(word_before))
        && next.is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\n'))
}

/// Closing quotes and brackets, which stay with the sentence they close.
pub fn closes(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')')
}

/// Sentence spans in chars: breaks where [`ends_sentence`] says, after the closing quotes, and at
/// line breaks. Linear in the text.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut cut = None;
        if c == '\n' {
            cut = Some(i);
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && closes(chars[j]) {
                j += 1;
            }
            let spaced = chars.get(j).is_none_or(|c| c.is_whitespace());
            let next = chars[j..].iter().copied().find(|c| *c != ' ');
            let word_before: String =
                chars[..i].iter().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
            if ends_sentence(c, &word_before, spaced, next) {
                cut = Some(j);
            }
        }
        if let Some(end) = cut {
            push_trimmed(&chars, start, end, &mut out);
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(&chars, start, chars.len(), &mut out);
    out
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<(usize, usize)>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end > start {
        out.push((start, end));
    }
}

/// Whether token `i` ends its sentence by [`ends_sentence`]: the same rule read from tokens (a
/// token is one punctuation mark; a word is a run of letters, so the word before a glued full stop
/// is the token before it).
pub fn ends_at_token(toks: &[Token<'_>], i: usize) -> bool {
    let t = &toks[i];
    let Some(mark) = t.text.chars().next().filter(|_| t.kind == Kind::Punct) else {
        return false;
    };
    let word_before = i.checked_sub(1).map(|p| &toks[p]).filter(|p| p.kind == Kind::Word && !t.space_before).map_or("", |p| p.text);
    let mut j = i + 1;
    while toks.get(j).is_some_and(|q| q.kind == Kind::Punct && !q.space_before && q.text.chars().next().is_some_and(closes)) {
        j += 1;
    }
    let next = toks.get(j);
    let spaced = next.is_none_or(|n| n.space_before);
    let next = next.and_then(|n| if n.newline_before { Some('\n') } else { n.text.chars().next() });
    ends_sentence(mark, word_before, spaced, next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use citeline_model::document::byte_range_of_chars;

    fn slice(text: &str, start: usize, end: usize) -> &str {
        byte_range_of_chars(text, start, end).map_or("", |r| &text[r])
    }

    #[test]
    fn sentences_split_at_full_stops_and_lines_not_abbreviations() {
        let text = "Mr. A went to the U.S. on Friday. Then he left!\n\nA new line";
        let parts: Vec<&str> = sentences(text).into_iter().map(|(s, e)| slice(text, s, e)).collect();
        assert_eq!(parts, ["Mr. A went to the U.S. on Friday.", "Then he left!", "A new line"]);
    }

    #[test]
    fn tokens_and_chars_end_sentences_at_the_same_marks() {
        let text = "Mr. A went to the U.S. on Sept. 4. \"Then he left!\" (He did.) It took 3.5 hours? Yes. 20 came. e.g. this. Done!";
        let chars: Vec<char> = text.chars().collect();
        let by_chars: Vec<usize> = sentences(text)
            .into_iter()
            .filter_map(|(_, mut end)| {
                while closes(chars[end - 1]) {
                    end -= 1;
                }
                matches!(chars[end - 1], '.' | '!' | '?').then_some(end)
            })
            .collect();
        let toks = crate::tokens::tokenize(text);
        let by_tokens: Vec<usize> = (0..toks.len()).filter(|&i| ends_at_token(&toks, i)).map(|i| toks[i].end).collect();
        assert_eq!(by_tokens, by_chars);
        assert_eq!(by_chars.len(), 6);
    }
}
