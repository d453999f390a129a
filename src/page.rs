//! The whole page as it is prerendered: toolbar, article, relation graph and table, in the reader's
//! initial state, plus the empty host the browser renders the card into.

use article_model::view::View;
use article_model::DomId;
use yew::prelude::*;

use crate::components::{ArticleBody, CardsSwitch, RelationFigure};
use crate::DocRef;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub doc: DocRef,
    /// What the markup shows: the initial state's view when prerendering.
    pub view: View,
}

#[component]
pub fn Page(props: &PageProps) -> Html {
    let doc = &props.doc.0;
    let graph = !doc.story.relations.is_empty();
    html! {
        <main class="xa-root">
            if doc.settings.sample {
                <p class="xa-sample" role="note">{ &doc.page_words.sample }</p>
            }
            <CardsSwitch doc={props.doc.clone()} view={props.view.clone()} {graph} />
            <ArticleBody doc={props.doc.clone()} view={props.view.clone()} />
            if graph {
                <RelationFigure doc={props.doc.clone()} view={props.view.clone()} />
            }
            <div id={DomId::CardHost.to_string()}></div>
        </main>
    }
}
