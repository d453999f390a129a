//! What the native page tests share: every article of the site (and the tiny fixture), compiled as
//! the build tools compile them, the text they are compared against, and a small reader of the
//! markup Yew writes.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::rc::Rc;

use article_model::source::{compile, read_dir, Locales};
use article_model::Document;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The site's locale files.
pub fn locales() -> Locales {
    Locales::read(&root().join("content/locales")).expect("the locale files read")
}

/// An article compiled from its folder, with the folder's path.
pub struct Article {
    pub dir: PathBuf,
    pub doc: Rc<Document>,
}

/// Every article folder of `content/`, and the model's tiny fixture.
pub fn articles() -> Vec<Article> {
    let locales = locales();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("content"))
        .expect("content/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("article.txt").is_file())
        .collect();
    dirs.sort();
    dirs.push(root().join("model/tests/fixtures/tiny"));
    dirs.into_iter()
        .map(|dir| {
            let sources = read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e:#?}", dir.display()));
            let doc =
                compile(&sources, &locales).unwrap_or_else(|e| panic!("{}: {e:#?}", dir.display()));
            Article {
                dir,
                doc: Rc::new(doc),
            }
        })
        .collect()
}

/// The headline and paragraphs of an article.txt, as lines.
pub fn source_blocks(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("article.txt")).unwrap();
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

/// Asserts that `html` holds the headline and every paragraph of the article.txt in `dir`,
/// character for character (curly quotes, accents and dashes included).
pub fn assert_verbatim(html: &str, dir: &Path) {
    let source = source_blocks(dir);
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
