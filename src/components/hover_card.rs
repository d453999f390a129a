//! The hover card: who an actor is, how often this article names them (with buttons to step through
//! those mentions), and what the article says about them and others, quoted. A non-modal dialog;
//! the app places it next to the mention or graph node it is attached to.

use article_model::interaction::Input;
use article_model::{Document, Focus, MentionId};
use yew::prelude::*;

use crate::app::{Anchor, DocRef};
use crate::components::article_body::CARD_DOM_ID;
use crate::components::relation_graph::relation_name;

#[derive(Properties, PartialEq)]
pub struct HoverCardProps {
    pub doc: DocRef,
    pub anchor: Anchor,
    pub on_input: Callback<Input<Anchor>>,
    pub on_cards_off: Callback<()>,
    /// Show an actor or a relation in the graph (and its evidence in the text).
    pub on_focus: Callback<Focus>,
}

fn is_touch(e: &PointerEvent) -> bool {
    e.pointer_type() == "touch"
}

/// The mention the previous/next buttons step to from `anchor`; from a graph node, the first or
/// last mention.
fn step(doc: &Document, anchor: Anchor, by: i32) -> MentionId {
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

#[component]
pub fn HoverCard(props: &HoverCardProps) -> Html {
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
    let close = on_input.reform(|_: MouseEvent| Input::CloseButton);
    let stepper = |by: i32| {
        let target = Anchor::Mention(step(doc, anchor, by));
        on_input.reform(move |_: MouseEvent| Input::Show { anchor: target })
    };
    let cards_off = props.on_cards_off.reform(|_: MouseEvent| ());
    let show_in_graph = props
        .on_focus
        .reform(move |_: MouseEvent| Focus::Actor(actor_id));
    let times = if count == 1 {
        "once".to_string()
    } else {
        format!("{count} times")
    };
    let position = match anchor {
        Anchor::Mention(m) => format!("{} of {count}", doc.mention_ordinal(m).0 + 1),
        Anchor::Node(_) => format!("{count} in the text"),
    };

    html! {
        <section
            id={CARD_DOM_ID}
            class={classes!("xa-card", format!("xa-kind-{}", actor.kind.key()))}
            role="dialog"
            aria-labelledby="xa-card-name"
            aria-describedby="xa-card-role"
            tabindex="-1"
            {onpointerenter}
            {onpointerleave}
        >
            <div class="xa-card-body">
                <div class="xa-card-head">
                    <p class="xa-card-kind"><span class="xa-badge" aria-hidden="true"></span>{ actor.kind.label() }</p>
                    <h2 id="xa-card-name" class="xa-card-name">{ actor.name }</h2>
                    <button type="button" class="xa-card-close" aria-label="Close card" onclick={close}>
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                </div>
                <p id="xa-card-role" class="xa-card-role">{ actor.role }</p>
                <p class="xa-card-desc">{ actor.description }</p>
                if !actor.relations.is_empty() {
                    <h3 class="xa-card-sub">{ "In this article" }</h3>
                    <ul class="xa-card-rels">
                        { for actor.relations.iter().map(|&r| relation_item(doc, r, &props.on_focus)) }
                    </ul>
                    <button type="button" class="xa-card-link" onclick={show_in_graph}>{ "Show in the graph" }</button>
                }
                <div class="xa-card-foot">
                    <p class="xa-card-count">{ format!("Named {times} in this article") }</p>
                    if count > 1 || matches!(anchor, Anchor::Node(_)) {
                        <div class="xa-card-steps" role="group" aria-label={format!("Mentions of {}", actor.name)}>
                            <button type="button" class="xa-step" aria-label="Previous mention" onclick={stepper(-1)}>
                                <span aria-hidden="true">{ "‹" }</span>
                            </button>
                            <span class="xa-step-pos" aria-live="polite">{ position }</span>
                            <button type="button" class="xa-step" aria-label="Next mention" onclick={stepper(1)}>
                                <span aria-hidden="true">{ "›" }</span>
                            </button>
                        </div>
                    }
                </div>
                <button type="button" class="xa-card-off" onclick={cards_off}>{ "Turn actor cards off" }</button>
            </div>
        </section>
    }
}

/// One relation as the card lists it: "Milei — insulted — Lula", the quote, and a way to see it.
fn relation_item(doc: &Document, relation: u16, on_focus: &Callback<Focus>) -> Html {
    let r = &doc.relations[relation as usize];
    let summary = relation_name(doc, relation);
    let onclick = on_focus.reform(move |_: MouseEvent| Focus::Relation(relation));
    html! {
        <li class={classes!("xa-card-rel", format!("xa-rel-{}", r.kind.key()))}>
            <button type="button" class="xa-card-rel-btn" {onclick}>
                <span class="xa-card-rel-what">{ summary }</span>
                // Set off by style, not by added quote marks, which would clash with the quote's own.
                <span class="xa-card-rel-quote">{ r.quote }</span>
            </button>
        </li>
    }
}
