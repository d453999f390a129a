//! The relation graph: who feuds with, allies with, trades with or cuts ties with whom, as the
//! article states it. An SVG laid out at build time (a wide and a compact shape; the page carries
//! the wide one and the compact geometry), with a legend that filters by type, keyboard access
//! (Tab into the actors or the lines, arrow keys between them, Enter to activate, Esc to clear) and
//! a table as its text alternative.

use article_model::view::{aria_bool, edge_name, node_name, View};
use article_model::{DomId, Kind, Layout, RelationKind, LABEL_OFFSET};
use yew::prelude::*;

use crate::components::relations_table::RelationsTable;
use crate::DocRef;

#[derive(Properties, PartialEq)]
pub struct RelationFigureProps {
    pub doc: DocRef,
    pub view: View,
}

#[component]
pub fn RelationFigure(props: &RelationFigureProps) -> Html {
    let doc = &props.doc.0;
    let words = &doc.page_words;
    let (name, text, quote) = props.view.caption(&doc.story);
    html! {
        <section class="xa-figure" aria-labelledby={DomId::GraphTitle.to_string()}>
            <h2 id={DomId::GraphTitle.to_string()} class="xa-figure-title">{ &words.graph_title }</h2>
            <p class="xa-figure-note">{ words.graph_note(doc.settings.genre) }</p>
            <Legend doc={props.doc.clone()} view={props.view.clone()} />
            <GraphSvg doc={props.doc.clone()} view={props.view.clone()} layout={Layout::Wide} />
            <GraphSvg doc={props.doc.clone()} view={props.view.clone()} layout={Layout::Compact} />
            <p class="xa-graph-caption">
                <strong id={DomId::CaptionName.to_string()}>{ name }</strong>
                <span id={DomId::CaptionText.to_string()}>{ text }</span>
                <span id={DomId::CaptionQuote.to_string()} class="xa-caption-quote">{ quote }</span>
            </p>
            <RelationsTable doc={props.doc.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    doc: DocRef,
    view: View,
}

/// The relation types present, each a toggle that shows or hides its lines.
#[component]
fn Legend(props: &LegendProps) -> Html {
    let doc = &props.doc.0;
    let items = RelationKind::ALL.into_iter().filter_map(|kind| {
        let count = doc.story.relations.iter().filter(|r| r.kind == kind).count();
        (count > 0).then(|| {
            html! {
                <li>
                    <button type="button" id={DomId::Legend(kind).to_string()}
                        class={classes!("xa-legend-btn", format!("xa-rel-{}", kind.key()))}
                        data-kind={kind.key()} aria-pressed={aria_bool(props.view.legend(kind))}>
                        <svg class="xa-legend-sample" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
                            <line class="xa-edge-line" x1="1" y1="5" x2="27" y2="5" />
                        </svg>
                        { doc.page_words.relation_kind(kind) }
                        <span class="xa-legend-n">{ format!(" {count}") }</span>
                    </button>
                </li>
            }
        })
    });
    html! {
        <ul class="xa-legend" aria-label={doc.page_words.legend.clone()}>
            { for items }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct GraphSvgProps {
    doc: DocRef,
    view: View,
    layout: Layout,
}

fn shape(kind: Kind) -> Html {
    match kind {
        Kind::Person => html! { <circle class="xa-shape" r="9" /> },
        Kind::Country => {
            html! { <rect class="xa-shape" x="-8" y="-8" width="16" height="16" rx="2" /> }
        }
        Kind::Organisation => html! { <path class="xa-shape" d="M0 -10L10 0L0 10L-10 0Z" /> },
        Kind::Company => html! { <path class="xa-shape" d="M0 -10L10 8H-10Z" /> },
    }
}

/// The classes of `state` that are on.
fn on<const N: usize>(classes: [(&'static str, bool); N]) -> Vec<&'static str> {
    classes
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(c, _)| c)
        .collect()
}

/// One layout of the graph. Tab stops: one node and one line (the page moves them with the arrow
/// keys). Long because it is markup: the edges, nodes, labels and markers, each a short closure.
#[component]
fn GraphSvg(props: &GraphSvgProps) -> Html {
    let doc = &props.doc.0;
    let story = &doc.story;
    let view = &props.view;
    let layout = props.layout;
    let geometry = doc.graph.geometry(layout);

    let edges = (0..story.relations.len() as u16).map(|r| {
        let rel = story.relation(r);
        let key = rel.kind.key();
        let marker = rel
            .kind
            .directed()
            .then(|| format!("url(#{})", DomId::Arrow(layout, rel.kind)));
        let state = view.edge(story, layout, r);
        let label = state.interactive.then(|| edge_name(story, r));
        let path = geometry.edges[usize::from(r)].clone();
        html! {
            <g
                key={r}
                id={DomId::Edge(layout, r).to_string()}
                class={classes!("xa-edge", format!("xa-rel-{key}"), on(state.classes()))}
                tabindex={state.tabindex()}
                role={state.role()}
                aria-label={label}
                aria-current={state.aria_current()}
            >
                // The line alone: web/boot.js gives it its hit area when the app starts.
                <path class="xa-edge-line" d={path} marker-end={marker} />
            </g>
        }
    });
    let nodes = story.nodes(layout).iter().map(|n| {
        let actor = story.actor(n.actor);
        let state = view.node(layout, n.actor);
        let label = state.interactive.then(|| node_name(story, n.actor));
        html! {
            <g
                key={n.actor}
                id={DomId::Node(layout, n.actor).to_string()}
                class={classes!("xa-node", format!("xa-kind-{}", actor.kind.key()), on(state.classes()))}
                transform={format!("translate({} {})", n.x, n.y)}
                tabindex={state.tabindex()}
                role={state.role()}
                aria-label={label}
                aria-current={state.aria_current()}
            >
                { shape(actor.kind) }
            </g>
        }
    });
    // Labels are drawn last, over the lines, each on its own halo; they answer the pointer like
    // their node, but the keyboard and screen readers meet the node itself.
    let labels = story.nodes(layout).iter().map(|n| {
        let em = view
            .label(n.actor)
            .then_some(article_model::view::class::EMPHASIS);
        html! {
            <text key={n.actor} id={DomId::Label(layout, n.actor).to_string()}
                class={classes!("xa-node-label", em)}
                x={n.x.to_string()} y={(n.y + LABEL_OFFSET).to_string()} text-anchor="middle">
                { story.actor(n.actor).short.clone() }
            </text>
        }
    });
    let markers = RelationKind::ALL.into_iter().filter(|k| k.directed()).map(|k| html! {
        <marker id={DomId::Arrow(layout, k).to_string()} class={classes!("xa-arrowhead", format!("xa-rel-{}", k.key()))}
            viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10Z" />
        </marker>
    });
    let (width, height) = (geometry.width.to_string(), geometry.height.to_string());
    let shape_class = match layout {
        Layout::Wide => "xa-graph-wide",
        Layout::Compact => "xa-graph-compact",
    };
    html! {
        <svg
            id={DomId::Graph(layout).to_string()}
            class={classes!("xa-graph", shape_class, view.dim().then_some(article_model::view::class::DIM))}
            viewBox={format!("0 0 {width} {height}")}
            {width}
            {height}
            role={view.graph_role()}
            aria-label={view.graph_name(&story.words).map(str::to_string)}
            aria-hidden={view.graph_hidden()}
        >
            <defs>{ for markers }</defs>
            // Nodes come first so that Tab meets the actors before the lines.
            <g class="xa-nodes">{ for nodes }</g>
            <g class="xa-edges">{ for edges }</g>
            <g class="xa-labels" aria-hidden="true">{ for labels }</g>
        </svg>
    }
}
