//! The reader's language: which of the interface's translations to use (from `lang=`, TimelineJS3's
//! `language`, or the browser's languages), whether it is written right to left, and the
//! interface's words in it. A word with no translation falls back to English, never to blank.
//!
//! Dates and numbers are not here: the page formats them with the browser's `Intl` in the reader's
//! locale (every locale the browser knows, with no locale data in the wasm); English keeps the
//! view crate's own wording.

mod translations;

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the interface's own words).
    #[default]
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// German.
    De,
    /// Italian.
    It,
    /// Portuguese.
    Pt,
    /// Dutch.
    Nl,
    /// Polish.
    Pl,
    /// Arabic (right to left).
    Ar,
    /// Hebrew (right to left).
    He,
    /// Japanese.
    Ja,
    /// Chinese (simplified).
    Zh,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 12] =
        [Lang::En, Lang::Es, Lang::Fr, Lang::De, Lang::It, Lang::Pt, Lang::Nl, Lang::Pl, Lang::Ar, Lang::He, Lang::Ja, Lang::Zh];

    /// Its primary language subtag (BCP 47).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::It => "it",
            Lang::Pt => "pt",
            Lang::Nl => "nl",
            Lang::Pl => "pl",
            Lang::Ar => "ar",
            Lang::He => "he",
            Lang::Ja => "ja",
            Lang::Zh => "zh",
        }
    }

    /// Whether it is written right to left (the page is mirrored).
    pub fn rtl(self) -> bool {
        matches!(self, Lang::Ar | Lang::He)
    }

    /// The translation for a language tag (`fr-CA`, `pt_BR`, `iw`, `EN`), by its primary subtag.
    pub fn of_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        let primary = match primary.as_str() {
            "iw" => "he",
            other => other,
        };
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of `tags` (in the reader's order of preference) that has a translation, else English.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter().find_map(Lang::of_tag).unwrap_or_default()
    }
}

