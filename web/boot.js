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

// If the app traps (a panic in the wasm), it is not called again: the page reads on without cards.
addEventListener("error", (e) => {
  if (!(e.error instanceof WebAssembly.RuntimeError) || "xaFailed" in root.dataset) return;
  root.dataset.xaFailed = "";
  console.error("Explorable article: the interactive part stopped, so the article reads on without cards.");
  for (const type of ["pointerover", "pointerout", "pointermove", "pointerdown", "click", "focusin", "focusout", "keydown", "resize", "scroll", "hashchange"])
    addEventListener(type, (e) => e.stopImmediatePropagation(), true);
});

// Phones get the graph's compact layout, built from the wide one and the compact geometry the
// page carries as data (README, "Prerendering"): one graph to parse before the first paint, not two.
const compactGraph = () => {
  const data = document.getElementById("xa-graph-compact-data");
  const wide = document.querySelector("svg.xa-graph-wide");
  if (!data || !wide || !matchMedia("(max-width: 599px)").matches) return;
  const g = JSON.parse(data.textContent);
  const svg = wide.cloneNode(true);
  svg.classList.replace("xa-graph-wide", "xa-graph-compact");
  svg.setAttribute("viewBox", `0 0 ${g.w} ${g.h}`);
  svg.setAttribute("width", g.w);
  svg.setAttribute("height", g.h);
  for (const el of svg.querySelectorAll("[id]")) el.id = el.id.replace("-w-", "-c-");
  for (const el of svg.querySelectorAll("[marker-end]")) el.setAttribute("marker-end", el.getAttribute("marker-end").replace("-w-", "-c-"));
  const byId = (id) => svg.querySelector(`#${id}`);
  for (const [actor, x, y] of g.n) {
    byId(`xa-n-c-${actor}`).setAttribute("transform", `translate(${x} ${y})`);
    byId(`xa-l-c-${actor}`).setAttribute("x", x);
    byId(`xa-l-c-${actor}`).setAttribute("y", y + 25);
  }
  g.e.forEach((d, r) => byId(`xa-e-c-${r}`).querySelectorAll("path").forEach((p) => p.setAttribute("d", d)));
  wide.after(svg);
};

const tag = document.querySelector("script[data-js][data-wasm]");
const start = async () => {
  compactGraph();
  const wasm = fetch(tag.dataset.wasm);
  // Reported once, below, if init fails on it.
  wasm.catch(() => {});
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: wasm });
};
const boot = () =>
  start().catch((e) => console.error(`Explorable article: the interactive part did not start, so the article reads without cards. ${e}`));
// After load, and after the first paint has reached the screen (its timing entry), not merely been
// scheduled: then the wasm's download never delays what the reader sees first.
const afterPaint = () => {
  if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return requestAnimationFrame(() => setTimeout(boot, 0));
  new PerformanceObserver((_, seen) => {
    seen.disconnect();
    setTimeout(boot, 0);
  }).observe({ type: "paint", buffered: true });
};
if (document.readyState === "complete") afterPaint();
else addEventListener("load", afterPaint, { once: true });
