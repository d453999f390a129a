//! Browser entry: the page arrives prerendered; this takes it over and renders the hover card
//! into `#xa-card-host`.

use explorable_article::app::CARD_HOST_ID;
use explorable_article::content::DOCUMENT;

fn main() {
    let host = gloo::utils::document()
        .get_element_by_id(CARD_HOST_ID)
        .expect("the prerendered page has the card host");
    explorable_article::island::start(&DOCUMENT, host);
}
// A small free-list allocator (it coalesces freed blocks) instead of the standard dlmalloc: about
// 2.7 KB less wasm after compression. The heap holds a few kilobytes, so its linear-time free list
// costs nothing measurable (the benchmark's card latency and memory growth say so).
// SAFETY: the page runs the wasm on one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
