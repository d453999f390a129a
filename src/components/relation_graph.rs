//! The relation graph: who feuds with, allies with, trades with or cuts ties with whom, as the
//! article states it. An SVG laid out at build time (a wide and a compact shape; CSS shows the one
//! that fits), with a legend that filters by type, keyboard access (Tab into the actors or the lines,
//! arrow keys between them, Enter to activate, Esc to clear) and a table as its text alternative.

use article_model::{ActorId, Document, Focus, GraphLayout, Kind, RelationKind};
use yew::prelude::*;

use crate::app::DocRef;
use crate::components::relations_table::RelationsTable;

/// DOM ids of an actor's node in the wide and the compact layout.
pub fn node_dom_ids(actor: ActorId) -> [String; 2] {
    [format!("xa-n-w-{actor}"), format!("xa-n-c-{actor}")]
}

/// The two layouts' id tags: `w`ide and `c`ompact.
pub const LAYOUT_TAGS: [&str; 2] = ["w", "c"];

#[derive(Properties, PartialEq)]
pub struct RelationFigureProps {
    pub doc: DocRef,
    /// What is emphasised: hovered, focused or selected.
    pub active: Option<Focus>,
    pub selected: Option<Focus>,
    /// Hidden relation types, one bit per [`RelationKind::ALL`] index.
    pub hidden: u16,
}

/// True when the legend hides `kind` in the `hidden` bit set.
pub fn is_hidden(hidden: u16, kind: RelationKind) -> bool {
    hidden & kind_bit(kind) != 0
}

/// The bit of a relation type in a hidden-types set.
pub fn kind_bit(kind: RelationKind) -> u16 {
    1 << RelationKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(0)
}

/// One line of the graph, as a reader hears or reads it: "Milei — insulted — Lula".
pub fn relation_name(doc: &Document, relation: u16) -> String {
    let r = &doc.relations[relation as usize];
    format!(
        "{} — {} — {}",
        doc.actors[r.from as usize].short, r.label, doc.actors[r.to as usize].short
    )
}

/// The caption's three parts for a focus: a relation's name, a line of text, a quote (set off as
/// a quotation by its style, not by added quote marks, which would clash with the quote's own).
pub fn caption_parts(doc: &Document, active: Option<Focus>) -> (String, String, &'static str) {
    match active {
        Some(Focus::Actor(a)) => {
            let actor = &doc.actors[a as usize];
            let n = actor.relations.len();
            let plural = if n == 1 { "" } else { "s" };
            let text = format!("{}: {n} relation{plural} in this article.", actor.name);
            (String::new(), text, "")
        }
        Some(Focus::Relation(r)) => (
            relation_name(doc, r),
            String::new(),
            doc.relations[r as usize].quote,
        ),
        None => (
            String::new(),
            "Hover, focus or tap a name or a line to see it in the text.".to_string(),
            "",
        ),
    }
}

