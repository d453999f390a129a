//! Everything the reader can change, and every rule of how the page reacts, as one state machine.
//! The browser side turns DOM events into [`Event`]s (naming what they happened on as a
//! [`Target`]), feeds them to [`Reader::handle`], and carries out the [`Effect`]s it returns;
//! [`crate::view::View::of`] says what the markup must show for the state. Nothing here reads the
//! page: what the machine needs to know (where the pointer rests, what has focus, which card is in
//! the page) comes to it as events.
//!
//! The card's own rules (hover intent, grace period, focus, pinning) are [`CardState`]'s; this
//! machine adds what the page around the card needs: telling a reader's pointing from text moving
//! under a still mouse, telling keyboard focus from the focus a press or the page itself causes,
//! the graph's hover, selection, roving Tab stops and arrow keys, the legend, the cards switch,
//! deep links and the render flags.

use crate::flags::Flags;
use crate::interaction::{self, CardState, Input, Pointer};
use crate::layout::{neighbour, Direction};
use crate::{ActorId, Anchor, Focus, KindSet, Layout, MentionId, RelationId, RelationKind, Story};

/// A point in viewport (client) coordinates, CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// What an event happened on (or, for a related target, came from or went to), as the browser
/// side finds it from the element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Mention(MentionId),
    /// A node of the graph, or its label.
    Node(Layout, ActorId),
    Edge(Layout, RelationId),
    /// The open card, or anything inside it.
    Card,
    Switch,
    /// Anything else, or nothing.
    Other,
}

impl Target {
    fn graph_item(self) -> Option<(Layout, Focus)> {
        match self {
            Target::Node(l, a) => Some((l, Focus::Actor(a))),
            Target::Edge(l, r) => Some((l, Focus::Relation(r))),
            _ => None,
        }
    }
}

/// A key the page answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Escape,
    Enter,
    Space,
    Arrow(Direction),
    Home,
    End,
    Other,
}

/// The page's two timers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timer {
    /// The pointer has rested on a mention long enough ([`interaction::INTENT_MS`]).
    Intent,
    /// The grace period after the pointer left a card ([`interaction::CLOSE_MS`]).
    Close,
}

/// What a button in the card asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardAction {
    Close,
    /// Step to the actor's previous (-1) or next (1) mention.
    Step(i32),
    CardsOff,
    /// Show the card's actor in the graph.
    ShowActor,
    /// Show one of its relations in the graph, and its evidence in the text.
    ShowRelation(RelationId),
}

impl CardAction {
    /// The `data-act` of the card's button for this action (a relation's also carries its
    /// `data-rel`): the card's markup writes it, `parse` reads it back.
    pub fn act(self) -> &'static str {
        match self {
            Self::Close => "close",
            Self::Step(n) if n < 0 => "prev",
            Self::Step(_) => "next",
            Self::CardsOff => "off",
            Self::ShowActor => "graph",
            Self::ShowRelation(_) => "rel",
        }
    }

    /// Reads a button's `data-act` (and `data-rel`) back.
    pub fn parse(act: &str, rel: Option<&str>) -> Option<Self> {
        Some(match act {
            "close" => Self::Close,
            "prev" => Self::Step(-1),
            "next" => Self::Step(1),
            "off" => Self::CardsOff,
            "graph" => Self::ShowActor,
            "rel" => Self::ShowRelation(rel?.parse().ok()?),
            _ => return None,
        })
    }
}

/// What the reader did, or what happened to the page, as the browser side reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    /// The page is ready: the reader's stored choice of cards, and the address's deep link.
    Start {
        cards_stored_on: bool,
        hash: Option<Focus>,
    },
    /// The pointer came over `target` from `from` (pointerover).
    PointerOver {
        target: Target,
        from: Target,
        at: Point,
        pointer: Pointer,
    },
    /// The pointer left `target` for `to` (pointerout).
    PointerOut {
        target: Target,
        to: Target,
        pointer: Pointer,
    },
    PointerMove {
        target: Target,
        at: Point,
        pointer: Pointer,
    },
    PointerDown {
        target: Target,
        pointer: Pointer,
    },
    /// The page scrolled (by the reader, a script, or the host page around a frame).
    Scroll,
    FocusIn {
        target: Target,
    },
    /// Focus left `target` for `to` (`Target::Other` when it left the document or went nowhere).
    FocusOut {
        target: Target,
        to: Target,
    },
    /// A click; `at` is where the pointer pressed, `None` when the keyboard clicked (Enter).
    Click {
        target: Target,
        at: Option<Point>,
    },
    Key {
        target: Target,
        key: Key,
    },
    /// A legend button.
    Legend(RelationKind),
    /// A "Read in context" link of the relations table.
    TableLink(RelationId),
    /// The cards switch.
    Switch,
    Card(CardAction),
    /// The address's fragment changed (typed, or a link).
    HashChange(Option<Focus>),
    Elapsed(Timer),
    /// The viewport changed size.
    Resize,
    /// The card the machine asked for ([`Effect::RenderCard`]) is in the page.
    CardRendered,
}

/// Where the browser side scrolls to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// A mention, or a node in whichever layout shows.
    Anchor(Anchor),
    Sentence(crate::SentenceId),
}

/// What the browser side must do, in order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effect {
    /// Cancel the event's default action (a link's navigation, a key's scrolling).
    PreventDefault,
    StartTimer(Timer, u32),
    CancelTimer(Timer),
    /// Render the card for this anchor (or none); [`Event::CardRendered`] follows.
    RenderCard(Option<Anchor>),
    /// Place the rendered card next to its anchor, on the line under `pointer` if given.
    PlaceCard {
        anchor: Anchor,
        pointer: Option<Point>,
    },
    /// Move focus into the card.
    FocusCard,
    /// Focus a mention, or a node (in whichever layout shows, or the given one).
    Focus(Anchor),
    FocusGraphItem(Layout, Focus),
    FocusSwitch,
    ScrollTo(Scroll),
    /// Put the selection in the address (or clear it), without scrolling or a history entry.
    SetHash(Option<Focus>),
    /// Remember the reader's choice of cards.
    StoreCards(bool),
}

/// The graph's roving Tab stops in one layout: the node and the line that Tab reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stops {
    pub node: Option<ActorId>,
    pub edge: Option<RelationId>,
}

/// The reader's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    /// The browser side has taken the page over ([`Event::Start`]).
    pub interactive: bool,
    pub flags: Flags,
    pub cards: CardState<Anchor>,
    /// The reader's own choice (the switch); cards show when this and the flags allow.
    pub cards_chosen: bool,
    /// What the reader chose in the graph (kept in the address).
    pub selected: Option<Focus>,
    /// What the pointer or keyboard is on in the graph right now.
    pub hovered: Option<Focus>,
    /// Relation types the legend hides.
    pub hidden: KindSet,
    pub stops: [Stops; 2],
    /// The card that is in the page now (rendered), and the one asked for.
    pub card_shown: Option<Anchor>,
    card_asked: Option<Anchor>,
    /// Once the asked-for card is in the page: place it, and focus it if true.
    after_render: Option<bool>,
    /// The anchor the card was last placed at.
    placed: Option<Anchor>,
    /// What has focus, as far as focus events said.
    focused: Target,
    pointer: PointerTrack,
}

