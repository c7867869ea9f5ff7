//! The British-English suite: the cases the extractor must get right, one assertion each.

use chrono::NaiveDate;

use super::*;

fn reference() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2018, 6, 4)
}

/// (span text, type, value) of every mention.
fn found(text: &str) -> Vec<(String, &'static str, String)> {
    extract(text, reference(), Locale::EnGb).into_iter().map(|m| (m.text, m.kind.as_str(), m.value)).collect()
}

fn one(text: &str, span: &str, kind: &str, value: &str) {
    let all = found(text);
    assert!(
        all.iter().any(|(t, k, v)| t == span && *k == kind && v == value),
        "in {text:?} expected {span:?} {kind} {value}, found {all:?}"
    );
}

fn none(text: &str) {
    let all = found(text);
    assert!(all.is_empty(), "in {text:?} expected nothing, found {all:?}");
}

#[test]
fn full_dates_in_every_order() {
    one("The strategy was published on 4 June 2018.", "4 June 2018", "DATE", "2018-06-04");
    one("It was published on June 4, 2018 in London.", "June 4, 2018", "DATE", "2018-06-04");
    one("Published 4th June 2018.", "4th June 2018", "DATE", "2018-06-04");
    one("Released 2018-06-04 at noon.", "2018-06-04", "DATE", "2018-06-04");
    one("It met on the 4th of June 2018.", "4th of June 2018", "DATE", "2018-06-04");
    one("On Monday, 4 June 2018 the Home Secretary spoke.", "Monday, 4 June 2018", "DATE", "2018-06-04");
    one("It was released on 4th June.", "4th June", "DATE", "2018-06-04");
    one("Sept. 30, 1989 was the end of the quarter.", "Sept. 30, 1989", "DATE", "1989-09-30");
}

#[test]
fn slash_dates_follow_the_locale_and_a_part_over_twelve_decides() {
    one("Dated 04/06/2018.", "04/06/2018", "DATE", "2018-06-04");
    one("Dated 25/12/2017.", "25/12/2017", "DATE", "2017-12-25");
    one("Dated 12/25/2017.", "12/25/2017", "DATE", "2017-12-25");
    let us = extract("Dated 04/06/2018.", reference(), Locale::EnUs);
    assert_eq!(us[0].value, "2018-04-06");
    none("Add 1/2 a cup.");
    none("Version 10.2.3.4 is out.");
}

#[test]
fn weekday_day_month_without_a_year_is_checked_against_the_calendar() {
    // 8 June is a Friday in 2018.
    let m = extract("The Home Secretary will travel on Friday 8 June.", reference(), Locale::EnGb);
    assert_eq!(m[0].text, "Friday 8 June");
    assert_eq!(m[0].value, "2018-06-08");
    assert_eq!(m[0].resolution, ValueBasis::WeekdayChecked);
    // 8 June was a Thursday in 2017 — the year follows the weekday.
    one("The review opened on Thursday 8 June.", "Thursday 8 June", "DATE", "2017-06-08");
}

#[test]
fn bare_years_with_signals() {
    one("Since the last strategy was published in 2011 the threat has grown.", "2011", "DATE", "2011");
    one("Since 2011, things changed.", "2011", "DATE", "2011");
    one("The 2017 attacks killed 36 people.", "2017", "DATE", "2017");
    none("There were 2017 people in the hall at the time they counted");
    none("It cost $2011 in all.");
}

#[test]
fn months_and_seasons_resolved_by_tense() {
    one("The report was published in July.", "July", "DATE", "2017-07");
    one("The report will be published in July.", "July", "DATE", "2018-07");
    one("It happened last June.", "last June", "DATE", "2017-06");
    one("Talks begin next March.", "next March", "DATE", "2019-03");
    one("The summer of 2012 was wet.", "summer of 2012", "DATE", "2012-SU");
    one("We met in the autumn.", "autumn", "DATE", "2017-FA");
    one("Results for January 2018 are in.", "January 2018", "DATE", "2018-01");
    one("Sales fell last fall.", "last fall", "DATE", "2017-FA");
}

