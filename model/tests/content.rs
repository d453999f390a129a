#![cfg(feature = "source")]
//! The content compiler, end to end: the real article compiles verbatim with the mentions a reader
//! expects, a second (made-up) article compiles from data alone, and every kind of mistake an
//! editor can make is reported at the right file and line with a message that says what to fix.
//!
//! Run with `cargo test -p article-model --features source`.

mod common;

use std::path::Path;

use article_model::source::{read_dir, ContentError, Sources, MAX_FILE_BYTES};
use article_model::{Block, Document, Genre, Kind};
use common::compile;

const CONTENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/milei-cold-war");
const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny");

const ARTICLE: &str = "article.txt";
const ACTORS: &str = "actors.toml";
const MENTIONS: &str = "mentions.toml";

// ── helpers ─────────────────────────────────────────────────────────────────

fn read(dir: &str, name: &str) -> String {
    let path = Path::new(dir).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn compile_dir(dir: &str) -> &'static Document {
    let sources = read_dir(Path::new(dir)).unwrap_or_else(|e| panic!("cannot read {dir}: {e:#?}"));
    compile(&sources).unwrap_or_else(|errors| {
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{dir} does not compile:\n{}", shown.join("\n"))
    })
}

/// The tiny fixture's three files, as text, for tests to change one thing in.
struct Tiny {
    article: String,
    actors: String,
    mentions: String,
}

fn tiny() -> Tiny {
    Tiny {
        article: read(TINY, ARTICLE),
        actors: read(TINY, ACTORS),
        mentions: read(TINY, MENTIONS),
    }
}

impl Tiny {
    fn sources(&self) -> Sources {
        sources(self.article.as_bytes(), &self.actors, Some(&self.mentions))
    }
}

fn sources(article: &[u8], actors: &str, mentions: Option<&str>) -> Sources {
    Sources {
        article: (ARTICLE.to_string(), article.to_vec()),
        actors: (ACTORS.to_string(), actors.as_bytes().to_vec()),
        mentions: mentions.map(|m| (MENTIONS.to_string(), m.as_bytes().to_vec())),
        relations: None,
        settings: None,
    }
}

/// `text` with the single occurrence of `from` replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} should occur exactly once in:\n{text}"
    );
    text.replacen(from, to, 1)
}

/// 1-based number of the only line of `text` that contains `needle`.
fn line_with(text: &str, needle: &str) -> usize {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(
        lines.len(),
        1,
        "{needle:?} should be on exactly one line, found on {lines:?} of:\n{text}"
    );
    lines[0]
}

/// 1-based number of the `nth` (0-based) line of `text` equal to `line` once trimmed.
fn nth_line_equal(text: &str, line: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == line)
        .map(|(i, _)| i + 1)
        .nth(nth)
        .unwrap_or_else(|| panic!("no line number {nth} equal to {line:?}"))
}

fn errors_of(sources: &Sources) -> Vec<ContentError> {
    match compile(sources) {
        Ok(_) => panic!("expected content errors, but the content compiled"),
        Err(errors) => {
            assert!(!errors.is_empty(), "compile failed without saying why");
            errors
        }
    }
}

fn show(errors: &[ContentError]) -> String {
    errors
        .iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts that `errors` holds an error in `file` at `line` whose message contains every one of
/// `words` (case-insensitively), and returns it.
fn expect_error<'a>(
    errors: &'a [ContentError],
    file: &str,
    line: usize,
    words: &[&str],
) -> &'a ContentError {
    let matches = |e: &&ContentError| {
        let message = e.message.to_lowercase();
        e.file == file
            && e.line == line
            && words.iter().all(|w| message.contains(&w.to_lowercase()))
    };
    errors.iter().find(matches).unwrap_or_else(|| {
        panic!(
            "expected an error at {file}:{line} mentioning {words:?}; got:\n{}",
            show(errors)
        )
    })
}

/// Compiles `sources`, asserts that exactly one error comes out, and checks it like [`expect_error`].
fn only_error(sources: &Sources, file: &str, line: usize, words: &[&str]) -> ContentError {
    let errors = errors_of(sources);
    assert_eq!(
        errors.len(),
        1,
        "expected exactly one error; got:\n{}",
        show(&errors)
    );
    let error = expect_error(&errors, file, line, words).clone();
    assert_eq!(
        error.to_string(),
        format!("{file}:{line}: {}", error.message)
    );
    error
}

fn non_blank_lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// Asserts every structural promise of a compiled document against the article it came from.
fn assert_well_formed(doc: &Document, article: &str) {
    // Verbatim: each block is its line of the file, byte for byte.
    let lines = non_blank_lines(article);
    let texts: Vec<String> = doc.blocks().map(Block::text).collect();
    assert_eq!(texts.len(), lines.len(), "one block per non-blank line");
    for (index, (text, line)) in texts.iter().zip(&lines).enumerate() {
        assert_eq!(
            text.as_bytes(),
            line.as_bytes(),
            "block {index} is not its line verbatim"
        );
    }

    // Segments cover each block exactly once: no empty runs, no two plain runs side by side
    // within a sentence, sentences numbered in reading order without gaps.
    for (index, block) in doc.blocks().enumerate() {
        assert!(
            block.segments.iter().all(|s| !s.text.is_empty()),
            "block {index} has an empty segment"
        );
        assert!(
            block.segments.windows(2).all(|w| w[0].mention.is_some()
                || w[1].mention.is_some()
                || w[0].sentence != w[1].sentence),
            "block {index} has two plain segments in a row"
        );
    }
    let sentences: Vec<u16> = doc
        .blocks()
        .flat_map(|b| b.segments.iter().map(|s| s.sentence))
        .collect();
    assert!(
        sentences
            .windows(2)
            .all(|w| w[1] == w[0] || w[1] == w[0] + 1),
        "sentence ids rise one at a time"
    );

    // Blocks are found by their number (0 the headline), and each holds a run of whole sentences
    // that starts where the block before it ended.
    let mut next_sentence = 0;
    for (index, block) in doc.blocks().enumerate() {
        assert!(
            std::ptr::eq(doc.block(index), block),
            "block({index}) is not block {index}"
        );
        let (first, last) = block.sentences();
        assert_eq!(
            first, next_sentence,
            "block {index} does not start with the next sentence"
        );
        assert!(
            block
                .segments
                .iter()
                .all(|s| (first..=last).contains(&s.sentence)),
            "block {index} has a segment outside its sentences {first}..={last}"
        );
        next_sentence = last + 1;
    }

    // Mentions are numbered in reading order, and each points back at its block.
    let mut next = 0;
    for (index, block) in doc.blocks().enumerate() {
        for m in block.segments.iter().filter_map(|s| s.mention) {
            assert_eq!(m, next, "mentions are not numbered in reading order");
            assert_eq!(usize::from(doc.mention_blocks[usize::from(m)]), index);
            next += 1;
        }
    }
    assert_eq!(
        usize::from(next),
        doc.story.mentions.len(),
        "mention count equals mention segments"
    );

    // Each actor lists exactly its mentions, in reading order, and has at least one.
    for (index, actor) in doc.story.actors.iter().enumerate() {
        let mentions = doc.story.mentions_of(index as u16);
        assert!(
            !mentions.is_empty(),
            "actor {} is never mentioned",
            actor.id
        );
        assert!(
            mentions.windows(2).all(|w| w[0] < w[1]),
            "mentions of {} out of order",
            actor.id
        );
        for &m in mentions {
            assert_eq!(usize::from(doc.story.mentions[usize::from(m)]), index);
        }
    }
    let listed: usize = (0..doc.story.actors.len() as u16)
        .map(|a| doc.story.mentions_of(a).len())
        .sum();
    assert_eq!(listed, doc.story.mentions.len());
}