/// What the machine knows of the pointer.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct PointerTrack {
    /// Where the pointer last was over an anchor, for placing a card opened by pointer.
    over: Option<(Point, Anchor)>,
    /// A pointer went down on this anchor: the focus that follows is not keyboard focus.
    pressed: Option<(Anchor, Pointer)>,
    /// We moved focus to this anchor ourselves: its focus event must not reopen the card.
    refocusing: Option<Anchor>,
    /// The page scrolled since the mouse last moved.
    still: bool,
    /// Where the mouse was at its last move.
    rest: Option<Point>,
    /// The mention the card machine was told the pointer entered (and not yet left).
    entered: Option<Anchor>,
}

fn anchor_of(target: Target) -> Option<Anchor> {
    match target {
        Target::Mention(m) => Some(Anchor::Mention(m)),
        Target::Node(_, a) => Some(Anchor::Node(a)),
        _ => None,
    }
}

impl Reader {
    /// The state the page is prerendered in, for a story and the render flags of this load.
    pub fn new(story: &Story, flags: Flags) -> Reader {
        let stops = |layout: Layout| Stops {
            node: story.nodes(layout).first().map(|n| n.actor),
            edge: (!story.relations.is_empty()).then_some(0),
        };
        let mut cards = CardState::default();
        cards.enabled = flags.cards;
        Reader {
            interactive: false,
            flags,
            cards,
            cards_chosen: true,
            selected: None,
            hovered: None,
            hidden: KindSet::default(),
            stops: [stops(Layout::Wide), stops(Layout::Compact)],
            card_shown: None,
            card_asked: None,
            after_render: None,
            placed: None,
            focused: Target::Other,
            pointer: PointerTrack::default(),
        }
    }

    /// Whether names are marked and cards can open.
    pub fn cards_on(&self) -> bool {
        self.flags.cards && self.cards_chosen
    }

    /// What the graph emphasises: what is pointed at, else what is selected.
    pub fn active(&self) -> Option<Focus> {
        self.hovered.or(self.selected)
    }

    /// Applies `event`; returns what the browser side must do, in order. Long by design: one arm
    /// per event, each short, so every rule of the page reads in one place.
    pub fn handle(&mut self, story: &Story, event: Event) -> Vec<Effect> {
        let mut fx = Vec::new();
        match event {
            Event::Start {
                cards_stored_on,
                hash,
            } => {
                self.interactive = true;
                if !cards_stored_on {
                    self.cards_chosen = false;
                    self.card(Input::SetEnabled(false), &mut fx);
                }
                if let Some(focus) = hash {
                    self.selected = Some(focus);
                    self.reveal(story, focus, &mut fx);
                }
            }
            Event::PointerOver {
                target,
                from,
                at,
                pointer,
            } => {
                if target != from {
                    self.pointer_over(target, at, pointer, &mut fx);
                }
            }
            Event::PointerOut {
                target,
                to,
                pointer,
            } => {
                if target != to {
                    self.pointer_out(target, pointer, &mut fx);
                }
            }
            Event::PointerMove {
                target,
                at,
                pointer,
            } => self.pointer_move(target, at, pointer, &mut fx),
            Event::PointerDown { target, pointer } => {
                match target {
                    Target::Mention(_) | Target::Node(..) => {
                        self.pointer.pressed = anchor_of(target).map(|a| (a, pointer));
                    }
                    Target::Edge(..) | Target::Card => {}
                    Target::Switch | Target::Other => self.pointer.pressed = None,
                }
                // A press on the open card's own node is not outside it: the click that follows
                // decides (a second tap closes the card, as on a name).
                let on_open_anchor =
                    anchor_of(target).is_some_and(|a| self.cards.open_anchor() == Some(a));
                if !matches!(target, Target::Mention(_) | Target::Card) && !on_open_anchor {
                    self.card(Input::PressOutside, &mut fx);
                }
            }
            Event::Scroll => self.pointer.still = true,
            Event::FocusIn { target } => self.focus_in(target, &mut fx),
            Event::FocusOut { target, to } => {
                if target.graph_item().is_some() {
                    self.hovered = None;
                }
                if to == Target::Other && self.focused == target {
                    self.focused = Target::Other;
                }
            }
            Event::Click { target, at } => self.click(story, target, at, &mut fx),
            Event::Key { target, key } => self.key(story, target, key, &mut fx),
            Event::Legend(kind) => {
                self.hidden.toggle(kind);
                self.keep_edge_stops(story);
            }
            Event::TableLink(r) if usize::from(r) < story.relations.len() => {
                fx.push(Effect::PreventDefault);
                self.select(Some(Focus::Relation(r)), &mut fx);
                self.show_sentence(story, r, &mut fx);
            }
            Event::TableLink(_) => {}
            Event::Switch => {
                if self.flags.cards {
                    let on = !self.cards_chosen;
                    self.cards_chosen = on;
                    fx.push(Effect::StoreCards(on));
                    self.card(Input::SetEnabled(on), &mut fx);
                }
            }
            Event::Card(action) => self.card_action(story, action, &mut fx),
            Event::HashChange(Some(focus)) => {
                self.selected = Some(focus);
                self.reveal(story, focus, &mut fx);
            }
            Event::HashChange(None) => {}
            Event::Elapsed(Timer::Intent) => self.card(Input::IntentElapsed, &mut fx),
            Event::Elapsed(Timer::Close) => self.card(Input::CloseElapsed, &mut fx),
            Event::Resize => {
                // The pointer position is stale after a resize: place by the anchor alone.
                if let Some(anchor) = self.placed.filter(|_| self.card_shown.is_some()) {
                    fx.push(Effect::PlaceCard {
                        anchor,
                        pointer: None,
                    });
                }
            }
            Event::CardRendered => {
                self.card_shown = self.card_asked;
                if let Some(focus_card) = self.after_render.take() {
                    self.place(focus_card, &mut fx);
                }
            }
        }
        fx
    }

    fn pointer_over(&mut self, target: Target, at: Point, pointer: Pointer, fx: &mut Vec<Effect>) {
        match target {
            Target::Mention(_) => {
                let anchor = anchor_of(target).expect("a mention is an anchor");
                self.pointer.over = Some((at, anchor));
                // The mouse has not moved since the reader last moved it: the mention came under
                // it (a scroll, whose event may come after this one, or a layout change).
                if pointer == Pointer::Mouse
                    && (self.pointer.still || self.pointer.rest == Some(at))
                {
                    return;
                }
                self.pointer.entered = Some(anchor);
                self.card(Input::PointerEnterAnchor { anchor, pointer }, fx);
            }
            Target::Node(..) | Target::Edge(..) => {
                self.hovered = target.graph_item().map(|(_, f)| f);
            }
            // The card answers the mouse and the pen (a finger does not hover).
            Target::Card if pointer != Pointer::Touch => self.card(Input::PointerEnterCard, fx),
            _ => {}
        }
    }

    fn pointer_out(&mut self, target: Target, pointer: Pointer, fx: &mut Vec<Effect>) {
        match target {
            Target::Mention(_) => {
                let anchor = anchor_of(target).expect("a mention is an anchor");
                if self.pointer.entered == Some(anchor) {
                    self.pointer.entered = None;
                }
                self.card(Input::PointerLeaveAnchor { anchor }, fx);
            }
            Target::Node(..) | Target::Edge(..) => self.hovered = None,
            Target::Card if pointer != Pointer::Touch => self.card(Input::PointerLeaveCard, fx),
            _ => {}
        }
    }

