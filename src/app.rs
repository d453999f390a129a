//! The root component: owns the page state (one reducer: the model's card state, what the graph
//! focuses on, which relation types are shown), turns DOM events into the model's inputs, and
//! carries out the effects it returns.

use std::cell::RefCell;
use std::rc::Rc;

use article_model::interaction::{CardState, Effect, Input, Pointer};
use article_model::{ActorId, Document, Focus, MentionId, RelationKind};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::relation_graph::kind_bit;
use crate::components::{
    ArticleBody, CardsSwitch, GraphHandlers, HoverCard, MentionHandlers, RelationFigure,
};
use crate::dom;

/// The compiled document, compared by address: it is static and never changes.
#[derive(Clone, Copy, Debug)]
pub struct DocRef(pub &'static Document);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub doc: DocRef,
}

/// What a card is attached to: a mention in the text, or an actor's node in the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Mention(MentionId),
    Node(ActorId),
}

impl Anchor {
    pub fn actor(self, doc: &Document) -> ActorId {
        match self {
            Anchor::Mention(m) => doc.mentions[m as usize].actor,
            Anchor::Node(a) => a,
        }
    }
}

/// Everything the page shows that can change.
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

pub enum Action {
    Card(Input<Anchor>),
    Hover(Option<Focus>),
    Select(Option<Focus>),
    ToggleKind(RelationKind),
}

impl Reducible for Reader {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Card(input) => {
                let effects = next.cards.apply(input);
                if next.cards == self.cards && effects.is_empty() {
                    return self;
                }
                next.effects = effects;
                next.epoch = self.epoch.wrapping_add(1);
            }
            Action::Hover(focus) => next.hovered = focus,
            Action::Select(focus) => next.selected = focus,
            Action::ToggleKind(kind) => next.hidden ^= kind_bit(kind),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
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
}

type Dispatch = UseReducerDispatcher<Reader>;

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

fn mention_handlers(dispatch: Dispatch, shell: Rc<RefCell<Shell>>) -> MentionHandlers {
    let d = dispatch.clone();
    let s = shell.clone();
    let pointer_over = Callback::from(move |e: PointerEvent| {
        let Some((mention, el)) = dom::mention_at(e.target()) else {
            return;
        };
        if dom::is_within(e.related_target(), &el) {
            return;
        }
        let anchor = Anchor::Mention(mention);
        s.borrow_mut().pointer = Some((f64::from(e.client_x()), f64::from(e.client_y()), anchor));
        card(
            &d,
            Input::PointerEnterAnchor {
                anchor,
                pointer: pointer_kind(&e.pointer_type()),
            },
        );
    });
    let d = dispatch.clone();
    let pointer_out = Callback::from(move |e: PointerEvent| {
        let Some((mention, el)) = dom::mention_at(e.target()) else {
            return;
        };
        if !dom::is_within(e.related_target(), &el) {
            card(
                &d,
                Input::PointerLeaveAnchor {
                    anchor: Anchor::Mention(mention),
                },
            );
        }
    });
    let s = shell.clone();
    let pointer_move = Callback::from(move |e: PointerEvent| {
        if let Some((mention, _)) = dom::mention_at(e.target()) {
            let at = (
                f64::from(e.client_x()),
                f64::from(e.client_y()),
                Anchor::Mention(mention),
            );
            s.borrow_mut().pointer = Some(at);
        }
    });
    let s = shell.clone();
    let pointer_down = Callback::from(move |e: PointerEvent| {
        let kind = pointer_kind(&e.pointer_type());
        s.borrow_mut().pressed =
            dom::mention_at(e.target()).map(|(m, _)| (Anchor::Mention(m), kind));
    });
    let d = dispatch.clone();
    let s = shell.clone();
    let focus_in = Callback::from(move |e: FocusEvent| {
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
    });
    let click = Callback::from(move |e: MouseEvent| {
        let Some((mention, _)) = dom::mention_at(e.target()) else {
            return;
        };
        e.prevent_default();
        activate(&dispatch, &shell, Anchor::Mention(mention), Some(&e));
    });
    MentionHandlers {
        pointer_over,
        pointer_out,
        pointer_move,
        pointer_down,
        focus_in,
        click,
    }
}

