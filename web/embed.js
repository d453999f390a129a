// The publisher's snippet (README, "Embedding"). Include it once, anywhere on the page:
//
//   <div data-xa-src="https://news.example/milei/"><a href="https://news.example/milei/">Read the article</a></div>
//   <script src="https://news.example/milei/embed.js" async></script>
//
// Every element with `data-xa-src` becomes a lazy-loading iframe of that address (render flags
// such as `?theme=dark` pass through), titled from `data-xa-title` or the link's text, sized from
// the article's height messages (Pym.js's protocol, which the article speaks to any Pym parent
// too). Without JavaScript the link stays. No dependencies, no globals, no cookies, no styles
// outside the frame; it reads only messages from its own frames, parsed strictly.
(() => {
  const DELIMITER = "xPYMx";
  const MAX_PX = 100000;
  const frames = []; // { id, iframe, origin }
  const prefix = (id) => `pym${DELIMITER}${id}${DELIMITER}`;

  const send = (frame, type, value) =>
    frame.iframe.contentWindow?.postMessage(`${prefix(frame.id)}${type}${DELIMITER}${value}`, frame.origin);

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
    const id = `xa-embed-${Math.random().toString(36).slice(2, 10)}`;
    url.searchParams.set("childId", id);
    url.searchParams.set("initialWidth", String(Math.round(holder.getBoundingClientRect().width)));
    const iframe = document.createElement("iframe");
    iframe.src = url.href;
    iframe.title = holder.dataset.xaTitle || holder.textContent.trim() || "Interactive article";
    iframe.loading = "lazy";
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    iframe.setAttribute("scrolling", "no");
    // Until the article reports its height: about a screenful, so lazy loading starts near view.
    const initial = Number(holder.dataset.xaHeight);
    Object.assign(iframe.style, {
      display: "block",
      width: "100%",
      border: "0",
      height: `${Number.isInteger(initial) && initial > 0 && initial <= MAX_PX ? initial : 800}px`,
    });
    holder.replaceChildren(iframe);
    frames.push({ id, iframe, origin: url.origin });
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
    if (type === "height" && px !== null) {
      frame.iframe.style.height = `${px}px`;
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
