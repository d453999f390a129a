//! The page's interactive part. The page arrives prerendered (article, graph, table); this one
//! component takes it over: it listens once on the article, the graph, the legend, the table, the
//! switch, the document and the window, keeps the reader's state in one reducer (the model's card
//! state, what the graph points at, which relation types show), renders the hover card, and brings
//! the prerendered markup in line with the state by toggling classes and attributes. The wasm never
//! re-renders the article.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use article_model::interaction::{CardState, Effect, Input, Pointer};
use article_model::layout::{neighbour, Direction};
use article_model::{Document, Focus, RelationKind};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, KeyboardEvent, MouseEvent, PointerEvent};
use yew::prelude::*;
use yew::AppHandle;

use crate::app::{Anchor, DocRef};
use crate::components::hover_card::{self, step, CardAction, HoverCardProps};
use crate::components::relation_graph::kind_bit;
use crate::dom;

/// Everything the reader can change.
#[derive(Clone, PartialEq, Default)]
struct Reader {
    cards: CardState<Anchor>,
    /// The card's effects from the last change, for the shell to run.
    effects: Vec<Effect<Anchor>>,
    /// Bumped on every card change, so the effects run once per change.
    epoch: u32,
    /// What the reader chose in the graph (kept in the address).
    selected: Option<Focus>,
    /// What the pointer or keyboard is on in the graph right now.
    hovered: Option<Focus>,
    /// Relation types the legend hides, one bit per [`RelationKind::ALL`] index.
    hidden: u16,
}

enum Action {
    Card(Input<Anchor>),
    Hover(Option<Focus>),
    Select(Option<Focus>),
    ToggleKind(RelationKind),
}

impl Reader {
    /// Applies an action; false when nothing changed.
    fn reduce(&mut self, action: Action) -> bool {
        let before = self.clone();
        match action {
            Action::Card(input) => {
                let effects = self.cards.apply(input);
                if self.cards == before.cards && effects.is_empty() {
                    return false;
                }
                self.effects = effects;
                self.epoch = before.epoch.wrapping_add(1);
            }
            Action::Hover(focus) => self.hovered = focus,
            Action::Select(focus) => self.selected = focus,
            Action::ToggleKind(kind) => self.hidden ^= kind_bit(kind),
        }
        *self != before
    }
    /// What the prerendered markup must show for this state.
    fn view(&self) -> dom::View {
        dom::View {
            cards_on: self.cards.enabled,
            open: match self.cards.open_anchor() {
                Some(Anchor::Mention(m)) => Some(m),
                _ => None,
            },
            active: self.hovered.or(self.selected),
            selected: self.selected,
            hidden: self.hidden,
        }
    }
}

/// Browser-side bookkeeping that never affects rendering.
#[derive(Default)]
struct Shell {
    intent: Option<Timeout>,
    close: Option<Timeout>,
    /// Where the pointer last was over a mention, for placing a card opened by pointer.
    pointer: Option<(f64, f64, Anchor)>,
    /// A pointer went down on this anchor: the focus that follows is not keyboard focus.
    pressed: Option<(Anchor, Pointer)>,
    /// We moved focus to this anchor ourselves: its focus event must not reopen the card.
    refocusing: Option<Anchor>,
    /// The anchor the card was last placed at.
    placed: Option<Anchor>,
    /// What the markup shows now.
    shown: dom::View,
    /// Mentions taken out of the text while cards are off, to put back.
    unmarked: dom::Unmarked,
    /// The page scrolled since the mouse last moved: a mention that comes under a still pointer
    /// was not pointed at, and opens nothing until the mouse moves.
    still: bool,
    /// The mention the card machine was last told the pointer entered (and not yet left).
    hovered: Option<Anchor>,
    /// Where the pointer was at its last move.
    rest: Option<(f64, f64)>,
}

type SharedShell = Rc<RefCell<Shell>>;

