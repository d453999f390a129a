//! Checks a content folder and reports every mistake as `file:line: message`, without building the
//! app: `cargo run -p article-model --features source --bin check-content -- content [--show]`.
//! With `--show` it also prints the article with every mention marked `[text|actor-id]`; with
//! `--graph FILE.svg` it writes a preview of the relation graph's two layouts.

use std::path::Path;
use std::process::ExitCode;

use article_model::source::{compile, read_dir};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let graph_file = args.iter().position(|a| a == "--graph").map(|i| i + 1);
    let dir = args
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != graph_file)
        .map(|(_, a)| a)
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "content".to_string());
    match read_dir(Path::new(&dir)).and_then(|sources| compile(&sources)) {
        Ok(doc) => {
            if let Some(path) = args
                .iter()
                .position(|a| a == "--graph")
                .and_then(|i| args.get(i + 1))
            {
                std::fs::write(path, preview(doc)).expect("the preview file is writable");
                println!("graph preview written to {path}");
            }
            if show {
                for (index, block) in doc.blocks().enumerate() {
                    let marked: String = block
                        .segments
                        .iter()
                        .map(|s| match s.mention {
                            Some(m) => format!("[{}|{}]", s.text, doc.actor_of(m).id),
                            None => s.text.to_string(),
                        })
                        .collect();
                    println!("{index}: {marked}\n");
                }
            }
            println!(
                "{dir}: ok: {} paragraphs, {} actors, {} mentions, {} relations ({} actors in the graph)",
                doc.paragraphs.len(),
                doc.actors.len(),
                doc.mentions.len(),
                doc.relations.len(),
                doc.graph.wide.nodes.len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("{dir}: {} content error(s)", errors.len());
            ExitCode::FAILURE
        }
    }
}

/// Both graph layouts side by side, plain SVG, to judge a layout without building the app.
fn preview(doc: &article_model::Document) -> String {
    let (wide, compact) = (&doc.graph.wide, &doc.graph.compact);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" font-family=\"sans-serif\" font-size=\"12\" font-weight=\"600\">",
        wide.width + compact.width + 40,
        wide.height.max(compact.height)
    );
    for (dx, layout) in [(0, wide), (wide.width + 40, compact)] {
        out.push_str(&format!(
            "<g transform=\"translate({dx} 0)\"><rect width=\"{}\" height=\"{}\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
            layout.width, layout.height
        ));
        for d in layout.edges {
            out.push_str(&format!("<path d=\"{d}\" fill=\"none\" stroke=\"#999\"/>"));
        }
        for n in layout.nodes {
            out.push_str(&format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"9\" fill=\"#36c\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                n.x,
                n.y,
                n.x,
                n.y + 25,
                doc.actors[n.actor as usize].short
            ));
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}
