//! Prerendering: the whole page rendered natively at build time (Yew's server renderer) and written
//! into the built `index.html`, so the article paints at once, reads without JavaScript and is
//! indexable; in the browser the wasm takes over that markup. The head gets the article's own title,
//! description, Open Graph and Twitter tags and a JSON-LD `NewsArticle` that says only what is known.
//!
//! Pure string work over the page Trunk wrote (minified or not): same input, same bytes.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

use article_model::{Document, Kind};
use yew::LocalServerRenderer;

use crate::{App, AppProps, DocRef};

/// The app's root element in `index.html`, as written and as Trunk's minifier writes it.
const ROOTS: [&str; 2] = [r#"<div id="xa-app"></div>"#, "<div id=xa-app></div>"];
const ROOT_CLOSE: &str = "</div>";

/// Longest meta description, in characters (`…` included).
const DESCRIPTION_MAX: usize = 160;

/// What the build knows beyond the article itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Options {
    /// The page's public address (`https://…`): adds `<link rel="canonical">`, `og:url` and the
    /// JSON-LD `url`. Without it they are left out.
    pub canonical: Option<String>,
    /// Who publishes the page, for the oEmbed `provider_name`. Without it, the canonical address's
    /// host is used; without either, the oEmbed names no provider.
    pub provider: Option<String>,
}

/// The oEmbed file the build writes next to the page, and the frame width its size is given for.
pub const OEMBED_FILE: &str = "oembed.json";
pub const OEMBED_WIDTH: u32 = 720;

/// Renders the page for `doc` into `index_html` (no canonical address).
pub fn prerender(index_html: &str, doc: &'static Document) -> Result<String, String> {
    prerender_with(index_html, doc, &Options::default())
}

/// Renders the page for `doc` into `index_html`: the app's markup inside the root element, and the
/// head tags (title, description, canonical, Open Graph, Twitter card, JSON-LD).
pub fn prerender_with(
    index_html: &str,
    doc: &'static Document,
    options: &Options,
) -> Result<String, String> {
    if let Some(url) = &options.canonical {
        check_url(url)?;
    }
    let body = render_app(doc);
    let html = fill_root(index_html, &body)?;
    let meta = Meta::of(doc, options.canonical.as_deref());
    rewrite_head(&html, &meta)
}

/// The app's markup, without Yew's hydration comments: the wasm does not hydrate the page, it takes
/// the prerendered markup over as it is.
pub fn render_app(doc: &'static Document) -> String {
    block_on(
        LocalServerRenderer::<App>::with_props(AppProps { doc: DocRef(doc) })
            .hydratable(false)
            .render(),
    )
}

/// Puts `body` inside the (empty) root element; there must be exactly one.
fn fill_root(html: &str, body: &str) -> Result<String, String> {
    let found: Vec<(usize, &str)> = ROOTS
        .iter()
        .flat_map(|root| html.match_indices(root))
        .collect();
    match found.as_slice() {
        [(at, root)] => {
            let inner = at + root.len() - ROOT_CLOSE.len();
            Ok(format!("{}{body}{}", &html[..inner], &html[inner..]))
        }
        [] if html.contains("id=xa-app") || html.contains("id=\"xa-app\"") => Err(
            "the root element #xa-app is not empty: is this page prerendered already? \
             Prerender the page Trunk wrote, once"
                .into(),
        ),
        [] => Err(format!(
            "no root element in the page: expected one empty `{}` (or `{}`)",
            ROOTS[0], ROOTS[1]
        )),
        more => Err(format!(
            "{} root elements in the page: expected exactly one empty `{}`",
            more.len(),
            ROOTS[0]
        )),
    }
}

fn check_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest)
            if !rest.is_empty()
                && !rest.starts_with('/')
                && !url.chars().any(|c| c.is_whitespace() || c.is_control()) =>
        {
            Ok(())
        }
        _ => Err(format!(
            "canonical URL {url:?} is not an absolute http(s) address; expected e.g. \
             https://news.example/milei-cold-war/"
        )),
    }
}

