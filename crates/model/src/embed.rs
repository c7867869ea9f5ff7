//! Embedding: the options an embedding page puts in the URL, and the versioned messages exchanged
//! with the host page over `postMessage`. Pure: the UI reads the URL and posts the strings.

use serde_json::{json, Value};

use crate::date::DateValue;

/// Version of the message format.
pub const MESSAGE_VERSION: u64 = 1;

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// What the URL asks for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedOptions {
    /// `embed=1`: timeline and details only, with an "open full view" link.
    pub embed: bool,
    /// `event=<id>`: selected at start.
    pub event: Option<String>,
    /// `start=` / `end=` (2017, 2017-06, 2017-06-04): the initial window.
    pub window: Option<(DateValue, DateValue)>,
    /// `theme=light|dark|system`.
    pub theme: Theme,
    /// `height=<px>`: a fixed height for the timeline area.
    pub height: Option<u32>,
    /// `childId=` (pym.js): the id to put in pym height messages.
    pub pym_child: Option<String>,
    /// `lang=` (or TimelineJS3's `language=`): the reader's language, a BCP 47 tag such as `fr`
    /// or `pt-BR` (else the browser's languages).
    pub lang: Option<String>,
    /// Problems with the options, in words (the page shows them; nothing fails).
    pub problems: Vec<String>,
}

/// Reads the options from `(key, value)` pairs of the query string.
pub fn parse_options<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> EmbedOptions {
    let mut o = EmbedOptions::default();
    let (mut start, mut end) = (None, None);
    for (key, value) in pairs {
        let value = value.trim();
        match key {
            "embed" => o.embed = matches!(value, "1" | "true" | "yes" | ""),
            "event" if !value.is_empty() => o.event = Some(value.to_owned()),
            "start" | "end" => match value.parse::<DateValue>() {
                Ok(d) if key == "start" => start = Some(d),
                Ok(d) => end = Some(d),
                Err(e) => o.problems.push(format!("{key}: {e}")),
            },
            "theme" => match value {
                "light" => o.theme = Theme::Light,
                "dark" => o.theme = Theme::Dark,
                "system" | "" => o.theme = Theme::System,
                other => o.problems.push(format!("theme \"{other}\" is not light, dark or system")),
            },
            "height" => match value.trim_end_matches("px").parse::<u32>() {
                Ok(h) if (120..=4000).contains(&h) => o.height = Some(h),
                _ => o.problems.push(format!("height \"{value}\" is not a number of pixels between 120 and 4000")),
            },
            "childId" if !value.is_empty() => o.pym_child = Some(value.to_owned()),
            "lang" | "language" if !value.is_empty() => {
                let tag = value.replace('_', "-");
                if tag.len() <= 35
                    && tag.split('-').all(|part| (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric()))
                {
                    o.lang = Some(tag);
                } else {
                    o.problems
                        .push(format!("language \"{value}\" is not a language tag such as fr or pt-BR; showing the browser's language"));
                }
            }
            _ => {}
        }
    }
    match (start, end) {
        (Some(s), Some(e)) if e.end_days() > s.start_days() => o.window = Some((s, e)),
        (Some(_), Some(_)) => o.problems.push("end comes before start; showing everything".into()),
        (Some(_), None) | (None, Some(_)) => o.problems.push("give both start and end for a window".into()),
        (None, None) => {}
    }
    o
}

/// The height message for the host (our format).
pub fn height_message(height: u32) -> String {
    json!({"type": "citeline:height", "version": MESSAGE_VERSION, "height": height}).to_string()
}

/// The same height in pym.js's message format.
pub fn pym_height_message(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
}

/// Tells the host an event was selected.
pub fn select_message(id: &str, date: &str, title: &str) -> String {
    json!({"type": "citeline:select", "version": MESSAGE_VERSION, "id": id, "date": date, "title": title}).to_string()
}

