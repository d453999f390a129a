//! The markup rules, in one place: what the page's elements show (classes, attributes, text) for a
//! reader's state. The prerendered page is rendered from [`View::of`] the initial state; in the
//! browser, after every event, [`View::patches`] says what changed from the last view, and the
//! browser side applies exactly that. Both go through the element rules below ([`MentionView`],
//! [`NodeView`]…), so the markup the page starts with and the markup the browser writes cannot
//! drift apart (a test renders states both ways and compares).

use crate::reader::Reader;
use crate::words::{fill, Words};
use crate::{
    ActorId, Anchor, DomId, Emphasis, Focus, KindSet, Layout, MentionId, RelationId, RelationKind,
    SentenceId, Story,
};

/// The class that marks an open mention, a highlighted one, a sentence of evidence…
pub mod class {
    pub const OPEN: &str = "xa-open";
    pub const HIGHLIGHT: &str = "xa-hl";
    pub const EVIDENCE: &str = "xa-ev";
    pub const EMPHASIS: &str = "xa-em";
    pub const SELECTED: &str = "xa-sel";
    pub const HIDDEN: &str = "xa-hidden";
    pub const DIM: &str = "xa-dim";
}

/// What the page shows for a state: everything in the markup that the reader can change.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The browser side runs: only then are names said to open a card (`aria-haspopup`,
    /// `aria-expanded`). Without it (no JavaScript, or a runtime that did not start) they are plain
    /// links, and say so.
    pub interactive: bool,
    /// Names are links that open cards (else plain text).
    pub marked: bool,
    /// The switch's state.
    pub switch_on: bool,
    /// The mention whose card is in the page.
    pub open: Option<MentionId>,
    /// What the graph emphasises (pointed at, or else selected).
    pub active: Option<Focus>,
    pub selected: Option<Focus>,
    pub hidden: KindSet,
    /// Each layout's Tab stops: (node, edge).
    pub stops: [(Option<ActorId>, Option<RelationId>); 2],
    emphasis: Emphasis,
}

/// One change to the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Patch {
    Class {
        id: DomId,
        class: &'static str,
        on: bool,
    },
    /// Sets an attribute, or removes it (`None`).
    Attr {
        id: DomId,
        name: &'static str,
        value: Option<String>,
    },
    Text {
        id: DomId,
        text: String,
    },
    /// The names become links again (`true`) or plain text (`false`), their words unchanged.
    Marked(bool),
}

/// A mention's changing state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionView {
    pub interactive: bool,
    pub open: bool,
    pub highlighted: bool,
}

impl MentionView {
    pub fn classes(self) -> [(&'static str, bool); 2] {
        [
            (class::OPEN, self.open),
            (class::HIGHLIGHT, self.highlighted),
        ]
    }

    /// The name opens a card (a non-modal dialog) only once the browser side runs.
    pub fn aria_haspopup(self) -> Option<&'static str> {
        self.interactive.then_some("dialog")
    }

    pub fn aria_expanded(self) -> Option<&'static str> {
        self.interactive.then_some(aria_bool(self.open))
    }

    /// Only an open mention points at the card: there is no other.
    pub fn aria_controls(self) -> Option<String> {
        self.open.then(|| DomId::Card.to_string())
    }
}

/// A node's changing state, in one layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeView {
    /// The browser side runs: only then is the node a button, with a name and a place in the Tab
    /// order (without it the graph is a picture, and the table under it its words).
    pub interactive: bool,
    pub emphasised: bool,
    pub selected: bool,
    pub tab_stop: bool,
}

impl NodeView {
    pub fn classes(self) -> [(&'static str, bool); 2] {
        [
            (class::EMPHASIS, self.emphasised),
            (class::SELECTED, self.selected),
        ]
    }

    pub fn tabindex(self) -> Option<&'static str> {
        tabindex(self.interactive, self.tab_stop)
    }

    pub fn role(self) -> Option<&'static str> {
        self.interactive.then_some("button")
    }

    /// The chosen node (its card open from the graph) is the current one of the graph's buttons:
    /// the class shows it, this says it.
    pub fn aria_current(self) -> Option<&'static str> {
        (self.interactive && self.selected).then_some("true")
    }
}

/// An edge's changing state, in one layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeView {
    /// As for [`NodeView::interactive`].
    pub interactive: bool,
    pub emphasised: bool,
    pub selected: bool,
    pub hidden: bool,
    pub tab_stop: bool,
}

impl EdgeView {
    pub fn classes(self) -> [(&'static str, bool); 3] {
        [
            (class::EMPHASIS, self.emphasised),
            (class::SELECTED, self.selected),
            (class::HIDDEN, self.hidden),
        ]
    }

    pub fn tabindex(self) -> Option<&'static str> {
        tabindex(self.interactive, self.tab_stop)
    }

