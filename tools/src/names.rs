//! The check for names nobody marked (`article_model::source::coverage`), with what it counts as
//! a known name anywhere in a sentence: the countries and demonyms of the `keshvar` crate (ISO
//! 3166 names, their common forms, nationalities, and their names in the article's language).
//! Chosen over `celes` and `rust_iso3166`, which hold codes and English names and aliases only
//! (neither has "Bolivian"): a demonym is the name most often left unmarked. Measured on 2 cores,
//! a first release build of `keshvar` with its translations takes 20 s; with its subdivisions too
//! (which would know capitals such as "La Paz") 1 min 47 s, so capitals are left to the editor.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use article_model::source::coverage;
use article_model::source::ContentError;
use article_model::Document;

/// The country names and demonyms of `language` (a BCP 47 tag; its primary subtag is used).
pub fn known_names(language: &str) -> &'static HashSet<String> {
    static CACHE: OnceLock<Mutex<HashMap<String, &'static HashSet<String>>>> = OnceLock::new();
    let primary = language
        .split('-')
        .next()
        .unwrap_or(language)
        .to_lowercase();
    let mut cache = CACHE
        .get_or_init(Default::default)
        .lock()
        .expect("not poisoned");
    cache.entry(primary.clone()).or_insert_with(|| {
        let mut names = HashSet::new();
        for country in keshvar::CountryIterator::new() {
            let mut add = |name: &str| {
                // "Bolivia (Plurinational State of)" is known as "Bolivia".
                let name = name.split(" (").next().unwrap_or(name).trim();
                if !name.is_empty() {
                    names.insert(name.to_string());
                }
            };
            if primary == "en" {
                add(country.iso_short_name());
                if let Some(n) = country.maybe_nationality() {
                    add(n);
                }
            }
            if let Some(n) = country.translations().get(primary.as_str()) {
                add(n);
            }
            for n in country.unofficial_name_list() {
                add(n);
            }
        }
        Box::leak(Box::new(names))
    })
}

/// The country a name or demonym stands for in `language` ("Bolivian", "Bolivians" → Bolivia):
/// its ISO code, lowercase (an actor id), and its name as the language writes it.
pub fn country_of(language: &str, word: &str) -> Option<(String, String)> {
    let primary = language
        .split('-')
        .next()
        .unwrap_or(language)
        .to_lowercase();
    let singular = word.strip_suffix('s').filter(|w| w.len() > 3);
    keshvar::CountryIterator::new().find_map(|country| {
        let short = country.iso_short_name();
        let short = short.split(" (").next().unwrap_or(short);
        let translated = country.translations().get(primary.as_str()).copied();
        let mut names: Vec<&str> = country.unofficial_name_list().to_vec();
        names.extend(translated);
        if primary == "en" {
            names.push(short);
            names.extend(country.maybe_nationality());
        }
        let hit = names.iter().any(|n| {
            n.split(" (").next() == Some(word)
                || Some(n.split(" (").next().unwrap_or(n)) == singular
        });
        hit.then(|| {
            let name = if primary == "en" {
                short
            } else {
                translated.unwrap_or(short)
            };
            (
                format!("{:?}", country.alpha2()).to_lowercase(),
                name.to_string(),
            )
        })
    })
}

/// Every name-like text of the article that no actor's form covers, as `article.txt:line` errors
/// (`slug/article.txt`, as the other content errors name it).
pub fn unmarked(
    dir: &Path,
    article_file: &str,
    doc: &Document,
    titles: &[String],
) -> Vec<ContentError> {
    let known = known_names(&doc.settings.language);
    // Each word of a multi-word name is looked up alone too ("United States" holds "United").
    let is_known = |word: &str| known.contains(word);
    // The line of each block: the article's non-blank lines, in order.
    let text = std::fs::read_to_string(dir.join("article.txt")).unwrap_or_default();
    let lines: Vec<usize> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i + 1)
        .collect();
    coverage::unmarked(doc, &is_known, titles)
        .into_iter()
        .map(|u| ContentError {
            file: article_file.to_string(),
            line: lines.get(u.block).copied().unwrap_or(1),
            message: format!(
                "{:?} is not marked; add it to an actor's forms in actors.toml, or to `plain` in article.toml if it names no actor of this story",
                u.text
            ),
        })
        .collect()
}
