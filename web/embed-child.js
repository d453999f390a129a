// The article inside a news site's iframe (README, "Embedding"). Loaded by boot.js only when the
// page is framed; it never runs on a page read directly.
//
// - Tells the parent the page's exact height, at once and whenever it changes (resize, fonts, a
//   card, the graph, the relations table): in Pym.js's child protocol
//   (`pymxPYMx{id}xPYMxheightxPYMx{px}`, when the page was given a `childId`) and as a
//   Datawrapper-style object, `{"explorable-article-height": {"<id>": px}}`.
// - In a WordPress post (its oEmbed iframe's address ends in `#?secret=…`), also as WordPress's own
//   `{message: "height", value, secret}`, and again when WordPress says it is `ready`; in any frame,
//   as AMP's `{sentinel: "amp", type: "embed-size", height}`, which an `amp-iframe resizable` obeys.
// - Answers the parent's `width` messages with the height.
// - Asks the parent which part of the frame its viewport shows, so cards open where the reader is;
//   when a card opened by keyboard or touch is out of view, or a link to a place in the page is
//   followed, asks it to scroll there (`scrollToChildPos`).
//
// Reads only messages from window.parent, only strings of the Pym protocol with this page's id,
// parsed strictly (anything else is ignored, silently). Posts only to window.parent; the messages
// carry heights and positions, nothing about the reader.

const NAME = "explorable-article-height";
const DELIMITER = "xPYMx";
const MAX_PX = 100000;

const param = new URLSearchParams(location.search).get("childId");
// Pym names the frame after the host's element id; anything else is not a Pym parent talking.
const pymId = param && /^[A-Za-z0-9_:.-]{1,100}$/.test(param) ? param : null;
const id = pymId ?? "article";
const pymPrefix = pymId && `pym${DELIMITER}${pymId}${DELIMITER}`;
// WordPress names its frame by a secret of letters and digits (10 of them, from wp-embed.js).
const wpSecret = /^#\?secret=([A-Za-z0-9]{1,32})$/.exec(location.hash)?.[1] ?? null;
const post = (message) => window.parent.postMessage(message, "*");
const pym = (type, value) => pymPrefix && post(`${pymPrefix}${type}${DELIMITER}${value}`);

/** The page's height in CSS pixels: the root box (margins included), or further down if an open
 * card reaches below it. */
const measure = () => {
  let bottom = document.documentElement.getBoundingClientRect().height;
  const card = document.getElementById("xa-card");
  if (card) bottom = Math.max(bottom, card.getBoundingClientRect().bottom + window.scrollY);
  return Math.ceil(bottom);
};

let sent = -1;
const sendHeight = (always) => {
  const height = measure();
  if (height === sent && !always) return;
  sent = height;
  pym("height", height);
  post({ [NAME]: { [id]: height } });
  if (wpSecret) post({ message: "height", value: height, secret: wpSecret });
  post({ sentinel: "amp", type: "embed-size", height });
};

// Coalesces bursts (a resize fires many observations) into one message. A timer, not an animation
// frame: browsers pause frames in an iframe that is off screen, and the host needs the height then.
let queued = false;
const queue = () => {
  if (queued) return;
  queued = true;
  setTimeout(() => {
    queued = false;
    sendHeight(false);
  }, 0);
};

new ResizeObserver(queue).observe(document.documentElement);
addEventListener("load", queue);
document.fonts?.ready.then(queue);

// Where the host shows the frame. The frame is as tall as the page, so its own viewport says
// nothing about what the reader sees: the parent does (`viewport-iframe-position`, asked with
// `parentPositionInfo` before a card can open, and sent unasked on scroll by web/embed.js). An
// invisible box, `#xa-view`, covers the part shown: the app places cards within it.
let asked = 0;
const askPosition = () => {
  if (performance.now() - asked < 100) return;
  asked = performance.now();
  pym("parentPositionInfo", "");
};
askPosition();
addEventListener("pointerover", askPosition, { capture: true, passive: true });
addEventListener("focusin", askPosition, { capture: true });

// A card is absolutely placed, outside the root's height: watch it come and go. One opened by
// keyboard or touch may be out of the host's view: the next position answer checks it.
let lastInput = "keyboard";
addEventListener("pointermove", (e) => (lastInput = e.pointerType), { capture: true, passive: true });
addEventListener("pointerdown", (e) => (lastInput = e.pointerType === "mouse" ? "click" : e.pointerType), { capture: true, passive: true });
addEventListener("keydown", () => (lastInput = "keyboard"), { capture: true, passive: true });
let cardShown = null;
let checkCard = false;
new MutationObserver(() => {
  queue();
  const card = document.getElementById("xa-card");
  if (card && card !== cardShown && lastInput !== "mouse") {
    checkCard = true;
    asked = 0;
    askPosition();
  }
  cardShown = card;
}).observe(document.body, { childList: true, subtree: true });

let lastFrameTop = null;

/** The part of the page the reader sees, `top` to `bottom` in the page's CSS pixels, becomes the
 * invisible box the app places cards within. */
const setShown = (top, bottom) => {
  let view = document.getElementById("xa-view");
  if (!view) {
    view = document.createElement("div");
    view.id = "xa-view";
    view.setAttribute("aria-hidden", "true");
    Object.assign(view.style, { position: "absolute", left: "0", width: "1px", visibility: "hidden", pointerEvents: "none" });
    document.body.append(view);
  }
  view.style.top = `${top}px`;
  view.style.height = `${Math.max(0, bottom - top)}px`;
};

