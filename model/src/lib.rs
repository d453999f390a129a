//! Pure core of the explorable article: the compiled document the page renders, how mentions are
//! found in the text, where a hover card goes, and how a card reacts to a reader. No web APIs here,
//! so all of it is tested natively with `cargo test`.

pub mod interaction;
pub mod placement;
pub mod segment;
#[cfg(feature = "source")]
pub mod source;

/// Index of a mention in reading order across the whole document (title first).
pub type MentionId = u16;
/// Index of an actor in [`Document::actors`].
pub type ActorId = u16;

/// The whole article as the page renders it: text split into plain runs and mentions, plus the actors.
#[derive(Debug, PartialEq)]
pub struct Document {
    pub title: Block,
    pub paragraphs: &'static [Block],
    pub actors: &'static [Actor],
    pub mentions: &'static [Mention],
}

/// A headline or a paragraph: its text, cut into segments that concatenate to the source verbatim.
#[derive(Debug, PartialEq)]
pub struct Block {
    pub segments: &'static [Segment],
}

/// A run of text; `mention` is set when the run names an actor.
#[derive(Debug, PartialEq)]
pub struct Segment {
    pub text: &'static str,
    pub mention: Option<MentionId>,
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
    pub kind: Kind,
    pub role: &'static str,
    pub description: &'static str,
    /// Every mention of this actor, in reading order.
    pub mentions: &'static [MentionId],
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

    pub fn actor_by_id(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
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
