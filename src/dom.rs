//! The few browser APIs the app needs, in one place: finding a mention from an event, placing the
//! card next to its mention, moving focus, scrolling, and the reader's stored "cards off" choice.

use article_model::placement::{anchor_line, place_card, Rect};
use article_model::{Document, Focus, MentionId, RelationKind, SentenceId};
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::app::Anchor;
use crate::components::article_body::{mention_dom_id, sentence_dom_id, CARD_DOM_ID};
use crate::components::cards_switch::{HINT_OFF, HINT_ON};
use crate::components::relation_graph::{caption_parts, is_hidden, node_dom_ids, LAYOUT_TAGS};

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
    let el = element(target)?.closest(".xa-mention").ok()??;
    let id = el.id().strip_prefix("xa-m-")?.parse().ok()?;
    Some((id, el))
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
    // In a frame as tall as the page, the reader sees only the part the host's viewport shows:
    // web/embed-child.js keeps an invisible `#xa-view` box over that part. The card is placed
    // within it, as it is within the viewport of a page read directly.
    let (shown_top, shown_height) = by_id("xa-view")
        .map(|view| view.get_bounding_client_rect())
        .filter(|r| r.height() > 0.0)
        .map_or((0.0, f64::from(html.client_height())), |r| {
            (r.top(), r.height())
        });
    let viewport = (f64::from(html.client_width()), shown_height);
    let line = Rect {
        top: line.top - shown_top,
        bottom: line.bottom - shown_top,
        ..line
    };
    let style = card.style();
    let width = article_model::placement::card_width(viewport.0);
    let _ = style.set_property("width", &px(width));
    let _ = style.remove_property("max-height");
    let height = f64::from(card.offset_height());
    let p = place_card(line, pointer.map(|(x, _)| x), viewport, height);
    let origin = rect(&root.get_bounding_client_rect());
    let _ = style.set_property("left", &px(p.left - origin.left));
    let _ = style.set_property("top", &px(p.top + shown_top - origin.top));
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

/// What the prerendered markup shows: the page's state as far as classes and attributes go.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub cards_on: bool,
    /// The mention whose card is open.
    pub open: Option<MentionId>,
    /// What the graph points at (hovered, focused or selected).
    pub active: Option<Focus>,
    pub selected: Option<Focus>,
    /// Hidden relation types, one bit per kind.
    pub hidden: u16,
}

impl View {
    /// The state the page is prerendered in.
    pub fn prerendered() -> Self {
        View {
            cards_on: true,
            open: None,
            active: None,
            selected: None,
            hidden: 0,
        }
    }
}

impl Default for View {
    fn default() -> Self {
        View::prerendered()
    }
}

/// Mention links taken out of the text while cards are off, each with the text node that stands in.
pub type Unmarked = Vec<(Element, web_sys::Text)>;

/// Every element matching `selector`.
pub fn all(selector: &str) -> Vec<Element> {
    let Ok(list) = gloo::utils::document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn class(id: &str, name: &str, on: bool) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        let list = el.class_list();
        let _ = if on {
            list.add_1(name)
        } else {
            list.remove_1(name)
        };
    }
}

fn set_text(id: &str, text: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        el.set_text_content(Some(text));
    }
}

/// The value of `attr` on the target or its nearest ancestor that has it.
pub fn closest_attr(target: Option<EventTarget>, attr: &str) -> Option<String> {
    element(target)?
        .closest(&format!("[{attr}]"))
        .ok()??
        .get_attribute(attr)
}

/// The graph node or line an event happened on.
pub fn graph_item_at(target: Option<EventTarget>) -> Option<(Focus, Element)> {
    let item = element(target)?
        .closest(".xa-node,.xa-edge,.xa-node-label")
        .ok()??;
    // The id ends with the actor or relation: `xa-n-w-3`, `xa-l-c-3`, `xa-e-w-12`.
    let id = item.id();
    let b = id.as_bytes();
    let n = id[b.iter().rposition(|&c| c == b'-')? + 1..].parse().ok()?;
    let focus = if b.get(3) == Some(&b'e') {
        Focus::Relation(n)
    } else {
        Focus::Actor(n)
    };
    Some((focus, item))
}

/// Moves a graph's roving Tab stop within `group` (".xa-nodes" or ".xa-edges") to `id`, and focus.
pub fn move_tab_stop(svg: &Element, group: &str, id: &str) {
    if let Ok(list) = svg.query_selector_all(&format!("{group} [tabindex=\"0\"]")) {
        for i in 0..list.length() {
            if let Some(el) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.set_attribute("tabindex", "-1");
            }
        }
    }
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        let _ = el.set_attribute("tabindex", "0");
        focus(&el);
    }
}

