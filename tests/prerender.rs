//! The prerendered page (src/prerender.rs) as a crawler or a reader without JavaScript gets it: the
//! article verbatim inside the app's root, every mention marked, the relations table, and a head
//! that says what the page is (title, description, Open Graph, Twitter card, JSON-LD) and nothing
//! that is not known (no author, publisher or date). Same input, same bytes.
#![cfg(feature = "ssr")]

mod support;

use explorable_article::content::DOCUMENT;
use explorable_article::prerender::{
    compact_graph_json, embed_snippet, oembed, prerender, prerender_with, split_compact_graph,
    Options, OEMBED_WIDTH,
};
use support::{assert_verbatim, decode, inner_of, text_of};

/// A page as Trunk writes it on a release build (minified: unquoted attributes, sorted, no `<head>`).
const MINIFIED: &str = concat!(
    "<!doctype html><html lang=en><meta charset=utf-8>",
    "<meta content=\"width=device-width,initial-scale=1\" name=viewport>",
    "<title>Placeholder</title>",
    "<meta content=\"An old description.\" name=description>",
    "<script data-js=/a.js data-wasm=/a_bg.wasm src=/boot.js type=module></script>",
    "<link href=/a.css rel=stylesheet></head><body><div id=xa-app></div></body></html>",
);

/// The same page as written by hand (quoted attributes, indented, description before the title).
const SOURCE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="description" content="An old description.">
    <title>Placeholder</title>
    <link rel="canonical" href="https://old.example/">
    <script type="module" src="/boot.js"></script>
  </head>
  <body>
    <div id="xa-app"></div>
  </body>
</html>
"#;

const URL: &str = "https://news.example/2024/milei-cold-war/";

fn page(index: &str) -> String {
    prerender(index, &DOCUMENT).expect("prerenders")
}

fn with_canonical(index: &str, url: &str) -> Result<String, String> {
    prerender_with(
        index,
        &DOCUMENT,
        &Options {
            canonical: Some(url.into()),
            ..Options::default()
        },
    )
}

fn head(html: &str) -> &str {
    &html[..html.find("</head>").expect("the head is closed")]
}

/// The app's root element and everything in it.
fn root(html: &str) -> &str {
    let at = html
        .find("id=xa-app>")
        .or_else(|| html.find("id=\"xa-app\">"));
    let at = at.expect("the root is there");
    let end = html.rfind("</body>").unwrap();
    &html[at..end]
}

/// `content` of the `<meta>` whose `key` attribute (`name` or `property`) is `value`; all of them.
fn metas(html: &str, key: &str, value: &str) -> Vec<String> {
    let needle = format!("<meta {key}=\"{value}\" content=\"");
    head(html)
        .match_indices(&needle)
        .map(|(at, _)| {
            let from = at + needle.len();
            decode(&html[from..from + html[from..].find('"').unwrap()])
        })
        .collect()
}

fn meta(html: &str, key: &str, value: &str) -> String {
    let found = metas(html, key, value);
    assert_eq!(found.len(), 1, "one {key}={value}: {found:?}");
    found.into_iter().next().unwrap()
}

fn json_ld(html: &str) -> Json {
    let scripts = inner_of(
        head(html),
        "<script type=\"application/ld+json\"",
        "</script>",
    );
    assert_eq!(scripts.len(), 1, "one JSON-LD script");
    assert!(
        !scripts[0].contains("</"),
        "`</` is escaped inside the script"
    );
    Json::parse(scripts[0]).unwrap_or_else(|e| panic!("JSON-LD parses: {e}\n{}", scripts[0]))
}

#[test]
fn article_is_in_the_root_verbatim() {
    for index in [MINIFIED, SOURCE] {
        let html = page(index);
        let body = root(&html);
        assert_verbatim(body);
        assert!(
            !html.contains("<!--"),
            "no hydration markers: the wasm does not hydrate"
        );
        assert_eq!(
            html.matches("id=xa-app").count() + html.matches("id=\"xa-app\"").count(),
            1
        );
    }
}

#[test]
fn every_mention_is_marked() {
    let html = page(MINIFIED);
    assert_eq!(
        root(&html).matches("class=\"xa-mention").count(),
        DOCUMENT.mentions.len()
    );
}

#[test]
fn relations_table_has_a_row_per_relation() {
    let html = page(MINIFIED);
    let rows = inner_of(root(&html), "<tr class=\"xa-rel-", "</tr>");
    assert_eq!(rows.len(), DOCUMENT.relations.len());
    for (row, r) in rows.iter().zip(DOCUMENT.relations) {
        let text = text_of(row);
        assert!(text.contains(r.quote), "{text}");
        assert!(text.contains(r.label), "{text}");
        assert!(
            text.contains(DOCUMENT.actors[r.from as usize].name),
            "{text}"
        );
        assert!(text.contains(DOCUMENT.actors[r.to as usize].name), "{text}");
    }
}

