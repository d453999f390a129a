//! Pure core of the explorable article: what an article is ([`Document`], and the [`Story`] the
//! browser receives of it), how mentions are found in the text, where a hover card goes, how the
//! page reacts to a reader ([`reader`]) and what the markup shows for it ([`view`]). No web APIs
//! here, so all of it is tested natively with `cargo test`.

pub mod flags;
pub mod ids;
pub mod interaction;
pub mod layout;
pub mod placement;
pub mod reader;
pub mod segment;
pub mod sentence;
#[cfg(feature = "source")]
pub mod source;
pub mod view;
pub mod words;

use serde::{Deserialize, Serialize};

pub use ids::{DomId, Layout};

#[cfg(test)]
pub(crate) mod testing;
pub use words::{PageWords, Words};

/// The first byte of a story as the build writes it (then the story in postcard's format): a
/// runtime refuses a story of another format instead of misreading it.
pub const STORY_FORMAT: u8 = 2;

/// Index of a mention in reading order across the whole document (headline first).
pub type MentionId = u16;
/// Index of an actor in [`Story::actors`].
pub type ActorId = u16;
/// Index of a sentence in reading order across the whole document (headline first).
pub type SentenceId = u16;
/// Index of a relation in [`Story::relations`].
pub type RelationId = u16;

/// An article as the build knows it: its text cut into sentences and mentions, the graph's
/// geometry, the page's settings, and the [`Story`] the browser receives.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub story: Story,
    pub title: Block,
    pub paragraphs: Vec<Block>,
    /// The block (0 the headline, 1.. the paragraphs) of each mention.
    pub mention_blocks: Vec<u16>,
    /// The line of `article.txt` each block came from, for what the build says of the text.
    pub block_lines: Vec<usize>,
    pub graph: Graph,
    pub settings: Settings,
    /// The interface's words only the prerendered page says.
    pub page_words: PageWords,
}

/// What the browser receives of an article, and all it receives: who the actors are, which actor
/// each mention names, the relations with their quotes, where the graph's nodes are (for the arrow
/// keys) and the interface's words. No text of the article and no drawing: the page has those.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoryData", into = "StoryData")]
pub struct Story {
    pub actors: Vec<Actor>,
    /// The actor each mention names, in reading order.
    pub mentions: Vec<ActorId>,
    pub relations: Vec<Relation>,
    /// The graph's nodes in each layout ([`Layout::index`] order), in actor order.
    pub nodes: [Vec<GraphNode>; 2],
    pub words: Words,
    #[serde(skip)]
    index: Index,
}

/// [`Story`] as it is written and read: its lookups are rebuilt on reading, and a relation's id
/// is written with its actors' ids in it as [`FROM`] and [`TO`] ("milei-insults-lula" as
/// "\u{1}-insults-\u{2}"). Ids are made of the actors' ids, which the story carries anyway: 161 B
/// less brotli on the first article's page, for 65 B more wasm.
#[derive(Serialize, Deserialize)]
struct StoryData {
    actors: Vec<Actor>,
    mentions: Vec<ActorId>,
    relations: Vec<Relation>,
    nodes: [Vec<GraphNode>; 2],
    words: Words,
}

/// What stands for a relation's actors' ids in its id, as written; never in an id, which holds
/// lowercase letters, digits and hyphens only (`source` checks it).
const FROM: char = '\u{1}';
const TO: char = '\u{2}';

/// A relation's id with its actors' ids written as [`FROM`] and [`TO`] (their first occurrences).
fn short_id(id: &str, from: &str, to: &str) -> String {
    id.replacen(from, FROM.encode_utf8(&mut [0; 4]), 1)
        .replacen(to, TO.encode_utf8(&mut [0; 4]), 1)
}

/// [`short_id`] undone. Character by character: a substring search would add 450 B to the wasm.
fn full_id(id: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(id.len() + from.len() + to.len());
    for c in id.chars() {
        match c {
            FROM => out.push_str(from),
            TO => out.push_str(to),
            c => out.push(c),
        }
    }
    out
}

