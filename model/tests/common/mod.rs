//! What the model's integration tests share: the site's locale files, and compiling with them.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use article_model::source::{ContentError, Locales, Sources};
use article_model::Document;

/// The real locale files (`content/locales`), read once.
pub fn locales() -> &'static Locales {
    static LOCALES: OnceLock<Locales> = OnceLock::new();
    LOCALES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/locales");
        Locales::read(&dir).unwrap_or_else(|e| panic!("the locale files do not read: {e:#?}"))
    })
}

/// Compiles `sources` with the real locale files; the document lives for the rest of the test.
pub fn compile(sources: &Sources) -> Result<&'static Document, Vec<ContentError>> {
    article_model::source::compile(sources, locales()).map(|doc| &*Box::leak(Box::new(doc)))
}