/// The actor ids of every mention segment whose text is exactly `text`.
fn actors_of_text<'d>(doc: &'d Document, text: &str) -> Vec<&'d str> {
    doc.blocks()
        .flat_map(|b| b.segments.iter())
        .filter(|s| s.text == text)
        .filter_map(|s| s.mention.map(|m| doc.actor_of(m).id.as_str()))
        .collect()
}

// ── the real article ────────────────────────────────────────────────────────

#[test]
fn real_content_compiles_verbatim() {
    let doc = compile_dir(CONTENT);
    let article = read(CONTENT, ARTICLE);
    assert_eq!(doc.paragraphs.len(), 16, "headline + 16 paragraphs");
    assert_well_formed(doc, &article);
    assert_eq!(
        doc.title.text(),
        "Milei’s Cold War Diplomacy Divides Latin America"
    );
    // Curly quotes, accents and em dashes survive untouched.
    let all: String = doc.blocks().map(Block::text).collect();
    for kept in [
        "“fake”",
        "Zúñiga Macías",
        "challenged—and",
        "Lula’s",
        "Sánchez",
        "Inácio",
    ] {
        assert!(all.contains(kept), "{kept:?} was not kept verbatim");
    }
    assert!(!all.contains('\r'));
}

#[test]
fn real_content_mentions_match_what_a_reader_sees() {
    let doc = compile_dir(CONTENT);
    // The possessive stays with the name: one mention, not "Milei" plus a loose "’s".
    let possessive = actors_of_text(doc, "Milei’s");
    assert!(!possessive.is_empty(), "Milei’s is not marked");
    assert!(possessive.iter().all(|&id| id == "milei"), "{possessive:?}");
    assert_eq!(doc.title.segments[0].text, "Milei’s");
    assert_eq!(
        doc.actor_of(doc.title.segments[0].mention.expect("headline mention"))
            .id,
        "milei"
    );
    for block in doc.blocks() {
        for w in block.segments.windows(2) {
            assert!(
                !(w[0].mention.is_some() && w[1].text.starts_with("’s")),
                "a possessive was split off"
            );
        }
    }
    // The longest form wins: "The Argentine president" is Milei, not Argentina.
    assert_eq!(actors_of_text(doc, "The Argentine president"), ["milei"]);
    let us = actors_of_text(doc, "U.S.");
    assert!(
        us.len() >= 4 && us.iter().all(|&id| id == "united-states"),
        "{us:?}"
    );
    assert_eq!(actors_of_text(doc, "Lima’s"), ["peru"]);
    assert_eq!(actors_of_text(doc, "Juan José Zúñiga Macías"), ["zuniga"]);

    let milei_id = doc.story.actor_by_id("milei").expect("milei");
    let milei = doc.story.actor(milei_id);
    assert_eq!(milei.kind, Kind::Person);
    assert!(doc.story.mentions_of(milei_id).len() > 10);
    let mention_segments = doc
        .blocks()
        .flat_map(|b| b.segments.iter())
        .filter(|s| s.mention.is_some())
        .count();
    assert_eq!(doc.story.mentions.len(), mention_segments);
    assert!((0..doc.story.actors.len() as u16).all(|a| !doc.story.mentions_of(a).is_empty()));
}

#[test]
fn compiling_is_deterministic() {
    let first = format!("{:?}", compile_dir(CONTENT));
    let second = format!("{:?}", compile_dir(CONTENT));
    assert_eq!(
        first, second,
        "the same content must give the same document"
    );
    assert!(
        first.contains("Milei’s"),
        "text is kept as it is, not escaped away"
    );
}

// ── the tiny second article ─────────────────────────────────────────────────

#[test]
fn tiny_fixture_compiles_from_data_alone() {
    let doc = compile_dir(TINY);
    assert_well_formed(doc, &read(TINY, ARTICLE));
    assert_eq!(doc.paragraphs.len(), 3);
    let kinds: Vec<(&str, Kind)> = doc
        .story
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("quill", Kind::Person),
            ("norland", Kind::Country),
            ("norland-ferry", Kind::Company),
            ("strait-council", Kind::Organisation)
        ]
    );
    // Possessive kept with the name; the longest form wins over "Norland".
    assert_eq!(actors_of_text(doc, "Norland’s"), ["norland"]);
    assert_eq!(
        actors_of_text(doc, "Norland Ferry Company"),
        ["norland-ferry"]
    );
    assert_eq!(actors_of_text(doc, "Norland"), ["norland"]);
    assert_eq!(actors_of_text(doc, "Ada Quill"), ["quill"]);
    assert_eq!(doc.story.mentions.len(), 7);
}

#[test]
fn tiny_fixture_overrides_take_effect() {
    let doc = compile_dir(TINY);
    // Pinned: no form says "the council", the override makes it the Strait Council.
    assert_eq!(actors_of_text(doc, "the council"), ["strait-council"]);
    // Unmarked: "Quill" in "the Quill Inn" is not the minister.
    let last = &doc.paragraphs[2];
    let inn = last
        .text()
        .find("Quill Inn")
        .expect("the inn is in the last paragraph");
    let mut at = 0;
    for segment in &last.segments {
        let range = at..at + segment.text.len();
        if range.contains(&inn) {
            assert_eq!(
                segment.mention, None,
                "{:?} should not be a mention",
                segment.text
            );
        }
        at = range.end;
    }
    assert_eq!(
        actors_of_text(doc, "Quill"),
        ["quill"],
        "only the first Quill of the paragraph"
    );

    // Without mentions.toml, the same article marks the inn and not the council.
    let t = tiny();
    let plain = compile(&sources(t.article.as_bytes(), &t.actors, None))
        .expect("compiles without overrides");
    assert_eq!(actors_of_text(plain, "Quill"), ["quill", "quill"]);
    assert!(actors_of_text(plain, "the council").is_empty());
}