/// The ids of a relation's actors, if the story has them (a story read from the wire is checked
/// later, by [`Story::is_consistent`]).
fn actor_ids<'a>(actors: &'a [Actor], r: &Relation) -> Option<(&'a str, &'a str)> {
    let id = |a: ActorId| actors.get(usize::from(a)).map(|a| a.id.as_str());
    Some((id(r.from)?, id(r.to)?))
}

impl From<Story> for StoryData {
    fn from(s: Story) -> Self {
        let mut relations = s.relations;
        for r in &mut relations {
            if let Some((from, to)) = actor_ids(&s.actors, r) {
                r.id = short_id(&r.id, from, to);
            }
        }
        StoryData {
            actors: s.actors,
            mentions: s.mentions,
            relations,
            nodes: s.nodes,
            words: s.words,
        }
    }
}

impl From<StoryData> for Story {
    fn from(d: StoryData) -> Self {
        let mut relations = d.relations;
        for r in &mut relations {
            if let Some((from, to)) = actor_ids(&d.actors, r) {
                r.id = full_id(&r.id, from, to);
            }
        }
        Story::new(d.actors, d.mentions, relations, d.nodes, d.words)
    }
}

/// Lookups derived from a story's lists, never sent.
#[derive(Debug, Clone, Default, PartialEq)]
struct Index {
    mentions_of: Vec<Vec<MentionId>>,
    relations_of: Vec<Vec<RelationId>>,
}

/// A headline or a paragraph: its text, cut into segments that concatenate to the source verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub segments: Vec<Segment>,
}

/// A run of text within one sentence; `mention` is set when the run names an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub text: String,
    pub mention: Option<MentionId>,
    pub sentence: SentenceId,
}

/// Someone or something the article names, with what a reader needs to know about it in this story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// The name as the relation graph labels it.
    pub short: String,
    pub kind: Kind,
    pub role: String,
    pub description: String,
}

/// Something the article says about two actors, with the words that say it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub id: String,
    pub kind: RelationKind,
    pub from: ActorId,
    pub to: ActorId,
    /// Read between the two names: "Milei — insulted — Lula".
    pub label: String,
    /// Verbatim from the article.
    pub quote: String,
    /// The sentences the quote lies in (first and last; usually the same).
    pub sentences: (SentenceId, SentenceId),
}

/// What sort of relation this is; each is drawn its own way (colour and line style) in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RelationKind {
    Insult,
    Feud,
    Rupture,
    Alliance,
    Trade,
    Negotiation,
    Outside,
    Rivalry,
    Leadership,
    Comparison,
}

impl RelationKind {
    /// In the legend's order.
    pub const ALL: [RelationKind; 10] = [
        RelationKind::Insult,
        RelationKind::Feud,
        RelationKind::Rupture,
        RelationKind::Rivalry,
        RelationKind::Alliance,
        RelationKind::Trade,
        RelationKind::Negotiation,
        RelationKind::Outside,
        RelationKind::Leadership,
        RelationKind::Comparison,
    ];

    /// The word used in the content files, in CSS classes and in ids.
    pub fn key(self) -> &'static str {
        match self {
            RelationKind::Insult => "insult",
            RelationKind::Feud => "feud",
            RelationKind::Rupture => "rupture",
            RelationKind::Alliance => "alliance",
            RelationKind::Trade => "trade",
            RelationKind::Negotiation => "negotiation",
            RelationKind::Outside => "outside",
            RelationKind::Rivalry => "rivalry",
            RelationKind::Leadership => "leadership",
            RelationKind::Comparison => "comparison",
        }
    }

    /// Whether who does what to whom matters (drawn with an arrowhead).
    pub fn directed(self) -> bool {
        !matches!(
            self,
            RelationKind::Feud
                | RelationKind::Alliance
                | RelationKind::Trade
                | RelationKind::Negotiation
                | RelationKind::Rivalry
        )
    }

    pub fn from_key(key: &str) -> Option<RelationKind> {
        RelationKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Position in [`RelationKind::ALL`].
    pub fn index(self) -> usize {
        RelationKind::ALL
            .iter()
            .position(|&k| k == self)
            .unwrap_or(0)
    }
}

