//! Every relation as a table: the graph's text alternative, readable without the graph (and, once
//! prerendered, without JavaScript). Each row links to the sentence it quotes; with JavaScript the
//! link also selects the relation (`data-rel`).

use article_model::DomId;
use yew::prelude::*;

use crate::DocRef;

#[derive(Properties, PartialEq)]
pub struct RelationsTableProps {
    pub doc: DocRef,
}

#[component]
pub fn RelationsTable(props: &RelationsTableProps) -> Html {
    let doc = &props.doc.0;
    let story = &doc.story;
    let words = &doc.page_words;
    let rows = story.relations.iter().enumerate().map(|(i, r)| {
        html! {
            <tr key={i} class={format!("xa-rel-{}", r.kind.key())}>
                <td>{ story.actor(r.from).name.clone() }</td>
                <td>{ r.label.clone() }</td>
                <td>{ story.actor(r.to).name.clone() }</td>
                <td>
                    <q>{ r.quote.clone() }</q>
                    { " " }
                    <a href={format!("#{}", DomId::Sentence(r.sentences.0))} data-rel={i.to_string()}>
                        { &words.read_in_context }
                    </a>
                </td>
            </tr>
        }
    });
    html! {
        <details class="xa-table-wrap">
            <summary>{ words.count(&words.table_summary, story.relations.len(), &[]) }</summary>
            <div class="xa-table-scroll">
                <table class="xa-table">
                    <caption>{ &words.table_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ &words.table_who }</th>
                            <th scope="col">{ &words.table_relation }</th>
                            <th scope="col">{ &words.table_whom }</th>
                            <th scope="col">{ &words.table_quote }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}
