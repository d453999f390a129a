//! A small story the unit tests share: three actors, six mentions (actor 0 named three times),
//! two relations, a graph of three nodes. Its words are placeholders, not the interface's.

use crate::words::{Plural, Plurals, Words};
use crate::{Actor, GraphNode, Kind, Relation, RelationKind, Story};

pub fn words() -> Words {
    let s = |t: &str| t.to_string();
    let plural = |one: &str, other: &str| Plural {
        forms: vec![s(one), s(other)],
    };
    Words {
        kinds: vec![s("k1"), s("k2"), s("k3"), s("k4")],
        close_card: s("close"),
        in_this_article: s("rels"),
        show_in_graph: s("graph"),
        named: plural("once", "{n} times"),
        mentions_of: s("of {name}"),
        previous_mention: s("prev"),
        next_mention: s("next"),
        position: s("{i}/{n}"),
        in_the_text: plural("{n} mention", "{n} mentions"),
        cards_off: s("off"),
        relation: s("{from} — {label} — {to}"),
        hint_on: s("on"),
        hint_off: s("off"),
        caption_idle: s("idle"),
        caption_actor: plural("{name}: {n} relation", "{name}: {n} relations"),
        graph: s("the graph"),
        node_who: s("{short} ({name})"),
        node: plural(
            "{who}, {kind}: {n} relation",
            "{who}, {kind}: {n} relations",
        ),
        edge: s("{relation}: {quote}"),
        plurals: Plurals {
            categories: vec![s("one"), s("other")],
            by_count: vec![1, 0, 1, 1],
            beyond: 1,
        },
    }
}

pub fn sample_story() -> Story {
    let actor = |id: &str| Actor {
        id: id.into(),
        name: id.to_uppercase(),
        short: id.into(),
        kind: Kind::Person,
        role: "r".into(),
        description: "d".into(),
    };
    let relation = |id: &str, kind, from, to, s| Relation {
        id: id.into(),
        kind,
        from,
        to,
        label: "l".into(),
        quote: "q".into(),
        sentences: (s, s),
    };
    let nodes = vec![
        GraphNode {
            actor: 0,
            x: 0,
            y: 0,
        },
        GraphNode {
            actor: 1,
            x: 100,
            y: 0,
        },
        GraphNode {
            actor: 2,
            x: 0,
            y: 100,
        },
    ];
    Story::new(
        vec![actor("a"), actor("b"), actor("c")],
        vec![0, 1, 0, 2, 1, 0],
        vec![
            relation("a-b", RelationKind::Feud, 0, 1, 2),
            relation("a-c", RelationKind::Trade, 0, 2, 5),
        ],
        [nodes.clone(), nodes],
        words(),
    )
}