    fn pointer_move(&mut self, target: Target, at: Point, pointer: Pointer, fx: &mut Vec<Effect>) {
        // A move to where the mouse already was is the browser's, after the page moved under it.
        if self.pointer.rest.replace(at) == Some(at) {
            return;
        }
        self.pointer.still = false;
        let Target::Mention(m) = target else { return };
        let anchor = Anchor::Mention(m);
        self.pointer.over = Some((at, anchor));
        // On a mention the machine was not told about: it came under the pointer while the
        // pointer was still (or the browser sent no pointerover), and the pointer now moves.
        if self.pointer.entered != Some(anchor) {
            self.pointer.entered = Some(anchor);
            self.card(Input::PointerEnterAnchor { anchor, pointer }, fx);
        }
    }

    fn focus_in(&mut self, target: Target, fx: &mut Vec<Effect>) {
        self.focused = target;
        if let Some((_, focus)) = target.graph_item() {
            self.hovered = Some(focus);
        }
        match target {
            Target::Mention(_) => {
                let anchor = anchor_of(target).expect("a mention is an anchor");
                // Not keyboard focus: focus we moved ourselves, or the focus a press gives.
                let ours = self.pointer.refocusing.take() == Some(anchor);
                if ours || self.pointer.pressed.is_some_and(|(a, _)| a == anchor) {
                    return;
                }
                self.pointer.over = None;
                self.card(Input::FocusAnchor { anchor }, fx);
            }
            Target::Card => {}
            _ => self.card(Input::FocusElsewhere, fx),
        }
    }

    /// A click, tap or Enter on an anchor: the card machine decides (open, pin, toggle, focus).
    fn activate(&mut self, anchor: Anchor, at: Option<Point>, fx: &mut Vec<Effect>) {
        let pressed = self.pointer.pressed.take();
        let pointer = match at {
            Some(at) => {
                self.pointer.over = Some((at, anchor));
                Some(pressed.map_or(Pointer::Mouse, |(_, kind)| kind))
            }
            None => {
                self.pointer.over = None;
                None
            }
        };
        self.card(Input::Activate { anchor, pointer }, fx);
    }

    fn click(&mut self, story: &Story, target: Target, at: Option<Point>, fx: &mut Vec<Effect>) {
        match target {
            Target::Mention(m) => {
                fx.push(Effect::PreventDefault);
                self.activate(Anchor::Mention(m), at, fx);
            }
            Target::Node(_, a) => {
                self.select(Some(Focus::Actor(a)), fx);
                self.activate(Anchor::Node(a), at, fx);
            }
            Target::Edge(_, r) => {
                self.select(Some(Focus::Relation(r)), fx);
                self.show_sentence(story, r, fx);
            }
            _ => {}
        }
    }

    fn key(&mut self, story: &Story, target: Target, key: Key, fx: &mut Vec<Effect>) {
        if let Some((layout, item)) = target.graph_item() {
            self.graph_key(story, layout, item, key, fx);
        }
        if key == Key::Escape {
            let focus_in_card = self.focused == Target::Card;
            self.card(Input::Escape { focus_in_card }, fx);
        }
    }

    /// A key on a node or a line of the graph.
    fn graph_key(
        &mut self,
        story: &Story,
        layout: Layout,
        item: Focus,
        key: Key,
        fx: &mut Vec<Effect>,
    ) {
        match (item, key) {
            (_, Key::Escape) => self.select(None, fx),
            (Focus::Actor(a), Key::Enter | Key::Space) => {
                fx.push(Effect::PreventDefault);
                self.select(Some(item), fx);
                self.activate(Anchor::Node(a), None, fx);
            }
            (Focus::Relation(r), Key::Enter | Key::Space) => {
                fx.push(Effect::PreventDefault);
                self.select(Some(item), fx);
                self.show_sentence(story, r, fx);
            }
            (Focus::Actor(a), _) => {
                let nodes = story.nodes(layout);
                let points: Vec<(i16, i16)> = nodes.iter().map(|n| (n.x, n.y)).collect();
                let Some(from) = nodes.iter().position(|n| n.actor == a) else {
                    return;
                };
                let to = match key {
                    Key::Arrow(direction) => neighbour(&points, from, direction),
                    Key::Home => Some(0),
                    Key::End => Some(points.len() - 1),
                    _ => return,
                };
                fx.push(Effect::PreventDefault);
                if let Some(to) = to {
                    let actor = nodes[to].actor;
                    self.stops[layout.index()].node = Some(actor);
                    fx.push(Effect::FocusGraphItem(layout, Focus::Actor(actor)));
                }
            }
            (Focus::Relation(r), _) => {
                let visible = self.visible_edges(story);
                let Some(at) = visible.iter().position(|&v| v == r) else {
                    return;
                };
                let n = visible.len();
                let to = match key {
                    Key::Arrow(Direction::Right | Direction::Down) => (at + 1) % n,
                    Key::Arrow(Direction::Left | Direction::Up) => (at + n - 1) % n,
                    Key::Home => 0,
                    Key::End => n - 1,
                    _ => return,
                };
                fx.push(Effect::PreventDefault);
                self.stops[layout.index()].edge = Some(visible[to]);
                fx.push(Effect::FocusGraphItem(layout, Focus::Relation(visible[to])));
            }
        }
    }

    fn visible_edges(&self, story: &Story) -> Vec<RelationId> {
        (0..story.relations.len() as RelationId)
            .filter(|&r| !self.hidden.contains(story.relation(r).kind))
            .collect()
    }

    /// The lines' Tab stop stays on a line that shows: the first that does, when its own is hidden.
    fn keep_edge_stops(&mut self, story: &Story) {
        let first = self.visible_edges(story).first().copied();
        for stops in &mut self.stops {
            let hidden = stops
                .edge
                .is_none_or(|r| self.hidden.contains(story.relation(r).kind));
            if hidden {
                stops.edge = first;
            }
        }
    }

    fn card_action(&mut self, story: &Story, action: CardAction, fx: &mut Vec<Effect>) {
        let Some(open) = self.cards.open_anchor() else {
            return;
        };
        match action {
            CardAction::Close => self.card(Input::CloseButton, fx),
            // The graph view shows no mention to step to (nor the buttons).
            CardAction::Step(_) if self.flags.graph_view => {}
            CardAction::Step(by) => {
                let anchor = Anchor::Mention(story.step_from(open, by));
                self.card(Input::Show { anchor }, fx);
            }
            CardAction::CardsOff => {
                self.cards_chosen = false;
                fx.push(Effect::StoreCards(false));
                self.card(Input::SetEnabled(false), fx);
                fx.push(Effect::FocusSwitch);
            }
            CardAction::ShowActor | CardAction::ShowRelation(_) => {
                let focus = match action {
                    CardAction::ShowRelation(r) if usize::from(r) < story.relations.len() => {
                        Focus::Relation(r)
                    }
                    CardAction::ShowRelation(_) => return,
                    _ => Focus::Actor(story.actor_at(open)),
                };
                self.select(Some(focus), fx);
                match focus {
                    Focus::Relation(r) => self.show_sentence(story, r, fx),
                    Focus::Actor(a) => {
                        fx.push(Effect::ScrollTo(Scroll::Anchor(Anchor::Node(a))));
                        fx.push(Effect::Focus(Anchor::Node(a)));
                    }
                }
            }
        }
    }

    /// Selects something in the graph and puts it in the address, so the reader can share it.
    fn select(&mut self, focus: Option<Focus>, fx: &mut Vec<Effect>) {
        fx.push(Effect::SetHash(focus));
        self.selected = focus;
    }

