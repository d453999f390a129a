// The publisher's snippet (README, "Embedding"). Include it once, anywhere on the page:
//
//   <div data-xa-src="https://news.example/milei/"><a href="https://news.example/milei/">Read the article</a></div>
//   <script src="https://news.example/milei/embed.js" async></script>
//
// Every element with `data-xa-src` becomes a lazy-loading iframe of that address (render flags
// such as `?theme=dark` pass through), titled from `data-xa-title` or the link's text, sized from
// the article's height messages (Pym.js's protocol, which the article speaks to any Pym parent
// too). Without JavaScript the link stays. No dependencies, no globals, no cookies; it reads only
// messages from its own frames, parsed strictly.
//
// Built to survive the host page: it frames only addresses of its own site (where the script
// itself is from); the frame's box is set with `!important` (a host's `iframe { height: … }`,
// `max-height`, `aspect-ratio` or padding cannot cut the article); the frame's place is reserved
// at the article's estimated height (`data-xa-height`) before it loads, so nothing below jumps;
// the link stays over the frame until the article speaks (a host policy that blocks the frame
// leaves the reader the link); and nothing is posted to a frame before it has spoken.
(() => {
  const script = document.currentScript;
  const own = script && script.src ? new URL(script.src).origin : null;
  const DELIMITER = "xPYMx";
  const MAX_PX = 100000;
  const frames = []; // { id, iframe, origin }
  const prefix = (id) => `pym${DELIMITER}${id}${DELIMITER}`;

  const send = (frame, type, value) => {
    if (frame.spoke) frame.iframe.contentWindow?.postMessage(`${prefix(frame.id)}${type}${DELIMITER}${value}`, frame.origin);
  };
  // Inline and important: only another inline important declaration could beat it.
  const box = (iframe, height) => {
    for (const [name, value] of Object.entries({
      display: "block",
      width: "100%",
      "max-width": "100%",
      height: `${height}px`,
      "min-height": "0",
      "max-height": "none",
      "aspect-ratio": "auto",
      padding: "0",
      border: "0",
      "box-sizing": "content-box",
    }))
      iframe.style.setProperty(name, value, "important");
  };

  const position = (frame) => {
    const r = frame.iframe.getBoundingClientRect();
    send(frame, "viewport-iframe-position", [innerWidth, innerHeight, r.top, r.left, r.bottom, r.right].map(Math.round).join(" "));
  };

  const attach = (holder) => {
    if (holder.querySelector("iframe")) return; // already embedded (the script was included twice)
    let url;
    try {
      url = new URL(holder.dataset.xaSrc, document.baseURI);
    } catch {
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return;
    // The host's markup cannot make this script frame another site.
    if (url.origin !== own) return;
    const id = `xa-embed-${Math.random().toString(36).slice(2, 10)}`;
    url.searchParams.set("childId", id);
    url.searchParams.set("initialWidth", String(Math.round(holder.getBoundingClientRect().width)));
    const iframe = document.createElement("iframe");
    iframe.src = url.href;
    iframe.title = holder.dataset.xaTitle || holder.textContent.trim() || "Interactive article";
    iframe.loading = "lazy";
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    iframe.setAttribute("scrolling", "no");
    // Until the article reports its height: the estimate the snippet carries, else a screenful.
    const initial = Number(holder.dataset.xaHeight);
    box(iframe, Number.isInteger(initial) && initial > 0 && initial <= MAX_PX ? initial : 800);
    // The snippet's link stays, laid over the top of the frame's place, until the article speaks.
    const fallback = document.createElement("div");
    fallback.append(...holder.childNodes);
    Object.assign(fallback.style, { position: "absolute", top: "0", left: "0", right: "0" });
    holder.style.position = "relative";
    holder.append(iframe, fallback);
    frames.push({ id, iframe, origin: url.origin, fallback, spoke: false });
  };

  addEventListener("message", (event) => {
    const frame = frames.find((f) => f.iframe.contentWindow === event.source);
    if (!frame || event.origin !== frame.origin) return;
    const data = event.data;
    const start = prefix(frame.id);
    if (typeof data !== "string" || data.length > 200 || !data.startsWith(start)) return;
    const rest = data.slice(start.length);
    const cut = rest.indexOf(DELIMITER);
    if (cut < 0) return;
    const type = rest.slice(0, cut);
    const value = rest.slice(cut + DELIMITER.length);
    const px = /^\d{1,6}$/.test(value) && Number(value) <= MAX_PX ? Number(value) : null;
    if (!frame.spoke) {
      frame.spoke = true;
      frame.fallback.remove();
    }
    if (type === "height" && px !== null) {
      frame.iframe.style.setProperty("height", `${px}px`, "important");
    } else if (type === "scrollToChildPos" && px !== null) {
      const top = frame.iframe.getBoundingClientRect().top + window.scrollY + px;
      window.scrollTo({ top, behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    } else if (type === "parentPositionInfo") {
      position(frame);
    }
  });

  // Tells each frame where it is in the viewport as the page scrolls, so its cards open in view.
  let scrolling = false;
  addEventListener(
    "scroll",
    () => {
      if (scrolling) return;
      scrolling = true;
      requestAnimationFrame(() => {
        scrolling = false;
        for (const f of frames) position(f);
      });
    },
    { passive: true },
  );

  let resizing = 0;
  addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      for (const f of frames) send(f, "width", Math.round(f.iframe.getBoundingClientRect().width));
    }, 100);
  });

  const run = () => document.querySelectorAll("[data-xa-src]").forEach(attach);
  if (document.readyState === "loading") addEventListener("DOMContentLoaded", run, { once: true });
  else run();
})();
