//! DOM events in, the reader's [`Event`]s out: one listener per event type on the document (and the
//! window's scrolls, resizes and address changes), each finding what the event happened on by the
//! typed ids of the target and its ancestors. No decision is taken here.

use article_model::interaction::Pointer;
use article_model::layout::Direction;
use article_model::reader::{CardAction, Event, Key, Point, Target};
use article_model::{DomId, RelationKind};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, KeyboardEvent, MouseEvent, PointerEvent};

use super::{bind, Handle};

/// What an element (or its nearest ancestor with one of the page's ids) is, for the reader.
pub fn target_of(target: Option<EventTarget>) -> Target {
    let mut el = target.and_then(|t| t.dyn_into::<Element>().ok());
    while let Some(e) = el {
        if let Ok(id) = e.id().parse::<DomId>() {
            match id {
                DomId::Mention(m) => return Target::Mention(m),
                DomId::Node(l, a) | DomId::Label(l, a) => return Target::Node(l, a),
                DomId::Edge(l, r) => return Target::Edge(l, r),
                DomId::Card => return Target::Card,
                DomId::Switch => return Target::Switch,
                _ => {}
            }
        }
        el = e.parent_element();
    }
    Target::Other
}

fn pointer_kind(kind: &str) -> Pointer {
    match kind {
        "touch" => Pointer::Touch,
        "pen" => Pointer::Pen,
        _ => Pointer::Mouse,
    }
}

fn point(e: &MouseEvent) -> Point {
    Point {
        x: f64::from(e.client_x()),
        y: f64::from(e.client_y()),
    }
}

/// Whether a click came from the keyboard (Enter or Space). Chromium gives those a `detail` of 0;
/// Firefox gives Enter on a link a `detail` of 1, but, like every browser whose clicks are pointer
/// events, an empty `pointerType`.
fn from_keyboard(e: &MouseEvent) -> bool {
    e.detail() == 0
        || e.dyn_ref::<PointerEvent>()
            .is_some_and(|p| p.pointer_type().is_empty())
}

fn key_of(key: &str) -> Key {
    match key {
        "Escape" => Key::Escape,
        "Enter" => Key::Enter,
        " " => Key::Space,
        "ArrowLeft" => Key::Arrow(Direction::Left),
        "ArrowRight" => Key::Arrow(Direction::Right),
        "ArrowUp" => Key::Arrow(Direction::Up),
        "ArrowDown" => Key::Arrow(Direction::Down),
        "Home" => Key::Home,
        "End" => Key::End,
        _ => Key::Other,
    }
}

/// The value of `attr` on the nearest element `selector` matches, from the target up.
fn closest_attr(target: Option<EventTarget>, selector: &str, attr: &str) -> Option<String> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()??
        .get_attribute(attr)
}

/// What a click asks for: a button of the card, a legend button, a table's link, the switch, or a
/// click on a target.
fn click(e: &MouseEvent) -> Event {
    if target_of(e.target()) == Target::Card {
        if let Some(action) = closest_attr(e.target(), "[data-act]", "data-act").and_then(|act| {
            CardAction::parse(
                &act,
                closest_attr(e.target(), "[data-rel]", "data-rel").as_deref(),
            )
        }) {
            return Event::Card(action);
        }
    }
    if let Some(kind) = closest_attr(e.target(), ".xa-legend [data-kind]", "data-kind")
        .and_then(|k| RelationKind::from_key(&k))
    {
        return Event::Legend(kind);
    }
    if let Some(r) =
        closest_attr(e.target(), ".xa-table a[data-rel]", "data-rel").and_then(|r| r.parse().ok())
    {
        return Event::TableLink(r);
    }
    match target_of(e.target()) {
        Target::Switch => Event::Switch,
        target => Event::Click {
            target,
            at: (!from_keyboard(e)).then(|| point(e)),
        },
    }
}

/// How one kind of DOM event reads as the reader's event (or as nothing).
type Read = fn(&Handle, &web_sys::Event) -> Option<Event>;