/// A command from the host.
#[derive(Debug, Clone, PartialEq)]
pub enum HostCommand {
    /// Select the event with this id.
    Select(String),
    /// Show this window.
    View(DateValue, DateValue),
}

/// Reads a host message (a JSON string or object); anything malformed, of another version or
/// unknown is `None` and ignored.
pub fn parse_command(message: &Value) -> Option<HostCommand> {
    let owned;
    let message = match message {
        Value::String(s) => {
            owned = serde_json::from_str::<Value>(s).ok()?;
            &owned
        }
        other => other,
    };
    if message.get("version")?.as_u64()? != MESSAGE_VERSION {
        return None;
    }
    match message.get("type")?.as_str()? {
        "citeline:select" => {
            let id = message.get("id")?.as_str()?;
            (!id.is_empty() && id.len() <= 200).then(|| HostCommand::Select(id.to_owned()))
        }
        "citeline:view" => {
            let start: DateValue = message.get("start")?.as_str()?.parse().ok()?;
            let end: DateValue = message.get("end")?.as_str()?.parse().ok()?;
            (end.end_days() > start.start_days()).then_some(HostCommand::View(start, end))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_come_from_the_query() {
        let o = parse_options([
            ("embed", "1"),
            ("event", "trip"),
            ("start", "2017"),
            ("end", "2018-06"),
            ("theme", "dark"),
            ("height", "480"),
            ("childId", "c1"),
        ]);
        assert!(o.embed);
        assert_eq!(o.event.as_deref(), Some("trip"));
        assert_eq!(o.window.map(|(s, e)| (s.iso(), e.iso())), Some(("2017".into(), "2018-06".into())));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.height, Some(480));
        assert_eq!(o.pym_child.as_deref(), Some("c1"));
        assert!(o.problems.is_empty());
        let bad = parse_options([("theme", "pink"), ("height", "9"), ("start", "2018"), ("end", "2017"), ("lang", "fr\"><b>")]);
        assert_eq!(bad.problems.len(), 4, "{:?}", bad.problems);
        assert_eq!(bad.lang, None);
        assert_eq!(parse_options([("language", "pt_BR")]).lang.as_deref(), Some("pt-BR"), "TimelineJS3's option");
        assert_eq!(parse_options([("lang", "ar")]).lang.as_deref(), Some("ar"));
        assert_eq!(bad.window, None);
    }

    #[test]
    fn messages_are_versioned_and_malformed_ones_ignored() {
        assert_eq!(parse_command(&json!({"type": "citeline:select", "version": 1, "id": "a"})), Some(HostCommand::Select("a".into())));
        assert_eq!(
            parse_command(&Value::String(r#"{"type":"citeline:select","version":1,"id":"a"}"#.into())),
            Some(HostCommand::Select("a".into()))
        );
        assert!(matches!(
            parse_command(&json!({"type": "citeline:view", "version": 1, "start": "2017", "end": "2018"})),
            Some(HostCommand::View(..))
        ));
        for bad in [
            json!({"type": "citeline:select", "version": 2, "id": "a"}),
            json!({"type": "citeline:select", "id": "a"}),
            json!({"type": "citeline:select", "version": 1, "id": 5}),
            json!({"type": "citeline:view", "version": 1, "start": "2018", "end": "2017"}),
            json!({"type": "other", "version": 1}),
            json!("pymxPYMxc1xPYMxheightxPYMx100"),
            json!(null),
        ] {
            assert_eq!(parse_command(&bad), None, "{bad}");
        }
        assert_eq!(pym_height_message("c1", 300), "pymxPYMxc1xPYMxheightxPYMx300");
        let m: Value = serde_json::from_str(&select_message("a", "2018-06-08", "T")).expect("json");
        assert_eq!(m["type"], "citeline:select");
        assert_eq!(m["version"], 1);
    }
}

/// Copy-paste code for sharing and embedding the current view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippets {
    /// A link to the full page, at this event.
    pub link: String,
    /// An iframe (works alone at a fixed height).
    pub iframe: String,
    /// The iframe plus the auto-height script.
    pub script: String,
    /// The JS mount API, for pages that do not want an iframe.
    pub api: String,
}

fn attr_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Snippets for the page at `base` (its URL without query or fragment, ending in `/`), keeping a
/// `src` if the timeline came from one, the selected event and the visible window.
pub fn snippets(base: &str, src: Option<&str>, event: Option<&str>, window: Option<(&DateValue, &DateValue)>, title: &str) -> Snippets {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    let mut query = Vec::new();
    if let Some(src) = src {
        query.push(format!("src={}", enc(src)));
    }
    let link = format!(
        "{base}{}{}",
        if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) },
        event.map(|e| format!("#event={}", enc(e))).unwrap_or_default()
    );
    query.insert(0, "embed=1".to_owned());
    if let Some(e) = event {
        query.push(format!("event={}", enc(e)));
    }
    if let Some((s, e)) = window {
        query.push(format!("start={}&end={}", s.iso(), e.iso()));
    }
    let frame_url = format!("{base}?{}", query.join("&"));
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" style=\"width:100%;height:560px;border:0\" loading=\"lazy\"></iframe>",
        attr_escape(&frame_url),
        attr_escape(title)
    );
    let script = format!(
        "<iframe data-citeline src=\"{}\" title=\"{}\" style=\"width:100%;height:560px;border:0\"></iframe>\n<script src=\"{}embed.js\" async></script>",
        attr_escape(&frame_url),
        attr_escape(title),
        attr_escape(base)
    );
    let data =
        src.map_or_else(|| "null".to_owned(), |s| format!("await (await fetch({})).text()", serde_json::Value::String(s.to_owned())));
    let options = match (event, window) {
        (Some(e), _) => format!("{{ event: {} }}", serde_json::Value::String(e.to_owned())),
        (None, Some((s, e))) => format!("{{ start: \"{}\", end: \"{}\" }}", s.iso(), e.iso()),
        (None, None) => "{}".to_owned(),
    };
    let api = format!(
        "<div id=\"citeline\"></div>\n<script type=\"module\">\n  import {{ mount }} from \"{}citeline-api.js\";\n  const timeline = await mount(document.getElementById(\"citeline\"), {data}, {options});\n</script>",
        attr_escape(base)
    );
    Snippets { link, iframe, script, api }
}