#[test]
fn false_friends_are_left_alone() {
    none("You may march on if you like.");
    none("May I ask a question?");
    none("They sat down and waited.");
    none("He will march to the sea.");
    none("Theresa May spoke to reporters.");
    one("The election was held in May.", "May", "DATE", "2018-05");
    one("It closed on 3 May.", "3 May", "DATE", "2018-05-03");
}

#[test]
fn deictic_expressions_against_the_reference_date() {
    one("The strategy is published today.", "today", "DATE", "2018-06-04");
    one("He spoke yesterday.", "yesterday", "DATE", "2018-06-03");
    one("She will speak tomorrow.", "tomorrow", "DATE", "2018-06-05");
    one("Prices rose last year.", "last year", "DATE", "2017");
    one("Talks resume next week.", "next week", "DATE", "2018-W24");
    one("Sales this month are up.", "this month", "DATE", "2018-06");
    one("The threat is greater now than ever.", "now", "DATE", "PRESENT_REF");
    one("It met last week.", "last week", "DATE", "2018-W22");
    one("It rose this year.", "this year", "DATE", "2018");
    one("They met on Friday.", "Friday", "DATE", "2018-06-01");
    one("They will meet on Friday.", "Friday", "DATE", "2018-06-08");
}

#[test]
fn anaphora_against_the_last_mentioned_date() {
    one("The bill passed on 4 March 2015. The following day it was signed.", "The following day", "DATE", "2015-03-05");
    one("The bill passed in 2015. That year, prices rose.", "That year", "DATE", "2015");
    one("Talks began on 4 March 2015 and ended three days later.", "three days later", "DATE", "2015-03-07");
}

#[test]
fn quarters_decades_centuries() {
    one("Profit in the third quarter of 1989 fell.", "the third quarter of 1989", "DATE", "1989-Q3");
    one("Results for Q1 2013 are out.", "Q1 2013", "DATE", "2013-Q1");
    one("Third-quarter profit fell.", "Third-quarter", "DATE", "2018-Q3");
    one("Music of the 1990s returns.", "1990s", "DATE", "199");
    one("Music of the '80s returns.", "'80s", "DATE", "198");
    one("It began in the 20th century.", "the 20th century", "DATE", "19");
    one("It rose in early 2018.", "early 2018", "DATE", "2018");
    let m = extract("It rose in early 2018.", reference(), Locale::EnGb);
    assert_eq!(m[0].modifier, Some(Modifier::Start));
    one("By the end of 2019 it will be done.", "the end of 2019", "DATE", "2019");
}

#[test]
fn times_of_day() {
    one("The speech began at 3 p.m. on Monday.", "3 p.m.", "TIME", "2018-06-04T15:00");
    one("Doors open at 10:30 BST.", "10:30 BST", "TIME", "2018-06-04T10:30");
    one("Doors open at 14:00 GMT.", "14:00 GMT", "TIME", "2018-06-04T14:00");
    one("Lunch at noon.", "noon", "TIME", "2018-06-04T12:00");
    one("It happened this morning.", "this morning", "TIME", "2018-06-04TMO");
}

#[test]
fn durations_apart_from_dates() {
    one("Over the last year the threat grew.", "the last year", "DURATION", "P1Y");
    one("He served for three years.", "three years", "DURATION", "P3Y");
    one("A two-year review.", "two-year", "DURATION", "P2Y");
    one("In the last twenty four hours markets fell.", "the last twenty four hours", "DURATION", "PT24H");
    one("It happened two years ago.", "two years ago", "DATE", "2016");
    one("It lasted about three weeks.", "about three weeks", "DURATION", "P3W");
    one("For years it was ignored.", "years", "DURATION", "PXY");
}

#[test]
fn sets() {
    one("The paper is published daily.", "daily", "SET", "P1D");
    one("They meet every Monday.", "every Monday", "SET", "XXXX-WXX-1");
}

