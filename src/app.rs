//! The whole page as it is prerendered: toolbar, article, relation graph and table, in their
//! initial state, plus the empty host the interactive part renders the card into. Rendered natively
//! at build time (Yew's server renderer); in the browser [`crate::island::start`] takes it over.

use article_model::{ActorId, Document, MentionId};
use yew::prelude::*;

use crate::components::{ArticleBody, CardsSwitch, RelationFigure};

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

/// DOM id of the element the interactive part renders the card into.
pub const CARD_HOST_ID: &str = "xa-card-host";

#[component]
pub fn App(props: &AppProps) -> Html {
    let doc = props.doc.0;
    let graph = !doc.relations.is_empty();
    html! {
        <main class="xa-root">
            <CardsSwitch on={true} {graph} />
            <ArticleBody doc={props.doc} cards_on={true} open={None} active={None} />
            if graph {
                <RelationFigure doc={props.doc} active={None} selected={None} hidden={0} />
            }
            <div id={CARD_HOST_ID}></div>
        </main>
    }
}
