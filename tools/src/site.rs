//! The site: every article of `content/` built into `dist/<slug>/` on the one runtime in
//! `dist/_runtime/`, and `dist/index.html`, the newsroom's list of its articles. An article whose
//! data is wrong fails alone: its errors are printed with its name, and its earlier pages stay.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use article_model::source::{compile, read_dir, ContentError, Locales};
use article_model::Document;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::page::{self, attr, text, Links};
use crate::runtime::{self, Runtime, RUNTIME_DIR};
use crate::share::{self, Place, EMBED_SCRIPT, OEMBED_FILE};

/// What `rig build` is told.
#[derive(Debug, Clone)]
pub struct Options {
    pub content: PathBuf,
    pub out: PathBuf,
    /// Where Trunk built the runtime.
    pub stage: PathBuf,
    pub site_url: Option<Url>,
    /// Where the pages find the runtime, when it is hosted elsewhere (a CDN); else beside them.
    pub runtime_url: Option<Url>,
    pub provider: Option<String>,
    /// Build only these articles (all when empty).
    pub only: Vec<String>,
}

/// What the index lists of an article, kept beside its page (`article.json`), so the index can be
/// written again without compiling every article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub slug: String,
    pub title: String,
    pub lede: String,
    pub language: String,
    pub actors: usize,
    pub relations: usize,
    pub sample: bool,
    pub snippet: String,
    /// The snippet of its graph view.
    #[serde(default)]
    pub graph_snippet: String,
}

/// One article's outcome.
pub struct Built {
    pub slug: String,
    pub millis: u128,
    pub result: Result<Summary, Vec<String>>,
    /// Names nobody marked, in an article that is not strict.
    pub warnings: Vec<String>,
}

/// Prints what each article's build came to.
pub fn report(built: &[Built]) {
    for b in built {
        for w in &b.warnings {
            eprintln!("warning: {w}");
        }
        match &b.result {
            Ok(s) => println!(
                "built {} in {} ms: {} actors, {} relations",
                b.slug, b.millis, s.actors, s.relations
            ),
            Err(errors) => {
                for e in errors {
                    eprintln!("error: {e}");
                }
                eprintln!(
                    "{}: {} error(s); its pages were not rebuilt (the last good ones stay)",
                    b.slug,
                    errors.len()
                );
            }
        }
    }
}

/// The folder names that are not articles.
pub const LOCALES_DIR: &str = "locales";

/// Slugs are lowercase letters and digits in parts joined by single hyphens, like ids.
pub fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The article folders of `content/`: every folder with an `article.txt`, by name.
pub fn articles(content: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(content)
        .map_err(|e| format!("{}: {e}; expected the content folder", content.display()))?;
    let mut slugs: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join("article.txt").is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name != LOCALES_DIR)
        .collect();
    slugs.sort();
    Ok(slugs)
}

/// Compiles one article of `content/`.
pub fn compile_article(
    content: &Path,
    slug: &str,
    locales: &Locales,
) -> Result<Document, Vec<ContentError>> {
    let dir = content.join(slug);
    let sources = read_dir(&dir)?;
    let doc = compile(&sources, locales)?;
    // An article that says `strict = true` builds only with every name marked.
    if doc.settings.strict {
        let unmarked = unmarked_names(content, slug, &doc, locales);
        if !unmarked.is_empty() {
            return Err(unmarked);
        }
    }
    Ok(doc)
}

/// The names in an article's text that nobody marked (`crate::names`): warnings, or the errors of
/// a strict article.
pub fn unmarked_names(
    content: &Path,
    slug: &str,
    doc: &Document,
    locales: &Locales,
) -> Vec<ContentError> {
    let titles = locales
        .find(&doc.settings.language)
        .map_or(&[][..], |l| &l.titles[..]);
    let article = content.join(slug).join("article.txt");
    crate::names::unmarked(&article.display().to_string(), doc, titles)
}

