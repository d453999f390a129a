//! An article's page: the app rendered natively (Yew's server renderer) in the reader's initial
//! state, written into the runtime's page template, with a head that says what the page is (title,
//! description, Open Graph, Twitter card, JSON-LD) and nothing that is not known (no author,
//! publisher or date). The compact graph leaves the page as geometry for `web/boot.js`. Same
//! content, same bytes.

use std::rc::Rc;

use article_model::flags::Flags;
use article_model::reader::Reader;
use article_model::view::View;
use article_model::{Document, DomId, Kind, Layout, LABEL_OFFSET};
use explorable_article::page::{Page, PageProps};
use explorable_article::DocRef;
use lol_html::element;
use lol_html::html_content::ContentType;
use serde_json::json;

/// Longest meta description, in characters (`…` included).
pub const DESCRIPTION_MAX: usize = 160;

/// Where a page finds what it loads, as written into it (relative to the page, or absolute).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    pub css: String,
    pub boot: String,
    pub glue: String,
    pub wasm: String,
    pub icon: String,
    /// The oEmbed file: absolute when the page's address is known.
    pub oembed: String,
}

/// The app's markup in the reader's initial state, without Yew's hydration comments: the wasm does
/// not hydrate the page, it takes the prerendered markup over as it is.
pub fn render_body(doc: &Rc<Document>) -> String {
    let view = initial_view(doc);
    futures::executor::block_on(
        yew::LocalServerRenderer::<Page>::with_props(PageProps {
            doc: DocRef(doc.clone()),
            view,
        })
        .hydratable(false)
        .render(),
    )
}

/// The body as the page carries it: the compact graph replaced by its geometry (see
/// [`compact_graph`]).
fn page_body(doc: &Rc<Document>) -> Result<String, String> {
    let compact = compact_graph(doc)?;
    let rewritten = crate::page::rewrite(
        &render_body(doc),
        vec![element!(
            &format!("svg#{}", DomId::Graph(Layout::Compact)),
            |el| {
                el.replace(&compact, ContentType::Html);
                Ok(())
            }
        )],
    );
    rewritten.map_err(|e| format!("the rendered page could not be rewritten: {e}"))
}

/// What the page shows before the reader does anything (and with no render flags: the browser
/// applies those as the reader's first state change).
pub fn initial_view(doc: &Document) -> View {
    View::of(&doc.story, &Reader::new(&doc.story, Flags::default()))
}

/// The whole page: `template` (the runtime's page, as Trunk wrote it) with the article in its root,
/// its head written, and its links pointing at `links`. `canonical` is the page's public address.
pub fn page(
    template: &str,
    doc: &Rc<Document>,
    links: &Links,
    canonical: Option<&str>,
) -> Result<String, String> {
    let body = page_body(doc)?;
    let title = doc.title.text();
    let description = summary(
        &doc.paragraphs.first().map(|p| p.text()).unwrap_or_default(),
        DESCRIPTION_MAX,
    );
    let tags = head_tags(doc, &title, &description, canonical, &links.oembed);
    let story = format!(
        "<script type=\"text/plain\" id=\"{}\">{}</script>",
        DomId::Story,
        crate::story::encode(&crate::story::bytes(&doc.story)?)
    );
    let words = &doc.page_words;
    let mut roots = 0;
    let mut boots = 0;
    let out = crate::page::rewrite(
        template,
        vec![
                element!("html", |el| {
                    el.set_attribute("lang", &doc.settings.language)?;
                    Ok(())
                }),
                element!("title", |el| {
                    el.set_inner_content(&title, ContentType::Text);
                    el.after(&tags, ContentType::Html);
                    Ok(())
                }),
                element!(
                    r#"meta[name="description"], meta[name^="twitter:"], meta[property^="og:"], link[rel="canonical"], link[rel="alternate"][type*="oembed"], script[type="application/ld+json"]"#,
                    |el| {
                        el.remove();
                        Ok(())
                    }
                ),
                element!(r#"link[rel="stylesheet"]"#, |el| {
                    el.set_attribute("href", &links.css)?;
                    Ok(())
                }),
                element!(r#"link[rel="icon"]"#, |el| {
                    el.set_attribute("href", &links.icon)?;
                    Ok(())
                }),
                element!("script[data-js][data-wasm]", |el| {
                    boots += 1;
                    el.set_attribute("src", &links.boot)?;
                    el.set_attribute("data-js", &links.glue)?;
                    el.set_attribute("data-wasm", &links.wasm)?;
                    el.set_attribute("data-story", &DomId::Story.to_string())?;
                    // The first paint waits for this small script (as it waits for the stylesheet,
                    // fetched beside it): it sets the render flags and swaps in the compact graph,
                    // which would move the page if done after a paint. Browsers without
                    // `blocking` run it before their first paint anyway, or just after.
                    el.set_attribute("blocking", "render")?;
                    // What the console says, in the article's language, if the app cannot start.
                    el.set_attribute("data-failed-start", &words.failed_start)?;
                    el.set_attribute("data-failed-run", &words.failed_run)?;
                    Ok(())
                }),
                element!(&format!("#{}", DomId::App), |el| {
                    roots += 1;
                    el.set_inner_content(&body, ContentType::Html);
                    // Last in the page: the parser reaches the article first.
                    el.after(&story, ContentType::Html);
                    Ok(())
                }),
            ],
    )
    .map_err(|e| format!("the page template could not be rewritten: {e}"))?;
    match (roots, boots) {
        (1, 1) => Ok(out),
        (0, _) => Err(format!(
            "the page template has no root element; expected one empty `<div id=\"{}\"></div>`",
            DomId::App
        )),
        (n, 1) => Err(format!(
            "the page template has {n} root elements; expected exactly one `#{}`",
            DomId::App
        )),
        (_, n) => Err(format!(
            "the page template has {n} boot scripts; expected one `<script data-js data-wasm>`"
        )),
    }
}