#[component]
pub fn RelationFigure(props: &RelationFigureProps) -> Html {
    let doc = props.doc.0;
    let (name, text, quote) = caption_parts(doc, props.active);
    html! {
        <section class="xa-figure" aria-labelledby="xa-graph-title">
            <h2 id="xa-graph-title" class="xa-figure-title">{ "Who does what to whom" }</h2>
            <p class="xa-figure-note">
                { "Relations as this opinion article states them. Every line rests on a quote from the text." }
            </p>
            <Legend doc={props.doc} hidden={props.hidden} />
            <GraphSvg doc={props.doc} compact={false} active={props.active} selected={props.selected} hidden={props.hidden} />
            <GraphSvg doc={props.doc} compact={true} active={props.active} selected={props.selected} hidden={props.hidden} />
            <p class="xa-graph-caption">
                <strong id="xa-cap-name">{ name }</strong>
                <span id="xa-cap-text">{ text }</span>
                <span id="xa-cap-quote" class="xa-caption-quote">{ quote }</span>
            </p>
            <RelationsTable doc={props.doc} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    doc: DocRef,
    hidden: u16,
}

/// The relation types present, each a toggle that shows or hides its lines.
#[component]
fn Legend(props: &LegendProps) -> Html {
    let doc = props.doc.0;
    let items = RelationKind::ALL.into_iter().filter_map(|kind| {
        let count = doc.relations.iter().filter(|r| r.kind == kind).count();
        (count > 0).then(|| {
            let shown = !is_hidden(props.hidden, kind);
            html! {
                <li>
                    <button type="button" class={classes!("xa-legend-btn", format!("xa-rel-{}", kind.key()))}
                        data-kind={kind.key()} aria-pressed={shown.to_string()}>
                        <svg class="xa-legend-sample" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
                            <line class="xa-edge-line" x1="1" y1="5" x2="27" y2="5" />
                        </svg>
                        { kind.label() }
                        <span class="xa-legend-n">{ format!(" {count}") }</span>
                    </button>
                </li>
            }
        })
    });
    html! {
        <ul class="xa-legend" aria-label="Relation types: press one to hide or show its lines">
            { for items }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct GraphSvgProps {
    doc: DocRef,
    compact: bool,
    active: Option<Focus>,
    selected: Option<Focus>,
    hidden: u16,
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

/// One layout of the graph. Tab stops: the first node and the first line (the page moves them
/// with the arrow keys).
#[component]
fn GraphSvg(props: &GraphSvgProps) -> Html {
    let doc = props.doc.0;
    let layout: &'static GraphLayout = if props.compact {
        &doc.graph.compact
    } else {
        &doc.graph.wide
    };
    let tag = LAYOUT_TAGS[usize::from(props.compact)];
    let em = doc.emphasis(props.active);
    let selected_edge = match props.selected {
        Some(Focus::Relation(r)) => Some(r),
        _ => None,
    };
    let selected_actor = match props.selected {
        Some(Focus::Actor(a)) => Some(a),
        _ => None,
    };
    let first_edge = (0..doc.relations.len() as u16)
        .find(|&r| !is_hidden(props.hidden, doc.relations[r as usize].kind));

    let edges = (0..doc.relations.len() as u16).map(|r| {
        let rel = &doc.relations[r as usize];
        let key = rel.kind.key();
        let marker = rel
            .kind
            .directed()
            .then(|| format!("url(#xa-arrow-{tag}-{key})"));
        let label = format!("{}: “{}”", relation_name(doc, r), rel.quote);
        html! {
            <g
                key={r}
                id={format!("xa-e-{tag}-{r}")}
                class={classes!(
                    "xa-edge",
                    format!("xa-rel-{key}"),
                    em.relations.contains(&r).then_some("xa-em"),
                    (selected_edge == Some(r)).then_some("xa-sel"),
                    is_hidden(props.hidden, rel.kind).then_some("xa-hidden"),
                )}
                tabindex={if Some(r) == first_edge { "0" } else { "-1" }}
                role="button"
                aria-label={label}
            >
                <path class="xa-edge-hit" d={layout.edges[r as usize]} />
                <path class="xa-edge-line" d={layout.edges[r as usize]} marker-end={marker} />
            </g>
        }
    });
    let nodes = layout.nodes.iter().enumerate().map(|(i, n)| {
        let actor = &doc.actors[n.actor as usize];
        let count = actor.relations.len();
        // The visible label comes first in the name, so speech input can use what it shows.
        let who = if actor.short == actor.name {
            actor.name.to_string()
        } else {
            format!("{}: {}", actor.short, actor.name)
        };
        let label = format!(
            "{who}, {}: {count} relation{}",
            actor.kind.label(),
            if count == 1 { "" } else { "s" }
        );
        html! {
            <g
                key={n.actor}
                id={format!("xa-n-{tag}-{}", n.actor)}
                class={classes!(
                    "xa-node",
                    format!("xa-kind-{}", actor.kind.key()),
                    em.actors.contains(&n.actor).then_some("xa-em"),
                    (selected_actor == Some(n.actor)).then_some("xa-sel"),
                )}
                transform={format!("translate({} {})", n.x, n.y)}
                tabindex={if i == 0 { "0" } else { "-1" }}
                role="button"
                aria-label={label}
            >
                { shape(actor.kind) }
            </g>
        }
    });
    // Labels are drawn last, over the lines, each on its own halo; they answer the pointer like
    // their node, but the keyboard and screen readers meet the node itself.
    let labels = layout.nodes.iter().map(|n| {
        html! {
            <text key={n.actor} id={format!("xa-l-{tag}-{}", n.actor)}
                class={classes!("xa-node-label", em.actors.contains(&n.actor).then_some("xa-em"))}
                x={n.x.to_string()} y={(n.y + 25).to_string()} text-anchor="middle">
                { doc.actors[n.actor as usize].short }
            </text>
        }
    });
    let markers = RelationKind::ALL.into_iter().filter(|k| k.directed()).map(|k| html! {
        <marker id={format!("xa-arrow-{tag}-{}", k.key())} class={classes!("xa-arrowhead", format!("xa-rel-{}", k.key()))}
            viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10Z" />
        </marker>
    });
    let (width, height) = (layout.width.to_string(), layout.height.to_string());
    html! {
        <svg
            class={classes!("xa-graph", if props.compact { "xa-graph-compact" } else { "xa-graph-wide" }, props.active.is_some().then_some("xa-dim"))}
            viewBox={format!("0 0 {width} {height}")}
            {width}
            {height}
            role="group"
            aria-label="Relation graph. Tab reaches the actors, then the lines; arrow keys move between them; Enter opens a card or shows the quote; Esc clears."
        >
            <defs>{ for markers }</defs>
            // Nodes come first so that Tab meets the actors before the lines.
            <g class="xa-nodes">{ for nodes }</g>
            <g class="xa-edges">{ for edges }</g>
            <g class="xa-labels" aria-hidden="true">{ for labels }</g>
        </svg>
    }
}
