// Small helpers for driving the article page.

import { writeFileSync } from 'node:fs';
import { FIREFOX } from './harness.mjs';
import { ID } from './ids.mjs';

/** Opens the article and waits until it is interactive (the app's own performance mark). */
export async function load(page, origin) {
  await page.goto(`${origin}/`);
  await ready(page);
}

export async function ready(page) {
  await page.waitForFunction(
    () => performance.getEntriesByName('xa-interactive').length > 0 && !!document.querySelector('.xa-switch'),
    null,
    { timeout: 10_000 },
  );
  await settle(page);
}

/** Waits until the app has had the chance to render and paint (two frames), not a fixed time. */
export function settle(page) {
  return page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
  );
}

export function cardName(page) {
  return page.evaluate(() => document.getElementById(xaIds.cardName)?.textContent ?? null);
}

/** Waits for the card (for `name`, if given). */
export async function waitCard(page, name = null, timeout = 3000) {
  await page.waitForFunction(
    (n) => {
      const el = document.getElementById(xaIds.cardName);
      return !!el && (n === null || el.textContent === n);
    },
    name,
    { timeout },
  );
}

export async function waitNoCard(page, timeout = 3000) {
  await page.waitForSelector(`#${ID.card}`, { state: 'detached', timeout });
}

/** Waits until the open card's entrance animation has finished (so its box is final). */
export async function waitCardStill(page) {
  await page.waitForFunction(() => {
    const card = document.getElementById(xaIds.card);
    return !!card && card.getAnimations({ subtree: true }).length === 0;
  });
}

/** The in-page log kept by the harness's recorder (pointer, focus and card events, timestamped). */
export function readLog(page) {
  return page.evaluate(() => window.__xa.log.slice());
}

export function clearLog(page) {
  return page.evaluate(() => {
    window.__xa.log.length = 0;
  });
}

export function box(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  }, selector);
}

/** The mention's line boxes (client rects), in viewport coordinates. */
export function lineBoxes(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    return [...el.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
  }, id);
}

export function viewport(page) {
  return page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.clientHeight,
  }));
}

export function center(r) {
  return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
}

export function intersects(a, b, tolerance = 0.5) {
  return (
    a.left < b.right - tolerance &&
    b.left < a.right - tolerance &&
    a.top < b.bottom - tolerance &&
    b.top < a.bottom - tolerance
  );
}

export function activeId(page) {
  return page.evaluate(() => document.activeElement?.id ?? null);
}

/** Scrolls so that element `id` sits at the middle of the viewport (instantly). */
export function scrollToMiddle(page, id) {
  return page.evaluate((id) => {
    document.getElementById(id).scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  }, id);
}

/** Runs axe-core in the page (injected by evaluate, which a strict CSP allows). */
export async function runAxe(page, axeSource, tags) {
  const injected = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!injected) await page.evaluate(axeSource);
  return page.evaluate(
    (tags) =>
      window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) =>
        r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
        })),
      ),
    tags,
  );
}

export function formatViolations(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n      ${v.helpUrl}\n` +
        v.nodes.map((n) => `      - ${n.target}\n        ${n.html}\n        ${n.summary?.replace(/\n/g, '\n        ')}`).join('\n'),
    )
    .join('\n    ');
}

/** Records layout shifts in `window.__shift` from the start of the page's life: pass it to
 * `page.addInitScript`. Sources name the shifted node (SVG class names included). */
export function observeLayoutShift() {
  window.__shift = { total: 0, entries: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__shift.total += e.value;
      window.__shift.entries.push({
        value: e.value,
        t: e.startTime,
        sources: (e.sources ?? []).map((s) => `${s.node?.nodeName ?? '?'}#${s.node?.id ?? ''}.${s.node?.className?.baseVal ?? s.node?.className ?? ''}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Installed before the page's scripts: keeps the app's wasm memory in `window.__wasmMemory`, so
 * its size can be read (the benchmark's heap figures, the soak test). */
export function wasmMemoryProbe() {
  const keep = (r) => {
    // By type, not by name: the build renames the wasm's exports.
    const memory = Object.values((r?.instance ?? r)?.exports ?? {}).find((v) => v instanceof WebAssembly.Memory);
    if (memory) window.__wasmMemory = memory;
    return r;
  };
  const streaming = WebAssembly.instantiateStreaming;
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...a) => streaming.apply(WebAssembly, a).then(keep);
  WebAssembly.instantiate = (...a) => plain.apply(WebAssembly, a).then(keep);
}

/** In the page (`page.evaluate(cardCycles, n)`): `n` card open/close cycles by keyboard, the fast
 * path through the card machine and component. Focus opens at once; Esc (even cycles) or focus on
 * the cards switch (odd cycles) closes; every open and close is checked. Stops after 5 failures. */
export async function cardCycles(cycles) {
  const mentions = [...document.querySelectorAll('a.xa-mention')];
  const elsewhere = document.querySelector('.xa-switch');
  if (!mentions.length || !elsewhere) return { error: 'no mentions or no cards switch on the page' };
  const cardOpen = (m) => !!document.getElementById(xaIds.card) && m.getAttribute('aria-expanded') === 'true';
  const cardClosed = (m) => !document.getElementById(xaIds.card) && m.getAttribute('aria-expanded') !== 'true';
  // Resolves when `ok()` holds: checked now and on every DOM change, for at most `ms`.
  const until = (ok, ms) =>
    new Promise((resolve) => {
      if (ok()) return resolve(true);
      const mo = new MutationObserver(() => {
        if (ok()) finish(true);
      });
      const timer = setTimeout(() => finish(ok()), ms);
      function finish(v) {
        mo.disconnect();
        clearTimeout(timer);
        resolve(v);
      }
      mo.observe(document, { subtree: true, childList: true, attributes: true });
    });
  let opened = 0;
  let closed = 0;
  const failures = [];
  for (let i = 0; i < cycles; i++) {
    const m = mentions[i % mentions.length];
    m.focus(); // keyboard focus: the card opens at once
    if (await until(() => cardOpen(m), 2000)) opened++;
    else failures.push(`cycle ${i}: ${m.id} focused, no card`);
    if (i % 2 === 0) {
      // Esc closes it, focus stays on the mention.
      m.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, cancelable: true }));
    } else {
      elsewhere.focus({ preventScroll: true }); // focus moves to something that is not a mention
    }
    if (await until(() => cardClosed(m), 2000)) closed++;
    else failures.push(`cycle ${i}: ${m.id} card did not close (${i % 2 === 0 ? 'Escape' : 'focus elsewhere'})`);
    if (failures.length >= 5) break;
  }
  document.activeElement?.blur();
  return { opened, closed, failures, mentions: mentions.length };
}