#[test]
fn crlf_article_is_accepted_and_its_text_has_no_carriage_returns() {
    let t = tiny();
    let crlf = t.article.replace('\n', "\r\n");
    let doc = compile(&sources(
        crlf.as_bytes(),
        &t.actors.replace('\n', "\r\n"),
        Some(&t.mentions.replace('\n', "\r\n")),
    ))
    .unwrap_or_else(|e| panic!("CRLF content should compile:\n{}", show(&e)));
    assert_well_formed(doc, &t.article);
    assert!(doc.blocks().all(|b| !b.text().contains('\r')));
    let lf = compile(&t.sources()).expect("tiny compiles");
    assert_eq!(doc, lf, "line endings change nothing in the document");
}

#[test]
fn read_dir_on_a_missing_folder_names_article_txt() {
    let missing = Path::new(TINY).join("no-such-folder");
    let errors = read_dir(&missing).expect_err("a missing folder cannot be read");
    let article = errors
        .iter()
        .find(|e| e.file.ends_with(ARTICLE))
        .unwrap_or_else(|| panic!("no error names article.txt:\n{}", show(&errors)));
    assert_eq!(article.line, 1);
    assert!(
        article.message.contains("cannot read the file"),
        "{article}"
    );
    assert!(article.to_string().contains("no-such-folder"), "{article}");
}

#[test]
fn read_dir_without_mentions_toml_is_fine() {
    let sources = read_dir(Path::new(CONTENT)).expect("content is readable");
    assert!(sources.mentions.is_none());
    assert!(sources.article.0.ends_with(ARTICLE));
    let sources = read_dir(Path::new(TINY)).expect("the fixture is readable");
    assert!(sources
        .mentions
        .as_ref()
        .is_some_and(|(name, _)| name.ends_with(MENTIONS)));
}

// ── actors.toml mistakes ────────────────────────────────────────────────────

#[test]
fn error_toml_syntax() {
    let t = tiny();
    // A value left out: the parser says what it expected instead.
    let actors = replace_once(&t.actors, r#"name = "Strait Council""#, "name =");
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        nth_line_equal(&actors, "name =", 0),
        &["invalid string", "expected `\"`"],
    );
}

#[test]
fn error_toml_unterminated_string() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"name = "Strait Council""#,
        r#"name = "Strait Council"#,
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        nth_line_equal(&actors, r#"name = "Strait Council"#, 0),
        &["invalid basic string"],
    );
}

#[test]
fn error_toml_syntax_in_mentions() {
    let t = tiny();
    let mentions = replace_once(&t.mentions, r#"text = "Quill""#, r#"text = Quill"#);
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "text = Quill"),
        &["invalid string", "expected `\"`"],
    );
}

#[test]
fn error_unknown_field() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        "kind = \"company\"\n",
        "kind = \"company\"\nwebsite = \"ferry.example\"\n",
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, "website"),
        &["unknown field", "website", "expected", "forms"],
    );
}

#[test]
fn error_unknown_field_in_an_override() {
    let t = tiny();
    let mentions = replace_once(
        &t.mentions,
        "actor = \"none\"\n",
        "actor = \"none\"\nnote = \"the poet\"\n",
    );
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "note ="),
        &["unknown field", "note", "expected", "context"],
    );
}

#[test]
fn error_missing_field() {
    let t = tiny();
    let actors = replace_once(&t.actors, "role = \"Fictional ferry operator\"\n", "");
    // The mistake is in the third [[actor]] table; the error points at it.
    let table = nth_line_equal(&actors, "[[actor]]", 2);
    let error = only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        table,
        &["missing field", "role"],
    );
    assert!(!error.message.contains('\n'));
}

#[test]
fn error_wrong_type() {
    let t = tiny();
    let actors = replace_once(&t.actors, r#"forms = ["Norland"]"#, r#"forms = "Norland""#);
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, r#"forms = "Norland""#),
        &["invalid type", "string", "expected a sequence"],
    );
}

#[test]
fn error_unknown_kind() {
    let t = tiny();
    let actors = replace_once(&t.actors, r#"kind = "country""#, r#"kind = "island""#);
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, "island\""),
        &[
            "unknown kind \"island\"",
            "expected one of person, country, organisation, company",
        ],
    );
}

#[test]
fn error_invalid_id() {
    let t = tiny();
    for bad in [
        "Norland",
        "nor land",
        "nor_land",
        "nor--land",
        "-norland",
        "norland-",
        "nörland",
        "",
    ] {
        let actors = replace_once(&t.actors, r#"id = "norland""#, &format!("id = {bad:?}"));
        only_error(
            &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
            ACTORS,
            line_with(&actors, &format!("id = {bad:?}")),
            &[
                "is not valid",
                "expected lowercase letters, digits and single hyphens",
            ],
        );
    }
}

#[test]
fn error_reserved_id_none() {
    let t = tiny();
    let actors = replace_once(&t.actors, r#"id = "norland""#, r#"id = "none""#);
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, r#"id = "none""#),
        &["\"none\" is reserved", "expected another id"],
    );
}

#[test]
fn error_duplicate_actor_id() {
    let t = tiny();
    let actors = replace_once(&t.actors, r#"id = "norland""#, r#"id = "quill""#);
    let first = nth_line_equal(&actors, r#"id = "quill""#, 0);
    let second = nth_line_equal(&actors, r#"id = "quill""#, 1);
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        second,
        &[
            "duplicate actor id \"quill\"",
            &format!("first defined on line {first}"),
            "expected each id once",
        ],
    );
}

#[test]
fn error_empty_name() {
    let t = tiny();
    let actors = replace_once(&t.actors, r#"name = "Norland""#, r#"name = """#);
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, r#"name = """#),
        &["actor \"norland\" has an empty name", "expected text"],
    );
}

#[test]
fn error_empty_role() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"role = "Fictional ferry operator""#,
        r#"role = "   ""#,
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, r#"role = "   ""#),
        &["actor \"norland-ferry\" has an empty role", "expected text"],
    );
}

#[test]
fn error_empty_description() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"description = "An invented minister of an invented island nation.""#,
        r#"description = """#,
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, r#"description = """#),
        &["actor \"quill\" has an empty description", "expected text"],
    );
}

