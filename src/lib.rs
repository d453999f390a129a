//! The explorable article: a Yew app that renders the compiled content and opens a hover card for
//! every actor mentioned. The decisions live in `article_model`; this crate renders and wires events.

pub mod app;
pub mod components;
mod dom;
#[cfg(feature = "ssr")]
pub mod prerender;

pub use app::{App, AppProps, DocRef};

/// The article compiled from `content/` by the build script (see `build.rs`).
pub mod content {
    use article_model::{
        Actor, Block, Document, Graph, GraphLayout, GraphNode, Kind, Mention, Relation,
        RelationKind, Segment,
    };

    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}
