//! `rig`: the newsroom's rig for explorable articles. Every article is a folder of data under
//! `content/`; one runtime serves them all.
//!
//!   rig build [--content DIR] [--out DIR] [--runtime-stage DIR] (--site-url URL | --preview)
//!             [--runtime-url URL] [--provider NAME] [SLUG…]
//!   rig check [--content DIR] [--show] [--graph FILE.svg] SLUG…
//!   rig new   [--content DIR] [--language TAG] SLUG [TEXT-FILE]   (with a text: a drafted annotation)
//!   rig serve [--port N] (and build's options)
//!   rig contract            the page's id scheme and the directed relation types, as JSON (for the browser tests)
//!   rig words SLUG          the interface's words an article uses, as JSON (for the browser tests)
//!
//! Exit status: 0 when everything built, 1 when an article's data is wrong, 2 on a usage error.

use article_tools::{check, new_article, serve, share, site};

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use lexopt::prelude::*;

use site::Options;

const USAGE: &str =
    "usage: rig build|check|new|serve|contract|words [options] [slugs]; see tools/src/main.rs";

struct Args {
    command: String,
    options: Options,
    slugs: Vec<String>,
    show: bool,
    graph: Option<PathBuf>,
    port: u16,
    /// `--preview`: a build for this machine only, with relative addresses.
    preview: bool,
    /// `rig new --language TAG`: the language a draft reads the text in.
    language: Option<String>,
}

