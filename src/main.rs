//! Browser entry. The page arrives prerendered; `web/boot.js` fetches this wasm and the article's
//! story side by side, then calls [`start`] with the story's bytes.

use wasm_bindgen::prelude::*;

/// Takes the prerendered page over. An error (a story this runtime cannot read) leaves the page as
/// it is, readable, and the boot script says so in one line.
#[wasm_bindgen]
pub fn start(story: &[u8]) -> Result<(), JsValue> {
    explorable_article::shell::start(story).map_err(JsValue::from_str)
}

fn main() {}

// A small free-list allocator (it coalesces freed blocks) instead of the standard dlmalloc: about
// 2.7 KB less wasm after compression. The heap holds a few kilobytes, so its linear-time free list
// costs nothing measurable (the benchmark's card latency and memory growth say so).
// SAFETY: the page runs the wasm on one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