/// The interactive part's state, owned by the page's listeners (no component holds it: Yew only
/// renders the card, see [`CardHost`]).
struct Island {
    doc: &'static Document,
    reader: RefCell<Reader>,
    shell: SharedShell,
    /// Actions raised while one is being applied (focus moves fire events synchronously), in order.
    queue: RefCell<Vec<Action>>,
    busy: Cell<bool>,
    card: RefCell<Option<AppHandle<CardHost>>>,
    /// The open card's anchor as last handed to Yew.
    rendered: Cell<Option<Anchor>>,
    /// The card must be placed (and maybe focused) once Yew has rendered it.
    after_render: Cell<Option<bool>>,
}

/// A handle on the island that listeners and timers keep, to report what the reader does.
#[derive(Clone)]
pub struct Dispatch(Rc<Island>);

impl PartialEq for Dispatch {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Dispatch {
    fn dispatch(&self, action: Action) {
        self.0.queue.borrow_mut().push(action);
        if self.0.busy.replace(true) {
            return;
        }
        loop {
            let next = {
                let mut queue = self.0.queue.borrow_mut();
                (!queue.is_empty()).then(|| queue.remove(0))
            };
            let Some(action) = next else { break };
            self.apply(action);
        }
        self.0.busy.set(false);
    }

    /// Applies one action: the card's effects, the markup, and the card itself.
    fn apply(&self, action: Action) {
        let island = &*self.0;
        let (epoch, open) = {
            let mut reader = island.reader.borrow_mut();
            let epoch = reader.epoch;
            if !reader.reduce(action) {
                return;
            }
            (reader.epoch != epoch, reader.cards.open_anchor())
        };
        // A new card is rendered by Yew in a moment; the markup (the mention's aria-expanded and
        // aria-controls among it) follows once the card is there.
        let render = island.rendered.get() != open;
        if !render && island.after_render.get().is_none() {
            self.sync();
        }
        if !epoch {
            return;
        }
        let effects = std::mem::take(&mut island.reader.borrow_mut().effects);
        let focus_card = run_effects(&effects, self, &island.shell);
        if render {
            island.rendered.set(open);
            island.after_render.set(Some(focus_card));
            if let Some(card) = island.card.borrow_mut().as_mut() {
                card.update(CardHostProps {
                    island: self.clone(),
                    anchor: open,
                });
            }
        } else {
            self.place(open, focus_card);
        }
    }

    /// Brings the prerendered markup in line with the reader's state.
    fn sync(&self) {
        let view = self.0.reader.borrow().view();
        let mut shell = self.0.shell.borrow_mut();
        let shell = &mut *shell;
        if shell.shown != view {
            if shell.shown.cards_on != view.cards_on {
                // The mentions leave or come back into the text without a pointerout.
                shell.hovered = None;
            }
            dom::sync(self.0.doc, &shell.shown, &view, &mut shell.unmarked);
            shell.shown = view;
        }
    }