#[test]
fn error_actor_with_no_forms() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Norland Ferry Company"]"#,
        "forms = []",
    );
    let errors = errors_of(&sources(t.article.as_bytes(), &actors, Some(&t.mentions)));
    expect_error(
        &errors,
        ACTORS,
        line_with(&actors, "forms = []"),
        &["\"norland-ferry\" has no forms", "expected at least one"],
    );
    // With no forms it cannot be mentioned either; that is reported at its id, and nothing else is.
    expect_error(
        &errors,
        ACTORS,
        line_with(&actors, r#"id = "norland-ferry""#),
        &["never mentioned"],
    );
    assert_eq!(errors.len(), 2, "{}", show(&errors));
}

#[test]
fn error_empty_form() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Norland"]"#,
        "forms = [\n  \"Norland\",\n  \"\",\n]",
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        nth_line_equal(&actors, "\"\",", 0),
        &[
            "actor \"norland\" has an empty form",
            "expected the text as it appears",
        ],
    );
}

#[test]
fn error_form_with_surrounding_spaces() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Strait Council"]"#,
        r#"forms = ["Strait Council "]"#,
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, "\"Strait Council \""),
        &[
            "form \"Strait Council \" starts or ends with spaces",
            "expected the words alone",
        ],
    );
}

#[test]
fn error_same_form_twice_for_one_actor() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Ada Quill", "Quill"]"#,
        "forms = [\n  \"Ada Quill\",\n  \"Quill\",\n  \"Quill\",\n]",
    );
    let first = nth_line_equal(&actors, "\"Quill\",", 0);
    let second = nth_line_equal(&actors, "\"Quill\",", 1);
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        second,
        &[
            &format!("form \"Quill\" is already listed for actor \"quill\" on line {first}"),
            "expected each form once",
        ],
    );
}

#[test]
fn error_same_form_for_two_actors() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Norland"]"#,
        r#"forms = ["Norland", "Quill"]"#,
    );
    let errors = errors_of(&sources(t.article.as_bytes(), &actors, Some(&t.mentions)));
    let first = line_with(&actors, r#"forms = ["Ada Quill", "Quill"]"#);
    let second = line_with(&actors, r#"forms = ["Norland", "Quill"]"#);
    expect_error(
        &errors,
        ACTORS,
        second,
        &[
            &format!("form \"Quill\" is already listed for actor \"quill\" on line {first}"),
            "mentions.toml",
        ],
    );
    assert!(
        errors.iter().all(|e| e.file == ACTORS && e.line == second),
        "{}",
        show(&errors)
    );
    assert!(
        errors
            .iter()
            .all(|e| !e.message.contains("matches nothing")),
        "{}",
        show(&errors)
    );
}

#[test]
fn error_form_matches_nothing() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Norland"]"#,
        r#"forms = ["Norland", "Westport"]"#,
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, "Westport"),
        &[
            "form \"Westport\" matches nothing",
            "expected text that occurs in it as whole words",
        ],
    );
}

#[test]
fn error_form_matching_only_inside_a_word_matches_nothing() {
    let t = tiny();
    // "Nor" is inside "Norland" everywhere, never a word of its own.
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Norland"]"#,
        r#"forms = ["Norland", "Nor"]"#,
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, r#""Nor"]"#),
        &["form \"Nor\" matches nothing", "whole words"],
    );
}

#[test]
fn error_form_with_other_capitals_matches_nothing() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Norland"]"#,
        r#"forms = ["Norland", "NORLAND"]"#,
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, "\"NORLAND\""),
        &["form \"NORLAND\" matches nothing", "same capitals"],
    );
}

#[test]
fn error_form_taken_by_a_longer_form_never_marks_a_mention() {
    let t = tiny();
    // "Ada" occurs, but only inside "Ada Quill", where the longest form wins.
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Ada Quill", "Quill"]"#,
        r#"forms = ["Ada Quill", "Quill", "Ada"]"#,
    );
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        line_with(&actors, r#""Ada"]"#),
        &[
            "form \"Ada\" occurs in the article but never marks a mention",
            "longer",
            "expected a form that marks at least one mention",
        ],
    );
}

#[test]
fn error_actor_never_mentioned() {
    let t = tiny();
    let extra = "\n[[actor]]\nid = \"sudmark-port\"\nname = \"Port of Sudmark\"\nkind = \"organisation\"\nrole = \"Fictional port\"\ndescription = \"An invented port.\"\nforms = [\"Port of Sudmark\"]\n";
    let actors = format!("{}{extra}", t.actors);
    let errors = errors_of(&sources(t.article.as_bytes(), &actors, Some(&t.mentions)));
    expect_error(
        &errors,
        ACTORS,
        line_with(&actors, "sudmark-port"),
        &[
            "actor \"sudmark-port\" is never mentioned",
            "expected at least one of its forms",
        ],
    );
    // Its only form is reported too, on its own line.
    expect_error(
        &errors,
        ACTORS,
        line_with(&actors, "forms = [\"Port of Sudmark\"]"),
        &["matches nothing"],
    );
    assert_eq!(errors.len(), 2, "{}", show(&errors));
}

#[test]
fn error_actor_never_mentioned_because_every_occurrence_is_unmarked() {
    let t = tiny();
    let mentions = format!("{}\n[[override]]\ncontext = \"the Strait Council will\"\ntext = \"Strait Council\"\nactor = \"none\"\n", t.mentions);
    let errors = errors_of(&sources(t.article.as_bytes(), &t.actors, Some(&mentions)));
    // "the council" is still pinned to it, so only the form is unused; it does occur, so it is not
    // said to match nothing.
    expect_error(
        &errors,
        ACTORS,
        line_with(&t.actors, "forms = [\"Strait Council\"]"),
        &[
            "\"Strait Council\" occurs in the article but never marks a mention",
            "override in mentions.toml",
        ],
    );
    assert_eq!(errors.len(), 1, "{}", show(&errors));

    let without_pin = replace_once(&mentions, "actor = \"strait-council\"", "actor = \"none\"");
    let errors = errors_of(&sources(
        t.article.as_bytes(),
        &t.actors,
        Some(&without_pin),
    ));
    expect_error(
        &errors,
        ACTORS,
        line_with(&t.actors, "id = \"strait-council\""),
        &["never mentioned"],
    );
}