    pub fn role(self) -> Option<&'static str> {
        self.interactive.then_some("button")
    }

    /// As for [`NodeView::aria_current`]: the chosen line, its quote shown.
    pub fn aria_current(self) -> Option<&'static str> {
        (self.interactive && self.selected).then_some("true")
    }
}

/// A graph element's place in the Tab order: the layout's one stop, else reachable by the arrow
/// keys; none while the page is not interactive.
fn tabindex(interactive: bool, stop: bool) -> Option<&'static str> {
    interactive.then_some(if stop { "0" } else { "-1" })
}

/// `"true"` or `"false"`, as ARIA writes a boolean.
pub fn aria_bool(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

impl View {
    /// What the page shows for `reader`'s state.
    pub fn of(story: &Story, reader: &Reader) -> View {
        let active = reader.active();
        View {
            interactive: reader.interactive,
            marked: reader.cards_on(),
            switch_on: reader.cards_chosen,
            open: match reader.card_shown {
                Some(Anchor::Mention(m)) => Some(m),
                _ => None,
            },
            active,
            selected: reader.selected,
            hidden: reader.hidden,
            stops: reader.stops.map(|s| (s.node, s.edge)),
            emphasis: story.emphasis(active),
        }
    }

    pub fn mention(&self, story: &Story, m: MentionId) -> MentionView {
        MentionView {
            interactive: self.interactive,
            open: self.open == Some(m),
            highlighted: matches!(self.active, Some(Focus::Actor(a)) if story.mentions[usize::from(m)] == a),
        }
    }

    /// Whether a sentence is the evidence of the relation the graph points at.
    pub fn evidence(&self, sentence: SentenceId) -> bool {
        self.emphasis
            .sentences
            .is_some_and(|(from, to)| from <= sentence && sentence <= to)
    }

    pub fn node(&self, layout: Layout, actor: ActorId) -> NodeView {
        NodeView {
            interactive: self.interactive,
            emphasised: self.emphasis.actors.contains(&actor),
            selected: self.selected == Some(Focus::Actor(actor)),
            tab_stop: self.stops[layout.index()].0 == Some(actor),
        }
    }

    /// Whether a node's label is emphasised (with its node).
    pub fn label(&self, actor: ActorId) -> bool {
        self.emphasis.actors.contains(&actor)
    }

    pub fn edge(&self, story: &Story, layout: Layout, relation: RelationId) -> EdgeView {
        EdgeView {
            interactive: self.interactive,
            emphasised: self.emphasis.relations.contains(&relation),
            selected: self.selected == Some(Focus::Relation(relation)),
            hidden: self.hidden.contains(story.relation(relation).kind),
            tab_stop: self.stops[layout.index()].1 == Some(relation),
        }
    }

    /// The graph's role and name once the page is interactive: a group of buttons, named with how
    /// to use it. Until then it is hidden from assistive technology, a picture whose words the
    /// table under it holds.
    pub fn graph_role(&self) -> Option<&'static str> {
        self.interactive.then_some("group")
    }

    pub fn graph_name<'w>(&self, words: &'w Words) -> Option<&'w str> {
        self.interactive.then_some(words.graph.as_str())
    }

    pub fn graph_hidden(&self) -> Option<&'static str> {
        (!self.interactive).then_some("true")
    }

    /// Whether the graph dims what is not emphasised.
    pub fn dim(&self) -> bool {
        self.active.is_some()
    }

    /// Whether a legend button is pressed (its type shows).
    pub fn legend(&self, kind: RelationKind) -> bool {
        !self.hidden.contains(kind)
    }

    pub fn hint<'w>(&self, words: &'w Words) -> &'w str {
        if self.switch_on {
            &words.hint_on
        } else {
            &words.hint_off
        }
    }

    /// The caption under the graph: a relation's name, a line of text, a quote (set off as a
    /// quotation by its style, not by added quote marks, which would clash with the quote's own).
    pub fn caption(&self, story: &Story) -> (String, String, String) {
        let words = &story.words;
        match self.active {
            Some(Focus::Actor(a)) => {
                let n = story.relations_of(a).len();
                let text = fill(
                    words.plurals.pick(&words.caption_actor, n),
                    &[("name", &story.actor(a).name), ("n", &n.to_string())],
                );
                (String::new(), text, String::new())
            }
            Some(Focus::Relation(r)) => (
                relation_name(story, r),
                String::new(),
                story.relation(r).quote.clone(),
            ),
            None => (String::new(), words.caption_idle.clone(), String::new()),
        }
    }

    /// What changed from `old` to `self`, element by element, touching only what changed.
    pub fn patches(&self, story: &Story, old: &View) -> Vec<Patch> {
        let mut out = Vec::new();
        if old.marked != self.marked {
            out.push(Patch::Marked(self.marked));
        }
        if old.switch_on != self.switch_on {
            out.push(Patch::Attr {
                id: DomId::Switch,
                name: "aria-pressed",
                value: Some(aria_bool(self.switch_on).into()),
            });
            out.push(Patch::Text {
                id: DomId::Hint,
                text: self.hint(&story.words).into(),
            });
        }
        self.mention_patches(story, old, &mut out);
        self.sentence_patches(old, &mut out);
        self.graph_patches(story, old, &mut out);
        if old.hidden != self.hidden {
            for kind in RelationKind::ALL {
                if old.legend(kind) != self.legend(kind) {
                    out.push(Patch::Attr {
                        id: DomId::Legend(kind),
                        name: "aria-pressed",
                        value: Some(aria_bool(self.legend(kind)).into()),
                    });
                }
            }
        }
        if old.active != self.active {
            let (was, now) = (old.caption(story), self.caption(story));
            for (id, was, now) in [
                (DomId::CaptionName, was.0, now.0),
                (DomId::CaptionText, was.1, now.1),
                (DomId::CaptionQuote, was.2, now.2),
            ] {
                if was != now {
                    out.push(Patch::Text { id, text: now });
                }
            }
        }
        out
    }

    /// The names in the text: all of them when the browser side takes over, else the open one and
    /// the highlighted ones, before and after.
    fn mention_patches(&self, story: &Story, old: &View, out: &mut Vec<Patch>) {
        let mut mentions: Vec<MentionId> = old.open.into_iter().chain(self.open).collect();
        if old.interactive != self.interactive {
            mentions.extend(0..story.mentions.len() as MentionId);
        }
        mentions.extend(&old.emphasis.mentions);
        mentions.extend(&self.emphasis.mentions);
        for m in dedup(mentions) {
            let (was, now) = (old.mention(story, m), self.mention(story, m));
            if was == now {
                continue;
            }
            let id = DomId::Mention(m);
            classes(out, id, &was.classes(), &now.classes());
            if was.interactive != now.interactive {
                out.push(Patch::Attr {
                    id,
                    name: "aria-haspopup",
                    value: now.aria_haspopup().map(Into::into),
                });
            }
            if was.aria_expanded() != now.aria_expanded() {
                out.push(Patch::Attr {
                    id,
                    name: "aria-expanded",
                    value: now.aria_expanded().map(Into::into),
                });
            }
            if was.aria_controls() != now.aria_controls() {
                out.push(Patch::Attr {
                    id,
                    name: "aria-controls",
                    value: now.aria_controls(),
                });
            }
        }
    }

    /// The sentences of evidence, before and after.
    fn sentence_patches(&self, old: &View, out: &mut Vec<Patch>) {
        let sentences = [old.emphasis.sentences, self.emphasis.sentences];
        for (from, to) in sentences.into_iter().flatten() {
            for s in from..=to {
                if old.evidence(s) != self.evidence(s) {
                    out.push(Patch::Class {
                        id: DomId::Sentence(s),
                        class: class::EVIDENCE,
                        on: self.evidence(s),
                    });
                }
            }
        }
    }

    /// The graph's nodes, labels and edges whose state may have changed, in both layouts; all of
    /// them, with their roles and names, when the page becomes interactive.
    fn graph_patches(&self, story: &Story, old: &View, out: &mut Vec<Patch>) {
        let mut actors: Vec<ActorId> = old.emphasis.actors.clone();
        actors.extend(&self.emphasis.actors);
        let mut relations: Vec<RelationId> = old.emphasis.relations.clone();
        relations.extend(&self.emphasis.relations);
        for focus in [old.selected, self.selected].into_iter().flatten() {
            match focus {
                Focus::Actor(a) => actors.push(a),
                Focus::Relation(r) => relations.push(r),
            }
        }
        for (was, now) in old.stops.iter().zip(&self.stops) {
            actors.extend(was.0.into_iter().chain(now.0));
            relations.extend(was.1.into_iter().chain(now.1));
        }
        let started = old.interactive != self.interactive;
        if old.hidden != self.hidden || started {
            relations.extend(0..story.relations.len() as RelationId);
        }
        if started {
            actors.extend(story.nodes(Layout::Wide).iter().map(|n| n.actor));
        }
        let (actors, relations) = (dedup(actors), dedup(relations));
        let attr = |out: &mut Vec<Patch>, id, name, value: Option<&str>| {
            out.push(Patch::Attr {
                id,
                name,
                value: value.map(Into::into),
            })
        };
        for layout in Layout::ALL {
            if story.nodes(layout).is_empty() {
                continue;
            }
            if started {
                let id = DomId::Graph(layout);
                attr(out, id, "role", self.graph_role());
                attr(out, id, "aria-label", self.graph_name(&story.words));
                attr(out, id, "aria-hidden", self.graph_hidden());
            }
            for &a in &actors {
                let (was, now) = (old.node(layout, a), self.node(layout, a));
                let id = DomId::Node(layout, a);
                classes(out, id, &was.classes(), &now.classes());
                if started {
                    let name = self.interactive.then(|| node_name(story, a));
                    attr(out, id, "role", now.role());
                    attr(out, id, "aria-label", name.as_deref());
                }
                if was.tabindex() != now.tabindex() {
                    attr(out, id, "tabindex", now.tabindex());
                }
                if was.aria_current() != now.aria_current() {
                    attr(out, id, "aria-current", now.aria_current());
                }
                if old.label(a) != self.label(a) {
                    out.push(Patch::Class {
                        id: DomId::Label(layout, a),
                        class: class::EMPHASIS,
                        on: self.label(a),
                    });
                }
            }
            for &r in &relations {
                let (was, now) = (old.edge(story, layout, r), self.edge(story, layout, r));
                let id = DomId::Edge(layout, r);
                classes(out, id, &was.classes(), &now.classes());
                if started {
                    let name = self.interactive.then(|| edge_name(story, r));
                    attr(out, id, "role", now.role());
                    attr(out, id, "aria-label", name.as_deref());
                }
                if was.tabindex() != now.tabindex() {
                    attr(out, id, "tabindex", now.tabindex());
                }
                if was.aria_current() != now.aria_current() {
                    attr(out, id, "aria-current", now.aria_current());
                }
            }
            if old.dim() != self.dim() {
                out.push(Patch::Class {
                    id: DomId::Graph(layout),
                    class: class::DIM,
                    on: self.dim(),
                });
            }
        }
    }
}