    /// Places the open card when its anchor changed, and focuses it if asked.
    fn place(&self, open: Option<Anchor>, focus_card: bool) {
        let shell = &self.0.shell;
        let placed = std::mem::replace(&mut shell.borrow_mut().placed, open);
        if let Some(anchor) = open.filter(|&a| Some(a) != placed) {
            let pointer = shell
                .borrow()
                .pointer
                .filter(|p| p.2 == anchor)
                .map(|(x, y, _)| (x, y));
            dom::place_open_card(anchor, pointer);
        }
        if focus_card {
            dom::focus_card();
        }
    }
}

fn pointer_kind(kind: &str) -> Pointer {
    match kind {
        "touch" => Pointer::Touch,
        "pen" => Pointer::Pen,
        _ => Pointer::Mouse,
    }
}

fn card(d: &Dispatch, input: Input<Anchor>) {
    d.dispatch(Action::Card(input));
}

/// Listens for `kind` on `target`; `active` listeners may cancel the event's default action.
fn listen(
    target: &EventTarget,
    kind: &'static str,
    active: bool,
    f: impl FnMut(&Event) + 'static,
) -> EventListener {
    let options = if active {
        EventListenerOptions::enable_prevent_default()
    } else {
        EventListenerOptions::default()
    };
    EventListener::new_with_options(target, kind, options, f)
}

fn client_point(e: &MouseEvent) -> (f64, f64) {
    (f64::from(e.client_x()), f64::from(e.client_y()))
}

/// True when focus reached `anchor` from the keyboard (not a pointer press, not our own refocusing).
fn keyboard_focus(shell: &SharedShell, anchor: Anchor) -> bool {
    let mut s = shell.borrow_mut();
    if s.refocusing.take() == Some(anchor) || s.pressed.is_some_and(|(a, _)| a == anchor) {
        return false;
    }
    s.pointer = None;
    true
}

/// A click, tap or Enter on an anchor: the card machine decides (open, pin, toggle, focus the card).
/// `e` is the click, if any.
fn activate(d: &Dispatch, shell: &SharedShell, anchor: Anchor, e: Option<&MouseEvent>) {
    let mut s = shell.borrow_mut();
    let pressed = s.pressed.take();
    let pointer = match e.filter(|e| !from_keyboard(e)) {
        Some(e) => {
            let (x, y) = client_point(e);
            s.pointer = Some((x, y, anchor));
            Some(pressed.map_or(Pointer::Mouse, |(_, kind)| kind))
        }
        None => {
            s.pointer = None;
            None
        }
    };
    drop(s);
    card(d, Input::Activate { anchor, pointer });
}

/// Whether a click came from the keyboard (Enter or Space). Chromium gives those a `detail` of 0;
/// Firefox gives Enter on a link a `detail` of 1, but, like every browser whose clicks are pointer
/// events, an empty `pointerType`.
fn from_keyboard(e: &MouseEvent) -> bool {
    e.detail() == 0
        || e.dyn_ref::<PointerEvent>()
            .is_some_and(|p| p.pointer_type().is_empty())
}

/// Selects something in the graph and puts it in the address, so the reader can share it.
fn select(d: &Dispatch, doc: &Document, focus: Option<Focus>) {
    dom::set_hash(focus.map(|f| doc.hash_of(f)).as_deref());
    d.dispatch(Action::Select(focus));
}

/// Brings a selection into view: a relation's sentence, or an actor's node.
fn reveal(doc: &Document, focus: Focus) {
    match focus {
        Focus::Relation(r) => dom::scroll_to_sentence(doc.relations[r as usize].sentences.0),
        Focus::Actor(a) => dom::scroll_to_anchor(Anchor::Node(a)),
    }
}

/// The article: every mention, through one set of listeners (and the document's pointer moves and
/// the window's scrolls, which tell a reader's pointing from text moving under a still pointer).
fn article_listeners(
    article: &EventTarget,
    d: &Dispatch,
    shell: &SharedShell,
) -> Vec<EventListener> {
    let over = {
        let (d, s) = (d.clone(), shell.clone());
        listen(article, "pointerover", false, move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else {
                return;
            };
            let Some((mention, el)) = dom::mention_at(e.target()) else {
                return;
            };
            if dom::is_within(e.related_target(), &el) {
                return;
            }
            let anchor = Anchor::Mention(mention);
            let (x, y) = client_point(e);
            let pointer = pointer_kind(&e.pointer_type());
            {
                let mut s = s.borrow_mut();
                s.pointer = Some((x, y, anchor));
                // The mouse has not moved since the reader last moved it: the mention came under it
                // (a scroll, whose event may come after this one, or a layout change).
                if pointer == Pointer::Mouse && (s.still || s.rest == Some((x, y))) {
                    return;
                }
                s.hovered = Some(anchor);
            }
            card(&d, Input::PointerEnterAnchor { anchor, pointer });
        })
    };
    let out = {
        let (d, s) = (d.clone(), shell.clone());
        listen(article, "pointerout", false, move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else {
                return;
            };
            let Some((mention, el)) = dom::mention_at(e.target()) else {
                return;
            };
            if !dom::is_within(e.related_target(), &el) {
                let anchor = Anchor::Mention(mention);
                let mut shell = s.borrow_mut();
                if shell.hovered == Some(anchor) {
                    shell.hovered = None;
                }
                drop(shell);
                card(&d, Input::PointerLeaveAnchor { anchor });
            }
        })
    };
    let moved = {
        let (d, s) = (d.clone(), shell.clone());
        // On the whole document: where the mouse rests is known wherever it is, so a mention that
        // comes under it is told from one it is moved onto.
        listen(&gloo::utils::document(), "pointermove", false, move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else {
                return;
            };
            let at = client_point(e);
            let mut shell = s.borrow_mut();
            // A move to where the mouse already was is the browser's, after the page moved under it.
            if shell.rest.replace(at) == Some(at) {
                return;
            }
            shell.still = false;
            let Some((mention, _)) = dom::mention_at(e.target()) else {
                return;
            };
            let anchor = Anchor::Mention(mention);
            shell.pointer = Some((at.0, at.1, anchor));
            // On a mention the machine was not told about: it came under the pointer while the
            // pointer was still (or the browser sent no pointerover), and the pointer now moves.
            if shell.hovered != Some(anchor) {
                shell.hovered = Some(anchor);
                drop(shell);
                let pointer = pointer_kind(&e.pointer_type());
                card(&d, Input::PointerEnterAnchor { anchor, pointer });
            }
        })
    };
    let scrolled = {
        let s = shell.clone();
        listen(&gloo::utils::window(), "scroll", false, move |_| {
            s.borrow_mut().still = true;
        })
    };
    let down = {
        let s = shell.clone();
        listen(article, "pointerdown", false, move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else {
                return;
            };
            let kind = pointer_kind(&e.pointer_type());
            s.borrow_mut().pressed =
                dom::mention_at(e.target()).map(|(m, _)| (Anchor::Mention(m), kind));
        })
    };
    let focus = {
        let (d, s) = (d.clone(), shell.clone());
        listen(article, "focusin", false, move |e| {
            let Some((mention, _)) = dom::mention_at(e.target()) else {
                return;
            };
            if keyboard_focus(&s, Anchor::Mention(mention)) {
                card(
                    &d,
                    Input::FocusAnchor {
                        anchor: Anchor::Mention(mention),
                    },
                );
            }
        })
    };
    let click = {
        let (d, s) = (d.clone(), shell.clone());
        listen(article, "click", true, move |e| {
            let Some(e) = e.dyn_ref::<MouseEvent>() else {
                return;
            };
            let Some((mention, _)) = dom::mention_at(e.target()) else {
                return;
            };
            e.prevent_default();
            activate(&d, &s, Anchor::Mention(mention), Some(e));
        })
    };
    vec![over, out, moved, scrolled, down, focus, click]
}

