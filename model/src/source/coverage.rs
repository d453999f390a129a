//! The check for names nobody marked: text that looks like a name (capitalised words within a
//! sentence, acronyms, and names a country data set knows, such as "Bolivian", anywhere) that no
//! actor's form covers and the article does not declare plain (`plain` in article.toml, or an
//! override to `"none"` in mentions.toml). `rig build` reports each as a warning, or as an error
//! for an article whose settings say `strict = true`.
//!
//! Pure: what counts as a known name is the caller's (the build tools ask a country data crate).

use std::collections::HashSet;

use crate::Document;

/// One run of name-like words that no mention covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmarked {
    /// 0 the headline, 1.. the paragraphs.
    pub block: usize,
    pub text: String,
}

/// Lowercase words a name may hold between its capitalised ones ("Lula da Silva", "Secretary of
/// State", "República de Calandra"), in the languages the rig ships; not "and" or "y", which join
/// two names. Written here: no crate lists name particles.
const CONNECTORS: &[&str] = &["de", "da", "das", "do", "dos", "del", "of", "&"];

/// English month and day names, capitalised but no names of actors. Written here: the twelve and
/// the seven are all there is, and no crate in the build has them.
const CALENDAR: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A word of the text, with where it stands.
struct Word<'a> {
    text: &'a str,
    /// Within a mention.
    marked: bool,
    /// The first word of its sentence.
    starts_sentence: bool,
    /// Only spaces separate it from the previous word (else punctuation ends a run).
    joined: bool,
    /// Its sentence, numbered as the caller numbers them.
    sentence: usize,
}

fn words_of(doc: &Document, block: usize) -> Vec<Word<'_>> {
    let b = if block == 0 {
        &doc.title
    } else {
        &doc.paragraphs[block - 1]
    };
    words_in(b.segments.iter().map(|seg| {
        (
            seg.text.as_str(),
            seg.mention.is_some(),
            usize::from(seg.sentence),
        )
    }))
}

/// The words of a block given as runs of text: `(text, within a mention, sentence)`.
fn words_in<'a>(segments: impl Iterator<Item = (&'a str, bool, usize)>) -> Vec<Word<'a>> {
    let mut out: Vec<Word> = Vec::new();
    let mut sentence = None;
    let mut new_sentence = true;
    // What lies between the previous word and the next.
    let mut gap = String::new();
    for (text, marked, id) in segments {
        if sentence != Some(id) {
            sentence = Some(id);
            new_sentence = true;
        }
        let mut rest = text;
        loop {
            let start = rest.find(is_word_char).unwrap_or(rest.len());
            gap.push_str(&rest[..start]);
            rest = &rest[start..];
            if rest.is_empty() {
                break;
            }
            let end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
            let (word, after) = rest.split_at(end);
            rest = after;
            let joined = !new_sentence && !out.is_empty() && gap.chars().all(|c| c == ' ');
            out.push(Word {
                text: word,
                marked,
                starts_sentence: new_sentence,
                joined,
                sentence: id,
            });
            new_sentence = false;
            gap.clear();
        }
    }
    out
}

/// Letters, digits, and what names hold inside: apostrophes and dots ("O’Neill", "U.S."), and an
/// ampersand, a word of its own between two ("Halvard & Sons"). A hyphen separates
/// ("then-Bolivian" holds the name "Bolivian").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '’' | '\'' | '.' | '&')
}

/// The word without a possessive or a sentence's full stop ("Milei’s" → "Milei", "Peru." →
/// "Peru"; "U.S." stays).
fn bare(word: &str) -> &str {
    let w = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word);
    let w = w.trim_matches(|c| matches!(c, '’' | '\''));
    // A full stop ends a sentence, not "U.S." (whose dots are inside it too).
    if w.ends_with('.') && !w[..w.len() - 1].contains('.') {
        w.trim_end_matches('.')
    } else {
        w
    }
}