/// The warnings of an article that is not strict: its names nobody marked. (A strict article
/// with any does not compile: [`compile_article`] has said so.)
pub fn name_warnings(
    content: &Path,
    slug: &str,
    doc: &Document,
    locales: &Locales,
) -> Vec<ContentError> {
    if doc.settings.strict {
        Vec::new()
    } else {
        unmarked_names(content, slug, doc, locales)
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The runtime's files as an article's page links them.
fn links(runtime: &Runtime, runtime_url: Option<&Url>, place: &Place) -> Links {
    let at = |file: &str| match runtime_url {
        Some(base) => base.join(file).map(String::from).unwrap_or_default(),
        None => format!("../{RUNTIME_DIR}/{file}"),
    };
    Links {
        css: at(&runtime.css),
        boot: at(&runtime.boot),
        glue: at(&runtime.glue),
        wasm: at(&runtime.wasm),
        icon: at(&runtime.icon),
        oembed: place.beside(OEMBED_FILE),
    }
}

/// The first sentence of the first paragraph.
fn lede(doc: &Document) -> String {
    let Some(first) = doc.paragraphs.first() else {
        return String::new();
    };
    let sentence = first.segments.first().map_or(0, |s| s.sentence);
    first
        .segments
        .iter()
        .filter(|s| s.sentence == sentence)
        .map(|s| s.text.as_str())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Writes one compiled article into `out/<slug>/`: its page, its story, its oEmbed file, the
/// snippet to paste, and its summary for the index.
pub fn write_article(
    doc: Document,
    slug: &str,
    runtime: &Runtime,
    options: &Options,
    locales: &Locales,
) -> Result<Summary, String> {
    let doc = Rc::new(doc);
    let place = Place {
        site: options.site_url.clone(),
        slug: slug.to_string(),
    };
    let dir = options.out.join(slug);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;

    let links = links(runtime, options.runtime_url.as_ref(), &place);
    let canonical = place.canonical();
    let html = page::page(&runtime.template, &doc, &links, canonical.as_deref())?;
    write(&dir.join("index.html"), html.as_bytes())?;
    write(
        &dir.join(OEMBED_FILE),
        share::oembed(&doc, &place, options.provider.as_deref()).as_bytes(),
    )?;
    let snippet = share::snippet(&doc, &place);
    write(&dir.join("embed.html"), format!("{snippet}\n").as_bytes())?;
    write(
        &dir.join("embed-example.html"),
        example_page(&snippet, &index_words(locales)?).as_bytes(),
    )?;
    let summary = Summary {
        slug: slug.to_string(),
        title: doc.title.text(),
        lede: lede(&doc),
        language: doc.settings.language.clone(),
        actors: doc.story.actors.len(),
        relations: doc.story.relations.len(),
        sample: doc.settings.sample,
        snippet,
        graph_snippet: share::graph_snippet(&doc, &place),
    };
    write(
        &dir.join("article.json"),
        serde_json::to_string_pretty(&summary)
            .expect("a summary serialises")
            .as_bytes(),
    )?;
    Ok(summary)
}

/// Builds the runtime (when Trunk built a new one) and the articles; then the index.
pub fn build(options: &Options) -> Result<Vec<Built>, String> {
    let locales = read_locales(&options.content)?;
    let runtime = runtime::prepare(&options.stage, &options.out.join(RUNTIME_DIR))?;
    write(
        &options.out.join(EMBED_SCRIPT),
        runtime::embed_script(&options.stage)?.as_bytes(),
    )?;
    if let Some(site) = &options.site_url {
        let plugin = options.out.join(share::WORDPRESS_PLUGIN);
        if let Some(dir) = plugin.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        write(&plugin, share::wordpress_plugin(site).as_bytes())?;
    }
    let built = build_articles(options, &runtime, &locales)?;
    // Every page rebuilt on this runtime: the files of earlier ones are no longer linked.
    if options.only.is_empty() && built.iter().all(|b| b.result.is_ok()) {
        runtime::prune(&options.out.join(RUNTIME_DIR), &runtime)?;
    }
    Ok(built)
}

/// The site's locale files, or all their errors in one message.
pub fn read_locales(content: &Path) -> Result<Locales, String> {
    Locales::read(&content.join(LOCALES_DIR)).map_err(|errors| {
        errors
            .iter()
            .map(|e| format!("error: {e}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Builds the articles (those `options.only` names, or all) on a finished runtime; then the index.
pub fn build_articles(
    options: &Options,
    runtime: &Runtime,
    locales: &Locales,
) -> Result<Vec<Built>, String> {
    let all = articles(&options.content)?;
    for slug in &options.only {
        if !all.contains(slug) {
            return Err(format!(
                "no article {slug:?} in {}; expected one of {}",
                options.content.display(),
                all.join(", ")
            ));
        }
    }
    let mut built = Vec::new();
    for slug in all
        .iter()
        .filter(|s| options.only.is_empty() || options.only.contains(s))
    {
        let started = Instant::now();
        let mut warnings = Vec::new();
        let result = if !valid_slug(slug) {
            Err(vec![format!(
                "{}: the folder name {slug:?} is not a valid slug; expected lowercase letters, digits and single hyphens, like \"milei-cold-war\"",
                options.content.join(slug).display()
            )])
        } else {
            match compile_article(&options.content, slug, locales) {
                Ok(doc) => {
                    warnings = name_warnings(&options.content, slug, &doc, locales)
                        .iter()
                        .map(ToString::to_string)
                        .collect();
                    write_article(doc, slug, runtime, options, locales).map_err(|e| vec![e])
                }
                Err(errors) => Err(errors.iter().map(ToString::to_string).collect()),
            }
        };
        built.push(Built {
            slug: slug.clone(),
            millis: started.elapsed().as_millis(),
            result,
            warnings,
        });
    }
    write_index(options, runtime, locales)?;
    Ok(built)
}

/// The words of the newsroom's own pages (the index, the example page): English, else the first
/// language there is.
fn index_words(locales: &Locales) -> Result<article_model::words::IndexWords, String> {
    Ok(locales
        .find("en")
        .or_else(|| locales.tags().next().and_then(|t| locales.find(t)))
        .ok_or("no locale file; expected content/locales/en.toml")?
        .index_words())
}

/// A publisher's page with the article's snippet in it, as an editor pastes it: for trying the
/// embed without a CMS.
fn example_page(snippet: &str, words: &article_model::words::IndexWords) -> String {
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <link rel=\"icon\" href=\"data:,\"><title>{title}</title></head><body>\
         <h1>{heading}</h1><p>{before}</p>\n{snippet}\n<p>{after}</p></body></html>\n",
        lang = attr(&words.language),
        title = text(&words.example_title),
        heading = text(&words.example_heading),
        before = text(&words.example_before),
        after = text(&words.example_after),
    )
}

/// `dist/index.html`: every built article (as its `article.json` says), with its headline, first
/// sentence, counts, a link and the snippet to copy.
pub fn write_index(options: &Options, runtime: &Runtime, locales: &Locales) -> Result<(), String> {
    let mut summaries: Vec<Summary> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&options.out) {
        for e in entries.filter_map(Result::ok) {
            if let Ok(text) = std::fs::read_to_string(e.path().join("article.json")) {
                if let Ok(s) = serde_json::from_str::<Summary>(&text) {
                    summaries.push(s);
                }
            }
        }
    }
    summaries.sort_by(|a, b| a.slug.cmp(&b.slug));
    let words = index_words(locales)?;
    let css = format!("{RUNTIME_DIR}/{}", runtime.site_css);
    let icon = format!("{RUNTIME_DIR}/{}", runtime.icon);
    let mut items = String::new();
    for s in &summaries {
        let counts = format!(
            "{} · {}",
            words.count(&words.actors, s.actors),
            words.count(&words.relations, s.relations)
        );
        items += &format!(
            "<li class=\"xa-site-item\" lang=\"{lang}\"><h2><a href=\"{slug}/\">{title}</a></h2>\
             <p class=\"xa-site-lede\">{lede}</p><p class=\"xa-site-counts\">{counts}{sample}</p>\
             <label class=\"xa-site-snippet\"><span>{embed}</span>\
             <textarea readonly rows=\"4\" spellcheck=\"false\">{snippet}</textarea></label>\
             <label class=\"xa-site-snippet\"><span>{embed_graph} (<a href=\"{slug}/?view=graph\">{graph}</a>)</span>\
             <textarea readonly rows=\"4\" spellcheck=\"false\">{graph_snippet}</textarea></label></li>",
            lang = attr(&s.language),
            slug = attr(&s.slug),
            title = text(&s.title),
            lede = text(&s.lede),
            counts = text(&counts),
            sample = if s.sample {
                format!(" · {}", text(&words.sample))
            } else {
                String::new()
            },
            embed = text(&words.embed),
            snippet = text(&s.snippet),
            embed_graph = text(&words.embed_graph),
            graph = text(&words.graph_view),
            graph_snippet = text(&s.graph_snippet),
        );
    }
    let html = format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\"><title>{title}</title>\
         <link rel=\"stylesheet\" href=\"{css}\"><link rel=\"icon\" href=\"{icon}\"></head>\
         <body><main class=\"xa-site\"><h1>{title}</h1><p>{intro}</p><ul class=\"xa-site-list\">{items}</ul></main></body></html>\n",
        lang = attr(&words.language),
        title = text(&words.title),
        intro = text(&words.intro),
        css = attr(&css),
        icon = attr(&icon),
    );
    write(&options.out.join("index.html"), html.as_bytes())
}