/**
 * A finger touching at `points[0]`, moving through the rest, and lifting: a tap when there is one
 * point, a swipe otherwise. Chromium takes touch input through CDP. Over WebDriver BiDi the driver's
 * own `tap` does nothing, so Firefox gets the standard `input.performActions` with a touch pointer,
 * sent on the driver's session for this page.
 */
export async function touch(page, points) {
  const [first, ...rest] = points.map(({ x, y }) => ({ x: Math.round(x), y: Math.round(y) }));
  if (FIREFOX) {
    const session = bidiSession(page);
    await session.send('input.performActions', {
      context: session.sessionId,
      actions: [
        {
          type: 'pointer',
          id: 'finger',
          parameters: { pointerType: 'touch' },
          actions: [
            { type: 'pointerMove', ...first },
            { type: 'pointerDown', button: 0 },
            ...rest.map((p) => ({ type: 'pointerMove', ...p, duration: 16 })),
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await session.send('input.releaseActions', { context: session.sessionId });
    return;
  }
  if (rest.length === 0) return page.touchscreen.tap(first.x, first.y);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first] });
  for (const p of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [p] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** A tap at (x, y). */
export function tap(page, x, y) {
  return touch(page, [{ x, y }]);
}

/**
 * Saves a PNG of the viewport, or of the element `selector` selects. In Firefox the driver's own
 * screenshot first adds a `<style>` to the page (to restart animations), which the page's strict
 * CSP rightly refuses, with a console error; the standard `browsingContext.captureScreenshot`
 * leaves the page alone.
 */
export async function screenshot(page, path, selector = null) {
  if (!FIREFOX) return (selector ? page.locator(selector) : page).screenshot({ path });
  const clip = selector
    ? await page.evaluate((sel) => {
        const r = document.querySelector(sel).getBoundingClientRect();
        return { type: 'box', x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
      }, selector)
    : undefined;
  const session = bidiSession(page);
  const { data } = await session.send('browsingContext.captureScreenshot', {
    context: session.sessionId,
    origin: selector ? 'document' : 'viewport',
    ...(clip && { clip }),
  });
  writeFileSync(path, Buffer.from(data, 'base64'));
}

/** Prints the page to an A4 PDF at `path`, as the browser's own print does (print stylesheet;
 * backgrounds only if `background`, a reader's choice in the print dialog). In Firefox through the
 * standard `browsingContext.print`, in centimetres: the driver's own `pdf` sends A4 in inches, for
 * a page the size of a playing card. */
export async function printPdf(page, path, { background = false } = {}) {
  if (!FIREFOX) return page.pdf({ path, format: 'A4', printBackground: background });
  const session = bidiSession(page);
  const { data } = await session.send('browsingContext.print', { context: session.sessionId, page: { width: 21, height: 29.7 }, background });
  writeFileSync(path, Buffer.from(data, 'base64'));
}

/** The driver's WebDriver BiDi session for this page (Firefox only): for standard commands the
 * driver does not expose. Reached through playwright-core's in-process internals, which only hold
 * while its version stays pinned (package.json). */
function bidiSession(page) {
  return page._connection.toImpl(page).delegate._session;
}

/**
 * In an article's `frame`, shown at `box` (its iframe's box in the host's viewport): brings the
 * first name lower than `from` px to `down` px from the frame's top, scrolling the frame alone
 * (not scrollIntoView, which would scroll the host too), points at it as a reader would, waits
 * for its card and returns the card's top and bottom in the host's viewport.
 */
export async function cardForNameInFrame(page, frame, box, { from, down }) {
  const m = await frame.evaluate(
    ({ from, down }) => {
      const ms = [...document.querySelectorAll('article .xa-mention')];
      const el = ms.find((x) => x.getBoundingClientRect().top > from) ?? ms.at(-1);
      scrollBy(0, el.getBoundingClientRect().top - down);
      const r = el.getBoundingClientRect();
      return { x: r.left + Math.min(r.width, 30) / 2, y: r.top + r.height / 2 };
    },
    { from, down },
  );
  await settle(frame);
  await page.mouse.move(box.left + m.x + 20, box.top + m.y - 40);
  await page.mouse.move(box.left + m.x, box.top + m.y, { steps: 4 });
  await waitCard(frame);
  const card = await frame.evaluate(() => document.getElementById(xaIds.card).getBoundingClientRect().toJSON());
  return { top: box.top + card.top, bottom: box.top + card.bottom };
}

/** Turns the wheel over where the pointer is until the article in `frame` stops scrolling (at
 * most 40 turns); resolves to its scroll position. */
export async function wheelToEnd(page, frame) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(100);
    const y = await frame.evaluate(() => scrollY);
    if (y === last) break;
    last = y;
  }
  return last;
}