/// The locale dates and numbers are formatted in: the tag asked for when it names a language
/// (`fr-CA` keeps its region; the browser's `Intl` knows it), else the interface's language.
pub fn locale_tag(asked: Option<&str>, lang: Lang) -> String {
    asked
        .map(str::trim)
        .filter(|t| !t.is_empty() && t.len() <= 35 && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(|t| t.replace('_', "-"))
        .unwrap_or_else(|| lang.code().to_owned())
}

/// A word or phrase of the interface. `{}` in a phrase is filled in order by [`fill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    /// The timeline section's name.
    Timeline,
    /// The toolbar's name.
    ZoomAndPan,
    /// A toolbar button.
    ZoomOut,
    /// A toolbar button.
    ZoomIn,
    /// A toolbar button (pan to earlier times).
    Earlier,
    /// A toolbar button (pan to later times).
    Later,
    /// A toolbar button (show everything).
    FitAll,
    /// The window's dates: "Showing {dates}".
    Showing,
    /// The window's dates: "{start} to {end}".
    DateToDate,
    /// How to use the timeline with a mouse or keyboard.
    HintPointer,
    /// How to use the timeline by touch.
    HintTouch,
    /// The tracks menu's name.
    Tracks,
    /// Tracks menu: one row.
    NoTracks,
    /// Tracks menu: a row per group.
    TracksByGroup,
    /// Tracks menu: a row per source document.
    TracksBySource,
    /// The legend's name.
    TracksShown,
    /// The legend's button that shows every hidden track.
    ShowAllTracks,
    /// A track's name for screen readers: "Track {label}".
    TrackNamed,
    /// "{n} of {total}".
    OfCount,
    /// A cluster's title: "{n} events".
    EventsCount,
    /// The search box's placeholder and name.
    SearchPlaceholder,
    /// The filters' summary.
    Filters,
    /// The filters' summary when some are on.
    FiltersOn,
    /// Filter: document.
    Document,
    /// Filter: every document.
    AllDocuments,
    /// Filter: publisher.
    Publisher,
    /// Filter: every publisher.
    AllPublishers,
    /// Filter: how precisely the date is known.
    DateKnown,
    /// Filter: any precision.
    AnyPrecision,
    /// The search found nothing.
    NoEventMatches,
    /// "1 of {total} events matches".
    OneEventMatches,
    /// "{n} of {total} events match".
    EventsMatch,
    /// The places in the documents' texts that the search found.
    InTheSources,
    /// The detail panel's name.
    EventDetails,
    /// The detail panel with nothing selected.
    DetailIntro,
    /// The title card's link: "Start with the first event: ".
    StartWithFirst,
    /// Story button.
    Previous,
    /// Story button.
    Next,
    /// Story button's title: "Previous: {title} (P)".
    PreviousTitle,
    /// Story button's title: "Next: {title} (N)".
    NextTitle,
    /// The story's place: "{n} of {total}".
    StoryPosition,
    /// Detail: the date.
    Date,
    /// Detail: the date's precision.
    Precision,
    /// Detail: how sure the date is.
    HowSure,
    /// Detail: how the date was worked out.
    HowDetermined,
    /// "Evidence (1 passage)".
    EvidenceOne,
    /// "Evidence ({n} passages)".
    EvidenceMany,
    /// "Evidence ({n} passages from {m} sources)": one event that several documents report.
    EvidenceSources,
    /// A passage's button that opens its document.
    ShowInSource,
    /// Its accessible name: "Show in source: {document}".
    ShowInSourceOf,
    /// The share button.
    ShareExport,
    /// The overview strip's name: "Overview of the whole timeline, {n} events: showing {dates}".
    OverviewOf,
    /// The track of events with no group.
    OtherEvents,
    /// The track of events with no source document.
    NoSourceDocument,
    /// The line under the title.
    Lede,
    /// How precisely the date is known.
    KnownCentury,
    /// How precisely the date is known.
    KnownDecade,
    /// How precisely the date is known.
    KnownYear,
    /// How precisely the date is known.
    KnownMonth,
    /// How precisely the date is known.
    KnownDay,
    /// How precisely the date is known.
    KnownMinute,
    /// How the date was worked out: the text says it.
    BasisStated,
    /// How the date was worked out: from \"today\", \"last year\"… and the publication date.
    BasisResolved,
    /// How the date was worked out.
    BasisPublication,
    /// What a passage supports (a badge).
    SupportsDate,
    /// What a passage supports (a badge).
    SupportsDescription,
    /// The search region's name.
    SearchTheTimeline,
    /// The story buttons' name.
    StepThrough,
    /// The detail panel's close button.
    CloseDetails,
    /// A list of a cluster's events that share a start: "{n} events that start {date}".
    EventsThatStart,
    /// That list's close button.
    CloseTheList,
    /// That list's button: "Show more ({n} not shown)".
    ShowMoreNotShown,
    /// The event list's heading with one event.
    OneEventInTimeOrder,
    /// The event list's heading: "{n} events, in time order".
    EventsInTimeOrder,
    /// The event list's button: "Show the next {n} events ({shown} of {total} listed)".
    ShowNextEvents,
}

