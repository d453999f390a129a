//! `article.toml`, an article's optional settings: its language, what its kicker says it is, and
//! whether it is a sample written for the rig. A folder without the file gets the defaults.

use serde::Deserialize;
use toml::Spanned;

use super::files::parse;
use super::{line_of, not_one_of, ContentError};
use crate::{Genre, Settings};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    language: Option<Spanned<String>>,
    genre: Option<Spanned<String>>,
    sample: Option<bool>,
    strict: Option<bool>,
    plain: Option<Vec<Spanned<String>>>,
}

/// What `genre` says for an article with no kicker.
pub const NO_GENRE: &str = "none";

/// Checks the settings; `languages` are the locale files' tags (an article's language must have one).
pub fn parse_settings(
    file: &str,
    bytes: &[u8],
    has_language: &dyn Fn(&str) -> bool,
    languages: &[&str],
) -> Result<Settings, Vec<ContentError>> {
    let (parsed, text) = parse::<SettingsFile>(file, bytes).map_err(|e| vec![e])?;
    let mut settings = Settings::default();
    let mut errors = Vec::new();
    if let Some(language) = &parsed.language {
        let tag = language.get_ref();
        if has_language(tag) {
            settings.language = tag.clone();
        } else {
            errors.push(ContentError::new(
                file,
                line_of(&text, language.span().start),
                format!(
                    "no locale file for language {tag:?}; expected one of {} (content/locales/<language>.toml)",
                    languages.join(", ")
                ),
            ));
        }
    }
    if let Some(genre) = &parsed.genre {
        let key = genre.get_ref().as_str();
        match Genre::ALL.into_iter().find(|g| g.key() == key) {
            Some(g) => settings.genre = Some(g),
            None if key == NO_GENRE => settings.genre = None,
            None => errors.push(ContentError::new(
                file,
                line_of(&text, genre.span().start),
                not_one_of(
                    "genre",
                    key,
                    Genre::ALL.iter().map(|g| g.key()).chain([NO_GENRE]),
                ),
            )),
        }
    }
    settings.sample = parsed.sample.unwrap_or(false);
    settings.strict = parsed.strict.unwrap_or(false);
    for phrase in parsed.plain.iter().flatten() {
        if phrase.get_ref().trim().is_empty() || phrase.get_ref().trim() != phrase.get_ref() {
            errors.push(ContentError::new(
                file,
                line_of(&text, phrase.span().start),
                format!(
                    "plain phrase {:?} is empty or has spaces around it; expected a phrase of the article, as written",
                    phrase.get_ref()
                ),
            ));
        } else {
            settings.plain.push(phrase.get_ref().clone());
        }
    }
    if errors.is_empty() {
        Ok(settings)
    } else {
        Err(errors)
    }
}
