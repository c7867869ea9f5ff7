//! Text into HTML: everything that comes from the data goes through [`text`] (element content and
//! attribute values alike), and JSON inside a `<script>` data block through [`script_json`].

/// `value` with `& < > " '` escaped, safe as element text and inside a quoted attribute (either
/// quote).
pub fn text(value: &str) -> String {
    citeline_model::markup::escape(value).replace('\'', "&#39;")
}

/// JSON text made safe as the content of a `<script>` data block: `</` cannot end the element
/// when written `<\/`, and `<!--` cannot open a script comment when written `<\u0021--` (both
/// only ever occur inside JSON strings, where JSON reads them back unchanged).
pub fn script_json(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "<\\u0021--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_text() {
        assert_eq!(text(r#"<a href="x" onclick='y'>&</a>"#), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assert_eq!(text("Zoë – 8 June"), "Zoë – 8 June");
    }

    #[test]
    fn script_json_cannot_close_its_script_and_reads_back_the_same() {
        let value = serde_json::json!({ "quote": "</script><!-- <script>alert(1)</script>" });
        let safe = script_json(&value.to_string());
        assert!(!safe.contains("</") && !safe.contains("<!--"), "{safe}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), value);
    }
}
