//! Pure core of the explorable article: the compiled document the page renders, how mentions are
//! found in the text, where a hover card goes, and how a card reacts to a reader. No web APIs here,
//! so all of it is tested natively with `cargo test`.

pub mod interaction;
pub mod layout;
pub mod placement;
pub mod segment;
pub mod sentence;
#[cfg(feature = "source")]
pub mod source;

/// Index of a mention in reading order across the whole document (title first).
pub type MentionId = u16;
/// Index of an actor in [`Document::actors`].
pub type ActorId = u16;
/// Index of a sentence in reading order across the whole document (title first).
pub type SentenceId = u16;
/// Index of a relation in [`Document::relations`].
pub type RelationId = u16;

/// The whole article as the page renders it: text split into plain runs and mentions, plus the actors.
#[derive(Debug, PartialEq)]
pub struct Document {
    pub title: Block,
    pub paragraphs: &'static [Block],
    pub actors: &'static [Actor],
    pub mentions: &'static [Mention],
    pub relations: &'static [Relation],
    pub graph: Graph,
}

/// A headline or a paragraph: its text, cut into segments that concatenate to the source verbatim.
#[derive(Debug, PartialEq)]
pub struct Block {
    pub segments: &'static [Segment],
}

/// A run of text within one sentence; `mention` is set when the run names an actor.
#[derive(Debug, PartialEq)]
pub struct Segment {
    pub text: &'static str,
    pub mention: Option<MentionId>,
    pub sentence: SentenceId,
}

/// One place where the article names an actor.
#[derive(Debug, PartialEq)]
pub struct Mention {
    pub actor: ActorId,
    /// 0 is the headline, 1.. are the paragraphs.
    pub block: u16,
}

/// Someone or something the article names, with what a reader needs to know about it in this story.
#[derive(Debug, PartialEq)]
pub struct Actor {
    pub id: &'static str,
    pub name: &'static str,
    /// The name as the relation graph labels it.
    pub short: &'static str,
    pub kind: Kind,
    pub role: &'static str,
    pub description: &'static str,
    /// Every mention of this actor, in reading order.
    pub mentions: &'static [MentionId],
    /// Every relation this actor takes part in, in the order of the content file.
    pub relations: &'static [RelationId],
}

/// Something the article says about two actors, with the words that say it.
#[derive(Debug, PartialEq)]
pub struct Relation {
    pub id: &'static str,
    pub kind: RelationKind,
    pub from: ActorId,
    pub to: ActorId,
    /// Read between the two names: "Milei — insulted — Lula".
    pub label: &'static str,
    /// Verbatim from the article.
    pub quote: &'static str,
    /// The sentences the quote lies in (first and last; usually the same).
    pub sentences: (SentenceId, SentenceId),
}

/// What sort of relation this is; each is drawn its own way (colour and line style) in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    /// The word used in the content files and in CSS classes.
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

    /// The legend's words for it.
    pub fn label(self) -> &'static str {
        match self {
            RelationKind::Insult => "Insult or denunciation",
            RelationKind::Feud => "Feud or spat",
            RelationKind::Rupture => "Recall or strained ties",
            RelationKind::Alliance => "Ally or meeting",
            RelationKind::Trade => "Trade or investment",
            RelationKind::Negotiation => "Negotiation",
            RelationKind::Outside => "Not a member",
            RelationKind::Rivalry => "Rivalry",
            RelationKind::Leadership => "Leads or holds office",
            RelationKind::Comparison => "Likened to",
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
}

/// The relation graph, laid out at build time in two shapes: wide, and compact for narrow screens.
#[derive(Debug, PartialEq)]
pub struct Graph {
    pub wide: GraphLayout,
    pub compact: GraphLayout,
}

/// One layout of the graph, in SVG user units.
#[derive(Debug, PartialEq)]
pub struct GraphLayout {
    pub width: u16,
    pub height: u16,
    /// The actors that take part in a relation.
    pub nodes: &'static [GraphNode],
    /// The SVG path of each relation, indexed like [`Document::relations`].
    pub edges: &'static [&'static str],
}

#[derive(Debug, PartialEq)]
pub struct GraphNode {
    pub actor: ActorId,
    pub x: i16,
    pub y: i16,
}

/// What sort of actor this is; shown on the card and used for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    /// The word used in the content files.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Country => "country",
            Kind::Organisation => "organisation",
            Kind::Company => "company",
        }
    }

    /// The label a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "Person",
            Kind::Country => "Country",
            Kind::Organisation => "Bloc or organisation",
            Kind::Company => "Company",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
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

impl Block {
    /// The block's text exactly as in the source file.
    pub fn text(&self) -> String {
        self.segments.iter().map(|s| s.text).collect()
    }
}

impl Document {
    /// The headline followed by the paragraphs, numbered as in [`Mention::block`].
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        std::iter::once(&self.title).chain(self.paragraphs.iter())
    }

    pub fn actor_of(&self, mention: MentionId) -> &Actor {
        &self.actors[self.mentions[mention as usize].actor as usize]
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
                let actor = &self.actors[a as usize];
                // A handful of actors: a linear check keeps sorting code out of the wasm.
                let mut actors = vec![a];
                for &r in actor.relations {
                    let other = self.other_end(r, a);
                    if !actors.contains(&other) {
                        actors.push(other);
                    }
                }
                Emphasis {
                    actors,
                    relations: actor.relations.to_vec(),
                    mentions: actor.mentions.to_vec(),
                    sentences: None,
                }
            }
            Some(Focus::Relation(r)) => {
                let rel = &self.relations[r as usize];
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

    /// The deep link for a focus, as [`Document::parse_hash`] reads it.
    pub fn hash_of(&self, focus: Focus) -> String {
        match focus {
            Focus::Actor(a) => format!("#actor={}", self.actors[a as usize].id),
            Focus::Relation(r) => format!("#relation={}", self.relations[r as usize].id),
        }
    }

    /// The sentences of a block, as the (first, last) ids of its segments.
    pub fn sentences_of(&self, block: &Block) -> (SentenceId, SentenceId) {
        let first = block.segments.first().map_or(0, |s| s.sentence);
        let last = block.segments.last().map_or(0, |s| s.sentence);
        (first, last)
    }

    /// The other actor of a relation, seen from `actor`.
    pub fn other_end(&self, relation: RelationId, actor: ActorId) -> ActorId {
        let r = &self.relations[relation as usize];
        if r.from == actor {
            r.to
        } else {
            r.from
        }
    }

    /// The mention's position among its actor's mentions: (0-based index, count).
    pub fn mention_ordinal(&self, mention: MentionId) -> (usize, usize) {
        let list = self.actor_of(mention).mentions;
        let index = list.iter().position(|&m| m == mention).unwrap_or(0);
        (index, list.len())
    }

    /// The actor's mention `step` places after (or before, if negative) this one, wrapping around.
    pub fn step_mention(&self, mention: MentionId, step: i32) -> MentionId {
        let list = self.actor_of(mention).mentions;
        let (index, len) = self.mention_ordinal(mention);
        let len = len as i32;
        list[(index as i32 + step).rem_euclid(len) as usize]
    }
}
