#![cfg(feature = "source")]
//! The locale files (`content/locales/<tag>.toml`): the shipped ones read, and each mistake a
//! translator can make is reported at its line with what was expected: a language that is not
//! the file's, unknown to CLDR or no tag at all; a template with the wrong placeholders; a plural
//! form missing, extra or with a placeholder of another key; a table entry missing, unknown or
//! empty. And the plural form every count resolves to.
//!
//! Run with `cargo test -p article-model --features source`.

mod common;

use article_model::source::{parse_locale, ContentError, Locale};
use article_model::{Genre, RelationKind};

const EN: &str = include_str!("../../content/locales/en.toml");
const ES: &str = include_str!("../../content/locales/es.toml");

/// en.toml with `from` replaced by `to` (exactly once), read as `<tag>.toml`.
fn en_with(from: &str, to: &str, tag: &str) -> Result<Locale, Vec<ContentError>> {
    assert_eq!(
        EN.matches(from).count(),
        1,
        "{from:?} is not in en.toml once"
    );
    parse_locale(
        &format!("{tag}.toml"),
        EN.replacen(from, to, 1).as_bytes(),
        tag,
    )
}

/// The line of en.toml that holds `needle`.
fn line_of(needle: &str) -> usize {
    EN.lines()
        .position(|l| l.contains(needle))
        .expect("in en.toml")
        + 1
}

/// Asserts exactly one error, at `line` of the file (en.toml as changed), whose message has every word of `words`.
fn only_error(result: Result<Locale, Vec<ContentError>>, line: usize, words: &[&str]) {
    let errors = match result {
        Ok(_) => panic!("expected an error, but the locale read"),
        Err(e) => e,
    };
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert!(e.file.ends_with(".toml"), "{e}");
    assert_eq!(e.line, line, "{e}");
    for w in words {
        assert!(e.message.contains(w), "{w:?} not in {:?}", e.message);
    }
}

#[test]
fn the_shipped_locales_read_and_are_found_by_their_tags() {
    parse_locale("en.toml", EN.as_bytes(), "en").expect("en.toml reads");
    parse_locale("es.toml", ES.as_bytes(), "es").expect("es.toml reads");
    let locales = common::locales();
    let mut tags: Vec<&str> = locales.tags().collect();
    tags.sort_unstable();
    assert_eq!(tags, ["en", "es"]);
    // A regional tag falls back to its language; an unknown one finds nothing.
    assert_eq!(locales.find("es-AR").map(|l| l.tag.as_str()), Some("es"));
    assert!(locales.find("pt-BR").is_none());
}

#[test]
fn a_language_that_is_not_the_file_s_is_refused() {
    let r = parse_locale("fr.toml", EN.as_bytes(), "fr");
    let Err(errors) = r else { panic!("refused") };
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].line, line_of("language = \"en\""));
    assert!(errors[0]
        .message
        .contains("language \"en\" is not the file's \"fr\""));
}

#[test]
fn a_language_cldr_has_no_plural_rules_for_is_refused() {
    only_error(
        en_with("language = \"en\"", "language = \"tlh\"", "tlh"),
        line_of("language = \"en\""),
        &[
            "no plural rules for language \"tlh\"",
            "expected a language CLDR knows",
        ],
    );
}

#[test]
fn a_language_that_is_no_tag_is_refused() {
    only_error(
        en_with("language = \"en\"", "language = \"en_US!\"", "en_US!"),
        line_of("language = \"en\""),
        &["\"en_US!\" is not a BCP 47 language tag"],
    );
}

#[test]
fn a_template_with_the_wrong_placeholders_is_refused() {
    let line = line_of("mentions_of = ");
    only_error(
        en_with(
            "mentions_of = \"Mentions of {name}\"",
            "mentions_of = \"Mentions\"",
            "en",
        ),
        line,
        &["app.mentions_of uses no placeholder; expected {name}"],
    );
    only_error(
        en_with(
            "mentions_of = \"Mentions of {name}\"",
            "mentions_of = \"Mentions of {who} and {name}\"",
            "en",
        ),
        line,
        &["app.mentions_of uses {name}, {who}; expected {name}"],
    );
    only_error(
        en_with(
            "mentions_of = \"Mentions of {name}\"",
            "mentions_of = \" \"",
            "en",
        ),
        line,
        &["app.mentions_of is empty; expected the words"],
    );
}

