//! The article itself: headline and paragraphs, verbatim, with every mention of an actor marked.
//! Mentions carry no listeners of their own: the article listens once for all of them
//! ([`MentionHandlers`]), so opening a card re-renders only the paragraphs whose mention changed.

use article_model::{Block, Document, MentionId};
use yew::prelude::*;

use crate::app::DocRef;

/// DOM id of a mention, also used to find it again for placement, focus and scrolling.
pub fn mention_dom_id(mention: MentionId) -> String {
    format!("xa-m-{mention}")
}

/// DOM id of the open hover card, which mentions point at with `aria-controls`.
pub const CARD_DOM_ID: &str = "xa-card";

/// Delegated listeners for every mention in the article, created once by the app.
#[derive(Clone, PartialEq)]
pub struct MentionHandlers {
    pub pointer_over: Callback<PointerEvent>,
    pub pointer_out: Callback<PointerEvent>,
    pub pointer_move: Callback<PointerEvent>,
    pub pointer_down: Callback<PointerEvent>,
    pub focus_in: Callback<FocusEvent>,
    pub click: Callback<MouseEvent>,
}

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub doc: DocRef,
    pub cards_on: bool,
    /// The mention whose card is open.
    pub open: Option<MentionId>,
    pub handlers: MentionHandlers,
    /// Rendered between the headline and the first paragraph.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let doc = props.doc.0;
    let h = &props.handlers;
    let block = |index: usize| BlockProps {
        doc: props.doc,
        index,
        cards_on: props.cards_on,
        open: props
            .open
            .filter(|&m| doc.mentions[m as usize].block as usize == index),
    };
    html! {
        <article
            class="xa-article"
            aria-labelledby="xa-title"
            onpointerover={h.pointer_over.clone()}
            onpointerout={h.pointer_out.clone()}
            onpointermove={h.pointer_move.clone()}
            onpointerdown={h.pointer_down.clone()}
            onfocusin={h.focus_in.clone()}
            onclick={h.click.clone()}
        >
            <header class="xa-header">
                <p class="xa-kicker">{ "Opinion" }</p>
                <h1 id="xa-title" class="xa-title"><BlockText ..block(0) /></h1>
            </header>
            { props.children.clone() }
            { for (1..=doc.paragraphs.len()).map(|index| html! {
                <p key={index} class="xa-para"><BlockText ..block(index) /></p>
            }) }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct BlockProps {
    doc: DocRef,
    /// 0 is the headline.
    index: usize,
    cards_on: bool,
    /// The open mention, only when it is in this block (so other blocks keep equal props).
    open: Option<MentionId>,
}

fn block_of(doc: &'static Document, index: usize) -> &'static Block {
    if index == 0 {
        &doc.title
    } else {
        &doc.paragraphs[index - 1]
    }
}

/// The text of one block, each mention a focusable link that controls the card.
#[component]
fn BlockText(props: &BlockProps) -> Html {
    let doc = props.doc.0;
    block_of(doc, props.index)
        .segments
        .iter()
        .map(|segment| match segment.mention {
            Some(mention) if props.cards_on => {
                let actor = doc.actor_of(mention);
                let expanded = props.open == Some(mention);
                html! {
                    <a
                        id={mention_dom_id(mention)}
                        class={classes!("xa-mention", format!("xa-kind-{}", actor.kind.key()), expanded.then_some("xa-open"))}
                        href={format!("#actor={}", actor.id)}
                        data-m={mention.to_string()}
                        aria-haspopup="dialog"
                        aria-expanded={expanded.to_string()}
                        aria-controls={expanded.then_some(CARD_DOM_ID)}
                    >{ segment.text }</a>
                }
            }
            _ => html! { segment.text },
        })
        .collect()
}
