//! The locale files, `content/locales/<language>.toml`: every word of the interface in one
//! language. Read and checked at build time like the content: a missing or unknown key, a template
//! whose placeholders are not the expected ones, plural forms that are not the language's
//! categories, or a language the plural rules do not know, each a `file:line` error.

use std::collections::BTreeMap;
use std::path::Path;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde::Deserialize;
use toml::Spanned;
use unic_langid::LanguageIdentifier;

use super::files::parse;
use super::{line_of, ContentError};
use crate::words::{placeholders, IndexWords, PageWords, Plural, Plurals, Words};
use crate::{Genre, Kind, RelationKind};

/// The locale files of a site, parsed and checked, by language tag.
#[derive(Debug, Clone, Default)]
pub struct Locales {
    by_tag: BTreeMap<String, Locale>,
}

/// One language's words.
#[derive(Debug, Clone)]
pub struct Locale {
    pub tag: String,
    /// The file it came from, for errors that name it.
    pub file: String,
    rules: Rules,
    app: AppFile,
    page: PageFile,
    index: IndexFile,
    /// Titles written before a name ("President", "Prime Minister"): capitalised, no names.
    pub titles: Vec<String>,
}

/// The language's plural rules (cardinal), and the categories counts can take, in form order.
#[derive(Debug, Clone)]
struct Rules {
    tag: LanguageIdentifier,
    categories: Vec<&'static str>,
}

type Text = Spanned<String>;
type Forms = Spanned<BTreeMap<String, Text>>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleFile {
    language: Text,
    app: AppFile,
    page: PageFile,
    index: IndexFile,
    #[serde(default)]
    names: NamesFile,
}

