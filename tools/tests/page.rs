//! An article's page as `rig build` writes it, as a crawler or a reader without JavaScript gets it:
//! the article verbatim inside the app's root, every mention marked, the relations table, the story
//! the runtime reads, and a head that says what the page is (title, description, Open Graph,
//! Twitter card, JSON-LD) and nothing that is not known (no author, publisher or date). Same
//! content, same bytes.

use std::collections::BTreeMap;
use std::path::Path;
use std::rc::Rc;

use article_model::source::{compile, read_dir, Locales};
use article_model::{Document, Layout, Story, STORY_FORMAT};
use article_tools::page::{compact_graph, page, render_body, Links};
use article_tools::share::{self, parse_site_url, Place, OEMBED_WIDTH};
use article_tools::story;
use scraper::{Html, Selector};
use serde_json::Value;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// A page as Trunk writes it on a release build (minified: unquoted attributes, no `<head>`).
const MINIFIED: &str = concat!(
    "<!doctype html><html lang=en><meta charset=utf-8>",
    "<meta content=\"width=device-width,initial-scale=1\" name=viewport>",
    "<title>Placeholder</title>",
    "<meta content=\"An old description.\" name=description>",
    "<script data-js=/a.js data-wasm=/a_bg.wasm src=/boot.js type=module></script>",
    "<link href=/a.css rel=stylesheet><link href=/f.svg rel=icon></head><body><div id=xa-app></div></body></html>",
);

/// The same page as written by hand (quoted attributes, indented, description before the title).
const SOURCE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="description" content="An old description.">
    <title>Placeholder</title>
    <link rel="canonical" href="https://old.example/">
    <link rel="stylesheet" href="/a.css">
    <script type="module" src="/boot.js" data-js="/a.js" data-wasm="/a_bg.wasm"></script>
  </head>
  <body>
    <div id="xa-app"></div>
  </body>
</html>
"#;

const URL: &str = "https://news.example/world/milei-cold-war/";

fn doc(slug: &str) -> Rc<Document> {
    let locales = Locales::read(&Path::new(ROOT).join("content/locales")).unwrap();
    let sources = read_dir(&Path::new(ROOT).join("content").join(slug)).unwrap();
    Rc::new(compile(&sources, &locales).unwrap())
}

fn milei() -> Rc<Document> {
    doc("milei-cold-war")
}

fn links() -> Links {
    Links {
        css: "../_runtime/article-1.css".into(),
        boot: "../_runtime/boot-1.js".into(),
        glue: "../_runtime/article-1.js".into(),
        wasm: "../_runtime/article_bg-1.wasm".into(),
        icon: "../_runtime/favicon-1.svg".into(),
        oembed: "oembed.json".into(),
    }
}

fn render(template: &str, canonical: Option<&str>) -> String {
    page(template, &milei(), &links(), canonical).unwrap()
}

fn parse(html: &str) -> Html {
    Html::parse_document(html)
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(selector).unwrap()).collect()
}

fn text(el: &scraper::ElementRef) -> String {
    el.text().collect()
}

fn meta(html: &Html, key: &str, value: &str) -> Vec<String> {
    select(html, &format!("meta[{key}=\"{value}\"]"))
        .iter()
        .filter_map(|m| m.value().attr("content").map(str::to_string))
        .collect()
}

fn json_ld(html: &Html) -> Value {
    let scripts = select(html, "script[type=\"application/ld+json\"]");
    assert_eq!(scripts.len(), 1, "one JSON-LD block");
    let raw = text(&scripts[0]);
    assert!(!raw.contains("</"), "`</` cannot occur inside the script");
    serde_json::from_str(&raw).unwrap_or_else(|e| panic!("JSON-LD parses: {e}\n{raw}"))
}

