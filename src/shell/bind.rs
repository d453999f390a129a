//! Browser methods bound once where web-sys binds them once per interface: `focus` (HTML and SVG
//! elements), `replaceWith` (elements and text), `relatedTarget` (pointer and focus events). One
//! import each instead of two, and no type check to pick one: about 50 B less of the runtime,
//! brotli.
//! Each is a mixin of the DOM standard, which JavaScript cannot test for: the types below name
//! the mixin, and the functions take any node that has it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, Node};

#[wasm_bindgen]
extern "C" {
    /// `HTMLOrSVGElement`: every HTML and SVG element.
    #[wasm_bindgen(extends = Element)]
    type HtmlOrSvgElement;
    #[wasm_bindgen(method, catch, js_name = focus)]
    fn focus(this: &HtmlOrSvgElement) -> Result<(), JsValue>;

    /// `ChildNode`: elements and text alike.
    #[wasm_bindgen(extends = Node)]
    type ChildNode;
    #[wasm_bindgen(method, catch, js_name = replaceWith)]
    fn replace_with(this: &ChildNode, node: &Node) -> Result<(), JsValue>;

    /// Pointer and focus events, which say where the pointer or the focus came from or went.
    #[wasm_bindgen(extends = Event)]
    type RelatedEvent;
    #[wasm_bindgen(method, getter, js_name = relatedTarget)]
    fn related_target(this: &RelatedEvent) -> Option<EventTarget>;
}

/// Focuses an HTML or SVG element.
pub fn focus(el: &Element) {
    let _ = el.unchecked_ref::<HtmlOrSvgElement>().focus();
}

/// Puts `new` where `old` is in the page (an element or a text); false if it could not.
pub fn replace(old: &Node, new: &Node) -> bool {
    old.unchecked_ref::<ChildNode>().replace_with(new).is_ok()
}

/// A pointer or focus event's related target (`pointerover`'s "from", `focusout`'s "to").
pub fn related_target(e: &Event) -> Option<EventTarget> {
    e.unchecked_ref::<RelatedEvent>().related_target()
}
