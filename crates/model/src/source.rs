//! Where a document lives on the web, and links that open a passage there: a URL with a text
//! fragment (`#:~:text=prefix-,start,end,-suffix`, as the URL Fragment Text Directives spec
//! writes it), so a reader checks the quote at its source with the words marked by the browser.
//!
//! Only `http(s)` addresses become links; anything else a file gives is shown as text.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::anchor::TextQuoteSelector;

/// Everything but the spec's explicitly allowed characters is percent-encoded, among them the
/// directive's own syntax (`-`, `,`, `&`) and anything that is not ASCII.
const TEXT_DIRECTIVE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'$')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b'.')
    .remove(b'/')
    .remove(b':')
    .remove(b';')
    .remove(b'=')
    .remove(b'?')
    .remove(b'@')
    .remove(b'_')
    .remove(b'~');

/// A quote longer than this many words is given by its first and last words (`start,end`).
const WHOLE_QUOTE_WORDS: usize = 10;
/// Words of the quote given at each end when it is long.
const END_WORDS: usize = 4;
/// Words of context given before and after the quote (fewer when fewer are whole).
const CONTEXT_WORDS: usize = 3;

/// `url` when it is a web address a link may point at: `http://` or `https://` with something
/// after it, and no whitespace or control characters. Surrounding whitespace is ignored.
pub fn web_address(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let host_ok = rest.split(['/', '?', '#']).next().is_some_and(|host| !host.is_empty());
    (host_ok && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(url)
}

/// The text directive that finds `quote` in a page: `text=` and its terms, each percent-encoded.
/// Whitespace runs read as one space (as the page is rendered); context words that may have been
/// cut mid-word (at the selector's outer ends) are left out, since the browser matches whole words.
pub fn text_directive(quote: &TextQuoteSelector) -> Option<String> {
    let words: Vec<&str> = quote.exact.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let encode = |words: &[&str]| utf8_percent_encode(&words.join(" "), TEXT_DIRECTIVE).to_string();
    let mut terms = Vec::new();
    // Context only where it meets the quote at a word boundary.
    let prefix_meets = quote.prefix.ends_with(char::is_whitespace) && !quote.exact.starts_with(char::is_whitespace);
    if prefix_meets || quote.exact.starts_with(char::is_whitespace) {
        let before: Vec<&str> = quote.prefix.split_whitespace().collect();
        let whole = whole_tail(&before, quote.prefix.starts_with(char::is_whitespace));
        if !whole.is_empty() {
            terms.push(format!("{}-", encode(whole)));
        }
    }
    if words.len() > WHOLE_QUOTE_WORDS {
        terms.push(encode(&words[..END_WORDS]));
        terms.push(encode(&words[words.len() - END_WORDS..]));
    } else {
        terms.push(encode(&words));
    }
    if quote.suffix.starts_with(char::is_whitespace) || quote.exact.ends_with(char::is_whitespace) {
        let after: Vec<&str> = quote.suffix.split_whitespace().collect();
        let whole = whole_head(&after, quote.suffix.ends_with(char::is_whitespace));
        if !whole.is_empty() {
            terms.push(format!("-{}", encode(whole)));
        }
    }
    Some(format!("text={}", terms.join(",")))
}

/// The last [`CONTEXT_WORDS`] of `words`; the first word only when it is known whole (more words
/// than needed, or the context starts at a boundary).
fn whole_tail<'a, 'w>(words: &'a [&'w str], starts_at_boundary: bool) -> &'a [&'w str] {
    if words.len() > CONTEXT_WORDS {
        &words[words.len() - CONTEXT_WORDS..]
    } else if starts_at_boundary {
        words
    } else {
        words.get(1..).unwrap_or_default()
    }
}

/// The first [`CONTEXT_WORDS`] of `words`; the last word only when it is known whole.
fn whole_head<'a, 'w>(words: &'a [&'w str], ends_at_boundary: bool) -> &'a [&'w str] {
    if words.len() > CONTEXT_WORDS {
        &words[..CONTEXT_WORDS]
    } else if ends_at_boundary {
        words
    } else {
        &words[..words.len().saturating_sub(1)]
    }
}

/// A link that opens `url` with `quote` marked: the address with a text fragment added (after
/// its own fragment, if it has one, as the spec allows). `None` when `url` is not a web address.
pub fn link_to_quote(url: &str, quote: &TextQuoteSelector) -> Option<String> {
    let url = web_address(url)?;
    let Some(directive) = text_directive(quote) else { return Some(url.to_owned()) };
    // A fragment directive already there (`:~:`) is replaced.
    let base = url.split_once(":~:").map_or(url, |(before, _)| before);
    let joiner = if base.contains('#') { ":~:" } else { "#:~:" };
    Some(format!("{base}{joiner}{directive}"))
}

/// Which copy of a document a [`SourceLink`] goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    /// The document where its publisher put it.
    Original,
    /// A web archive's copy.
    Archived,
}

impl CopyKind {
    /// The link's words.
    pub fn label(self) -> &'static str {
        match self {
            CopyKind::Original => "Open at the source",
            CopyKind::Archived => "Archived copy",
        }
    }
}

/// A way to a passage's source, as the detail panel and the static page show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLink {
    /// Which copy.
    pub copy: CopyKind,
    /// The link (the address with the quote as a text fragment), for a web address.
    pub href: Option<String>,
    /// The address as the file gives it (shown as text when it is not a link).
    pub address: String,
}