/// A node's accessible name: who (its label first, so speech input can use what it shows), of
/// what kind, with how many relations: "Milei: Javier Milei, Person: 15 relations".
pub fn node_name(story: &Story, actor: ActorId) -> String {
    let (a, words) = (story.actor(actor), &story.words);
    let who = if a.short == a.name {
        a.name.clone()
    } else {
        fill(&words.node_who, &[("short", &a.short), ("name", &a.name)])
    };
    let n = story.relations_of(actor).len();
    fill(
        words.plurals.pick(&words.node, n),
        &[
            ("who", &who),
            ("kind", words.kind(a.kind)),
            ("n", &n.to_string()),
        ],
    )
}

/// An edge's accessible name: the relation, then its quote.
pub fn edge_name(story: &Story, relation: RelationId) -> String {
    fill(
        &story.words.edge,
        &[
            ("relation", &relation_name(story, relation)),
            ("quote", &story.relation(relation).quote),
        ],
    )
}

/// One line of the graph, as a reader hears or reads it: "Milei — insulted — Lula".
pub fn relation_name(story: &Story, relation: RelationId) -> String {
    let r = story.relation(relation);
    fill(
        &story.words.relation,
        &[
            ("from", &story.actor(r.from).short),
            ("label", &r.label),
            ("to", &story.actor(r.to).short),
        ],
    )
}

