//! Checks the parsed content against itself and the article text, then builds the [`Document`].

use std::collections::HashMap;
use std::ops::Range;

use super::article::{parse_article, SourceBlock};
use super::files::{parse, ActorEntry, ActorsFile, OverridesFile, RelationsFile};
use super::locale::Locales;
use super::relations::{self, Resolved, Text};
use super::settings::parse_settings;
use super::{did_you_mean, line_of, not_one_of, ContentError, Sources};
use crate::segment::{find_mentions, is_whole_word, Form, Span};
use crate::{
    Actor, Block, Document, Geometry, Graph, GraphNode, Kind, MentionId, Relation, Segment,
    Settings, Story,
};

/// The value of an override's `actor` that leaves its text unmarked.
pub const NO_ACTOR: &str = "none";

/// A pinned span: which block, where, which actor (None = unmarked), from which line of mentions.toml.
struct Pin {
    block: usize,
    range: Range<usize>,
    actor: Option<u16>,
    line: usize,
}

/// Reads, validates and compiles an article's content, in the words of `locales`. All errors are
/// returned, sorted by file and line. The passes follow in order (files, actors, forms,
/// overrides, segmentation, relations, layout), each a call; what is long is passing their errors on.
pub fn compile(sources: &Sources, locales: &Locales) -> Result<Document, Vec<ContentError>> {
    let (article_file, article_bytes) = &sources.article;
    let (actors_file, actors_bytes) = &sources.actors;
    let mut errors = Vec::new();

    let tags: Vec<&str> = locales.tags().collect();
    let settings = match &sources.settings {
        Some((file, bytes)) => {
            parse_settings(file, bytes, &|tag| locales.find(tag).is_some(), &tags)
                .map_err(|e| errors.extend(e))
                .ok()
        }
        None => Some(Settings::default()),
    };
    let locale = settings.as_ref().and_then(|s| {
        let found = locales.find(&s.language);
        if found.is_none() && sources.settings.is_none() {
            errors.push(ContentError::new(
                article_file,
                1,
                format!(
                    "no locale file for the default language {:?}; expected content/locales/{}.toml, or a `language` in article.toml (one of {})",
                    s.language,
                    s.language,
                    tags.join(", ")
                ),
            ));
        }
        found
    });

    let blocks = parse_article(article_file, article_bytes)
        .map_err(|e| errors.extend(e))
        .ok();
    let actors = parse::<ActorsFile>(actors_file, actors_bytes)
        .map_err(|e| errors.push(e))
        .ok();
    let overrides = parse_optional::<OverridesFile>(&sources.mentions, &mut errors);
    let relations_file = parse_optional::<RelationsFile>(&sources.relations, &mut errors);
    let (Some(blocks), Some((actors, actors_text)), Some(mut settings), Some(locale)) =
        (blocks, actors, settings, locale)
    else {
        errors.sort();
        return Err(errors);
    };

    let line = |span: Range<usize>| line_of(&actors_text, span.start);
    let entries = &actors.actor;
    check_actors(actors_file, entries, &line, &mut errors);
    if entries.is_empty() {
        errors.push(ContentError::new(
            actors_file,
            1,
            "no [[actor]] tables; expected at least one actor",
        ));
    }
    let ids: HashMap<&str, u16> = entries
        .iter()
        .enumerate()
        .rev()
        .map(|(i, a)| (a.id.get_ref().as_str(), i as u16))
        .collect();

    let pins = match &overrides {
        Some((file, o, text)) => resolve_overrides(file, o, text, &blocks, &ids, &mut errors),
        None => Vec::new(),
    };
    // A text an override unmarks is plain where it stands: the check for unmarked names leaves it.
    if let Some((_, o, _)) = &overrides {
        settings.plain.extend(
            o.overrides
                .iter()
                .filter(|e| e.actor.get_ref() == NO_ACTOR)
                .map(|e| e.text.get_ref().clone()),
        );
    }

    let forms: Vec<(Form<'_, u16>, usize)> = entries
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.forms.get_ref().iter().map(move |f| (i, f)))
        .map(|(i, f)| {
            (
                Form {
                    text: f.get_ref().as_str(),
                    actor: i as u16,
                },
                line(f.span()),
            )
        })
        .collect();
    check_crossing_forms(actors_file, &forms, &blocks, &pins, &mut errors);

    let plain_forms: Vec<Form<'_, u16>> = forms.iter().map(|(f, _)| f.clone()).collect();
    let found: Vec<Vec<Span<u16>>> = blocks
        .iter()
        .enumerate()
        .map(|(b, block)| {
            let pinned: Vec<Span<u16>> = pins
                .iter()
                .filter(|p| p.block == b)
                .map(|p| Span {
                    range: p.range.clone(),
                    actor: p.actor,
                })
                .collect();
            find_mentions(block.text, &plain_forms, &pinned)
        })
        .collect();

    if blocks.len() > usize::from(u16::MAX) {
        errors.push(ContentError::new(
            article_file,
            1,
            format!(
                "{} paragraphs; expected at most {}",
                blocks.len() - 1,
                u16::MAX - 1
            ),
        ));
    }
    let total: usize = found.iter().map(Vec::len).sum();
    if total > usize::from(MentionId::MAX) {
        errors.push(ContentError::new(
            article_file,
            1,
            format!("{total} mentions; expected at most {}", MentionId::MAX),
        ));
    }
    report_unused(
        actors_file,
        entries,
        &forms,
        &found,
        &blocks,
        &line,
        &mut errors,
    );

    let sentences: Vec<Vec<Range<usize>>> = blocks
        .iter()
        .zip(&found)
        .map(|(block, spans)| sentences_around(block.text, spans))
        .collect();
    let text = Text {
        blocks: blocks.iter().map(|b| b.text).collect(),
        sentences,
    };
    let mut graph = None;
    let resolved = match &relations_file {
        Some((file, r, source)) => {
            let resolved = relations::resolve(file, r, source, &ids, &text, &mut errors);
            let labels: Vec<&str> = entries
                .iter()
                .map(|e| e.short.as_ref().unwrap_or(&e.name).get_ref().as_str())
                .collect();
            let in_graph = relations::graph_actors(&resolved);
            if in_graph > relations::MAX_GRAPH_ACTORS {
                // Said at once: the layout would try for minutes before giving up.
                errors.push(ContentError::new(
                    file,
                    1,
                    format!(
                        "the graph would hold {in_graph} actors (every actor in a relation), more than the {} it can show legibly; expected at most {} actors in relations: keep the relations that carry the story, or split the article",
                        relations::MAX_GRAPH_ACTORS,
                        relations::MAX_GRAPH_ACTORS
                    ),
                ));
            } else {
                let wide = relations::lay_out_sized(&resolved, &labels, relations::WIDE);
                let compact = relations::lay_out_sized(&resolved, &labels, relations::COMPACT);
                match (wide, compact) {
                    (Some(wide), Some(compact)) => graph = Some((wide, compact)),
                    _ => errors.push(ContentError::new(
                        file,
                        1,
                        "the graph's nodes cannot be placed without overlapping; expected fewer actors in relations or shorter `short` names in actors.toml",
                    )),
                }
            }
            resolved
        }
        None => Vec::new(),
    };

    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(errors);
    }
    let empty = |size: (u16, u16)| relations::LaidOut {
        size,
        nodes: Vec::new(),
        edges: Vec::new(),
    };
    let (wide, compact) =
        graph.unwrap_or_else(|| (empty(relations::WIDE), empty(relations::COMPACT)));
    // The largest count the page or a card can show: an actor's mentions or relations, or all
    // relations (which an actor's relations never exceed); every count up to it gets its plural
    // form resolved now.
    let max_count = (0..entries.len() as u16)
        .map(|a| {
            found
                .iter()
                .flatten()
                .filter(|s| s.actor == Some(a))
                .count()
        })
        .chain([resolved.len()])
        .max()
        .unwrap_or(0);
    let words = (locale.words(max_count), locale.page_words(max_count));
    Ok(build(
        &blocks,
        entries,
        &found,
        &text.sentences,
        resolved,
        [wide, compact],
        settings,
        words,
    ))
}