#[test]
fn error_crossing_forms_are_overlapping_mentions() {
    let t = tiny();
    // "Norland Ferry" and "Ferry Company" cross in "Norland Ferry Company".
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Norland"]"#,
        r#"forms = ["Norland", "Norland Ferry"]"#,
    );
    let actors = replace_once(
        &actors,
        r#"forms = ["Norland Ferry Company"]"#,
        r#"forms = ["Ferry Company"]"#,
    );
    let errors = errors_of(&sources(t.article.as_bytes(), &actors, Some(&t.mentions)));
    let first = line_with(&actors, "\"Norland Ferry\"");
    let error = expect_error(
        &errors,
        ACTORS,
        line_with(&actors, "\"Ferry Company\""),
        &[
            "overlapping mentions",
            "\"Ferry Company\"",
            &format!("\"Norland Ferry\" (line {first})"),
            "\"Norland Ferry Company\" (article line 5)",
            "mentions.toml",
        ],
    );
    assert_eq!(
        errors
            .iter()
            .filter(|e| e.message.contains("overlapping"))
            .count(),
        1,
        "{error}"
    );
    // The crossing form that lost is not said to match nothing: it is right there in the text.
    assert!(
        errors
            .iter()
            .all(|e| !e.message.contains("matches nothing")),
        "{}",
        show(&errors)
    );
}

#[test]
fn an_override_settles_crossing_forms() {
    let t = tiny();
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Norland"]"#,
        r#"forms = ["Norland", "Norland Ferry"]"#,
    );
    let actors = replace_once(
        &actors,
        r#"forms = ["Norland Ferry Company"]"#,
        r#"forms = ["Ferry Company"]"#,
    );
    let mentions = format!(
        "{}\n[[override]]\ncontext = \"The Norland Ferry Company\"\ntext = \"Norland Ferry Company\"\nactor = \"norland-ferry\"\n",
        t.mentions
    );
    let errors = errors_of(&sources(t.article.as_bytes(), &actors, Some(&mentions)));
    // The crossing is settled; what is left is that the two forms are now unused.
    assert!(
        errors.iter().all(|e| !e.message.contains("overlapping")),
        "{}",
        show(&errors)
    );
    expect_error(
        &errors,
        ACTORS,
        line_with(&actors, "\"Norland Ferry\""),
        &["\"Norland Ferry\" occurs in the article but never marks"],
    );
    expect_error(
        &errors,
        ACTORS,
        line_with(&actors, "\"Ferry Company\""),
        &["\"Ferry Company\" occurs in the article but never marks"],
    );
    assert_eq!(errors.len(), 2, "{}", show(&errors));
}

// ── mentions.toml mistakes ──────────────────────────────────────────────────

#[test]
fn error_override_with_unknown_actor_and_a_hint() {
    let t = tiny();
    let mentions = replace_once(
        &t.mentions,
        r#"actor = "strait-council""#,
        r#"actor = "strait-counsil""#,
    );
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "strait-counsil"),
        &[
            "unknown actor id \"strait-counsil\"",
            "did you mean \"strait-council\"?",
            "expected an id from actors.toml or \"none\"",
        ],
    );
}

#[test]
fn error_override_with_unknown_actor_far_from_any_id() {
    let t = tiny();
    let mentions = replace_once(
        &t.mentions,
        r#"actor = "strait-council""#,
        r#"actor = "harbour-board""#,
    );
    let error = only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "harbour-board"),
        &[
            "unknown actor id \"harbour-board\"",
            "expected an id from actors.toml",
        ],
    );
    assert!(!error.message.contains("did you mean"), "{error}");
}

#[test]
fn error_override_context_not_found() {
    let t = tiny();
    let mentions = replace_once(
        &t.mentions,
        r#"context = "outside the Quill Inn""#,
        r#"context = "outside the Quill Hotel""#,
    );
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "Quill Hotel"),
        &[
            "context \"outside the Quill Hotel\" does not occur in the article",
            "expected a phrase copied from it",
        ],
    );
}

#[test]
fn error_override_context_occurs_twice() {
    let t = tiny();
    let mentions = replace_once(
        &t.mentions,
        "context = \"outside the Quill Inn\"\ntext = \"Quill\"",
        "context = \"Ferry\"\ntext = \"Ferry\"",
    );
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "context = \"Ferry\""),
        &[
            "context \"Ferry\" occurs 2 times",
            "expected a longer phrase that occurs once",
        ],
    );
}

#[test]
fn error_override_text_not_in_context() {
    let t = tiny();
    let mentions = replace_once(
        &t.mentions,
        r#"text = "the council""#,
        r#"text = "the mayor""#,
    );
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "the mayor"),
        &["text \"the mayor\" does not occur in its context \"Quill said the council\""],
    );
}

#[test]
fn error_override_text_twice_in_context() {
    let t = tiny();
    let mentions = replace_once(&t.mentions, r#"text = "the council""#, r#"text = "i""#);
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, r#"text = "i""#),
        &[
            "text \"i\" occurs 3 times in its context",
            "expected a context where it occurs once",
        ],
    );
}

#[test]
fn error_override_text_cuts_a_word() {
    let t = tiny();
    let mentions = replace_once(
        &t.mentions,
        r#"text = "the council""#,
        r#"text = "the counc""#,
    );
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "the counc\""),
        &[
            "text \"the counc\" cuts a word in two",
            "expected whole words",
        ],
    );
}

#[test]
fn error_override_text_cuts_a_word_at_the_edge_of_its_context() {
    let t = tiny();
    // The context itself starts inside "Quill": the text must still be whole words of the article.
    let mentions = replace_once(
        &t.mentions,
        "context = \"outside the Quill Inn\"\ntext = \"Quill\"",
        "context = \"uill Inn\"\ntext = \"uill\"",
    );
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "text = \"uill\""),
        &["cuts a word in two"],
    );
}

#[test]
fn error_overlapping_overrides() {
    let t = tiny();
    let extra = "\n[[override]]\ncontext = \"the council had asked\"\ntext = \"council\"\nactor = \"none\"\n";
    let mentions = format!("{}{extra}", t.mentions);
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "the council had asked"),
        &[
            "overlapping mentions",
            &format!(
                "overlaps the one on line {}",
                line_with(&mentions, "context = \"Quill said the council\"")
            ),
        ],
    );
}

#[test]
fn error_empty_override_text() {
    let t = tiny();
    let mentions = replace_once(&t.mentions, r#"text = "the council""#, r#"text = """#);
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, "context = \"Quill said the council\""),
        &["empty context or text"],
    );
}

#[test]
fn error_override_text_with_surrounding_spaces() {
    // " the council" occurs in its context and cuts no word, but the mark would take the space.
    let t = tiny();
    let mentions = replace_once(
        &t.mentions,
        r#"text = "the council""#,
        r#"text = " the council""#,
    );
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        line_with(&mentions, r#"text = " the council""#),
        &[
            "text \" the council\" starts or ends with spaces",
            "expected the words alone",
        ],
    );
}

// ── article.txt mistakes ────────────────────────────────────────────────────