fn classes(
    out: &mut Vec<Patch>,
    id: DomId,
    was: &[(&'static str, bool)],
    now: &[(&'static str, bool)],
) {
    for (&(class, before), &(_, after)) in was.iter().zip(now) {
        if before != after {
            out.push(Patch::Class {
                id,
                class,
                on: after,
            });
        }
    }
}

/// The items of `list`, each once, in first-seen order (a handful: no sorting code in the wasm).
fn dedup<T: PartialEq + Copy>(list: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(list.len());
    for x in list {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::flags::Flags;
    use crate::reader::{CardAction, Event, Key, Point, Target};
    use crate::testing::sample_story;

    /// Every changing thing of every element, as the page would hold it for `view`: class names
    /// that are on, attributes, texts, and whether names are marked.
    fn page(story: &Story, view: &View) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let mut put = |id: DomId, what: &str, value: String| {
            out.insert(format!("{id} {what}"), value);
        };
        for m in 0..story.mentions.len() as MentionId {
            let v = view.mention(story, m);
            for (c, on) in v.classes() {
                put(DomId::Mention(m), c, on.to_string());
            }
            put(
                DomId::Mention(m),
                "aria-haspopup",
                format!("{:?}", v.aria_haspopup()),
            );
            put(
                DomId::Mention(m),
                "aria-expanded",
                format!("{:?}", v.aria_expanded()),
            );
            put(
                DomId::Mention(m),
                "aria-controls",
                format!("{:?}", v.aria_controls()),
            );
        }
        for s in 0..10 {
            put(
                DomId::Sentence(s),
                class::EVIDENCE,
                view.evidence(s).to_string(),
            );
        }
        for layout in Layout::ALL {
            for n in story.nodes(layout) {
                let v = view.node(layout, n.actor);
                let id = DomId::Node(layout, n.actor);
                for (c, on) in v.classes() {
                    put(id, c, on.to_string());
                }
                put(id, "tabindex", v.tabindex().unwrap_or_default().into());
                put(id, "role", v.role().unwrap_or_default().into());
                put(
                    id,
                    "aria-current",
                    v.aria_current().unwrap_or_default().into(),
                );
                let name = v.interactive.then(|| node_name(story, n.actor));
                put(id, "aria-label", name.unwrap_or_default());
                put(
                    DomId::Label(layout, n.actor),
                    class::EMPHASIS,
                    view.label(n.actor).to_string(),
                );
            }
            for r in 0..story.relations.len() as RelationId {
                let v = view.edge(story, layout, r);
                let id = DomId::Edge(layout, r);
                for (c, on) in v.classes() {
                    put(id, c, on.to_string());
                }
                put(id, "tabindex", v.tabindex().unwrap_or_default().into());
                put(id, "role", v.role().unwrap_or_default().into());
                put(
                    id,
                    "aria-current",
                    v.aria_current().unwrap_or_default().into(),
                );
                let name = v.interactive.then(|| edge_name(story, r));
                put(id, "aria-label", name.unwrap_or_default());
            }
            let id = DomId::Graph(layout);
            put(id, class::DIM, view.dim().to_string());
            put(id, "role", view.graph_role().unwrap_or_default().into());
            let name = view.graph_name(&story.words).unwrap_or_default();
            put(id, "aria-label", name.into());
            put(
                id,
                "aria-hidden",
                view.graph_hidden().unwrap_or_default().into(),
            );
        }
        for kind in RelationKind::ALL {
            put(
                DomId::Legend(kind),
                "aria-pressed",
                aria_bool(view.legend(kind)).into(),
            );
        }
        put(
            DomId::Switch,
            "aria-pressed",
            aria_bool(view.switch_on).into(),
        );
        put(DomId::Hint, "text", view.hint(&story.words).into());
        let (name, text, quote) = view.caption(story);
        put(DomId::CaptionName, "text", name);
        put(DomId::CaptionText, "text", text);
        put(DomId::CaptionQuote, "text", quote);
        put(DomId::App, "marked", view.marked.to_string());
        out
    }

    /// `page` with `patches` applied, as the browser side applies them.
    fn apply(mut page: BTreeMap<String, String>, patches: &[Patch]) -> BTreeMap<String, String> {
        for p in patches {
            let (key, value) = match p {
                Patch::Class { id, class, on } => (format!("{id} {class}"), on.to_string()),
                Patch::Attr { id, name, value } => {
                    let v = match (*name, value) {
                        ("aria-controls" | "aria-haspopup" | "aria-expanded", v) => {
                            format!("{v:?}")
                        }
                        (_, Some(v)) => v.clone(),
                        (_, None) => String::new(),
                    };
                    (format!("{id} {name}"), v)
                }
                Patch::Text { id, text } => (format!("{id} text"), text.clone()),
                Patch::Marked(on) => (format!("{} marked", DomId::App), on.to_string()),
            };
            assert!(
                page.contains_key(&key),
                "a patch for something the page does not have: {key}"
            );
            page.insert(key, value);
        }
        page
    }

    const AT: Point = Point { x: 1.0, y: 1.0 };

    /// Every class the view turns on or off is one the stylesheet styles.
    #[test]
    fn the_stylesheet_styles_every_class_the_view_sets() {
        let css = include_str!("../../style/article.css");
        for c in [
            class::OPEN,
            class::HIGHLIGHT,
            class::EVIDENCE,
            class::EMPHASIS,
            class::SELECTED,
            class::HIDDEN,
            class::DIM,
        ] {
            assert!(
                css.contains(&format!(".{c}")),
                "style/article.css has no .{c}"
            );
        }
    }

    #[test]
    fn a_mention_says_it_opens_a_card_only_once_the_page_is_interactive() {
        let m = |interactive, open, highlighted| MentionView {
            interactive,
            open,
            highlighted,
        };
        let still = m(false, false, false);
        assert_eq!((still.aria_haspopup(), still.aria_expanded()), (None, None));
        let closed = m(true, false, false);
        assert_eq!(closed.aria_haspopup(), Some("dialog"));
        assert_eq!(closed.aria_expanded(), Some("false"));
        assert_eq!(closed.aria_controls(), None);
        let open = m(true, true, false);
        assert_eq!(open.aria_expanded(), Some("true"));
        assert_eq!(open.aria_controls(), Some(DomId::Card.to_string()));
        assert_eq!(
            open.classes(),
            [(class::OPEN, true), (class::HIGHLIGHT, false)]
        );
        assert_eq!(
            m(true, false, true).classes(),
            [(class::OPEN, false), (class::HIGHLIGHT, true)]
        );
    }

    #[test]
    fn a_node_or_line_is_a_button_with_one_tab_stop_and_says_when_it_is_current() {
        let node = |interactive, selected, tab_stop| NodeView {
            interactive,
            emphasised: selected,
            selected,
            tab_stop,
        };
        let picture = node(false, true, true);
        assert_eq!(
            (picture.role(), picture.tabindex(), picture.aria_current()),
            (None, None, None),
            "prerendered: a picture"
        );
        assert_eq!(node(true, false, true).tabindex(), Some("0"));
        assert_eq!(node(true, false, false).tabindex(), Some("-1"));
        assert_eq!(node(true, false, false).role(), Some("button"));
        assert_eq!(node(true, true, false).aria_current(), Some("true"));
        assert_eq!(node(true, false, false).aria_current(), None);
        assert_eq!(
            node(true, true, false).classes(),
            [(class::EMPHASIS, true), (class::SELECTED, true)]
        );
        assert_eq!(
            node(true, false, false).classes(),
            [(class::EMPHASIS, false), (class::SELECTED, false)]
        );
        let edge = |interactive, selected, hidden, tab_stop| EdgeView {
            interactive,
            emphasised: false,
            selected,
            hidden,
            tab_stop,
        };
        let picture = edge(false, true, false, true);
        assert_eq!(
            (picture.role(), picture.tabindex(), picture.aria_current()),
            (None, None, None)
        );
        assert_eq!(edge(true, false, false, true).tabindex(), Some("0"));
        assert_eq!(edge(true, false, false, false).tabindex(), Some("-1"));
        assert_eq!(edge(true, false, false, false).role(), Some("button"));
        assert_eq!(edge(true, true, false, false).aria_current(), Some("true"));
        assert_eq!(edge(true, false, false, false).aria_current(), None);
        assert_eq!(
            edge(true, true, true, false).classes(),
            [
                (class::EMPHASIS, false),
                (class::SELECTED, true),
                (class::HIDDEN, true)
            ]
        );
    }

    /// A walk through the page: each step's view, patched from the step before, must be the
    /// page that view describes.
    #[test]
    fn patches_bring_the_page_from_each_state_to_the_next_exactly() {
        let story = sample_story();
        let mut reader = Reader::new(&story, Flags::default());
        let steps = [
            Event::Start {
                cards_stored_on: true,
                hash: None,
            },
            Event::FocusIn {
                target: Target::Mention(1),
            },
            Event::CardRendered,
            Event::Click {
                target: Target::Node(Layout::Wide, 2),
                at: Some(AT),
            },
            Event::CardRendered,
            Event::PointerOver {
                target: Target::Edge(Layout::Wide, 1),
                from: Target::Other,
                at: AT,
                pointer: crate::interaction::Pointer::Mouse,
            },
            Event::Legend(RelationKind::Feud),
            Event::Key {
                target: Target::Node(Layout::Compact, 0),
                key: Key::End,
            },
            Event::PointerOut {
                target: Target::Edge(Layout::Wide, 1),
                to: Target::Other,
                pointer: crate::interaction::Pointer::Mouse,
            },
            Event::Card(CardAction::ShowRelation(1)),
            Event::Switch,
            Event::CardRendered,
            Event::Legend(RelationKind::Trade),
            Event::Legend(RelationKind::Feud),
            Event::Switch,
            Event::Key {
                target: Target::Edge(Layout::Wide, 1),
                key: Key::Escape,
            },
        ];
        let mut view = View::of(&story, &reader);
        let mut shown = page(&story, &view);
        for (i, event) in steps.into_iter().enumerate() {
            reader.handle(&story, event);
            let next = View::of(&story, &reader);
            let patches = next.patches(&story, &view);
            shown = apply(shown, &patches);
            assert_eq!(shown, page(&story, &next), "after step {i}: {event:?}");
            assert!(
                patches
                    .iter()
                    .all(|p| apply(page(&story, &view), std::slice::from_ref(p))
                        != page(&story, &view)),
                "step {i}: every patch changes something: {patches:?}"
            );
            view = next;
        }
    }

    #[test]
    fn an_open_mention_says_so_and_points_at_the_card() {
        let v = MentionView {
            interactive: true,
            open: true,
            highlighted: false,
        };
        assert_eq!(v.aria_expanded(), Some("true"));
        assert_eq!(v.aria_controls().as_deref(), Some("xa-card"));
        let closed = MentionView {
            interactive: true,
            open: false,
            highlighted: true,
        };
        assert_eq!(
            (closed.aria_expanded(), closed.aria_controls()),
            (Some("false"), None)
        );
        assert_eq!(closed.aria_haspopup(), Some("dialog"));
    }

    #[test]
    fn names_promise_a_card_only_once_the_browser_side_runs() {
        let story = sample_story();
        let mut reader = Reader::new(&story, Flags::default());
        let page = View::of(&story, &reader);
        let m = page.mention(&story, 0);
        assert_eq!(
            (m.aria_haspopup(), m.aria_expanded()),
            (None, None),
            "a plain link"
        );
        reader.handle(
            &story,
            Event::Start {
                cards_stored_on: true,
                hash: None,
            },
        );
        let running = View::of(&story, &reader);
        let patches = running.patches(&story, &page);
        for m in 0..story.mentions.len() as MentionId {
            for (name, value) in [("aria-haspopup", "dialog"), ("aria-expanded", "false")] {
                let patch = Patch::Attr {
                    id: DomId::Mention(m),
                    name,
                    value: Some(value.into()),
                };
                assert!(patches.contains(&patch), "mention {m} gets {name}");
            }
        }
    }

    #[test]
    fn pointing_at_an_actor_highlights_its_mentions_and_emphasises_its_partners() {
        let story = sample_story();
        let mut reader = Reader::new(&story, Flags::default());
        reader.handle(
            &story,
            Event::PointerOver {
                target: Target::Node(Layout::Wide, 0),
                from: Target::Other,
                at: AT,
                pointer: crate::interaction::Pointer::Mouse,
            },
        );
        let v = View::of(&story, &reader);
        let highlighted: Vec<MentionId> = (0..6)
            .filter(|&m| v.mention(&story, m).highlighted)
            .collect();
        assert_eq!(highlighted, vec![0, 2, 5]);
        assert!(v.node(Layout::Wide, 1).emphasised && v.node(Layout::Wide, 2).emphasised);
        assert!(
            v.edge(&story, Layout::Wide, 0).emphasised
                && v.edge(&story, Layout::Compact, 1).emphasised
        );
        assert!(v.dim());
        assert_eq!(v.caption(&story).1, "A: 2 relations");
    }

    #[test]
    fn pointing_at_a_relation_marks_its_sentences_and_quotes_it() {
        let story = sample_story();
        let mut reader = Reader::new(&story, Flags::default());
        reader.handle(
            &story,
            Event::Click {
                target: Target::Edge(Layout::Wide, 1),
                at: Some(AT),
            },
        );
        let v = View::of(&story, &reader);
        assert!(v.evidence(5) && !v.evidence(4));
        assert_eq!(
            v.caption(&story),
            ("a — l — c".into(), String::new(), "q".into())
        );
    }

    fn started(story: &Story) -> Reader {
        let mut reader = Reader::new(story, Flags::default());
        reader.handle(
            story,
            Event::Start {
                cards_stored_on: true,
                hash: None,
            },
        );
        reader
    }

    /// A click, and the card it asks for rendered.
    fn click(story: &Story, reader: &mut Reader, target: Target) -> View {
        reader.handle(
            story,
            Event::Click {
                target,
                at: Some(AT),
            },
        );
        reader.handle(story, Event::CardRendered);
        View::of(story, reader)
    }

    #[test]
    fn a_chosen_node_is_selected_in_both_layouts_and_nothing_else_is() {
        let story = sample_story();
        let mut reader = started(&story);
        let v = click(&story, &mut reader, Target::Node(Layout::Wide, 1));
        for layout in Layout::ALL {
            let selected: Vec<ActorId> = (0..3).filter(|&a| v.node(layout, a).selected).collect();
            assert_eq!(selected, [1], "{layout:?}");
            assert!((0..2).all(|r| !v.edge(&story, layout, r).selected));
        }
        // b's one partner is a: c is neither emphasised nor labelled so.
        let labelled: Vec<ActorId> = (0..3).filter(|&a| v.label(a)).collect();
        assert_eq!(labelled, [0, 1]);
        assert!(v.dim());
        // A card opened from a node is no mention's.
        assert!((0..6).all(|m| !v.mention(&story, m).open));
    }

    #[test]
    fn a_chosen_line_is_selected_in_both_layouts_and_nothing_else_is() {
        let story = sample_story();
        let mut reader = started(&story);
        let v = click(&story, &mut reader, Target::Edge(Layout::Compact, 1));
        for layout in Layout::ALL {
            let selected: Vec<RelationId> = (0..2)
                .filter(|&r| v.edge(&story, layout, r).selected)
                .collect();
            assert_eq!(selected, [1], "{layout:?}");
            assert!((0..3).all(|a| !v.node(layout, a).selected));
        }
    }

    #[test]
    fn a_pressed_mention_is_the_open_one() {
        let story = sample_story();
        let mut reader = started(&story);
        let v = click(&story, &mut reader, Target::Mention(3));
        let open: Vec<MentionId> = (0..6).filter(|&m| v.mention(&story, m).open).collect();
        assert_eq!(open, [3]);
    }

    #[test]
    fn at_rest_the_graph_dims_nothing_and_every_legend_button_is_pressed() {
        let story = sample_story();
        let mut reader = started(&story);
        let v = View::of(&story, &reader);
        assert!(!v.dim());
        assert!(RelationKind::ALL.iter().all(|&k| v.legend(k)));
        let before = v;
        reader.handle(&story, Event::Legend(RelationKind::Trade));
        let v = View::of(&story, &reader);
        assert!(!v.legend(RelationKind::Trade) && v.legend(RelationKind::Feud));
        // Relation 1 is the trade: hidden, in both layouts; relation 0, the feud, shows.
        assert!(v.edge(&story, Layout::Wide, 1).hidden && !v.edge(&story, Layout::Wide, 0).hidden);
        let patches = v.patches(&story, &before);
        for layout in Layout::ALL {
            let hide = Patch::Class {
                id: DomId::Edge(layout, 1),
                class: class::HIDDEN,
                on: true,
            };
            assert!(patches.contains(&hide), "{layout:?}: {patches:?}");
        }
    }

    #[test]
    fn the_graph_is_a_picture_until_the_page_is_interactive_then_a_named_group() {
        let story = sample_story();
        let page = View::of(&story, &Reader::new(&story, Flags::default()));
        assert_eq!(
            (
                page.graph_role(),
                page.graph_name(&story.words),
                page.graph_hidden()
            ),
            (None, None, Some("true"))
        );
        let running = View::of(&story, &started(&story));
        assert_eq!(
            (
                running.graph_role(),
                running.graph_name(&story.words),
                running.graph_hidden()
            ),
            (Some("group"), Some("the graph"), None)
        );
    }

    #[test]
    fn each_layout_has_one_tab_stop_among_its_nodes_and_one_among_its_lines() {
        let story = sample_story();
        let v = View::of(&story, &started(&story));
        for layout in Layout::ALL {
            let nodes: Vec<_> = (0..3).map(|a| v.node(layout, a).tabindex()).collect();
            assert_eq!(nodes, [Some("0"), Some("-1"), Some("-1")], "{layout:?}");
            let lines: Vec<_> = (0..2)
                .map(|r| v.edge(&story, layout, r).tabindex())
                .collect();
            assert_eq!(lines, [Some("0"), Some("-1")], "{layout:?}");
        }
    }

    #[test]
    fn nodes_and_lines_are_named_as_a_listener_needs_them() {
        let mut story = sample_story();
        // a's graph label "a" is not its name "A": both are said; and it has two relations.
        assert_eq!(node_name(&story, 0), "a (A), k1: 2 relations");
        assert_eq!(node_name(&story, 1), "b (B), k1: 1 relation");
        story.actors[2].short = story.actors[2].name.clone();
        assert_eq!(node_name(&story, 2), "C, k1: 1 relation");
        assert_eq!(edge_name(&story, 0), "a — l — b: q");
    }

    #[test]
    fn once_running_a_pointer_move_patches_states_not_roles_or_names() {
        let story = sample_story();
        let mut reader = started(&story);
        let before = View::of(&story, &reader);
        let after = click(&story, &mut reader, Target::Node(Layout::Wide, 1));
        let patches = after.patches(&story, &before);
        assert!(!patches.is_empty());
        for patch in &patches {
            if let Patch::Attr { name, .. } = patch {
                assert!(
                    !["role", "aria-label", "aria-hidden"].contains(name),
                    "{patch:?}"
                );
            }
        }
    }
}
