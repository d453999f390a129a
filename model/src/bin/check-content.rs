//! Checks a content folder and reports every mistake as `file:line: message`, without building the
//! app: `cargo run -p article-model --features source --bin check-content -- content [--show]`.
//! With `--show` it also prints the article with every mention marked `[text|actor-id]`.

use std::path::Path;
use std::process::ExitCode;

use article_model::source::{compile, read_dir};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "content".to_string());
    match read_dir(Path::new(&dir)).and_then(|sources| compile(&sources)) {
        Ok(doc) => {
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
                "{dir}: ok: {} paragraphs, {} actors, {} mentions",
                doc.paragraphs.len(),
                doc.actors.len(),
                doc.mentions.len()
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