/// The ways to `quote` in `document`: its own address, then its archived copy, each a link when
/// it is a web address.
pub fn source_links(document: &crate::document::Document, quote: &TextQuoteSelector) -> Vec<SourceLink> {
    [(CopyKind::Original, &document.url), (CopyKind::Archived, &document.archived_url)]
        .into_iter()
        .filter_map(|(copy, address)| {
            let address = address.as_deref().map(str::trim).filter(|a| !a.is_empty())?;
            Some(SourceLink { copy, href: link_to_quote(address, quote), address: address.to_owned() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn quote(prefix: &str, exact: &str, suffix: &str) -> TextQuoteSelector {
        TextQuoteSelector { exact: exact.into(), prefix: prefix.into(), suffix: suffix.into() }
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(web_address(" https://www.gov.uk/news "), Some("https://www.gov.uk/news"));
        assert_eq!(web_address("HTTP://example.org"), Some("HTTP://example.org"));
        for not_a_link in
            ["javascript:alert(1)", "ftp://x.org/a", "file:///etc/passwd", "https://", "http:///path", "//x.org", "https://a b.org", "x"]
        {
            assert_eq!(web_address(not_a_link), None, "{not_a_link}");
        }
    }

    #[test]
    fn a_short_quote_is_given_whole_with_whole_words_of_context() {
        let q = quote("the appalling attacks in ", "London and Manchester in 2017", " which cost the lives");
        assert_eq!(text_directive(&q).unwrap(), "text=appalling%20attacks%20in-,London%20and%20Manchester%20in%202017,-which%20cost%20the");
        // Context cut mid-word at its outer end: that word is left out.
        let q = quote("lling attacks in ", "London", " which co");
        assert_eq!(text_directive(&q).unwrap(), "text=attacks%20in-,London,-which");
        // A quote that starts mid-word has no prefix (nothing meets it at a boundary).
        let q = quote("today’", "s CONTEST strategy", " which sets");
        assert_eq!(text_directive(&q).unwrap(), "text=s%20CONTEST%20strategy,-which");
    }

    #[test]
    fn a_long_quote_is_given_by_its_ends_and_the_syntax_characters_are_encoded() {
        let q = quote("", "Reducing the risk to the public and preventing safe spaces for terrorists to operate are at the heart", "");
        assert_eq!(text_directive(&q).unwrap(), "text=Reducing%20the%20risk%20to,are%20at%20the%20heart");
        let q = quote("", "co-ordinated, agile & “flexible”", "");
        assert_eq!(text_directive(&q).unwrap(), "text=co%2Dordinated%2C%20agile%20%26%20%E2%80%9Cflexible%E2%80%9D");
        // Line breaks read as the space the page shows.
        assert_eq!(text_directive(&quote("", "two\n\n lines", "")).unwrap(), "text=two%20lines");
        assert_eq!(text_directive(&quote("a ", " \n ", " b")), None);
    }

    #[test]
    fn the_link_keeps_the_address_and_its_own_fragment() {
        let q = quote("", "2017", "");
        assert_eq!(link_to_quote("https://x.org/a?b=1", &q).unwrap(), "https://x.org/a?b=1#:~:text=2017");
        assert_eq!(link_to_quote("https://x.org/a#part", &q).unwrap(), "https://x.org/a#part:~:text=2017");
        assert_eq!(link_to_quote("https://x.org/a#:~:text=old", &q).unwrap(), "https://x.org/a#:~:text=2017");
        assert_eq!(link_to_quote("mailto:x@y.org", &q), None);
    }

    #[test]
    fn a_document_gives_a_link_per_copy_it_has() {
        let mut document = crate::document::Document { url: Some("https://x.org/a".into()), ..Default::default() };
        let q = quote("", "2017", "");
        let links = source_links(&document, &q);
        assert_eq!(links.len(), 1);
        assert_eq!((links[0].copy.label(), links[0].href.as_deref()), ("Open at the source", Some("https://x.org/a#:~:text=2017")));
        document.archived_url = Some("the library's copy".into());
        let links = source_links(&document, &q);
        assert_eq!((links[1].copy, links[1].href.as_ref(), links[1].address.as_str()), (CopyKind::Archived, None, "the library's copy"));
        assert!(source_links(&crate::document::Document { url: Some("  ".into()), ..Default::default() }, &q).is_empty());
    }

    proptest! {
        #[test]
        fn a_directive_holds_only_allowed_characters(prefix in "\\PC{0,30}", exact in "\\PC{0,60}", suffix in "\\PC{0,30}") {
            if let Some(d) = text_directive(&quote(&prefix, &exact, &suffix)) {
                let body = d.strip_prefix("text=").unwrap();
                // Terms: at most prefix, start, end, suffix; each non-empty after its marker.
                let terms: Vec<&str> = body.split(',').collect();
                prop_assert!((1..=4).contains(&terms.len()), "{d}");
                for term in terms {
                    let core = term.trim_end_matches('-').trim_start_matches('-');
                    prop_assert!(!core.is_empty(), "{d}");
                    prop_assert!(core.bytes().all(|b| b.is_ascii_alphanumeric() || b"%!$'()*+./:;=?@_~".contains(&b)), "{d}");
                }
            }
        }
    }
}
