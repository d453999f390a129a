//! The hover card: who an actor is, how often this article names them (with buttons to step through
//! those mentions), and what the article says about them and others, quoted. A non-modal dialog;
//! the browser side places it next to the mention or graph node it is attached to. It is rendered
//! from the [`article_model::Story`] alone: all the browser has of the article. It listens to
//! nothing itself: the page's own listeners hear the pointer come and go and read each button's
//! action from its `data-act` (and a relation from `data-rel`), which keeps Yew's event system out
//! of the wasm.

use article_model::reader::CardAction;
use article_model::view::relation_name;
use article_model::words::fill;
use article_model::{Anchor, DomId, RelationId, Story};
use yew::prelude::*;

use crate::StoryRef;

#[derive(Properties, PartialEq)]
pub struct HoverCardProps {
    pub story: StoryRef,
    pub anchor: Anchor,
    /// The graph shows (the `graph=0` render flag hides it): only then does the card offer it.
    pub graph: bool,
}

/// The card as a component, for rendering it on its own (natively, in tests).
#[component]
pub fn HoverCard(props: &HoverCardProps) -> Html {
    view(props)
}

/// The card's markup. The browser side calls this inside its own component rather than mounting a
/// second one: one component less in the wasm.
pub fn view(props: &HoverCardProps) -> Html {
    let story = &props.story.0;
    let words = &story.words;
    let anchor = props.anchor;
    let actor_id = story.actor_at(anchor);
    let actor = story.actor(actor_id);
    let count = story.mentions_of(actor_id).len();
    let relations = story.relations_of(actor_id);

    let position = match anchor {
        Anchor::Mention(m) => fill(
            &words.position,
            &[
                ("i", &(story.mention_ordinal(m).0 + 1).to_string()),
                ("n", &count.to_string()),
            ],
        ),
        Anchor::Node(_) => words.count(&words.in_the_text, count),
    };

    html! {
        <section
            id={DomId::Card.to_string()}
            class={String::from("xa-card xa-kind-") + actor.kind.key()}
            role="dialog"
            aria-labelledby={DomId::CardName.to_string()}
            aria-describedby="xa-card-role"
            tabindex="-1"
        >
            <div class="xa-card-body">
                <div class="xa-card-head">
                    <p class="xa-card-kind"><span class="xa-badge" aria-hidden="true"></span>{ words.kind(actor.kind) }</p>
                    <h2 id={DomId::CardName.to_string()} class="xa-card-name">{ actor.name.clone() }</h2>
                    <button type="button" class="xa-card-close" aria-label={words.close_card.clone()} data-act={CardAction::Close.act()}>
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                </div>
                <p id="xa-card-role" class="xa-card-role">{ actor.role.clone() }</p>
                <p class="xa-card-desc">{ actor.description.clone() }</p>
                if !relations.is_empty() {
                    <h3 class="xa-card-sub">{ words.in_this_article.clone() }</h3>
                    <ul class="xa-card-rels">
                        { for relations.iter().map(|&r| relation_item(story, r)) }
                    </ul>
                    if props.graph {
                        <button type="button" class="xa-card-link" data-act={CardAction::ShowActor.act()}>{ words.show_in_graph.clone() }</button>
                    }
                }
                <div class="xa-card-foot">
                    <p class="xa-card-count">{ words.count(&words.named, count) }</p>
                    if count > 1 || matches!(anchor, Anchor::Node(_)) {
                        <div class="xa-card-steps" role="group" aria-label={fill(&words.mentions_of, &[("name", &actor.name)])}>
                            <button type="button" class="xa-step" aria-label={words.previous_mention.clone()} data-act={CardAction::Step(-1).act()}>
                                <span aria-hidden="true">{ "‹" }</span>
                            </button>
                            <span class="xa-step-pos" aria-live="polite">{ position }</span>
                            <button type="button" class="xa-step" aria-label={words.next_mention.clone()} data-act={CardAction::Step(1).act()}>
                                <span aria-hidden="true">{ "›" }</span>
                            </button>
                        </div>
                    }
                </div>
                <button type="button" class="xa-card-off" data-act={CardAction::CardsOff.act()}>{ words.cards_off.clone() }</button>
            </div>
        </section>
    }
}

/// One relation as the card lists it: "Milei — insulted — Lula", the quote, and a way to see it.
fn relation_item(story: &Story, relation: RelationId) -> Html {
    let r = story.relation(relation);
    html! {
        <li class={String::from("xa-card-rel xa-rel-") + r.kind.key()}>
            <button type="button" class="xa-card-rel-btn" data-act={CardAction::ShowRelation(relation).act()} data-rel={relation.to_string()}>
                <span class="xa-card-rel-what">{ relation_name(story, relation) }</span>
                // Set off by style, not by added quote marks, which would clash with the quote's own.
                <span class="xa-card-rel-quote">{ r.quote.clone() }</span>
            </button>
        </li>
    }
}
