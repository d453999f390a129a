#![cfg(feature = "source")]
//! The check for names nobody marked (`source::coverage`), on small texts whose every name is
//! known: what counts as a name (capitalised within a sentence, an acronym, a word the caller's
//! data knows, a word the article itself writes as a name elsewhere), where a run of them starts
//! and ends, what a title, a particle, a date, a plain phrase or an override leaves out, and what
//! the draft reads from a raw text. The build tools' tests measure the same check on the site's
//! articles with the country data crate; these need no data beyond what each test says.
//!
//! Run with `cargo test -p article-model --features source`.

mod common;

use article_model::source::coverage::{names_in, unmarked, Found, Unmarked};
use article_model::source::Sources;
use article_model::Document;

/// The draft's view of a text: each found name as `(block, sentence, text)`.
fn draft(blocks: &[&str], known: &[&str], titles: &[&str]) -> Vec<(usize, usize, String)> {
    let titles: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    names_in(blocks, &|w| known.contains(&w), &titles)
        .into_iter()
        .map(
            |Found {
                 block,
                 sentence,
                 text,
             }| (block, sentence, text),
        )
        .collect()
}

/// The draft's names alone, in order.
fn names(blocks: &[&str], known: &[&str], titles: &[&str]) -> Vec<String> {
    draft(blocks, known, titles)
        .into_iter()
        .map(|(_, _, t)| t)
        .collect()
}

/// One paragraph under a headline with no name in it.
fn para(text: &str) -> Vec<String> {
    names(&["a headline", text], &[], &[])
}

/// Compiles an article from its text and its files; panics with the errors if it does not.
fn article(
    text: &str,
    actors: &str,
    mentions: Option<&str>,
    settings: Option<&str>,
) -> &'static Document {
    let sources = Sources {
        article: ("article.txt".into(), text.as_bytes().to_vec()),
        actors: ("actors.toml".into(), actors.as_bytes().to_vec()),
        mentions: mentions.map(|m| ("mentions.toml".into(), m.as_bytes().to_vec())),
        relations: None,
        settings: settings.map(|s| ("article.toml".into(), s.as_bytes().to_vec())),
    };
    common::compile(&sources).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// An actors.toml of one actor per `(id, forms)`.
fn actors(list: &[(&str, &[&str])]) -> String {
    list.iter()
        .map(|(id, forms)| {
            let forms: Vec<String> = forms.iter().map(|f| format!("{f:?}")).collect();
            format!(
                "[[actor]]\nid = \"{id}\"\nname = \"{id}\"\nkind = \"person\"\nrole = \"r\"\n\
                 description = \"d\"\nforms = [{}]\n\n",
                forms.join(", ")
            )
        })
        .collect()
}

/// What the check reports for a compiled article: `(block, text)`.
fn reported(doc: &Document, known: &[&str], titles: &[&str]) -> Vec<(usize, String)> {
    let titles: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
    unmarked(doc, &|w| known.contains(&w), &titles)
        .into_iter()
        .map(|Unmarked { block, text }| (block, text))
        .collect()
}

/// One actor, named by a word the texts below hold ("boats"), for articles with no other.
fn boats() -> String {
    actors(&[("boats", &["boats"])])
}

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

// ── the draft: names in a raw text ─────────────────────────────────────────

#[test]
fn a_capitalised_word_within_a_sentence_is_a_name_and_one_at_its_start_is_not() {
    assert_eq!(
        para("Observers from Kestland watched."),
        owned(&["Kestland"])
    );
    assert_eq!(para("Observers watched. Tarn voted."), Vec::<String>::new());
    assert_eq!(para("observers watched"), Vec::<String>::new());
}

