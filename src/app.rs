//! The root component: owns the card state (one reducer over the model's [`CardState`]), turns DOM
//! events into the model's [`Input`]s, and carries out the [`Effect`]s it returns.

use std::cell::RefCell;
use std::rc::Rc;

use article_model::interaction::{CardState, Effect, Input, Pointer};
use article_model::{Document, MentionId};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{ArticleBody, CardsSwitch, HoverCard, MentionHandlers};
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

/// What the page shows: the card state, plus the effects of the last change for the shell to run.
#[derive(Clone, PartialEq, Default)]
struct Reader {
    cards: CardState,
    effects: Vec<Effect>,
    /// Bumped on every change, so the effects run once per change.
    epoch: u32,
}

impl Reducible for Reader {
    type Action = Input;

    fn reduce(self: Rc<Self>, input: Input) -> Rc<Self> {
        let mut cards = self.cards;
        let effects = cards.apply(input);
        if cards == self.cards && effects.is_empty() {
            return self;
        }
        Rc::new(Reader {
            cards,
            effects,
            epoch: self.epoch.wrapping_add(1),
        })
    }
}

/// Browser-side bookkeeping that never affects rendering.
#[derive(Default)]
struct Shell {
    intent: Option<Timeout>,
    close: Option<Timeout>,
    /// Where the pointer last was over a mention, for placing a card opened by pointer.
    pointer: Option<(f64, f64, MentionId)>,
    /// A pointer went down on this mention: the focus that follows is not keyboard focus.
    pressed: Option<(MentionId, Pointer)>,
    /// We moved focus to this mention ourselves: its focus event must not reopen the card.
    refocusing: Option<MentionId>,
    /// The mention the card was last placed at.
    placed: Option<MentionId>,
}

fn pointer_kind(kind: &str) -> Pointer {
    match kind {
        "touch" => Pointer::Touch,
        "pen" => Pointer::Pen,
        _ => Pointer::Mouse,
    }
}

