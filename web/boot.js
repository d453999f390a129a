// Boots the interactive part once the prerendered page has loaded (see README, "How it loads").
const tag = document.querySelector("script[data-js][data-wasm]");
const start = async () => {
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
};
if (document.readyState === "complete") start();
else addEventListener("load", start, { once: true });
