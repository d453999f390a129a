//! Writes a compiled [`Document`] as Rust source: static data the app includes, so the page ships
//! no parser and does no work at start-up to read its content.

use std::fmt::Write;

use crate::{Block, Document, GraphLayout, Kind, RelationKind};

fn kind_path(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "Kind::Person",
        Kind::Country => "Kind::Country",
        Kind::Organisation => "Kind::Organisation",
        Kind::Company => "Kind::Company",
    }
}

fn relation_kind_path(kind: RelationKind) -> String {
    format!("RelationKind::{kind:?}")
}

fn block(out: &mut String, block: &Block) {
    out.push_str("Block { segments: &[");
    for s in block.segments {
        let _ = write!(
            out,
            "Segment {{ text: {:?}, mention: {:?}, sentence: {} }}, ",
            s.text, s.mention, s.sentence
        );
    }
    out.push_str("] }");
}

fn layout(out: &mut String, name: &str, l: &GraphLayout, paths: bool) {
    let _ = write!(
        out,
        "        {name}: GraphLayout {{ width: {}, height: {}, nodes: &[",
        l.width, l.height
    );
    for n in l.nodes {
        let _ = write!(
            out,
            "GraphNode {{ actor: {}, x: {}, y: {} }}, ",
            n.actor, n.x, n.y
        );
    }
    let edges: &[&str] = if paths { l.edges } else { &[] };
    let _ = writeln!(out, "], edges: &{edges:?} }},");
}

/// Rust source for `pub static DOCUMENT: Document`, to be `include!`d where the model's types are
/// in scope. The output is deterministic: the same content gives the same bytes.
pub fn to_rust(doc: &Document) -> String {
    write_document(doc, true)
}

/// The same without what only rendering the page needs (the text and the graph's paths): what
/// the browser needs once the page is prerendered. Ids and numbers are the same as [`to_rust`]'s.
pub fn to_rust_runtime(doc: &Document) -> String {
    write_document(doc, false)
}

fn write_document(doc: &Document, full: bool) -> String {
    let mut out =
        String::from("// Generated from the content files by the build script. Do not edit.\n");
    out.push_str("pub static DOCUMENT: Document = Document {\n    title: ");
    if full {
        block(&mut out, &doc.title);
    } else {
        out.push_str("Block { segments: &[] }");
    }
    out.push_str(",\n    paragraphs: &[\n");
    for p in doc.paragraphs.iter().filter(|_| full) {
        out.push_str("        ");
        block(&mut out, p);
        out.push_str(",\n");
    }
    out.push_str("    ],\n    actors: &[\n");
    for a in doc.actors {
        let _ = writeln!(
            out,
            "        Actor {{ id: {:?}, name: {:?}, short: {:?}, kind: {}, role: {:?}, description: {:?}, mentions: &{:?}, relations: &{:?} }},",
            a.id,
            a.name,
            a.short,
            kind_path(a.kind),
            a.role,
            a.description,
            a.mentions,
            a.relations
        );
    }
    out.push_str("    ],\n    mentions: &[\n");
    for m in doc.mentions {
        let _ = writeln!(
            out,
            "        Mention {{ actor: {}, block: {} }},",
            m.actor, m.block
        );
    }
    out.push_str("    ],\n    relations: &[\n");
    for r in doc.relations {
        let _ = writeln!(
            out,
            "        Relation {{ id: {:?}, kind: {}, from: {}, to: {}, label: {:?}, quote: {:?}, sentences: {:?} }},",
            r.id,
            relation_kind_path(r.kind),
            r.from,
            r.to,
            r.label,
            r.quote,
            r.sentences
        );
    }
    out.push_str("    ],\n    graph: Graph {\n");
    layout(&mut out, "wide", &doc.graph.wide, full);
    layout(&mut out, "compact", &doc.graph.compact, full);
    out.push_str("    },\n};\n");
    out
}
