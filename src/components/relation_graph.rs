//! The relation graph: who feuds with, allies with, trades with or cuts ties with whom, as the
//! article states it. An SVG laid out at build time (a wide and a compact shape; CSS shows the one
//! that fits), with a legend that filters by type, keyboard access (Tab into the actors or the lines,
//! arrow keys between them, Enter to activate, Esc to clear) and a table as its text alternative.

use article_model::layout::{neighbour, Direction};
use article_model::{ActorId, Document, Focus, GraphLayout, Kind, RelationKind};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::DocRef;
use crate::components::relations_table::RelationsTable;

/// DOM ids of an actor's node in the wide and the compact layout.
pub fn node_dom_ids(actor: ActorId) -> [String; 2] {
    [format!("xa-n-w-{actor}"), format!("xa-n-c-{actor}")]
}

/// What the graph reports to the app.
#[derive(Clone, PartialEq)]
pub struct GraphHandlers {
    /// The pointer or focus is on an actor or a relation (or left the graph).
    pub hover: Callback<Option<Focus>>,
    /// A pointer went down on a node (its `pointerType`).
    pub press: Callback<(ActorId, String)>,
    /// A node was activated: by a click (the event) or by the keyboard (`None`).
    pub node: Callback<(ActorId, Option<MouseEvent>)>,
    /// A relation was activated.
    pub edge: Callback<u16>,
    /// Esc: nothing selected.
    pub clear: Callback<()>,
    /// The legend shows or hides a relation type.
    pub toggle: Callback<RelationKind>,
}

#[derive(Properties, PartialEq)]
pub struct RelationFigureProps {
    pub doc: DocRef,
    /// What is emphasised: hovered, focused or selected.
    pub active: Option<Focus>,
    pub selected: Option<Focus>,
    /// Hidden relation types, one bit per [`RelationKind::ALL`] index.
    pub hidden: u16,
    pub handlers: GraphHandlers,
}

/// The bit of a relation type in a set of hidden types.
pub fn kind_bit(kind: RelationKind) -> u16 {
    1 << RelationKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(0)
}

fn is_hidden(hidden: u16, kind: RelationKind) -> bool {
    hidden & kind_bit(kind) != 0
}

/// One line of the graph, as a reader hears or reads it: "Milei — insulted — Lula".
pub fn relation_name(doc: &Document, relation: u16) -> String {
    let r = &doc.relations[relation as usize];
    format!(
        "{} — {} — {}",
        doc.actors[r.from as usize].short, r.label, doc.actors[r.to as usize].short
    )
}

/// What the graph points at, in words: an actor and its count, or a relation and its quote (set
/// off as a quotation by its style, not by added quote marks, which would clash with the quote's own).
fn caption(doc: &Document, active: Option<Focus>) -> Html {
    match active {
        Some(Focus::Actor(a)) => {
            let actor = &doc.actors[a as usize];
            let n = actor.relations.len();
            let plural = if n == 1 { "" } else { "s" };
            html! { format!("{}: {n} relation{plural} in this article.", actor.name) }
        }
        Some(Focus::Relation(r)) => html! {
            <>
                <strong>{ relation_name(doc, r) }</strong>
                <span class="xa-caption-quote">{ doc.relations[r as usize].quote }</span>
            </>
        },
        None => html! { "Hover, focus or tap a name or a line to see it in the text." },
    }
}