#[test]
fn error_empty_article() {
    let t = tiny();
    for empty in ["", "\n", "\n\n  \n", "\u{feff}"] {
        only_error(
            &sources(empty.as_bytes(), &t.actors, Some(&t.mentions)),
            ARTICLE,
            1,
            &["the article is empty", "expected the headline on line 1"],
        );
    }
}

#[test]
fn error_headline_without_paragraphs() {
    let t = tiny();
    let headline = format!("{}\n\n", t.article.lines().next().expect("a headline"));
    only_error(
        &sources(headline.as_bytes(), &t.actors, Some(&t.mentions)),
        ARTICLE,
        1,
        &[
            "headline but no paragraph",
            "expected paragraphs on the lines after it",
        ],
    );
}

#[test]
fn error_first_line_blank() {
    let t = tiny();
    let article = format!("\n{}", t.article);
    only_error(
        &sources(article.as_bytes(), &t.actors, Some(&t.mentions)),
        ARTICLE,
        1,
        &["the first line is empty", "expected the headline on line 1"],
    );
}

#[test]
fn error_line_with_trailing_spaces() {
    let t = tiny();
    let article = replace_once(&t.article, "set the fares.", "set the fares.  ");
    only_error(
        &sources(article.as_bytes(), &t.actors, Some(&t.mentions)),
        ARTICLE,
        5,
        &["starts or ends with spaces", "expected the text alone"],
    );
}

#[test]
fn error_line_with_leading_spaces() {
    let t = tiny();
    let article = replace_once(&t.article, "\nQuill said", "\n\tQuill said");
    only_error(
        &sources(article.as_bytes(), &t.actors, Some(&t.mentions)),
        ARTICLE,
        7,
        &["starts or ends with spaces"],
    );
}

#[test]
fn error_control_character_in_article() {
    let t = tiny();
    let article = replace_once(&t.article, "a quiet start", "a quiet\u{7}start");
    only_error(
        &sources(article.as_bytes(), &t.actors, Some(&t.mentions)),
        ARTICLE,
        7,
        &["control character U+0007", "expected plain text"],
    );
}

/// Found by the property tests (`tests/properties.rs`): the TOML parser gives no message for a
/// NUL, so the error said nothing.
#[test]
fn error_control_character_in_actors() {
    let t = tiny();
    let actors = format!("# A comment with a \u{0} in it.\n{}", t.actors);
    only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        1,
        &["control character (U+0000)", "expected text"],
    );
}

#[test]
fn error_a_key_without_its_value() {
    // The parser has no words for a value left out at the end of a file: it is no control
    // character, so the message says what TOML expects.
    let t = tiny();
    let actors = format!("{}\n[[actor]]\nid =  ", t.actors);
    let lines = actors.lines().count();
    let e = only_error(
        &sources(t.article.as_bytes(), &actors, Some(&t.mentions)),
        ACTORS,
        lines,
        &["this is not valid TOML", "expected `key = value`"],
    );
    assert!(!e.message.contains("control"), "{e}");
}

#[test]
fn error_invalid_utf8_in_article() {
    let t = tiny();
    let mut article = t.article.clone().into_bytes();
    let at = t.article.find("crossings").expect("paragraph 2");
    article[at] = 0xFF;
    only_error(
        &sources(&article, &t.actors, Some(&t.mentions)),
        ARTICLE,
        5,
        &[
            &format!("invalid UTF-8 at byte {at}"),
            "expected the file saved as UTF-8",
        ],
    );
}

#[test]
fn error_invalid_utf8_in_actors() {
    let t = tiny();
    let at = t.actors.find("Fictional ferry operator").expect("a role");
    let mut actors = t.actors.clone().into_bytes();
    actors[at] = 0xC3; // the start of a two-byte character, cut short
    actors[at + 1] = b'(';
    let sources = Sources {
        article: (ARTICLE.to_string(), t.article.clone().into_bytes()),
        actors: (ACTORS.to_string(), actors),
        mentions: Some((MENTIONS.to_string(), t.mentions.clone().into_bytes())),
        relations: None,
        settings: None,
    };
    only_error(
        &sources,
        ACTORS,
        line_with(&t.actors, "Fictional ferry operator"),
        &[
            &format!("invalid UTF-8 at byte {at}"),
            "expected the file saved as UTF-8",
        ],
    );
}

#[test]
fn error_file_over_max_bytes() {
    let t = tiny();
    let mut article = t.article.clone();
    while article.len() <= MAX_FILE_BYTES {
        article.push_str("\nMore words about the ferry, repeated until the file is far too large.");
    }
    let size = article.len();
    only_error(
        &sources(article.as_bytes(), &t.actors, Some(&t.mentions)),
        ARTICLE,
        1,
        &[
            &format!("the file is {size} bytes"),
            &format!("expected at most {MAX_FILE_BYTES} bytes"),
        ],
    );

    let mentions = format!("{}\n#{}\n", t.mentions, "x".repeat(MAX_FILE_BYTES));
    only_error(
        &sources(t.article.as_bytes(), &t.actors, Some(&mentions)),
        MENTIONS,
        1,
        &["expected at most"],
    );
}

#[test]
fn file_of_exactly_max_bytes_is_accepted() {
    let t = tiny();
    let mut article = t.article.clone();
    let padding = MAX_FILE_BYTES - article.len();
    article.push_str(&"\n".repeat(padding));
    assert_eq!(article.len(), MAX_FILE_BYTES);
    compile(&sources(article.as_bytes(), &t.actors, Some(&t.mentions)))
        .expect("a file of exactly the limit is fine");
}

// ── many mistakes at once ───────────────────────────────────────────────────

