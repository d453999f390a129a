#![cfg(feature = "source")]
//! Property tests over what newsroom developers feed the build: whatever the bytes, the content
//! compiler answers (a document or located errors) and never panics; whatever the text and the
//! forms, segmentation covers the text exactly once, in order, with whole-word mentions.
//!
//! Run with `cargo test -p article-model --features source --test properties`;
//! `PROPTEST_CASES=10000` runs more cases.

mod common;

use std::ops::Range;

use article_model::segment::{cut, find_mentions, is_whole_word, Form, Span};
use article_model::source::Sources;
use common::compile;
use proptest::prelude::*;

const CONTENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/milei-cold-war");
const NAMES: [&str; 4] = [
    "article.txt",
    "actors.toml",
    "mentions.toml",
    "relations.toml",
];

fn real(name: &str) -> Vec<u8> {
    std::fs::read(format!("{CONTENT}/{name}")).unwrap_or_default()
}

fn sources(
    article: Vec<u8>,
    actors: Vec<u8>,
    mentions: Option<Vec<u8>>,
    relations: Option<Vec<u8>>,
) -> Sources {
    Sources {
        article: (NAMES[0].into(), article),
        actors: (NAMES[1].into(), actors),
        mentions: mentions.map(|m| (NAMES[2].into(), m)),
        relations: relations.map(|r| (NAMES[3].into(), r)),
        settings: None,
    }
}

/// Compiles and checks the answer is one a developer can act on.
fn check_compiles_or_explains(s: &Sources) -> Result<(), TestCaseError> {
    match compile(s) {
        Ok(doc) => prop_assert!(!doc.paragraphs.is_empty(), "a document with no paragraphs"),
        Err(errors) => {
            prop_assert!(!errors.is_empty(), "failed without an error");
            for e in &errors {
                prop_assert!(
                    NAMES.contains(&e.file.as_str()),
                    "error names no content file: {e:?}"
                );
                prop_assert!(e.line >= 1, "error has no line: {e:?}");
                prop_assert!(!e.message.trim().is_empty(), "error says nothing: {e:?}");
            }
        }
    }
    Ok(())
}

/// An edit a person (or a broken export) makes to a file: delete, insert or replace a few bytes.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Replace(usize, u8),
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Edit::Insert(at, new) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Replace(at, b) => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes[at] = *b;
                }
            }
        }
    }
    bytes
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    // Bytes that matter to the parsers: TOML syntax, quotes, newlines, curly quotes, invalid UTF-8.
    let interesting = prop::sample::select(vec![
        b"\n".to_vec(),
        b"\"".to_vec(),
        b"=".to_vec(),
        b"[".to_vec(),
        b"]]".to_vec(),
        b"[[actors]]\n".to_vec(),
        b"id = \"x\"\n".to_vec(),
        "\u{2019}s".as_bytes().to_vec(),
        b"\xff\xfe".to_vec(),
        b"\r\n".to_vec(),
        b"  ".to_vec(),
        b"Milei".to_vec(),
    ]);
    let edit = prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        (
            any::<usize>(),
            prop_oneof![interesting, prop::collection::vec(any::<u8>(), 1..8)]
        )
            .prop_map(|(a, b)| Edit::Insert(a, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::Replace(a, b)),
    ];
    prop::collection::vec(edit, 1..6)
}

/// Text with words, names, possessives (straight and curly), punctuation and non-ASCII letters.
fn text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Milei",
        "Milei’s",
        "Milei's",
        "Arce",
        "Bolivia",
        "Bolivian",
        "La Paz",
        "Paz",
        "the",
        " ",
        " ",
        ", ",
        ". ",
        "“",
        "”",
        "é",
        "Ñandú",
        "Lula",
        "Lula’",
        "’s",
        "s",
        "-",
        "\u{a0}",
        "日本",
        "a",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn forms() -> impl Strategy<Value = Vec<(String, u8)>> {
    let form = prop::sample::select(vec![
        "Milei",
        "Arce",
        "Bolivia",
        "La Paz",
        "Paz",
        "Lula",
        "é",
        "a",
        "the",
        "Milei’s",
        "日本",
    ]);
    prop::collection::vec((form.prop_map(String::from), 0u8..5), 0..6)
}