#[test]
fn spans_are_chars_and_match_the_text() {
    let text = "Le 4 June 2018 — “today’s” strategy, 8 June.";
    for m in extract(text, reference(), Locale::EnGb) {
        let span: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(span, m.text);
    }
}

#[test]
fn without_a_reference_relative_values_stay_open() {
    let m = extract("It happened on 8 June.", None, Locale::EnGb);
    assert_eq!(m[0].value, "XXXX-06-08");
    let m = extract("It happened today.", None, Locale::EnGb);
    assert_eq!(m[0].value, "PRESENT_REF");
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_are_in_bounds(text in "\\PC{0,200}", y in 1i32..9999, d in 0u32..400) {
        let reference = NaiveDate::from_yo_opt(y, d.max(1) % 365 + 1);
        for m in extract(&text, reference, Locale::EnGb) {
            proptest::prop_assert!(m.start < m.end && m.end <= text.chars().count());
        }
    }

    #[test]
    fn never_panics_on_date_like_noise(text in "([0-9]{1,5}|[/.:,' -]|May|June|Friday|the|last|next|ago|years?|quarter|Q|p\\.m\\.| ){0,40}") {
        let _ = extract(&text, NaiveDate::from_ymd_opt(2018, 6, 4), Locale::EnGb);
        let _ = extract(&text, None, Locale::EnUs);
    }
}

/// News conventions (TimeBank), with invented sentences.
mod news {
    use super::*;

    fn at(text: &str, y: i32, m: u32, d: u32) -> Vec<(String, &'static str, String)> {
        extract(text, NaiveDate::from_ymd_opt(y, m, d), Locale::EnUs).into_iter().map(|m| (m.text, m.kind.as_str(), m.value)).collect()
    }

