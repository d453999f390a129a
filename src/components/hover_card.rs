//! The hover card: who an actor is, how often this article names them (with buttons to step through
//! those mentions), and what the article says about them and others, quoted. A non-modal dialog;
//! the app places it next to the mention or graph node it is attached to.

use article_model::interaction::Input;
use article_model::{ActorId, Document, Focus, MentionId};
use yew::prelude::*;

use crate::app::{Anchor, DocRef};
use crate::components::article_body::CARD_DOM_ID;
use crate::components::relation_graph::relation_name;

/// What a button in the card asks for. The card has one click listener; each button names its
/// action in `data-act` (and a relation in `data-rel`), which keeps the wasm small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardAction {
    Close,
    /// Step to the actor's previous (-1) or next (1) mention.
    Step(i32),
    CardsOff,
    /// Show the actor, or one of its relations, in the graph (and its evidence in the text).
    Show(Focus),
}

impl CardAction {
    /// Reads a button's `data-act` (and `data-rel`) back; anything else is `None`.
    pub fn parse(act: &str, rel: Option<&str>, actor: ActorId) -> Option<Self> {
        Some(match act {
            "close" => Self::Close,
            "prev" => Self::Step(-1),
            "next" => Self::Step(1),
            "off" => Self::CardsOff,
            "graph" => Self::Show(Focus::Actor(actor)),
            "rel" => Self::Show(Focus::Relation(rel?.parse().ok()?)),
            _ => return None,
        })
    }
}

#[derive(Properties, PartialEq)]
pub struct HoverCardProps {
    pub doc: DocRef,
    pub anchor: Anchor,
    /// Pointer entering and leaving the card (not touch).
    pub on_input: Callback<Input<Anchor>>,
    pub on_action: Callback<CardAction>,
}

fn is_touch(e: &PointerEvent) -> bool {
    e.pointer_type() == "touch"
}

/// The mention the previous/next buttons step to from `anchor`; from a graph node, the first or
/// last mention.
pub fn step(doc: &Document, anchor: Anchor, by: i32) -> MentionId {
    match anchor {
        Anchor::Mention(m) => doc.step_mention(m, by),
        Anchor::Node(a) => {
            let list = doc.actors[a as usize].mentions;
            if by > 0 {
                list[0]
            } else {
                list[list.len() - 1]
            }
        }
    }
}

/// The card as a component, for rendering it on its own (natively, in tests).
#[component]
pub fn HoverCard(props: &HoverCardProps) -> Html {
    view(props)
}

/// The card's markup. The interactive part calls this inside its own render rather than mounting a
/// second component: one component less in the wasm.
pub fn view(props: &HoverCardProps) -> Html {
    let doc = props.doc.0;
    let anchor = props.anchor;
    let actor_id = anchor.actor(doc);
    let actor = &doc.actors[actor_id as usize];
    let count = actor.mentions.len();
    let on_input = &props.on_input;

    let pointer = |input: Input<Anchor>| {
        let on_input = on_input.clone();
        Callback::from(move |e: PointerEvent| {
            if !is_touch(&e) {
                on_input.emit(input);
            }
        })
    };
    let onpointerenter = pointer(Input::PointerEnterCard);
    let onpointerleave = pointer(Input::PointerLeaveCard);
    let onclick = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: MouseEvent| {
            let button = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("[data-act]").ok().flatten());
            let action = button.and_then(|b| {
                let act = b.get_attribute("data-act")?;
                CardAction::parse(&act, b.get_attribute("data-rel").as_deref(), actor_id)
            });
            if let Some(action) = action {
                on_action.emit(action);
            }
        })
    };
    let times = if count == 1 {
        "once".to_string()
    } else {
        count.to_string() + " times"
    };
    let position = match anchor {
        Anchor::Mention(m) => {
            (doc.mention_ordinal(m).0 + 1).to_string() + " of " + &count.to_string()
        }
        Anchor::Node(_) => count.to_string() + " in the text",
    };

    html! {
        <section
            id={CARD_DOM_ID}
            class={String::from("xa-card xa-kind-") + actor.kind.key()}
            role="dialog"
            aria-labelledby="xa-card-name"
            aria-describedby="xa-card-role"
            tabindex="-1"
            {onpointerenter}
            {onpointerleave}
            {onclick}
        >
            <div class="xa-card-body">
                <div class="xa-card-head">
                    <p class="xa-card-kind"><span class="xa-badge" aria-hidden="true"></span>{ actor.kind.label() }</p>
                    <h2 id="xa-card-name" class="xa-card-name">{ actor.name }</h2>
                    <button type="button" class="xa-card-close" aria-label="Close card" data-act="close">
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                </div>
                <p id="xa-card-role" class="xa-card-role">{ actor.role }</p>
                <p class="xa-card-desc">{ actor.description }</p>
                if !actor.relations.is_empty() {
                    <h3 class="xa-card-sub">{ "In this article" }</h3>
                    <ul class="xa-card-rels">
                        { for actor.relations.iter().map(|&r| relation_item(doc, r)) }
                    </ul>
                    <button type="button" class="xa-card-link" data-act="graph">{ "Show in the graph" }</button>
                }
                <div class="xa-card-foot">
                    <p class="xa-card-count">{ String::from("Named ") + &times + " in this article" }</p>
                    if count > 1 || matches!(anchor, Anchor::Node(_)) {
                        <div class="xa-card-steps" role="group" aria-label={String::from("Mentions of ") + actor.name}>
                            <button type="button" class="xa-step" aria-label="Previous mention" data-act="prev">
                                <span aria-hidden="true">{ "‹" }</span>
                            </button>
                            <span class="xa-step-pos" aria-live="polite">{ position }</span>
                            <button type="button" class="xa-step" aria-label="Next mention" data-act="next">
                                <span aria-hidden="true">{ "›" }</span>
                            </button>
                        </div>
                    }
                </div>
                <button type="button" class="xa-card-off" data-act="off">{ "Turn actor cards off" }</button>
            </div>
        </section>
    }
}

/// One relation as the card lists it: "Milei — insulted — Lula", the quote, and a way to see it.
fn relation_item(doc: &Document, relation: u16) -> Html {
    let r = &doc.relations[relation as usize];
    html! {
        <li class={String::from("xa-card-rel xa-rel-") + r.kind.key()}>
            <button type="button" class="xa-card-rel-btn" data-act="rel" data-rel={relation.to_string()}>
                <span class="xa-card-rel-what">{ relation_name(doc, relation) }</span>
                // Set off by style, not by added quote marks, which would clash with the quote's own.
                <span class="xa-card-rel-quote">{ r.quote }</span>
            </button>
        </li>
    }
}