// A parent that does not say where the frame is (WordPress, AMP, any host that caps the frame's
// height, so that the page scrolls inside it): the browser says. A box fixed over the frame's own
// viewport is observed against the reader's screen (an observer's implicit root is the top-level
// viewport, even across origins); the part of it in view, moved by the frame's own scrolling, is
// the part shown. Thresholds of 1%: within 10 px in a frame of WordPress's 1000 px. A parent's
// answers (below), exact, take over as soon as one comes.
let parentSays = false;
let inView = null;
const probe = document.createElement("div");
probe.setAttribute("aria-hidden", "true");
Object.assign(probe.style, { position: "fixed", inset: "0", visibility: "hidden", pointerEvents: "none" });
document.body.append(probe);
const showInView = () => {
  if (!parentSays && inView) setShown(inView.top + window.scrollY, inView.bottom + window.scrollY);
};
new IntersectionObserver(
  ([entry]) => {
    const was = inView;
    inView = entry.isIntersecting ? { top: entry.intersectionRect.top, bottom: entry.intersectionRect.bottom } : null;
    if (parentSays) return;
    showInView();
    // The host scrolled: the page moved under the reader's pointer (see onPosition).
    if (was && inView && was.top !== inView.top) dispatchEvent(new Event("scroll"));
  },
  { threshold: Array.from({ length: 101 }, (_, i) => i / 100) },
).observe(probe);
addEventListener("scroll", showInView, { passive: true });

/** The parent said where the frame is: `vw vh top left bottom right`, in its CSS pixels. */
const onPosition = (value) => {
  const numbers = value.split(" ");
  // As JavaScript prints a box's edges: Firefox gives them up to 17 significant digits, and a
  // near-zero one may come in exponent form.
  if (numbers.length !== 6 || !numbers.every((n) => /^-?\d{1,7}(\.\d{1,24})?(e-\d{1,3})?$/.test(n))) return;
  const [, viewportHeight, frameTop] = numbers.map(Number);
  parentSays = true;
  // The host scrolled: the page moved under the reader's pointer as if it had scrolled itself, and
  // the app must know (a name that comes under a still pointer opens no card).
  if (lastFrameTop !== null && frameTop !== lastFrameTop) dispatchEvent(new Event("scroll"));
  lastFrameTop = frameTop;
  const root = document.documentElement;
  const top = Math.max(0, -frameTop);
  const bottom = Math.min(root.getBoundingClientRect().height, viewportHeight - frameTop);
  setShown(top, bottom);

  const card = document.getElementById("xa-card");
  if (!card) return;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.top + window.scrollY >= top && r.bottom + window.scrollY <= bottom;
  };
  // Placed before this answer came: the app places the open card again on a resize, in view.
  if (!shown(card)) {
    dispatchEvent(new Event("resize"));
    queue();
  }
  // Opened by keyboard or touch where the reader cannot see it: bring its name into the host's
  // view, a third of the way down; the card is placed again from the next answer.
  if (checkCard && !shown(card)) {
    const anchor = document.querySelector('.xa-mention[aria-expanded="true"]') ?? card;
    const at = anchor.getBoundingClientRect().top + window.scrollY;
    pym("scrollToChildPos", Math.max(0, Math.round(at - viewportHeight / 3)));
    setTimeout(() => {
      asked = 0;
      askPosition(); // a Pym parent does not report its scrolling
    }, 400);
  }
  checkCard = false;
};

// A link to a place in the page ("Who does what to whom ↓"): in a frame as tall as the page,
// following it scrolls nothing (the host stays put while the place is thousands of pixels down), so
// the host is asked to bring it into view, and focus moves there as it would on a page. Names and
// the table's links are the app's own.
addEventListener("click", (e) => {
  if (!pymPrefix || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const link = e.target instanceof Element ? e.target.closest('a[href^="#"]:not(.xa-mention):not([data-rel])') : null;
  let target = null;
  try {
    target = link && document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  } catch {}
  if (!target) return;
  e.preventDefault();
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  pym("scrollToChildPos", Math.max(0, Math.round(target.getBoundingClientRect().top + window.scrollY - 16)));
});

addEventListener("message", (event) => {
  if (event.source !== window.parent) return;
  const data = event.data;
  // WordPress's parent script, once it has loaded, asks its frames for their height.
  if (wpSecret && data && typeof data === "object" && data.message === "ready" && data.secret === wpSecret) {
    sendHeight(true);
    return;
  }
  if (!pymPrefix) return;
  if (typeof data !== "string" || data.length > 400 || !data.startsWith(pymPrefix)) return;
  const rest = data.slice(pymPrefix.length);
  const cut = rest.indexOf(DELIMITER);
  if (cut < 0) return;
  const type = rest.slice(0, cut);
  const value = rest.slice(cut + DELIMITER.length);
  if (type === "width") {
    if (/^\d{1,6}$/.test(value) && Number(value) <= MAX_PX) sendHeight(true);
  } else if (type === "viewport-iframe-position") {
    onPosition(value);
  }
});

sendHeight(true);
