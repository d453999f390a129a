//! The browser side: takes the prerendered page over. It reads the article's story (sent beside the
//! page), listens for the reader's events ([`events`]), feeds them to the model's
//! [`Reader`], writes what the [`View`] says changed, carries out the reader's effects ([`dom`]),
//! and renders the card ([`card_host`]). It decides nothing itself.

mod bind;
mod card_host;
mod dom;
mod events;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use article_model::flags::Flags;
use article_model::reader::{Effect, Event, Reader, Timer};
use article_model::view::View;
use article_model::{DomId, Story};
use gloo::timers::callback::Timeout;
use yew::AppHandle;

use card_host::{CardHost, CardHostProps};

/// The first byte of a story as the build writes it: a story of another format is refused, not
/// misread.
pub use article_model::STORY_FORMAT;

/// What the page's state lives in. Listeners, timers and the card hold a [`Handle`] on it.
struct Shell {
    story: Rc<Story>,
    reader: RefCell<Reader>,
    /// What the markup shows now.
    shown: RefCell<View>,
    unmarked: RefCell<dom::Unmarked>,
    timers: RefCell<[Option<Timeout>; 2]>,
    card: RefCell<Option<AppHandle<CardHost>>>,
    /// Events raised while one is handled (moving focus fires focus events at once), in order.
    queue: RefCell<VecDeque<Event>>,
    busy: Cell<bool>,
}

/// A handle on the page's state.
#[derive(Clone)]
pub struct Handle(Rc<Shell>);

impl PartialEq for Handle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Handle {
    pub fn story(&self) -> Rc<Story> {
        self.0.story.clone()
    }

    pub fn graph_shown(&self) -> bool {
        self.0.reader.borrow().flags.graph
    }

    /// Hands the reader an event, then everything it causes, in order; true when the event's
    /// default action must be cancelled.
    pub fn send(&self, event: Event) -> bool {
        let shell = &*self.0;
        shell.queue.borrow_mut().push_back(event);
        if shell.busy.replace(true) {
            return false;
        }
        let mut prevent = None;
        loop {
            let next = shell.queue.borrow_mut().pop_front();
            let Some(event) = next else { break };
            let effects = shell.reader.borrow_mut().handle(&shell.story, event);
            prevent.get_or_insert(effects.contains(&Effect::PreventDefault));
            self.show();
            for effect in effects {
                self.run(effect);
            }
        }
        shell.busy.set(false);
        prevent.unwrap_or(false)
    }

    /// Writes what changed in the view since the markup was last written.
    fn show(&self) {
        let shell = &*self.0;
        let view = View::of(&shell.story, &shell.reader.borrow());
        let patches = view.patches(&shell.story, &shell.shown.borrow());
        if !patches.is_empty() {
            dom::apply(&patches, &mut shell.unmarked.borrow_mut());
        }
        *shell.shown.borrow_mut() = view;
    }

    fn run(&self, effect: Effect) {
        let shell = &*self.0;
        let slot = |timer: Timer| match timer {
            Timer::Intent => 0,
            Timer::Close => 1,
        };
        match effect {
            Effect::PreventDefault => {}
            Effect::StartTimer(timer, ms) => {
                let handle = self.clone();
                shell.timers.borrow_mut()[slot(timer)] = Some(Timeout::new(ms, move || {
                    handle.send(Event::Elapsed(timer));
                }));
            }
            Effect::CancelTimer(timer) => shell.timers.borrow_mut()[slot(timer)] = None,
            Effect::RenderCard(anchor) => {
                if let Some(card) = shell.card.borrow_mut().as_mut() {
                    card.update(CardHostProps {
                        handle: self.clone(),
                        anchor,
                    });
                }
            }
            Effect::PlaceCard { anchor, pointer } => dom::place_card_at(anchor, pointer),
            Effect::FocusCard => dom::focus_card(),
            Effect::Focus(anchor) => dom::focus_anchor(anchor),
            Effect::FocusGraphItem(layout, focus) => dom::focus_id(match focus {
                article_model::Focus::Actor(a) => DomId::Node(layout, a),
                article_model::Focus::Relation(r) => DomId::Edge(layout, r),
            }),
            Effect::FocusSwitch => dom::focus_id(DomId::Switch),
            Effect::ScrollTo(target) => dom::scroll_to(target),
            Effect::SetHash(focus) => {
                dom::set_hash(focus.map(|f| shell.story.hash_of(f)).as_deref())
            }
            Effect::StoreCards(on) => dom::store_cards_on(on),
        }
    }
}

/// Takes the prerendered page over, with the article's story as the build wrote it.
pub fn start(bytes: &[u8]) -> Result<(), &'static str> {
    let story = match bytes.split_first() {
        Some((&STORY_FORMAT, rest)) => postcard::from_bytes::<Story>(rest)
            .map_err(|_| "the article's data could not be read")?,
        _ => return Err("the article's data is of another format"),
    };
    if !story.is_consistent() {
        return Err("the article's data does not hold together");
    }
    let host = dom::by_id(DomId::CardHost).ok_or("the page has no card host")?;
    let flags = Flags::parse(&dom::query());
    let reader = Reader::new(&story, flags);
    let story = Rc::new(story);
    let shell = Rc::new(Shell {
        shown: RefCell::new(View::of(&story, &Reader::new(&story, Flags::default()))),
        story: story.clone(),
        reader: RefCell::new(reader),
        unmarked: RefCell::default(),
        timers: RefCell::default(),
        card: RefCell::default(),
        queue: RefCell::default(),
        busy: Cell::new(false),
    });
    let handle = Handle(shell.clone());
    *shell.card.borrow_mut() = Some(
        yew::Renderer::<CardHost>::with_root_and_props(
            host,
            CardHostProps {
                handle: handle.clone(),
                anchor: None,
            },
        )
        .render(),
    );
    // The page lives as long as the listeners: they are never removed.
    std::mem::forget(events::listeners(&handle));
    handle.send(Event::Start {
        cards_stored_on: dom::stored_cards_on(),
        hash: story.parse_hash(&dom::hash()),
    });
    dom::mark("xa-interactive");
    Ok(())
}