#[test]
fn article_is_in_the_root_verbatim() {
    let doc = milei();
    for template in [MINIFIED, SOURCE] {
        let out = render(template, None);
        let html = parse(&out);
        let roots = select(&html, "#xa-app");
        assert_eq!(roots.len(), 1);
        let h1 = select(&html, "#xa-app article h1");
        assert_eq!(text(&h1[0]), doc.title.text());
        let paragraphs: Vec<String> = select(&html, "#xa-app article p.xa-para")
            .iter()
            .map(text)
            .collect();
        let expected: Vec<String> = doc.paragraphs.iter().map(|p| p.text()).collect();
        assert_eq!(
            paragraphs, expected,
            "every paragraph, character for character"
        );
        assert!(
            !out.contains("<!--"),
            "no hydration markers: the wasm does not hydrate"
        );
        assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("en"));
    }
}

#[test]
fn every_mention_and_every_relation_is_in_the_page() {
    let doc = milei();
    let html = parse(&render(MINIFIED, None));
    assert_eq!(
        select(&html, "article a.xa-mention").len(),
        doc.story.mentions.len()
    );
    let rows = select(&html, "table.xa-table tbody tr");
    assert_eq!(rows.len(), doc.story.relations.len());
    for (row, r) in rows.iter().zip(&doc.story.relations) {
        let t = text(row);
        assert!(t.contains(&r.quote) && t.contains(&r.label), "{t}");
        assert!(
            t.contains(&doc.story.actor(r.from).name) && t.contains(&doc.story.actor(r.to).name),
            "{t}"
        );
    }
}

#[test]
fn the_page_links_the_shared_runtime_and_carries_its_story() {
    let doc = milei();
    let out = render(MINIFIED, None);
    let html = parse(&out);
    let boot = select(&html, "script[data-js][data-wasm]");
    assert_eq!(boot.len(), 1);
    let b = boot[0].value();
    assert_eq!(b.attr("src"), Some("../_runtime/boot-1.js"));
    assert_eq!(b.attr("data-js"), Some("../_runtime/article-1.js"));
    assert_eq!(b.attr("data-wasm"), Some("../_runtime/article_bg-1.wasm"));
    assert_eq!(
        b.attr("data-failed-start"),
        Some(doc.page_words.failed_start.as_str())
    );
    assert_eq!(
        select(&html, "link[rel=stylesheet]")[0]
            .value()
            .attr("href"),
        Some("../_runtime/article-1.css")
    );
    assert_eq!(
        select(&html, "link[rel=icon]")[0].value().attr("href"),
        Some("../_runtime/favicon-1.svg")
    );
    // The story, in the element the boot script names, reads back as the article's story.
    let id = b
        .attr("data-story")
        .expect("the boot script names the story");
    let carried = select(&html, &format!("script#{id}[type=\"text/plain\"]"));
    assert_eq!(carried.len(), 1);
    let bytes = story::decode(&text(&carried[0])).expect("the story decodes");
    assert_eq!(bytes[0], STORY_FORMAT);
    let read: Story = postcard::from_bytes(&bytes[1..]).expect("the story reads");
    assert_eq!(
        read, doc.story,
        "the browser gets the article's story, whole"
    );
    assert!(read.is_consistent());
    // Last in the page, after the article.
    assert!(out.rfind(id).unwrap() > out.rfind("</article>").unwrap());
}

