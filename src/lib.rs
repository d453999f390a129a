//! The explorable article: a Yew app that renders the compiled content and opens a hover card for
//! every actor mentioned. The decisions live in `article_model`; this crate renders and wires events.

pub mod app;
pub mod components;
mod dom;
#[cfg(feature = "ssr")]
pub mod imports;
pub mod island;
#[cfg(feature = "ssr")]
pub mod prerender;

pub use app::{App, AppProps, DocRef};

/// The article compiled from `content/` by the build script (see `build.rs`): all of it for
/// rendering natively (`ssr`), and without the text and graph paths in the browser.
pub mod content {
    // The browser's copy has no text segments.
    #[allow(unused_imports)]
    use article_model::{
        Actor, Block, Document, Graph, GraphLayout, GraphNode, Kind, Mention, Relation,
        RelationKind, Segment,
    };

    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}