/// What the head says about the page.
struct Meta<'a> {
    title: String,
    description: String,
    canonical: Option<&'a str>,
    /// Each actor as JSON-LD: (`@type`, name).
    about: Vec<(&'static str, &'static str)>,
}

impl<'a> Meta<'a> {
    fn of(doc: &Document, canonical: Option<&'a str>) -> Self {
        let first = doc.paragraphs.first().map(|p| p.text()).unwrap_or_default();
        Meta {
            title: doc.title.text(),
            description: summary(&first, DESCRIPTION_MAX),
            canonical,
            about: doc
                .actors
                .iter()
                .map(|a| (schema_type(a.kind), a.name))
                .collect(),
        }
    }

    /// The tags that go after `<title>`, in a fixed order.
    fn tags(&self) -> String {
        let title = attr(&self.title);
        let description = attr(&self.description);
        let mut out = format!("<meta name=\"description\" content=\"{description}\">");
        if let Some(url) = self.canonical {
            out += &format!("<link rel=\"canonical\" href=\"{}\">", attr(url));
        }
        out += "<meta property=\"og:type\" content=\"article\">";
        out += &format!("<meta property=\"og:title\" content=\"{title}\">");
        out += &format!("<meta property=\"og:description\" content=\"{description}\">");
        if let Some(url) = self.canonical {
            out += &format!("<meta property=\"og:url\" content=\"{}\">", attr(url));
        }
        out += &format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{title}\">",
            attr(&sibling(self.canonical, OEMBED_FILE))
        );
        out += "<meta name=\"twitter:card\" content=\"summary\">";
        out += &format!("<meta name=\"twitter:title\" content=\"{title}\">");
        out += &format!("<meta name=\"twitter:description\" content=\"{description}\">");
        out += &format!(
            "<script type=\"application/ld+json\">{}</script>",
            self.json_ld()
        );
        out
    }

    /// A `NewsArticle` with only what the article itself says: no author, publisher or date.
    fn json_ld(&self) -> String {
        let mut out =
            String::from("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
        out += &format!(",\"headline\":{}", json(&self.title));
        out += &format!(",\"description\":{}", json(&self.description));
        out += ",\"inLanguage\":\"en\"";
        if let Some(url) = self.canonical {
            out += &format!(",\"url\":{}", json(url));
        }
        out += ",\"about\":[";
        for (i, (kind, name)) in self.about.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out += &format!("{{\"@type\":{},\"name\":{}}}", json(kind), json(name));
        }
        out += "]}";
        out
    }
}

/// `file` beside the page: next to the canonical address when there is one (absolute, so the
/// snippet works on any site), else relative to the page.
fn sibling(canonical: Option<&str>, file: &str) -> String {
    let Some(url) = canonical else {
        return file.to_string();
    };
    let (origin, path) = split_url(url);
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    format!(
        "{origin}{}{file}",
        if folder.is_empty() { "/" } else { folder }
    )
}

/// An absolute address cut into its origin (`https://host`) and its path, without the query or
/// fragment.
fn split_url(url: &str) -> (&str, &str) {
    let host = url.find("://").map_or(0, |i| i + 3);
    let end = url.find(['?', '#']).unwrap_or(url.len()).max(host);
    let path = url[host..end].find('/').map_or(end, |i| host + i);
    (&url[..path], &url[path..end])
}

/// The snippet a publisher pastes (README, "Embedding"): a link that web/embed.js turns into a
/// self-sizing frame of the page.
pub fn embed_snippet(doc: &Document, canonical: Option<&str>) -> String {
    let page = canonical.map_or_else(|| "./".to_string(), |url| sibling(Some(url), ""));
    let title = attr(&doc.title.text());
    format!(
        "<div data-xa-src=\"{page}\" data-xa-title=\"{title}\"><a href=\"{page}\">{}</a></div>\
         <script src=\"{}\" async></script>",
        text(&doc.title.text()),
        attr(&sibling(canonical, "embed.js")),
        page = attr(&page),
    )
}