/// One layout of the graph: pointer, focus, click and the keyboard.
fn graph_listeners(
    svg: &Element,
    d: &Dispatch,
    shell: &SharedShell,
    doc: &'static Document,
) -> Vec<EventListener> {
    let over = {
        let d = d.clone();
        listen(svg, "pointerover", false, move |e| {
            if let Some((focus, _)) = dom::graph_item_at(e.target()) {
                d.dispatch(Action::Hover(Some(focus)));
            }
        })
    };
    let out = {
        let d = d.clone();
        listen(svg, "pointerout", false, move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else {
                return;
            };
            if let Some((_, el)) = dom::graph_item_at(e.target()) {
                if !dom::is_within(e.related_target(), &el) {
                    d.dispatch(Action::Hover(None));
                }
            }
        })
    };
    let down = {
        let s = shell.clone();
        listen(svg, "pointerdown", false, move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else {
                return;
            };
            if let Some((Focus::Actor(a), _)) = dom::graph_item_at(e.target()) {
                s.borrow_mut().pressed = Some((Anchor::Node(a), pointer_kind(&e.pointer_type())));
            }
        })
    };
    let click = {
        let (d, s) = (d.clone(), shell.clone());
        listen(svg, "click", false, move |e| {
            let Some(e) = e.dyn_ref::<MouseEvent>() else {
                return;
            };
            match dom::graph_item_at(e.target()) {
                Some((Focus::Actor(a), _)) => {
                    select(&d, doc, Some(Focus::Actor(a)));
                    activate(&d, &s, Anchor::Node(a), Some(e));
                }
                Some((Focus::Relation(r), _)) => {
                    select(&d, doc, Some(Focus::Relation(r)));
                    dom::scroll_to_sentence(doc.relations[r as usize].sentences.0);
                }
                None => {}
            }
        })
    };
    let keys = {
        let (d, s) = (d.clone(), shell.clone());
        let svg = svg.clone();
        listen(&svg.clone(), "keydown", true, move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            let Some((focus, _)) = dom::graph_item_at(e.target()) else {
                return;
            };
            let hidden = s.borrow().shown.hidden;
            if graph_key(doc, &svg, focus, &e.key(), hidden, &d, &s) {
                e.prevent_default();
            }
        })
    };
    vec![over, out, down, click, keys]
}