#[test]
fn head_says_what_the_page_is() {
    let headline = DOCUMENT.title.text();
    let first = DOCUMENT.paragraphs[0].text();
    for index in [MINIFIED, SOURCE] {
        let html = page(index);
        let titles = inner_of(head(&html), "<title", "</title>");
        assert_eq!(titles.len(), 1, "one title");
        assert_eq!(decode(titles[0]), headline);

        let description = meta(&html, "name", "description");
        assert!(
            !html.contains("An old description."),
            "replaced, not duplicated"
        );
        assert!(description.chars().count() <= 160, "{description}");
        if first.chars().count() <= 160 {
            assert_eq!(description, first);
        } else {
            let kept = description.strip_suffix('…').expect("a cut ends in …");
            assert!(first.starts_with(kept), "{description}");
            let next = first[kept.len()..].chars().next().unwrap();
            assert!(
                next.is_whitespace() || next.is_ascii_punctuation(),
                "cut at a word boundary: {description}"
            );
        }

        assert_eq!(meta(&html, "property", "og:type"), "article");
        assert_eq!(meta(&html, "property", "og:title"), headline);
        assert_eq!(meta(&html, "property", "og:description"), description);
        assert_eq!(meta(&html, "name", "twitter:card"), "summary");
        assert_eq!(meta(&html, "name", "twitter:title"), headline);
        assert_eq!(meta(&html, "name", "twitter:description"), description);

        let ld = json_ld(&html);
        assert_eq!(
            ld.get("@context").and_then(Json::str),
            Some("https://schema.org")
        );
        assert_eq!(ld.get("@type").and_then(Json::str), Some("NewsArticle"));
        assert_eq!(
            ld.get("headline").and_then(Json::str),
            Some(headline.as_str())
        );
        assert_eq!(
            ld.get("description").and_then(Json::str),
            Some(description.as_str())
        );
        assert_eq!(ld.get("inLanguage").and_then(Json::str), Some("en"));
        let about = match ld.get("about") {
            Some(Json::Array(items)) => items,
            other => panic!("about is a list: {other:?}"),
        };
        assert_eq!(about.len(), DOCUMENT.actors.len());
        for (item, actor) in about.iter().zip(DOCUMENT.actors) {
            let kind = match actor.kind.key() {
                "person" => "Person",
                "country" => "Country",
                _ => "Organization",
            };
            assert_eq!(
                item.get("@type").and_then(Json::str),
                Some(kind),
                "{}",
                actor.name
            );
            assert_eq!(item.get("name").and_then(Json::str), Some(actor.name));
        }
        let Json::Object(fields) = &ld else {
            unreachable!()
        };
        for (key, _) in fields {
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
fn canonical_only_when_given() {
    for index in [MINIFIED, SOURCE] {
        let html = page(index);
        assert!(
            !html.contains("rel=\"canonical\""),
            "no canonical without a URL"
        );
        assert!(
            !html.contains("https://old.example/"),
            "the page's own canonical is dropped"
        );
        assert!(metas(&html, "property", "og:url").is_empty());

        let html = with_canonical(index, URL).unwrap();
        assert_eq!(
            head(&html).matches("rel=\"canonical\"").count(),
            1,
            "one canonical"
        );
        assert!(head(&html).contains(&format!("<link rel=\"canonical\" href=\"{URL}\">")));
        assert_eq!(meta(&html, "property", "og:url"), URL);
        assert_eq!(json_ld(&html).get("url").and_then(Json::str), Some(URL));
    }
    let html = with_canonical(MINIFIED, "https://news.example/a?b=1&c=\"2\"").unwrap();
    assert!(html.contains("href=\"https://news.example/a?b=1&amp;c=&quot;2&quot;\""));
    for bad in [
        "/relative/",
        "news.example/a",
        "javascript:alert(1)",
        "https://a.example/ b",
    ] {
        assert!(with_canonical(MINIFIED, bad).is_err(), "{bad}");
    }
}

#[test]
fn prerendering_is_deterministic() {
    assert_eq!(page(MINIFIED), page(MINIFIED));
    assert_eq!(page(SOURCE), page(SOURCE));
    assert_eq!(with_canonical(SOURCE, URL), with_canonical(SOURCE, URL));
}

#[test]
fn the_root_must_be_there_once_and_empty() {
    let none = MINIFIED.replace("<div id=xa-app></div>", "");
    let err = prerender(&none, &DOCUMENT).unwrap_err();
    assert!(err.contains("no root element"), "{err}");

    let twice = MINIFIED.replace(
        "<div id=xa-app></div>",
        "<div id=xa-app></div><div id=\"xa-app\"></div>",
    );
    let err = prerender(&twice, &DOCUMENT).unwrap_err();
    assert!(err.contains("2 root elements"), "{err}");

    let err = prerender(&page(MINIFIED), &DOCUMENT).unwrap_err();
    assert!(err.contains("prerendered already"), "{err}");
}

/// Just enough JSON to check the JSON-LD: a strict parser of RFC 8259 values.
#[derive(Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn parse(text: &str) -> Result<Json, String> {
        let mut p = Parser {
            s: text.as_bytes(),
            at: 0,
        };
        let value = p.value()?;
        p.ws();
        if p.at != p.s.len() {
            return Err(format!("trailing text at {}", p.at));
        }
        Ok(value)
    }

    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => {
                let mut found = fields.iter().filter(|(k, _)| k == key);
                let first = found.next().map(|(_, v)| v);
                assert!(found.next().is_none(), "duplicate key {key}");
                first
            }
            _ => None,
        }
    }

    fn str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.at < self.s.len() && b" \t\r\n".contains(&self.s[self.at]) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Result<(), String> {
        self.ws();
        if self.s.get(self.at) == Some(&b) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!("expected {:?} at {}", b as char, self.at))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.s.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                let mut fields = Vec::new();
                self.ws();
                if self.s.get(self.at) == Some(&b'}') {
                    self.at += 1;
                    return Ok(Json::Object(fields));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    self.eat(b':')?;
                    fields.push((key, self.value()?));
                    self.ws();
                    match self.s.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Object(fields));
                        }
                        _ => return Err(format!("expected , or }} at {}", self.at)),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.at) == Some(&b']') {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value()?);
                    self.ws();
                    match self.s.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err(format!("expected , or ] at {}", self.at)),
                    }
                }
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.at;
                while self.at < self.s.len() && b"+-.eE0123456789".contains(&self.s[self.at]) {
                    self.at += 1;
                }
                let text = std::str::from_utf8(&self.s[start..self.at]).unwrap();
                text.parse()
                    .map(Json::Number)
                    .map_err(|_| format!("bad number {text}"))
            }
            _ => Err(format!("expected a value at {}", self.at)),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.s[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(format!("expected {word} at {}", self.at))
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .s
            .get(self.at..self.at + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .ok_or("short \\u escape")?;
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| format!("bad \\u{digits}"))
    }

    fn string(&mut self) -> Result<String, String> {
        if self.s.get(self.at) != Some(&b'"') {
            return Err(format!("expected a string at {}", self.at));
        }
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.s.get(self.at) else {
                return Err("unterminated string".into());
            };
            self.at += 1;
            match b {
                b'"' => return String::from_utf8(out).map_err(|e| e.to_string()),
                b'\\' => {
                    let e = *self.s.get(self.at).ok_or("unterminated escape")?;
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&hi) {
                                if !self.s[self.at..].starts_with(b"\\u") {
                                    return Err("lone surrogate".into());
                                }
                                self.at += 2;
                                let lo = self.hex4()?;
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or("bad code point")?
                        }
                        _ => return Err(format!("bad escape \\{}", e as char)),
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..=0x1f => return Err("control character in a string".into()),
                _ => out.push(b),
            }
        }
    }
}

