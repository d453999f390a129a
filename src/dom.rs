//! The few browser APIs the app needs, in one place: finding a mention from an event, placing the
//! card next to its mention, moving focus, scrolling, and the reader's stored "cards off" choice.

use article_model::placement::{anchor_line, place_card, Rect};
use article_model::{ActorId, MentionId, SentenceId};
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::app::Anchor;
use crate::components::article_body::{mention_dom_id, sentence_dom_id, CARD_DOM_ID};
use crate::components::relation_graph::node_dom_ids;

const STORAGE_KEY: &str = "xa-cards";

fn element(target: Option<EventTarget>) -> Option<Element> {
    target?.dyn_into::<Element>().ok()
}

fn by_id(id: &str) -> Option<HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Focuses an HTML or SVG element (the two have separate `focus` methods).
fn focus(el: &Element) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    } else if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = el.focus();
    }
}

/// The mention an event happened on, with its element.
pub fn mention_at(target: Option<EventTarget>) -> Option<(MentionId, Element)> {
    let el = element(target)?.closest("[data-m]").ok()??;
    let id = el.get_attribute("data-m")?.parse().ok()?;
    Some((id, el))
}

/// The graph node an event happened on.
pub fn node_at(target: Option<EventTarget>) -> Option<ActorId> {
    element(target)?
        .closest("[data-node]")
        .ok()??
        .get_attribute("data-node")?
        .parse()
        .ok()
}

/// The element a card is attached to: the mention, or the node in whichever graph layout shows.
/// (A node is an SVG element: anything here must work on `Element`, not only `HtmlElement`.)
fn anchor_element(anchor: Anchor) -> Option<Element> {
    let document = gloo::utils::document();
    match anchor {
        Anchor::Mention(m) => document.get_element_by_id(&mention_dom_id(m)),
        Anchor::Node(a) => node_dom_ids(a)
            .iter()
            .filter_map(|id| document.get_element_by_id(id))
            .find(|el| el.get_client_rects().length() > 0),
    }
}

/// True when `target` is inside `el` (or is `el`).
pub fn is_within(target: Option<EventTarget>, el: &Element) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|n| el.contains(Some(&n)))
}

/// True when `target` is inside the open card.
pub fn in_card(target: Option<EventTarget>) -> bool {
    element(target)
        .and_then(|el| el.closest(&format!("#{CARD_DOM_ID}")).ok().flatten())
        .is_some()
}

/// True when keyboard focus is inside the open card.
pub fn focus_in_card() -> bool {
    in_card(gloo::utils::document().active_element().map(Into::into))
}

/// A CSS pixel length. Whole pixels: formatting floats would cost the wasm several kilobytes.
fn px(value: f64) -> String {
    format!("{}px", value.round() as i32)
}

fn rect(r: &web_sys::DomRect) -> Rect {
    Rect {
        left: r.left(),
        top: r.top(),
        right: r.right(),
        bottom: r.bottom(),
    }
}

/// Places the open card next to `mention`: on the line box under `pointer` when the mention wraps.
/// Positions go through the CSSOM, which a strict Content-Security-Policy allows.
pub fn place_open_card(anchor: Anchor, pointer: Option<(f64, f64)>) {
    let (Some(card), Some(anchor)) = (by_id(CARD_DOM_ID), anchor_element(anchor)) else {
        return;
    };
    let Some(root) = card.offset_parent() else {
        return;
    };
    let lines: Vec<Rect> = {
        let list = anchor.get_client_rects();
        (0..list.length())
            .filter_map(|i| list.get(i))
            .map(|r| rect(&r))
            .collect()
    };
    let Some(line) = anchor_line(&lines, pointer) else {
        return;
    };
    let html = gloo::utils::document_element();
    let viewport = (
        f64::from(html.client_width()),
        f64::from(html.client_height()),
    );
    let style = card.style();
    let width = article_model::placement::card_width(viewport.0);
    let _ = style.set_property("width", &px(width));
    let _ = style.remove_property("max-height");
    let height = f64::from(card.offset_height());
    let p = place_card(line, pointer.map(|(x, _)| x), viewport, height);
    let origin = rect(&root.get_bounding_client_rect());
    let _ = style.set_property("left", &px(p.left - origin.left));
    let _ = style.set_property("top", &px(p.top - origin.top));
    let _ = style.set_property("--xa-arrow-x", &px(p.arrow_x));
    if let Some(max) = p.max_height {
        let _ = style.set_property("max-height", &px(max));
    }
    let _ = card.set_attribute("data-side", if p.above { "above" } else { "below" });
}

/// Moves focus into the card, on the dialog itself so a screen reader announces it.
pub fn focus_card() {
    if let Some(card) = by_id(CARD_DOM_ID) {
        let _ = card.focus();
    }
}

/// Focuses an anchor; returns false when it already had focus (no focus event will follow).
pub fn focus_anchor(anchor: Anchor) -> bool {
    let Some(el) = anchor_element(anchor) else {
        return false;
    };
    let already = gloo::utils::document()
        .active_element()
        .is_some_and(|a| a == el);
    focus(&el);
    !already
}

fn scroll_to(el: Option<Element>) {
    if let Some(el) = el {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        options.set_inline(ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Scrolls an anchor to the middle of the viewport, at once (a reader asked for it).
pub fn scroll_to_anchor(anchor: Anchor) {
    scroll_to(anchor_element(anchor));
}

/// Scrolls a sentence of the article to the middle of the viewport.
pub fn scroll_to_sentence(sentence: SentenceId) {
    scroll_to(gloo::utils::document().get_element_by_id(&sentence_dom_id(sentence)));
}

/// The address's fragment (`#actor=milei`), or an empty string.
pub fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Shows a selection in the address without scrolling or adding a history entry.
pub fn set_hash(hash: Option<&str>) {
    let window = gloo::utils::window();
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = match hash {
        Some(hash) => format!("{base}{hash}"),
        None => base,
    };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// Focuses the cards switch (after the cards were turned off from inside a card).
pub fn focus_switch() {
    if let Some(el) = gloo::utils::document()
        .query_selector(".xa-switch")
        .ok()
        .flatten()
    {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The reader's choice from an earlier visit; cards are on unless they turned them off.
pub fn stored_cards_on() -> bool {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .as_deref()
        != Some("off")
}

/// Remembers the reader's choice (storage may be unavailable, e.g. blocked: then it lasts the visit).
pub fn store_cards_on(on: bool) {
    if let Some(s) = storage() {
        let _ = if on {
            s.remove_item(STORAGE_KEY)
        } else {
            s.set_item(STORAGE_KEY, "off")
        };
    }
}

/// A performance mark the benchmark reads ("interactive": listeners attached, cards work).
pub fn mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}
