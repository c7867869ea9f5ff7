//! The publication date of a text the person adds, guessed from a dateline near its top.

use citeline_model::date::{DateValue, Granularity};
use citeline_model::document::Published;
use citeline_model::extraction::DATELINE_CHARS;

use crate::{extract, Locale, TimexType, ValueBasis};

/// A publication date stated near the top of the text (a dateline), with where it was found.
pub fn guess_publication_date(text: &str) -> Option<Published> {
    let head: String = text.chars().take(DATELINE_CHARS).collect();
    extract(&head, None, Locale::EnGb).into_iter().filter(|m| m.kind == TimexType::Date && m.resolution == ValueBasis::Stated).find_map(
        |m| {
            let date: DateValue = m.value.parse().ok()?;
            (date.granularity() == Granularity::Day)
                .then(|| Published { date, source: format!("Found near the top of the text: \"{}\".", m.text) })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_gives_the_publication_date() {
        let p = guess_publication_date("LONDON, 4 June 2018 — The Home Secretary said today...").expect("found");
        assert_eq!(p.date.iso(), "2018-06-04");
        assert!(guess_publication_date("No dates here at all.").is_none());
    }
}