    fn has(all: &[(String, &'static str, String)], span: &str, kind: &str, value: &str) {
        assert!(all.iter().any(|(t, k, v)| t == span && *k == kind && v == value), "expected {span:?} {kind} {value}, found {all:?}");
    }

    #[test]
    fn a_date_without_a_year_and_no_verb_next_to_it_is_the_nearest() {
        // Reference Thursday 2 November 1989.
        let all = at("The board declared a dividend payable Dec. 15 to holders of record Nov. 20, the company said.", 1989, 11, 2);
        has(&all, "Dec. 15", "DATE", "1989-12-15");
        has(&all, "Nov. 20", "DATE", "1989-11-20");
        let all = at("The fund said the payment, payable Jan. 3, would be its last.", 1989, 12, 20);
        has(&all, "Jan. 3", "DATE", "1990-01-03");
    }

    #[test]
    fn a_weekday_in_a_report_is_the_last_one_unless_a_verb_points_ahead() {
        // Reference Wednesday 15 August 1990.
        let all = at("Officials said on Friday that the ship would sail.", 1990, 8, 15);
        has(&all, "Friday", "DATE", "1990-08-10");
        let all = at("The council said it will vote on Friday.", 1990, 8, 15);
        has(&all, "Friday", "DATE", "1990-08-17");
    }

    #[test]
    fn quarters_without_a_year_and_the_year_before_do_not_drift() {
        // Reference 2 November 1989.
        let text = "Third-quarter profit rose 5%. A year earlier, the company earned less. \
                    In the third quarter, sales grew, compared with a year ago. The latest quarter was strong.";
        let all = at(text, 1989, 11, 2);
        has(&all, "Third-quarter", "DATE", "1989-Q3");
        has(&all, "A year earlier", "DATE", "1988-Q3");
        has(&all, "the third quarter", "DATE", "1989-Q3");
        has(&all, "a year ago", "DATE", "1988-Q3");
        has(&all, "The latest quarter", "DATE", "1989-Q3");
        // Fourth-quarter results reported in January are last year's.
        let all = at("Fourth-quarter earnings fell sharply.", 1990, 1, 15);
        has(&all, "Fourth-quarter", "DATE", "1989-Q4");
    }

    #[test]
    fn spans_follow_news_conventions() {
        let all = at("Unions called the two-week strike after the third-quarter loss.", 1989, 11, 2);
        has(&all, "two-week", "DURATION", "P2W");
        has(&all, "third-quarter", "DATE", "1989-Q3");
        let all = at("Prices have doubled in recent years.", 1989, 11, 2);
        has(&all, "recent years", "DURATION", "PXY");
        // A length of time before an event is a duration; at the end of a clause it is a date.
        let all = at("She returned twenty years after the flood.", 1989, 11, 2);
        has(&all, "twenty years", "DURATION", "P20Y");
        let all = at("The plant opened on 3 March 1980 and closed two years after.", 1989, 11, 2);
        has(&all, "two years after", "DATE", "1982");
    }

    #[test]
    fn report_words_are_not_times() {
        assert!(at("The company pays a quarterly dividend and will report soon.", 1989, 11, 2).is_empty());
    }

    #[test]
    fn qualified_quarters_and_times_with_their_day() {
        // Reference Thursday 2 November 1989.
        let text = "Earnings for this year's third quarter beat the year-ago third quarter, and analysts see gains in next year's first quarter.                     Revenue in fiscal 1988 was flat, while the 1988 period was weaker.";
        let all = at(text, 1989, 11, 2);
        has(&all, "this year's third quarter", "DATE", "1989-Q3");
        has(&all, "the year-ago third quarter", "DATE", "1988-Q3");
        has(&all, "next year's first quarter", "DATE", "1990-Q1");
        has(&all, "fiscal 1988", "DATE", "1988");
        let all = at("The offer expires at 5 p.m. EST Nov. 9; the vote was held at noon Tuesday.", 1989, 11, 2);
        has(&all, "5 p.m. EST Nov. 9", "TIME", "1989-11-09T17:00");
        has(&all, "noon Tuesday", "TIME", "1989-10-31T12:00");
    }

    #[test]
    fn last_with_a_day_reads_the_day_in_the_past() {
        let all = at("The shop burned down last Oct. 23 at night.", 1990, 5, 5);
        has(&all, "Oct. 23", "DATE", "1989-10-23");
    }

    #[test]
    fn the_weekend_and_soon_as_a_day() {
        // Reference Wednesday 15 August 1990 (ISO week 33).
        let all = at("Rebels seized the town over the weekend.", 1990, 8, 15);
        has(&all, "the weekend", "DATE", "1990-W32-WE");
        let all = at("The envoy could arrive as soon as Tuesday, aides said.", 1990, 8, 15);
        has(&all, "Tuesday", "DATE", "1990-08-21");
    }

    #[test]
    fn years_in_words_and_adjectival_participles() {
        let all = at("In nineteen ninety-one the mill closed, and by the year two thousand it was a museum.", 1998, 1, 15);
        has(&all, "nineteen ninety-one", "DATE", "1991");
        has(&all, "the year two thousand", "DATE", "2000");
        assert!(!at("The temple stood for two thousand years.", 1998, 1, 15).iter().any(|(_, k, _)| *k == "DATE"));
        // "preferred shares" is no past verb: the redemption date is the coming one.
        let all = at("The bank will redeem its preferred shares on Oct. 31 at par.", 1989, 10, 27);
        has(&all, "Oct. 31", "DATE", "1989-10-31");
    }

    #[test]
    fn holidays_and_months_with_a_relative_year() {
        // Reference Monday 3 January 2000.
        let all = at("Shoppers crowded the malls after Thanksgiving Day, and again last Christmas Eve.", 2000, 1, 3);
        has(&all, "Thanksgiving Day", "DATE", "1999-11-25");
        has(&all, "last Christmas Eve", "DATE", "1999-12-24");
        let all = at("The plant reopened in June last year and expanded in January this year.", 2000, 1, 3);
        has(&all, "June last year", "DATE", "1999-06");
        has(&all, "January this year", "DATE", "2000-01");
        let all = at("Net fell, compared with a year-earlier profit.", 1989, 11, 2);
        has(&all, "year-earlier", "DATE", "1988");
        assert_eq!(found("Theresa May last year said little."), vec![("last year".to_owned(), "DATE", "2017".to_owned())]);
    }

    #[test]
    fn durations_in_halves_decades_and_more() {
        let all = at("The ferry took 3 1/2 hours, then the team waited two and a half years and a year and a half.", 1997, 3, 1);
        has(&all, "3 1/2 hours", "DURATION", "PT3H30M");
        has(&all, "two and a half years", "DURATION", "P2Y6M");
        has(&all, "a year and a half", "DURATION", "P1Y6M");
        let all = at("The dam held for three decades and the abbey stood for centuries.", 1997, 3, 1);
        has(&all, "three decades", "DURATION", "P30Y");
        has(&all, "centuries", "DURATION", "PXC");
        let all =
            at("The crowd fell silent for one minute; the jury stays out for two more weeks after a third day-long hearing.", 1997, 3, 1);
        has(&all, "one minute", "DURATION", "PT1M");
        has(&all, "two more weeks", "DURATION", "P2W");
        has(&all, "day-long", "DURATION", "P1D");
        let all = at("The rescue took over an hour.", 1997, 3, 1);
        has(&all, "over an hour", "DURATION", "PT1H");
    }

    #[test]
    fn ages_and_fractions_are_not_durations() {
        assert!(at("The pilot, 41 years old, landed safely.", 1997, 3, 1).is_empty());
        assert!(at("About three-quarters of the members voted yes.", 1997, 3, 1).is_empty());
        assert!(at("He sold a quarter of the shares.", 1997, 3, 1).is_empty());
    }

    #[test]
    fn many_weeks_ago_is_a_week() {
        // Reference Saturday 1 March 1997 (ISO week 9).
        let all = at("The mayor resigned six weeks ago.", 1997, 3, 1);
        has(&all, "six weeks ago", "DATE", "1997-W03");
        let all = at("The mayor resigned two weeks ago.", 1997, 3, 1);
        has(&all, "two weeks ago", "DATE", "1997-02-15");
    }

    #[test]
    fn the_past_year_the_last_week_and_current() {
        // Reference Saturday 1 March 1997 (ISO week 9).
        let all = at("Membership doubled over the past year, and in the last week alone it rose by half.", 1997, 3, 1);
        has(&all, "the past year", "DATE", "1996");
        has(&all, "the last week", "DATE", "1997-W09");
        let all = at("Its current owner bought the mill from the estate.", 1997, 3, 1);
        has(&all, "current", "DATE", "PRESENT_REF");
        assert!(at("The current account deficit widened.", 1997, 3, 1).is_empty());
        assert!(at("The club showed High Noon to a full hall.", 1997, 3, 1).is_empty());
    }

    #[test]
    fn a_weekday_night_is_valued_as_the_day() {
        // Reference Saturday 1 March 1997.
        let all = at("Fans celebrated Friday night and the team flies home tonight.", 1997, 3, 1);
        has(&all, "Friday night", "DATE", "1997-02-28");
        has(&all, "tonight", "DATE", "1997-03-01");
        let all = at("Fans celebrated Friday morning.", 1997, 3, 1);
        has(&all, "Friday morning", "DATE", "1997-02-28TMO");
    }

    #[test]
    fn week_of_a_day_second_days_and_the_next_morning() {
        // Reference Saturday 1 March 1997.
        let all = at("The hearings resume the week of March 10, and the summit meets on April 24 and 25.", 1997, 3, 1);
        has(&all, "the week of March 10", "DATE", "1997-W11");
        has(&all, "25", "DATE", "1997-04-25");
        assert!(!at("On April 24 and 25 percent of voters stayed home.", 1997, 3, 1).iter().any(|(t, _, _)| t == "25"));
        let all = at("He was arrested on Feb. 3 and freed the next morning. The March deadline passed.", 1997, 3, 1);
        has(&all, "the next morning", "DATE", "1997-02-04");
        has(&all, "March", "DATE", "1997-03");
    }

    #[test]
    fn easter_election_day_and_years_after_prefixes_and_articles() {
        // Reference Monday 17 March 1997; Easter Sunday 1997 is 30 March.
        let all = at("Pilgrims will arrive for Easter, and the shops close in Easter week.", 1997, 3, 17);
        has(&all, "Easter", "DATE", "1997-03-30");
        has(&all, "Easter week", "DATE", "1997-W13");
        let all = at("The campaign will run until Election Day.", 1998, 9, 1);
        has(&all, "Election Day", "DATE", "1998-11-03");
        let all = at("The post-1989 reforms rest on a 1991 law.", 1997, 3, 17);
        has(&all, "1989", "DATE", "1989");
        has(&all, "1991", "DATE", "1991");
        assert!(at("They built a 1500 seat arena.", 1997, 3, 17).is_empty());
    }

    #[test]
    fn the_day_before_a_clause() {
        let all = at("The fund was closed on Oct. 12, the day before the crash.", 1989, 11, 1);
        has(&all, "the day", "DATE", "1989-10-12");
        let all = at("He was seen on Oct. 12 and left later in the day before anyone woke.", 1989, 11, 1);
        assert!(!all.iter().any(|(t, _, _)| t.starts_with("the day")), "{all:?}");
    }

    #[test]
    fn figures_of_speech_are_not_dates() {
        assert!(at("Guards watch the gate 24 hours a day.", 1997, 3, 1).is_empty());
        assert!(at("In today's world few people write letters.", 1997, 3, 1).is_empty());
        let all = at("Today's vote was close.", 1997, 3, 1);
        has(&all, "Today", "DATE", "1997-03-01");
        let all = at("The talks lasted 24 hours.", 1997, 3, 1);
        has(&all, "24 hours", "DURATION", "PT24H");
    }

    #[test]
    fn quarters_a_year_back_and_the_last_half() {
        // Reference Thursday 2 November 1989.
        let all = at("The mill earned $4 million in the third quarter. For the quarter a year ago it lost $1 million.", 1989, 11, 2);
        has(&all, "the quarter a year ago", "DATE", "1988-Q3");
        let all =
            at("The mill earned $4 million in the third quarter, against $2 million in the corresponding period last year.", 1989, 11, 2);
        has(&all, "the corresponding period last year", "DATE", "1988-Q3");
        let all = at("Exports for last year's quarter were flat.", 1989, 11, 2);
        has(&all, "last year's quarter", "DATE", "1988-Q3");
        let all = at("Margins will narrow in the last half of 1990.", 1989, 11, 2);
        has(&all, "the last half of 1990", "DATE", "1990-H2");
    }

    #[test]
    fn titles_and_stretches_are_not_lengths() {
        assert!(at("She told CBS's 60 Minutes that she would stay.", 1997, 3, 1).is_empty());
        assert!(at("After a weekend of talks the strike ended.", 1997, 3, 1).is_empty());
        let all = at("The strike lasted 60 minutes.", 1997, 3, 1);
        has(&all, "60 minutes", "DURATION", "PT60M");
    }

    #[test]
    fn hours_later_keep_their_length() {
        let all = at("Just over an hour later, the fire was out.", 1997, 3, 1);
        has(&all, "over an hour", "DURATION", "PT1H");
    }

    #[test]
    fn recent_weeks_and_months_is_the_recent_past() {
        let all = at("Buyers have pulled back in recent weeks and months.", 1997, 3, 1);
        has(&all, "recent weeks and months", "DATE", "PAST_REF");
    }

    #[test]
    fn a_quoted_title_is_no_week() {
        assert!(at("The senator, speaking on \"This Week,\" said little.", 1997, 3, 1).is_empty());
        let all = at("The senator spoke this week.", 1997, 3, 1);
        has(&all, "this week", "DATE", "1997-W09");
    }
}
