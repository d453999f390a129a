//! The browser APIs the shell needs, in one place: finding elements by their typed ids, placing the
//! card next to its anchor, moving focus, scrolling, the address's fragment, the reader's stored
//! choice, and writing the markup's changes ([`apply`]).

use article_model::placement::{anchor_line, card_width, place_card, Rect};
use article_model::reader::{Point, Scroll};
use article_model::view::Patch;
use article_model::{Anchor, DomId, Layout};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::bind::focus;

const STORAGE_KEY: &str = "xa-cards";

thread_local! {
    // Asked for once: `gloo::utils::document()` asks the window for it, two calls into JavaScript,
    // and the app's start looks up some 700 elements.
    static DOCUMENT: web_sys::Document = gloo::utils::document();
}

pub fn by_id(id: DomId) -> Option<Element> {
    DOCUMENT.with(|d| d.get_element_by_id(&id.to_string()))
}

/// Whether the element is laid out (a node of the layout that does not show is not).
fn shown(el: &Element) -> bool {
    el.get_client_rects().length() > 0
}

/// The element a card is attached to: the mention, or the node in whichever graph layout shows.
fn anchor_element(anchor: Anchor) -> Option<Element> {
    match anchor {
        Anchor::Mention(m) => by_id(DomId::Mention(m)),
        Anchor::Node(a) => Layout::ALL
            .iter()
            .filter_map(|&l| by_id(DomId::Node(l, a)))
            .find(shown),
    }
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

/// Places the card next to its anchor: on the line box under `pointer` when a mention wraps.
/// Positions go through the CSSOM, which a strict Content-Security-Policy allows.
pub fn place_card_at(anchor: Anchor, pointer: Option<Point>) {
    let card = by_id(DomId::Card).and_then(|c| c.dyn_into::<HtmlElement>().ok());
    let (Some(card), Some(anchor)) = (card, anchor_element(anchor)) else {
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
    let Some(line) = anchor_line(&lines, pointer.map(|p| (p.x, p.y))) else {
        return;
    };
    let html = gloo::utils::document_element();
    // In a frame as tall as the page, the reader sees only the part the host's viewport shows:
    // web/embed-child.js keeps an invisible box over that part ([`DomId::ShownPart`]). The card is placed
    // within it, as it is within the viewport of a page read directly.
    let (shown_top, shown_height) = by_id(DomId::ShownPart)
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
    let _ = style.set_property("width", &px(card_width(viewport.0)));
    let _ = style.remove_property("max-height");
    let height = f64::from(card.offset_height());
    let p = place_card(line, pointer.map(|p| p.x), viewport, height);
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
    if let Some(card) = by_id(DomId::Card) {
        focus(&card);
    }
}

pub fn focus_anchor(anchor: Anchor) {
    if let Some(el) = anchor_element(anchor) {
        focus(&el);
    }
}

pub fn focus_id(id: DomId) {
    if let Some(el) = by_id(id) {
        focus(&el);
    }
}

fn scroll_into_view(el: Option<Element>) {
    if let Some(el) = el {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        options.set_inline(ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Scrolls a mention, a node or a sentence to the middle of the viewport, at once (the reader
/// asked for it).
pub fn scroll_to(target: Scroll) {
    scroll_into_view(match target {
        Scroll::Anchor(anchor) => anchor_element(anchor),
        Scroll::Sentence(s) => by_id(DomId::Sentence(s)),
    });
}

/// The address's fragment (`#actor=milei`), or an empty string.
pub fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The address's query (`?cards=0`), or an empty string.
pub fn query() -> String {
    gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default()
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

fn storage() -> Option<web_sys::Storage> {
    // In a sandboxed frame, reading `localStorage` throws: then the choice lasts the visit.
    gloo::utils::window().local_storage().ok().flatten()
}

/// The reader's choice from an earlier visit; cards are on unless they turned them off.
pub fn stored_cards_on() -> bool {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .as_deref()
        != Some("off")
}

/// Remembers the reader's choice (storage may be unavailable: then it lasts the visit).
pub fn store_cards_on(on: bool) {
    if let Some(s) = storage() {
        let _ = if on {
            s.remove_item(STORAGE_KEY)
        } else {
            s.set_item(STORAGE_KEY, "off")
        };
    }
}

/// A performance mark the benchmark and the tests read ("interactive": listeners attached).
pub fn mark(name: &str) {
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(name);
    }
}

/// Mention links taken out of the text while cards are off, each with the text node that stands in.
pub type Unmarked = Vec<(Element, web_sys::Text)>;

/// Writes the markup's changes. Patches name their elements by id; one that is not in the page
/// (a layout the page does not carry) is skipped.
pub fn apply(patches: &[Patch], unmarked: &mut Unmarked) {
    for patch in patches {
        match patch {
            Patch::Class { id, class, on } => {
                if let Some(el) = by_id(*id) {
                    let list = el.class_list();
                    let _ = if *on {
                        list.add_1(class)
                    } else {
                        list.remove_1(class)
                    };
                }
            }
            Patch::Attr { id, name, value } => {
                if let Some(el) = by_id(*id) {
                    let _ = match value {
                        Some(value) => el.set_attribute(name, value),
                        None => el.remove_attribute(name),
                    };
                }
            }
            Patch::Text { id, text } => {
                if let Some(el) = by_id(*id) {
                    el.set_text_content(Some(text));
                }
            }
            Patch::Marked(on) => mark_names(*on, unmarked),
        }
    }
}

/// Cards off: the mention links become plain text (the words stay exactly the same); on: back.
/// Idempotent: names already unmarked (by the boot script, for `cards=0`) stay so.
fn mark_names(on: bool, unmarked: &mut Unmarked) {
    let document = gloo::utils::document();
    if on {
        for (link, text) in unmarked.drain(..) {
            super::bind::replace(&text, &link);
        }
        return;
    }
    let Ok(links) = document.query_selector_all("article a.xa-mention") else {
        return;
    };
    for link in (0..links.length()).filter_map(|i| links.get(i)?.dyn_into::<Element>().ok()) {
        let text = document.create_text_node(&link.text_content().unwrap_or_default());
        if super::bind::replace(&link, &text) {
            unmarked.push((link, text));
        }
    }
}
