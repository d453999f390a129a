//! The page's element ids, typed: the one contract between the prerendered markup, the browser
//! side, `web/boot.js` and the tests. Every id is written with [`DomId`]'s `Display` and read back
//! with its `FromStr`; [`contract`] describes the scheme for the scripts that cannot link this crate.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::{ActorId, MentionId, RelationId, RelationKind, SentenceId};

/// The two shapes the graph is laid out in: wide, and compact for narrow screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    Wide,
    Compact,
}

impl Layout {
    pub const ALL: [Layout; 2] = [Layout::Wide, Layout::Compact];

    /// The layout's tag in ids (`xa-n-w-3`, `xa-n-c-3`).
    pub fn tag(self) -> char {
        match self {
            Layout::Wide => 'w',
            Layout::Compact => 'c',
        }
    }

    /// Index into per-layout arrays.
    pub fn index(self) -> usize {
        match self {
            Layout::Wide => 0,
            Layout::Compact => 1,
        }
    }

    fn from_tag(tag: &str) -> Option<Layout> {
        match tag {
            "w" => Some(Layout::Wide),
            "c" => Some(Layout::Compact),
            _ => None,
        }
    }
}

/// An element of the page that something refers to by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DomId {
    /// The element the page is rendered into.
    App,
    /// The headline.
    Title,
    Mention(MentionId),
    Sentence(SentenceId),
    /// The cards switch, and the hint beside it.
    Switch,
    Hint,
    /// The graph's figure heading, the target of "Who does what to whom ↓".
    GraphTitle,
    /// One layout's `<svg>`.
    Graph(Layout),
    Node(Layout, ActorId),
    /// A node's visible label (drawn over the lines; answers the pointer like its node).
    Label(Layout, ActorId),
    Edge(Layout, RelationId),
    Arrow(Layout, RelationKind),
    /// A legend button, which shows or hides one relation type.
    Legend(RelationKind),
    CaptionName,
    CaptionText,
    CaptionQuote,
    /// The empty element the browser renders the card into, the card, and the card's heading.
    CardHost,
    Card,
    CardName,
    /// The compact layout's geometry, carried as data for `web/boot.js`.
    CompactData,
    /// The article's story, carried in the page as text (see the build tools' `story.rs`).
    Story,
    /// In a frame, the invisible box over the part of the frame the host shows (`web/embed-child.js`
    /// keeps it); cards are placed within it.
    ShownPart,
}

const PREFIX: &str = "xa-";

impl fmt::Display for DomId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(PREFIX)?;
        match *self {
            DomId::App => f.write_str("app"),
            DomId::Title => f.write_str("title"),
            DomId::Mention(m) => write!(f, "m-{m}"),
            DomId::Sentence(s) => write!(f, "s-{s}"),
            DomId::Switch => f.write_str("switch"),
            DomId::Hint => f.write_str("hint"),
            DomId::GraphTitle => f.write_str("graph-title"),
            DomId::Graph(l) => write!(f, "graph-{}", l.tag()),
            DomId::Node(l, a) => write!(f, "n-{}-{a}", l.tag()),
            DomId::Label(l, a) => write!(f, "l-{}-{a}", l.tag()),
            DomId::Edge(l, r) => write!(f, "e-{}-{r}", l.tag()),
            DomId::Arrow(l, k) => write!(f, "arrow-{}-{}", l.tag(), k.key()),
            DomId::Legend(k) => write!(f, "k-{}", k.key()),
            DomId::CaptionName => f.write_str("cap-name"),
            DomId::CaptionText => f.write_str("cap-text"),
            DomId::CaptionQuote => f.write_str("cap-quote"),
            DomId::CardHost => f.write_str("card-host"),
            DomId::Card => f.write_str("card"),
            DomId::CardName => f.write_str("card-name"),
            DomId::CompactData => f.write_str("graph-compact-data"),
            DomId::ShownPart => f.write_str("view"),
            DomId::Story => f.write_str("story"),
        }
    }
}

/// An id that is not one of the page's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAnId;

impl FromStr for DomId {
    type Err = NotAnId;

