//! The newsroom's rig for explorable articles, as a library: the `rig` command (`main.rs`) and the
//! tests use it. Every module runs natively at build time; none of it reaches the reader.

pub mod check;
pub mod draft;
pub mod names;
pub mod new_article;
pub mod page;
pub mod runtime;
pub mod serve;
pub mod share;
pub mod site;
pub mod story;
