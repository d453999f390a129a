//! What the native page tests share: the source text they compare against, and a small reader
//! of the markup Yew writes.
#![allow(dead_code)]

/// The content folder the build used (`ARTICLE_CONTENT_DIR`, or `content`).
pub fn content_dir() -> String {
    let dir = option_env!("ARTICLE_CONTENT_DIR").unwrap_or("content");
    format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"))
}

/// The headline and paragraphs of article.txt, as lines.
pub fn source_blocks() -> Vec<String> {
    let text = std::fs::read_to_string(format!("{}/article.txt", content_dir())).unwrap();
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect()
}

/// The entities Yew writes, decoded.
pub fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Text content of markup: tags and comments dropped, entities decoded.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let end = if rest[start..].starts_with("<!--") {
            start + rest[start..].find("-->").unwrap() + 3
        } else {
            start + rest[start..].find('>').unwrap() + 1
        };
        rest = &rest[end..];
    }
    out.push_str(rest);
    decode(&out)
}

/// Inner HTML of every element opened by `open_tag` (no nesting of the same tag inside).
pub fn inner_of<'a>(html: &'a str, open_tag: &str, close_tag: &str) -> Vec<&'a str> {
    html.match_indices(open_tag)
        .map(|(at, _)| {
            let body = at + html[at..].find('>').unwrap() + 1;
            &html[body..body + html[body..].find(close_tag).unwrap()]
        })
        .collect()
}

/// Asserts that `html` holds the headline and every paragraph of article.txt, character for
/// character (curly quotes, accents and dashes included).
pub fn assert_verbatim(html: &str) {
    let source = source_blocks();
    let title = inner_of(html, "<h1", "</h1>");
    assert_eq!(title.len(), 1);
    assert_eq!(text_of(title[0]), source[0]);
    let paragraphs: Vec<String> = inner_of(html, "<p class=\"xa-para\"", "</p>")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(
        paragraphs,
        source[1..],
        "every paragraph, character for character"
    );
}
