//! The shapes of the TOML content files, as serde reads them (with source spans for error lines).

use serde::Deserialize;
use toml::Spanned;

use super::{line_of, utf8, ContentError};

/// `actors.toml`: one `[[actor]]` table per actor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorsFile {
    #[serde(default)]
    pub actor: Vec<ActorEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    /// Shorter name for the graph's labels; the name when absent.
    #[serde(default)]
    pub short: Option<Spanned<String>>,
    pub kind: Spanned<String>,
    pub role: Spanned<String>,
    pub description: Spanned<String>,
    pub forms: Spanned<Vec<Spanned<String>>>,
}

/// `mentions.toml`: `[[override]]` tables that pin one occurrence of a text to an actor (or to none).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverridesFile {
    #[serde(default, rename = "override")]
    pub overrides: Vec<OverrideEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideEntry {
    /// A phrase that occurs exactly once in the article and contains `text` exactly once.
    pub context: Spanned<String>,
    pub text: Spanned<String>,
    /// An actor id, or `"none"` to leave the text unmarked.
    pub actor: Spanned<String>,
}

/// `relations.toml`: `[[relation]]` tables, each backed by a verbatim quote from the article.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationsFile {
    #[serde(default)]
    pub relation: Vec<RelationEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationEntry {
    pub id: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub from: Spanned<String>,
    pub to: Spanned<String>,
    pub label: Spanned<String>,
    pub quote: Spanned<String>,
}

/// Parses a TOML content file, turning syntax and shape errors into located [`ContentError`]s.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    file: &str,
    bytes: &[u8],
) -> Result<(T, String), ContentError> {
    let text = utf8(file, bytes)?;
    toml::from_str::<T>(text)
        .map(|value| (value, text.to_string()))
        .map_err(|e| {
            let line = e.span().map_or(1, |span| line_of(text, span.start));
            let mut message = e.message().trim().replace('\n', " ");
            // The TOML parser says nothing about some bytes (a NUL, say): name what is there.
            if message.is_empty() {
                let found = e.span().and_then(|s| text.get(s.start..)?.chars().next());
                message = match found {
                    Some(c) if c.is_control() => format!(
                        "a control character (U+{:04X}) is not allowed here; expected text, \
                         a quote, a tab or a newline",
                        c as u32
                    ),
                    _ => "this is not valid TOML; expected `key = value`, a `[[table]]` header \
                          or a `#` comment"
                        .into(),
                };
            }
            ContentError::new(file, line, message)
        })
}
