//! Browser entry: mounts the app on `#xa-app`. The page arrives prerendered (the article reads
//! before and without the wasm); Yew replaces that markup with the same markup, now live.

use explorable_article::{content::DOCUMENT, App, AppProps, DocRef};

fn main() {
    let document = gloo::utils::document();
    document.set_title(&DOCUMENT.title.text());
    let root = document
        .get_element_by_id("xa-app")
        .expect("index.html has #xa-app");
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            doc: DocRef(&DOCUMENT),
        },
    )
    .render();
}