    fn from_str(id: &str) -> Result<Self, NotAnId> {
        let rest = id.strip_prefix(PREFIX).ok_or(NotAnId)?;
        let fixed = [
            DomId::App,
            DomId::Title,
            DomId::Switch,
            DomId::Hint,
            DomId::GraphTitle,
            DomId::CaptionName,
            DomId::CaptionText,
            DomId::CaptionQuote,
            DomId::CardHost,
            DomId::Card,
            DomId::CardName,
            DomId::CompactData,
            DomId::ShownPart,
            DomId::Story,
        ];
        if let Some(found) = fixed.into_iter().find(|f| f.to_string() == id) {
            return Ok(found);
        }
        let number = |s: &str| -> Result<u16, NotAnId> {
            // Canonical numbers only, so that every id has one spelling.
            if s.is_empty() || (s.len() > 1 && s.starts_with('0')) {
                return Err(NotAnId);
            }
            s.parse().map_err(|_| NotAnId)
        };
        let (kind, rest) = rest.split_once('-').ok_or(NotAnId)?;
        match kind {
            "m" => Ok(DomId::Mention(number(rest)?)),
            "s" => Ok(DomId::Sentence(number(rest)?)),
            "k" => RelationKind::from_key(rest)
                .map(DomId::Legend)
                .ok_or(NotAnId),
            "graph" => Layout::from_tag(rest).map(DomId::Graph).ok_or(NotAnId),
            "n" | "l" | "e" | "arrow" => {
                let (tag, value) = rest.split_once('-').ok_or(NotAnId)?;
                let layout = Layout::from_tag(tag).ok_or(NotAnId)?;
                match kind {
                    "n" => Ok(DomId::Node(layout, number(value)?)),
                    "l" => Ok(DomId::Label(layout, number(value)?)),
                    "e" => Ok(DomId::Edge(layout, number(value)?)),
                    _ => RelationKind::from_key(value)
                        .map(|k| DomId::Arrow(layout, k))
                        .ok_or(NotAnId),
                }
            }
            _ => Err(NotAnId),
        }
    }
}

impl DomId {
    /// The same element in the other layout of the graph (a graph element), or itself.
    pub fn in_layout(self, layout: Layout) -> DomId {
        match self {
            DomId::Graph(_) => DomId::Graph(layout),
            DomId::Node(_, a) => DomId::Node(layout, a),
            DomId::Label(_, a) => DomId::Label(layout, a),
            DomId::Edge(_, r) => DomId::Edge(layout, r),
            DomId::Arrow(_, k) => DomId::Arrow(layout, k),
            other => other,
        }
    }
}

/// The id scheme, for the scripts that cannot link this crate (the browser tests, which read it as
/// JSON): each family of ids as a pattern, `{}` for a number, `{layout}` for a layout's tag and
/// `{kind}` for a relation type's key; the fixed ids by name; the layouts' tags.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contract {
    pub layouts: BTreeMap<&'static str, String>,
    pub families: BTreeMap<&'static str, String>,
    pub fixed: BTreeMap<&'static str, String>,
}