/// Spans to pin, from arbitrary cut points: snapped to character boundaries, sorted, not overlapping.
fn pins(text: &str, cuts: &[(usize, usize, bool)]) -> Vec<Span<u8>> {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut spans: Vec<Span<u8>> = cuts
        .iter()
        .map(|&(a, b, mention)| {
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            Span {
                range: a.min(b)..a.max(b),
                actor: mention.then_some(9),
            }
        })
        .filter(|s| !s.range.is_empty())
        .collect();
    spans.sort_by_key(|s| s.range.start);
    let mut end = 0;
    spans.retain(|s| {
        let keep = s.range.start >= end;
        if keep {
            end = s.range.end;
        }
        keep
    });
    spans
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// Arbitrary bytes in every file: an answer, never a panic.
    #[test]
    fn compile_never_panics_on_arbitrary_bytes(
        article in prop::collection::vec(any::<u8>(), 0..400),
        actors in prop::collection::vec(any::<u8>(), 0..400),
        mentions in prop::option::of(prop::collection::vec(any::<u8>(), 0..200)),
        relations in prop::option::of(prop::collection::vec(any::<u8>(), 0..200)),
    ) {
        check_compiles_or_explains(&sources(article, actors, mentions, relations))?;
    }

    /// The real content with a few bytes deleted, inserted or replaced in one file: an answer.
    #[test]
    fn compile_never_panics_on_edited_real_content(which in 0usize..3, edits in edits()) {
        let mut files = [real(NAMES[0]), real(NAMES[1]), real(NAMES[3])];
        files[which] = apply(std::mem::take(&mut files[which]), &edits);
        let [article, actors, relations] = files;
        check_compiles_or_explains(&sources(article, actors, None, Some(relations)))?;
    }

    /// Whatever the text, forms and pinned spans: mentions are sorted, disjoint, on character
    /// boundaries, whole words (or pinned); and the runs cover the text exactly once, in order.
    #[test]
    fn segmentation_covers_the_text_exactly_once(
        text in text(),
        forms in forms(),
        cuts in prop::collection::vec((any::<usize>(), any::<usize>(), any::<bool>()), 0..3),
    ) {
        let forms: Vec<Form<'_, u8>> = forms.iter().map(|(t, a)| Form { text: t, actor: *a }).collect();
        let pinned = pins(&text, &cuts);
        let mentions = find_mentions(&text, &forms, &pinned);

        let mut end = 0;
        for m in &mentions {
            prop_assert!(m.range.start >= end && m.range.start < m.range.end && m.range.end <= text.len(), "{:?} after {end}", m.range);
            prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
            let is_pinned = pinned.iter().any(|p| p.range == m.range);
            prop_assert!(is_pinned || is_whole_word(&text, &m.range), "{:?} = {:?} is not a whole word", m.range, &text[m.range.clone()]);
            end = m.range.end;
        }
        for p in pinned.iter().filter(|p| p.actor.is_some()) {
            prop_assert!(mentions.contains(p), "pinned mention {:?} lost", p.range);
        }

        let runs = cut(&text, &mentions);
        let mut at = 0;
        let mut rebuilt = String::new();
        for (range, _) in &runs {
            prop_assert_eq!(range.start, at, "runs leave a gap or overlap");
            prop_assert!(range.start < range.end, "empty run");
            rebuilt.push_str(&text[range.clone()]);
            at = range.end;
        }
        prop_assert_eq!(at, text.len());
        prop_assert_eq!(rebuilt, text.clone());
        let marked: Vec<Range<usize>> = runs.iter().filter(|(_, a)| a.is_some()).map(|(r, _)| r.clone()).collect();
        prop_assert_eq!(marked, mentions.iter().map(|m| m.range.clone()).collect::<Vec<_>>());
    }
}
