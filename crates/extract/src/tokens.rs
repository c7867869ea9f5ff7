//! A small tokenizer for the extractor: words, numbers and punctuation with char offsets, and the
//! lexicon of calendar words.

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

/// Month number for a month name or abbreviation (lowercase).
pub fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether the month word is a full name (not an abbreviation).
pub fn is_full_month(word: &str) -> bool {
    word.len() > 4 || matches!(word, "may" | "june" | "july")
}

/// ISO weekday number (Monday = 1) for a weekday name or abbreviation (lowercase).
pub fn weekday(word: &str) -> Option<u32> {
    Some(match word {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// Whether the weekday word is a full name.
pub fn is_full_weekday(word: &str) -> bool {
    word.ends_with("day")
}

/// Small cardinal numbers in words.
pub fn cardinal(word: &str) -> Option<u32> {
    Some(match word {
        "a" | "an" | "one" | "single" => 1,
        "two" | "couple" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// Ordinals in words and as number suffixes.
pub fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Time units: (TIMEX3 duration letter, whether it is a time-of-day unit).
pub fn unit(word: &str) -> Option<CalendarUnit> {
    Some(match word {
        "second" | "seconds" | "sec" | "secs" => CalendarUnit::Second,
        "minute" | "minutes" | "min" | "mins" => CalendarUnit::Minute,
        "hour" | "hours" | "hr" | "hrs" => CalendarUnit::Hour,
        "day" | "days" => CalendarUnit::Day,
        "night" | "nights" => CalendarUnit::Night,
        "week" | "weeks" => CalendarUnit::Week,
        "weekend" | "weekends" => CalendarUnit::Weekend,
        "fortnight" | "fortnights" => CalendarUnit::Fortnight,
        "month" | "months" => CalendarUnit::Month,
        "quarter" | "quarters" => CalendarUnit::Quarter,
        "year" | "years" => CalendarUnit::Year,
        "decade" | "decades" => CalendarUnit::Decade,
        "century" | "centuries" => CalendarUnit::Century,
        _ => return None,
    })
}

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarUnit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Nights (durations only).
    Night,
    /// Weeks.
    Week,
    /// Weekends.
    Weekend,
    /// Two weeks.
    Fortnight,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl CalendarUnit {
    /// `P<n><letter>` duration value.
    pub fn duration(self, n: Option<u32>) -> String {
        let n_str = |k: u32| n.map_or_else(|| "X".to_owned(), |n| n.saturating_mul(k).to_string());
        match self {
            CalendarUnit::Second => format!("PT{}S", n_str(1)),
            CalendarUnit::Minute => format!("PT{}M", n_str(1)),
            CalendarUnit::Hour => format!("PT{}H", n_str(1)),
            CalendarUnit::Day | CalendarUnit::Night => format!("P{}D", n_str(1)),
            CalendarUnit::Week => format!("P{}W", n_str(1)),
            CalendarUnit::Weekend => format!("P{}WE", n_str(1)),
            CalendarUnit::Fortnight => format!("P{}W", n_str(2)),
            CalendarUnit::Month => format!("P{}M", n_str(1)),
            CalendarUnit::Quarter => format!("P{}Q", n_str(1)),
            CalendarUnit::Year => format!("P{}Y", n_str(1)),
            // Decades and centuries in years, as TimeBank writes them ("P20Y"); "centuries" is PXC.
            CalendarUnit::Decade => format!("P{}Y", n_str(10)),
            CalendarUnit::Century if n.is_none() => "PXC".to_owned(),
            CalendarUnit::Century => format!("P{}Y", n_str(100)),
        }
    }

    /// `n` and a half units ("2 1/2 years" is `P2Y6M`), for the units a half of which is a whole
    /// number of the next smaller one.
    pub fn duration_and_half(self, n: u32) -> Option<String> {
        Some(match self {
            CalendarUnit::Minute => format!("PT{n}M30S"),
            CalendarUnit::Hour => format!("PT{n}H30M"),
            CalendarUnit::Day => format!("P{n}DT12H"),
            CalendarUnit::Month => format!("P{n}M15D"),
            CalendarUnit::Year => format!("P{n}Y6M"),
            CalendarUnit::Decade => format!("P{}Y", n.saturating_mul(10).saturating_add(5)),
            _ => return None,
        })
    }
}

/// Season codes.
pub fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Parts of the day: (TIMEX3 code).
pub fn day_part(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
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