/// Keyboard focus on the graph's nodes and lines, heard on the element that holds the graphs: an
/// SVG element with focus listeners of its own would become a Tab stop in Chromium.
fn graph_focus_listeners(holder: &Element, d: &Dispatch) -> Vec<EventListener> {
    let focus_in = {
        let d = d.clone();
        listen(holder, "focusin", false, move |e| {
            d.dispatch(Action::Hover(
                dom::graph_item_at(e.target()).map(|(f, _)| f),
            ))
        })
    };
    let focus_out = {
        let d = d.clone();
        listen(holder, "focusout", false, move |_| {
            d.dispatch(Action::Hover(None))
        })
    };
    vec![focus_in, focus_out]
}

/// A key on a node or a line of the graph; true when it was ours.
fn graph_key(
    doc: &'static Document,
    svg: &Element,
    focus: Focus,
    key: &str,
    hidden: u16,
    d: &Dispatch,
    s: &SharedShell,
) -> bool {
    let compact = svg.class_list().contains("xa-graph-compact");
    let layout = if compact {
        &doc.graph.compact
    } else {
        &doc.graph.wide
    };
    let tag = if compact { "c" } else { "w" };
    match (focus, key) {
        (_, "Escape") => {
            select(d, doc, None);
            false
        }
        (Focus::Actor(a), "Enter" | " ") => {
            select(d, doc, Some(Focus::Actor(a)));
            activate(d, s, Anchor::Node(a), None);
            true
        }
        (Focus::Relation(r), "Enter" | " ") => {
            select(d, doc, Some(Focus::Relation(r)));
            dom::scroll_to_sentence(doc.relations[r as usize].sentences.0);
            true
        }
        (Focus::Actor(a), _) => {
            let direction = match key {
                "ArrowLeft" => Some(Direction::Left),
                "ArrowRight" => Some(Direction::Right),
                "ArrowUp" => Some(Direction::Up),
                "ArrowDown" => Some(Direction::Down),
                _ => None,
            };
            let points: Vec<(i16, i16)> = layout.nodes.iter().map(|n| (n.x, n.y)).collect();
            let Some(from) = layout.nodes.iter().position(|n| n.actor == a) else {
                return false;
            };
            let to = match (direction, key) {
                (Some(dir), _) => neighbour(&points, from, dir),
                (None, "Home") => Some(0),
                (None, "End") => Some(points.len() - 1),
                _ => None,
            };
            match to {
                Some(to) => {
                    dom::move_tab_stop(
                        svg,
                        ".xa-nodes",
                        &format!("xa-n-{tag}-{}", layout.nodes[to].actor),
                    );
                    true
                }
                None => direction.is_some(),
            }
        }
        (Focus::Relation(r), _) => {
            let visible: Vec<u16> = (0..doc.relations.len() as u16)
                .filter(|&v| hidden & kind_bit(doc.relations[v as usize].kind) == 0)
                .collect();
            let Some(at) = visible.iter().position(|&v| v == r) else {
                return false;
            };
            let n = visible.len();
            let to = match key {
                "ArrowRight" | "ArrowDown" => Some((at + 1) % n),
                "ArrowLeft" | "ArrowUp" => Some((at + n - 1) % n),
                "Home" => Some(0),
                "End" => Some(n - 1),
                _ => None,
            };
            match to {
                Some(to) => {
                    dom::move_tab_stop(svg, ".xa-edges", &format!("xa-e-{tag}-{}", visible[to]));
                    true
                }
                None => false,
            }
        }
    }
}