/// Brings the prerendered markup from `old` to `new`: only what changed is touched.
pub fn sync(doc: &Document, old: &View, new: &View, unmarked: &mut Unmarked) {
    if old.cards_on != new.cards_on {
        sync_cards(new.cards_on, unmarked);
    }
    if old.open != new.open {
        for (mention, open) in [(old.open, false), (new.open, true)] {
            let Some(m) = mention else { continue };
            let id = mention_dom_id(m);
            if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
                let _ = el.set_attribute("aria-expanded", if open { "true" } else { "false" });
                let _ = if open {
                    el.set_attribute("aria-controls", CARD_DOM_ID)
                } else {
                    el.remove_attribute("aria-controls")
                };
                class(&id, "xa-open", open);
            }
        }
    }
    if old.active != new.active {
        for (focus, on) in [(old.active, false), (new.active, true)] {
            let em = doc.emphasis(focus);
            for m in &em.mentions {
                class(&mention_dom_id(*m), "xa-hl", on);
            }
            if let Some((first, last)) = em.sentences {
                for s in first..=last {
                    class(&sentence_dom_id(s), "xa-ev", on);
                }
            }
            for tag in LAYOUT_TAGS {
                for a in &em.actors {
                    class(&format!("xa-n-{tag}-{a}"), "xa-em", on);
                    class(&format!("xa-l-{tag}-{a}"), "xa-em", on);
                }
                for r in &em.relations {
                    class(&format!("xa-e-{tag}-{r}"), "xa-em", on);
                }
            }
        }
        for svg in all("svg.xa-graph") {
            let list = svg.class_list();
            let _ = if new.active.is_some() {
                list.add_1("xa-dim")
            } else {
                list.remove_1("xa-dim")
            };
        }
        let (name, text, quote) = caption_parts(doc, new.active);
        set_text("xa-cap-name", &name);
        set_text("xa-cap-text", &text);
        set_text("xa-cap-quote", quote);
    }
    if old.selected != new.selected {
        for (focus, on) in [(old.selected, false), (new.selected, true)] {
            let (prefix, n) = match focus {
                Some(Focus::Actor(a)) => ("n", a),
                Some(Focus::Relation(r)) => ("e", r),
                None => continue,
            };
            for tag in LAYOUT_TAGS {
                class(&format!("xa-{prefix}-{tag}-{n}"), "xa-sel", on);
            }
        }
    }
    if old.hidden != new.hidden {
        sync_hidden(doc, new.hidden);
    }
}

/// Shows or hides relation types: the legend's buttons, the lines, and a Tab stop that stays on a
/// line that can still be seen.
fn sync_hidden(doc: &Document, hidden: u16) {
    for kind in RelationKind::ALL {
        for button in all(&format!(".xa-legend-btn[data-kind=\"{}\"]", kind.key())) {
            let _ = button.set_attribute(
                "aria-pressed",
                if is_hidden(hidden, kind) {
                    "false"
                } else {
                    "true"
                },
            );
        }
    }
    let first_visible = (0..doc.relations.len() as u16)
        .find(|&r| !is_hidden(hidden, doc.relations[r as usize].kind));
    for tag in LAYOUT_TAGS {
        let mut stop_hidden = false;
        for (r, rel) in doc.relations.iter().enumerate() {
            let id = format!("xa-e-{tag}-{r}");
            let off = is_hidden(hidden, rel.kind);
            class(&id, "xa-hidden", off);
            if off {
                if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
                    if el.get_attribute("tabindex").as_deref() == Some("0") {
                        let _ = el.set_attribute("tabindex", "-1");
                        stop_hidden = true;
                    }
                }
            }
        }
        if stop_hidden {
            if let Some(el) = first_visible
                .and_then(|r| gloo::utils::document().get_element_by_id(&format!("xa-e-{tag}-{r}")))
            {
                let _ = el.set_attribute("tabindex", "0");
            }
        }
    }
}

/// Cards off: the mention links become plain text (the words stay exactly the same); on: back.
fn sync_cards(on: bool, unmarked: &mut Unmarked) {
    let document = gloo::utils::document();
    if on {
        for (link, text) in unmarked.drain(..) {
            let _ = text.replace_with_with_node_1(&link);
        }
    } else {
        for link in all("article a.xa-mention") {
            let text = document.create_text_node(&link.text_content().unwrap_or_default());
            if link.replace_with_with_node_1(&text).is_ok() {
                unmarked.push((link, text));
            }
        }
    }
    if let Some(switch) = document.query_selector(".xa-switch").ok().flatten() {
        let _ = switch.set_attribute("aria-pressed", if on { "true" } else { "false" });
    }
    set_text("xa-hint", if on { HINT_ON } else { HINT_OFF });
}
