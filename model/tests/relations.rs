#![cfg(feature = "source")]
//! Relations, end to end: every quote in the real content is verbatim and points at the sentence
//! that holds it, the graph layout is the same on every build with nothing overlapping, and each
//! mistake in relations.toml is reported at its line with what was expected.
//!
//! Run with `cargo test -p article-model --features source`.

mod common;

use std::path::Path;

use article_model::layout::{
    distance_to_segment, edge_path, label_width, line_clearance, overlaps, Placed,
};
use article_model::source::{read_dir, ContentError, Sources};
use article_model::{Document, Layout, RelationKind};
use common::compile;

const CONTENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/milei-cold-war");
const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny");
const RIVER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/river-compact");
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

/// Every node inside its box and apart from the others, one path per relation, no line passing
/// through an actor it does not join: in both layouts.
fn assert_laid_out_well(doc: &Document) {
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

/// A made-up article of `actors` actors ("Actor Aa", "Ab Board", "The Ac Works" …), one sentence per relation: each actor
/// `i` linked to `i + 1` within groups of `group` actors (so `actors / group` separate groups),
/// and every third actor also to the one three on.
fn synthetic(actors: usize, group: usize) -> Sources {
    let names: Vec<String> = (0..actors)
        .map(|i| {
            let a = (b'A' + (i / 26) as u8) as char;
            let b = (b'a' + (i % 26) as u8) as char;
            format!(
                "{}{a}{b}{}",
                ["Actor ", "", "The "][i % 3],
                ["", " Board", " Works"][i % 3]
            )
        })
        .collect();
    let mut pairs = Vec::new();
    for i in 0..actors {
        if (i + 1) % group != 0 && i + 1 < actors {
            pairs.push((i, i + 1));
        }
        if i % 3 == 0 && (i + 3) / group == i / group && i + 3 < actors {
            pairs.push((i, i + 3));
        }
    }
    let sentences: Vec<String> = pairs
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| format!("{} met {} on day {}.", names[a], names[b], k + 1))
        .collect();
    let article = format!("A Synthetic Graph\n\n{}\n", sentences.join(" "));
    let actors_toml: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "[[actor]]\nid = \"a{i}\"\nname = \"{n}\"\nkind = \"organisation\"\nrole = \"Made up\"\ndescription = \"Made up.\"\nforms = [\"{n}\"]\n\n"
            )
        })
        .collect();
    let relations_toml: String = pairs
        .iter()
        .zip(&sentences)
        .enumerate()
        .map(|(k, (&(a, b), quote))| {
            format!(
                "[[relation]]\nid = \"r{k}\"\ntype = \"alliance\"\nfrom = \"a{a}\"\nto = \"a{b}\"\nlabel = \"met\"\nquote = \"{quote}\"\n\n"
            )
        })
        .collect();
    Sources {
        article: ("article.txt".into(), article.into_bytes()),
        actors: ("actors.toml".into(), actors_toml.into_bytes()),
        mentions: None,
        relations: Some((RELATIONS.into(), relations_toml.into_bytes())),
        settings: Some(("article.toml".into(), b"sample = true\n".to_vec())),
    }
}

#[test]
fn layout_is_deterministic_without_overlaps() {
    let first = compile_dir(CONTENT);
    assert_eq!(first, compile_dir(CONTENT), "same content, same layout");
    assert_laid_out_well(first);
    assert_laid_out_well(compile_dir(RIVER));
    assert_laid_out_well(compile_dir(TINY));
}

#[test]
fn graphs_of_two_to_forty_actors_are_laid_out_apart() {
    for (actors, group) in [(2, 2), (5, 5), (12, 4), (40, 40), (40, 8)] {
        let doc = compile(&synthetic(actors, group)).unwrap_or_else(|e| panic!("{actors}: {e:#?}"));
        assert_eq!(doc.story.nodes(Layout::Wide).len(), actors);
        assert_laid_out_well(doc);
    }
}

/// Beyond the actors a graph can show, the build says so at once, instead of trying to lay out
/// what cannot be placed (twice the first article tried for seconds, five times for minutes).
#[test]
fn a_graph_of_more_than_forty_actors_is_refused_at_once_with_the_limit() {
    let started = std::time::Instant::now();
    let errors = compile(&synthetic(41, 41)).expect_err("41 actors in relations");
    let text: String = errors.iter().map(|e| format!("{e}\n")).collect();
    assert!(
        text.contains("relations.toml:1: the graph would hold 41 actors")
            && text.contains("expected at most 40 actors in relations"),
        "{text}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "refused before any layout: {:?}",
        started.elapsed()
    );
}

