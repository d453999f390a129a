//! The explorable article's app: the page as Yew components, and the browser side that takes the
//! prerendered page over. The build tools render [`page::Page`] natively, in the reader's initial
//! state ([`article_model::view::View`]); in the browser, [`shell`] turns the reader's events into
//! the model's inputs and its effects into DOM calls, and renders the one live component, the card.
//! The decisions live in `article_model`; this crate renders and wires.

pub mod components;
pub mod page;
#[cfg(feature = "csr")]
pub mod shell;

use std::rc::Rc;

use article_model::{Document, Story};

/// The article, shared by the components without copying (compared by address: it never changes).
#[derive(Clone, Debug)]
pub struct DocRef(pub Rc<Document>);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The story the card is rendered from: in the browser, all it has of the article.
#[derive(Clone, Debug)]
pub struct StoryRef(pub Rc<Story>);

impl PartialEq for StoryRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