/// A set of relation types (the ones the legend hides), one bit per [`RelationKind::index`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindSet(u16);

impl KindSet {
    pub fn contains(self, kind: RelationKind) -> bool {
        self.0 & (1 << kind.index()) != 0
    }

    pub fn toggle(&mut self, kind: RelationKind) {
        self.0 ^= 1 << kind.index();
    }
}

/// The relation graph, laid out at build time in two shapes: wide, and compact for narrow screens.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    pub wide: Geometry,
    pub compact: Geometry,
}

impl Graph {
    pub fn geometry(&self, layout: Layout) -> &Geometry {
        match layout {
            Layout::Wide => &self.wide,
            Layout::Compact => &self.compact,
        }
    }
}

/// One layout's drawing, in SVG user units (its nodes are in [`Story::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: u16,
    pub height: u16,
    /// The SVG path of each relation, indexed like [`Story::relations`].
    pub edges: Vec<String>,
}

/// Where an actor's node is in one layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphNode {
    pub actor: ActorId,
    pub x: i16,
    pub y: i16,
}

/// How far below its node's centre a label's baseline is.
pub const LABEL_OFFSET: i16 = 25;

/// What sort of actor this is; shown on the card and used for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Person,
    Country,
    Organisation,
    Company,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Person,
        Kind::Country,
        Kind::Organisation,
        Kind::Company,
    ];

    /// The word used in the content files and in CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Country => "country",
            Kind::Organisation => "organisation",
            Kind::Company => "company",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Per-article settings (`article.toml`, all optional).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// BCP 47 language tag of the article and its interface.
    pub language: String,
    /// What the kicker above the headline says it is; `None` for no kicker.
    pub genre: Option<Genre>,
    /// The article says of itself that it is fiction (a sample written for the rig).
    pub sample: bool,
    /// A name nobody marked fails the build (else it is a warning): `source::coverage`.
    pub strict: bool,
    /// Phrases that look like names but name no actor of this story ("Latin America", "Cold
    /// War"), and the texts mentions.toml unmarks: the check for unmarked names leaves them.
    pub plain: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: "en".into(),
            genre: None,
            sample: false,
            strict: false,
            plain: Vec::new(),
        }
    }
}

/// The kind of journalism an article is, as its kicker says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genre {
    Opinion,
    Analysis,
    News,
}

impl Genre {
    pub const ALL: [Genre; 3] = [Genre::Opinion, Genre::Analysis, Genre::News];

    pub fn key(self) -> &'static str {
        match self {
            Genre::Opinion => "opinion",
            Genre::Analysis => "analysis",
            Genre::News => "news",
        }
    }
}

/// What the reader is looking at in the graph: an actor or a relation. Shared as `#actor=<id>` or
/// `#relation=<id>` in the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Actor(ActorId),
    Relation(RelationId),
}

/// What lights up when the reader points at something in the graph: for an actor, its mentions,
/// its relations and the actors at their other ends; for a relation, its two actors and the
/// sentences of its quote.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Emphasis {
    pub actors: Vec<ActorId>,
    pub relations: Vec<RelationId>,
    pub mentions: Vec<MentionId>,
    /// First and last sentence, inclusive.
    pub sentences: Option<(SentenceId, SentenceId)>,
}

/// What a card is attached to: a mention in the text, or an actor's node in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Mention(MentionId),
    Node(ActorId),
}

impl Block {
    /// The block's text exactly as in the source file.
    pub fn text(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }

    /// The (first, last) sentence of the block.
    pub fn sentences(&self) -> (SentenceId, SentenceId) {
        let first = self.segments.first().map_or(0, |s| s.sentence);
        let last = self.segments.last().map_or(0, |s| s.sentence);
        (first, last)
    }
}