/// The page's height in CSS pixels in a frame `width` wide, estimated from its text (the oEmbed
/// must give one; the frame then sizes itself exactly). Calibrated on the stylesheet: a browser
/// test checks the estimate against the real page.
pub fn estimated_height(doc: &Document, width: u32) -> u32 {
    let text_width = f64::from(width.min(648).saturating_sub(40));
    let font = 18.5_f64;
    let line = font * 1.62;
    let per_line = (text_width / (font * 0.47)).floor().max(20.0);
    let lines: f64 = doc
        .paragraphs
        .iter()
        .map(|p| (p.text().chars().count() as f64 / per_line).ceil())
        .sum();
    let paragraphs = lines * line + doc.paragraphs.len() as f64 * font * 1.15;
    let title = (doc.title.text().chars().count() as f64 / (text_width / 21.0)).ceil() * 42.0;
    let figure = if doc.relations.is_empty() { 0.0 } else { 880.0 };
    (120.0 + title + paragraphs + figure + 48.0).round() as u32
}

/// The oEmbed (`type: rich`) the page links to: the snippet, its size at [`OEMBED_WIDTH`], the
/// title and, when known, the provider.
pub fn oembed(doc: &Document, options: &Options) -> String {
    let canonical = options.canonical.as_deref();
    let origin = canonical.map(|url| split_url(url).0);
    let provider = options
        .provider
        .clone()
        .or_else(|| origin.map(|o| o[o.find("://").map_or(0, |i| i + 3)..].to_string()));
    let mut out = String::from("{\"version\":\"1.0\",\"type\":\"rich\"");
    out += &format!(",\"title\":{}", json(&doc.title.text()));
    if let Some(name) = provider {
        out += &format!(",\"provider_name\":{}", json(&name));
    }
    if let Some(origin) = origin {
        out += &format!(",\"provider_url\":{}", json(&format!("{origin}/")));
    }
    out += &format!(",\"html\":{}", json(&embed_snippet(doc, canonical)));
    out += &format!(
        ",\"width\":{OEMBED_WIDTH},\"height\":{}}}",
        estimated_height(doc, OEMBED_WIDTH)
    );
    out
}

/// Takes the compact graph layout (for screens under 600 px) out of the page and leaves only its
/// geometry, as JSON in `<script type="application/json" id="xa-graph-compact-data">`: the page
/// then parses and styles one graph, not two, before it paints. The two layouts differ in nothing
/// but their numbers (size, node positions, line paths) and id tags (`-w-`, `-c-`), so
/// web/boot.js builds the compact one on such screens by cloning the wide one and applying the
/// geometry, before the app starts. Without JavaScript the wide layout shows at every width. A
/// page without a graph is returned as it is.
pub fn split_compact_graph(page: &str, doc: &Document) -> Result<String, String> {
    let Some((start, _)) = tags(page, "svg").find(|(_, tag)| {
        attr_value(tag, "class").is_some_and(|c| c.split(' ').any(|c| c == "xa-graph-compact"))
    }) else {
        return Ok(page.to_string());
    };
    let end = page[start..]
        .find("</svg>")
        .map(|i| start + i + "</svg>".len())
        .ok_or("the compact graph's `<svg>` is not closed")?;
    let data = format!(
        "<script type=\"application/json\" id=\"xa-graph-compact-data\">{}</script>",
        compact_graph_json(doc)
    );
    Ok(format!("{}{data}{}", &page[..start], &page[end..]))
}

/// The compact layout's geometry: `{"w":…,"h":…,"n":[[actor,x,y],…],"e":[path,…]}`.
pub fn compact_graph_json(doc: &Document) -> String {
    let layout = &doc.graph.compact;
    let nodes: Vec<String> = layout
        .nodes
        .iter()
        .map(|n| format!("[{},{},{}]", n.actor, n.x, n.y))
        .collect();
    let edges: Vec<String> = layout.edges.iter().map(|d| json(d)).collect();
    format!(
        "{{\"w\":{},\"h\":{},\"n\":[{}],\"e\":[{}]}}",
        layout.width,
        layout.height,
        nodes.join(","),
        edges.join(",")
    )
}

