// Runs first (README, "Prerendering"): render flags from the URL onto <html>, the embed protocol
// when framed, then the app after the first paint, its glue and wasm fetched side by side.
const root = document.documentElement;
const query = new URLSearchParams(location.search);
const theme = query.get("theme");
if (theme === "light" || theme === "dark") root.dataset.xaTheme = theme;
if (query.get("graph") === "0") root.dataset.xaGraph = "0";
if (query.get("cards") === "0") {
  root.dataset.xaCards = "0";
  // No cards: the names are plain text, as when the reader turns cards off (nothing is stored).
  for (const link of document.querySelectorAll("article a.xa-mention")) link.replaceWith(link.textContent);
}
if (["", "1", "true"].includes(query.get("plain"))) root.dataset.xaPlain = "";

if (window.parent !== window) import("./embed-child.js").catch(() => {});

const tag = document.querySelector("script[data-js][data-wasm]");
const start = async () => {
  const wasm = fetch(tag.dataset.wasm);
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: wasm });
};
// After load, and after the first paint has reached the screen (its timing entry), not merely been
// scheduled: then the wasm's download never delays what the reader sees first.
const afterPaint = () => {
  if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return requestAnimationFrame(() => setTimeout(start, 0));
  new PerformanceObserver((_, seen) => {
    seen.disconnect();
    setTimeout(start, 0);
  }).observe({ type: "paint", buffered: true });
};
if (document.readyState === "complete") afterPaint();
else addEventListener("load", afterPaint, { once: true });
