//! `rig check <slug>…`: compiles articles and reports every mistake as `file:line: message`,
//! without building pages. With `--show` it also prints the article with every mention marked
//! `[text|actor-id]`; with `--graph FILE.svg` it writes a preview of the graph's two layouts.

use article_model::{Document, Layout};

/// The article with every mention marked `[text|actor-id]`, a block a paragraph.
pub fn marked(doc: &Document) -> String {
    let mut out = String::new();
    for (index, block) in doc.blocks().enumerate() {
        let text: String = block
            .segments
            .iter()
            .map(|s| match s.mention {
                Some(m) => format!("[{}|{}]", s.text, doc.actor_of(m).id),
                None => s.text.clone(),
            })
            .collect();
        out += &format!("{index}: {text}\n\n");
    }
    out
}

/// What compiling found, in a line.
pub fn counts(doc: &Document) -> String {
    format!(
        "{} paragraphs, {} actors, {} mentions, {} relations ({} actors in the graph)",
        doc.paragraphs.len(),
        doc.story.actors.len(),
        doc.story.mentions.len(),
        doc.story.relations.len(),
        doc.story.nodes(Layout::Wide).len()
    )
}

/// Both graph layouts side by side, plain SVG, to judge a layout without building the app.
pub fn preview(doc: &Document) -> String {
    let (wide, compact) = (&doc.graph.wide, &doc.graph.compact);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" font-family=\"sans-serif\" font-size=\"12\" font-weight=\"600\">",
        wide.width + compact.width + 40,
        wide.height.max(compact.height)
    );
    for (dx, layout) in [(0, Layout::Wide), (wide.width + 40, Layout::Compact)] {
        let g = doc.graph.geometry(layout);
        out += &format!(
            "<g transform=\"translate({dx} 0)\"><rect width=\"{}\" height=\"{}\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
            g.width, g.height
        );
        for d in &g.edges {
            out += &format!("<path d=\"{d}\" fill=\"none\" stroke=\"#999\"/>");
        }
        for n in doc.story.nodes(layout) {
            out += &format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"9\" fill=\"#36c\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                n.x,
                n.y,
                n.x,
                n.y + article_model::LABEL_OFFSET,
                crate::page::text(&doc.story.actor(n.actor).short)
            );
        }
        out += "</g>";
    }
    out + "</svg>"
}
