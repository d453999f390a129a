// Starts the app from an external module rather than an inline script, so the page runs under a
// strict Content-Security-Policy. The build writes the glue and wasm paths into data attributes.
const tag = document.querySelector("script[data-js][data-wasm]");
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