    /// Brings a selection into view: a relation's sentence, or an actor's node.
    fn reveal(&mut self, story: &Story, focus: Focus, fx: &mut Vec<Effect>) {
        match focus {
            Focus::Relation(r) => self.show_sentence(story, r, fx),
            Focus::Actor(a) => fx.push(Effect::ScrollTo(Scroll::Anchor(Anchor::Node(a)))),
        }
    }

    /// Scrolls to the sentence a relation quotes; the graph view has no text, and its graph, in
    /// view, shows the relation (its line and the caption's quote).
    fn show_sentence(&self, story: &Story, r: RelationId, fx: &mut Vec<Effect>) {
        if !self.flags.graph_view {
            fx.push(Effect::ScrollTo(Scroll::Sentence(
                story.relation(r).sentences.0,
            )));
        }
    }

    /// Feeds the card machine, and turns its effects into the page's.
    fn card(&mut self, input: Input<Anchor>, fx: &mut Vec<Effect>) {
        if matches!(input, Input::SetEnabled(true)) && !self.flags.cards {
            return;
        }
        let mut focus_card = false;
        for effect in self.cards.apply(input) {
            match effect {
                interaction::Effect::StartIntentTimer(ms) => {
                    fx.push(Effect::StartTimer(Timer::Intent, ms))
                }
                interaction::Effect::CancelIntentTimer => {
                    fx.push(Effect::CancelTimer(Timer::Intent))
                }
                interaction::Effect::StartCloseTimer(ms) => {
                    fx.push(Effect::StartTimer(Timer::Close, ms))
                }
                interaction::Effect::CancelCloseTimer => fx.push(Effect::CancelTimer(Timer::Close)),
                interaction::Effect::FocusCard => focus_card = true,
                interaction::Effect::FocusAnchor(anchor) => {
                    // The focusin we cause on a name is not the reader's (on a node, focus opens
                    // nothing: there is nothing to tell apart). Focus already there fires none.
                    if let Anchor::Mention(m) = anchor {
                        if self.focused != Target::Mention(m) {
                            self.pointer.refocusing = Some(anchor);
                        }
                    }
                    fx.push(Effect::Focus(anchor));
                }
                interaction::Effect::ScrollToAnchor(anchor) => {
                    self.pointer.over = None;
                    fx.push(Effect::ScrollTo(Scroll::Anchor(anchor)));
                }
            }
        }
        let open = self.cards.open_anchor();
        if open != self.card_asked {
            // A new card: rendered in a moment, then placed (and focused).
            self.card_asked = open;
            self.after_render = Some(focus_card);
            fx.push(Effect::RenderCard(open));
        } else if self.after_render.is_some() {
            // Still waiting for the card asked for: focus it when it comes, if now asked.
            if focus_card {
                self.after_render = Some(true);
            }
        } else {
            self.place(focus_card, fx);
        }
    }

