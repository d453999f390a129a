//! Checks the article's content files and compiles them into Rust statics the app includes.
//! Bad content fails the build with `file:line: what is wrong; what was expected`.
//! `ARTICLE_CONTENT_DIR` points at another content folder (default `content`).

use std::path::Path;

use article_model::source::{compile, read_dir, to_rust, to_rust_runtime};

fn main() {
    println!("cargo:rerun-if-env-changed=ARTICLE_CONTENT_DIR");
    let dir = std::env::var("ARTICLE_CONTENT_DIR").unwrap_or_else(|_| "content".to_string());
    println!("cargo:rerun-if-changed={dir}");
    match read_dir(Path::new(&dir)).and_then(|sources| compile(&sources)) {
        Ok(doc) => {
            let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("content.rs");
            // Rendering (natively, to prerender) needs everything; the browser, which takes over the
            // prerendered page, needs no text and no graph paths.
            let source = format!(
                "#[cfg(feature = \"ssr\")]\n{}\n#[cfg(not(feature = \"ssr\"))]\n{}",
                to_rust(doc),
                to_rust_runtime(doc)
            );
            std::fs::write(&out, source).expect("OUT_DIR is writable");
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "{} error(s) in the content files under {dir}/; the page was not built",
                errors.len()
            );
            std::process::exit(1);
        }
    }
}