#[test]
fn head_says_what_the_page_is() {
    let doc = milei();
    let headline = doc.title.text();
    let first = doc.paragraphs[0].text();
    for template in [MINIFIED, SOURCE] {
        let out = render(template, None);
        let html = parse(&out);
        let titles = select(&html, "title");
        assert_eq!(titles.len(), 1, "one title");
        assert_eq!(text(&titles[0]), headline);

        let description = meta(&html, "name", "description");
        assert_eq!(description.len(), 1, "replaced, not duplicated");
        let description = &description[0];
        assert!(!out.contains("An old description."));
        assert!(description.chars().count() <= 160, "{description}");
        let kept = description.strip_suffix('…').expect("a cut ends in …");
        assert!(first.starts_with(kept), "{description}");

        assert_eq!(meta(&html, "property", "og:type"), ["article"]);
        assert_eq!(meta(&html, "property", "og:title"), [headline.as_str()]);
        assert_eq!(
            meta(&html, "property", "og:description"),
            [description.as_str()]
        );
        assert_eq!(meta(&html, "name", "twitter:card"), ["summary"]);
        // No twitter:title or twitter:description: Twitter falls back to og:title and og:description.
        assert!(meta(&html, "name", "twitter:title").is_empty());

        let ld = json_ld(&html);
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["headline"], headline.as_str());
        assert_eq!(ld["description"], description.as_str());
        assert_eq!(ld["inLanguage"], "en");
        let about = ld["about"].as_array().expect("about is a list");
        assert_eq!(about.len(), doc.story.actors.len());
        for (item, actor) in about.iter().zip(&doc.story.actors) {
            let kind = match actor.kind.key() {
                "person" => "Person",
                "country" => "Country",
                _ => "Organization",
            };
            assert_eq!(item["@type"], kind, "{}", actor.name);
            assert_eq!(item["name"], actor.name.as_str());
        }
        for key in ld.as_object().unwrap().keys() {
            assert!(
                ![
                    "author",
                    "publisher",
                    "datePublished",
                    "dateModified",
                    "image",
                    "url"
                ]
                .contains(&key.as_str()),
                "nothing that is not known: {key}"
            );
        }
    }
}

#[test]
fn the_language_is_the_article_s() {
    let sample = doc("river-compact");
    let out = page(MINIFIED, &sample, &links(), None).unwrap();
    let html = parse(&out);
    assert_eq!(
        select(&html, "html")[0].value().attr("lang"),
        Some(sample.settings.language.as_str())
    );
    assert_eq!(
        json_ld(&html)["inLanguage"],
        sample.settings.language.as_str()
    );
}

#[test]
fn canonical_only_when_given() {
    for template in [MINIFIED, SOURCE] {
        let out = render(template, None);
        let html = parse(&out);
        assert!(
            select(&html, "link[rel=canonical]").is_empty(),
            "no canonical without a URL"
        );
        assert!(
            !out.contains("https://old.example/"),
            "the template's own canonical is dropped"
        );
        assert!(meta(&html, "property", "og:url").is_empty());

        let out = render(template, Some(URL));
        let html = parse(&out);
        let canonical = select(&html, "link[rel=canonical]");
        assert_eq!(canonical.len(), 1, "one canonical");
        assert_eq!(canonical[0].value().attr("href"), Some(URL));
        assert_eq!(meta(&html, "property", "og:url"), [URL]);
        assert_eq!(json_ld(&html)["url"], URL);
    }
    let odd = "https://news.example/a?b=1&c=\"2\"";
    let out = render(MINIFIED, Some(odd));
    assert!(
        out.contains("href=\"https://news.example/a?b=1&amp;c=&quot;2&quot;\""),
        "escaped"
    );
    for bad in [
        "/relative/",
        "news.example/a",
        "javascript:alert(1)",
        "ftp://news.example/",
    ] {
        assert!(parse_site_url(bad).is_err(), "{bad}");
    }
    assert_eq!(
        parse_site_url("https://news.example/x").unwrap().as_str(),
        "https://news.example/x/"
    );
}

#[test]
fn pages_are_deterministic() {
    assert_eq!(render(MINIFIED, None), render(MINIFIED, None));
    assert_eq!(render(SOURCE, Some(URL)), render(SOURCE, Some(URL)));
}

#[test]
fn the_template_must_have_its_root_and_boot_script_once() {
    let doc = milei();
    let none = MINIFIED.replace("<div id=xa-app></div>", "");
    assert!(page(&none, &doc, &links(), None)
        .unwrap_err()
        .contains("no root element"));
    let twice = MINIFIED.replace(
        "<div id=xa-app></div>",
        "<div id=xa-app></div><div id=\"xa-app\"></div>",
    );
    assert!(page(&twice, &doc, &links(), None)
        .unwrap_err()
        .contains("2 root elements"));
    let no_boot = MINIFIED.replace("data-js=/a.js ", "");
    assert!(page(&no_boot, &doc, &links(), None)
        .unwrap_err()
        .contains("boot script"));
}