#[test]
fn a_plural_form_missing_extra_or_with_another_placeholder_is_refused() {
    let named = "named = { one = \"Named once in this article\", other = \"Named {n} times in this article\" }";
    let line = line_of(named);
    only_error(
        en_with(named, "named = { other = \"Named {n} times\" }", "en"),
        line,
        &[
            "app.named has no `one` form",
            "each plural category \"en\" counts take: one, other",
        ],
    );
    only_error(
        en_with(
            named,
            "named = { one = \"Once\", few = \"A few\", other = \"Named {n} times\" }",
            "en",
        ),
        line,
        &[
            "app.named has a `few` form, which \"en\" counts never take",
            "expected only one, other",
        ],
    );
    only_error(
        en_with(
            named,
            "named = { one = \"Once\", other = \"Named {count} times\" }",
            "en",
        ),
        line,
        &["app.named.other uses {count}; expected only {n}"],
    );
    only_error(
        en_with(
            named,
            "named = { one = \"\", other = \"Named {n} times\" }",
            "en",
        ),
        line,
        &["app.named.one is empty; expected the words"],
    );
}

#[test]
fn a_table_entry_missing_unknown_or_empty_is_refused() {
    let kinds = "kinds = { person = \"Person\", country = \"Country\", organisation = \"Bloc or organisation\", company = \"Company\" }";
    let line = line_of(kinds);
    only_error(
        en_with(
            kinds,
            "kinds = { person = \"Person\", country = \"Country\", organisation = \"Bloc\" }",
            "en",
        ),
        line,
        &["app.kinds has no `company`; expected one entry for each of person, country, organisation, company"],
    );
    only_error(
        en_with(
            kinds,
            "kinds = { person = \"Person\", country = \"Country\", organisation = \"Bloc\", company = \"Company\", party = \"Party\" }",
            "en",
        ),
        line,
        &["app.kinds has an unknown entry `party`"],
    );
    only_error(
        en_with(
            kinds,
            "kinds = { person = \"Person\", country = \" \", organisation = \"Bloc\", company = \"Company\" }",
            "en",
        ),
        line,
        &["app.kinds.country is empty; expected the words"],
    );
}

#[test]
fn every_count_takes_its_language_s_plural_form() {
    let locales = common::locales();
    for (tag, one, other) in [("en", "one", "other"), ("es", "one", "other")] {
        let plurals = locales.find(tag).unwrap().words(3).plurals;
        let index = |name: &str| {
            plurals
                .categories
                .iter()
                .position(|c| c == name)
                .unwrap_or_else(|| panic!("{tag}: no {name}")) as u8
        };
        // 0, 1, 2, 3 resolved, and what lies beyond them.
        assert_eq!(
            plurals.by_count,
            [index(other), index(one), index(other), index(other)],
            "{tag}"
        );
        assert_eq!(plurals.beyond, index(other), "{tag}");
    }
    let en = locales.find("en").unwrap().words(0).plurals;
    assert_eq!(en.categories, ["one", "other"]);
}

#[test]
fn the_app_the_page_and_the_index_say_each_thing_in_the_article_s_language() {
    let locales = common::locales();
    let en = locales.find("en").unwrap();
    let (app, page, index) = (en.words(60), en.page_words(60), en.index_words());
    // A count takes its form and its number.
    assert_eq!(app.count(&app.named, 1), "Named once in this article");
    assert_eq!(app.count(&app.named, 3), "Named 3 times in this article");
    assert_eq!(
        page.count(&page.table_summary, 1, &[]),
        "The one relation as a table"
    );
    assert_eq!(
        page.count(&page.table_summary, 53, &[]),
        "All 53 relations as a table"
    );
    assert_eq!(index.count(&index.actors, 1), "1 actor");
    assert_eq!(index.count(&index.relations, 53), "53 relations");
    // Each genre, and no genre, has its own kicker and note; each kind of relation its name.
    assert_eq!(page.genre(Genre::Opinion), "Opinion");
    assert_eq!(page.genre(Genre::News), "News");
    assert!(page
        .graph_note(Some(Genre::Analysis))
        .starts_with("Relations as this analysis states them."));
    assert!(page
        .graph_note(None)
        .starts_with("Relations as this article states them."));
    assert_eq!(
        page.relation_kind(RelationKind::Trade),
        "Trade or investment"
    );
    assert_eq!(
        page.relation_kind(RelationKind::Insult),
        "Insult or denunciation"
    );

    let es = locales.find("es").unwrap().page_words(60);
    assert_eq!(es.genre(Genre::Analysis), "Análisis");
    assert_eq!(
        es.count(&es.table_summary, 2, &[]),
        "Las 2 relaciones, como tabla"
    );
    assert_eq!(es.relation_kind(RelationKind::Rivalry), "Rivalidad");
}