/// The sentences of a block, never cutting through a mention (two sentences a mention would
/// straddle are joined).
fn sentences_around(text: &str, mentions: &[Span<u16>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for range in crate::sentence::sentences(text) {
        let cuts_a_mention = mentions
            .iter()
            .any(|m| m.range.start < range.start && range.start < m.range.end);
        match out.last_mut() {
            Some(last) if cuts_a_mention => last.end = range.end,
            _ => out.push(range),
        }
    }
    out
}

/// Parses an optional content file: `(file name, parsed, text)`, or `None` when it is absent or wrong
/// (then the error is pushed).
fn parse_optional<'a, T: serde::de::DeserializeOwned>(
    source: &'a Option<(String, Vec<u8>)>,
    errors: &mut Vec<ContentError>,
) -> Option<(&'a str, T, String)> {
    let (file, bytes) = source.as_ref()?;
    parse::<T>(file, bytes)
        .map(|(parsed, text)| (file.as_str(), parsed, text))
        .map_err(|e| errors.push(e))
        .ok()
}

/// Ids are lowercase letters and digits in parts joined by single hyphens.
pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_actors(
    file: &str,
    entries: &[ActorEntry],
    line: &dyn Fn(Range<usize>) -> usize,
    errors: &mut Vec<ContentError>,
) {
    let mut first_id: HashMap<&str, usize> = HashMap::new();
    let mut first_form: HashMap<&str, (&str, usize)> = HashMap::new();
    for entry in entries {
        let id = entry.id.get_ref().as_str();
        let id_line = line(entry.id.span());
        if !valid_id(id) {
            errors.push(ContentError::new(file, id_line, format!("actor id {id:?} is not valid; expected lowercase letters, digits and single hyphens, like \"north-korea\"")));
        } else if id == NO_ACTOR {
            errors.push(ContentError::new(file, id_line, format!("actor id {NO_ACTOR:?} is reserved (an override uses it to unmark a text); expected another id")));
        }
        if let Some(first) = first_id.insert(id, id_line) {
            first_id.insert(id, first);
            errors.push(ContentError::new(file, id_line, format!("duplicate actor id {id:?} (first defined on line {first}); expected each id once")));
        }
        for (field, value) in [
            ("name", &entry.name),
            ("role", &entry.role),
            ("description", &entry.description),
        ] {
            if value.get_ref().trim().is_empty() {
                errors.push(ContentError::new(
                    file,
                    line(value.span()),
                    format!("actor {id:?} has an empty {field}; expected text"),
                ));
            } else if value.get_ref().trim_start().starts_with("TODO") {
                // A draft's blanks (`rig new`): never shown to a reader.
                errors.push(ContentError::new(
                    file,
                    line(value.span()),
                    format!("actor {id:?} has its {field} still to write (TODO); expected what the article says of it, or facts well established as of the article's date"),
                ));
            }
        }
        if Kind::from_key(entry.kind.get_ref()).is_none() {
            errors.push(ContentError::new(
                file,
                line(entry.kind.span()),
                not_one_of("kind", entry.kind.get_ref(), Kind::ALL.map(Kind::key)),
            ));
        }
        if entry.forms.get_ref().is_empty() {
            errors.push(ContentError::new(
                file,
                line(entry.forms.span()),
                format!(
                    "actor {id:?} has no forms; expected at least one way the article names it"
                ),
            ));
        }
        for form in entry.forms.get_ref() {
            let text = form.get_ref().as_str();
            let form_line = line(form.span());
            if text.trim().is_empty() {
                errors.push(ContentError::new(file, form_line, format!("actor {id:?} has an empty form; expected the text as it appears in the article")));
            } else if text.trim() != text {
                errors.push(ContentError::new(
                    file,
                    form_line,
                    format!("form {text:?} starts or ends with spaces; expected the words alone"),
                ));
            }
            if let Some((other, other_line)) = first_form.insert(text, (id, form_line)) {
                first_form.insert(text, (other, other_line));
                errors.push(ContentError::new(
                    file,
                    form_line,
                    format!("form {text:?} is already listed for actor {other:?} on line {other_line}; expected each form once (use mentions.toml to settle an ambiguous one)"),
                ));
            }
        }
    }
}