/// "MAS", "PSOE", "EU", "G20", "U.S.": capitals (and digits) only, two or more of them.
fn is_acronym(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
        && !word.chars().any(char::is_lowercase)
        && word.chars().filter(|c| c.is_alphanumeric()).count() >= 2
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Every run of name-like words in `doc` that no mention covers and no plain phrase names.
/// `known(word)`: a name the caller's data knows (a country, a demonym), which counts even at the
/// start of a sentence or in a headline written in title case. `titles`: the language's titles
/// ("President", "Prime Minister"), capitalised before a name but naming no one.
pub fn unmarked(doc: &Document, known: &dyn Fn(&str) -> bool, titles: &[String]) -> Vec<Unmarked> {
    let plain: Vec<&str> = doc.settings.plain.iter().map(String::as_str).collect();
    let blocks: Vec<Vec<Word>> = (0..=doc.paragraphs.len())
        .map(|b| words_of(doc, b))
        .collect();
    find(&blocks, &plain, known, titles, false)
        .into_iter()
        .map(|(block, _, text)| Unmarked { block, text })
        .collect()
}

/// A name as a draft finds it in the raw text: its block, its sentence there (an index into
/// [`crate::sentence::sentences`] of the block) and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub block: usize,
    pub sentence: usize,
    pub text: String,
}

/// Every name of a text not yet annotated (`blocks`: the headline, then the paragraphs), found as
/// [`unmarked`] finds the names nobody marked, each run whole (a capitalised word that starts the
/// sentence included): what a draft of its actors starts from.
pub fn names_in(blocks: &[&str], known: &dyn Fn(&str) -> bool, titles: &[String]) -> Vec<Found> {
    let words: Vec<Vec<Word>> = blocks
        .iter()
        .map(|text| {
            let ranges = crate::sentence::sentences(text);
            words_in(
                ranges
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| (&text[r], false, i)),
            )
        })
        .collect();
    find(&words, &[], known, titles, true)
        .into_iter()
        .map(|(block, sentence, text)| Found {
            block,
            sentence,
            text,
        })
        .collect()
}

/// The runs of name-like words that nobody marked: `(block, sentence, text)`.
fn find(
    blocks: &[Vec<Word>],
    plain: &[&str],
    known: &dyn Fn(&str) -> bool,
    titles: &[String],
    whole: bool,
) -> Vec<(usize, usize, String)> {
    // Words the article itself writes capitalised within a sentence (not the words of its plain
    // phrases, "River" of "Lune River"): names, also at the start of a sentence ("Ferrant
    // despachó…") or in a headline.
    let names: HashSet<&str> = blocks
        .iter()
        .enumerate()
        .flat_map(|(b, words)| {
            words
                .iter()
                .filter(move |w| b > 0 && !w.starts_sentence)
                .map(|w| bare(w.text))
        })
        .filter(|w| capitalised(w) && !plain.iter().any(|p| contains_phrase(p, w)))
        .collect();
    // Of those, the words it also writes as a name of one word, with no capitalised word
    // beside them ("for Sudmark."): names in a headline, whose title case capitalises every
    // word. A word only ever written within a longer name ("River" of "Lune River", "Ferry" of
    // "Norland Ferry Company") is a common noun there ("Three River Nations").
    let alone: HashSet<&str> = blocks
        .iter()
        .skip(1)
        .flat_map(|words| {
            (0..words.len()).filter_map(move |k| {
                let w = &words[k];
                let before = words[..k].last();
                let after = words.get(k + 1);
                let beside = |n: Option<&Word>| n.is_some_and(|n| capitalised(bare(n.text)));
                let beside = (w.joined && beside(before))
                    || (after.is_some_and(|n| n.joined) && beside(after));
                (!w.starts_sentence && !beside).then(|| bare(w.text))
            })
        })
        .filter(|w| names.contains(w))
        .collect();
    let titles: Vec<Vec<&str>> = titles.iter().map(|t| t.split(' ').collect()).collect();
    let mut out = Vec::new();
    for (block, words) in blocks.iter().enumerate() {
        let name_like = |w: &Word| {
            let b = bare(w.text);
            capitalised(b)
                && !CALENDAR.contains(&b)
                && (is_acronym(b)
                    || known(b)
                    || if block == 0 {
                        alone.contains(b)
                    } else {
                        names.contains(b)
                    }
                    || (block > 0 && !w.starts_sentence))
        };
        let capital = |w: &Word| capitalised(bare(w.text)) && !CALENDAR.contains(&bare(w.text));
        let mut i = 0;
        while i < words.len() {
            if !capital(&words[i]) {
                i += 1;
                continue;
            }
            // The run: capitalised words joined by spaces, with particles between them ("Lula da
            // Silva", "Partido Marinero de Ostrania").
            let mut end = i + 1;
            loop {
                let mut j = end;
                while j < words.len() && words[j].joined && CONNECTORS.contains(&words[j].text) {
                    j += 1;
                }
                if j < words.len() && words[j].joined && capital(&words[j]) {
                    end = j + 1;
                } else {
                    break;
                }
            }
            let run = &words[i..end];
            i = end;
            let sentence = run[0].sentence;
            out.extend(
                unmarked_in(run, plain, &titles, &name_like, whole)
                    .into_iter()
                    .map(|text| (block, sentence, text)),
            );
        }
    }
    out
}

