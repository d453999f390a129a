//! The article itself: headline and paragraphs, verbatim, cut into sentences, with every mention of
//! an actor marked as a link that controls the card. Rendered at build time; in the browser the
//! page listens once for all mentions and toggles their state (see `island`).

use article_model::{ActorId, Block, Document, Focus, MentionId, SentenceId};
use yew::prelude::*;

use crate::app::DocRef;

/// DOM id of a mention, also used to find it again for placement, focus and scrolling.
pub fn mention_dom_id(mention: MentionId) -> String {
    format!("xa-m-{mention}")
}

/// DOM id of a sentence, the target of a relation's "read it in the article" link.
pub fn sentence_dom_id(sentence: SentenceId) -> String {
    format!("xa-s-{sentence}")
}

/// DOM id of the open hover card, which mentions point at with `aria-controls`.
pub const CARD_DOM_ID: &str = "xa-card";

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub doc: DocRef,
    pub cards_on: bool,
    /// The mention whose card is open.
    pub open: Option<MentionId>,
    /// What the graph points at: its actor's mentions or its relation's sentences are highlighted.
    pub active: Option<Focus>,
}

#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let doc = props.doc.0;
    let (actor, evidence) = match props.active {
        Some(Focus::Actor(a)) => (Some(a), None),
        Some(Focus::Relation(r)) => (None, Some(doc.relations[r as usize].sentences)),
        None => (None, None),
    };
    let block = |index: usize| {
        let (first, last) = doc.sentences_of(block_of(doc, index));
        BlockProps {
            doc: props.doc,
            index,
            cards_on: props.cards_on,
            open: props
                .open
                .filter(|&m| doc.mentions[m as usize].block as usize == index),
            highlight: actor.filter(|&a| {
                doc.actors[a as usize]
                    .mentions
                    .iter()
                    .any(|&m| doc.mentions[m as usize].block as usize == index)
            }),
            evidence: evidence.filter(|&(from, to)| from <= last && first <= to),
        }
    };
    html! {
        <article
            class="xa-article"
            aria-labelledby="xa-title"
        >
            <header class="xa-header">
                <p class="xa-kicker">{ "Opinion" }</p>
                <h1 id="xa-title" class="xa-title"><BlockText ..block(0) /></h1>
            </header>
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
    /// An actor whose mentions to highlight, only when some are in this block.
    highlight: Option<ActorId>,
    /// Sentences to highlight as a relation's evidence, only when some are in this block.
    evidence: Option<(SentenceId, SentenceId)>,
}

fn block_of(doc: &'static Document, index: usize) -> &'static Block {
    if index == 0 {
        &doc.title
    } else {
        &doc.paragraphs[index - 1]
    }
}

/// The text of one block, sentence by sentence, each mention a focusable link that controls the card.
#[component]
fn BlockText(props: &BlockProps) -> Html {
    let doc = props.doc.0;
    let segments = block_of(doc, props.index).segments;
    let mut sentences: Vec<Html> = Vec::new();
    let mut start = 0;
    while start < segments.len() {
        let sentence = segments[start].sentence;
        let end = segments[start..]
            .iter()
            .position(|s| s.sentence != sentence)
            .map_or(segments.len(), |n| start + n);
        let evidence = props
            .evidence
            .is_some_and(|(from, to)| from <= sentence && sentence <= to);
        let runs: Html = segments[start..end]
            .iter()
            .map(|segment| match segment.mention {
                Some(mention) if props.cards_on => mention_link(props, mention, segment.text),
                _ => html! { segment.text },
            })
            .collect();
        sentences.push(html! {
            <span id={sentence_dom_id(sentence)} class={classes!("xa-sent", evidence.then_some("xa-ev"))}>{ runs }</span>
        });
        start = end;
    }
    sentences.into_iter().collect()
}

fn mention_link(props: &BlockProps, mention: MentionId, text: &'static str) -> Html {
    let actor_id = props.doc.0.mentions[mention as usize].actor;
    let actor = &props.doc.0.actors[actor_id as usize];
    let expanded = props.open == Some(mention);
    let highlighted = props.highlight == Some(actor_id);
    html! {
        <a
            id={mention_dom_id(mention)}
            class={classes!(
                "xa-mention",
                format!("xa-kind-{}", actor.kind.key()),
                expanded.then_some("xa-open"),
                highlighted.then_some("xa-hl"),
            )}
            href={format!("#actor={}", actor.id)}
            aria-haspopup="dialog"
            aria-expanded={expanded.to_string()}
            aria-controls={expanded.then_some(CARD_DOM_ID)}
        >{ text }</a>
    }
}
