// Runs first (ARCHITECTURE.md): render flags from the URL onto <html>, the embed protocol
// when framed, the compact graph on phones, then the app after the first paint: its glue, its wasm and the article's story
// fetched side by side. Everything it says comes from the page (the article's language).
const root = document.documentElement;
const tag = document.querySelector("script[data-js][data-wasm][data-story]");
const params = new URLSearchParams(location.search);
// A flag given twice counts by its last value, as the app reads it (model/src/flags.rs): both
// must agree, or names could be unmarked for an app whose cards are on.
const query = { get: (key) => params.getAll(key).at(-1) ?? null };
const theme = query.get("theme");
if (theme === "light" || theme === "dark") root.dataset.xaTheme = theme;
// The graph view shows the graph whatever `graph` says (model/src/flags.rs).
if (query.get("view") === "graph") root.dataset.xaView = "graph";
else if (query.get("graph") === "0") root.dataset.xaGraph = "0";
if (query.get("cards") === "0") {
  root.dataset.xaCards = "0";
  // Before the first paint: the names are plain text at once (the app, whose state says the same,
  // keeps them so).
  for (const link of document.querySelectorAll("article a.xa-mention")) link.replaceWith(link.textContent);
}
if (["", "1", "true"].includes(query.get("plain"))) root.dataset.xaPlain = "";

if (window.parent !== window) import("./embed-child.js").catch(() => {});

// If the app traps (a panic in the wasm), it is not called again: the page reads on without cards.
addEventListener("error", (e) => {
  if (!(e.error instanceof WebAssembly.RuntimeError) || "xaFailed" in root.dataset) return;
  root.dataset.xaFailed = "";
  console.error(tag.dataset.failedRun);
  for (const type of ["pointerover", "pointerout", "pointermove", "pointerdown", "click", "focusin", "focusout", "keydown", "resize", "scroll", "hashchange"])
    addEventListener(type, (e) => e.stopImmediatePropagation(), true);
});

// Phones get the graph's compact layout, built from the wide one and the geometry the page carries
// as data (ARCHITECTURE.md, "Ids are a contract"): one graph in the page, not two. Done at once, before the first
// paint: a graph of a short article is in view, and swapping it later would move the page. The data
// says how: which part of the ids to swap, the size, each node's place (its label `label` below
// it), and each other attribute's values, one per element its selector matches, in page order.
const compactGraph = () => {
  const data = document.querySelector('script[type="application/json"]');
  const wide = document.querySelector("svg.xa-graph-wide");
  if (!data || !wide || !matchMedia("(max-width: 599px)").matches) return;
  const { swap: [from, to], size: [w, h], nodes, label, each } = JSON.parse(data.textContent);
  const svg = wide.cloneNode(true);
  svg.classList.replace("xa-graph-wide", "xa-graph-compact");
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("width", w);
  svg.setAttribute("height", h);
  svg.id = svg.id.replace(from, to);
  for (const el of svg.querySelectorAll("[id]")) el.id = el.id.replace(from, to);
  for (const el of svg.querySelectorAll("[marker-end]")) el.setAttribute("marker-end", el.getAttribute("marker-end").replace(from, to));
  svg.querySelectorAll(".xa-node").forEach((el, i) => el.setAttribute("transform", `translate(${nodes[i][0]} ${nodes[i][1]})`));
  svg.querySelectorAll(".xa-node-label").forEach((el, i) => {
    el.setAttribute("x", nodes[i][0]);
    el.setAttribute("y", nodes[i][1] + label);
  });
  for (const [selector, name, values] of each) svg.querySelectorAll(selector).forEach((el, i) => el.setAttribute(name, values[i]));
  wide.after(svg);
};
compactGraph();

// The article's story, carried in the page as text: printable ASCII and whole UTF-8 characters as
// they are, every other byte as `%` and two hex digits (written by the build tools' story.rs).
const story = () => {
  // One pass over the UTF-8 bytes (`%` is never in a character's encoding): 13 ms less on the first
  // article than splitting and spreading arrays.
  const text = new TextEncoder().encode(document.getElementById(tag.dataset.story).textContent);
  const bytes = new Uint8Array(text.length);
  const hex = (c) => (c < 65 ? c - 48 : c - 55);
  let n = 0;
  for (let i = 0; i < text.length; i++) bytes[n++] = text[i] === 37 ? (hex(text[++i]) << 4) | hex(text[++i]) : text[i];
  return bytes.subarray(0, n);
};

// Each line of the graph gets its hit area, an invisible wide stroke the pointer can find, when
// the app starts: the pages need not carry a second copy of every line, which only the app uses
// (about 220 B less brotli for the first article's page).
const hitAreas = () => {
  for (const line of document.querySelectorAll(".xa-graph .xa-edge-line")) {
    const hit = line.cloneNode();
    hit.removeAttribute("marker-end");
    hit.setAttribute("class", "xa-edge-hit");
    line.before(hit);
  }
};

const start = async () => {
  // The glue first: it is small and needed first. The wasm compiles as it downloads, beside it:
  // handed to the glue as a response, it would compile only once the glue had arrived. Served
  // with another type, it goes to the glue as it came, which compiles it anyway and says why.
  const glue = import(tag.dataset.js);
  const wasm = fetch(tag.dataset.wasm).then((r) =>
    r.headers.get("content-type") === "application/wasm" ? WebAssembly.compileStreaming(r) : r,
  );
  // Reported once, below, if init fails on it.
  wasm.catch(() => {});
  // Read while both download.
  const bytes = story();
  const { default: init, start: run } = await glue;
  await init({ module_or_path: wasm });
  // Instantiating and taking the page over are two tasks, not one long one: the reader's input can
  // come between them (Lighthouse's total blocking time counts what is over 50 ms per task).
  await new Promise((resolve) => setTimeout(resolve, 0));
  run(bytes);
  // After the app's first writes, in the same frame: added earlier, they cost the page a frame of
  // its own just as the glue arrives (interactive 8 to 12 ms later on the test machine).
  hitAreas();
};
// A start that fails leaves the article as it was painted, minus the controls of the cards that
// will not come (the stylesheet hides them, as after a trap).
const boot = () =>
  start().catch((e) => {
    root.dataset.xaFailed = "";
    console.error(`${tag.dataset.failedStart} ${e}`);
  });
// After load, and after the first paint has reached the screen (its timing entry), not merely been
// scheduled: then the downloads never delay what the reader sees first.
const afterPaint = () => {
  if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return requestAnimationFrame(() => setTimeout(boot, 0));
  new PerformanceObserver((_, seen) => {
    seen.disconnect();
    setTimeout(boot, 0);
  }).observe({ type: "paint", buffered: true });
};
if (document.readyState === "complete") afterPaint();
else addEventListener("load", afterPaint, { once: true });
