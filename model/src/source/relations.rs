//! `relations.toml`: checks each relation against the actors and the article text (the quote must be
//! verbatim, once), finds the sentences it rests on, and lays out the graph.

use std::collections::HashMap;
use std::ops::Range;

use super::files::RelationsFile;
use super::{did_you_mean, line_of, not_one_of, ContentError};
use crate::layout::{box_for, edge_path, label_width, layout, NodeSpec, Placed};
use crate::segment::is_whole_word;
use crate::{ActorId, GraphNode, RelationKind, SentenceId};

/// A checked relation, before it joins the document.
pub struct Resolved {
    pub id: String,
    pub kind: RelationKind,
    pub from: ActorId,
    pub to: ActorId,
    pub label: String,
    pub quote: String,
    pub sentences: (SentenceId, SentenceId),
}

/// The article as relations see it: each block's text and sentence ranges, and the global id of
/// each block's first sentence.
pub struct Text<'a> {
    pub blocks: Vec<&'a str>,
    pub sentences: Vec<Vec<Range<usize>>>,
}

impl Text<'_> {
    fn first_sentence(&self, block: usize) -> usize {
        self.sentences[..block].iter().map(Vec::len).sum()
    }

    /// Where the quote stands in the article: every (block, byte offset).
    fn find(&self, quote: &str) -> Vec<(usize, usize)> {
        self.blocks
            .iter()
            .enumerate()
            .flat_map(|(b, text)| text.match_indices(quote).map(move |(at, _)| (b, at)))
            .collect()
    }

    /// Says where a quote that is not in the article parts from it.
    fn divergence(&self, quote: &str) -> String {
        let cuts: Vec<usize> = quote
            .char_indices()
            .map(|(i, _)| i)
            .chain([quote.len()])
            .collect();
        let (mut lo, mut hi) = (0, cuts.len() - 1);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.blocks.iter().any(|b| b.contains(&quote[..cuts[mid]])) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // Part at a word: "…will run" then “two crossings” reads better than a cut inside a word.
        let mut found = &quote[..cuts[lo]];
        if let Some(space) = found.rfind(' ') {
            found = &found[..space];
        }
        let wanted: String = quote[found.len()..].trim_start().chars().take(14).collect();
        if found.chars().count() < 4 {
            return "not even its first words occur in the article".to_string();
        }
        let after = self
            .blocks
            .iter()
            .find_map(|b| {
                b.find(found).map(|at| {
                    b[at + found.len()..]
                        .trim_start()
                        .chars()
                        .take(14)
                        .collect::<String>()
                })
            })
            .unwrap_or_default();
        let tail: String = found
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("the article has “…{tail}” followed by “{after}”, where the quote has “{wanted}”")
    }
}