/// The contract, derived from the `Display` above (so it cannot differ from it).
pub fn contract() -> Contract {
    let w = Layout::Wide.tag();
    // A sample id with its variable parts replaced by placeholders.
    let pattern = |id: DomId, number: Option<u16>, kind: Option<RelationKind>| {
        let mut text = id.to_string();
        if matches!(
            id,
            DomId::Graph(_)
                | DomId::Node(..)
                | DomId::Label(..)
                | DomId::Edge(..)
                | DomId::Arrow(..)
        ) {
            text = text.replacen(&format!("-{w}"), "-{layout}", 1);
        }
        if let Some(n) = number {
            text = text.replacen(&n.to_string(), "{}", 1);
        }
        if let Some(k) = kind {
            text = text.replacen(k.key(), "{kind}", 1);
        }
        text
    };
    let (n, k) = (Some(7), Some(RelationKind::Insult));
    let families = [
        ("mention", pattern(DomId::Mention(7), n, None)),
        ("sentence", pattern(DomId::Sentence(7), n, None)),
        ("graph", pattern(DomId::Graph(Layout::Wide), None, None)),
        ("node", pattern(DomId::Node(Layout::Wide, 7), n, None)),
        ("label", pattern(DomId::Label(Layout::Wide, 7), n, None)),
        ("edge", pattern(DomId::Edge(Layout::Wide, 7), n, None)),
        (
            "arrow",
            pattern(DomId::Arrow(Layout::Wide, RelationKind::Insult), None, k),
        ),
        (
            "legend",
            pattern(DomId::Legend(RelationKind::Insult), None, k),
        ),
    ];
    let fixed = [
        ("app", DomId::App),
        ("title", DomId::Title),
        ("switch", DomId::Switch),
        ("hint", DomId::Hint),
        ("graphTitle", DomId::GraphTitle),
        ("captionName", DomId::CaptionName),
        ("captionText", DomId::CaptionText),
        ("captionQuote", DomId::CaptionQuote),
        ("cardHost", DomId::CardHost),
        ("card", DomId::Card),
        ("cardName", DomId::CardName),
        ("compactData", DomId::CompactData),
        ("shownPart", DomId::ShownPart),
        ("story", DomId::Story),
    ];
    Contract {
        layouts: Layout::ALL
            .iter()
            .map(|l| {
                (
                    if *l == Layout::Wide {
                        "wide"
                    } else {
                        "compact"
                    },
                    l.tag().to_string(),
                )
            })
            .collect(),
        families: families.into_iter().collect(),
        fixed: fixed
            .into_iter()
            .map(|(k, id)| (k, id.to_string()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind_of_id() -> Vec<DomId> {
        let mut ids = vec![
            DomId::App,
            DomId::Title,
            DomId::Mention(0),
            DomId::Mention(412),
            DomId::Sentence(9),
            DomId::Switch,
            DomId::Hint,
            DomId::GraphTitle,
            DomId::CaptionName,
            DomId::CaptionText,
            DomId::CaptionQuote,
            DomId::CardHost,
            DomId::Card,
            DomId::CardName,
            DomId::CompactData,
            DomId::ShownPart,
            DomId::Story,
        ];
        for layout in Layout::ALL {
            ids.extend([
                DomId::Graph(layout),
                DomId::Node(layout, 3),
                DomId::Label(layout, 3),
                DomId::Edge(layout, 52),
            ]);
            ids.extend(RelationKind::ALL.map(|k| DomId::Arrow(layout, k)));
        }
        ids.extend(RelationKind::ALL.map(DomId::Legend));
        ids
    }

    #[test]
    fn every_id_reads_back_as_itself() {
        for id in every_kind_of_id() {
            assert_eq!(id.to_string().parse::<DomId>(), Ok(id), "{id}");
        }
    }

    #[test]
    fn ids_are_distinct() {
        let ids = every_kind_of_id();
        let mut texts: Vec<String> = ids.iter().map(DomId::to_string).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), ids.len());
    }

    #[test]
    fn the_spelling_is_the_one_the_page_has_always_used() {
        assert_eq!(DomId::Mention(12).to_string(), "xa-m-12");
        assert_eq!(DomId::Sentence(3).to_string(), "xa-s-3");
        assert_eq!(DomId::Node(Layout::Compact, 4).to_string(), "xa-n-c-4");
        assert_eq!(DomId::Label(Layout::Wide, 4).to_string(), "xa-l-w-4");
        assert_eq!(DomId::Edge(Layout::Wide, 40).to_string(), "xa-e-w-40");
        assert_eq!(
            DomId::Arrow(Layout::Compact, RelationKind::Trade).to_string(),
            "xa-arrow-c-trade"
        );
        assert_eq!(DomId::Card.to_string(), "xa-card");
        assert_eq!(DomId::CardName.to_string(), "xa-card-name");
    }

    #[test]
    fn other_ids_are_not_ours() {
        for id in [
            "",
            "xa-",
            "m-1",
            "xa-m-",
            "xa-m-01",
            "xa-m-x",
            "xa-m-70000",
            "xa-n-q-1",
            "xa-n-w",
            "xa-e-w-1-2",
            "xa-k-hugs",
            "xa-cardx",
            "XA-M-1",
        ] {
            assert_eq!(id.parse::<DomId>(), Err(NotAnId), "{id:?}");
        }
    }

    #[test]
    fn the_contract_describes_the_ids() {
        let c = contract();
        assert_eq!(c.families["mention"], "xa-m-{}");
        assert_eq!(c.families["node"], "xa-n-{layout}-{}");
        assert_eq!(c.families["graph"], "xa-graph-{layout}");
        assert_eq!(c.families["arrow"], "xa-arrow-{layout}-{kind}");
        assert_eq!(c.families["legend"], "xa-k-{kind}");
        assert_eq!(c.fixed["card"], "xa-card");
        assert_eq!(c.layouts["compact"], "c");
    }
}
