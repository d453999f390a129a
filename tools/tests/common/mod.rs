//! The test set of the draft and of the check for unmarked names: the site's articles (a long
//! opinion piece, a news brief, a Spanish news piece) and the articles written for the tests alone
//! in `tests/articles/` (a long feature), each with its hand-made annotation as the reference.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use article_model::source::Locales;
use article_tools::site;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// The site's content folder.
pub fn content() -> PathBuf {
    Path::new(ROOT).join("content")
}

/// The site's locales, which the test set's articles are written against too.
pub fn locales() -> Locales {
    site::read_locales(&content()).unwrap()
}

/// Every article of the test set: the folder its slug is in, and the slug.
pub fn test_set() -> Vec<(PathBuf, String)> {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    [content(), tests]
        .into_iter()
        .flat_map(|dir| {
            site::articles(&dir)
                .unwrap()
                .into_iter()
                .map(move |slug| (dir.clone(), slug))
        })
        .collect()
}