/// Checks every relation; errors are pushed, the good relations returned.
pub fn resolve(
    file: &str,
    relations: &RelationsFile,
    source: &str,
    ids: &HashMap<&str, ActorId>,
    text: &Text<'_>,
    errors: &mut Vec<ContentError>,
) -> Vec<Resolved> {
    let line = |span: Range<usize>| line_of(source, span.start);
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    let mut seen: HashMap<(RelationKind, ActorId, ActorId, &str), usize> = HashMap::new();
    let mut out = Vec::new();
    for entry in &relations.relation {
        let id = entry.id.get_ref().as_str();
        let id_line = line(entry.id.span());
        let before = errors.len();
        if !super::compile::valid_id(id) {
            errors.push(ContentError::new(file, id_line, format!("relation id {id:?} is not valid; expected lowercase letters, digits and single hyphens, like \"milei-insults-lula\"")));
        }
        if let Some(first) = first_line.get(id) {
            errors.push(ContentError::new(file, id_line, format!("duplicate relation id {id:?} (first defined on line {first}); expected each id once")));
        } else {
            first_line.insert(id, id_line);
        }
        let kind = RelationKind::from_key(entry.kind.get_ref());
        if kind.is_none() {
            errors.push(ContentError::new(
                file,
                line(entry.kind.span()),
                not_one_of(
                    "type",
                    entry.kind.get_ref(),
                    RelationKind::ALL.map(RelationKind::key),
                ),
            ));
        }
        let mut actor = |field: &toml::Spanned<String>| {
            let name = field.get_ref().as_str();
            let found = ids.get(name).copied();
            if found.is_none() {
                let hint = did_you_mean(name, ids.keys().copied());
                errors.push(ContentError::new(
                    file,
                    line(field.span()),
                    format!("unknown actor id {name:?}{hint}; expected an id from actors.toml"),
                ));
            }
            found
        };
        let (from, to) = (actor(&entry.from), actor(&entry.to));
        if from.is_some() && from == to {
            errors.push(ContentError::new(
                file,
                line(entry.to.span()),
                "a relation joins an actor to itself; expected two different actors",
            ));
        }
        if entry.label.get_ref().trim().is_empty() {
            errors.push(ContentError::new(file, line(entry.label.span()), format!("relation {id:?} has an empty label; expected a short verb phrase like \"insulted\"")));
        }
        let quote = entry.quote.get_ref().as_str();
        let quote_line = line(entry.quote.span());
        let mut sentences = None;
        if quote.trim().is_empty() {
            errors.push(ContentError::new(
                file,
                quote_line,
                format!(
                    "relation {id:?} has an empty quote; expected words copied from the article"
                ),
            ));
        } else {
            match text.find(quote).as_slice() {
                [] => errors.push(ContentError::new(
                    file,
                    quote_line,
                    format!("quote is not verbatim in the article: {}; expected the article's exact words (same quotes, accents, dashes)", text.divergence(quote)),
                )),
                [(block, at)] => {
                    let range = *at..at + quote.len();
                    if !is_whole_word(text.blocks[*block], &range) {
                        errors.push(ContentError::new(file, quote_line, "quote cuts a word in two; expected it to start and end with whole words"));
                    } else {
                        let local = &text.sentences[*block];
                        let first = local.iter().position(|s| s.contains(&range.start)).unwrap_or(0);
                        let last = local.iter().position(|s| s.contains(&(range.end - 1))).unwrap_or(first);
                        let base = text.first_sentence(*block);
                        sentences = Some(((base + first) as SentenceId, (base + last) as SentenceId));
                    }
                }
                many => errors.push(ContentError::new(
                    file,
                    quote_line,
                    format!("quote occurs {} times in the article; expected a longer quote that occurs once", many.len()),
                )),
            }
        }
        if let (Some(kind), Some(from), Some(to)) = (kind, from, to) {
            if let Some(first) = seen.insert((kind, from, to, quote), id_line) {
                errors.push(ContentError::new(file, id_line, format!("relation {id:?} repeats the one on line {first} (same type, actors and quote); expected each relation once")));
            }
        }
        if let (true, Some(kind), Some(from), Some(to), Some(sentences)) =
            (errors.len() == before, kind, from, to, sentences)
        {
            out.push(Resolved {
                id: id.to_string(),
                kind,
                from,
                to,
                label: entry.label.get_ref().clone(),
                quote: quote.to_string(),
                sentences,
            });
        }
    }
    out
}

/// The two shapes the graph is laid out in (width, height), in SVG units: the largest width its
/// column gives, and the height of a graph like the first article's (30 actors). Fewer actors get
/// a smaller box (the page shows it at its own size, centred), more a taller one (`box_for`).
pub const WIDE: (u16, u16) = (560, 480);
pub const COMPACT: (u16, u16) = (340, 720);
/// Starting positions tried in one box before it grows: a failed try costs as much as a good one
/// (about 0.1 s for 40 actors), and a slightly larger box succeeds sooner than more seeds.
const SEEDS: u64 = 6;