#[test]
fn a_word_the_article_writes_as_a_name_counts_at_a_sentence_start_and_in_the_headline() {
    // "Kestland" within a sentence makes it a name wherever it stands.
    assert_eq!(
        draft(
            &[
                "Kestland Votes",
                "Kestland voted. Observers from Kestland watched."
            ],
            &[],
            &[]
        ),
        vec![
            (0, 0, "Kestland".to_string()),
            (1, 0, "Kestland".to_string()),
            (1, 1, "Kestland".to_string()),
        ]
    );
    // Written only in the headline, a word is no name: headlines are in title case.
    assert_eq!(
        names(&["Kestland Votes", "It voted."], &[], &[]),
        Vec::<String>::new()
    );
    // Nor is it one when the only place it stands within a sentence is the headline.
    assert_eq!(
        names(&["Why Kestland Votes", "Kestland voted."], &[], &[]),
        Vec::<String>::new()
    );
}

#[test]
fn an_acronym_or_a_known_word_is_a_name_anywhere() {
    assert_eq!(para("MAS won."), owned(&["MAS"]));
    assert_eq!(para("G20 leaders met."), owned(&["G20"]));
    assert_eq!(
        names(&["Bolivian Vote", "Voters left."], &["Bolivian"], &[]),
        owned(&["Bolivian"])
    );
    assert_eq!(para("Bolivian voters left."), Vec::<String>::new());
    assert_eq!(
        names(&["h", "Bolivian voters left."], &["Bolivian"], &[]),
        owned(&["Bolivian"])
    );
    // One capital is no acronym ("A", "I").
    assert_eq!(para("A vote. I left."), Vec::<String>::new());
}

#[test]
fn dates_are_no_names() {
    assert_eq!(
        para("It says Kestland voted on Monday, in March, and Tarn in May."),
        owned(&["Kestland", "Tarn"])
    );
    // A date beside a name does not join it: the run is cut at the date.
    assert_eq!(para("It was Kestland Monday."), owned(&["Kestland"]));
}

#[test]
fn a_run_holds_capitalised_words_joined_by_spaces_and_the_particles_between_them() {
    assert_eq!(
        para("It met Lula da Silva and the Partido Marinero de Ostrania."),
        owned(&["Lula da Silva", "Partido Marinero de Ostrania"])
    );
    assert_eq!(para("It met Halvard & Sons."), owned(&["Halvard & Sons"]));
    // "and" joins two names; punctuation and hyphens part them.
    assert_eq!(
        para("It met Kestland and Tarn."),
        owned(&["Kestland", "Tarn"])
    );
    assert_eq!(para("It met Kestland, Tarn."), owned(&["Kestland", "Tarn"]));
    assert_eq!(
        para("It met then-Bolivian officials."),
        owned(&["Bolivian"])
    );
    // A particle at the end of a run is not part of the name.
    assert_eq!(para("It met the Bank of the north."), owned(&["Bank"]));
    assert_eq!(para("It met Kestland of"), owned(&["Kestland"]));
    // Two particles in a row still join.
    assert_eq!(para("It met Ana de de Souza."), owned(&["Ana de de Souza"]));
}

#[test]
fn a_name_is_read_without_its_possessive_or_the_sentence_s_full_stop() {
    assert_eq!(
        para("It met Kestland’s envoy, Tarn's envoy and the U.S. envoy in Peru."),
        owned(&["Kestland", "Tarn", "U.S.", "Peru"])
    );
    assert_eq!(para("It met ‘Kestland’ envoys."), owned(&["Kestland"]));
}

#[test]
fn the_draft_keeps_a_whole_run_with_its_title_and_its_sentence_start() {
    // Titles name no one, but the draft keeps the run whole: it strips the title itself.
    assert_eq!(
        names(&["h", "It met President Luis Arce."], &[], &["President"]),
        owned(&["President Luis Arce"])
    );
    assert_eq!(
        names(&["h", "Marta Ibarzo spoke."], &[], &[]),
        owned(&["Marta Ibarzo"])
    );
    // A title alone is no name, nor a run of titles.
    assert_eq!(
        names(
            &["h", "It met the President and the Prime Minister."],
            &[],
            &["President", "Prime Minister"]
        ),
        Vec::<String>::new()
    );
}

