// Small helpers for driving the article page.

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
  return page.evaluate(() => document.getElementById('xa-card-name')?.textContent ?? null);
}

/** Waits for the card (for `name`, if given). */
export async function waitCard(page, name = null, timeout = 3000) {
  await page.waitForFunction(
    (n) => {
      const el = document.getElementById('xa-card-name');
      return !!el && (n === null || el.textContent === n);
    },
    name,
    { timeout },
  );
}

export async function waitNoCard(page, timeout = 3000) {
  await page.waitForSelector('#xa-card', { state: 'detached', timeout });
}

/** Waits until the open card's entrance animation has finished (so its box is final). */
export async function waitCardStill(page) {
  await page.waitForFunction(() => {
    const card = document.getElementById('xa-card');
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
