//! The rig, as a newsroom developer uses it: a site of several articles built from their folders, one
//! whose data is wrong failing alone (with its name and `file:line` messages, its last good page
//! kept), a new article from `rig new` appearing once its data is filled in, slugs checked, and the
//! index listing every article. Runs on copies in a temporary folder.

use std::path::{Path, PathBuf};

use article_tools::new_article;
use article_tools::runtime::{self, Runtime};
use article_tools::site::{self, Options};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// A scratch folder, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("rig-site-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().filter_map(Result::ok) {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A runtime as `runtime::prepare` makes one, without building it (the pages only name its files).
fn runtime() -> Runtime {
    Runtime {
        css: "article-1.css".into(),
        boot: "boot-1.js".into(),
        glue: "article-1.js".into(),
        wasm: "article_bg-1.wasm".into(),
        icon: "favicon-1.svg".into(),
        site_css: "site-1.css".into(),
        embed_child: "embed-child-1.js".into(),
        template: "<!doctype html><html lang=en><title>t</title><script data-js=/a.js data-wasm=/a.wasm src=/boot.js type=module></script><link href=/a.css rel=stylesheet><link href=/f.svg rel=icon><body><div id=xa-app></div></body></html>".into(),
        source: "test".into(),
    }
}

/// A site with the real articles and locales, built into `out`.
fn site(dir: &Path) -> Options {
    let content = dir.join("content");
    copy_dir(&Path::new(ROOT).join("content"), &content);
    Options {
        content,
        out: dir.join("dist"),
        stage: dir.join("stage"),
        site_url: None,
        runtime_url: None,
        provider: None,
        only: Vec::new(),
    }
}

fn build(options: &Options) -> Vec<site::Built> {
    let locales = site::read_locales(&options.content).unwrap();
    site::build_articles(options, &runtime(), &locales).unwrap()
}

#[test]
fn every_article_is_built_on_the_shared_runtime_and_listed() {
    let scratch = Scratch::new("all");
    let options = site(&scratch.0);
    let built = build(&options);
    let slugs: Vec<&str> = built.iter().map(|b| b.slug.as_str()).collect();
    assert!(
        slugs.contains(&"milei-cold-war") && slugs.contains(&"river-compact"),
        "{slugs:?}"
    );
    for b in &built {
        assert!(
            b.result.is_ok(),
            "{}: {:?}",
            b.slug,
            b.result.as_ref().err()
        );
        let dir = options.out.join(&b.slug);
        for file in ["index.html", "oembed.json", "embed.html", "article.json"] {
            assert!(dir.join(file).is_file(), "{}/{file}", b.slug);
        }
        let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(
            page.contains("src=\"../_runtime/boot-1.js\""),
            "the shared runtime, from beside the page"
        );
    }
    let index = std::fs::read_to_string(options.out.join("index.html")).unwrap();
    for b in &built {
        let s = b.result.as_ref().unwrap();
        assert!(
            index.contains(&format!("href=\"{}/\"", b.slug)),
            "the index links {}",
            b.slug
        );
        assert!(
            index.contains(&article_tools::page::text(&s.title)),
            "the index names {}",
            b.slug
        );
        assert!(
            index.contains(&article_tools::page::text(&s.snippet)),
            "the index gives {}'s snippet",
            b.slug
        );
    }
    assert!(index.contains("33 actors · 53 relations"), "{index}");
}

#[test]
fn an_article_with_wrong_data_fails_alone_and_keeps_its_last_good_page() {
    let scratch = Scratch::new("broken");
    let options = site(&scratch.0);
    build(&options);
    let good = std::fs::read_to_string(options.out.join("river-compact/index.html")).unwrap();
    // A typo in an actor id of one article.
    let relations = options.content.join("river-compact/relations.toml");
    let text = std::fs::read_to_string(&relations).unwrap();
    std::fs::write(
        &relations,
        text.replacen("from = \"pell\"", "from = \"pel\"", 1),
    )
    .unwrap();
    let built = build(&options);
    let broken = built.iter().find(|b| b.slug == "river-compact").unwrap();
    let errors = broken.result.as_ref().expect_err("the article fails");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("river-compact/relations.toml:")
            && errors[0].contains("unknown actor id \"pel\" (did you mean \"pell\"?)"),
        "{errors:?}"
    );
    assert!(
        built
            .iter()
            .filter(|b| b.slug != "river-compact")
            .all(|b| b.result.is_ok()),
        "the others build"
    );
    assert_eq!(
        std::fs::read_to_string(options.out.join("river-compact/index.html")).unwrap(),
        good,
        "its last good page stays"
    );
    let index = std::fs::read_to_string(options.out.join("index.html")).unwrap();
    assert!(
        index.contains("href=\"river-compact/\""),
        "and the index still lists it"
    );
}