impl Msg {
    /// Every message.
    pub const ALL: [Msg; 75] = [
        Msg::Timeline,
        Msg::ZoomAndPan,
        Msg::ZoomOut,
        Msg::ZoomIn,
        Msg::Earlier,
        Msg::Later,
        Msg::FitAll,
        Msg::Showing,
        Msg::DateToDate,
        Msg::HintPointer,
        Msg::HintTouch,
        Msg::Tracks,
        Msg::NoTracks,
        Msg::TracksByGroup,
        Msg::TracksBySource,
        Msg::TracksShown,
        Msg::ShowAllTracks,
        Msg::TrackNamed,
        Msg::OfCount,
        Msg::EventsCount,
        Msg::SearchPlaceholder,
        Msg::Filters,
        Msg::FiltersOn,
        Msg::Document,
        Msg::AllDocuments,
        Msg::Publisher,
        Msg::AllPublishers,
        Msg::DateKnown,
        Msg::AnyPrecision,
        Msg::NoEventMatches,
        Msg::OneEventMatches,
        Msg::EventsMatch,
        Msg::InTheSources,
        Msg::EventDetails,
        Msg::DetailIntro,
        Msg::StartWithFirst,
        Msg::Previous,
        Msg::Next,
        Msg::PreviousTitle,
        Msg::NextTitle,
        Msg::StoryPosition,
        Msg::Date,
        Msg::Precision,
        Msg::HowSure,
        Msg::HowDetermined,
        Msg::EvidenceOne,
        Msg::EvidenceMany,
        Msg::EvidenceSources,
        Msg::ShowInSource,
        Msg::ShowInSourceOf,
        Msg::ShareExport,
        Msg::OverviewOf,
        Msg::OtherEvents,
        Msg::NoSourceDocument,
        Msg::Lede,
        Msg::KnownCentury,
        Msg::KnownDecade,
        Msg::KnownYear,
        Msg::KnownMonth,
        Msg::KnownDay,
        Msg::KnownMinute,
        Msg::BasisStated,
        Msg::BasisResolved,
        Msg::BasisPublication,
        Msg::SupportsDate,
        Msg::SupportsDescription,
        Msg::SearchTheTimeline,
        Msg::StepThrough,
        Msg::CloseDetails,
        Msg::EventsThatStart,
        Msg::CloseTheList,
        Msg::ShowMoreNotShown,
        Msg::OneEventInTimeOrder,
        Msg::EventsInTimeOrder,
        Msg::ShowNextEvents,
    ];

    /// The interface's own (English) words.
    pub fn english(self) -> &'static str {
        match self {
            Msg::Timeline => "Timeline",
            Msg::ZoomAndPan => "Zoom and pan",
            Msg::ZoomOut => "Zoom out",
            Msg::ZoomIn => "Zoom in",
            Msg::Earlier => "Earlier",
            Msg::Later => "Later",
            Msg::FitAll => "Fit all",
            Msg::Showing => "Showing {}",
            Msg::DateToDate => "{} to {}",
            Msg::HintPointer => "Scroll to zoom, drag to pan. Keys: + and − zoom, arrows pan, Home fits all, Tab moves between events.",
            Msg::HintTouch => "Pinch to zoom, drag to pan, tap an event for its evidence.",
            Msg::Tracks => "Tracks",
            Msg::NoTracks => "No tracks",
            Msg::TracksByGroup => "Tracks by group",
            Msg::TracksBySource => "Tracks by source",
            Msg::TracksShown => "Tracks shown",
            Msg::ShowAllTracks => "Show all tracks",
            Msg::TrackNamed => "Track {}",
            Msg::OfCount => "{} of {}",
            Msg::EventsCount => "{} events",
            Msg::SearchPlaceholder => "Search events and sources",
            Msg::Filters => "Filters",
            Msg::FiltersOn => "Filters (on)",
            Msg::Document => "Document",
            Msg::AllDocuments => "All documents",
            Msg::Publisher => "Publisher",
            Msg::AllPublishers => "All publishers",
            Msg::DateKnown => "Date known",
            Msg::AnyPrecision => "Any precision",
            Msg::NoEventMatches => "No event matches",
            Msg::OneEventMatches => "1 of {} events matches",
            Msg::EventsMatch => "{} of {} events match",
            Msg::InTheSources => "In the sources",
            Msg::EventDetails => "Event details",
            Msg::DetailIntro => {
                "Select an event on the timeline to see its date, how that date was worked out, and the passages that support it."
            }
            Msg::StartWithFirst => "Start with the first event: ",
            Msg::Previous => "‹ Previous",
            Msg::Next => "Next ›",
            Msg::PreviousTitle => "Previous: {} (P)",
            Msg::NextTitle => "Next: {} (N)",
            Msg::StoryPosition => "{} of {}",
            Msg::Date => "Date",
            Msg::Precision => "Precision",
            Msg::HowSure => "How sure",
            Msg::HowDetermined => "How it was determined",
            Msg::EvidenceOne => "Evidence (1 passage)",
            Msg::EvidenceMany => "Evidence ({} passages)",
            Msg::EvidenceSources => "Evidence ({} passages from {} sources)",
            Msg::ShowInSource => "Show in source",
            Msg::ShowInSourceOf => "Show in source: {}",
            Msg::ShareExport => "Share / export",
            Msg::OverviewOf => "Overview of the whole timeline, {} events: showing {}",
            Msg::OtherEvents => "Other events",
            Msg::NoSourceDocument => "No source document",
            Msg::Lede => "Every event carries its evidence: select one to read the passages that date and describe it.",
            Msg::KnownCentury => "Known to the century",
            Msg::KnownDecade => "Known to the decade",
            Msg::KnownYear => "Known to the year",
            Msg::KnownMonth => "Known to the month",
            Msg::KnownDay => "Known to the day",
            Msg::KnownMinute => "Known to the minute",
            Msg::BasisStated => "Stated in the text",
            Msg::BasisResolved => "Worked out from a relative date",
            Msg::BasisPublication => "Taken from the publication date",
            Msg::SupportsDate => "gives the date",
            Msg::SupportsDescription => "describes the event",
            Msg::SearchTheTimeline => "Search the timeline",
            Msg::StepThrough => "Step through the events",
            Msg::CloseDetails => "Close details",
            Msg::EventsThatStart => "{} events that start {}",
            Msg::CloseTheList => "Close the list",
            Msg::ShowMoreNotShown => "Show more ({} not shown)",
            Msg::OneEventInTimeOrder => "1 event, in time order",
            Msg::EventsInTimeOrder => "{} events, in time order",
            Msg::ShowNextEvents => "Show the next {} events ({} of {} listed)",
        }
    }
}