fn parse() -> Result<Args, lexopt::Error> {
    let mut parser = lexopt::Parser::from_env();
    let mut command = None;
    let mut options = Options {
        content: "content".into(),
        out: "dist".into(),
        stage: "target/runtime".into(),
        site_url: None,
        runtime_url: None,
        provider: None,
        only: Vec::new(),
    };
    let mut language = None;
    let (mut slugs, mut show, mut graph, mut port, mut preview) =
        (Vec::new(), false, None, 8080, false);
    let url = |v: String| share::parse_site_url(&v).map_err(|e| lexopt::Error::Custom(e.into()));
    while let Some(arg) = parser.next()? {
        match arg {
            Long("content") => options.content = parser.value()?.into(),
            Long("out") => options.out = parser.value()?.into(),
            Long("runtime-stage") => options.stage = parser.value()?.into(),
            Long("site-url") => options.site_url = Some(url(parser.value()?.string()?)?),
            Long("runtime-url") => options.runtime_url = Some(url(parser.value()?.string()?)?),
            Long("provider") => options.provider = Some(parser.value()?.string()?),
            Long("show") => show = true,
            Long("preview") => preview = true,
            Long("language") => language = Some(parser.value()?.string()?),
            Long("graph") => graph = Some(parser.value()?.into()),
            Long("port") => port = parser.value()?.parse()?,
            Long("help") | Short('h') => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Value(v) if command.is_none() => command = Some(v.string()?),
            Value(v) => slugs.push(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Args {
        command: command.ok_or(lexopt::Error::MissingValue { option: None })?,
        options,
        slugs,
        show,
        graph,
        port,
        preview,
        language,
    })
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("rig: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match args.command.as_str() {
        "build" => build(args),
        "check" => check(args),
        "new" => new(args),
        "serve" => serve::serve(&args.options, args.port).map(|_| true),
        "words" => words(args),
        "contract" => {
            // The id scheme, and which relation types the graph draws with an arrowhead.
            let mut contract =
                serde_json::to_value(article_model::ids::contract()).expect("serialises");
            contract["directed"] = article_model::RelationKind::ALL
                .iter()
                .map(|k| (k.key().to_string(), serde_json::Value::Bool(k.directed())))
                .collect::<serde_json::Map<_, _>>()
                .into();
            println!("{contract}");
            Ok(true)
        }
        other => Err(format!("unknown command {other:?}; {USAGE}")),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            // Content errors come as `error: …` lines already.
            for line in e.lines() {
                if line.starts_with("error: ") {
                    eprintln!("{line}");
                } else {
                    eprintln!("rig: error: {line}");
                }
            }
            ExitCode::from(1)
        }
    }
}

fn build(args: Args) -> Result<bool, String> {
    // A page published without its address cannot be embedded by a CMS (WordPress discovers the
    // oEmbed only by an absolute link): a publishing build must say where the site will live.
    if args.options.site_url.is_none() && !args.preview {
        return Err(
            "no --site-url: a published page links its oEmbed, canonical address and snippet by \
             the address the site will have, and a CMS embeds an article only by it; build with \
             --site-url https://news.example/explore/ (or XA_SITE_URL) to publish, or with \
             --preview for this machine only (relative addresses)"
                .into(),
        );
    }
    let started = Instant::now();
    let options = Options {
        only: args.slugs,
        ..args.options
    };
    let built = site::build(&options)?;
    site::report(&built);
    if options.site_url.is_none() {
        eprintln!(
            "note: a preview build (relative addresses): publish with --site-url https://news.example/explore/"
        );
    }
    let failed = built.iter().filter(|b| b.result.is_err()).count();
    println!(
        "{} article(s) built, {failed} failed, in {} ms; the site is in {}",
        built.len() - failed,
        started.elapsed().as_millis(),
        options.out.display()
    );
    Ok(failed == 0)
}

/// Every error, one `error: …` line each.
fn as_lines(errors: &[impl std::fmt::Display]) -> String {
    errors
        .iter()
        .map(|e| format!("error: {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The site's locales, checked (`content/locales/`).
fn read_locales(content: &std::path::Path) -> Result<article_model::source::Locales, String> {
    article_model::source::Locales::read(&content.join(site::LOCALES_DIR)).map_err(|e| as_lines(&e))
}

/// `rig words SLUG`: the interface's words an article's pages use, in its language, as JSON
/// (`{"app": …, "page": …}`), so that the browser tests never spell a word of the interface.
fn words(args: Args) -> Result<bool, String> {
    let [slug] = args.slugs.as_slice() else {
        return Err("rig words takes one article's slug".into());
    };
    let locales = read_locales(&args.options.content)?;
    let doc =
        site::compile_article(&args.options.content, slug, &locales).map_err(|e| as_lines(&e))?;
    let json = serde_json::json!({ "app": doc.story.words, "page": doc.page_words });
    println!("{json}");
    Ok(true)
}

fn check(args: Args) -> Result<bool, String> {
    let locales = read_locales(&args.options.content)?;
    let slugs = if args.slugs.is_empty() {
        site::articles(&args.options.content)?
    } else {
        args.slugs
    };
    let mut ok = true;
    for slug in slugs {
        match site::compile_article(&args.options.content, &slug, &locales) {
            Ok(doc) => {
                for w in site::name_warnings(&args.options.content, &slug, &doc, &locales) {
                    eprintln!("warning: {w}");
                }
                if args.show {
                    print!("{}", check::marked(&doc));
                }
                if let Some(path) = &args.graph {
                    std::fs::write(path, check::preview(&doc))
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    println!("graph preview written to {}", path.display());
                }
                println!("{slug}: ok: {}", check::counts(&doc));
            }
            Err(errors) => {
                for e in &errors {
                    eprintln!("error: {e}");
                }
                eprintln!("{slug}: {} content error(s)", errors.len());
                ok = false;
            }
        }
    }
    Ok(ok)
}

fn new(args: Args) -> Result<bool, String> {
    let (slug, text) = match args.slugs.as_slice() {
        [slug] => (slug, None),
        [slug, text] => (slug, Some(PathBuf::from(text))),
        _ => {
            return Err(format!(
                "rig new takes a slug and, optionally, a text file; {USAGE}"
            ))
        }
    };
    // The draft's language: `--language`, else English.
    let language = args.language.clone().unwrap_or_else(|| "en".into());
    let locales = read_locales(&args.options.content)?;
    let locale = locales.find(&language).ok_or_else(|| {
        format!(
            "no locale file for language {language:?}; expected one of {}",
            locales.tags().collect::<Vec<_>>().join(", ")
        )
    })?;
    let drafting = Some((language.as_str(), &locale.titles[..]));
    for path in new_article::create(&args.options.content, slug, text.as_deref(), drafting)? {
        println!("wrote {path}");
    }
    println!("next: fill in the files, then scripts/serve.sh to see it as you go");
    Ok(true)
}