/// Listens for `kind` on `target`, handing the reader what `read` makes of the event, and
/// cancelling the event's default action when the reader says so. One closure type for every
/// listener (the reading is a plain function): each closure type costs its own code in the wasm.
fn listen(target: &EventTarget, kind: &'static str, handle: &Handle, read: Read) -> EventListener {
    let handle = handle.clone();
    EventListener::new_with_options(
        target,
        kind,
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            if let Some(event) = read(&handle, e) {
                if handle.send(event) {
                    e.prevent_default();
                }
            }
        },
    )
}

fn pointer_over(_: &Handle, e: &web_sys::Event) -> Option<Event> {
    let e = e.dyn_ref::<PointerEvent>()?;
    Some(Event::PointerOver {
        target: target_of(e.target()),
        from: target_of(bind::related_target(e)),
        at: point(e),
        pointer: pointer_kind(&e.pointer_type()),
    })
}

fn pointer_out(_: &Handle, e: &web_sys::Event) -> Option<Event> {
    let e = e.dyn_ref::<PointerEvent>()?;
    Some(Event::PointerOut {
        target: target_of(e.target()),
        to: target_of(bind::related_target(e)),
        pointer: pointer_kind(&e.pointer_type()),
    })
}

fn pointer_move(_: &Handle, e: &web_sys::Event) -> Option<Event> {
    let e = e.dyn_ref::<PointerEvent>()?;
    Some(Event::PointerMove {
        target: target_of(e.target()),
        at: point(e),
        pointer: pointer_kind(&e.pointer_type()),
    })
}

fn pointer_down(_: &Handle, e: &web_sys::Event) -> Option<Event> {
    let e = e.dyn_ref::<PointerEvent>()?;
    Some(Event::PointerDown {
        target: target_of(e.target()),
        pointer: pointer_kind(&e.pointer_type()),
    })
}

fn focus_in(_: &Handle, e: &web_sys::Event) -> Option<Event> {
    Some(Event::FocusIn {
        target: target_of(e.target()),
    })
}

fn focus_out(_: &Handle, e: &web_sys::Event) -> Option<Event> {
    Some(Event::FocusOut {
        target: target_of(e.target()),
        to: target_of(bind::related_target(e)),
    })
}

fn clicked(_: &Handle, e: &web_sys::Event) -> Option<Event> {
    Some(click(e.dyn_ref::<MouseEvent>()?))
}

fn key_down(_: &Handle, e: &web_sys::Event) -> Option<Event> {
    let e = e.dyn_ref::<KeyboardEvent>()?;
    Some(Event::Key {
        target: target_of(e.target()),
        key: key_of(&e.key()),
    })
}

fn scrolled(_: &Handle, _: &web_sys::Event) -> Option<Event> {
    Some(Event::Scroll)
}

fn resized(_: &Handle, _: &web_sys::Event) -> Option<Event> {
    Some(Event::Resize)
}

fn hash_changed(handle: &Handle, _: &web_sys::Event) -> Option<Event> {
    Some(Event::HashChange(
        handle.story().parse_hash(&super::dom::hash()),
    ))
}

/// Every listener the page needs. They live as long as the page.
pub fn listeners(handle: &Handle) -> Vec<EventListener> {
    let document: EventTarget = gloo::utils::document().into();
    let window: EventTarget = gloo::utils::window().into();
    let on_document: [(&'static str, Read); 8] = [
        ("pointerover", pointer_over),
        ("pointerout", pointer_out),
        ("pointermove", pointer_move),
        ("pointerdown", pointer_down),
        ("focusin", focus_in),
        ("focusout", focus_out),
        ("click", clicked),
        ("keydown", key_down),
    ];
    let on_window: [(&'static str, Read); 3] = [
        ("scroll", scrolled),
        ("resize", resized),
        ("hashchange", hash_changed),
    ];
    on_document
        .into_iter()
        .map(|(kind, read)| listen(&document, kind, handle, read))
        .chain(
            on_window
                .into_iter()
                .map(|(kind, read)| listen(&window, kind, handle, read)),
        )
        .collect()
}