/// The page's hand-written scripts (`boot.js`, `embed.js`, `embed-child.js`) as served: without
/// their comment lines, indentation and blank lines, which are for their readers, not the
/// browser's. Only whole-line `//` comments go; the scripts have no multi-line strings.
pub fn strip_script_comments(js: &str) -> String {
    js.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn schema_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "Person",
        Kind::Country => "Country",
        Kind::Organisation | Kind::Company => "Organization",
    }
}

/// `text` if it fits in `max` characters, else cut at the last word boundary that leaves room for
/// `…` (trailing punctuation dropped).
pub fn summary(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    // Byte offset just past the first `max - 1` characters: room for the ellipsis.
    let limit = text
        .char_indices()
        .nth(max - 1)
        .map_or(text.len(), |(at, _)| at);
    let head = &text[..limit];
    // Cut at the last space, unless the limit falls exactly on one.
    let cut = if text[limit..].starts_with(char::is_whitespace) {
        head
    } else {
        head.rfind(char::is_whitespace)
            .map_or(head, |at| &head[..at])
    };
    let cut = cut.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '(' | '“' | '‘')
    });
    format!("{cut}…")
}

/// Writes the head: the title replaced, the tags this module owns removed wherever they are and
/// written afresh after the title.
fn rewrite_head(html: &str, meta: &Meta) -> Result<String, String> {
    let head_end = html
        .find("</head>")
        .or_else(|| html.find("<body"))
        .or_else(|| html.find(ROOTS[0]).or_else(|| html.find(ROOTS[1])))
        .ok_or("no end of the head in the page: expected `</head>` or `<body>`")?;
    let (head, rest) = html.split_at(head_end);

    let mut out = String::with_capacity(html.len() + 4096);
    let mut inserted = false;
    let new_title = format!("<title>{}</title>{}", text(&meta.title), meta.tags());
    let mut at = 0;
    while let Some(start) = head[at..].find('<').map(|i| at + i) {
        out.push_str(&head[at..start]);
        let Some(end) = tag_end(head, start) else {
            return Err("the head ends inside a tag".into());
        };
        let tag = &head[start..end];
        let name = tag_name(tag);
        let mut skip_to = end;
        let owned = match name.as_str() {
            "title" => {
                let close = find_ci(head, "</title>", end)
                    .ok_or("`<title>` is not closed in the page's head")?;
                skip_to = close + "</title>".len();
                if !inserted {
                    out.push_str(&new_title);
                    inserted = true;
                }
                true
            }
            "meta" => {
                let name = attr_value(tag, "name")
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let property = attr_value(tag, "property")
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                name == "description" || name.starts_with("twitter:") || property.starts_with("og:")
            }
            "link" => attr_value(tag, "rel").is_some_and(|r| {
                r.eq_ignore_ascii_case("canonical")
                    || (r.eq_ignore_ascii_case("alternate")
                        && attr_value(tag, "type").is_some_and(|t| t.contains("oembed")))
            }),
            "script" => {
                let ld = attr_value(tag, "type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
                let close = find_ci(head, "</script>", end)
                    .ok_or("a `<script>` is not closed in the page's head")?;
                if ld {
                    skip_to = close + "</script>".len();
                } else {
                    // Copy the script as it is: its content is not markup.
                    out.push_str(&head[start..close]);
                    at = close;
                    continue;
                }
                true
            }
            _ => false,
        };
        if !owned {
            out.push_str(tag);
        }
        at = skip_to;
    }
    out.push_str(&head[at..]);
    if !inserted {
        out.push_str(&new_title);
    }
    out.push_str(rest);
    Ok(out)
}

/// The glue and wasm the page boots: the `data-js` and `data-wasm` attributes of its boot script.
pub fn boot_files(page: &str) -> Result<(String, String), String> {
    tags(page, "script")
        .find_map(|(_, tag)| Some((attr_value(tag, "data-js")?, attr_value(tag, "data-wasm")?)))
        .ok_or_else(|| "the page has no <script data-js data-wasm> to boot from".into())
}

/// Every `<name…` start tag in `html`: where it starts, and the tag itself.
fn tags<'a>(html: &'a str, name: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    html.match_indices('<')
        .map(|(at, _)| at)
        .filter(move |&at| html[at + 1..].starts_with(name))
        .map(move |at| (at, &html[at..tag_end(html, at).unwrap_or(html.len())]))
}

