//! The interface's words, in the article's language: every word the page shows or a screen reader
//! hears that is not the article's. They come from the locale files (`content/locales/<lang>.toml`,
//! read and checked at build time); [`Words`] is the part the browser receives with the story,
//! [`PageWords`] the part only the prerendered page needs.
//!
//! Templates hold named placeholders (`{n}`, `{name}`); [`fill`] replaces them. Words that depend
//! on a count come in plural forms, one per plural category the language has (CLDR's `one`,
//! `other`…), chosen with [`Plurals`].

use serde::{Deserialize, Serialize};

use crate::{Genre, Kind, RelationKind};

/// A word that depends on a count: its forms, in the order of the language's categories
/// ([`Plurals::categories`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plural {
    pub forms: Vec<String>,
}

/// Which plural form a count takes, resolved at build time for every count the article can show
/// (no plural rules ship to the browser): `by_count[n]` is the form index for `n`; a count past
/// the end takes `beyond`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plurals {
    /// The language's categories, in form order (`["one", "other"]`).
    pub categories: Vec<String>,
    pub by_count: Vec<u8>,
    pub beyond: u8,
}

impl Plurals {
    /// The form of `word` for `count`.
    pub fn pick<'a>(&self, word: &'a Plural, count: usize) -> &'a str {
        let index = self.by_count.get(count).copied().unwrap_or(self.beyond);
        word.forms
            .get(usize::from(index))
            .or(word.forms.last())
            .map_or("", String::as_str)
    }
}

/// What the browser may write: the card, the caption under the graph, the hint by the switch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    /// Each [`Kind`], as the card's badge names it, in [`Kind::ALL`] order.
    pub kinds: Vec<String>,
    /// The card's close button, for screen readers.
    pub close_card: String,
    /// Heading over the card's relations.
    pub in_this_article: String,
    pub show_in_graph: String,
    /// `{n}`: how many times the article names the actor.
    pub named: Plural,
    /// The stepper's group name; `{name}`: the actor.
    pub mentions_of: String,
    pub previous_mention: String,
    pub next_mention: String,
    /// `{i}` of `{n}` mentions.
    pub position: String,
    /// On a card opened from the graph: `{n}` mentions in the text.
    pub in_the_text: Plural,
    pub cards_off: String,
    /// A relation read between its two names: `{from}`, `{label}`, `{to}`.
    pub relation: String,
    /// The hint beside the cards switch, with cards on and off.
    pub hint_on: String,
    pub hint_off: String,
    /// The graph's caption with nothing pointed at.
    pub caption_idle: String,
    /// The caption for an actor: `{name}`, and `{n}` relations.
    pub caption_actor: Plural,
    /// The graph's accessible name, with how to use it (set once the app runs: without it the
    /// graph is a picture, and the table its words).
    pub graph: String,
    /// Who a node is, when its label is a short name: `{short}`, `{name}`.
    pub node_who: String,
    /// A node's accessible name: `{who}`, `{kind}`, `{n}` relations.
    pub node: Plural,
    /// An edge's accessible name: `{relation}`, `{quote}`.
    pub edge: String,
    pub plurals: Plurals,
}

/// What only the prerendered page says (rendered at build time; never sent to the browser;
/// serialisable for the browser tests, `rig words`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageWords {
    /// The kicker for each [`Genre`], in [`Genre::ALL`] order.
    pub genres: Vec<String>,
    /// The label of the sample article's notice.
    pub sample: String,
    pub switch: String,
    pub jump_to_graph: String,
    /// The graph view's link to the whole article.
    pub whole_article: String,
    pub graph_title: String,
    /// Under the graph's title, for each [`Genre`] in [`Genre::ALL`] order, then for none.
    pub graph_notes: Vec<String>,
    pub legend: String,
    /// Each [`RelationKind`], as the legend names it, in [`RelationKind::ALL`] order.
    pub relation_kinds: Vec<String>,
    /// The table's summary (`{n}` relations), caption, headers and link.
    pub table_summary: Plural,
    pub table_caption: String,
    pub table_who: String,
    pub table_relation: String,
    pub table_whom: String,
    pub table_quote: String,
    pub read_in_context: String,
    /// What the console says when the interactive part does not start, or stops.
    pub failed_start: String,
    pub failed_run: String,
    pub plurals: Plurals,
}