/// True when focus reached `anchor` from the keyboard (not a pointer press, not our own refocusing).
fn keyboard_focus(shell: &Rc<RefCell<Shell>>, anchor: Anchor) -> bool {
    let mut s = shell.borrow_mut();
    if s.refocusing.take() == Some(anchor) || s.pressed.is_some_and(|(a, _)| a == anchor) {
        return false;
    }
    s.pointer = None;
    true
}

/// A click, tap or Enter on an anchor: the card machine decides (open, pin, toggle, focus the card).
/// `e` is the click, if any; a click with no detail comes from the keyboard.
fn activate(d: &Dispatch, shell: &Rc<RefCell<Shell>>, anchor: Anchor, e: Option<&MouseEvent>) {
    let mut s = shell.borrow_mut();
    let pressed = s.pressed.take();
    let pointer = match e.filter(|e| e.detail() != 0) {
        Some(e) => {
            s.pointer = Some((f64::from(e.client_x()), f64::from(e.client_y()), anchor));
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

fn graph_handlers(
    dispatch: Dispatch,
    shell: Rc<RefCell<Shell>>,
    doc: &'static Document,
) -> GraphHandlers {
    let d = dispatch.clone();
    let hover = Callback::from(move |focus: Option<Focus>| d.dispatch(Action::Hover(focus)));
    let s = shell.clone();
    let press = Callback::from(move |(actor, kind): (ActorId, String)| {
        s.borrow_mut().pressed = Some((Anchor::Node(actor), pointer_kind(&kind)));
    });
    let d = dispatch.clone();
    let node = Callback::from(move |(actor, e): (ActorId, Option<MouseEvent>)| {
        select(&d, doc, Some(Focus::Actor(actor)));
        activate(&d, &shell, Anchor::Node(actor), e.as_ref());
    });
    let d = dispatch.clone();
    let edge = Callback::from(move |relation: u16| {
        select(&d, doc, Some(Focus::Relation(relation)));
        dom::scroll_to_sentence(doc.relations[relation as usize].sentences.0);
    });
    let d = dispatch.clone();
    let clear = Callback::from(move |()| select(&d, doc, None));
    let toggle =
        Callback::from(move |kind: RelationKind| dispatch.dispatch(Action::ToggleKind(kind)));
    GraphHandlers {
        hover,
        press,
        node,
        edge,
        clear,
        toggle,
    }
}

/// Selects something in the graph and puts it in the address, so the reader can share it.
fn select(d: &Dispatch, doc: &Document, focus: Option<Focus>) {
    dom::set_hash(focus.map(|f| doc.hash_of(f)).as_deref());
    d.dispatch(Action::Select(focus));
}

/// Listens on the document for what happens outside the article: Esc, presses and focus elsewhere,
/// viewport resizes (which re-place the card) and deep links typed into the address bar.
fn document_listeners(
    dispatch: Dispatch,
    shell: Rc<RefCell<Shell>>,
    doc: &'static Document,
) -> Vec<EventListener> {
    let document = gloo::utils::document();
    let window = gloo::utils::window();
    let d = dispatch.clone();
    let keydown = EventListener::new(&document, "keydown", move |e| {
        let key = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
        if key.as_deref() == Some("Escape") {
            card(
                &d,
                Input::Escape {
                    focus_in_card: dom::focus_in_card(),
                },
            );
        }
    });
    let d = dispatch.clone();
    let s = shell.clone();
    let pointerdown = EventListener::new(&document, "pointerdown", move |e| {
        if dom::mention_at(e.target()).is_none() && !dom::in_card(e.target()) {
            if dom::node_at(e.target()).is_none() {
                s.borrow_mut().pressed = None;
            }
            card(&d, Input::PressOutside);
        }
    });
    let d = dispatch.clone();
    let focusin = EventListener::new(&document, "focusin", move |e| {
        if dom::mention_at(e.target()).is_none() && !dom::in_card(e.target()) {
            card(&d, Input::FocusElsewhere);
        }
    });
    let s = shell;
    let resize = EventListener::new(&window, "resize", move |_| {
        // The pointer position is stale after a resize: place by the anchor alone.
        let placed = s.borrow().placed;
        if let Some(anchor) = placed {
            dom::place_open_card(anchor, None);
        }
    });
    let hashchange = EventListener::new(&window, "hashchange", move |_| {
        if let Some(focus) = doc.parse_hash(&dom::hash()) {
            dispatch.dispatch(Action::Select(Some(focus)));
            reveal(doc, focus);
        }
    });
    vec![keydown, pointerdown, focusin, resize, hashchange]
}

/// Brings a deep-linked selection into view: a relation's sentence, or an actor's node.
fn reveal(doc: &Document, focus: Focus) {
    match focus {
        Focus::Relation(r) => dom::scroll_to_sentence(doc.relations[r as usize].sentences.0),
        Focus::Actor(a) => dom::scroll_to_anchor(Anchor::Node(a)),
    }
}

/// Runs the card machine's effects, then places the card when its anchor changed.
fn run_effects(reader: &Reader, dispatch: &Dispatch, shell: &Rc<RefCell<Shell>>) {
    let mut focus_card = false;
    for effect in &reader.effects {
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
    let open = reader.cards.open_anchor();
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

#[component]
pub fn App(props: &AppProps) -> Html {
    let doc = props.doc.0;
    let reader = use_reducer(Reader::default);
    let shell = use_mut_ref(Shell::default);
    let dispatch = reader.dispatcher();

    let handlers = {
        let (dispatch, shell) = (dispatch.clone(), shell.clone());
        (*use_memo((), move |_| mention_handlers(dispatch, shell))).clone()
    };
    let graph_handlers = {
        let (dispatch, shell) = (dispatch.clone(), shell.clone());
        (*use_memo((), move |_| graph_handlers(dispatch, shell, doc))).clone()
    };

    {
        let (dispatch, shell) = (dispatch.clone(), shell.clone());
        use_effect_with((), move |_| {
            let listeners = document_listeners(dispatch.clone(), shell, doc);
            if !dom::stored_cards_on() {
                card(&dispatch, Input::SetEnabled(false));
            }
            if let Some(focus) = doc.parse_hash(&dom::hash()) {
                dispatch.dispatch(Action::Select(Some(focus)));
                reveal(doc, focus);
            }
            dom::mark("xa-interactive");
            move || drop(listeners)
        });
    }

    {
        let (dispatch, shell) = (dispatch.clone(), shell.clone());
        let reader = reader.clone();
        use_effect_with(reader.epoch, move |_| {
            run_effects(&reader, &dispatch, &shell)
        });
    }

    let cards_on = reader.cards.enabled;
    let on_toggle = {
        let dispatch = dispatch.clone();
        use_callback((), move |on: bool, _| {
            dom::store_cards_on(on);
            card(&dispatch, Input::SetEnabled(on));
        })
    };
    let on_cards_off = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| {
            dom::store_cards_on(false);
            card(&dispatch, Input::SetEnabled(false));
            dom::focus_switch();
        })
    };
    let on_input = {
        let dispatch = dispatch.clone();
        use_callback((), move |input: Input<Anchor>, _| card(&dispatch, input))
    };
    let on_focus = use_callback((), move |focus: Focus, _| {
        select(&dispatch, doc, Some(focus));
        match focus {
            Focus::Relation(r) => dom::scroll_to_sentence(doc.relations[r as usize].sentences.0),
            Focus::Actor(a) => {
                dom::scroll_to_anchor(Anchor::Node(a));
                dom::focus_anchor(Anchor::Node(a));
            }
        }
    });
    let anchor = reader.cards.open_anchor();
    let open = match anchor {
        Some(Anchor::Mention(m)) => Some(m),
        _ => None,
    };
    let active = reader.hovered.or(reader.selected);

    html! {
        <main class="xa-root">
            <CardsSwitch on={cards_on} {on_toggle} graph={!doc.relations.is_empty()} />
            <ArticleBody doc={props.doc} {cards_on} {open} {active} {handlers} />
            if !doc.relations.is_empty() {
                <RelationFigure
                    doc={props.doc}
                    {active}
                    selected={reader.selected}
                    hidden={reader.hidden}
                    handlers={graph_handlers}
                />
            }
            if let Some(anchor) = anchor {
                <HoverCard doc={props.doc} {anchor} {on_input} {on_cards_off} {on_focus} />
            }
        </main>
    }
}