/// The legend, the relations table and the cards switch.
fn control_listeners(d: &Dispatch, doc: &'static Document) -> Vec<EventListener> {
    let document = gloo::utils::document();
    let mut listeners = Vec::new();
    if let Some(legend) = document.query_selector(".xa-legend").ok().flatten() {
        let d = d.clone();
        listeners.push(listen(&legend, "click", false, move |e| {
            let kind =
                dom::closest_attr(e.target(), "data-kind").and_then(|k| RelationKind::from_key(&k));
            if let Some(kind) = kind {
                d.dispatch(Action::ToggleKind(kind));
            }
        }));
    }
    if let Some(table) = document.query_selector(".xa-table").ok().flatten() {
        let d = d.clone();
        listeners.push(listen(&table, "click", true, move |e| {
            let relation =
                dom::closest_attr(e.target(), "data-rel").and_then(|r| r.parse::<u16>().ok());
            if let Some(r) = relation.filter(|&r| usize::from(r) < doc.relations.len()) {
                e.prevent_default();
                select(&d, doc, Some(Focus::Relation(r)));
                dom::scroll_to_sentence(doc.relations[r as usize].sentences.0);
            }
        }));
    }
    if let Some(switch) = document.query_selector(".xa-switch").ok().flatten() {
        let d = d.clone();
        let button = switch.clone();
        listeners.push(listen(&switch, "click", false, move |_| {
            let on = button.get_attribute("aria-pressed").as_deref() != Some("true");
            dom::store_cards_on(on);
            card(&d, Input::SetEnabled(on));
        }));
    }
    listeners
}

/// What happens outside the article: Esc, presses and focus elsewhere, viewport resizes (which
/// re-place the card) and deep links typed into the address bar.
fn document_listeners(
    d: &Dispatch,
    shell: &SharedShell,
    doc: &'static Document,
) -> Vec<EventListener> {
    let document = gloo::utils::document();
    let window = gloo::utils::window();
    let keydown = {
        let d = d.clone();
        listen(&document, "keydown", false, move |e| {
            let key = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
            if key.as_deref() == Some("Escape") {
                card(
                    &d,
                    Input::Escape {
                        focus_in_card: dom::focus_in_card(),
                    },
                );
            }
        })
    };
    let pointerdown = {
        let (d, s) = (d.clone(), shell.clone());
        listen(&document, "pointerdown", false, move |e| {
            if dom::mention_at(e.target()).is_none() && !dom::in_card(e.target()) {
                if dom::graph_item_at(e.target()).is_none() {
                    s.borrow_mut().pressed = None;
                }
                card(&d, Input::PressOutside);
            }
        })
    };
    let focusin = {
        let d = d.clone();
        listen(&document, "focusin", false, move |e| {
            if dom::mention_at(e.target()).is_none() && !dom::in_card(e.target()) {
                card(&d, Input::FocusElsewhere);
            }
        })
    };
    let resize = {
        let s = shell.clone();
        listen(&window, "resize", false, move |_| {
            // The pointer position is stale after a resize: place by the anchor alone.
            let placed = s.borrow().placed;
            if let Some(anchor) = placed {
                dom::place_open_card(anchor, None);
            }
        })
    };
    let hashchange = {
        let d = d.clone();
        listen(&window, "hashchange", false, move |_| {
            if let Some(focus) = doc.parse_hash(&dom::hash()) {
                d.dispatch(Action::Select(Some(focus)));
                reveal(doc, focus);
            }
        })
    };
    vec![keydown, pointerdown, focusin, resize, hashchange]
}

/// Runs the card machine's effects; true when the card should take focus (once it is rendered).
fn run_effects(effects: &[Effect<Anchor>], dispatch: &Dispatch, shell: &SharedShell) -> bool {
    let mut focus_card = false;
    for effect in effects {
        let d = dispatch.clone();
        match *effect {
            Effect::StartIntentTimer(ms) => {
                let timer = Timeout::new(ms, move || card(&d, Input::IntentElapsed));
                shell.borrow_mut().intent = Some(timer);
            }
            Effect::CancelIntentTimer => shell.borrow_mut().intent = None,
            Effect::StartCloseTimer(ms) => {
                let timer = Timeout::new(ms, move || card(&d, Input::CloseElapsed));
                shell.borrow_mut().close = Some(timer);
            }
            Effect::CancelCloseTimer => shell.borrow_mut().close = None,
            Effect::FocusCard => focus_card = true,
            Effect::FocusAnchor(anchor) => {
                shell.borrow_mut().refocusing = Some(anchor);
                if !dom::focus_anchor(anchor) {
                    shell.borrow_mut().refocusing = None;
                }
            }
            Effect::ScrollToAnchor(anchor) => {
                shell.borrow_mut().pointer = None;
                dom::scroll_to_anchor(anchor);
            }
        }
    }
    focus_card
}