    /// Places the open card when its anchor changed, and focuses it if asked.
    fn place(&mut self, focus_card: bool, fx: &mut Vec<Effect>) {
        let open = self.card_shown;
        let placed = std::mem::replace(&mut self.placed, open);
        if let Some(anchor) = open.filter(|&a| Some(a) != placed) {
            let pointer = self
                .pointer
                .over
                .filter(|(_, a)| *a == anchor)
                .map(|(p, _)| p);
            fx.push(Effect::PlaceCard { anchor, pointer });
        }
        if focus_card && open.is_some() {
            fx.push(Effect::FocusCard);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interaction::{CLOSE_MS, INTENT_MS};
    use crate::testing::sample_story as story;

    /// The card's buttons say what they do in `data-act`; the reader reads back each of them,
    /// and nothing else.
    #[test]
    fn every_card_action_reads_back_from_its_button() {
        for action in [
            CardAction::Close,
            CardAction::Step(-1),
            CardAction::Step(1),
            CardAction::CardsOff,
            CardAction::ShowActor,
            CardAction::ShowRelation(3),
        ] {
            let rel = matches!(action, CardAction::ShowRelation(_)).then_some("3");
            assert_eq!(CardAction::parse(action.act(), rel), Some(action));
        }
        assert_eq!(CardAction::parse("open", None), None);
        assert_eq!(
            CardAction::parse("rel", None),
            None,
            "a relation needs its data-rel"
        );
        assert_eq!(CardAction::parse("rel", Some("x")), None);
    }

    const AT: Point = Point { x: 10.0, y: 20.0 };
    const ELSEWHERE: Point = Point { x: 300.0, y: 400.0 };
    const MOUSE: Pointer = Pointer::Mouse;

    struct Page {
        story: Story,
        reader: Reader,
    }

    impl Page {
        fn new() -> Page {
            Page::with_flags(Flags::default())
        }

        fn with_flags(flags: Flags) -> Page {
            let story = story();
            let reader = Reader::new(&story, flags);
            Page { story, reader }
        }

        fn send(&mut self, event: Event) -> Vec<Effect> {
            self.reader.handle(&self.story, event)
        }

        /// Sends `event`, then tells the machine the card it asked for is rendered, as the page does.
        fn then_rendered(&mut self, event: Event) -> Vec<Effect> {
            let mut fx = self.send(event);
            if fx.iter().any(|e| matches!(e, Effect::RenderCard(_))) {
                fx.extend(self.send(Event::CardRendered));
            }
            fx
        }

        fn open(&self) -> Option<Anchor> {
            self.reader.cards.open_anchor()
        }

        /// The mouse moves (from elsewhere) onto mention `m`, and rests there past the intent.
        fn hover(&mut self, m: MentionId) {
            self.send(Event::PointerMove {
                target: Target::Other,
                at: ELSEWHERE,
                pointer: MOUSE,
            });
            self.send(Event::PointerOver {
                target: Target::Mention(m),
                from: Target::Other,
                at: AT,
                pointer: MOUSE,
            });
            self.send(Event::PointerMove {
                target: Target::Mention(m),
                at: AT,
                pointer: MOUSE,
            });
            self.then_rendered(Event::Elapsed(Timer::Intent));
        }
    }

    fn mention(m: MentionId) -> Target {
        Target::Mention(m)
    }

    #[test]
    fn resting_on_a_mention_opens_its_card_after_the_intent_delay_placed_at_the_pointer() {
        let mut p = Page::new();
        p.send(Event::PointerMove {
            target: Target::Other,
            at: ELSEWHERE,
            pointer: MOUSE,
        });
        let fx = p.send(Event::PointerOver {
            target: mention(2),
            from: Target::Other,
            at: AT,
            pointer: MOUSE,
        });
        assert_eq!(fx, vec![Effect::StartTimer(Timer::Intent, INTENT_MS)]);
        assert_eq!(p.open(), None);
        assert_eq!(
            p.send(Event::Elapsed(Timer::Intent)),
            vec![Effect::RenderCard(Some(Anchor::Mention(2)))]
        );
        assert_eq!(p.reader.card_shown, None, "not in the page until rendered");
        assert_eq!(
            p.send(Event::CardRendered),
            vec![Effect::PlaceCard {
                anchor: Anchor::Mention(2),
                pointer: Some(AT)
            }]
        );
        assert_eq!(p.reader.card_shown, Some(Anchor::Mention(2)));
    }

    #[test]
    fn a_mention_scrolled_under_a_still_mouse_opens_nothing_until_the_mouse_moves() {
        for scroll_first in [true, false] {
            let mut p = Page::new();
            p.send(Event::PointerMove {
                target: Target::Other,
                at: AT,
                pointer: MOUSE,
            });
            // The page scrolls; the browser reports the mention now under the mouse, before or
            // after the scroll event.
            if scroll_first {
                p.send(Event::Scroll);
            }
            let over = p.send(Event::PointerOver {
                target: mention(1),
                from: Target::Other,
                at: AT,
                pointer: MOUSE,
            });
            if !scroll_first {
                p.send(Event::Scroll);
            }
            assert_eq!(over, vec![], "scroll first: {scroll_first}");
            // The browser's own move to the same point changes nothing.
            let fx = p.send(Event::PointerMove {
                target: mention(1),
                at: AT,
                pointer: MOUSE,
            });
            assert_eq!(fx, vec![]);
            // The reader moves the mouse: now it is pointing.
            let fx = p.send(Event::PointerMove {
                target: mention(1),
                at: Point { x: 12.0, y: 20.0 },
                pointer: MOUSE,
            });
            assert_eq!(fx, vec![Effect::StartTimer(Timer::Intent, INTENT_MS)]);
        }
    }

    #[test]
    fn a_press_on_a_mention_is_not_keyboard_focus() {
        let mut p = Page::new();
        p.send(Event::PointerDown {
            target: mention(3),
            pointer: MOUSE,
        });
        assert_eq!(p.send(Event::FocusIn { target: mention(3) }), vec![]);
        assert_eq!(p.open(), None, "the click decides, not the focus");
        p.then_rendered(Event::Click {
            target: mention(3),
            at: Some(AT),
        });
        assert_eq!(p.open(), Some(Anchor::Mention(3)));
    }

    #[test]
    fn keyboard_focus_on_a_mention_opens_its_card_at_once() {
        let mut p = Page::new();
        let fx = p.then_rendered(Event::FocusIn { target: mention(4) });
        assert_eq!(
            fx,
            vec![
                Effect::RenderCard(Some(Anchor::Mention(4))),
                Effect::PlaceCard {
                    anchor: Anchor::Mention(4),
                    pointer: None
                }
            ]
        );
    }

    #[test]
    fn enter_on_a_mention_moves_focus_into_the_card_once_it_is_rendered() {
        let mut p = Page::new();
        p.then_rendered(Event::FocusIn { target: mention(0) });
        let fx = p.send(Event::Click {
            target: mention(0),
            at: None,
        });
        assert_eq!(fx, vec![Effect::PreventDefault, Effect::FocusCard]);
        // From a mention with no card yet, the card is rendered first.
        let mut q = Page::new();
        let fx = q.send(Event::Click {
            target: mention(1),
            at: None,
        });
        assert_eq!(
            fx,
            vec![
                Effect::PreventDefault,
                Effect::RenderCard(Some(Anchor::Mention(1)))
            ]
        );
        let fx = q.send(Event::CardRendered);
        assert!(fx.contains(&Effect::FocusCard), "{fx:?}");
    }

    #[test]
    fn escape_in_the_card_returns_focus_to_the_mention_without_reopening_it() {
        let mut p = Page::new();
        p.then_rendered(Event::FocusIn { target: mention(0) });
        p.send(Event::Click {
            target: mention(0),
            at: None,
        });
        p.send(Event::FocusOut {
            target: mention(0),
            to: Target::Card,
        });
        p.send(Event::FocusIn {
            target: Target::Card,
        });
        let fx = p.then_rendered(Event::Key {
            target: Target::Card,
            key: Key::Escape,
        });
        assert!(fx.contains(&Effect::Focus(Anchor::Mention(0))), "{fx:?}");
        assert_eq!(p.open(), None);
        // The focus we moved arrives: it must not open the card again.
        assert_eq!(p.send(Event::FocusIn { target: mention(0) }), vec![]);
        assert_eq!(p.open(), None);
        // Real keyboard focus later does.
        p.send(Event::FocusIn { target: mention(1) });
        assert_eq!(p.open(), Some(Anchor::Mention(1)));
    }

    #[test]
    fn escape_outside_the_card_closes_it_and_leaves_focus_alone() {
        let mut p = Page::new();
        p.then_rendered(Event::FocusIn { target: mention(2) });
        let fx = p.send(Event::Key {
            target: mention(2),
            key: Key::Escape,
        });
        assert_eq!(fx, vec![Effect::RenderCard(None)]);
        assert_eq!(p.open(), None);
    }

    #[test]
    fn the_mention_says_expanded_only_once_its_card_is_in_the_page() {
        let mut p = Page::new();
        p.send(Event::FocusIn { target: mention(2) });
        assert_eq!(p.reader.card_shown, None);
        p.send(Event::CardRendered);
        assert_eq!(p.reader.card_shown, Some(Anchor::Mention(2)));
        p.send(Event::Key {
            target: mention(2),
            key: Key::Escape,
        });
        assert_eq!(
            p.reader.card_shown,
            Some(Anchor::Mention(2)),
            "until the card has gone"
        );
        p.send(Event::CardRendered);
        assert_eq!(p.reader.card_shown, None);
    }

    #[test]
    fn leaving_mention_and_card_closes_after_the_grace_period() {
        let mut p = Page::new();
        p.hover(0);
        assert_eq!(
            p.send(Event::PointerOut {
                target: mention(0),
                to: Target::Card,
                pointer: MOUSE
            }),
            vec![Effect::StartTimer(Timer::Close, CLOSE_MS)]
        );
        assert_eq!(
            p.send(Event::PointerOver {
                target: Target::Card,
                from: mention(0),
                at: AT,
                pointer: MOUSE
            }),
            vec![Effect::CancelTimer(Timer::Close)]
        );
        // Within the card (its arrow to its body) is not leaving it.
        assert_eq!(
            p.send(Event::PointerOut {
                target: Target::Card,
                to: Target::Card,
                pointer: MOUSE
            }),
            vec![]
        );
        p.send(Event::PointerOut {
            target: Target::Card,
            to: Target::Other,
            pointer: MOUSE,
        });
        assert_eq!(
            p.send(Event::Elapsed(Timer::Close)),
            vec![Effect::RenderCard(None)]
        );
    }

    #[test]
    fn a_press_outside_closes_a_pinned_card_and_a_press_on_a_node_opens_the_node_card() {
        let mut p = Page::new();
        p.then_rendered(Event::Click {
            target: mention(1),
            at: Some(AT),
        });
        assert_eq!(p.open(), Some(Anchor::Mention(1)));
        p.send(Event::PointerDown {
            target: Target::Node(Layout::Wide, 2),
            pointer: MOUSE,
        });
        assert_eq!(p.open(), None);
        let fx = p.then_rendered(Event::Click {
            target: Target::Node(Layout::Wide, 2),
            at: Some(AT),
        });
        assert_eq!(p.open(), Some(Anchor::Node(2)));
        assert!(
            fx.contains(&Effect::SetHash(Some(Focus::Actor(2)))),
            "{fx:?}"
        );
        assert_eq!(p.reader.selected, Some(Focus::Actor(2)));
    }

    #[test]
    fn cards_flag_off_means_no_card_anywhere() {
        let mut p = Page::with_flags(Flags {
            cards: false,
            ..Flags::default()
        });
        assert!(!p.reader.cards_on());
        p.hover(0);
        p.send(Event::FocusIn { target: mention(1) });
        p.send(Event::Click {
            target: mention(1),
            at: None,
        });
        p.send(Event::Click {
            target: Target::Node(Layout::Wide, 1),
            at: Some(AT),
        });
        p.send(Event::Key {
            target: Target::Node(Layout::Wide, 1),
            key: Key::Enter,
        });
        p.send(Event::Switch);
        p.send(Event::Start {
            cards_stored_on: true,
            hash: Some(Focus::Actor(0)),
        });
        p.send(Event::FocusIn { target: mention(2) });
        assert_eq!(p.open(), None, "no card opens");
        assert!(!p.reader.cards_on());
        assert_eq!(
            p.reader.selected,
            Some(Focus::Actor(0)),
            "the graph still selects"
        );
    }

    #[test]
    fn the_switch_turns_cards_off_and_on_and_is_remembered() {
        let mut p = Page::new();
        p.then_rendered(Event::FocusIn { target: mention(0) });
        let fx = p.then_rendered(Event::Switch);
        assert_eq!(fx[0], Effect::StoreCards(false));
        assert!(!p.reader.cards_on());
        assert_eq!(p.open(), None);
        p.send(Event::FocusIn { target: mention(1) });
        assert_eq!(p.open(), None, "nothing opens while off");
        assert_eq!(p.send(Event::Switch), vec![Effect::StoreCards(true)]);
        p.send(Event::FocusIn { target: mention(1) });
        assert_eq!(p.open(), Some(Anchor::Mention(1)));
    }

    #[test]
    fn a_stored_choice_of_no_cards_holds_from_the_start() {
        let mut p = Page::new();
        p.send(Event::Start {
            cards_stored_on: false,
            hash: None,
        });
        assert!(!p.reader.cards_on());
        p.send(Event::FocusIn { target: mention(1) });
        assert_eq!(p.open(), None);
    }

    #[test]
    fn turning_cards_off_from_the_card_moves_focus_to_the_switch() {
        let mut p = Page::new();
        p.then_rendered(Event::FocusIn { target: mention(0) });
        let fx = p.send(Event::Card(CardAction::CardsOff));
        assert_eq!(
            fx,
            vec![
                Effect::StoreCards(false),
                Effect::RenderCard(None),
                Effect::FocusSwitch
            ]
        );
    }

    #[test]
    fn stepping_shows_the_next_mention_and_scrolls_to_it() {
        let mut p = Page::new();
        p.then_rendered(Event::FocusIn { target: mention(0) });
        let fx = p.then_rendered(Event::Card(CardAction::Step(1)));
        assert!(
            fx.contains(&Effect::ScrollTo(Scroll::Anchor(Anchor::Mention(2)))),
            "{fx:?}"
        );
        assert_eq!(p.open(), Some(Anchor::Mention(2)));
        p.then_rendered(Event::Card(CardAction::Step(-1)));
        assert_eq!(p.open(), Some(Anchor::Mention(0)));
        p.then_rendered(Event::Card(CardAction::Step(-1)));
        assert_eq!(p.open(), Some(Anchor::Mention(5)), "wraps around");
    }

    #[test]
    fn from_a_node_card_next_is_the_first_mention_and_previous_the_last() {
        let mut p = Page::new();
        p.then_rendered(Event::Click {
            target: Target::Node(Layout::Wide, 0),
            at: Some(AT),
        });
        p.then_rendered(Event::Card(CardAction::Step(1)));
        assert_eq!(p.open(), Some(Anchor::Mention(0)));
        let mut q = Page::new();
        q.then_rendered(Event::Click {
            target: Target::Node(Layout::Wide, 0),
            at: Some(AT),
        });
        q.then_rendered(Event::Card(CardAction::Step(-1)));
        assert_eq!(q.open(), Some(Anchor::Mention(5)));
    }

    #[test]
    fn pointing_at_the_graph_emphasises_and_leaving_clears_but_the_selection_stays() {
        let mut p = Page::new();
        p.send(Event::Click {
            target: Target::Edge(Layout::Wide, 1),
            at: Some(AT),
        });
        assert_eq!(p.reader.active(), Some(Focus::Relation(1)));
        p.send(Event::PointerOver {
            target: Target::Node(Layout::Wide, 1),
            from: Target::Other,
            at: AT,
            pointer: MOUSE,
        });
        assert_eq!(p.reader.active(), Some(Focus::Actor(1)));
        p.send(Event::PointerOut {
            target: Target::Node(Layout::Wide, 1),
            to: Target::Other,
            pointer: MOUSE,
        });
        assert_eq!(
            p.reader.active(),
            Some(Focus::Relation(1)),
            "back to the selection"
        );
    }

    #[test]
    fn an_edge_click_selects_it_and_scrolls_to_its_sentence() {
        let mut p = Page::new();
        let fx = p.send(Event::Click {
            target: Target::Edge(Layout::Compact, 0),
            at: Some(AT),
        });
        assert_eq!(
            fx,
            vec![
                Effect::SetHash(Some(Focus::Relation(0))),
                Effect::ScrollTo(Scroll::Sentence(2))
            ]
        );
        assert_eq!(p.open(), None, "a line opens no card");
    }

    #[test]
    fn arrow_keys_move_the_tab_stop_between_nodes_in_the_layout_that_has_focus() {
        let mut p = Page::new();
        let node = Target::Node(Layout::Compact, 0);
        p.send(Event::FocusIn { target: node });
        let fx = p.send(Event::Key {
            target: node,
            key: Key::Arrow(Direction::Right),
        });
        assert_eq!(
            fx,
            vec![
                Effect::PreventDefault,
                Effect::FocusGraphItem(Layout::Compact, Focus::Actor(1))
            ]
        );
        assert_eq!(p.reader.stops[Layout::Compact.index()].node, Some(1));
        assert_eq!(
            p.reader.stops[Layout::Wide.index()].node,
            Some(0),
            "the other layout keeps its own"
        );
        // Nothing further that way: the key is still ours (no page scroll), nothing moves.
        let fx = p.send(Event::Key {
            target: Target::Node(Layout::Compact, 1),
            key: Key::Arrow(Direction::Right),
        });
        assert_eq!(fx, vec![Effect::PreventDefault]);
        let fx = p.send(Event::Key {
            target: Target::Node(Layout::Compact, 1),
            key: Key::End,
        });
        assert!(fx.contains(&Effect::FocusGraphItem(Layout::Compact, Focus::Actor(2))));
    }

    #[test]
    fn arrow_keys_cycle_through_the_lines_that_show() {
        let mut p = Page::new();
        p.send(Event::Legend(RelationKind::Trade));
        let edge = Target::Edge(Layout::Wide, 0);
        let fx = p.send(Event::Key {
            target: edge,
            key: Key::Arrow(Direction::Down),
        });
        assert_eq!(
            fx,
            vec![
                Effect::PreventDefault,
                Effect::FocusGraphItem(Layout::Wide, Focus::Relation(0))
            ],
            "the only line that shows"
        );
        p.send(Event::Legend(RelationKind::Trade));
        let fx = p.send(Event::Key {
            target: edge,
            key: Key::Arrow(Direction::Left),
        });
        assert!(fx.contains(&Effect::FocusGraphItem(Layout::Wide, Focus::Relation(1))));
    }

    #[test]
    fn hiding_the_type_of_the_lines_tab_stop_moves_it_to_a_line_that_shows() {
        let mut p = Page::new();
        assert_eq!(p.reader.stops[0].edge, Some(0));
        p.send(Event::Legend(RelationKind::Feud));
        assert_eq!(p.reader.stops[0].edge, Some(1));
        assert_eq!(p.reader.stops[1].edge, Some(1));
        p.send(Event::Legend(RelationKind::Trade));
        assert_eq!(p.reader.stops[0].edge, None, "no line shows");
        p.send(Event::Legend(RelationKind::Feud));
        assert_eq!(
            p.reader.stops[0].edge,
            Some(0),
            "a line shows again: it gets the stop"
        );
    }

    #[test]
    fn enter_on_a_node_selects_it_and_opens_its_card_with_focus_inside() {
        let mut p = Page::new();
        let node = Target::Node(Layout::Wide, 1);
        p.send(Event::FocusIn { target: node });
        let fx = p.send(Event::Key {
            target: node,
            key: Key::Enter,
        });
        assert_eq!(
            fx,
            vec![
                Effect::PreventDefault,
                Effect::SetHash(Some(Focus::Actor(1))),
                Effect::RenderCard(Some(Anchor::Node(1)))
            ]
        );
        assert!(p.send(Event::CardRendered).contains(&Effect::FocusCard));
    }

    #[test]
    fn escape_on_the_graph_clears_the_selection() {
        let mut p = Page::new();
        let edge = Target::Edge(Layout::Wide, 1);
        p.send(Event::Click {
            target: edge,
            at: None,
        });
        let fx = p.send(Event::Key {
            target: edge,
            key: Key::Escape,
        });
        assert_eq!(fx, vec![Effect::SetHash(None)]);
        assert_eq!(p.reader.selected, None);
    }

    #[test]
    fn a_deep_link_selects_and_reveals_without_rewriting_the_address() {
        let mut p = Page::new();
        let fx = p.send(Event::Start {
            cards_stored_on: true,
            hash: Some(Focus::Relation(1)),
        });
        assert_eq!(fx, vec![Effect::ScrollTo(Scroll::Sentence(5))]);
        assert_eq!(p.reader.selected, Some(Focus::Relation(1)));
        let fx = p.send(Event::HashChange(Some(Focus::Actor(2))));
        assert_eq!(fx, vec![Effect::ScrollTo(Scroll::Anchor(Anchor::Node(2)))]);
        assert_eq!(p.reader.selected, Some(Focus::Actor(2)));
    }

    #[test]
    fn the_graph_view_selects_relations_without_scrolling_to_text_it_does_not_show() {
        let mut p = Page::with_flags(Flags::parse("view=graph"));
        let fx = p.send(Event::Start {
            cards_stored_on: true,
            hash: Some(Focus::Relation(1)),
        });
        assert_eq!(fx, vec![], "selected, and the graph in view shows it");
        assert_eq!(p.reader.selected, Some(Focus::Relation(1)));
        let fx = p.send(Event::TableLink(1));
        assert_eq!(
            fx,
            vec![
                Effect::PreventDefault,
                Effect::SetHash(Some(Focus::Relation(1)))
            ]
        );
        let edge = Target::Edge(Layout::Wide, 2);
        let fx = p.send(Event::Click {
            target: edge,
            at: None,
        });
        assert_eq!(fx, vec![Effect::SetHash(Some(Focus::Relation(2)))]);
        let fx = p.send(Event::Key {
            target: edge,
            key: Key::Enter,
        });
        assert!(
            !fx.iter()
                .any(|e| matches!(e, Effect::ScrollTo(Scroll::Sentence(_)))),
            "{fx:?}"
        );
        // An actor's deep link still brings its node into view.
        let fx = p.send(Event::HashChange(Some(Focus::Actor(2))));
        assert_eq!(fx, vec![Effect::ScrollTo(Scroll::Anchor(Anchor::Node(2)))]);
    }

    #[test]
    fn the_graph_view_steps_to_no_mention() {
        let mut p = Page::with_flags(Flags::parse("view=graph"));
        p.then_rendered(Event::Click {
            target: Target::Node(Layout::Wide, 0),
            at: None,
        });
        let open = p.open();
        assert_eq!(open, Some(Anchor::Node(0)));
        let fx = p.send(Event::Card(CardAction::Step(1)));
        assert_eq!(fx, vec![]);
        assert_eq!(p.open(), open);
    }

    #[test]
    fn a_table_link_selects_its_relation_instead_of_jumping() {
        let mut p = Page::new();
        let fx = p.send(Event::TableLink(1));
        assert_eq!(
            fx,
            vec![
                Effect::PreventDefault,
                Effect::SetHash(Some(Focus::Relation(1))),
                Effect::ScrollTo(Scroll::Sentence(5))
            ]
        );
        assert_eq!(
            p.send(Event::TableLink(9)),
            vec![],
            "not a relation: the link works as a link"
        );
    }

    #[test]
    fn show_in_the_graph_selects_scrolls_and_focuses_the_node() {
        let mut p = Page::new();
        p.then_rendered(Event::FocusIn { target: mention(0) });
        let fx = p.send(Event::Card(CardAction::ShowActor));
        assert_eq!(
            fx,
            vec![
                Effect::SetHash(Some(Focus::Actor(0))),
                Effect::ScrollTo(Scroll::Anchor(Anchor::Node(0))),
                Effect::Focus(Anchor::Node(0))
            ]
        );
        // Focus reaching the node closes the card opened by focus.
        p.then_rendered(Event::FocusIn {
            target: Target::Node(Layout::Wide, 0),
        });
        assert_eq!(p.open(), None);
        assert_eq!(p.reader.active(), Some(Focus::Actor(0)));
    }

    #[test]
    fn a_resize_places_the_open_card_again_by_its_anchor_alone() {
        let mut p = Page::new();
        p.hover(3);
        assert_eq!(
            p.send(Event::Resize),
            vec![Effect::PlaceCard {
                anchor: Anchor::Mention(3),
                pointer: None
            }]
        );
        let mut q = Page::new();
        assert_eq!(q.send(Event::Resize), vec![], "no card, nothing to place");
    }

    #[test]
    fn a_second_tap_on_a_node_closes_its_card_as_on_a_name() {
        let mut p = Page::new();
        let node = Target::Node(Layout::Compact, 2);
        for _ in 0..2 {
            p.send(Event::PointerDown {
                target: node,
                pointer: Pointer::Touch,
            });
            p.then_rendered(Event::Click {
                target: node,
                at: Some(AT),
            });
        }
        assert_eq!(p.open(), None, "the second tap closed it");
    }

    #[test]
    fn a_finger_on_a_card_the_mouse_opened_neither_holds_nor_closes_it() {
        let mut p = Page::new();
        p.hover(2);
        assert_eq!(p.open(), Some(Anchor::Mention(2)));
        // The mouse leaves the name: the grace period starts; a finger on the card does not stop it.
        let fx = p.send(Event::PointerOut {
            target: mention(2),
            to: Target::Other,
            pointer: MOUSE,
        });
        assert!(
            fx.contains(&Effect::StartTimer(Timer::Close, CLOSE_MS)),
            "{fx:?}"
        );
        let over = Event::PointerOver {
            target: Target::Card,
            from: Target::Other,
            at: AT,
            pointer: Pointer::Touch,
        };
        assert_eq!(p.send(over), vec![], "a touch does not hover");
        // Nor does a finger leaving a card the mouse holds open start closing it.
        let mut q = Page::new();
        q.hover(2);
        q.send(Event::PointerOver {
            target: Target::Card,
            from: mention(2),
            at: AT,
            pointer: MOUSE,
        });
        let out = Event::PointerOut {
            target: Target::Card,
            to: Target::Other,
            pointer: Pointer::Touch,
        };
        assert_eq!(q.send(out), vec![]);
    }

    #[test]
    fn escape_after_focus_left_the_card_for_nothing_does_not_move_focus() {
        let open_with_focus_in_card = || {
            let mut p = Page::new();
            p.then_rendered(Event::FocusIn { target: mention(0) });
            p.send(Event::FocusIn {
                target: Target::Card,
            });
            p
        };
        // Focus leaves the card for the page's body (a press on nothing): Esc closes the card and
        // leaves focus where the reader put it.
        let mut p = open_with_focus_in_card();
        p.send(Event::FocusOut {
            target: Target::Card,
            to: Target::Other,
        });
        let fx = p.send(Event::Key {
            target: Target::Other,
            key: Key::Escape,
        });
        assert_eq!(p.open(), None);
        assert!(!fx.iter().any(|e| matches!(e, Effect::Focus(_))), "{fx:?}");
        // A focusout from something that no longer had focus changes nothing: focus is still in
        // the card, and Esc brings it back to the name.
        let mut q = open_with_focus_in_card();
        q.send(Event::FocusOut {
            target: mention(1),
            to: Target::Other,
        });
        let fx = q.send(Event::Key {
            target: Target::Card,
            key: Key::Escape,
        });
        assert!(fx.contains(&Effect::Focus(Anchor::Mention(0))), "{fx:?}");
    }

    #[test]
    fn home_and_end_go_to_the_first_and_last_node_and_line() {
        let mut p = Page::new();
        let nodes: Vec<ActorId> = p
            .story
            .nodes(Layout::Wide)
            .iter()
            .map(|n| n.actor)
            .collect();
        let key = |p: &mut Page, item: Focus, key: Key| {
            let target = match item {
                Focus::Actor(a) => Target::Node(Layout::Wide, a),
                Focus::Relation(r) => Target::Edge(Layout::Wide, r),
            };
            p.send(Event::Key { target, key })
        };
        let focus = |item| Effect::FocusGraphItem(Layout::Wide, item);
        let middle = Focus::Actor(nodes[1]);
        assert!(key(&mut p, middle, Key::Home).contains(&focus(Focus::Actor(nodes[0]))));
        let last = Focus::Actor(*nodes.last().unwrap());
        assert!(key(&mut p, middle, Key::End).contains(&focus(last)));
        let lines = p.story.relations.len() as RelationId;
        assert!(lines >= 2, "the sample has two lines or more");
        let (first, last) = (Focus::Relation(0), Focus::Relation(lines - 1));
        assert!(key(&mut p, last, Key::Home).contains(&focus(first)));
        assert!(key(&mut p, first, Key::End).contains(&focus(last)));
    }

    #[test]
    fn the_arrow_keys_walk_the_lines_and_wrap_around() {
        let mut p = Page::new();
        let lines = p.story.relations.len() as RelationId;
        let mut press = |r: RelationId, d: Direction| {
            p.send(Event::Key {
                target: Target::Edge(Layout::Wide, r),
                key: Key::Arrow(d),
            })
        };
        let to = |r| Effect::FocusGraphItem(Layout::Wide, Focus::Relation(r));
        assert!(press(0, Direction::Right).contains(&to(1)));
        assert!(press(1, Direction::Left).contains(&to(0)));
        assert!(
            press(lines - 1, Direction::Down).contains(&to(0)),
            "past the last: the first"
        );
        assert!(
            press(0, Direction::Up).contains(&to(lines - 1)),
            "before the first: the last"
        );
    }

    #[test]
    fn left_and_up_go_to_the_line_before() {
        // Three lines: with two, the line before and the line after are the same one.
        let two = story();
        let mut relations = two.relations.clone();
        relations.push(crate::Relation {
            id: "b-c".into(),
            ..relations[0].clone()
        });
        let three = Story::new(
            two.actors.clone(),
            two.mentions.clone(),
            relations,
            two.nodes.clone(),
            two.words.clone(),
        );
        let mut p = Page {
            reader: Reader::new(&three, Flags::default()),
            story: three,
        };
        for d in [Direction::Left, Direction::Up] {
            let fx = p.send(Event::Key {
                target: Target::Edge(Layout::Wide, 2),
                key: Key::Arrow(d),
            });
            let to = Effect::FocusGraphItem(Layout::Wide, Focus::Relation(1));
            assert!(fx.contains(&to), "{d:?}: {fx:?}");
        }
    }

    #[test]
    fn a_mention_left_and_moved_onto_again_without_pointerover_is_entered_again() {
        let mut p = Page::new();
        p.send(Event::PointerOver {
            target: mention(0),
            from: Target::Other,
            at: AT,
            pointer: MOUSE,
        });
        p.send(Event::PointerOut {
            target: mention(0),
            to: Target::Other,
            pointer: MOUSE,
        });
        // The browser sent no pointerover this time (the name came back under the pointer).
        let fx = p.send(Event::PointerMove {
            target: mention(0),
            at: Point { x: 12.0, y: 20.0 },
            pointer: MOUSE,
        });
        assert_eq!(fx, vec![Effect::StartTimer(Timer::Intent, INTENT_MS)]);
    }

    #[test]
    fn a_relation_in_the_card_shows_its_sentence_and_selects_its_line() {
        let mut p = Page::new();
        p.then_rendered(Event::FocusIn { target: mention(0) });
        let r = 1;
        let fx = p.send(Event::Card(CardAction::ShowRelation(r)));
        let sentence = p.story.relation(r).sentences.0;
        assert!(
            fx.contains(&Effect::SetHash(Some(Focus::Relation(r)))),
            "{fx:?}"
        );
        assert!(
            fx.contains(&Effect::ScrollTo(Scroll::Sentence(sentence))),
            "{fx:?}"
        );
        assert_eq!(p.reader.selected, Some(Focus::Relation(r)));
        // A relation the story does not have (a stale page) does nothing.
        let past_the_end = p.story.relations.len() as RelationId;
        assert_eq!(
            p.send(Event::Card(CardAction::ShowRelation(past_the_end))),
            vec![]
        );
        assert_eq!(p.reader.selected, Some(Focus::Relation(r)));
    }

    #[test]
    fn a_table_link_to_no_relation_is_ignored() {
        let mut p = Page::new();
        let past_the_end = p.story.relations.len() as RelationId;
        assert_eq!(p.send(Event::TableLink(past_the_end)), vec![]);
        assert_eq!(p.reader.selected, None);
    }

    #[test]
    fn cards_are_on_until_switched_off() {
        let mut p = Page::new();
        assert!(p.reader.cards_on(), "a first visit: names marked, cards on");
        p.send(Event::Switch);
        assert!(!p.reader.cards_on());
        p.send(Event::Switch);
        assert!(p.reader.cards_on(), "switched back on");
    }

    #[test]
    fn a_tap_toggles_the_card_and_touch_never_hovers() {
        let mut p = Page::new();
        let touch = Pointer::Touch;
        assert_eq!(
            p.send(Event::PointerOver {
                target: mention(1),
                from: Target::Other,
                at: AT,
                pointer: touch
            }),
            vec![]
        );
        p.send(Event::PointerDown {
            target: mention(1),
            pointer: touch,
        });
        p.send(Event::FocusIn { target: mention(1) });
        p.then_rendered(Event::Click {
            target: mention(1),
            at: Some(AT),
        });
        assert_eq!(p.open(), Some(Anchor::Mention(1)));
        p.send(Event::PointerDown {
            target: mention(1),
            pointer: touch,
        });
        p.then_rendered(Event::Click {
            target: mention(1),
            at: Some(AT),
        });
        assert_eq!(p.open(), None);
    }
}
