//! The toolbar above the article: the one-click switch that turns actor cards (and the marking of
//! names) on and off, and, where the graph sits below the text, a link down to it.

use article_model::view::{aria_bool, View};
use article_model::DomId;
use yew::prelude::*;

use crate::DocRef;

#[derive(Properties, PartialEq)]
pub struct CardsSwitchProps {
    pub doc: DocRef,
    pub view: View,
    /// The page has a relation graph to link to.
    #[prop_or_default]
    pub graph: bool,
}

#[component]
pub fn CardsSwitch(props: &CardsSwitchProps) -> Html {
    let doc = &props.doc.0;
    let words = &doc.page_words;
    let hint = DomId::Hint.to_string();
    html! {
        <div class="xa-toolbar">
            <span class="xa-hint" id={hint.clone()}>{ props.view.hint(&doc.story.words) }</span>
            if props.graph {
                <a class="xa-jump" href={format!("#{}", DomId::GraphTitle)}>{ &words.jump_to_graph }</a>
            }
            <button type="button" id={DomId::Switch.to_string()} class="xa-switch"
                aria-pressed={aria_bool(props.view.switch_on)} aria-describedby={hint}>
                <span class="xa-switch-track" aria-hidden="true"><span class="xa-switch-thumb"></span></span>
                { &words.switch }
            </button>
        </div>
    }
}
