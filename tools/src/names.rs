//! The check for names nobody marked (`article_model::source::coverage`), with what it counts as
//! a known name anywhere in a sentence: the countries and demonyms of the `keshvar` crate (ISO
//! 3166 names, their common forms, nationalities, and their names in the article's language).
//! Chosen over `celes` and `rust_iso3166`, which hold codes and English names and aliases only
//! (neither has "Bolivian"): a demonym is the name most often left unmarked. Measured on 2 cores,
//! a first release build of `keshvar` with its translations takes 20 s; with its subdivisions too
//! (which would know capitals such as "La Paz") 1 min 47 s, so capitals are left to the editor.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use article_model::source::coverage;
use article_model::source::ContentError;
use article_model::Document;

/// The countries as `language` writes them: every name and demonym (ISO 3166 short names
/// without their parentheses, common names, English nationalities, the names in the language),
/// each with its country's ISO code, lowercase, and the country's name in the language.
type Countries = HashMap<String, (String, String)>;

/// [`Countries`] for `language` (a BCP 47 tag; its primary subtag is used), read from keshvar
/// once per language.
fn countries(language: &str) -> &'static Countries {
    static CACHE: OnceLock<Mutex<HashMap<String, &'static Countries>>> = OnceLock::new();
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
        // "Bolivia (Plurinational State of)" is known as "Bolivia".
        let plain = |name: &str| name.split(" (").next().unwrap_or(name).trim().to_string();
        let mut names = Countries::new();
        for country in keshvar::CountryIterator::new() {
            let short = plain(country.iso_short_name());
            let translated = country
                .translations()
                .get(primary.as_str())
                .map(|n| plain(n));
            let code = format!("{:?}", country.alpha2()).to_lowercase();
            let display = if primary == "en" {
                short.clone()
            } else {
                translated.clone().unwrap_or_else(|| short.clone())
            };
            let mut all: Vec<String> = country
                .unofficial_name_list()
                .iter()
                .map(|n| plain(n))
                .collect();
            all.extend(translated);
            if primary == "en" {
                all.push(short);
                all.extend(country.maybe_nationality().map(plain));
            }
            for name in all.into_iter().filter(|n| !n.is_empty()) {
                names
                    .entry(name)
                    .or_insert_with(|| (code.clone(), display.clone()));
            }
        }
        Box::leak(Box::new(names))
    })
}

/// Whether `word` is a country's name or demonym in `language`.
pub fn is_known(language: &str, word: &str) -> bool {
    countries(language).contains_key(word)
}

/// The country a name or demonym stands for in `language` ("Bolivian", "Bolivians" → Bolivia):
/// its ISO code, lowercase (an actor id), and its name as the language writes it.
pub fn country_of(language: &str, word: &str) -> Option<(String, String)> {
    let countries = countries(language);
    countries
        .get(word)
        .or_else(|| {
            word.strip_suffix('s')
                .filter(|w| w.len() > 3)
                .and_then(|w| countries.get(w))
        })
        .cloned()
}

/// Every name-like text of the article that no actor's form covers, as errors at its line of
/// `article_file` (as the other content errors name it).
pub fn unmarked(article_file: &str, doc: &Document, titles: &[String]) -> Vec<ContentError> {
    let language = doc.settings.language.as_str();
    coverage::unmarked(doc, &|word| is_known(language, word), titles)
        .into_iter()
        .map(|u| ContentError {
            file: article_file.to_string(),
            line: doc.block_lines.get(u.block).copied().unwrap_or(1),
            message: format!(
                "{:?} is not marked; add it to an actor's forms in actors.toml, or to `plain` in article.toml if it names no actor of this story",
                u.text
            ),
        })
        .collect()
}