/// The words of the site's index, the newsroom's list of its articles (build time only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexWords {
    /// The language they are in, for the index page's `lang`.
    pub language: String,
    pub title: String,
    pub intro: String,
    /// `{n}` actors, `{n}` relations.
    pub actors: Plural,
    pub relations: Plural,
    /// Beside a sample article.
    pub sample: String,
    /// The snippet's label.
    pub embed: String,
    /// The graph view's snippet's label, and the link to the graph view.
    pub embed_graph: String,
    pub graph_view: String,
    /// The example publisher's page beside each article.
    pub example_title: String,
    pub example_heading: String,
    pub example_before: String,
    pub example_after: String,
    pub plurals: Plurals,
}

impl IndexWords {
    /// `word`'s form for `count`, with `{n}` filled in.
    pub fn count(&self, word: &Plural, count: usize) -> String {
        fill(self.plurals.pick(word, count), &[("n", &count.to_string())])
    }
}

impl Words {
    /// Whether every list has an entry for everything it is indexed by (a story read from the
    /// wire might have been written by another version).
    pub fn is_complete(&self) -> bool {
        let plurals = [
            &self.named,
            &self.in_the_text,
            &self.caption_actor,
            &self.node,
        ];
        self.kinds.len() == Kind::ALL.len()
            && !self.plurals.categories.is_empty()
            && plurals
                .iter()
                .all(|p| p.forms.len() == self.plurals.categories.len())
    }

    pub fn kind(&self, kind: Kind) -> &str {
        let i = Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        self.kinds.get(i).map_or("", String::as_str)
    }

    /// `word`'s form for `count`, with `{n}` filled in.
    pub fn count(&self, word: &Plural, count: usize) -> String {
        fill(self.plurals.pick(word, count), &[("n", &count.to_string())])
    }
}

impl PageWords {
    pub fn genre(&self, genre: Genre) -> &str {
        let i = Genre::ALL.iter().position(|&g| g == genre).unwrap_or(0);
        self.genres.get(i).map_or("", String::as_str)
    }

    /// The note under the graph's title for an article of `genre`.
    pub fn graph_note(&self, genre: Option<Genre>) -> &str {
        let i = genre.map_or(Genre::ALL.len(), |g| {
            Genre::ALL.iter().position(|&x| x == g).unwrap_or(0)
        });
        self.graph_notes.get(i).map_or("", String::as_str)
    }

    /// `word`'s form for `count`, with `{n}` and `values` filled in.
    pub fn count(&self, word: &Plural, count: usize, values: &[(&str, &str)]) -> String {
        let n = count.to_string();
        let mut all = vec![("n", n.as_str())];
        all.extend_from_slice(values);
        fill(self.plurals.pick(word, count), &all)
    }

    pub fn relation_kind(&self, kind: RelationKind) -> &str {
        self.relation_kinds
            .get(kind.index())
            .map_or("", String::as_str)
    }
}

/// `template` with each `{name}` replaced by its value; unknown placeholders stay as written
/// (the build checks every template's placeholders, so none are left in a built page). Cut with
/// `split_once`, not by byte offsets: slicing a string may panic, and its panic message would
/// bring Rust's string-boundary report into the wasm (about 1.3 KB).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((name, tail)) => {
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = tail;
            }
            None => {
                out.push('{');
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders a template uses, in order of first use.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            break;
        };
        if !out.contains(&name) {
            out.push(name);
        }
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill(
                "{from} — {label} — {to}",
                &[("from", "Milei"), ("label", "insulted"), ("to", "Lula")]
            ),
            "Milei — insulted — Lula"
        );
        assert_eq!(fill("{i} of {n}", &[("i", "2"), ("n", "9")]), "2 of 9");
        assert_eq!(fill("no {x} here {", &[]), "no {x} here {");
        assert_eq!(fill("{n}{n}", &[("n", "1")]), "11");
    }

    #[test]
    fn placeholders_are_listed_once() {
        assert_eq!(placeholders("{a} and {b}, {a}"), vec!["a", "b"]);
        assert!(placeholders("plain").is_empty());
    }

    fn plurals() -> Plurals {
        // English: one for 1, other for the rest.
        Plurals {
            categories: vec!["one".into(), "other".into()],
            by_count: vec![1, 0, 1, 1],
            beyond: 1,
        }
    }

    #[test]
    fn a_count_picks_its_form() {
        let named = Plural {
            forms: vec!["once".into(), "{n} times".into()],
        };
        let p = plurals();
        assert_eq!(p.pick(&named, 1), "once");
        assert_eq!(p.pick(&named, 0), "{n} times");
        assert_eq!(p.pick(&named, 3), "{n} times");
        assert_eq!(p.pick(&named, 500), "{n} times", "past the table: `beyond`");
    }
}
