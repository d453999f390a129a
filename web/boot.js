// Boots the interactive part after the prerendered page has loaded and painted (README, "How it
// loads"), so the wasm never competes with the text for the network or the first paint. The glue
// and the wasm are fetched side by side.
const tag = document.querySelector("script[data-js][data-wasm]");
const start = async () => {
  const wasm = fetch(tag.dataset.wasm);
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: wasm });
};
const afterPaint = () => requestAnimationFrame(() => setTimeout(start, 0));
if (document.readyState === "complete") afterPaint();
else addEventListener("load", afterPaint, { once: true });
