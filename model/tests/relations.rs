#![cfg(feature = "source")]
//! Relations, end to end: every quote in the real content is verbatim and points at the sentence
//! that holds it, the graph layout is the same on every build with nothing overlapping, and each
//! mistake in relations.toml is reported at its line with what was expected.
//!
//! Run with `cargo test -p article-model --features source`.

mod common;

use std::path::Path;

use article_model::layout::{distance_to_segment, label_width, line_clearance, overlaps, Placed};
use article_model::source::{read_dir, ContentError, Sources};
use article_model::{Document, Layout, RelationKind};
use common::compile;

const CONTENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/milei-cold-war");
const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny");
const RELATIONS: &str = "relations.toml";

fn compile_dir(dir: &str) -> &'static Document {
    let sources = read_dir(Path::new(dir)).expect("content folder");
    compile(&sources).unwrap_or_else(|e| panic!("{dir}: {e:#?}"))
}

/// The tiny fixture with its relations.toml replaced by `relations`.
fn tiny_with(relations: &str) -> Result<&'static Document, Vec<ContentError>> {
    let mut sources: Sources = read_dir(Path::new(TINY)).expect("tiny fixture");
    sources.relations = Some((RELATIONS.to_string(), relations.as_bytes().to_vec()));
    compile(&sources)
}

/// A relations.toml with one relation, the given fields overriding a valid default.
fn one(fields: &[(&str, &str)]) -> String {
    let mut values = vec![
        ("id", "\"quill-leads\""),
        ("type", "\"leadership\""),
        ("from", "\"quill\""),
        ("to", "\"norland\""),
        ("label", "\"is harbour minister of\""),
        ("quote", "\"Norland’s harbour minister, Ada Quill\""),
    ];
    for (k, v) in fields {
        match values.iter_mut().find(|(key, _)| key == k) {
            Some(slot) => slot.1 = v,
            None => values.push((k, v)),
        }
    }
    let body: Vec<String> = values.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    format!("[[relation]]\n{}\n", body.join("\n"))
}

/// Asserts exactly one error, in relations.toml at `line`, whose message has every word of `words`.
fn only_error(result: Result<&'static Document, Vec<ContentError>>, line: usize, words: &[&str]) {
    let errors = result.expect_err("the mistake is reported");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!((e.file.as_str(), e.line), (RELATIONS, line), "{e}");
    for w in words {
        assert!(e.message.contains(w), "{e} should mention {w:?}");
    }
}

fn boxes(doc: &Document, layout: Layout) -> Vec<Placed> {
    doc.story
        .nodes(layout)
        .iter()
        .map(|n| Placed {
            x: f64::from(n.x),
            y: f64::from(n.y),
            half_width: (label_width(&doc.story.actor(n.actor).short) / 2.0).max(10.0),
        })
        .collect()
}

#[test]
fn every_quote_is_verbatim_and_points_at_its_sentence() {
    let doc = compile_dir(CONTENT);
    assert!(
        doc.story.relations.len() >= 40,
        "the article's relations are all there"
    );
    let sentence_text = |id: u16| -> String {
        doc.blocks()
            .flat_map(|b| b.segments.iter())
            .filter(|s| s.sentence == id)
            .map(|s| s.text.as_str())
            .collect()
    };
    for r in &doc.story.relations {
        let (first, last) = r.sentences;
        let evidence: String = (first..=last).map(sentence_text).collect();
        assert!(
            evidence.contains(&r.quote),
            "{}: {:?} not in its sentences {evidence:?}",
            r.id,
            r.quote
        );
        assert!(
            doc.blocks().any(|b| b.text().contains(&r.quote)),
            "{} is verbatim",
            r.id
        );
        assert_ne!(r.from, r.to);
        assert!(doc
            .story
            .relations_of(r.from)
            .contains(&(doc.story.relation_by_id(&r.id).unwrap())));
    }
}

#[test]
fn the_relations_the_article_states_are_there() {
    let doc = compile_dir(CONTENT);
    let has = |from: &str, kind: RelationKind, to: &str| {
        let (f, t) = (
            doc.story.actor_by_id(from).unwrap(),
            doc.story.actor_by_id(to).unwrap(),
        );
        doc.story.relations.iter().any(|r| {
            r.kind == kind
                && ((r.from, r.to) == (f, t) || (!kind.directed() && (r.from, r.to) == (t, f)))
        })
    };
    assert!(has("milei", RelationKind::Insult, "lula"));
    assert!(has("milei", RelationKind::Insult, "petro"));
    assert!(has("arce", RelationKind::Rupture, "argentina"));
    assert!(has("zuniga", RelationKind::Leadership, "bolivia"));
    for country in ["mexico", "venezuela", "colombia", "brazil", "chile"] {
        assert!(has("milei", RelationKind::Feud, country), "{country}");
    }
    for country in ["cuba", "nicaragua", "venezuela", "bolivia", "mexico"] {
        assert!(
            has("united-states", RelationKind::Rupture, country),
            "{country}"
        );
    }
    for bloc in ["mercosur", "andean-community", "caricom"] {
        assert!(has("united-states", RelationKind::Outside, bloc), "{bloc}");
    }
    assert!(has("argentina", RelationKind::Trade, "tsingshan"));
    assert!(has("mercosur", RelationKind::Trade, "european-union"));
    assert!(has("bolsonaro", RelationKind::Rivalry, "lula"));
}