fn resolve_overrides(
    file: &str,
    overrides: &OverridesFile,
    text: &str,
    blocks: &[SourceBlock<'_>],
    ids: &HashMap<&str, u16>,
    errors: &mut Vec<ContentError>,
) -> Vec<Pin> {
    let mut pins: Vec<Pin> = Vec::new();
    for entry in &overrides.overrides {
        let line = line_of(text, entry.context.span().start);
        let actor_name = entry.actor.get_ref().as_str();
        let actor = if actor_name == NO_ACTOR {
            Some(None)
        } else if let Some(&index) = ids.get(actor_name) {
            Some(Some(index))
        } else {
            let hint = did_you_mean(actor_name, ids.keys().copied());
            errors.push(ContentError::new(
                file,
                line_of(text, entry.actor.span().start),
                format!("unknown actor id {actor_name:?}{hint}; expected an id from actors.toml or {NO_ACTOR:?}"),
            ));
            None
        };
        let context = entry.context.get_ref().as_str();
        let needle = entry.text.get_ref().as_str();
        if context.is_empty() || needle.is_empty() {
            errors.push(ContentError::new(file, line, "empty context or text; expected a phrase from the article and the words to pin inside it"));
            continue;
        }
        if needle.trim() != needle {
            // A mention never starts or ends with a space: the sentence around it is found by
            // that (`sentences_around`), and the mark would underline the space.
            errors.push(ContentError::new(
                file,
                line_of(text, entry.text.span().start),
                format!("text {needle:?} starts or ends with spaces; expected the words alone"),
            ));
            continue;
        }
        let places: Vec<(usize, usize)> = blocks
            .iter()
            .enumerate()
            .flat_map(|(b, block)| {
                block
                    .text
                    .match_indices(context)
                    .map(move |(at, _)| (b, at))
            })
            .collect();
        let (block, at) = match places.as_slice() {
            [one] => *one,
            [] => {
                errors.push(ContentError::new(file, line, format!("context {context:?} does not occur in the article; expected a phrase copied from it")));
                continue;
            }
            many => {
                errors.push(ContentError::new(file, line, format!("context {context:?} occurs {} times in the article; expected a longer phrase that occurs once", many.len())));
                continue;
            }
        };
        let inner: Vec<usize> = context.match_indices(needle).map(|(i, _)| i).collect();
        let offset = match inner.as_slice() {
            [one] => *one,
            [] => {
                errors.push(ContentError::new(
                    file,
                    line_of(text, entry.text.span().start),
                    format!("text {needle:?} does not occur in its context {context:?}"),
                ));
                continue;
            }
            many => {
                errors.push(ContentError::new(file, line_of(text, entry.text.span().start), format!("text {needle:?} occurs {} times in its context; expected a context where it occurs once", many.len())));
                continue;
            }
        };
        let range = at + offset..at + offset + needle.len();
        if !is_whole_word(blocks[block].text, &range) {
            errors.push(ContentError::new(
                file,
                line_of(text, entry.text.span().start),
                format!("text {needle:?} cuts a word in two; expected whole words"),
            ));
            continue;
        }
        if let Some(other) = pins
            .iter()
            .find(|p| p.block == block && p.range.start < range.end && range.start < p.range.end)
        {
            errors.push(ContentError::new(file, line, format!("overlapping mentions: this override overlaps the one on line {}; expected separate texts", other.line)));
            continue;
        }
        if let Some(actor) = actor {
            pins.push(Pin {
                block,
                range,
                actor,
                line,
            });
        }
    }
    pins
}

/// Two forms whose occurrences cross (neither inside the other) would make the mention depend on
/// scanning order: the editor must settle it with an override.
fn check_crossing_forms(
    file: &str,
    forms: &[(Form<'_, u16>, usize)],
    blocks: &[SourceBlock<'_>],
    pins: &[Pin],
    errors: &mut Vec<ContentError>,
) {
    for (b, block) in blocks.iter().enumerate() {
        let mut hits: Vec<(Range<usize>, usize)> = forms
            .iter()
            .enumerate()
            .flat_map(|(fi, (form, _))| {
                block
                    .text
                    .match_indices(form.text)
                    .map(move |(at, _)| (at..at + form.text.len(), fi))
                    .filter(|(range, _)| is_whole_word(block.text, range))
            })
            .filter(|(range, _)| {
                !pins
                    .iter()
                    .any(|p| p.block == b && p.range.start < range.end && range.start < p.range.end)
            })
            .collect();
        hits.sort_by_key(|(range, _)| (range.start, range.end));
        for (i, (a, fa)) in hits.iter().enumerate() {
            for (c, fc) in hits[i + 1..].iter().take_while(|(c, _)| c.start < a.end) {
                if c.start > a.start && c.end > a.end {
                    let (first, second) = (&forms[*fa], &forms[*fc]);
                    errors.push(ContentError::new(
                        file,
                        second.1,
                        format!(
                            "overlapping mentions: form {:?} and form {:?} (line {}) overlap in {:?} (article line {}); expected forms that do not cross, or an override in mentions.toml",
                            second.0.text,
                            first.0.text,
                            first.1,
                            &block.text[a.start..c.end],
                            block.line
                        ),
                    ));
                }
            }
        }
    }
}

fn report_unused(
    file: &str,
    entries: &[ActorEntry],
    forms: &[(Form<'_, u16>, usize)],
    found: &[Vec<Span<u16>>],
    blocks: &[SourceBlock<'_>],
    line: &dyn Fn(Range<usize>) -> usize,
    errors: &mut Vec<ContentError>,
) {
    let mentioned = |actor: u16| found.iter().flatten().any(|s| s.actor == Some(actor));
    for (form, form_line) in forms {
        let used = found.iter().zip(blocks).any(|(spans, block)| {
            spans.iter().any(|s| {
                s.actor == Some(form.actor)
                    && block.text[s.range.clone()].starts_with(form.text)
                    && {
                        let rest = &block.text[s.range.start + form.text.len()..s.range.end];
                        rest.is_empty() || rest == "’s" || rest == "'s"
                    }
            })
        });
        if !used && !form.text.trim().is_empty() {
            // A form that does occur but never wins must not be told it "matches nothing".
            let occurs = blocks.iter().any(|block| {
                block
                    .text
                    .match_indices(form.text)
                    .any(|(at, _)| is_whole_word(block.text, &(at..at + form.text.len())))
            });
            let message = if occurs {
                format!("form {:?} occurs in the article but never marks a mention: every occurrence is taken by a longer or crossing form, the same form of another actor, or an override in mentions.toml; expected a form that marks at least one mention (or remove it)", form.text)
            } else {
                format!("form {:?} matches nothing in the article; expected text that occurs in it as whole words, with the same capitals", form.text)
            };
            errors.push(ContentError::new(file, *form_line, message));
        }
    }
    for (index, entry) in entries.iter().enumerate() {
        if !mentioned(index as u16) {
            errors.push(ContentError::new(
                file,
                line(entry.id.span()),
                format!("actor {:?} is never mentioned in the article; expected at least one of its forms in the text (or remove the actor)", entry.id.get_ref()),
            ));
        }
    }
}

#[allow(clippy::too_many_arguments)] // the parts of a checked article, each made by its own pass
fn build(
    blocks: &[SourceBlock<'_>],
    entries: &[ActorEntry],
    found: &[Vec<Span<u16>>],
    sentences: &[Vec<Range<usize>>],
    resolved: Vec<Resolved>,
    [wide, compact]: [relations::LaidOut; 2],
    settings: Settings,
    (words, page_words): (crate::Words, crate::PageWords),
) -> Document {
    let mut mentions = Vec::new();
    let mut mention_blocks = Vec::new();
    let mut built = Vec::with_capacity(blocks.len());
    let mut sentence_id = 0u16;
    for (b, ((block, spans), ranges)) in blocks.iter().zip(found).zip(sentences).enumerate() {
        let mut segments = Vec::new();
        for range in ranges {
            let inside: Vec<Span<u16>> = spans
                .iter()
                .filter(|s| range.start <= s.range.start && s.range.end <= range.end)
                .map(|s| Span {
                    range: s.range.start - range.start..s.range.end - range.start,
                    actor: s.actor,
                })
                .collect();
            let text = &block.text[range.clone()];
            for (run, actor) in crate::segment::cut(text, &inside) {
                segments.push(Segment {
                    text: text[run].to_string(),
                    mention: actor.map(|actor| {
                        let id = mentions.len() as MentionId;
                        mentions.push(actor);
                        mention_blocks.push(b as u16);
                        id
                    }),
                    sentence: sentence_id,
                });
            }
            sentence_id += 1;
        }
        built.push(Block { segments });
    }
    let actors = entries
        .iter()
        .map(|e| Actor {
            id: e.id.get_ref().clone(),
            name: e.name.get_ref().clone(),
            short: e.short.as_ref().unwrap_or(&e.name).get_ref().clone(),
            kind: Kind::from_key(e.kind.get_ref()).expect("kinds were checked"),
            role: e.role.get_ref().clone(),
            description: e.description.get_ref().clone(),
        })
        .collect();
    let relations = resolved
        .into_iter()
        .map(|r| Relation {
            id: r.id,
            kind: r.kind,
            from: r.from,
            to: r.to,
            label: r.label,
            quote: r.quote,
            sentences: r.sentences,
        })
        .collect();
    let geometry = |l: &relations::LaidOut| Geometry {
        width: l.size.0,
        height: l.size.1,
        edges: l.edges.clone(),
    };
    let nodes: [Vec<GraphNode>; 2] = [wide.nodes.clone(), compact.nodes.clone()];
    let mut built = built.into_iter();
    let title = built
        .next()
        .expect("the article was checked to have a headline");
    Document {
        story: Story::new(actors, mentions, relations, nodes, words),
        title,
        paragraphs: built.collect(),
        mention_blocks,
        block_lines: blocks.iter().map(|b| b.line).collect(),
        graph: Graph {
            wide: geometry(&wide),
            compact: geometry(&compact),
        },
        settings,
        page_words,
    }
}