#[test]
fn the_json_checker_checks() {
    assert!(Json::parse(r#"{"a":[1,"x\u00e9\/",true,null],"b":{}}"#).is_ok());
    for bad in [
        r#"{"a":1,}"#,
        r#"{"a" 1}"#,
        "[1 2]",
        "\"a\nb\"",
        "{\"a\":1}x",
    ] {
        assert!(Json::parse(bad).is_err(), "{bad}");
    }
}

/// The oEmbed file: a `rich` embed whose html is the README's snippet, with absolute addresses
/// next to the canonical page when there is one.
#[test]
fn oembed_describes_the_snippet() {
    let with = Options {
        canonical: Some("https://news.example/world/milei/".into()),
        ..Options::default()
    };
    let json = oembed(&DOCUMENT, &with);
    assert!(json.starts_with(r#"{"version":"1.0","type":"rich","title":"Milei’s Cold War Diplomacy Divides Latin America""#), "{json}");
    assert!(
        json.contains(r#""provider_name":"news.example","provider_url":"https://news.example/""#),
        "{json}"
    );
    assert!(
        json.contains(&format!(r#""width":{OEMBED_WIDTH},"height":"#)),
        "{json}"
    );
    let snippet = embed_snippet(&DOCUMENT, with.canonical.as_deref());
    assert!(snippet.starts_with(r#"<div data-xa-src="https://news.example/world/milei/" data-xa-title="Milei’s Cold War Diplomacy Divides Latin America"><a href="https://news.example/world/milei/">"#), "{snippet}");
    assert!(
        snippet.ends_with(
            r#"<script src="https://news.example/world/milei/embed.js" async></script>"#
        ),
        "{snippet}"
    );
    // In the JSON the snippet is one escaped string.
    assert!(
        json.contains(r#""html":"<div data-xa-src=\"https://news.example/world/milei/\""#),
        "{json}"
    );
    assert!(json.contains(r#"<\/script>""#), "{json}");

    // A canonical page that is a file: its siblings are in its folder.
    let file = Options {
        canonical: Some("https://news.example/milei.html?x=1".into()),
        provider: Some("The Example Times".into()),
    };
    let json = oembed(&DOCUMENT, &file);
    assert!(
        json.contains(r#""provider_name":"The Example Times""#),
        "{json}"
    );
    assert!(
        json.contains(r#"src=\"https://news.example/embed.js\""#),
        "{json}"
    );

    // Without an address: relative, and no provider is invented.
    let json = oembed(&DOCUMENT, &Options::default());
    assert!(!json.contains("provider"), "{json}");
    assert!(json.contains(r#"data-xa-src=\"./\""#), "{json}");
    assert_eq!(
        json,
        oembed(&DOCUMENT, &Options::default()),
        "deterministic"
    );
}

#[test]
fn the_page_links_its_oembed_once() {
    let link = r#"<link rel="alternate" type="application/json+oembed" href="oembed.json" title="Milei’s Cold War Diplomacy Divides Latin America">"#;
    for index in [SOURCE, MINIFIED] {
        let html = page(index);
        assert_eq!(head(&html).matches("application/json+oembed").count(), 1);
        assert!(head(&html).contains(link), "{}", head(&html));
    }
    let html = with_canonical(MINIFIED, URL).unwrap();
    assert!(
        head(&html).contains(&format!(r#"href="{URL}oembed.json""#)),
        "{}",
        head(&html)
    );
}

/// The compact graph leaves the page as its geometry alone; web/boot.js rebuilds it from the wide
/// one, which must therefore differ from it only in numbers and id tags.
#[test]
fn the_compact_graph_leaves_the_page_as_geometry() {
    let html = page(MINIFIED);
    let wide = graph_svg(&html, "xa-graph-wide").expect("the wide layout");
    let compact = graph_svg(&html, "xa-graph-compact").expect("the compact layout");
    let shape = |svg: &str| {
        let mut out = String::new();
        let mut in_number = false;
        for c in svg
            .replace("-w-", "-X-")
            .replace("-c-", "-X-")
            .replace("xa-graph-wide", "G")
            .replace("xa-graph-compact", "G")
            .chars()
        {
            let digit = c.is_ascii_digit() || (in_number && c == '.');
            if digit && !in_number {
                out.push('N');
            } else if !digit {
                out.push(c);
            }
            in_number = digit;
        }
        out
    };
    assert_eq!(
        shape(&wide),
        shape(&compact),
        "the layouts differ in more than numbers and ids"
    );

    let split = split_compact_graph(&html, &DOCUMENT).unwrap();
    assert!(
        graph_svg(&split, "xa-graph-compact").is_none(),
        "the compact <svg> is gone"
    );
    assert!(
        graph_svg(&split, "xa-graph-wide").is_some(),
        "the wide one stays"
    );
    let json = compact_graph_json(&DOCUMENT);
    assert!(split.contains(&format!(
        r#"<script type="application/json" id="xa-graph-compact-data">{json}</script>"#
    )));
    let layout = &DOCUMENT.graph.compact;
    assert!(
        json.starts_with(&format!(
            r#"{{"w":{},"h":{},"n":[["#,
            layout.width, layout.height
        )),
        "{json}"
    );
    for n in layout.nodes {
        assert!(compact.contains(&format!("translate({} {})", n.x, n.y)));
        assert!(json.contains(&format!("[{},{},{}]", n.actor, n.x, n.y)));
    }
    for d in layout.edges {
        assert!(compact.contains(&format!(r#"d="{d}""#)) && json.contains(&format!(r#""{d}""#)));
    }
    assert_eq!(
        split_compact_graph(&split, &DOCUMENT).unwrap(),
        split,
        "once only"
    );
}

fn graph_svg(html: &str, class: &str) -> Option<String> {
    let at = html.find(&format!("class=\"xa-graph {class}"))?;
    let start = html[..at].rfind("<svg")?;
    let end = start + html[start..].find("</svg>")? + "</svg>".len();
    Some(html[start..end].to_string())
}
