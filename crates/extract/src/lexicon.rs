//! The extractor's words: calendar words (months, weekdays, units of time, seasons, parts of the
//! day), numbers in words, and the word lists the rules consult. All lookups take lowercase words.

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

/// The unit of time a word names, singular or plural.
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

/// Whether a word before a full stop makes it an abbreviation, not a sentence end: a single capital
/// (an initial, "U.S."), a title ("Mr", "Gen", "Corp") or an abbreviated month name ("Sept"), as
/// written.
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let single_initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_initial || is_title(word) || is_month_abbreviation(word)
}

/// Abbreviated titles and company words, as written.
fn is_title(word: &str) -> bool {
    matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Prof" | "Sen" | "Rep" | "Gov" | "Gen" | "Lt" | "Col" | "Sgt" | "Rev" | "Jr" | "Sr")
        || matches!(word, "No" | "Co" | "Corp" | "Inc" | "Ltd" | "vs")
}

/// A capitalised month abbreviation ("Jan", "Sept"; not "May", which is a full name).
fn is_month_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    let lower = word.to_lowercase();
    capitalised && month(&lower).is_some() && !is_full_month(&lower)
}

/// Prepositions that put a time expression next: they signal a bare year and a lone month name alike.
const TIME_PREPOSITIONS: &[&str] = &["in", "since", "by", "until", "till", "from", "to", "of", "during", "before", "after"];

/// Further words that introduce a bare year ("fiscal 2011", "summer 2011").
const YEAR_ONLY_SIGNALS: &[&str] = &[
    "for",
    "between",
    "and",
    "early",
    "late",
    "mid",
    "end",
    "around",
    "circa",
    "fiscal",
    "through",
    "throughout",
    "as",
    "or",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "year",
    "than",
    "on",
    "at",
    "within",
    "into",
    "about",
    "cy",
    "fy",
    "the",
];

/// Further words that make a capitalised "May"/"March" likely a month even alone ("last May").
const MONTH_ONLY_SIGNALS: &[&str] = &[
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "through",
    "end",
    "beginning",
    "middle",
    "between",
    "and",
    "or",
    "throughout",
    "each",
    "every",
    "that",
    "on",
    "for",
    "than",
    "as",
];

/// Whether `word` (lower case) introduces a bare year ("in 2011", "since 2011").
pub fn is_year_signal(word: &str) -> bool {
    TIME_PREPOSITIONS.contains(&word) || YEAR_ONLY_SIGNALS.contains(&word)
}

/// Whether `word` (lower case) makes a following "May" or "March" a month.
pub fn is_month_signal(word: &str) -> bool {
    TIME_PREPOSITIONS.contains(&word) || MONTH_ONLY_SIGNALS.contains(&word)
}

/// Words that put a sentence or a clause in the future, for both tense readings (the sentence's and
/// the clause's; each adds a few of its own).
pub fn future_cue(word: &str) -> bool {
    matches!(word, "will" | "shall" | "ll" | "tomorrow" | "scheduled" | "expects")
}

/// Words that put a sentence or a clause in the past, for both tense readings: the irregular past
/// forms news uses most (regular ones end in "-ed", see [`regular_past`]), "ago", "yesterday" and
/// "last".
pub fn past_cue(word: &str) -> bool {
    matches!(word, "was" | "were" | "had" | "did" | "said" | "told" | "came" | "went" | "took" | "made" | "gave" | "began" | "became")
        || matches!(word, "rose" | "fell" | "won" | "lost" | "met" | "saw" | "left" | "got" | "sold" | "paid" | "spent" | "brought")
        || matches!(word, "bought" | "held" | "grew" | "ago" | "yesterday" | "last")
}

/// A regular past form or participle: a word of more than four letters ending in "-ed".
pub fn regular_past(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed")
}

/// Words after an "-ed" word that show it is a verb, not an adjective: articles, prepositions,
/// pronouns and particles ("increased the dividend", not "increased dividend").
pub const VERB_FOLLOWERS: &[&str] = &[
    "the", "a", "an", "on", "in", "at", "to", "by", "for", "from", "with", "that", "its", "his", "her", "their", "this", "last", "and",
    "of", "as", "up", "down", "out", "over", "off", "after", "before", "since", "until", "during", "it", "he", "she", "they", "we", "them",
    "him", "about", "more", "some", "into", "back", "away", "early", "late",
];

/// Nouns after "today's" that make it the present age, which news leaves untagged ("today's world").
pub const PRESENT_AGE_NOUNS: &[&str] = &[
    "world",
    "youth",
    "society",
    "generation",
    "young",
    "children",
    "kids",
    "standards",
    "technology",
    "culture",
    "personal",
    "modern",
    "global",
];

/// Time zones written after a time of day, as written (uppercase).
pub const TIME_ZONES: &[&str] = &["GMT", "BST", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "ET", "CET", "CEST"];

/// Words between "the" and a count that make it a stretch of time: "the past two months", "the first
/// nine months".
pub const SPAN_ADJECTIVES: &[&str] = &["past", "last", "first", "next", "previous", "coming", "following", "latest", "final", "initial"];