/// Takes over the prerendered page: listens on the article, the graph, the controls and the
/// document, and renders the hover card into `host` (`#xa-card-host`).
pub fn start(doc: &'static Document, host: Element) {
    let island = Rc::new(Island {
        doc,
        reader: RefCell::default(),
        shell: Rc::new(RefCell::new(Shell {
            shown: dom::View::prerendered(),
            ..Shell::default()
        })),
        queue: RefCell::default(),
        busy: Cell::new(false),
        card: RefCell::default(),
        rendered: Cell::new(None),
        after_render: Cell::new(None),
    });
    let d = Dispatch(island.clone());
    let props = CardHostProps {
        island: d.clone(),
        anchor: None,
    };
    *island.card.borrow_mut() =
        Some(yew::Renderer::<CardHost>::with_root_and_props(host, props).render());

    let s = &island.shell;
    let document = gloo::utils::document();
    let mut listeners = document_listeners(&d, s, doc);
    if let Some(article) = document.query_selector("article.xa-article").ok().flatten() {
        listeners.extend(article_listeners(&article, &d, s));
    }
    let graphs = dom::all("svg.xa-graph");
    for svg in &graphs {
        listeners.extend(graph_listeners(svg, &d, s, doc));
    }
    if let Some(holder) = graphs.first().and_then(|svg| svg.parent_element()) {
        listeners.extend(graph_focus_listeners(&holder, &d));
    }
    listeners.extend(control_listeners(&d, doc));
    // The page lives as long as the listeners: they are never removed.
    std::mem::forget(listeners);
    if !dom::stored_cards_on() {
        card(&d, Input::SetEnabled(false));
    }
    if let Some(focus) = doc.parse_hash(&dom::hash()) {
        d.dispatch(Action::Select(Some(focus)));
        reveal(doc, focus);
    }
    dom::mark("xa-interactive");
}

#[derive(Properties, PartialEq)]
pub struct CardHostProps {
    island: Dispatch,
    anchor: Option<Anchor>,
}

/// The one Yew component in the browser: renders the open card (or nothing) and, once it is in
/// the page, lets the island place and focus it.
pub struct CardHost;

impl Component for CardHost {
    type Message = ();
    type Properties = CardHostProps;

    fn create(_: &Context<Self>) -> Self {
        CardHost
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let Some(anchor) = props.anchor else {
            return html! {};
        };
        let doc = props.island.0.doc;
        let dispatch = props.island.clone();
        let on_input = {
            let d = dispatch.clone();
            Callback::from(move |input: Input<Anchor>| card(&d, input))
        };
        let on_action = Callback::from(move |action: CardAction| {
            let d = &dispatch;
            match action {
                CardAction::Close => card(d, Input::CloseButton),
                CardAction::Step(by) => {
                    let target = Anchor::Mention(step(doc, anchor, by));
                    card(d, Input::Show { anchor: target });
                }
                CardAction::CardsOff => {
                    dom::store_cards_on(false);
                    card(d, Input::SetEnabled(false));
                    dom::focus_switch();
                }
                CardAction::Show(focus) => {
                    select(d, doc, Some(focus));
                    match focus {
                        Focus::Relation(r) => {
                            dom::scroll_to_sentence(doc.relations[r as usize].sentences.0)
                        }
                        Focus::Actor(a) => {
                            dom::scroll_to_anchor(Anchor::Node(a));
                            dom::focus_anchor(Anchor::Node(a));
                        }
                    }
                }
            }
        });
        hover_card::view(&HoverCardProps {
            doc: DocRef(doc),
            anchor,
            on_input,
            on_action,
        })
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first: bool) {
        let island = &ctx.props().island;
        if let Some(focus_card) = island.0.after_render.take() {
            island.sync();
            island.place(ctx.props().anchor, focus_card);
        }
    }
}
