//! The article itself: headline and paragraphs, verbatim, cut into sentences, with every mention of
//! an actor marked as a link that controls the card. Rendered at build time; in the browser the
//! page listens once for all mentions and patches their state (see `shell`).

use article_model::view::View;
use article_model::{DomId, Focus, MentionId};
use yew::prelude::*;

use crate::DocRef;

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub doc: DocRef,
    pub view: View,
}

#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let doc = &props.doc.0;
    let block = |index: usize| BlockProps {
        doc: props.doc.clone(),
        view: props.view.clone(),
        index,
    };
    html! {
        <article class="xa-article" aria-labelledby={DomId::Title.to_string()}>
            <header class="xa-header">
                if let Some(genre) = doc.settings.genre {
                    <p class="xa-kicker">{ doc.page_words.genre(genre) }</p>
                }
                <h1 id={DomId::Title.to_string()} class="xa-title"><BlockText ..block(0) /></h1>
                // Shown in the graph view alone (`?view=graph`): the page without the flag.
                <p class="xa-whole"><a href="./">{ &doc.page_words.whole_article }</a></p>
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
    view: View,
    /// 0 is the headline.
    index: usize,
}

/// The text of one block, sentence by sentence, each mention a focusable link that controls the card.
#[component]
fn BlockText(props: &BlockProps) -> Html {
    let doc = &props.doc.0;
    let segments = &doc.block(props.index).segments;
    let mut sentences: Vec<Html> = Vec::new();
    let mut start = 0;
    while start < segments.len() {
        let sentence = segments[start].sentence;
        let end = segments[start..]
            .iter()
            .position(|s| s.sentence != sentence)
            .map_or(segments.len(), |n| start + n);
        let runs: Html = segments[start..end]
            .iter()
            .map(|segment| match segment.mention {
                Some(mention) if props.view.marked => mention_link(props, mention, &segment.text),
                _ => html! { segment.text.clone() },
            })
            .collect();
        let evidence = props
            .view
            .evidence(sentence)
            .then_some(article_model::view::class::EVIDENCE);
        sentences.push(html! {
            <span id={DomId::Sentence(sentence).to_string()} class={classes!("xa-sent", evidence)}>{ runs }</span>
        });
        start = end;
    }
    sentences.into_iter().collect()
}

fn mention_link(props: &BlockProps, mention: MentionId, text: &str) -> Html {
    let story = &props.doc.0.story;
    let actor_id = story.mentions[usize::from(mention)];
    let actor = story.actor(actor_id);
    let state = props.view.mention(story, mention);
    let on = state
        .classes()
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(c, _)| c);
    html! {
        <a
            id={DomId::Mention(mention).to_string()}
            class={classes!("xa-mention", format!("xa-kind-{}", actor.kind.key()), on.collect::<Vec<_>>())}
            href={story.hash_of(Focus::Actor(actor_id))}
            aria-haspopup={state.aria_haspopup()}
            aria-expanded={state.aria_expanded()}
            aria-controls={state.aria_controls()}
        >{ text.to_string() }</a>
    }
}
