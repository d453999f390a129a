//! The hover card: who an actor is and how often this article names them, with buttons to step
//! through those mentions. A non-modal dialog; the app places it next to its mention.

use article_model::interaction::Input;
use article_model::MentionId;
use yew::prelude::*;

use crate::app::DocRef;
use crate::components::article_body::CARD_DOM_ID;

#[derive(Properties, PartialEq)]
pub struct HoverCardProps {
    pub doc: DocRef,
    pub mention: MentionId,
    pub on_input: Callback<Input>,
    pub on_cards_off: Callback<()>,
}

fn is_touch(e: &PointerEvent) -> bool {
    e.pointer_type() == "touch"
}

#[component]
pub fn HoverCard(props: &HoverCardProps) -> Html {
    let doc = props.doc.0;
    let mention = props.mention;
    let actor = doc.actor_of(mention);
    let (index, count) = doc.mention_ordinal(mention);
    let on_input = &props.on_input;

    let pointer = |input: Input| {
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
    let step = |by: i32| {
        let target = doc.step_mention(mention, by);
        on_input.reform(move |_: MouseEvent| Input::Show { mention: target })
    };
    let cards_off = props.on_cards_off.reform(|_: MouseEvent| ());
    let times = if count == 1 {
        "once".to_string()
    } else {
        format!("{count} times")
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
            <div class="xa-card-foot">
                <p class="xa-card-count">{ format!("Named {times} in this article") }</p>
                if count > 1 {
                    <div class="xa-card-steps" role="group" aria-label={format!("Mentions of {}", actor.name)}>
                        <button type="button" class="xa-step" aria-label="Previous mention" onclick={step(-1)}>
                            <span aria-hidden="true">{ "‹" }</span>
                        </button>
                        <span class="xa-step-pos" aria-live="polite">{ format!("{} of {count}", index + 1) }</span>
                        <button type="button" class="xa-step" aria-label="Next mention" onclick={step(1)}>
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