#[test]
fn layout_is_deterministic_without_overlaps() {
    let first = compile_dir(CONTENT);
    assert_eq!(first, compile_dir(CONTENT), "same content, same layout");
    let doc = compile_dir(CONTENT);
    for which in Layout::ALL {
        let layout = doc.graph.geometry(which);
        let nodes = doc.story.nodes(which);
        let placed = boxes(doc, which);
        let in_graph = (0..doc.story.actors.len() as u16)
            .filter(|&a| !doc.story.relations_of(a).is_empty())
            .count();
        assert_eq!(placed.len(), in_graph, "one node per actor with relations");
        for (i, a) in placed.iter().enumerate() {
            let (l, t, r, b) = a.bounds();
            assert!(l >= -0.5 && t >= -0.5, "{a:?}");
            assert!(
                r <= f64::from(layout.width) + 0.5 && b <= f64::from(layout.height) + 0.5,
                "{a:?}"
            );
            for c in &placed[i + 1..] {
                assert!(!overlaps(a, c), "{a:?} overlaps {c:?}");
            }
        }
        assert_eq!(
            layout.edges.len(),
            doc.story.relations.len(),
            "one path per relation"
        );
        // No line seems to pass through an actor it does not join.
        let at = |actor: u16| {
            let n = nodes.iter().find(|n| n.actor == actor).unwrap();
            (f64::from(n.x), f64::from(n.y))
        };
        let pair = |a: u16, b: u16| (a.min(b), a.max(b));
        for r in &doc.story.relations {
            let count = doc
                .story
                .relations
                .iter()
                .filter(|o| pair(o.from, o.to) == pair(r.from, r.to))
                .count();
            for n in nodes
                .iter()
                .filter(|n| n.actor != r.from && n.actor != r.to)
            {
                let (d, _) =
                    distance_to_segment((f64::from(n.x), f64::from(n.y)), at(r.from), at(r.to));
                let who = &doc.story.actor(n.actor).id;
                assert!(
                    d >= line_clearance(count) - 1.0,
                    "{} passes {d:.1} from {who}",
                    r.id
                );
            }
        }
    }
}

#[test]
fn the_tiny_article_has_its_graph() {
    let doc = compile_dir(TINY);
    assert_eq!(doc.story.relations.len(), 2);
    assert_eq!(doc.story.nodes(Layout::Wide).len(), 4);
}

#[test]
fn no_relations_file_no_graph() {
    let mut sources = read_dir(Path::new(TINY)).unwrap();
    sources.relations = None;
    let doc = compile(&sources).unwrap();
    assert!(doc.story.relations.is_empty() && doc.story.nodes(Layout::Wide).is_empty());
}

#[test]
fn error_quote_not_verbatim_says_where_it_parts() {
    let r = tiny_with(&one(&[(
        "quote",
        "\"Norland's harbour minister, Ada Quill\"",
    )]));
    only_error(
        r,
        7,
        &["not verbatim", "expected the article's exact words"],
    );
    let r = tiny_with(&one(&[(
        "quote",
        "\"The Norland Ferry Company will run three crossings\"",
    )]));
    only_error(
        r,
        7,
        &[
            "not verbatim",
            "will run” followed by “two crossings",
            "“three crossing",
        ],
    );
}

#[test]
fn error_quote_occurring_twice() {
    only_error(
        tiny_with(&one(&[("quote", "\"Norland\"")])),
        7,
        &["occurs", "times", "occurs once"],
    );
}

#[test]
fn error_quote_cutting_a_word() {
    only_error(
        tiny_with(&one(&[("quote", "\"orland’s harbour minister\"")])),
        7,
        &["cuts a word"],
    );
}

#[test]
fn error_unknown_type() {
    only_error(
        tiny_with(&one(&[("type", "\"friendship\"")])),
        3,
        &["unknown type", "insult", "leadership"],
    );
}

#[test]
fn error_unknown_actor_with_hint() {
    only_error(
        tiny_with(&one(&[("from", "\"quil\"")])),
        4,
        &["unknown actor id \"quil\"", "did you mean \"quill\""],
    );
}

#[test]
fn error_relation_to_itself() {
    only_error(
        tiny_with(&one(&[("to", "\"quill\"")])),
        5,
        &["to itself", "two different actors"],
    );
}

#[test]
fn error_empty_label() {
    only_error(tiny_with(&one(&[("label", "\"  \"")])), 6, &["empty label"]);
}

#[test]
fn error_invalid_and_duplicate_ids() {
    only_error(
        tiny_with(&one(&[("id", "\"Quill Leads\"")])),
        2,
        &["not valid", "lowercase"],
    );
    let twice = format!(
        "{}\n{}",
        one(&[]),
        one(&[("quote", "\"Ada Quill, cut a ribbon\"")])
    );
    only_error(tiny_with(&twice), 10, &["duplicate relation id", "line 2"]);
}

#[test]
fn error_same_relation_twice() {
    let twice = format!("{}\n{}", one(&[]), one(&[("id", "\"quill-leads-again\"")]));
    only_error(tiny_with(&twice), 10, &["repeats the one on line 2"]);
}

#[test]
fn error_unknown_field_and_malformed_file() {
    only_error(
        tiny_with(&one(&[("weight", "3")])),
        8,
        &["unknown field", "weight"],
    );
    let e = tiny_with("[[relation]]\nid = \"x\nfrom = 1\n").expect_err("malformed");
    assert_eq!((e[0].file.as_str(), e[0].line), (RELATIONS, 2), "{e:#?}");
}