impl Document {
    /// The headline followed by the paragraphs, numbered as in [`Document::mention_blocks`].
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        std::iter::once(&self.title).chain(self.paragraphs.iter())
    }

    /// Block `index` (0 the headline).
    pub fn block(&self, index: usize) -> &Block {
        if index == 0 {
            &self.title
        } else {
            &self.paragraphs[index - 1]
        }
    }

    /// The actor a mention names.
    pub fn actor_of(&self, mention: MentionId) -> &Actor {
        self.story.actor_of(mention)
    }
}

impl Story {
    pub fn new(
        actors: Vec<Actor>,
        mentions: Vec<ActorId>,
        relations: Vec<Relation>,
        nodes: [Vec<GraphNode>; 2],
        words: Words,
    ) -> Story {
        let mut index = Index {
            mentions_of: vec![Vec::new(); actors.len()],
            relations_of: vec![Vec::new(); actors.len()],
        };
        for (m, &a) in mentions.iter().enumerate() {
            if let Some(list) = index.mentions_of.get_mut(usize::from(a)) {
                list.push(m as MentionId);
            }
        }
        for (r, rel) in relations.iter().enumerate() {
            for a in [rel.from, rel.to] {
                if let Some(list) = index.relations_of.get_mut(usize::from(a)) {
                    list.push(r as RelationId);
                }
            }
        }
        Story {
            actors,
            mentions,
            relations,
            nodes,
            words,
            index,
        }
    }

    /// Checks what a story read from the wire refers to, so that nothing indexes out of bounds
    /// later: every mention, relation and node names an actor, every relation's sentences are in
    /// order.
    pub fn is_consistent(&self) -> bool {
        let actors = self.actors.len();
        let ok = |a: ActorId| usize::from(a) < actors;
        self.mentions.iter().all(|&a| ok(a))
            && self
                .relations
                .iter()
                .all(|r| ok(r.from) && ok(r.to) && r.sentences.0 <= r.sentences.1)
            && self.nodes.iter().flatten().all(|n| ok(n.actor))
            && self.words.is_complete()
    }

    pub fn actor(&self, actor: ActorId) -> &Actor {
        &self.actors[usize::from(actor)]
    }

    pub fn actor_of(&self, mention: MentionId) -> &Actor {
        self.actor(self.mentions[usize::from(mention)])
    }

    pub fn relation(&self, relation: RelationId) -> &Relation {
        &self.relations[usize::from(relation)]
    }

    /// Every mention of `actor`, in reading order.
    pub fn mentions_of(&self, actor: ActorId) -> &[MentionId] {
        &self.index.mentions_of[usize::from(actor)]
    }

    /// Every relation `actor` takes part in, in the order of the content file.
    pub fn relations_of(&self, actor: ActorId) -> &[RelationId] {
        &self.index.relations_of[usize::from(actor)]
    }

    /// The graph's nodes in `layout`.
    pub fn nodes(&self, layout: Layout) -> &[GraphNode] {
        &self.nodes[layout.index()]
    }

    pub fn actor_by_id(&self, id: &str) -> Option<ActorId> {
        self.actors
            .iter()
            .position(|a| a.id == id)
            .map(|i| i as ActorId)
    }

    pub fn relation_by_id(&self, id: &str) -> Option<RelationId> {
        self.relations
            .iter()
            .position(|r| r.id == id)
            .map(|i| i as RelationId)
    }

    /// What to emphasise for a focus (nothing for `None`).
    pub fn emphasis(&self, focus: Option<Focus>) -> Emphasis {
        match focus {
            Some(Focus::Actor(a)) => {
                // A handful of actors: a linear check keeps sorting code out of the wasm.
                let mut actors = vec![a];
                for &r in self.relations_of(a) {
                    let other = self.other_end(r, a);
                    if !actors.contains(&other) {
                        actors.push(other);
                    }
                }
                Emphasis {
                    actors,
                    relations: self.relations_of(a).to_vec(),
                    mentions: self.mentions_of(a).to_vec(),
                    sentences: None,
                }
            }
            Some(Focus::Relation(r)) => {
                let rel = self.relation(r);
                Emphasis {
                    actors: vec![rel.from, rel.to],
                    relations: vec![r],
                    mentions: Vec::new(),
                    sentences: Some(rel.sentences),
                }
            }
            None => Emphasis::default(),
        }
    }

