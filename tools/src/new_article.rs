//! `rig new <slug> [text]`: a new article's folder, with commented templates of every file, ready
//! to fill in. With a text file, its words become `article.txt` (headline first, then a paragraph a
//! line, as the file has them), and its actors and relation candidates are drafted from it.

use std::path::Path;

use crate::draft;
use crate::site::{valid_slug, LOCALES_DIR};

const ACTORS: &str = r#"# Every actor the article names: a person, country, organisation or company. Copy the table below
# once per actor. `forms` are the exact words (same capitals) that stand for the actor in the text;
# every occurrence is marked (`rig check --show SLUG` lists what got marked).
#
# [[actor]]
# id = "ada-quill"                  # lowercase letters, digits, hyphens
# name = "Ada Quill"
# kind = "person"                   # person | country | organisation | company
# role = "Harbour minister of Norland since 2021"
# description = "One or two neutral sentences of facts you are sure of, as of the article's date."
# forms = ["Ada Quill", "Quill"]
# short = "Quill"                   # optional: the graph's label, when the name is long
"#;

const MENTIONS: &str = r#"# Optional: settles an occurrence the forms get wrong. Copy once per override.
#
# [[override]]
# context = "outside the Quill Inn"  # a phrase that occurs once in the article
# text = "Quill"                     # the words inside it to pin
# actor = "none"                     # an actor id, or "none" to leave them unmarked
"#;

const RELATIONS: &str = r#"# Optional: who does what to whom, as the article states it; without relations there is no graph.
# The quote must be the article's exact words, occurring once; the label says no more than it.
#
# Types:
#   insult      (directed)   insult or denunciation
#   feud        (undirected) feud or spat
#   rupture     (directed)   recall or strained ties
#   rivalry     (undirected) rivalry
#   alliance    (undirected) ally or meeting
#   trade       (undirected) trade or investment
#   negotiation (undirected) negotiation
#   outside     (directed)   not a member
#   leadership  (directed)   leads or holds office
#   comparison  (directed)   likened to
#
# [[relation]]
# id = "quill-leads-norland"
# type = "leadership"
# from = "ada-quill"        # for directed types, the one who acts
# to = "norland"
# label = "is harbour minister of"
# quote = "Norland’s harbour minister, Ada Quill"
"#;

const SETTINGS: &str = r#"# The article's settings; all optional.
# language = "en"        # BCP 47 tag; a locale file content/locales/<language>.toml must exist
# genre = "news"         # what the kicker says: opinion | analysis | news | none (the default)
# Names in the text that are no actor of this story; the build reports every other name nobody
# marked (a warning, or an error with strict = true).
# plain = ["Latin America", "Cold War"]
# strict = true
"#;

const ARTICLE: &str = "The headline goes on the first line\n\nThen one paragraph a line. Blank lines between paragraphs are fine.\n";

/// Creates `content/<slug>/`; returns what it wrote.
/// `drafting`: the article's language and its titles, to draft its actors from the text.
pub fn create(
    content: &Path,
    slug: &str,
    text: Option<&Path>,
    drafting: Option<(&str, &[String])>,
) -> Result<Vec<String>, String> {
    if !valid_slug(slug) || slug == LOCALES_DIR {
        return Err(format!(
            "{slug:?} is not a valid slug; expected lowercase letters, digits and single hyphens, like \"harbour-strike\""
        ));
    }
    let dir = content.join(slug);
    if dir.exists() {
        return Err(format!(
            "{} exists already; expected a new slug",
            dir.display()
        ));
    }
    let article = match text {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            String::from_utf8(bytes).map_err(|_| {
                format!(
                    "{}: not UTF-8; expected the text saved as UTF-8",
                    path.display()
                )
            })?
        }
        None => ARTICLE.to_string(),
    };
    // With a text, a first annotation drafted from it: its actors, and the sentences that name
    // two of them as relations to fill in (crate::draft).
    let (actors, relations, settings) = match (text, drafting) {
        (Some(_), Some((language, titles))) => {
            let d = draft::draft(&article, language, titles);
            (
                draft::actors_toml(&d),
                format!("{RELATIONS}{}", draft::relation_candidates(&d)),
                format!("{SETTINGS}language = {language:?}\n"),
            )
        }
        _ => (
            ACTORS.to_string(),
            RELATIONS.to_string(),
            SETTINGS.to_string(),
        ),
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files = [
        ("article.txt", article.as_str()),
        ("actors.toml", actors.as_str()),
        ("mentions.toml", MENTIONS),
        ("relations.toml", relations.as_str()),
        ("article.toml", settings.as_str()),
    ];
    let mut written = Vec::new();
    for (name, body) in files {
        let path = dir.join(name);
        std::fs::write(&path, body).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path.display().to_string());
    }
    Ok(written)
}