#[cfg(test)]
mod snippet_tests {
    use super::*;

    #[test]
    fn snippets_carry_the_event_and_window_and_escape_what_they_quote() {
        let s: DateValue = "2017".parse().expect("date");
        let e: DateValue = "2018-06".parse().expect("date");
        let out = snippets(
            "https://example.org/citeline/",
            Some("https://data.example/t.json"),
            Some("launch"),
            Some((&s, &e)),
            "CONTEST \"2018\"",
        );
        assert_eq!(out.link, "https://example.org/citeline/?src=https%3A%2F%2Fdata.example%2Ft.json#event=launch");
        assert!(
            out.iframe.contains("?embed=1&amp;src=https%3A%2F%2Fdata.example%2Ft.json&amp;event=launch&amp;start=2017&amp;end=2018-06"),
            "{}",
            out.iframe
        );
        assert!(out.iframe.contains("title=\"CONTEST &quot;2018&quot;\""));
        assert!(out.script.ends_with("<script src=\"https://example.org/citeline/embed.js\" async></script>"));
        assert!(out.api.contains("mount(document.getElementById(\"citeline\"), await (await fetch(\"https://data.example/t.json\")).text(), { event: \"launch\" })"), "{}", out.api);
        let plain = snippets("https://example.org/", None, None, None, "T");
        assert_eq!(plain.link, "https://example.org/");
        assert!(plain.api.contains("null, {}"));
    }
}