/// `[names]`: what the language says of names, for the check of unmarked names (never shown).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    #[serde(default)]
    titles: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexFile {
    title: Text,
    intro: Text,
    actors: Forms,
    relations: Forms,
    sample: Text,
    embed: Text,
    embed_graph: Text,
    graph_view: Text,
    example_title: Text,
    example_heading: Text,
    example_before: Text,
    example_after: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AppFile {
    kinds: Spanned<BTreeMap<String, Text>>,
    close: Text,
    in_this_article: Text,
    show_in_graph: Text,
    named: Forms,
    mentions_of: Text,
    previous_mention: Text,
    next_mention: Text,
    position: Text,
    in_the_text: Forms,
    cards_off: Text,
    relation: Text,
    hint_on: Text,
    hint_off: Text,
    caption_idle: Text,
    caption_actor: Forms,
    graph: Text,
    node_who: Text,
    node: Forms,
    edge: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFile {
    genres: Spanned<BTreeMap<String, Text>>,
    sample: Text,
    switch: Text,
    jump_to_graph: Text,
    whole_article: Text,
    graph_title: Text,
    graph_notes: Spanned<BTreeMap<String, Text>>,
    legend: Text,
    relation_kinds: Spanned<BTreeMap<String, Text>>,
    table_summary: Forms,
    table_caption: Text,
    table_who: Text,
    table_relation: Text,
    table_whom: Text,
    table_quote: Text,
    read_in_context: Text,
    failed_start: Text,
    failed_run: Text,
}

/// The keys of `[page] graph_notes`: one per genre, and one for an article without.
pub const NO_GENRE: &str = "none";

/// Checks one locale file; `tag` is the language its name says (`es` for `es.toml`). Long by
/// design: the tables list every key with the placeholders it takes, the rest checks them.
pub fn parse_locale(file: &str, bytes: &[u8], tag: &str) -> Result<Locale, Vec<ContentError>> {
    let (parsed, text) = parse::<LocaleFile>(file, bytes).map_err(|e| vec![e])?;
    let line = |span: std::ops::Range<usize>| line_of(&text, span.start);
    let mut errors = Vec::new();
    let err = |errors: &mut Vec<ContentError>, span: std::ops::Range<usize>, message: String| {
        errors.push(ContentError::new(file, line(span), message))
    };

    let language = parsed.language.get_ref();
    if language != tag {
        err(
            &mut errors,
            parsed.language.span(),
            format!("language {language:?} is not the file's {tag:?}; expected the tag the file is named after"),
        );
    }
    let rules = match language.parse::<LanguageIdentifier>() {
        Ok(id) if PluralRules::create(id.clone(), PluralRuleType::CARDINAL).is_ok() => {
            Some(Rules::of(id))
        }
        Ok(_) => {
            err(
                &mut errors,
                parsed.language.span(),
                format!("no plural rules for language {language:?}; expected a language CLDR knows, like \"en\", \"es\" or \"pt\""),
            );
            None
        }
        Err(_) => {
            err(
                &mut errors,
                parsed.language.span(),
                format!("{language:?} is not a BCP 47 language tag; expected one like \"en\", \"es\" or \"pt-BR\""),
            );
            None
        }
    };

    let c = &parsed.app;
    let p = &parsed.page;
    let x = &parsed.index;
    // Every template, with the placeholders it must use (no more, no fewer).
    let templates: [(&str, &Text, &[&str]); 39] = [
        ("app.close", &c.close, &[]),
        ("app.in_this_article", &c.in_this_article, &[]),
        ("app.show_in_graph", &c.show_in_graph, &[]),
        ("app.mentions_of", &c.mentions_of, &["name"]),
        ("app.previous_mention", &c.previous_mention, &[]),
        ("app.next_mention", &c.next_mention, &[]),
        ("app.position", &c.position, &["i", "n"]),
        ("app.cards_off", &c.cards_off, &[]),
        ("app.relation", &c.relation, &["from", "label", "to"]),
        ("app.hint_on", &c.hint_on, &[]),
        ("app.hint_off", &c.hint_off, &[]),
        ("app.caption_idle", &c.caption_idle, &[]),
        ("app.graph", &c.graph, &[]),
        ("app.node_who", &c.node_who, &["short", "name"]),
        ("app.edge", &c.edge, &["relation", "quote"]),
        ("page.sample", &p.sample, &[]),
        ("page.switch", &p.switch, &[]),
        ("page.jump_to_graph", &p.jump_to_graph, &[]),
        ("page.whole_article", &p.whole_article, &[]),
        ("page.graph_title", &p.graph_title, &[]),
        ("page.legend", &p.legend, &[]),
        ("page.table_caption", &p.table_caption, &[]),
        ("page.table_who", &p.table_who, &[]),
        ("page.table_relation", &p.table_relation, &[]),
        ("page.table_whom", &p.table_whom, &[]),
        ("page.table_quote", &p.table_quote, &[]),
        ("page.read_in_context", &p.read_in_context, &[]),
        ("page.failed_start", &p.failed_start, &[]),
        ("page.failed_run", &p.failed_run, &[]),
        ("index.title", &x.title, &[]),
        ("index.intro", &x.intro, &[]),
        ("index.sample", &x.sample, &[]),
        ("index.embed", &x.embed, &[]),
        ("index.embed_graph", &x.embed_graph, &[]),
        ("index.graph_view", &x.graph_view, &[]),
        ("index.example_title", &x.example_title, &[]),
        ("index.example_heading", &x.example_heading, &[]),
        ("index.example_before", &x.example_before, &[]),
        ("index.example_after", &x.example_after, &[]),
    ];
    for (key, value, expected) in templates {
        check_template(file, &line, key, value, expected, &mut errors);
    }
    let plurals: [(&str, &Forms, &[&str]); 7] = [
        ("app.named", &c.named, &["n"]),
        ("app.in_the_text", &c.in_the_text, &["n"]),
        ("app.caption_actor", &c.caption_actor, &["name", "n"]),
        ("app.node", &c.node, &["who", "kind", "n"]),
        ("page.table_summary", &p.table_summary, &["n"]),
        ("index.actors", &x.actors, &["n"]),
        ("index.relations", &x.relations, &["n"]),
    ];
    for (key, forms, expected) in plurals {
        if let Some(rules) = &rules {
            let got: Vec<&str> = forms.get_ref().keys().map(String::as_str).collect();
            for category in &rules.categories {
                if !got.contains(category) {
                    err(&mut errors, forms.span(), format!("{key} has no `{category}` form; expected one form for each plural category {language:?} counts take: {}", rules.categories.join(", ")));
                }
            }
            for name in got.iter().filter(|g| !rules.categories.contains(g)) {
                err(&mut errors, forms.span(), format!("{key} has a `{name}` form, which {language:?} counts never take; expected only {}", rules.categories.join(", ")));
            }
        }
        for (category, value) in forms.get_ref() {
            // A form may leave the count out ("Named once"), never use another placeholder.
            let allowed: Vec<&str> = expected.to_vec();
            let used = placeholders(value.get_ref());
            let unknown: Vec<&str> = used.into_iter().filter(|u| !allowed.contains(u)).collect();
            if !unknown.is_empty() {
                err(
                    &mut errors,
                    value.span(),
                    format!(
                        "{key}.{category} uses {}; expected only {}",
                        list(&unknown),
                        list(expected)
                    ),
                );
            }
            if value.get_ref().trim().is_empty() {
                err(
                    &mut errors,
                    value.span(),
                    format!("{key}.{category} is empty; expected the words"),
                );
            }
        }
    }
    let named = |key: &str,
                 table: &Spanned<BTreeMap<String, Text>>,
                 names: &[&str],
                 errors: &mut Vec<ContentError>| {
        for name in names {
            if !table.get_ref().contains_key(*name) {
                err(
                    errors,
                    table.span(),
                    format!(
                        "{key} has no `{name}`; expected one entry for each of {}",
                        names.join(", ")
                    ),
                );
            }
        }
        for (name, value) in table.get_ref() {
            if !names.contains(&name.as_str()) {
                err(
                    errors,
                    value.span(),
                    format!(
                        "{key} has an unknown entry `{name}`; expected only {}",
                        names.join(", ")
                    ),
                );
            } else if value.get_ref().trim().is_empty() {
                err(
                    errors,
                    value.span(),
                    format!("{key}.{name} is empty; expected the words"),
                );
            }
        }
    };
    named(
        "app.kinds",
        &c.kinds,
        &Kind::ALL.map(Kind::key),
        &mut errors,
    );
    named(
        "page.genres",
        &p.genres,
        &Genre::ALL.map(Genre::key),
        &mut errors,
    );
    let notes: Vec<&str> = Genre::ALL
        .iter()
        .map(|g| g.key())
        .chain([NO_GENRE])
        .collect();
    named("page.graph_notes", &p.graph_notes, &notes, &mut errors);
    named(
        "page.relation_kinds",
        &p.relation_kinds,
        &RelationKind::ALL.map(RelationKind::key),
        &mut errors,
    );

    match (rules, errors.is_empty()) {
        (Some(rules), true) => Ok(Locale {
            tag: tag.to_string(),
            file: file.to_string(),
            rules,
            app: parsed.app,
            page: parsed.page,
            index: parsed.index,
            titles: parsed.names.titles,
        }),
        _ => Err(errors),
    }
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        return "no placeholder".into();
    }
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_template(
    file: &str,
    line: &dyn Fn(std::ops::Range<usize>) -> usize,
    key: &str,
    value: &Text,
    expected: &[&str],
    errors: &mut Vec<ContentError>,
) {
    let text = value.get_ref();
    if text.trim().is_empty() {
        errors.push(ContentError::new(
            file,
            line(value.span()),
            format!("{key} is empty; expected the words"),
        ));
        return;
    }
    let mut used = placeholders(text);
    used.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    if used != want {
        errors.push(ContentError::new(
            file,
            line(value.span()),
            format!("{key} uses {}; expected {}", list(&used), list(expected)),
        ));
    }
}

impl Rules {
    /// The categories whole-number counts take in this language, in CLDR's order.
    fn of(tag: LanguageIdentifier) -> Rules {
        let rules = PluralRules::create(tag.clone(), PluralRuleType::CARDINAL)
            .expect("checked by the caller");
        let samples = (0..=1000u64).chain([10_000, 100_000, 1_000_000, 2_000_000, 1_000_000_000]);
        let mut seen: Vec<PluralCategory> = Vec::new();
        for n in samples {
            if let Ok(c) = rules.select(n) {
                if !seen.contains(&c) {
                    seen.push(c);
                }
            }
        }
        let order = [
            PluralCategory::ZERO,
            PluralCategory::ONE,
            PluralCategory::TWO,
            PluralCategory::FEW,
            PluralCategory::MANY,
            PluralCategory::OTHER,
        ];
        let categories = order
            .into_iter()
            .filter(|c| seen.contains(c))
            .map(category_name)
            .collect();
        Rules { tag, categories }
    }

    /// The form index of every count from 0 to `max` (the last entry is `max`'s).
    fn indices(&self, max: usize) -> Vec<u8> {
        let rules = PluralRules::create(self.tag.clone(), PluralRuleType::CARDINAL)
            .expect("checked when read");
        (0..=max)
            .map(|count| {
                let name = rules
                    .select(count as u64)
                    .map(category_name)
                    .unwrap_or("other");
                self.categories
                    .iter()
                    .position(|c| *c == name)
                    .unwrap_or(self.categories.len() - 1) as u8
            })
            .collect()
    }
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

impl Locale {
    fn forms(&self, forms: &Forms) -> Plural {
        Plural {
            forms: self
                .rules
                .categories
                .iter()
                .map(|c| {
                    forms
                        .get_ref()
                        .get(*c)
                        .map(|t| t.get_ref().clone())
                        .unwrap_or_default()
                })
                .collect(),
        }
    }

    /// The words the browser receives, with the plural form of every count from 0 to `max_count`
    /// resolved.
    pub fn words(&self, max_count: usize) -> Words {
        let c = &self.app;
        let s = |t: &Text| t.get_ref().clone();
        Words {
            kinds: Kind::ALL
                .iter()
                .map(|k| s(&c.kinds.get_ref()[k.key()]))
                .collect(),
            close_card: s(&c.close),
            in_this_article: s(&c.in_this_article),
            show_in_graph: s(&c.show_in_graph),
            named: self.forms(&c.named),
            mentions_of: s(&c.mentions_of),
            previous_mention: s(&c.previous_mention),
            next_mention: s(&c.next_mention),
            position: s(&c.position),
            in_the_text: self.forms(&c.in_the_text),
            cards_off: s(&c.cards_off),
            relation: s(&c.relation),
            hint_on: s(&c.hint_on),
            hint_off: s(&c.hint_off),
            caption_idle: s(&c.caption_idle),
            caption_actor: self.forms(&c.caption_actor),
            graph: s(&c.graph),
            node_who: s(&c.node_who),
            node: self.forms(&c.node),
            edge: s(&c.edge),
            plurals: self.plurals(max_count),
        }
    }

    fn plurals(&self, max_count: usize) -> Plurals {
        let mut by_count = self.rules.indices(max_count + 1);
        let beyond = by_count.pop().unwrap_or(0);
        Plurals {
            categories: self
                .rules
                .categories
                .iter()
                .map(|c| c.to_string())
                .collect(),
            by_count,
            beyond,
        }
    }

    /// The words of the site's index; its counts are resolved up to 1,000.
    pub fn index_words(&self) -> IndexWords {
        let x = &self.index;
        let s = |t: &Text| t.get_ref().clone();
        IndexWords {
            language: self.tag.clone(),
            title: s(&x.title),
            intro: s(&x.intro),
            actors: self.forms(&x.actors),
            relations: self.forms(&x.relations),
            sample: s(&x.sample),
            embed: s(&x.embed),
            embed_graph: s(&x.embed_graph),
            graph_view: s(&x.graph_view),
            example_title: s(&x.example_title),
            example_heading: s(&x.example_heading),
            example_before: s(&x.example_before),
            example_after: s(&x.example_after),
            plurals: self.plurals(1_000),
        }
    }

    /// The words only the prerendered page needs, with every count up to `max_count` resolved.
    pub fn page_words(&self, max_count: usize) -> PageWords {
        let p = &self.page;
        let s = |t: &Text| t.get_ref().clone();
        PageWords {
            genres: Genre::ALL
                .iter()
                .map(|g| s(&p.genres.get_ref()[g.key()]))
                .collect(),
            sample: s(&p.sample),
            switch: s(&p.switch),
            jump_to_graph: s(&p.jump_to_graph),
            whole_article: s(&p.whole_article),
            graph_title: s(&p.graph_title),
            graph_notes: Genre::ALL
                .iter()
                .map(|g| g.key())
                .chain([NO_GENRE])
                .map(|k| s(&p.graph_notes.get_ref()[k]))
                .collect(),
            legend: s(&p.legend),
            relation_kinds: RelationKind::ALL
                .iter()
                .map(|k| s(&p.relation_kinds.get_ref()[k.key()]))
                .collect(),
            table_summary: self.forms(&p.table_summary),
            table_caption: s(&p.table_caption),
            table_who: s(&p.table_who),
            table_relation: s(&p.table_relation),
            table_whom: s(&p.table_whom),
            table_quote: s(&p.table_quote),
            read_in_context: s(&p.read_in_context),
            failed_start: s(&p.failed_start),
            failed_run: s(&p.failed_run),
            plurals: self.plurals(max_count),
        }
    }
}

impl Locales {
    /// Reads every `<tag>.toml` in `dir`; all errors at once.
    pub fn read(dir: &Path) -> Result<Locales, Vec<ContentError>> {
        let shown = dir.display().to_string();
        let entries = std::fs::read_dir(dir).map_err(|e| {
            vec![ContentError::new(&shown, 1, format!("cannot read the locale folder: {e}; expected content/locales/ with one <language>.toml per language"))]
        })?;
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        let mut locales = Locales::default();
        let mut errors = Vec::new();
        for path in files {
            let file = path.display().to_string();
            let tag = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            match std::fs::read(&path) {
                Ok(bytes) => match parse_locale(&file, &bytes, &tag) {
                    Ok(locale) => {
                        locales.by_tag.insert(tag, locale);
                    }
                    Err(e) => errors.extend(e),
                },
                Err(e) => errors.push(ContentError::new(
                    &file,
                    1,
                    format!("cannot read the file: {e}"),
                )),
            }
        }
        if errors.is_empty() {
            Ok(locales)
        } else {
            errors.sort();
            Err(errors)
        }
    }

    /// The locale for a language tag: exactly it, else its language alone (`pt` for `pt-BR`).
    pub fn find(&self, tag: &str) -> Option<&Locale> {
        self.by_tag.get(tag).or_else(|| {
            let language = tag.split('-').next().unwrap_or(tag);
            self.by_tag.get(language)
        })
    }

    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.by_tag.keys().map(String::as_str)
    }
}
