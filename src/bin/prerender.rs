//! `prerender [--canonical URL] [--provider NAME] <path/to/index.html>`: renders the article into
//! the page Trunk built, in place (Trunk's `post_build` hook runs it on the staged `index.html`; see
//! Trunk.toml), and writes the oEmbed file beside it. Strips the comment lines of the hand-written
//! scripts it finds there (`boot.js`, `embed.js`, `embed-child.js`).
//! Then shortens the wasm's import names in the built wasm and its glue (`imports.rs`).
//! Prints what it did; on failure prints the reason and exits non-zero.

use std::process::ExitCode;

use std::path::Path;

use explorable_article::content::DOCUMENT;
use explorable_article::imports;
use explorable_article::prerender::{
    boot_files, oembed, prerender_with, split_compact_graph, strip_script_comments, Options,
    OEMBED_FILE,
};

const USAGE: &str = "usage: prerender [--canonical URL] [--provider NAME] <path/to/index.html>";

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
            "--provider" => {
                let name = args
                    .next()
                    .ok_or(format!("--provider needs a name; {USAGE}"))?;
                options.provider = Some(name);
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
    let dir = Path::new(&path).parent().unwrap_or(Path::new("."));
    let out = split_compact_graph(&out, &DOCUMENT).map_err(|e| format!("{path}: {e}"))?;
    std::fs::write(&path, &out).map_err(|e| format!("{path}: {e}"))?;
    let oembed_path = dir.join(OEMBED_FILE);
    std::fs::write(&oembed_path, oembed(&DOCUMENT, &options))
        .map_err(|e| format!("{}: {e}", oembed_path.display()))?;
    for script in ["boot.js", "embed.js", "embed-child.js"] {
        let path = dir.join(script);
        if let Ok(js) = std::fs::read_to_string(&path) {
            std::fs::write(&path, strip_script_comments(&js))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let renamed = minify_imports(dir, &out)?;
    Ok(format!(
        "prerendered {path}: {} bytes, {renamed} wasm imports renamed{}",
        out.len(),
        options
            .canonical
            .map(|url| format!(", canonical {url}"))
            .unwrap_or_default()
    ))
}

/// Renames the wasm's imports in the wasm and glue the page boots (`data-wasm`, `data-js`).
fn minify_imports(dir: &Path, page: &str) -> Result<usize, String> {
    let (js, wasm) = boot_files(page)?;
    let in_dir = |path: &str| dir.join(path.rsplit('/').next().unwrap_or(path));
    let (js, wasm) = (in_dir(&js), in_dir(&wasm));
    let glue = std::fs::read_to_string(&js).map_err(|e| format!("{}: {e}", js.display()))?;
    let binary = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let module = imports::glue_module(&glue)
        .ok_or(format!("{}: no wasm-bindgen import object", js.display()))?;
    let m =
        imports::minify(&binary, &glue, &module).map_err(|e| format!("{}: {e}", wasm.display()))?;
    std::fs::write(&wasm, &m.wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    std::fs::write(&js, &m.glue).map_err(|e| format!("{}: {e}", js.display()))?;
    Ok(m.renamed)
}