/// End (exclusive) of the tag or comment starting at `start`.
fn tag_end(html: &str, start: usize) -> Option<usize> {
    if html[start..].starts_with("<!--") {
        return html[start..].find("-->").map(|i| start + i + 3);
    }
    let bytes = html.as_bytes();
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(start + 1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Lowercase element name of a tag (`<meta …>` → `meta`); empty for closing tags and comments.
fn tag_name(tag: &str) -> String {
    tag[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Value of attribute `name` in a start tag, quoted or not.
fn attr_value(tag: &str, name: &str) -> Option<String> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut rest = inner.trim_start_matches(|c: char| !c.is_whitespace());
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..close], &after[(close + 1).min(after.len())..])
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = next;
            value
        } else {
            ""
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value.to_string());
        }
    }
}

/// Case-insensitive find of an ASCII needle from `from`.
fn find_ci(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    (from..=hay.len().saturating_sub(needle.len()))
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Text escaped for an element's content.
fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Text escaped for a double-quoted attribute value.
fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

/// A JSON string literal, safe inside `<script>`: `</` written `<\/`, `<!--` written `<\u0021--`.
pub fn json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' if chars.peek() == Some(&'/') => out.push_str("<\\"),
            '<' if chars.peek() == Some(&'!') => {
                chars.next();
                out.push_str("<\\u0021");
            }
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Runs a future to completion on this thread (the server renderer needs no runtime).
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(out) => return out,
            Poll::Pending => thread::park(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_cuts_at_a_word() {
        assert_eq!(summary("short text", 160), "short text");
        let long = "word ".repeat(50);
        let s = summary(&long, 160);
        assert!(s.chars().count() <= 160, "{s}");
        assert!(s.ends_with("word…"), "{s}");
        assert_eq!(summary("abc defgh", 6), "abc…");
        assert_eq!(summary("abc, defgh", 7), "abc…");
    }

    #[test]
    fn json_is_escaped() {
        assert_eq!(
            json("a\"b\\c</script><!--\n"),
            r#""a\"b\\c<\/script><\u0021--\n""#
        );
    }

    #[test]
    fn attributes_are_read_in_any_quoting() {
        let tag = r#"<meta content="a b>c" name=description>"#;
        assert_eq!(tag_end(tag, 0), Some(tag.len()));
        assert_eq!(attr_value(tag, "name").as_deref(), Some("description"));
        assert_eq!(attr_value(tag, "content").as_deref(), Some("a b>c"));
        assert_eq!(
            attr_value("<link rel='canonical' href=x>", "rel").as_deref(),
            Some("canonical")
        );
        assert_eq!(attr_value("<meta charset=utf-8>", "name"), None);
    }

    #[test]
    fn script_comments_and_indentation_go_code_stays() {
        let js = "// A comment.\nconst a = \"//not a comment\";\n\n  if (a) {\n    // inside\n    f(a); // trailing stays\n  }\n";
        assert_eq!(
            strip_script_comments(js),
            "const a = \"//not a comment\";\nif (a) {\nf(a); // trailing stays\n}\n"
        );
    }

    #[test]
    fn the_url_must_be_absolute() {
        assert!(check_url("https://news.example/a/").is_ok());
        assert!(check_url("http://localhost:8080/").is_ok());
        assert!(check_url("/a/").is_err());
        assert!(check_url("https://").is_err());
        assert!(check_url("javascript:alert(1)").is_err());
        assert!(check_url("https://a.example/ b").is_err());
    }
}