#[component]
pub fn RelationFigure(props: &RelationFigureProps) -> Html {
    let doc = props.doc.0;
    let h = &props.handlers;
    html! {
        <section class="xa-figure" aria-labelledby="xa-graph-title">
            <h2 id="xa-graph-title" class="xa-figure-title">{ "Who does what to whom" }</h2>
            <p class="xa-figure-note">
                { "Relations as this opinion article states them. Every line rests on a quote from the text." }
            </p>
            <Legend doc={props.doc} hidden={props.hidden} on_toggle={h.toggle.clone()} />
            <GraphSvg doc={props.doc} compact={false} active={props.active} selected={props.selected} hidden={props.hidden} handlers={h.clone()} />
            <GraphSvg doc={props.doc} compact={true} active={props.active} selected={props.selected} hidden={props.hidden} handlers={h.clone()} />
            <p class="xa-graph-caption">{ caption(doc, props.active) }</p>
            <RelationsTable doc={props.doc} on_select={h.edge.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    doc: DocRef,
    hidden: u16,
    on_toggle: Callback<RelationKind>,
}

/// The relation types present, each a toggle that shows or hides its lines.
#[component]
fn Legend(props: &LegendProps) -> Html {
    let doc = props.doc.0;
    let items = RelationKind::ALL.into_iter().filter_map(|kind| {
        let count = doc.relations.iter().filter(|r| r.kind == kind).count();
        (count > 0).then(|| {
            let shown = !is_hidden(props.hidden, kind);
            let onclick = props.on_toggle.reform(move |_: MouseEvent| kind);
            html! {
                <li>
                    <button type="button" class={classes!("xa-legend-btn", format!("xa-rel-{}", kind.key()))} aria-pressed={shown.to_string()} {onclick}>
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
    handlers: GraphHandlers,
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

/// The element (node or line) an event happened on, as a focus.
fn target_of(target: Option<web_sys::EventTarget>) -> Option<(Focus, web_sys::Element)> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let item = el.closest("[data-node],[data-edge]").ok()??;
    let focus = if let Some(n) = item.get_attribute("data-node") {
        Focus::Actor(n.parse().ok()?)
    } else {
        Focus::Relation(item.get_attribute("data-edge")?.parse().ok()?)
    };
    Some((focus, item))
}

fn focus_by_id(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
            let _ = el.focus();
        }
    }
}

/// One layout of the graph.
#[component]
fn GraphSvg(props: &GraphSvgProps) -> Html {
    let doc = props.doc.0;
    let layout: &'static GraphLayout = if props.compact {
        &doc.graph.compact
    } else {
        &doc.graph.wide
    };
    let tag = if props.compact { "c" } else { "w" };
    // Roving focus: the node and the line that Tab lands on.
    let node_stop = use_state(|| 0usize);
    let edge_stop = use_state(|| 0u16);
    let h = &props.handlers;

    let visible: Vec<u16> = (0..doc.relations.len() as u16)
        .filter(|&r| !is_hidden(props.hidden, doc.relations[r as usize].kind))
        .collect();
    let (em_actors, em_edges): (Vec<ActorId>, Vec<u16>) = match props.active {
        Some(Focus::Actor(a)) => {
            let edges: Vec<u16> = doc.actors[a as usize].relations.to_vec();
            let mut actors: Vec<ActorId> = edges.iter().map(|&r| doc.other_end(r, a)).collect();
            actors.push(a);
            (actors, edges)
        }
        Some(Focus::Relation(r)) => {
            let rel = &doc.relations[r as usize];
            (vec![rel.from, rel.to], vec![r])
        }
        None => (Vec::new(), Vec::new()),
    };
    let selected_edge = match props.selected {
        Some(Focus::Relation(r)) => Some(r),
        _ => None,
    };
    let selected_actor = match props.selected {
        Some(Focus::Actor(a)) => Some(a),
        _ => None,
    };

    let onpointerover = {
        let hover = h.hover.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((focus, _)) = target_of(e.target()) {
                hover.emit(Some(focus));
            }
        })
    };
    let onpointerout = {
        let hover = h.hover.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((_, el)) = target_of(e.target()) {
                let inside = e
                    .related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|n| el.contains(Some(&n)));
                if !inside {
                    hover.emit(None);
                }
            }
        })
    };
    let onfocusin = {
        let hover = h.hover.clone();
        Callback::from(move |e: FocusEvent| hover.emit(target_of(e.target()).map(|(f, _)| f)))
    };
    let onfocusout = {
        let hover = h.hover.clone();
        Callback::from(move |_: FocusEvent| hover.emit(None))
    };
    let onpointerdown = {
        let press = h.press.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((Focus::Actor(a), _)) = target_of(e.target()) {
                press.emit((a, e.pointer_type()));
            }
        })
    };
    let onclick = {
        let (node, edge) = (h.node.clone(), h.edge.clone());
        Callback::from(move |e: MouseEvent| match target_of(e.target()) {
            Some((Focus::Actor(a), _)) => node.emit((a, Some(e))),
            Some((Focus::Relation(r), _)) => edge.emit(r),
            None => {}
        })
    };
    let onkeydown = {
        let (node, edge, clear) = (h.node.clone(), h.edge.clone(), h.clear.clone());
        let (node_stop, edge_stop) = (node_stop.clone(), edge_stop.clone());
        let visible = visible.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some((focus, _)) = target_of(e.target()) else {
                return;
            };
            let key = e.key();
            let direction = match key.as_str() {
                "ArrowLeft" => Some(Direction::Left),
                "ArrowRight" => Some(Direction::Right),
                "ArrowUp" => Some(Direction::Up),
                "ArrowDown" => Some(Direction::Down),
                _ => None,
            };
            match (focus, key.as_str()) {
                (_, "Escape") => clear.emit(()),
                (Focus::Actor(a), "Enter" | " ") => {
                    e.prevent_default();
                    node.emit((a, None));
                }
                (Focus::Relation(r), "Enter" | " ") => {
                    e.prevent_default();
                    edge.emit(r);
                }
                (Focus::Actor(a), _) => {
                    let points: Vec<(i16, i16)> = layout.nodes.iter().map(|n| (n.x, n.y)).collect();
                    let Some(from) = layout.nodes.iter().position(|n| n.actor == a) else {
                        return;
                    };
                    let to = match (direction, key.as_str()) {
                        (Some(d), _) => neighbour(&points, from, d),
                        (None, "Home") => Some(0),
                        (None, "End") => Some(points.len() - 1),
                        _ => None,
                    };
                    if let Some(to) = to {
                        e.prevent_default();
                        node_stop.set(to);
                        focus_by_id(&format!("xa-n-{tag}-{}", layout.nodes[to].actor));
                    }
                }
                (Focus::Relation(r), _) => {
                    let Some(at) = visible.iter().position(|&v| v == r) else {
                        return;
                    };
                    let to = match key.as_str() {
                        "ArrowRight" | "ArrowDown" => Some((at + 1) % visible.len()),
                        "ArrowLeft" | "ArrowUp" => Some((at + visible.len() - 1) % visible.len()),
                        "Home" => Some(0),
                        "End" => Some(visible.len() - 1),
                        _ => None,
                    };
                    if let Some(to) = to {
                        e.prevent_default();
                        edge_stop.set(visible[to]);
                        focus_by_id(&format!("xa-e-{tag}-{}", visible[to]));
                    }
                }
            }
        })
    };

    let edge_tab = if visible.contains(&*edge_stop) {
        *edge_stop
    } else {
        visible.first().copied().unwrap_or(0)
    };
    let edges = visible.iter().map(|&r| {
        let rel = &doc.relations[r as usize];
        let key = rel.kind.key();
        let marker = rel.kind.directed().then(|| format!("url(#xa-arrow-{tag}-{key})"));
        let label = format!("{}: “{}”", relation_name(doc, r), rel.quote);
        html! {
            <g
                key={r}
                id={format!("xa-e-{tag}-{r}")}
                class={classes!("xa-edge", format!("xa-rel-{key}"), em_edges.contains(&r).then_some("xa-em"), (selected_edge == Some(r)).then_some("xa-sel"))}
                data-edge={r.to_string()}
                tabindex={if r == edge_tab { "0" } else { "-1" }}
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
        let who = if actor.short == actor.name { actor.name.to_string() } else { format!("{}: {}", actor.short, actor.name) };
        let label = format!("{who}, {}: {count} relation{}", actor.kind.label(), if count == 1 { "" } else { "s" });
        html! {
            <g
                key={n.actor}
                id={format!("xa-n-{tag}-{}", n.actor)}
                class={classes!("xa-node", format!("xa-kind-{}", actor.kind.key()), em_actors.contains(&n.actor).then_some("xa-em"), (selected_actor == Some(n.actor)).then_some("xa-sel"))}
                data-node={n.actor.to_string()}
                transform={format!("translate({} {})", n.x, n.y)}
                tabindex={if i == *node_stop { "0" } else { "-1" }}
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
        let em = em_actors.contains(&n.actor);
        html! {
            <text key={n.actor} class={classes!("xa-node-label", em.then_some("xa-em"))} data-node={n.actor.to_string()}
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
            {onpointerover} {onpointerout} {onfocusin} {onfocusout} {onpointerdown} {onclick} {onkeydown}
        >
            <defs>{ for markers }</defs>
            // Nodes come first so that Tab meets the actors before the lines.
            <g class="xa-nodes">{ for nodes }</g>
            <g class="xa-edges">{ for edges }</g>
            <g class="xa-labels" aria-hidden="true">{ for labels }</g>
        </svg>
    }
}