#[test]
fn a_new_article_appears_once_its_data_is_filled_in() {
    let scratch = Scratch::new("new");
    let options = site(&scratch.0);
    let text = scratch.0.join("brief.txt");
    std::fs::write(&text, "Harbour Pilots Strike in Norport\n\nPilots in Norport stopped work on Monday, the Norport Harbour Board said.\n").unwrap();
    let locales = site::read_locales(&options.content).unwrap();
    let titles = &locales.find("en").unwrap().titles;
    let written = new_article::create(
        &options.content,
        "harbour-strike",
        Some(&text),
        Some(("en", titles)),
    )
    .unwrap();
    assert_eq!(written.len(), 5, "{written:?}");
    assert!(
        new_article::create(&options.content, "harbour-strike", None, None).is_err(),
        "not over an existing one"
    );
    for bad in ["Harbour", "harbour_strike", "-x", "a--b", "locales", ""] {
        assert!(
            new_article::create(&options.content, bad, None, None).is_err(),
            "{bad:?}"
        );
    }
    // The draft found the board, and does not build until its blanks are written: the data says
    // what is missing, at its line.
    let drafted =
        std::fs::read_to_string(options.content.join("harbour-strike/actors.toml")).unwrap();
    assert!(
        drafted.contains("name = \"Norport Harbour Board\""),
        "{drafted}"
    );
    let built = build(&options);
    let b = built.iter().find(|b| b.slug == "harbour-strike").unwrap();
    let errors = b.result.as_ref().expect_err("the draft's roles are TODOs");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("actors.toml:") && e.contains("has its role still to write (TODO)")),
        "{errors:?}"
    );
    // Without a text, the templates alone do not build either.
    new_article::create(&options.content, "empty-one", None, None).unwrap();
    let built = build(&options);
    let b = built.iter().find(|b| b.slug == "empty-one").unwrap();
    let errors = b.result.as_ref().expect_err("templates have no actor yet");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("actors.toml:1: no [[actor]] tables")),
        "{errors:?}"
    );
    std::fs::remove_dir_all(options.content.join("empty-one")).unwrap();
    // Filled in, it builds, with no Rust or wasm compiled.
    std::fs::write(
        options.content.join("harbour-strike/actors.toml"),
        "[[actor]]\nid = \"board\"\nname = \"Norport Harbour Board\"\nkind = \"organisation\"\nrole = \"Port authority (fictional)\"\ndescription = \"An invented port authority.\"\nforms = [\"Norport Harbour Board\"]\n",
    )
    .unwrap();
    let built = build(&Options {
        only: vec!["harbour-strike".into()],
        ..options.clone()
    });
    assert_eq!(built.len(), 1);
    let summary = built[0].result.as_ref().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(summary.actors, 1);
    assert!(built[0].millis < 2000, "rebuilt in {} ms", built[0].millis);
    let index = std::fs::read_to_string(options.out.join("index.html")).unwrap();
    assert!(index.contains("Harbour Pilots Strike in Norport"));
}

#[test]
fn a_folder_that_is_not_a_slug_is_refused() {
    let scratch = Scratch::new("slug");
    let options = site(&scratch.0);
    copy_dir(
        &options.content.join("river-compact"),
        &options.content.join("River_Compact"),
    );
    let built = build(&options);
    let b = built.iter().find(|b| b.slug == "River_Compact").unwrap();
    let errors = b.result.as_ref().expect_err("refused");
    assert!(
        errors[0]
            .contains("is not a valid slug; expected lowercase letters, digits and single hyphens"),
        "{errors:?}"
    );
    assert!(!options.out.join("River_Compact").exists());
}

#[test]
fn a_site_rebuilt_whole_keeps_only_the_runtime_its_pages_link() {
    let dir = Scratch::new("prune");
    let out = dir.0.join("_runtime");
    std::fs::create_dir_all(&out).unwrap();
    let now = runtime();
    let old = [
        "article-0.css",
        "article_bg-0.wasm",
        "boot-0.js",
        "embed-child-0.js",
    ];
    for name in [
        now.css.as_str(),
        &now.boot,
        &now.glue,
        &now.wasm,
        &now.icon,
        &now.site_css,
        &now.embed_child,
        "manifest.json",
    ]
    .iter()
    .chain(&old)
    {
        std::fs::write(out.join(name), name).unwrap();
    }
    assert_eq!(runtime::prune(&out, &now).unwrap(), old.len());
    let mut left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            "article-1.css",
            "article-1.js",
            "article_bg-1.wasm",
            "boot-1.js",
            "embed-child-1.js",
            "favicon-1.svg",
            "manifest.json",
            "site-1.css"
        ]
    );
}
