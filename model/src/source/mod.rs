//! Reading, checking and compiling an article's content files (`article.txt`, `actors.toml`, and
//! the optional `mentions.toml`, `relations.toml` and `article.toml`) and the site's locale files
//! into a [`crate::Document`]. Runs at build time only: every mistake becomes a [`ContentError`]
//! that names the file and line and says what was expected, and nothing of this module ships in
//! the wasm.

mod article;
mod compile;
pub mod coverage;
mod files;
mod locale;
mod relations;
mod settings;

use std::fmt;
use std::path::Path;

pub use compile::compile;
pub use files::{
    ActorEntry, ActorsFile, OverrideEntry, OverridesFile, RelationEntry, RelationsFile,
};
pub use locale::{parse_locale, Locale, Locales};
pub use settings::parse_settings;

/// The largest content file accepted; a bigger one is almost surely a mistake (a pasted binary).
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The content files of one article, as read from disk (or written by a test).
#[derive(Debug, Clone)]
pub struct Sources {
    /// `(path as shown in errors, bytes)`.
    pub article: (String, Vec<u8>),
    pub actors: (String, Vec<u8>),
    /// Optional: editors' overrides for ambiguous mentions.
    pub mentions: Option<(String, Vec<u8>)>,
    /// Optional: relations between actors, for the graph.
    pub relations: Option<(String, Vec<u8>)>,
    /// Optional: the article's settings (language, genre…); defaults without it.
    pub settings: Option<(String, Vec<u8>)>,
}

/// A mistake in the content, located for the person who must fix it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentError {
    pub file: String,
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl ContentError {
    pub(crate) fn new(file: &str, line: usize, message: impl Into<String>) -> Self {
        ContentError {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// 1-based line number of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Reads the content files of `dir` (`article.txt`, `actors.toml`, optional `mentions.toml`,
/// `relations.toml` and `article.toml`).
/// Paths in errors are `dir` joined with the file name, as given.
pub fn read_dir(dir: &Path) -> Result<Sources, Vec<ContentError>> {
    let read = |name: &str, required: bool| -> Result<Option<(String, Vec<u8>)>, ContentError> {
        let path = dir.join(name);
        let shown = path.display().to_string();
        match std::fs::read(&path) {
            Ok(bytes) => Ok(Some((shown, bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(None),
            Err(e) => Err(ContentError::new(
                &shown,
                1,
                format!("cannot read the file: {e}"),
            )),
        }
    };
    let mut errors = Vec::new();
    let mut take = |name: &str, required: bool| {
        read(name, required)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten()
    };
    let article = take("article.txt", true);
    let actors = take("actors.toml", true);
    let mentions = take("mentions.toml", false);
    let relations = take("relations.toml", false);
    let settings = take("article.toml", false);
    match (article, actors) {
        (Some(article), Some(actors)) if errors.is_empty() => Ok(Sources {
            article,
            actors,
            mentions,
            relations,
            settings,
        }),
        _ => Err(errors),
    }
}

/// Turns raw bytes into text, or an error at the line of the first bad byte.
pub(crate) fn utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ContentError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ContentError::new(
            file,
            1,
            format!(
                "the file is {} bytes; expected at most {MAX_FILE_BYTES} bytes of text",
                bytes.len()
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ContentError::new(
            file,
            line,
            format!(
                "invalid UTF-8 at byte {}; expected the file saved as UTF-8",
                e.valid_up_to()
            ),
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// A " (did you mean "milei"?)" hint naming the known word closest to `word`, or nothing when none
/// is close. Ties go to the alphabetically first, so the message is the same on every build.
pub(crate) fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let here = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != *cb))
                    .min(row[j] + 1)
                    .min(here + 1);
                prev = here;
            }
        }
        row[b.len()]
    }
    known
        .into_iter()
        .map(|k| (distance(word, k), k))
        .filter(|&(d, k)| d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| format!(" (did you mean {k:?}?)"))
        .unwrap_or_default()
}

/// "unknown kind "x"; expected one of a, b, c": for a word that must come from a fixed list.
pub(crate) fn not_one_of(
    what: &str,
    got: &str,
    expected: impl IntoIterator<Item = &'static str>,
) -> String {
    let expected: Vec<&str> = expected.into_iter().collect();
    format!(
        "unknown {what} {got:?}; expected one of {}",
        expected.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_names_the_closest_known_word_within_its_reach() {
        let ids = ["milei", "lula", "buenos-aires"];
        // Two letters swapped, one missing, one more, one wrong: within two edits.
        assert_eq!(did_you_mean("mliei", ids), " (did you mean \"milei\"?)");
        assert_eq!(did_you_mean("mile", ids), " (did you mean \"milei\"?)");
        assert_eq!(did_you_mean("mileis", ids), " (did you mean \"milei\"?)");
        assert_eq!(did_you_mean("lulu", ids), " (did you mean \"lula\"?)");
        // Three letters more before it, three missing, or nothing alike: no hint.
        assert_eq!(did_you_mean("abcmilei", ids), "");
        assert_eq!(did_you_mean("mi", ids), "");
        assert_eq!(did_you_mean("zzzzz", ids), "");
        // A long word is within reach of a third of its letters: three edits of twelve.
        assert_eq!(
            did_you_mean("buenas-ayrez", ids),
            " (did you mean \"buenos-aires\"?)"
        );
        assert_eq!(did_you_mean("bxxxxx-aires", ids), "");
        // A tie goes to the alphabetically first.
        assert_eq!(did_you_mean("ab", ["ac", "aa"]), " (did you mean \"aa\"?)");
    }

    #[test]
    fn an_optional_file_that_cannot_be_read_is_an_error_too() {
        let dir = std::env::temp_dir().join(format!("article-read-dir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("mentions.toml")).unwrap();
        std::fs::write(dir.join("article.txt"), "A headline\n\nA paragraph.\n").unwrap();
        std::fs::write(dir.join("actors.toml"), "").unwrap();
        let errors = read_dir(&dir).unwrap_err();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].file.ends_with("mentions.toml"), "{errors:?}");
        assert!(
            errors[0].message.starts_with("cannot read the file"),
            "{errors:?}"
        );
    }
}