/// The box a graph is drawn in grows with its actors: a small one is not spread over the box of
/// a large one (the page shows it at its own size, centred), a large one gets a taller box.
#[test]
fn the_graph_box_fits_the_number_of_actors() {
    let area = |doc: &Document, which| {
        let g = doc.graph.geometry(which);
        u32::from(g.width) * u32::from(g.height)
    };
    let two = compile(&synthetic(2, 2)).unwrap();
    let twelve = compile(&synthetic(12, 4)).unwrap();
    let thirty = compile_dir(CONTENT);
    let forty = compile(&synthetic(40, 40)).unwrap();
    for which in Layout::ALL {
        let sizes: Vec<u32> = [two, twelve, thirty, forty]
            .iter()
            .map(|d| area(d, which))
            .collect();
        assert!(
            sizes.windows(2).all(|w| w[0] < w[1]),
            "{which:?}: areas grow with the actors: {sizes:?}"
        );
        assert!(
            sizes[0] * 3 < sizes[2],
            "{which:?}: two actors get far less room than thirty: {sizes:?}"
        );
        // Neither wider than the column's box.
        let widest = if which == Layout::Wide { 560 } else { 340 };
        assert!([two, twelve, thirty, forty]
            .iter()
            .all(|d| d.graph.geometry(which).width <= widest));
    }
    // Two actors: their nodes are close, not in opposite corners of a 560 px box.
    let n = two.story.nodes(Layout::Wide);
    let d = f64::from(n[0].x - n[1].x).hypot(f64::from(n[0].y - n[1].y));
    assert!(d < 320.0, "two actors {d:.0} apart");
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
    // Only the last letter differs: the quote parts from the article at its last word.
    let r = tiny_with(&one(&[(
        "quote",
        "\"The Norland Ferry Company will run two crossings a daz\"",
    )]));
    only_error(
        r,
        7,
        &["not verbatim", "crossings a” followed by “day", "“daz"],
    );
    // Parted after four letters of the article: it says where; before them: that none occur.
    let r = tiny_with(&one(&[("quote", "\"Inn, zany poet\"")]));
    only_error(r, 7, &["not verbatim", "“…Inn,” followed by “named"]);
    let r = tiny_with(&one(&[("quote", "\"Xylophones in Sudmark\"")]));
    only_error(
        r,
        7,
        &[
            "not verbatim",
            "not even its first words occur in the article",
        ],
    );
}

#[test]
fn a_quote_points_at_exactly_the_sentences_it_spans() {
    // One sentence, two sentences to the end of the paragraph, the paragraph's last sentence.
    let cases = [
        ("Quill said the council had asked for a quiet start.", 1),
        (
            "Quill said the council had asked for a quiet start. Passengers in Sudmark were met outside the Quill Inn, named after a local poet.",
            2,
        ),
        (
            "Passengers in Sudmark were met outside the Quill Inn, named after a local poet.",
            1,
        ),
    ];
    for (quote, count) in cases {
        let doc = tiny_with(&one(&[("quote", &format!("{quote:?}"))]))
            .unwrap_or_else(|e| panic!("{e:#?}"));
        let (first, last) = doc.story.relations[0].sentences;
        let evidence: String = doc
            .blocks()
            .flat_map(|b| b.segments.iter())
            .filter(|s| (first..=last).contains(&s.sentence))
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(usize::from(last - first) + 1, count, "{quote}");
        assert_eq!(evidence.trim_end(), quote);
    }
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

#[test]
fn relations_of_one_pair_bow_apart_evenly_whichever_way_they_point() {
    // Two relations between Quill and Norland, one each way: both curves bow the same distance
    // from the line between the two, on either side, the first in relations.toml to the left as
    // seen from the pair's first node in the graph to its second.
    let mut relations = one(&[]);
    relations.push('\n');
    relations.push_str(&one(&[
        ("id", "\"norland-quill\""),
        ("type", "\"negotiation\""),
        ("from", "\"norland\""),
        ("to", "\"quill\""),
        ("label", "\"hears\""),
        (
            "quote",
            "\"Quill said the council had asked for a quiet start.\"",
        ),
    ]));
    let doc = tiny_with(&relations).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(doc.story.relations.len(), 2);
    for which in Layout::ALL {
        let nodes = doc.story.nodes(which);
        assert_eq!(nodes.len(), 2);
        let (a, b) = (
            (f64::from(nodes[0].x), f64::from(nodes[0].y)),
            (f64::from(nodes[1].x), f64::from(nodes[1].y)),
        );
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt();
        // How far each curve's control point stands off the line a→b (left is negative in SVG's
        // downward y).
        let offsets: Vec<f64> = doc
            .graph
            .geometry(which)
            .edges
            .iter()
            .map(|path| {
                let numbers: Vec<f64> = path
                    .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
                    .filter(|n| !n.is_empty())
                    .map(|n| n.parse().unwrap())
                    .collect();
                assert_eq!(numbers.len(), 6, "a curve, not a straight line: {path}");
                let (cx, cy) = (numbers[2], numbers[3]);
                let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                (dx * (cy - my) - dy * (cx - mx)) / len
            })
            .collect();
        assert!(offsets[0] < -5.0, "{which:?}: {offsets:?}");
        assert!(
            (offsets[0] + offsets[1]).abs() <= 2.0,
            "{which:?}: {offsets:?}"
        );
    }
}

#[test]
fn every_line_is_drawn_from_the_nodes_where_they_are_drawn() {
    // Nodes are drawn at whole units; a line starts and ends at the node it joins as drawn, not
    // where the layout had it before rounding.
    for doc in [compile_dir(CONTENT), compile_dir(TINY), compile_dir(RIVER)] {
        for which in Layout::ALL {
            let nodes = doc.story.nodes(which);
            let at = |actor: u16| {
                let n = nodes.iter().find(|n| n.actor == actor).unwrap();
                Placed {
                    x: f64::from(n.x),
                    y: f64::from(n.y),
                    half_width: 0.0,
                }
            };
            let pair = |a: u16, b: u16| (a.min(b), a.max(b));
            let relations = &doc.story.relations;
            for (r, path) in relations.iter().zip(&doc.graph.geometry(which).edges) {
                let siblings = relations
                    .iter()
                    .filter(|o| pair(o.from, o.to) == pair(r.from, r.to))
                    .count();
                if siblings == 1 {
                    assert_eq!(*path, edge_path(&at(r.from), &at(r.to), 0, 1), "{}", r.id);
                }
            }
        }
    }
}
