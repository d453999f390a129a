//! How an article travels to other sites: the snippet a publisher pastes, and the oEmbed file CMSs
//! read when an author pastes the article's address.

use article_model::Document;
use serde_json::json;
use url::Url;

use crate::page::{attr, text};

/// The frame width the oEmbed's size is given for.
pub const OEMBED_WIDTH: u32 = 720;
pub const OEMBED_FILE: &str = "oembed.json";
/// The publisher's script, at the site's root (one address for every article).
pub const EMBED_SCRIPT: &str = "embed.js";

/// Where an article is: its page's address (absolute when the site's is known), and the site's.
#[derive(Debug, Clone)]
pub struct Place {
    /// The site's public address (`https://news.example/explorables/`), if given.
    pub site: Option<Url>,
    pub slug: String,
}

impl Place {
    /// The page's public address, when the site's is known.
    pub fn canonical(&self) -> Option<String> {
        self.site
            .as_ref()
            .and_then(|s| s.join(&format!("{}/", self.slug)).ok())
            .map(String::from)
    }

    /// The page, as the snippet links it: absolute when known, else relative to the page itself.
    fn page(&self) -> String {
        self.canonical().unwrap_or_else(|| "./".into())
    }

    /// `file` at the site's root: absolute when known, else relative to an article's page.
    pub fn at_root(&self, file: &str) -> String {
        match &self.site {
            Some(site) => site.join(file).map(String::from).unwrap_or_default(),
            None => format!("../{file}"),
        }
    }

    /// `file` beside the page: absolute when known, else relative to the page.
    pub fn beside(&self, file: &str) -> String {
        match self.canonical() {
            Some(page) => format!("{page}{file}"),
            None => file.to_string(),
        }
    }
}

/// Where the site's WordPress plugin is written (README, "Embedding": WordPress).
pub const WORDPRESS_PLUGIN: &str = "wordpress/explorable-articles.php";

/// The site's WordPress plugin (`tools/templates/wordpress-plugin.php`): in a WordPress with it,
/// an author's pasted address of this site shows the whole article, exactly sized, instead of
/// WordPress's capped sandboxed frame. Only for a site whose address is known.
pub fn wordpress_plugin(site: &Url) -> String {
    let site = String::from(site.clone());
    // A PHP string in single quotes: only `\` and `'` are special.
    let php = format!("'{}'", site.replace('\\', "\\\\").replace('\'', "\\'"));
    // In the plugin's header comment, which `*/` would end.
    let named = site.replace("*/", "*%2F");
    include_str!("../templates/wordpress-plugin.php")
        .replace("{SITE_PHP}", &php)
        .replace("{SITE}", &named)
}

/// Checks a site address given on the command line.
pub fn parse_site_url(url: &str) -> Result<Url, String> {
    let mut parsed = Url::parse(url).map_err(|e| {
        format!("site address {url:?} is not an absolute address ({e}); expected e.g. https://news.example/explorables/")
    })?;
    if !matches!(parsed.scheme(), "https" | "http") || parsed.host().is_none() {
        return Err(format!(
            "site address {url:?} is not an http(s) address; expected e.g. https://news.example/explorables/"
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(format!(
            "site address {url:?} has a query or fragment; expected the folder's address alone"
        ));
    }
    if !parsed.path().ends_with('/') {
        let path = format!("{}/", parsed.path());
        parsed.set_path(&path);
    }
    Ok(parsed)
}

/// The snippet a publisher pastes (README, "Embedding"): a link that `embed.js` turns into a
/// self-sizing frame of the page, its place reserved at the estimated height until the article
/// reports its own.
pub fn snippet(doc: &Document, place: &Place) -> String {
    framing(
        doc,
        place,
        &place.page(),
        estimated_height(doc, OEMBED_WIDTH),
    )
}

/// The snippet of the article's graph view (`?view=graph`): the chart alone, for another story.
pub fn graph_snippet(doc: &Document, place: &Place) -> String {
    let page = format!("{}?view=graph", place.page());
    framing(doc, place, &page, estimated_graph_height(doc, OEMBED_WIDTH))
}

fn framing(doc: &Document, place: &Place, page: &str, height: u32) -> String {
    let title = doc.title.text();
    format!(
        "<div data-xa-src=\"{page}\" data-xa-title=\"{}\" data-xa-height=\"{}\"><a href=\"{page}\">{}</a></div>\
         <script src=\"{}\" async></script>",
        attr(&title),
        height,
        text(&title),
        attr(&place.at_root(EMBED_SCRIPT)),
        page = attr(page),
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
    (120.0 + title + paragraphs + figure_height(doc) + 48.0).round() as u32
}

/// The graph's figure (title, note, legend, graph, caption, the table's summary).
fn figure_height(doc: &Document) -> f64 {
    if doc.story.relations.is_empty() {
        0.0
    } else {
        880.0
    }
}

/// The graph view's height, estimated as [`estimated_height`] is: the title and its link, then
/// the figure (a browser test checks it against the real page).
pub fn estimated_graph_height(doc: &Document, width: u32) -> u32 {
    let text_width = f64::from(width.min(648).saturating_sub(40));
    let title = (doc.title.text().chars().count() as f64 / (text_width / 14.0)).ceil() * 31.0;
    (60.0 + title + 28.0 + figure_height(doc)).round() as u32
}

/// What a CMS embeds from the oEmbed: the article as a frame, after a quoted link to it. This is
/// the shape CMSs keep: WordPress, for a provider it has not been told to trust, keeps only `<a>`,
/// `<blockquote>` and `<iframe>` (it frames the page sandboxed and hides the quote once the frame
/// speaks), so the self-sizing snippet's `<div>` and `<script>` would be thrown away. The frame is
/// as wide as its column up to [`OEMBED_WIDTH`] and starts at the estimated height; the article
/// then asks each host for its real height in the host's own protocol (`web/embed-child.js`).
pub fn oembed_html(doc: &Document, place: &Place) -> String {
    let page = attr(&place.page());
    let title = doc.title.text();
    format!(
        "<blockquote class=\"xa-embed-quote\"><a href=\"{page}\">{}</a></blockquote>\
         <iframe src=\"{page}\" title=\"{}\" width=\"{OEMBED_WIDTH}\" height=\"{}\" \
         style=\"width:100%;max-width:{OEMBED_WIDTH}px;border:0\" frameborder=\"0\" loading=\"lazy\"></iframe>",
        text(&title),
        attr(&title),
        estimated_height(doc, OEMBED_WIDTH),
    )
}

/// The oEmbed (`type: rich`) the page links to: [`oembed_html`], its size at [`OEMBED_WIDTH`],
/// the title and, when known, the provider.
pub fn oembed(doc: &Document, place: &Place, provider: Option<&str>) -> String {
    let provider = provider.map(str::to_string).or_else(|| {
        place
            .site
            .as_ref()
            .and_then(|s| s.host_str().map(str::to_string))
    });
    let mut out = json!({
        "version": "1.0",
        "type": "rich",
        "title": doc.title.text(),
    });
    if let Some(name) = provider {
        out["provider_name"] = json!(name);
    }
    if let Some(site) = &place.site {
        out["provider_url"] = json!(site.origin().ascii_serialization() + "/");
    }
    out["html"] = json!(oembed_html(doc, place));
    out["width"] = json!(OEMBED_WIDTH);
    out["height"] = json!(estimated_height(doc, OEMBED_WIDTH));
    out.to_string()
}
