//! An event's media: a picture, or a link to something else (a video, a sound, a post, a map), as
//! TimelineJS3 slides carry them. What a URL is, and who provides it, is read from the URL alone:
//! nothing is fetched to find out.

use serde::{Deserialize, Serialize};

use crate::source::web_address;

/// A picture or a link to other media, with the words that go with it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Media {
    /// Where it is: an `http(s)` address, or a `data:image/…` picture.
    pub url: String,
    /// What a picture shows, for people who cannot see it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// A caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Whose it is ("Photo: Jane Doe / Agency").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// A title for a link card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where a picture leads when followed (TimelineJS3's `link`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// What is said of media whose address a page may not show or link to.
pub const NOT_USABLE: &str = "is not a web address (http or https, or a data: picture): shown as text, not as a link";

/// What a media URL is, as far as its address tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    /// A picture the page can show itself (`<img>`).
    Image,
    /// Anything else on the web: shown as a link card.
    Link,
    /// Not something a page may show or link to (`javascript:`, a file path, …): shown as text.
    Unusable,
}

/// File endings of pictures every browser shows.
const IMAGE_ENDINGS: [&str; 9] = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".ico"];

/// Known providers by host (without `www.`/`m.`): the name a link card shows, and what they serve.
const PROVIDERS: [(&str, &str, &str); 20] = [
    ("youtube.com", "YouTube", "Video"),
    ("youtu.be", "YouTube", "Video"),
    ("vimeo.com", "Vimeo", "Video"),
    ("dailymotion.com", "Dailymotion", "Video"),
    ("soundcloud.com", "SoundCloud", "Audio"),
    ("open.spotify.com", "Spotify", "Audio"),
    ("twitter.com", "X (Twitter)", "Post"),
    ("x.com", "X (Twitter)", "Post"),
    ("instagram.com", "Instagram", "Post"),
    ("facebook.com", "Facebook", "Post"),
    ("bsky.app", "Bluesky", "Post"),
    ("tiktok.com", "TikTok", "Video"),
    ("google.com/maps", "Google Maps", "Map"),
    ("maps.google.com", "Google Maps", "Map"),
    ("openstreetmap.org", "OpenStreetMap", "Map"),
    ("wikipedia.org", "Wikipedia", "Article"),
    ("flickr.com", "Flickr", "Photo"),
    ("imgur.com", "Imgur", "Image"),
    ("docs.google.com", "Google Docs", "Document"),
    ("documentcloud.org", "DocumentCloud", "Document"),
];

impl Media {
    /// What its URL is.
    pub fn kind(&self) -> MediaKind {
        let url = self.url.trim();
        if url.get(..11).is_some_and(|s| s.eq_ignore_ascii_case("data:image/")) {
            return if url.contains(char::is_whitespace) { MediaKind::Unusable } else { MediaKind::Image };
        }
        let Some(address) = web_address(url) else { return MediaKind::Unusable };
        let path = address.split(['?', '#']).next().unwrap_or(address).to_ascii_lowercase();
        let host_and_path = path.split_once("://").map_or(path.as_str(), |(_, rest)| rest);
        let has_path = host_and_path.contains('/');
        if has_path && IMAGE_ENDINGS.iter().any(|ending| path.ends_with(ending)) {
            MediaKind::Image
        } else {
            MediaKind::Link
        }
    }

    /// Who serves it and what it is ("YouTube", "Video"); for an unknown site, its host and "Link".
    pub fn provider(&self) -> Option<(String, &'static str)> {
        let address = web_address(&self.url)?;
        let rest = address.split_once("://").map_or(address, |(_, rest)| rest).to_ascii_lowercase();
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next().unwrap_or(host);
        let bare = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(host);
        let path = rest.get(host.len()..).unwrap_or_default();
        let known = PROVIDERS.iter().find(|(site, _, _)| match site.split_once('/') {
            Some((site_host, site_path)) => bare == site_host && path.trim_start_matches('/').starts_with(site_path),
            None => bare == *site || bare.ends_with(&format!(".{site}")),
        });
        Some(match known {
            Some((_, name, what)) => ((*name).to_owned(), *what),
            None => (bare.to_owned(), "Link"),
        })
    }

    /// What a link card says it is: "Video · YouTube", or an unknown site's host.
    pub fn what(&self) -> String {
        match self.provider() {
            Some((name, "Link")) => name,
            Some((name, what)) => format!("{what} · {name}"),
            None => "Media".to_owned(),
        }
    }

    /// The words a link card or a picture goes by: its title, caption or alt text, else the kind
    /// of thing and its provider ("Video on YouTube").
    pub fn label(&self) -> String {
        let given = [&self.title, &self.caption, &self.alt].into_iter().flatten().map(|s| s.trim()).find(|s| !s.is_empty());
        match (given, self.provider()) {
            (Some(given), _) => given.to_owned(),
            (None, Some((name, "Link"))) => format!("A page on {name}"),
            (None, Some((name, what))) => format!("{what} on {name}"),
            (None, None) if self.kind() == MediaKind::Image => "A picture".to_owned(),
            (None, None) => "Media".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn media(url: &str) -> Media {
        Media { url: url.into(), ..Media::default() }
    }

    #[test]
    fn pictures_are_told_from_links_by_their_address() {
        for image in ["https://x.org/a.JPG", "http://x.org/p/b.webp?w=800", "https://x.org/c.svg#top", "data:image/png;base64,iVBORw0KGgo="]
        {
            assert_eq!(media(image).kind(), MediaKind::Image, "{image}");
        }
        for link in ["https://www.youtube.com/watch?v=abc", "https://x.org/photo.jpg.html", "https://jpg", "https://x.org/?f=a.png"] {
            assert_eq!(media(link).kind(), MediaKind::Link, "{link}");
        }
        for unusable in ["javascript:alert(1)", "/images/a.jpg", "file:///a.png", "data:text/html,<b>", ""] {
            assert_eq!(media(unusable).kind(), MediaKind::Unusable, "{unusable}");
        }
    }

    #[test]
    fn a_link_card_names_its_provider_and_what_it_is() {
        let named = |url: &str| media(url).provider().map(|(n, w)| format!("{w} on {n}"));
        assert_eq!(named("https://www.youtube.com/watch?v=abc").as_deref(), Some("Video on YouTube"));
        assert_eq!(named("https://youtu.be/abc").as_deref(), Some("Video on YouTube"));
        assert_eq!(named("https://en.m.wikipedia.org/wiki/CONTEST").as_deref(), Some("Article on Wikipedia"));
        assert_eq!(named("https://www.google.com/maps/place/London").as_deref(), Some("Map on Google Maps"));
        assert_eq!(named("https://www.google.com/search?q=x").as_deref(), Some("Link on google.com"));
        assert_eq!(named("https://user@news.example.org:8080/a").as_deref(), Some("Link on news.example.org"));
        assert_eq!(named("https://notyoutube.com/watch").as_deref(), Some("Link on notyoutube.com"));
        assert_eq!(media("javascript:x").provider(), None);
        assert_eq!(media("https://soundcloud.com/a/b").what(), "Audio · SoundCloud");
        assert_eq!(media("https://example.org/a").what(), "example.org");
        assert_eq!(media("https://vimeo.com/1").label(), "Video on Vimeo");
        assert_eq!(media("https://example.org/").label(), "A page on example.org");
        assert_eq!(Media { caption: Some(" The bridge ".into()), ..media("https://x.org/a.png") }.label(), "The bridge");
        assert_eq!(media("data:image/gif;base64,R0lGOD").label(), "A picture");
    }
}