fn handlers(dispatch: UseReducerDispatcher<Reader>, shell: Rc<RefCell<Shell>>) -> MentionHandlers {
    let d = dispatch.clone();
    let s = shell.clone();
    let pointer_over = Callback::from(move |e: PointerEvent| {
        let Some((mention, el)) = dom::mention_at(e.target()) else {
            return;
        };
        if dom::is_within(e.related_target(), &el) {
            return;
        }
        s.borrow_mut().pointer = Some((f64::from(e.client_x()), f64::from(e.client_y()), mention));
        d.dispatch(Input::PointerEnterMention {
            mention,
            pointer: pointer_kind(&e.pointer_type()),
        });
    });
    let d = dispatch.clone();
    let pointer_out = Callback::from(move |e: PointerEvent| {
        let Some((mention, el)) = dom::mention_at(e.target()) else {
            return;
        };
        if !dom::is_within(e.related_target(), &el) {
            d.dispatch(Input::PointerLeaveMention { mention });
        }
    });
    let s = shell.clone();
    let pointer_move = Callback::from(move |e: PointerEvent| {
        if let Some((mention, _)) = dom::mention_at(e.target()) {
            s.borrow_mut().pointer =
                Some((f64::from(e.client_x()), f64::from(e.client_y()), mention));
        }
    });
    let s = shell.clone();
    let pointer_down = Callback::from(move |e: PointerEvent| {
        s.borrow_mut().pressed =
            dom::mention_at(e.target()).map(|(m, _)| (m, pointer_kind(&e.pointer_type())));
    });
    let d = dispatch.clone();
    let s = shell.clone();
    let focus_in = Callback::from(move |e: FocusEvent| {
        let Some((mention, _)) = dom::mention_at(e.target()) else {
            return;
        };
        let mut shell = s.borrow_mut();
        if shell.refocusing.take() == Some(mention) {
            return;
        }
        if shell.pressed.is_some_and(|(m, _)| m == mention) {
            return;
        }
        shell.pointer = None;
        drop(shell);
        d.dispatch(Input::FocusMention { mention });
    });
    let d = dispatch;
    let s = shell;
    let click = Callback::from(move |e: MouseEvent| {
        let Some((mention, _)) = dom::mention_at(e.target()) else {
            return;
        };
        e.prevent_default();
        let mut shell = s.borrow_mut();
        let pressed = shell.pressed.take();
        let pointer = if e.detail() == 0 {
            shell.pointer = None;
            None
        } else {
            shell.pointer = Some((f64::from(e.client_x()), f64::from(e.client_y()), mention));
            Some(pressed.map_or(Pointer::Mouse, |(_, kind)| kind))
        };
        drop(shell);
        d.dispatch(Input::Activate { mention, pointer });
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

/// Listens on the document for what happens outside the article: Esc, presses and focus elsewhere,
/// and viewport resizes (which re-place the card).
fn document_listeners(
    dispatch: UseReducerDispatcher<Reader>,
    shell: Rc<RefCell<Shell>>,
) -> Vec<EventListener> {
    let doc = gloo::utils::document();
    let d = dispatch.clone();
    let keydown = EventListener::new(&doc, "keydown", move |e| {
        let key = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
        if key.as_deref() == Some("Escape") {
            d.dispatch(Input::Escape {
                focus_in_card: dom::focus_in_card(),
            });
        }
    });
    let d = dispatch.clone();
    let s = shell.clone();
    let pointerdown = EventListener::new(&doc, "pointerdown", move |e| {
        if dom::mention_at(e.target()).is_none() && !dom::in_card(e.target()) {
            s.borrow_mut().pressed = None;
            d.dispatch(Input::PressOutside);
        }
    });
    let d = dispatch;
    let focusin = EventListener::new(&doc, "focusin", move |e| {
        if dom::mention_at(e.target()).is_none() && !dom::in_card(e.target()) {
            d.dispatch(Input::FocusElsewhere);
        }
    });
    let s = shell;
    let resize = EventListener::new(&gloo::utils::window(), "resize", move |_| {
        // The pointer position is stale after a resize: place by the mention alone.
        let placed = s.borrow().placed;
        if let Some(mention) = placed {
            dom::place_open_card(mention, None);
        }
    });
    vec![keydown, pointerdown, focusin, resize]
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let reader = use_reducer(Reader::default);
    let shell = use_mut_ref(Shell::default);
    let dispatch = reader.dispatcher();

    let handlers = {
        let (dispatch, shell) = (dispatch.clone(), shell.clone());
        (*use_memo((), move |_| handlers(dispatch, shell))).clone()
    };

    {
        let (dispatch, shell) = (dispatch.clone(), shell.clone());
        use_effect_with((), move |_| {
            let listeners = document_listeners(dispatch.clone(), shell);
            if !dom::stored_cards_on() {
                dispatch.dispatch(Input::SetEnabled(false));
            }
            dom::mark("xa-interactive");
            move || drop(listeners)
        });
    }

    {
        let (dispatch, shell) = (dispatch.clone(), shell.clone());
        let reader = reader.clone();
        use_effect_with(reader.epoch, move |_| {
            let mut focus_card = false;
            for effect in &reader.effects {
                let d = dispatch.clone();
                let mut s = shell.borrow_mut();
                match *effect {
                    Effect::StartIntentTimer(ms) => {
                        s.intent = Some(Timeout::new(ms, move || d.dispatch(Input::IntentElapsed)));
                    }
                    Effect::CancelIntentTimer => s.intent = None,
                    Effect::StartCloseTimer(ms) => {
                        s.close = Some(Timeout::new(ms, move || d.dispatch(Input::CloseElapsed)));
                    }
                    Effect::CancelCloseTimer => s.close = None,
                    Effect::FocusCard => focus_card = true,
                    Effect::FocusMention(mention) => {
                        s.refocusing = Some(mention);
                        drop(s);
                        if !dom::focus_mention(mention) {
                            shell.borrow_mut().refocusing = None;
                        }
                    }
                    Effect::ScrollToMention(mention) => {
                        s.pointer = None;
                        drop(s);
                        dom::scroll_to_mention(mention);
                    }
                }
            }
            let open = reader.cards.open_mention();
            let placed = std::mem::replace(&mut shell.borrow_mut().placed, open);
            if let Some(mention) = open.filter(|&m| Some(m) != placed) {
                let pointer = shell
                    .borrow()
                    .pointer
                    .filter(|p| p.2 == mention)
                    .map(|(x, y, _)| (x, y));
                dom::place_open_card(mention, pointer);
            }
            if focus_card {
                dom::focus_card();
            }
        });
    }

    let cards_on = reader.cards.enabled;
    let on_toggle = {
        let dispatch = dispatch.clone();
        use_callback((), move |on: bool, _| {
            dom::store_cards_on(on);
            dispatch.dispatch(Input::SetEnabled(on));
        })
    };
    let on_cards_off = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: (), _| {
            dom::store_cards_on(false);
            dispatch.dispatch(Input::SetEnabled(false));
            dom::focus_switch();
        })
    };
    let on_input = use_callback((), move |input: Input, _| dispatch.dispatch(input));
    let open = reader.cards.open_mention();

    html! {
        <main class="xa-root">
            <CardsSwitch on={cards_on} {on_toggle} />
            <ArticleBody doc={props.doc} {cards_on} {open} {handlers} />
            if let Some(mention) = open {
                <HoverCard doc={props.doc} {mention} {on_input} {on_cards_off} />
            }
        </main>
    }
}