/// `msg` in `lang`, or in English where it has no translation.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    translations::catalogue(lang).iter().find(|(m, _)| *m == msg).map_or_else(|| msg.english(), |(_, text)| text)
}

/// `template` with each `{}` replaced by the next of `args` (a `{}` with no argument left stays).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        match args.next() {
            Some(arg) => out.push_str(arg),
            None => out.push_str("{}"),
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_finds_its_translation_by_its_language_and_the_first_known_one_wins() {
        assert_eq!(Lang::of_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::of_tag("pt_BR"), Some(Lang::Pt));
        assert_eq!(Lang::of_tag("iw"), Some(Lang::He), "Hebrew's old code");
        assert_eq!(Lang::of_tag("AR"), Some(Lang::Ar));
        assert_eq!(Lang::of_tag("tlh"), None);
        assert_eq!(Lang::negotiate(["tlh", "de-AT", "fr"]), Lang::De);
        assert_eq!(Lang::negotiate(["tlh"]), Lang::En);
        assert!(Lang::Ar.rtl() && Lang::He.rtl() && !Lang::Fr.rtl());
        assert_eq!(locale_tag(Some("fr_CA"), Lang::Fr), "fr-CA");
        assert_eq!(locale_tag(Some("x\"><script>"), Lang::De), "de", "anything else is not a tag");
        assert_eq!(locale_tag(None, Lang::Ja), "ja");
    }

    #[test]
    fn every_translation_keeps_the_placeholders_and_is_never_blank() {
        for lang in Lang::ALL {
            for msg in Msg::ALL {
                let text = tr(lang, msg);
                assert!(!text.trim().is_empty(), "{lang:?} {msg:?} is blank");
                assert_eq!(text.matches("{}").count(), msg.english().matches("{}").count(), "{lang:?} {msg:?}: {text}");
            }
        }
    }

    #[test]
    fn ten_languages_or_more_translate_most_of_the_interface_and_a_missing_word_is_english() {
        let translated = |lang: Lang| Msg::ALL.iter().filter(|&&m| tr(lang, m) != m.english()).count();
        let full: Vec<Lang> = Lang::ALL.into_iter().filter(|&l| l != Lang::En && translated(l) * 10 >= Msg::ALL.len() * 9).collect();
        assert!(full.len() >= 10, "translated: {full:?}");
        assert!(full.contains(&Lang::Ar) || full.contains(&Lang::He), "one written right to left");
        assert_eq!(tr(Lang::En, Msg::FitAll), "Fit all");
        assert_eq!(fill(tr(Lang::En, Msg::EventsMatch), &["3", "6"]), "3 of 6 events match");
        assert_eq!(fill("{} and {}", &["a"]), "a and {}");
    }
}
