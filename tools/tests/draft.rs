//! The draft of an article's actors, measured against the test set (`common`: a long opinion
//! piece, a news brief, a Spanish news piece, a long feature), whose hand-made annotations are
//! the reference: a drafted
//! actor finds a reference actor when one of its forms is one of the reference's forms or its
//! name. Recall (reference actors found) must be at least 90 %, precision (drafted actors that are
//! reference actors) at least 70 %, and at least half of the guessed kinds right.

mod common;

use article_model::source::ActorsFile;
use article_tools::draft;
use article_tools::new_article;
use article_tools::site;

#[test]
fn the_draft_finds_the_actors_an_editor_annotated() {
    let locales = common::locales();
    let mut lines = Vec::new();
    for (content, slug) in common::test_set() {
        let doc = site::compile_article(&content, &slug, &locales).unwrap();
        let text = std::fs::read_to_string(content.join(&slug).join("article.txt")).unwrap();
        let titles = &locales.find(&doc.settings.language).unwrap().titles;
        let d = draft::draft(&text, &doc.settings.language, titles);
        // The reference: each actor's name and forms, as actors.toml writes them.
        let file: ActorsFile = toml::from_str(
            &std::fs::read_to_string(content.join(&slug).join("actors.toml")).unwrap(),
        )
        .unwrap();
        let reference: Vec<Vec<String>> = file
            .actor
            .iter()
            .map(|a| {
                let mut names = vec![a.name.get_ref().clone()];
                names.extend(a.forms.get_ref().iter().map(|f| f.get_ref().clone()));
                names
            })
            .collect();
        let matches = |forms: &[String], r: &[String]| forms.iter().any(|f| r.contains(f));
        let found = reference
            .iter()
            .filter(|r| d.actors.iter().any(|a| matches(&a.forms, r)))
            .count();
        let right = d
            .actors
            .iter()
            .filter(|a| reference.iter().any(|r| matches(&a.forms, r)))
            .count();
        // Of the drafted actors that are reference actors, those whose guessed kind is right.
        let kinds: Vec<(&str, &str)> = file
            .actor
            .iter()
            .map(|a| (a.name.get_ref().as_str(), a.kind.get_ref().as_str()))
            .collect();
        let kind_of = |r: &[String]| kinds.iter().find(|(n, _)| *n == r[0]).map(|(_, k)| *k);
        let kind_right = d
            .actors
            .iter()
            .filter(|a| {
                reference
                    .iter()
                    .find(|r| matches(&a.forms, r))
                    .is_some_and(|r| kind_of(r) == Some(a.kind))
            })
            .count();
        let recall = found as f64 / reference.len() as f64;
        let precision = right as f64 / d.actors.len() as f64;
        let missed: Vec<&String> = reference
            .iter()
            .filter(|r| !d.actors.iter().any(|a| matches(&a.forms, r)))
            .map(|r| &r[0])
            .collect();
        let extra: Vec<&String> = d
            .actors
            .iter()
            .filter(|a| !reference.iter().any(|r| matches(&a.forms, r)))
            .map(|a| &a.name)
            .collect();
        // The relations an editor writes: the candidates are the sentences naming two or more
        // drafted actors, and each reference relation's quote should stand in one of them.
        let quotes: Vec<String> =
            std::fs::read_to_string(content.join(&slug).join("relations.toml"))
                .unwrap()
                .lines()
                .filter_map(|l| l.strip_prefix("quote = "))
                .map(|q| {
                    toml::from_str::<toml::Value>(&format!("q = {q}")).unwrap()["q"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect();
        let quoted = quotes
            .iter()
            .filter(|q| {
                d.candidates
                    .iter()
                    .any(|(sentence, _)| sentence.contains(q.as_str()))
            })
            .count();
        lines.push(format!(
            "{slug}: recall {:.0}% ({found} of {} actors), precision {:.0}% ({right} of {} drafted), kind right for {kind_right} of {right}; missed {missed:?}; not actors {extra:?}\n  \
             left to the editor: delete {}, merge {}, add {}, change {} kinds, write {} roles and descriptions, choose {} relations of {} candidate sentences ({quoted} quotes within one)",
            recall * 100.0,
            reference.len(),
            precision * 100.0,
            d.actors.len(),
            d.actors.len() - right,
            right - found.min(right),
            reference.len() - found,
            right - kind_right,
            reference.len() * 2,
            quotes.len(),
            d.candidates.len(),
        ));
        // At least half of the relations' sentences are offered (a quote may span two
        // sentences, the second naming its actor as "Its" or "The company").
        let unoffered: Vec<&String> = quotes
            .iter()
            .filter(|q| {
                !d.candidates
                    .iter()
                    .any(|(sentence, _)| sentence.contains(q.as_str()))
            })
            .collect();
        assert!(
            quoted * 2 >= quotes.len(),
            "{}; not offered: {unoffered:#?}",
            lines.last().unwrap(),
        );
        // `kind` is a guess an editor checks, but at least half of the guesses are right.
        assert!(
            recall >= 0.9 && precision >= 0.7 && kind_right * 2 >= right,
            "{}",
            lines.last().unwrap()
        );
        // The draft is the shape actors.toml takes, with TODOs the build refuses.
        let toml = draft::actors_toml(&d);
        assert_eq!(toml.matches("[[actor]]").count(), d.actors.len());
        assert_eq!(toml.matches("role = \"TODO\"").count(), d.actors.len());
        // Ambiguous forms come with their contexts, words of the article as written (what an
        // override's `context` takes).
        let checks: Vec<_> = d.actors.iter().flat_map(|a| &a.checks).collect();
        assert!(!checks.is_empty(), "{slug}: no form to check");
        for (form, _, contexts) in checks {
            assert!(!contexts.is_empty(), "{form}");
            for c in contexts {
                assert!(
                    text.contains(c.as_str()) && c.contains(form.as_str()),
                    "{form}: {c:?}"
                );
            }
        }
    }
    println!("{}", lines.join("\n"));
}

#[test]
fn a_drafted_article_with_its_todos_written_builds_strict() {
    // From a plain text to a page: `rig new` with the text, then only the TODOs written (a role
    // and a description for each actor) and `strict = true`: every name is marked, the build
    // passes. What an editor then deletes, merges or adds keeps it so, with `plain`.
    let locales = common::locales();
    let scratch = std::env::temp_dir().join(format!("rig-draft-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    for (content, slug) in common::test_set() {
        let language = site::compile_article(&content, &slug, &locales)
            .unwrap()
            .settings
            .language;
        let titles = &locales.find(&language).unwrap().titles;
        let text = content.join(&slug).join("article.txt");
        new_article::create(&scratch, &slug, Some(&text), Some((&language, titles))).unwrap();
        let dir = scratch.join(&slug);
        let actors = std::fs::read_to_string(dir.join("actors.toml")).unwrap();
        let todos = actors.matches("= \"TODO").count();
        let written: String = actors
            .lines()
            .map(|l| {
                if l.starts_with("role = \"TODO") {
                    "role = \"A role\"".to_string()
                } else if l.starts_with("description = \"TODO") {
                    "description = \"A description.\"".to_string()
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(todos > 0 && !written.contains("= \"TODO"), "{slug}");
        // Before the TODOs are written the build refuses the article.
        assert!(
            site::compile_article(&scratch, &slug, &locales).is_err(),
            "{slug}"
        );
        std::fs::write(dir.join("actors.toml"), written).unwrap();
        let settings = std::fs::read_to_string(dir.join("article.toml")).unwrap();
        std::fs::write(
            dir.join("article.toml"),
            format!("{settings}\nstrict = true\n"),
        )
        .unwrap();
        let doc = site::compile_article(&scratch, &slug, &locales)
            .unwrap_or_else(|e| panic!("{slug}: {e:#?}"));
        assert!(doc.settings.strict, "{slug}");
        assert_eq!(doc.settings.language, language, "{slug}");
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
