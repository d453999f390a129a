//! Every relation as a table: the graph's text alternative, readable without the graph (and, once
//! prerendered, without JavaScript). Each row links to the sentence it quotes; with JavaScript the
//! link also selects the relation (`data-rel`).

use yew::prelude::*;

use crate::app::DocRef;
use crate::components::article_body::sentence_dom_id;

#[derive(Properties, PartialEq)]
pub struct RelationsTableProps {
    pub doc: DocRef,
}

#[component]
pub fn RelationsTable(props: &RelationsTableProps) -> Html {
    let doc = props.doc.0;
    let rows = doc.relations.iter().enumerate().map(|(i, r)| {
        html! {
            <tr key={i} class={format!("xa-rel-{}", r.kind.key())}>
                <td>{ doc.actors[r.from as usize].name }</td>
                <td>{ r.label }</td>
                <td>{ doc.actors[r.to as usize].name }</td>
                <td>
                    <q>{ r.quote }</q>
                    { " " }
                    <a href={format!("#{}", sentence_dom_id(r.sentences.0))} data-rel={i.to_string()}>
                        { "Read in context" }
                    </a>
                </td>
            </tr>
        }
    });
    html! {
        <details class="xa-table-wrap">
            <summary>{ format!("All {} relations as a table", doc.relations.len()) }</summary>
            <div class="xa-table-scroll">
                <table class="xa-table">
                    <caption>{ "Relations as the article states them, in its own words" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Who" }</th>
                            <th scope="col">{ "Relation" }</th>
                            <th scope="col">{ "With whom" }</th>
                            <th scope="col">{ "In the article’s words" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}