/// The oEmbed file: a `rich` embed whose html is the snippet, with absolute addresses when the
/// site's is known.
#[test]
fn oembed_describes_the_snippet() {
    let doc = milei();
    let place = Place {
        site: Some(parse_site_url("https://news.example/world/").unwrap()),
        slug: "milei-cold-war".into(),
    };
    let json: Value = serde_json::from_str(&share::oembed(&doc, &place, None)).unwrap();
    assert_eq!(json["version"], "1.0");
    assert_eq!(json["type"], "rich");
    assert_eq!(json["title"], doc.title.text().as_str());
    assert_eq!(json["provider_name"], "news.example");
    assert_eq!(json["provider_url"], "https://news.example/");
    assert_eq!(json["width"], OEMBED_WIDTH);
    assert!(json["height"].as_u64().unwrap() > 1000);
    // What CMSs keep: a quoted link, then the frame; absolute, as a CMS fetched it from elsewhere.
    let html = json["html"].as_str().unwrap();
    let title = doc.title.text();
    assert!(
        html.starts_with(&format!(
            "<blockquote class=\"xa-embed-quote\"><a href=\"{URL}\">{title}</a></blockquote><iframe src=\"{URL}\" title=\"{title}\" width=\"{OEMBED_WIDTH}\" height=\"{}\"",
            json["height"]
        )),
        "{html}"
    );
    assert!(html.ends_with("></iframe>"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("<div"),
        "{html}"
    );
    // The snippet an editor pastes keeps its self-sizing script.
    let snippet = share::snippet(&doc, &place);
    assert!(
        snippet.ends_with("<script src=\"https://news.example/world/embed.js\" async></script>"),
        "{snippet}"
    );
    let named: Value =
        serde_json::from_str(&share::oembed(&doc, &place, Some("The Example Times"))).unwrap();
    assert_eq!(named["provider_name"], "The Example Times");
    // Without an address: relative, and no provider is invented.
    let local = Place {
        site: None,
        slug: "milei-cold-war".into(),
    };
    let json: Value = serde_json::from_str(&share::oembed(&doc, &local, None)).unwrap();
    assert!(json.get("provider_name").is_none() && json.get("provider_url").is_none());
    assert!(json["html"]
        .as_str()
        .unwrap()
        .contains("<iframe src=\"./\""));
    assert!(share::snippet(&doc, &local).contains("src=\"../embed.js\""));
}

/// The WordPress plugin is written for one site: its address, as a PHP string that cannot end early,
/// is the only one it changes.
#[test]
fn the_wordpress_plugin_names_its_site_alone() {
    let site = parse_site_url("https://news.example/it's/*/").unwrap();
    let plugin = share::wordpress_plugin(&site);
    assert!(plugin.starts_with("<?php\n"), "{plugin}");
    assert!(
        plugin.contains("const XA_SITE = 'https://news.example/it\\'s/*/';"),
        "{plugin}"
    );
    // Its header comment stays one comment.
    let header = &plugin[..plugin.find("*/").unwrap()];
    assert!(header.contains("Plugin Name: Explorable articles of https://news.example/it's/*%2F"));
    assert!(!plugin.contains("{SITE"), "a placeholder left: {plugin}");
}

#[test]
fn the_page_links_its_oembed_once() {
    let html = parse(&render(MINIFIED, None));
    let links = select(
        &html,
        "link[rel=alternate][type=\"application/json+oembed\"]",
    );
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].value().attr("href"), Some("oembed.json"));
}

/// What an element of the graph is, for comparing two layouts: its tag, and every attribute.
fn elements(svg: &scraper::ElementRef) -> Vec<(String, BTreeMap<String, String>)> {
    svg.descendants()
        .filter_map(scraper::ElementRef::wrap)
        .map(|e| {
            let attrs = e
                .value()
                .attrs()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            (e.value().name().to_string(), attrs)
        })
        .collect()
}