    /// Reads a deep link (`#actor=milei`, `#relation=milei-insults-lula`); anything else is `None`.
    pub fn parse_hash(&self, hash: &str) -> Option<Focus> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        if let Some(id) = hash.strip_prefix("actor=") {
            self.actor_by_id(id).map(Focus::Actor)
        } else if let Some(id) = hash.strip_prefix("relation=") {
            self.relation_by_id(id).map(Focus::Relation)
        } else {
            None
        }
    }

    /// The deep link for a focus, as [`Story::parse_hash`] reads it.
    pub fn hash_of(&self, focus: Focus) -> String {
        match focus {
            Focus::Actor(a) => format!("#actor={}", self.actor(a).id),
            Focus::Relation(r) => format!("#relation={}", self.relation(r).id),
        }
    }

    /// The other actor of a relation, seen from `actor`.
    pub fn other_end(&self, relation: RelationId, actor: ActorId) -> ActorId {
        let r = self.relation(relation);
        if r.from == actor {
            r.to
        } else {
            r.from
        }
    }

    /// The mention's position among its actor's mentions: (0-based index, count).
    pub fn mention_ordinal(&self, mention: MentionId) -> (usize, usize) {
        let list = self.mentions_of(self.mentions[usize::from(mention)]);
        let index = list.iter().position(|&m| m == mention).unwrap_or(0);
        (index, list.len())
    }

    /// The actor's mention `step` places after (or before, if negative) this one, wrapping around.
    pub fn step_mention(&self, mention: MentionId, step: i32) -> MentionId {
        let list = self.mentions_of(self.mentions[usize::from(mention)]);
        let (index, len) = self.mention_ordinal(mention);
        let len = len as i32;
        list[(index as i32 + step).rem_euclid(len) as usize]
    }

    /// The mention the card's previous/next buttons step to from `anchor`; from a graph node, the
    /// actor's first (next) or last (previous) mention. A step of 0 is "next", as
    /// [`reader::CardAction::act`] names it.
    pub fn step_from(&self, anchor: Anchor, by: i32) -> MentionId {
        match anchor {
            Anchor::Mention(m) => self.step_mention(m, by),
            Anchor::Node(a) => {
                let list = self.mentions_of(a);
                if by < 0 {
                    list[list.len() - 1]
                } else {
                    list[0]
                }
            }
        }
    }

    /// The actor a card is about.
    pub fn actor_at(&self, anchor: Anchor) -> ActorId {
        match anchor {
            Anchor::Mention(m) => self.mentions[usize::from(m)],
            Anchor::Node(a) => a,
        }
    }
}

#[cfg(test)]
mod card_tests {
    use super::Anchor;
    use crate::testing::sample_story;

    #[test]
    fn a_card_steps_through_its_actors_mentions_and_is_about_that_actor() {
        let story = sample_story();
        // Actor 0 is named three times in the sample.
        let mentions = story.mentions_of(0).to_vec();
        assert_eq!(mentions, [0, 2, 5]);
        let (first, last) = (mentions[0], mentions[2]);
        // From its node: next is the first mention, previous the last; 0 counts as next.
        assert_eq!(story.step_from(Anchor::Node(0), 1), first);
        assert_eq!(story.step_from(Anchor::Node(0), 0), first);
        assert_eq!(story.step_from(Anchor::Node(0), -1), last);
        // From a mention: along the actor's mentions, wrapping round.
        assert_eq!(story.step_from(Anchor::Mention(last), 1), first);
        assert_eq!(story.step_from(Anchor::Mention(first), -1), last);
        for a in 0..story.actors.len() as u16 {
            assert_eq!(story.actor_at(Anchor::Node(a)), a);
            for &m in story.mentions_of(a) {
                assert_eq!(story.actor_at(Anchor::Mention(m)), a, "mention {m}");
            }
        }
    }
}