#[test]
fn each_name_is_found_in_its_block_and_sentence() {
    assert_eq!(
        draft(
            &[
                "A Headline",
                "It rained. It met Kestland. Later, Tarn.",
                "Tarn left."
            ],
            &[],
            &[]
        ),
        vec![
            (1, 1, "Kestland".to_string()),
            (1, 2, "Tarn".to_string()),
            (2, 0, "Tarn".to_string()),
        ]
    );
}

// ── the check in a build: names nobody marked ──────────────────────────────

const TEXT: &str = "Kestland Signs a Pact\n\n\
    On Monday, President Luis Arce of Kestland met the Tarn Council.\n\n\
    Observers from Velmira watched, and Arce spoke of the Lune River.\n";

#[test]
fn the_tiny_fixture_names_one_place_it_never_marks() {
    let sources = article_model::source::read_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tiny"
    )))
    .unwrap();
    let doc = common::compile(&sources).unwrap();
    // "Sudmark" is no actor of the fixture. An override unmarks "Quill" of "Quill Inn", and so
    // makes it plain; "Inn" beside it is still reported (the editor adds "Quill Inn" to `plain`).
    assert_eq!(
        reported(doc, &[], &[]),
        vec![
            // In the headline, a name the text writes alone ("for Sudmark."), not a word it
            // only writes within a longer name ("Ferry" of "Norland Ferry Company").
            (0, "Sudmark".to_string()),
            (1, "Sudmark".to_string()),
            (3, "Sudmark".to_string()),
            (3, "Inn".to_string()),
        ]
    );
}

#[test]
fn every_name_an_actor_s_form_covers_is_marked_and_the_rest_reported() {
    let all = actors(&[
        ("arce", &["Luis Arce", "Arce"]),
        ("kestland", &["Kestland"]),
        ("tarn", &["Tarn Council"]),
        ("velmira", &["Velmira"]),
    ]);
    let doc = article(TEXT, &all, None, None);
    // "President" is a title, "Monday" a date; "Lune River" is nobody's.
    assert_eq!(
        reported(doc, &[], &["President"]),
        vec![(2, "Lune River".to_string())]
    );
    // Without the title in the language's list, "President" is a name of its own.
    assert_eq!(
        reported(doc, &[], &[]),
        vec![(1, "President".to_string()), (2, "Lune River".to_string())]
    );
}

#[test]
fn a_run_partly_marked_reports_only_its_unmarked_names() {
    let doc = article(
        TEXT,
        &actors(&[("arce", &["Arce"]), ("tarn", &["Tarn Council"])]),
        None,
        None,
    );
    assert_eq!(
        reported(doc, &[], &["President"]),
        vec![
            // The headline's "Kestland" is a name (the text writes it within a sentence);
            // "Signs" beside it is only title case.
            (0, "Kestland".to_string()),
            (1, "Luis".to_string()),
            (1, "Kestland".to_string()),
            (2, "Velmira".to_string()),
            (2, "Lune River".to_string()),
        ]
    );
}

#[test]
fn plain_phrases_and_overrides_leave_their_words_out() {
    let all = actors(&[
        ("arce", &["Luis Arce", "Arce"]),
        ("kestland", &["Kestland"]),
        ("tarn", &["Tarn Council"]),
    ]);
    let settings = "plain = [\"Lune River\"]\n";
    let mentions = "[[override]]\ncontext = \"Observers from Velmira\"\ntext = \"Velmira\"\nactor = \"none\"\n";
    let doc = article(TEXT, &all, Some(mentions), Some(settings));
    assert_eq!(reported(doc, &[], &["President"]), Vec::new());
    // A plain phrase covers its own words, not a longer name that holds it.
    let text = TEXT.replace("the Lune River", "the Lune River Authority");
    let doc = article(&text, &all, Some(mentions), Some(settings));
    assert_eq!(
        reported(doc, &[], &["President"]),
        vec![(2, "Authority".to_string())]
    );
}