/// Rewrites `html` with lol-html's streaming rewriter, each handler on the elements its selector
/// matches.
pub fn rewrite<'h, 's>(
    html: &str,
    handlers: Vec<(
        std::borrow::Cow<'s, lol_html::Selector>,
        lol_html::ElementContentHandlers<'h>,
    )>,
) -> Result<String, lol_html::errors::RewritingError> {
    let settings = handlers
        .into_iter()
        .fold(lol_html::RewriteStrSettings::new(), |s, h| {
            s.append_element_content_handler(h)
        });
    lol_html::rewrite_str(html, settings)
}

/// JSON for a `<script>` element: `<` is written `\u003c`, so no `</script>` or `<!--` can occur.
pub fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// Text escaped for an element's content.
pub fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Text escaped for a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

fn schema_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "Person",
        Kind::Country => "Country",
        Kind::Organisation | Kind::Company => "Organization",
    }
}

/// The tags that follow `<title>`, in a fixed order.
fn head_tags(
    doc: &Document,
    title: &str,
    description: &str,
    canonical: Option<&str>,
    oembed: &str,
) -> String {
    let (t, d) = (attr(title), attr(description));
    let mut out = format!("<meta name=\"description\" content=\"{d}\">");
    if let Some(url) = canonical {
        out += &format!("<link rel=\"canonical\" href=\"{}\">", attr(url));
    }
    out += "<meta property=\"og:type\" content=\"article\">";
    out += &format!("<meta property=\"og:title\" content=\"{t}\">");
    out += &format!("<meta property=\"og:description\" content=\"{d}\">");
    if let Some(url) = canonical {
        out += &format!("<meta property=\"og:url\" content=\"{}\">", attr(url));
    }
    out += &format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{t}\">",
        attr(oembed)
    );
    // Twitter's card reads its title and description from the Open Graph tags.
    out += "<meta name=\"twitter:card\" content=\"summary\">";
    // A NewsArticle with only what the article itself says: no author, publisher or date.
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "description": description,
        "inLanguage": doc.settings.language,
    });
    if let Some(url) = canonical {
        ld["url"] = json!(url);
    }
    ld["about"] = doc
        .story
        .actors
        .iter()
        .map(|a| json!({"@type": schema_type(a.kind), "name": a.name}))
        .collect();
    out += &format!(
        "<script type=\"application/ld+json\">{}</script>",
        script_json(&ld)
    );
    out
}

/// The compact layout's geometry, for `web/boot.js` to build that layout from the wide one on
/// narrow screens (the page then parses one graph, not two, before it paints). The two layouts
/// differ only in their numbers and in the layout tag of their ids; the data says how to make one
/// from the other, so the script knows nothing of the page's ids: `{"swap": [wide tag, compact
/// tag], "size": [w, h], "each": [[selector, attribute, [one value per element, in page order]]]}`.
/// A page without a graph carries none.
pub fn compact_graph(doc: &Document) -> Result<String, String> {
    let story = &doc.story;
    if story.relations.is_empty() {
        return Ok(String::new());
    }
    let (wide, compact) = (Layout::Wide, Layout::Compact);
    let swap = (format!("-{}", wide.tag()), format!("-{}", compact.tag()));
    // The swap must turn every id of the wide layout into its compact twin.
    let mut ids: Vec<DomId> = vec![DomId::Graph(wide)];
    for n in story.nodes(wide) {
        ids.extend([DomId::Node(wide, n.actor), DomId::Label(wide, n.actor)]);
    }
    ids.extend((0..story.relations.len() as u16).map(|r| DomId::Edge(wide, r)));
    ids.extend(
        article_model::RelationKind::ALL
            .iter()
            .filter(|k| k.directed())
            .map(|&k| DomId::Arrow(wide, k)),
    );
    for id in ids {
        let swapped = id.to_string().replacen(&swap.0, &swap.1, 1);
        if swapped != id.in_layout(compact).to_string() {
            return Err(format!(
                "the compact graph cannot be built from the wide one: {id} becomes {swapped}"
            ));
        }
    }
    // Values in the order of the elements in the page: both layouts list their nodes, labels and
    // lines in the same order (actors by id, relations as in relations.toml).
    let geometry = doc.graph.geometry(compact);
    let nodes = story.nodes(compact);
    // Each node's place once, as numbers: boot.js writes the node's transform and its label's
    // x and y (`label` below it) from it (about 250 B less brotli than the three attributes).
    let places: Vec<[i16; 2]> = nodes.iter().map(|n| [n.x, n.y]).collect();
    let data = json!({
        "swap": [swap.0, swap.1],
        "size": [geometry.width, geometry.height],
        "nodes": places,
        "label": LABEL_OFFSET,
        "each": [[".xa-edge-line", "d", geometry.edges]],
    });
    Ok(format!(
        "<script type=\"application/json\" id=\"{}\">{}</script>",
        DomId::CompactData,
        script_json(&data)
    ))
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
    fn json_in_a_script_cannot_close_it() {
        let v = json!({"a": "</script><!-- \"x\""});
        let s = script_json(&v);
        assert!(!s.contains("</") && !s.contains("<!"), "{s}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
    }
}