#[cfg(test)]
mod wire_tests {
    use super::{full_id, short_id, Story, StoryData};
    use crate::testing::sample_story;
    use proptest::prelude::*;

    #[test]
    fn a_story_reads_back_as_written() {
        let story = sample_story();
        let written = StoryData::from(story.clone());
        // "a-b" between a and b, "a-c" between a and c: written without the actors' ids.
        let ids: Vec<&str> = written.relations.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["\u{1}-\u{2}", "\u{1}-\u{2}"]);
        assert_eq!(Story::from(written), story);
    }

    #[test]
    fn a_relations_id_is_written_with_its_actors_ids_left_out() {
        assert_eq!(
            short_id("milei-insults-lula", "milei", "lula"),
            "\u{1}-insults-\u{2}"
        );
        // The second actor named first; an actor's id not in it at all.
        assert_eq!(
            short_id("lula-met-milei", "milei", "lula"),
            "\u{2}-met-\u{1}"
        );
        assert_eq!(
            short_id("coup-attempt", "zuniga", "bolivia"),
            "coup-attempt"
        );
        // An id inside another's word is taken there (shorter still), and read back whole.
        let short = short_id("russia-and-us", "us", "russia");
        assert_eq!(short, "r\u{1}sia-and-us");
        assert_eq!(full_id(&short, "us", "russia"), "russia-and-us");
    }

    #[test]
    fn a_story_read_from_the_wire_is_refused_when_anything_in_it_points_nowhere() {
        use crate::{Focus, RelationKind};
        let good = sample_story();
        assert!(good.is_consistent());
        let mut bad = Vec::new();
        let mut s = good.clone();
        s.mentions.push(3);
        bad.push(("a mention of a fourth actor", s));
        for (what, from, to) in [("from", 3, 0), ("to", 0, 3)] {
            let mut s = good.clone();
            (s.relations[0].from, s.relations[0].to) = (from, to);
            bad.push((what, s));
        }
        let mut s = good.clone();
        s.relations[0].sentences = (3, 2);
        bad.push(("sentences out of order", s));
        let mut s = good.clone();
        s.nodes[1][0].actor = 3;
        bad.push(("a compact node of a fourth actor", s));
        let mut s = good.clone();
        s.words.kinds.pop();
        bad.push(("a kind without its word", s));
        let mut s = good.clone();
        s.words.node.forms.pop();
        bad.push(("a plural without a form for each category", s));
        let mut s = good.clone();
        s.words.plurals.categories.clear();
        for p in [
            &mut s.words.named,
            &mut s.words.in_the_text,
            &mut s.words.caption_actor,
            &mut s.words.node,
        ] {
            p.forms.clear();
        }
        bad.push(("no plural categories at all", s));
        for (what, s) in bad {
            assert!(!s.is_consistent(), "{what}");
        }
        // A relation over one sentence is in order.
        let mut s = good.clone();
        s.relations[0].sentences = (2, 2);
        assert!(s.is_consistent());
        // Deep links: each one written is read back, and nothing else is.
        for focus in [Focus::Actor(2), Focus::Relation(1)] {
            assert_eq!(good.parse_hash(&good.hash_of(focus)), Some(focus));
        }
        assert_eq!(good.hash_of(Focus::Actor(1)), "#actor=b");
        assert_eq!(good.hash_of(Focus::Relation(0)), "#relation=a-b");
        for other in ["", "#actor=z", "#relation=a", "#x=a"] {
            assert_eq!(good.parse_hash(other), None, "{other}");
        }
        assert!(RelationKind::Insult.directed() && !RelationKind::Feud.directed());
    }

    proptest! {
        /// Whatever the ids, the id read back is the id written.
        #[test]
        fn the_short_id_reads_back_as_the_id(
            id in "[a-z0-9-]{1,30}", from in "[a-z0-9-]{1,8}", to in "[a-z0-9-]{1,8}"
        ) {
            prop_assert_eq!(full_id(&short_id(&id, &from, &to), &from, &to), id);
        }
    }
}