/// The compact graph leaves the page as geometry; `web/boot.js` builds it from the wide one by
/// what the data says. Doing here what boot.js does must give exactly the compact layout the
/// components render.
#[test]
fn the_compact_graph_boot_js_builds_is_the_one_rust_renders() {
    for slug in ["milei-cold-war", "river-compact"] {
        let doc = doc(slug);
        let rendered = parse(&render_body(&doc));
        let wide = select(&rendered, &format!("svg#xa-graph-{}", Layout::Wide.tag()))[0];
        let compact = select(
            &rendered,
            &format!("svg#xa-graph-{}", Layout::Compact.tag()),
        )[0];

        let data = compact_graph(&doc).unwrap();
        let json = data
            .split_once('>')
            .and_then(|(_, rest)| rest.strip_suffix("</script>"))
            .expect("a data script");
        let data: Value = serde_json::from_str(json).unwrap();
        let (from, to) = (
            data["swap"][0].as_str().unwrap(),
            data["swap"][1].as_str().unwrap(),
        );

        // boot.js: clone the wide layout, swap the tag in every id and marker reference, set
        // the size, then each attribute's values on the elements its selector matches, in order.
        let mut built = elements(&wide);
        for (_, attrs) in &mut built {
            for name in ["id", "marker-end"] {
                if let Some(v) = attrs.get_mut(name) {
                    *v = v.replacen(from, to, 1);
                }
            }
        }
        let (w, h) = (
            data["size"][0].as_u64().unwrap(),
            data["size"][1].as_u64().unwrap(),
        );
        built[0].1.insert("viewBox".into(), format!("0 0 {w} {h}"));
        built[0].1.insert("width".into(), w.to_string());
        built[0].1.insert("height".into(), h.to_string());
        let class = built[0].1["class"].replace("xa-graph-wide", "xa-graph-compact");
        built[0].1.insert("class".into(), class);
        let order: Vec<_> = wide
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
            .map(|e| e.id())
            .collect();
        // Each node's place: its transform, and its label's x and y.
        let places = data["nodes"].as_array().unwrap();
        let dy = data["label"].as_i64().unwrap();
        for (class, attrs) in [
            (".xa-node", &["transform"][..]),
            (".xa-node-label", &["x", "y"][..]),
        ] {
            let matched: Vec<_> = wide.select(&Selector::parse(class).unwrap()).collect();
            assert_eq!(matched.len(), places.len(), "{slug}: one place per {class}");
            for (el, place) in matched.iter().zip(places) {
                let (x, y) = (place[0].as_i64().unwrap(), place[1].as_i64().unwrap());
                let at = order.iter().position(|id| *id == el.id()).unwrap();
                for &name in attrs {
                    let value = match name {
                        "transform" => format!("translate({x} {y})"),
                        "x" => x.to_string(),
                        _ => (y + dy).to_string(),
                    };
                    built[at].1.insert(name.into(), value);
                }
            }
        }
        for op in data["each"].as_array().unwrap() {
            let selector = Selector::parse(op[0].as_str().unwrap()).unwrap();
            let values = op[2].as_array().unwrap();
            let matched: Vec<_> = wide.select(&selector).collect();
            assert_eq!(
                matched.len(),
                values.len(),
                "{slug}: one value per {}",
                op[0]
            );
            for (el, value) in matched.iter().zip(values) {
                let at = order.iter().position(|id| *id == el.id()).unwrap();
                built[at].1.insert(
                    op[1].as_str().unwrap().into(),
                    value.as_str().unwrap().into(),
                );
            }
        }
        let want = elements(&compact);
        assert_eq!(built.len(), want.len(), "{slug}: as many elements");
        for (i, (got, want)) in built.iter().zip(&want).enumerate() {
            assert_eq!(
                got, want,
                "{slug}: element {i} of the compact layout boot.js builds"
            );
        }
    }
}

#[test]
fn the_page_carries_one_graph_and_the_compact_one_as_data() {
    let out = render(MINIFIED, None);
    let html = parse(&out);
    assert_eq!(
        select(&html, "svg.xa-graph").len(),
        1,
        "the wide layout only"
    );
    assert_eq!(select(&html, "svg.xa-graph-wide").len(), 1);
    assert_eq!(
        select(&html, "script[type=\"application/json\"]").len(),
        1,
        "the compact geometry"
    );
}