/// The names of a run that nobody marked: the words that are a name of their own (`name_like`),
/// not a title or a plain phrase's, and not marked, each stretch of them once ("President Luis
/// Arce" → "Luis Arce" when unmarked beside a marked "Bolivian"); the whole run when none of it is
/// marked or plain ("Kestland").
fn unmarked_in(
    run: &[Word],
    plain: &[&str],
    titles: &[Vec<&str>],
    name_like: &dyn Fn(&Word) -> bool,
    whole: bool,
) -> Vec<String> {
    let join =
        |ws: &[Word]| bare(&ws.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")).to_string();
    let text = join(run);
    // Words no name is made of: a title's, a particle, a plain phrase's the run holds.
    let plain_here: Vec<&str> = plain
        .iter()
        .copied()
        .filter(|p| contains_phrase(&text, p))
        .collect();
    let mut not_name: Vec<bool> = run
        .iter()
        .map(|w| {
            CONNECTORS.contains(&w.text)
                || plain_here.iter().any(|p| contains_phrase(p, bare(w.text)))
        })
        .collect();
    for k in 0..run.len() {
        for t in titles {
            if run.len() - k >= t.len() && t.iter().zip(&run[k..]).all(|(a, w)| *a == bare(w.text))
            {
                not_name[k..k + t.len()].iter_mut().for_each(|n| *n = true);
            }
        }
    }
    let nothing_marked = run.iter().all(|w| !w.marked);
    let mut found = Vec::new();
    let mut k = 0;
    while k < run.len() {
        // A stretch of words that are neither marked nor particles.
        if run[k].marked || CONNECTORS.contains(&run[k].text) {
            k += 1;
            continue;
        }
        let start = k;
        while k < run.len() && !run[k].marked && !CONNECTORS.contains(&run[k].text) {
            k += 1;
        }
        let names: Vec<usize> = (start..k)
            .filter(|&n| !not_name[n] && name_like(&run[n]))
            .collect();
        if let (Some(&first), Some(&last)) = (names.first(), names.last()) {
            found.push(join(&run[first..=last]));
        }
    }
    if nothing_marked && plain_here.is_empty() && !found.is_empty() && run.iter().any(name_like) {
        // Unmarked as a whole: named as written, from its first name-like word (for a draft,
        // from its first word: "Marta Ibarzo" at a sentence's start) to its last (a headline's
        // title case goes on past the name: "Sudmark" of "Sudmark Open").
        let first = if whole {
            0
        } else {
            run.iter().position(name_like).unwrap_or(0)
        };
        let last = run.iter().rposition(name_like).unwrap_or(first);
        return vec![join(&run[first..=last])];
    }
    found
}

/// `phrase` occurs in `text` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_bare() {
        assert_eq!(bare("Milei’s"), "Milei");
        assert_eq!(bare("Peru."), "Peru");
        assert_eq!(bare("U.S."), "U.S.");
        assert!(
            is_acronym("PSOE") && is_acronym("G20") && is_acronym("U.S.") && !is_acronym("Lula")
        );
    }

    #[test]
    fn phrases_match_whole_words() {
        assert!(contains_phrase("Latin America", "Latin America"));
        assert!(!contains_phrase("Latin Americans", "Latin America"));
    }
}
