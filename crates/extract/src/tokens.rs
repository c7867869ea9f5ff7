//! A small tokenizer for the extractor: words, numbers and punctuation with char offsets. The
//! words themselves are in [`crate::lexicon`].

/// Kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Start, in chars.
    pub start: usize,
    /// End, in chars.
    pub end: usize,
    /// The text.
    pub text: &'a str,
    /// Lowercased text.
    pub lower: String,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// Whether whitespace separates it from the token before.
    pub space_before: bool,
    /// Whether a paragraph or line break precedes it.
    pub newline_before: bool,
}

impl Token<'_> {
    /// The number, if this is a number token of at most 9 digits.
    pub fn number(&self) -> Option<u32> {
        if self.kind == Kind::Number && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// Whether the token starts with an uppercase letter.
    pub fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether this is the punctuation `c`.
    pub fn is(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.text == c
    }
}

/// Splits `text` into tokens. Linear in the length of the text.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut char_pos = 0usize;
    let mut space_before = true;
    let mut newline_before = true;
    while let Some(&(byte, c)) = chars.peek() {
        if c.is_whitespace() {
            space_before = true;
            newline_before |= c == '\n';
            chars.next();
            char_pos += 1;
            continue;
        }
        let start_char = char_pos;
        let start_byte = byte;
        let kind = if c.is_ascii_digit() {
            Kind::Number
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end_byte = byte + c.len_utf8();
        chars.next();
        char_pos += 1;
        if kind != Kind::Punct {
            while let Some(&(b, d)) = chars.peek() {
                let same = match kind {
                    Kind::Number => d.is_ascii_digit(),
                    _ => d.is_alphabetic(),
                };
                if !same {
                    break;
                }
                end_byte = b + d.len_utf8();
                chars.next();
                char_pos += 1;
            }
        }
        let slice = &text[start_byte..end_byte];
        tokens.push(Token {
            start: start_char,
            end: char_pos,
            text: slice,
            lower: slice.to_lowercase(),
            kind,
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_char_offsets_and_spacing() {
        let t = tokenize("On Friday 8 June, the UK’s 2018-06-04.");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["On", "Friday", "8", "June", ",", "the", "UK", "’", "s", "2018", "-", "06", "-", "04", "."]);
        assert_eq!((t[7].start, t[7].end), (24, 25));
        assert!(t[2].space_before && !t[4].space_before);
        assert_eq!(t[9].number(), Some(2018));
    }
}