/// Lays the graph out in the smallest box that fits it (`layout::box_for`), for the wide layout
/// (`base` = `WIDE`, width down to 45 %) or the compact one (`COMPACT`, width down to 70 %: a
/// phone's column is narrow already); a box too small to place the nodes apart grows.
pub fn lay_out_sized(relations: &[Resolved], labels: &[&str], base: (u16, u16)) -> Option<LaidOut> {
    let specs: Vec<NodeSpec> = nodes_of(relations)
        .iter()
        .map(|&a| NodeSpec {
            label_width: label_width(labels[a as usize]),
        })
        .collect();
    let min_width = if base == COMPACT { 0.7 } else { 0.45 };
    let shape = (f64::from(base.0), f64::from(base.1));
    let mut last = None;
    for grow in 0..8 {
        let (w, h) = box_for(&specs, shape, min_width, grow);
        let size = (w as u16, h as u16);
        if last == Some(size) {
            break;
        }
        last = Some(size);
        if let Some(laid) = lay_out(relations, labels, size, SEEDS) {
            return Some(laid);
        }
    }
    None
}

/// The most actors a graph may hold: the layout is tested and legible up to here, at 320 px as at
/// 1,280 px (model/tests/relations.rs, the browser tests' made-up 40-actor article). Twice the
/// first article (66 actors) cannot be placed at all, after seconds of trying.
pub const MAX_GRAPH_ACTORS: usize = 40;

/// How many actors the graph of these relations holds.
pub fn graph_actors(relations: &[Resolved]) -> usize {
    nodes_of(relations).len()
}

/// The actors with a relation, in actor order: the graph's nodes.
fn nodes_of(relations: &[Resolved]) -> Vec<ActorId> {
    let mut nodes: Vec<ActorId> = relations.iter().flat_map(|r| [r.from, r.to]).collect();
    nodes.sort_unstable();
    nodes.dedup();
    nodes
}

/// One layout of the graph: its size, the actors in it (in actor order) and each relation's path.
pub struct LaidOut {
    pub size: (u16, u16),
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<String>,
}

/// Lays the graph out for one size, trying `seeds` starting positions; `None` when its nodes
/// cannot be placed apart.
pub fn lay_out(
    relations: &[Resolved],
    labels: &[&str],
    size: (u16, u16),
    seeds: u64,
) -> Option<LaidOut> {
    let in_graph = nodes_of(relations);
    let index_of = |actor: ActorId| in_graph.binary_search(&actor).expect("every end is a node");
    let specs: Vec<NodeSpec> = in_graph
        .iter()
        .map(|&a| NodeSpec {
            label_width: label_width(labels[a as usize]),
        })
        .collect();
    let pair = |r: &Resolved| {
        let (a, b) = (index_of(r.from), index_of(r.to));
        (a.min(b), a.max(b))
    };
    // One link per relation: actors with several relations pull closer, and their lines, which bow
    // apart, get more room from other actors.
    let mut links: Vec<(usize, usize)> = relations.iter().map(pair).collect();
    links.sort_unstable();
    let (w, h) = (f64::from(size.0), f64::from(size.1));
    let placed: Vec<Placed> = (1..=seeds).find_map(|seed| layout(&specs, &links, w, h, seed))?;
    let nodes = in_graph
        .iter()
        .zip(&placed)
        .map(|(&actor, p)| GraphNode {
            actor,
            x: p.x.round() as i16,
            y: p.y.round() as i16,
        })
        .collect();
    let rounded: Vec<Placed> = placed
        .iter()
        .map(|p| Placed {
            x: p.x.round(),
            y: p.y.round(),
            ..*p
        })
        .collect();
    let edges = relations
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let key = pair(r);
            let siblings: Vec<usize> = relations
                .iter()
                .enumerate()
                .filter(|(_, o)| pair(o) == key)
                .map(|(j, _)| j)
                .collect();
            let index = siblings
                .iter()
                .position(|&j| j == i)
                .expect("a relation is its own sibling");
            let (a, b) = (index_of(r.from), index_of(r.to));
            if a < b {
                edge_path(&rounded[a], &rounded[b], index, siblings.len())
            } else {
                edge_path(
                    &rounded[a],
                    &rounded[b],
                    siblings.len() - 1 - index,
                    siblings.len(),
                )
            }
        })
        .collect();
    Some(LaidOut { size, nodes, edges })
}
