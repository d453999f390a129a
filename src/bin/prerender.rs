//! `prerender [--canonical URL] <path/to/index.html>`: renders the article into the page Trunk
//! built, in place (Trunk's `post_build` hook runs it on the staged `index.html`; see Trunk.toml).
//! Prints the page's new size; on failure prints the reason and exits non-zero.

use std::process::ExitCode;

use explorable_article::content::DOCUMENT;
use explorable_article::prerender::{prerender_with, Options};

const USAGE: &str = "usage: prerender [--canonical URL] <path/to/index.html>";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut options = Options::default();
    let mut path = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--canonical" => {
                let url = args
                    .next()
                    .ok_or(format!("--canonical needs a URL; {USAGE}"))?;
                options.canonical = Some(url);
            }
            "-h" | "--help" => return Ok(USAGE.into()),
            _ if arg.starts_with("--canonical=") => {
                options.canonical = Some(arg["--canonical=".len()..].to_string());
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}; {USAGE}")),
            _ if path.is_none() => path = Some(arg),
            _ => return Err(format!("one page at a time; {USAGE}")),
        }
    }
    let path = path.ok_or(USAGE)?;
    let page = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let out = prerender_with(&page, &DOCUMENT, &options).map_err(|e| format!("{path}: {e}"))?;
    std::fs::write(&path, &out).map_err(|e| format!("{path}: {e}"))?;
    Ok(format!(
        "prerendered {path}: {} bytes{}",
        out.len(),
        options
            .canonical
            .map(|url| format!(", canonical {url}"))
            .unwrap_or_default()
    ))
}