#[test]
fn a_plain_phrase_s_words_do_not_make_names_elsewhere() {
    // "River" within "Lune River" (plain) does not make "River" a name at a sentence's start.
    let text = "A Pact\n\nIt met the Lune River board. River boats waited.\n";
    let doc = article(text, &boats(), None, Some("plain = [\"Lune River\"]\n"));
    assert_eq!(reported(doc, &[], &[]), Vec::new());
    // Without the plain phrase, both are reported: "River" is then a name the article writes.
    let doc = article(text, &boats(), None, None);
    assert_eq!(
        reported(doc, &[], &[]),
        vec![(1, "Lune River".to_string()), (1, "River".to_string())]
    );
}

#[test]
fn a_known_word_is_reported_at_a_sentence_s_start_and_in_the_headline() {
    let text = "Velmiran Talks\n\nVelmiran boats waited. It rained.\n";
    let doc = article(text, &boats(), None, None);
    assert_eq!(reported(doc, &[], &[]), Vec::new());
    assert_eq!(
        reported(doc, &["Velmiran"], &[]),
        vec![(0, "Velmiran".to_string()), (1, "Velmiran".to_string())]
    );
}

#[test]
fn a_word_of_a_plain_phrase_written_alone_within_a_sentence_is_still_a_name() {
    // "Lune River" is plain; "River" alone, within a sentence, is a name nobody marked.
    let text = "A Pact\n\nIt met the Lune River boats. It said the River rose.\n";
    let doc = article(text, &boats(), None, Some("plain = [\"Lune River\"]\n"));
    assert_eq!(reported(doc, &[], &[]), vec![(1, "River".to_string())]);
}

#[test]
fn a_name_ending_in_a_title_s_first_word_is_no_title() {
    // "Prime" ends the run and "Prime Minister" is a title: the run is too short to hold it, so
    // "Velmir Prime" is a name nobody marked. "Prime Minister Velmir", unmarked as a whole, is
    // reported as written.
    let text = "A Pact\n\nIt met the boats of Velmir Prime. Prime Minister Velmir waved.\n";
    let doc = article(text, &boats(), None, None);
    assert_eq!(
        reported(doc, &[], &["Prime Minister"]),
        vec![
            (1, "Velmir Prime".to_string()),
            (1, "Prime Minister Velmir".to_string())
        ]
    );
}

#[test]
fn a_headline_word_is_a_name_when_the_text_writes_it_as_a_name_of_its_own() {
    // Title case capitalises every word of a headline: "Tarn", written alone within a sentence
    // (a comma parts it from "Velmira"), is a name there; "River", written only within "Lune
    // River", is not.
    let text = "Tarn and River Folk Meet\n\nIt met Tarn, Velmira and the Lune River boats.\n";
    let doc = article(text, &boats(), None, None);
    assert_eq!(
        reported(doc, &[], &[]),
        vec![
            (0, "Tarn".to_string()),
            (1, "Tarn".to_string()),
            (1, "Velmira".to_string()),
            (1, "Lune River".to_string())
        ]
    );
    // Nor is a word written only after a comma within a longer name ("Tarn Council").
    let text = "Tarn Folk Meet\n\nIt met Velmira, Tarn Council and the boats.\n";
    let doc = article(text, &boats(), None, None);
    assert_eq!(
        reported(doc, &[], &[]),
        vec![(1, "Velmira".to_string()), (1, "Tarn Council".to_string())]
    );
    // Written alone once ("the River rose"), it is a name in the headline too.
    let text =
        "Tarn and River Folk Meet\n\nIt met Tarn at the Lune River boats. Then the River rose.\n";
    let doc = article(text, &boats(), None, None);
    assert!(reported(doc, &[], &[]).contains(&(0, "River".to_string())));
}