#[test]
fn several_errors_are_reported_at_once_sorted_by_file_and_line() {
    let t = tiny();
    // Mistakes written bottom-up in actors.toml, plus one in mentions.toml.
    let actors = replace_once(&t.actors, r#"kind = "organisation""#, r#"kind = "council""#);
    let actors = replace_once(
        &actors,
        r#"role = "Fictional ferry operator""#,
        r#"role = """#,
    );
    let actors = replace_once(&actors, r#"id = "norland""#, r#"id = "Norland""#);
    let actors = replace_once(
        &actors,
        r#"forms = ["Ada Quill", "Quill"]"#,
        r#"forms = ["Ada Quill", "Quill", "Minister Quill"]"#,
    );
    let mentions = replace_once(
        &t.mentions,
        r#"context = "outside the Quill Inn""#,
        r#"context = "outside the Quill Hotel""#,
    );
    let errors = errors_of(&sources(t.article.as_bytes(), &actors, Some(&mentions)));

    let expected = [
        (
            ACTORS,
            line_with(&actors, "Minister Quill"),
            "matches nothing",
        ),
        (
            ACTORS,
            line_with(&actors, r#"id = "Norland""#),
            "is not valid",
        ),
        (ACTORS, line_with(&actors, r#"role = """#), "empty role"),
        (ACTORS, line_with(&actors, "\"council\""), "unknown kind"),
        (
            MENTIONS,
            line_with(&mentions, "Quill Hotel"),
            "does not occur",
        ),
    ];
    let got: Vec<(&str, usize)> = errors.iter().map(|e| (e.file.as_str(), e.line)).collect();
    let want: Vec<(&str, usize)> = expected.iter().map(|&(f, l, _)| (f, l)).collect();
    assert_eq!(got, want, "\n{}", show(&errors));
    for (error, (_, _, words)) in errors.iter().zip(expected) {
        assert!(
            error.message.contains(words),
            "{error} should say {words:?}"
        );
    }
    let mut sorted = errors.clone();
    sorted.sort();
    assert_eq!(errors, sorted);
}

#[test]
fn article_and_toml_errors_are_reported_together() {
    let t = tiny();
    let article = replace_once(&t.article, "set the fares.", "set the fares. ");
    let article = replace_once(
        &article,
        "named after a local poet.",
        "named after a local poet. ",
    );
    let actors = replace_once(&t.actors, r#"name = "Norland""#, r#"name = "Norland"#);
    let mentions = replace_once(&t.mentions, r#"actor = "none""#, r#"actor = none"#);
    let errors = errors_of(&sources(article.as_bytes(), &actors, Some(&mentions)));
    let got: Vec<(&str, usize)> = errors.iter().map(|e| (e.file.as_str(), e.line)).collect();
    assert_eq!(
        got,
        [
            (ACTORS, nth_line_equal(&actors, r#"name = "Norland"#, 0)),
            (ARTICLE, 5),
            (ARTICLE, 7),
            (MENTIONS, line_with(&mentions, "actor = none")),
        ],
        "\n{}",
        show(&errors)
    );
}

// ── limits and boundaries ───────────────────────────────────────────────────

#[test]
fn a_long_article_of_two_mebibytes_is_within_the_limit() {
    // The documented limit: 2 MiB of text, far beyond any article, is accepted; one byte more is
    // not.
    assert_eq!(MAX_FILE_BYTES, 2 * 1024 * 1024);
    let t = tiny();
    let mut article = t.article.clone();
    article.push_str(&"\n".repeat(2 * 1024 * 1024 - article.len()));
    compile(&sources(article.as_bytes(), &t.actors, Some(&t.mentions)))
        .expect("2 MiB of text is within the limit");
}

/// An article of `paragraphs` paragraphs after the headline, each `paragraph`, whose one actor is
/// Norland.
fn many_paragraphs(headline: &str, paragraph: &str, paragraphs: usize) -> Sources {
    let article = format!(
        "{headline}\n{}",
        format!("\n{paragraph}\n").repeat(paragraphs)
    );
    let actors = "[[actor]]\nid = \"norland\"\nname = \"Norland\"\nkind = \"country\"\n\
                  role = \"r\"\ndescription = \"d\"\nforms = [\"Norland\"]\n";
    sources(article.as_bytes(), actors, None)
}

#[test]
fn a_paragraph_more_than_the_ids_hold_is_refused_and_the_last_that_fits_is_not() {
    // Sentences and blocks are counted in 16 bits: the headline and 65,534 paragraphs fit.
    let fits = many_paragraphs("Norland Votes", "It rained.", usize::from(u16::MAX) - 1);
    compile(&fits).expect("65,535 blocks fit");
    let over = many_paragraphs("Norland Votes", "It rained.", usize::from(u16::MAX));
    let errors = errors_of(&over);
    expect_error(
        &errors,
        ARTICLE,
        1,
        &["65535 paragraphs; expected at most 65534"],
    );
}

#[test]
fn a_mention_more_than_the_ids_hold_is_refused_and_the_last_that_fits_is_not() {
    // Five mentions a paragraph: 13,107 paragraphs name Norland 65,535 times, the most there
    // can be; a headline naming it once more is one too many.
    let paragraph = "Norland, Norland, Norland, Norland, Norland.";
    let fits = many_paragraphs("A Vote", paragraph, 13_107);
    let doc = compile(&fits).expect("65,535 mentions fit");
    assert_eq!(doc.story.mentions.len(), 65_535);
    let over = many_paragraphs("Norland Votes", paragraph, 13_107);
    expect_error(
        &errors_of(&over),
        ARTICLE,
        1,
        &["65536 mentions; expected at most 65535"],
    );
}

#[test]
fn every_count_a_card_or_the_page_shows_has_its_plural_resolved_and_no_more() {
    // The tiny fixture: the counts are each actor's mentions and relations, and all relations.
    let doc = compile_dir(TINY);
    let story = &doc.story;
    let most = (0..story.actors.len() as u16)
        .map(|a| {
            let mentions = story.mentions.iter().filter(|&&m| m == a).count();
            let relations = story
                .relations
                .iter()
                .filter(|r| r.from == a || r.to == a)
                .count();
            mentions.max(relations)
        })
        .chain([story.relations.len()])
        .max()
        .unwrap();
    assert_eq!(story.words.plurals.by_count.len(), most + 1);
    // The article's most named actor has more mentions than relations: it sets the count.
    let norland = story.actors.iter().position(|a| a.id == "norland").unwrap() as u16;
    assert_eq!(
        most,
        story.mentions.iter().filter(|&&m| m == norland).count()
    );
}

#[test]
fn a_mention_across_what_looks_like_a_sentence_end_keeps_the_sentence_whole() {
    // "Ada Q. Quill": the splitter would end a sentence after "Q."; a mention is never cut, so
    // the paragraph is one sentence. A mention that starts a sentence does not join it to the
    // one before.
    let t = tiny();
    let article = replace_once(
        &t.article,
        "Norland’s harbour minister, Ada Quill, cut a ribbon",
        "Norland’s harbour minister, Ada Q. Quill, cut a ribbon",
    );
    let actors = replace_once(
        &t.actors,
        r#"forms = ["Ada Quill", "Quill"]"#,
        r#"forms = ["Ada Q. Quill", "Quill"]"#,
    );
    let doc = compile(&sources(article.as_bytes(), &actors, Some(&t.mentions))).unwrap();
    let first = &doc.paragraphs[0].segments;
    assert!(first
        .iter()
        .any(|s| s.text == "Ada Q. Quill" && s.mention.is_some()));
    assert!(
        first.iter().all(|s| s.sentence == first[0].sentence),
        "{first:#?}"
    );
    // "…a quiet start. Passengers in Sudmark…": two sentences, and "Quill said…" starts one.
    let last = &doc.paragraphs[2].segments;
    let quill = last.iter().find(|s| s.text == "Quill").unwrap();
    let sudmark = last.iter().find(|s| s.text.contains("Passengers")).unwrap();
    assert_eq!(quill.sentence, last[0].sentence);
    assert_ne!(quill.sentence, sudmark.sentence);
    let rained = "The Crossing\n\nIt rained. Ada Quill spoke.\n";
    let doc = compile(&sources(rained.as_bytes(), &actors_quill_only(), None)).unwrap();
    let segs = &doc.paragraphs[0].segments;
    assert_eq!(segs[0].text, "It rained. ");
    assert_eq!(segs[1].text, "Ada Quill");
    assert_ne!(segs[0].sentence, segs[1].sentence, "{segs:#?}");
}

/// The tiny fixture's minister alone, by her full name.
fn actors_quill_only() -> String {
    "[[actor]]\nid = \"quill\"\nname = \"Ada Quill\"\nkind = \"person\"\nrole = \"r\"\ndescription = \"d\"\nforms = [\"Ada Quill\"]\n".to_string()
}

#[test]
fn forms_that_touch_without_overlapping_are_no_crossing() {
    // Two forms can touch only where one starts or ends with a mark ("U.S." and "–Norland" in
    // "U.S.–Norland"); touching is not crossing, and both are mentions.
    let text = "The Pact\n\nThe U.S.–Norland pact was signed.\n";
    let actors = "[[actor]]\nid = \"us\"\nname = \"United States\"\nkind = \"country\"\nrole = \"r\"\ndescription = \"d\"\nforms = [\"U.S.\"]\n\n\
                  [[actor]]\nid = \"norland\"\nname = \"Norland\"\nkind = \"country\"\nrole = \"r\"\ndescription = \"d\"\nforms = [\"–Norland\"]\n";
    let doc =
        compile(&sources(text.as_bytes(), actors, None)).unwrap_or_else(|e| panic!("{}", show(&e)));
    let marked: Vec<&str> = doc.paragraphs[0]
        .segments
        .iter()
        .filter(|s| s.mention.is_some())
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, ["U.S.", "–Norland"]);
    // And the same two as overrides that touch: no overlap.
    let mentions = "[[override]]\ncontext = \"The U.S.–Norland pact\"\ntext = \"U.S.\"\nactor = \"us\"\n\n\
                    [[override]]\ncontext = \"The U.S.–Norland pact\"\ntext = \"–Norland\"\nactor = \"norland\"\n";
    compile(&sources(text.as_bytes(), actors, Some(mentions)))
        .unwrap_or_else(|e| panic!("{}", show(&e)));
    // Listed the other way round: the later text pinned first still does not overlap.
    let reversed = "[[override]]\ncontext = \"The U.S.–Norland pact\"\ntext = \"–Norland\"\nactor = \"norland\"\n\n\
                    [[override]]\ncontext = \"The U.S.–Norland pact\"\ntext = \"U.S.\"\nactor = \"us\"\n";
    compile(&sources(text.as_bytes(), actors, Some(reversed)))
        .unwrap_or_else(|e| panic!("{}", show(&e)));
}

/// Actors for texts where an override touches two forms that cross: "U.S." (pinned), and
/// `first` and `second`.
fn actors_crossing_next_to_a_pin(first: &str, second: &str) -> String {
    format!(
        "[[actor]]\nid = \"us\"\nname = \"United States\"\nkind = \"country\"\nrole = \"r\"\ndescription = \"d\"\nforms = [\"U.S.\"]\n\n\
         [[actor]]\nid = \"bank\"\nname = \"Norland Bank\"\nkind = \"organisation\"\nrole = \"r\"\ndescription = \"d\"\nforms = [\"{first}\"]\n\n\
         [[actor]]\nid = \"act\"\nname = \"Bank Act\"\nkind = \"organisation\"\nrole = \"r\"\ndescription = \"d\"\nforms = [\"{second}\"]\n"
    )
}

#[test]
fn forms_that_cross_next_to_an_override_are_still_reported() {
    // An override takes its text from the forms' matching; a form that only touches it is
    // still checked for crossing, on either side.
    for (text, pinned, first, second) in [
        (
            "The Pact\n\nThe U.S.–Norland Bank Act passed.\n",
            "U.S.",
            "–Norland Bank",
            "Bank Act",
        ),
        (
            "The Pact\n\nThe Norland Bank Act–U.S. pact passed.\n",
            "–U.S.",
            "Norland Bank",
            "Bank Act",
        ),
    ] {
        let actors = actors_crossing_next_to_a_pin(first, second);
        let context = text.lines().nth(2).unwrap();
        let mentions =
            format!("[[override]]\ncontext = {context:?}\ntext = {pinned:?}\nactor = \"us\"\n");
        let errors = errors_of(&sources(text.as_bytes(), &actors, Some(&mentions)));
        expect_error(
            &errors,
            ACTORS,
            line_with(&actors, &format!("forms = [{second:?}]")),
            &[
                "overlapping mentions",
                &format!("{second:?}"),
                &format!("{first:?}"),
            ],
        );
    }
}

#[test]
fn a_genre_is_one_the_page_knows_or_none() {
    let t = tiny();
    let with = |settings: &str| Sources {
        settings: Some(("article.toml".to_string(), settings.as_bytes().to_vec())),
        ..sources(t.article.as_bytes(), &t.actors, Some(&t.mentions))
    };
    for (genre, expected) in [
        ("opinion", Some(Genre::Opinion)),
        ("news", Some(Genre::News)),
        ("none", None),
    ] {
        let doc = compile(&with(&format!("genre = {genre:?}\n")))
            .unwrap_or_else(|e| panic!("{}", show(&e)));
        assert_eq!(doc.settings.genre, expected, "{genre}");
    }
    only_error(
        &with("sample = true\ngenre = \"blog\"\n"),
        "article.toml",
        2,
        &["unknown genre \"blog\"; expected one of opinion, analysis, news, none"],
    );
}

#[test]
fn a_plain_phrase_empty_or_with_spaces_around_is_refused() {
    let t = tiny();
    let with = |settings: &str| Sources {
        settings: Some(("article.toml".to_string(), settings.as_bytes().to_vec())),
        ..sources(t.article.as_bytes(), &t.actors, Some(&t.mentions))
    };
    for phrase in ["", "  ", " Quill Inn", "Quill Inn "] {
        only_error(
            &with(&format!("strict = false\nplain = [\n  {phrase:?},\n]\n")),
            "article.toml",
            3,
            &["is empty or has spaces around it; expected a phrase of the article"],
        );
    }
    compile(&with("plain = [\"Quill Inn\"]\n")).unwrap_or_else(|e| panic!("{}", show(&e)));
}
