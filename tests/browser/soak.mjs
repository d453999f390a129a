// Soak test: a long reading session in headless Chromium. Card open/close cycles (keyboard, the
// fast path through the same card machine and component), real mouse hover cycles (with the
// intent and close delays, so slow), and graph selections (a click on a line or an actor, then
// Esc). Before and after: JS heap (after GC), wasm memory, and the number of event listeners on
// the whole page; during: console and page errors.
//
//   node tests/browser/soak.mjs           CI's reduced counts (about a minute)
//   node tests/browser/soak.mjs --full    10,000 card cycles, 1,000 hovers, 1,000 graph selections
//                                         (about 10 minutes)
//   SOAK_CARDS=… SOAK_HOVERS=… SOAK_GRAPH=… override the counts.
//
// Passes when every cycle opened and closed, no error was logged, the heap grew by less than 1 MB
// and the listener count is the same at the end as after a first cycle of each kind (Yew adds its
// delegated listeners once, on first use). Prints the figures; exits 1 on failure.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTestFonts, launchChromium } from './harness.mjs';
import { IN_PAGE } from './ids.mjs';
import { cardCycles, wasmMemoryProbe } from './page.mjs';
import { startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(join(root, 'package.json'));

const full = process.argv.includes('--full');
const count = (name, ci, all) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v >= 0 ? v : full ? all : ci;
};
const CARDS = count('SOAK_CARDS', 2000, 10000);
const HOVERS = count('SOAK_HOVERS', 40, 1000);
const GRAPH = count('SOAK_GRAPH', 300, 1000);
const HEAP_LIMIT = 1_000_000;

const started = Date.now();
const server = await startServer(resolve(process.env.XA_DIST ?? join(root, 'dist')));
checkTestFonts();
const browser = await launchChromium(require('playwright-core'));
const problems = [];
let report = {};
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(IN_PAGE);
  await context.addInitScript(wasmMemoryProbe);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  // The site's biggest article (the most mentions), where a long session does the most.
  const dist = resolve(process.env.XA_DIST ?? join(root, 'dist'));
  const slug = readdirSync(dist)
    .filter((d) => existsSync(join(dist, d, 'article.json')))
    .map((d) => ({ d, size: statSync(join(dist, d, 'index.html')).size }))
    .sort((a, b) => b.size - a.size)[0].d;
  console.log(`# soak on ${slug}`);
  await page.goto(`${server.origin}/${slug}/`);
  await page.waitForFunction(() => performance.getEntriesByName('xa-interactive').length > 0, null, { timeout: 15000 });
  const cdp = await context.newCDPSession(page);

  const listeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `[window, document, ...document.querySelectorAll('*')].reduce((n, t) => n + Object.values(getEventListeners(t)).reduce((m, l) => m + l.length, 0), 0)`,
      includeCommandLineAPI: true,
      returnByValue: true,
    });
    return result.value;
  };
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
    return { heap: usedSize, wasm, listeners: await listeners() };
  };

  // 1. Card cycles: focus opens at once; Esc (even) or focus elsewhere (odd) closes.
  let t = Date.now();
  const graphLoop = (n) => page.evaluate(async (cycles) => {
    const svg = document.querySelector('svg.xa-graph-wide');
    const items = [...svg.querySelectorAll('g.xa-edge, g.xa-node')];
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const failures = [];
    let ok = 0;
    for (let i = 0; i < cycles && failures.length < 5; i++) {
      const item = items[i % items.length];
      item.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
      await frame();
      const selected = item.classList.contains('xa-sel');
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      if (document.getElementById(xaIds.card)) document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      await frame();
      if (!selected) failures.push(`graph ${i}: ${item.id} not selected`);
      else ok++;
    }
    history.replaceState(null, '', location.pathname);
    return { ok, failures };
  }, n);
  const cardLoop = (n) => page.evaluate(cardCycles, n);
  // A first cycle of each kind: Yew registers its delegated listeners on first use, once.
  await cardLoop(2);
  await graphLoop(2);
  const before = await measure();
  t = Date.now();
  const cards = await cardLoop(CARDS);
  const cardSeconds = (Date.now() - t) / 1000;
  if (cards.error) problems.push(`card cycles: ${cards.error}`);
  else if (cards.failures.length || cards.opened !== CARDS || cards.closed !== CARDS) {
    problems.push(`card cycles: opened ${cards.opened}, closed ${cards.closed} of ${CARDS}; ${cards.failures.join('; ')}`);
  }

  // 2. Real mouse hovers: rest on a mention (the card opens after the intent delay), then move
  //    to empty page (it closes after the grace delay).
  t = Date.now();
  let hovered = 0;
  const targets = await page.evaluate(() =>
    [...document.querySelectorAll('article a.xa-mention')].filter((a) => a.getClientRects().length === 1).slice(0, 30).map((a) => a.id),
  );
  for (let i = 0; i < HOVERS; i++) {
    const id = targets[i % targets.length];
    const box = await page.evaluate((id) => {
      const el = document.getElementById(id);
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, id);
    await page.mouse.move(box.x, box.y, { steps: 2 });
    const opened = await page.waitForFunction((id) => document.getElementById(id).getAttribute('aria-expanded') === 'true', id, { timeout: 2000 }).then(() => true, () => false);
    await page.mouse.move(2, 790, { steps: 2 });
    const closed = await page.waitForFunction(() => !document.getElementById(xaIds.card), null, { timeout: 2000 }).then(() => true, () => false);
    if (opened && closed) hovered++;
    else if (problems.length < 5) problems.push(`hover ${i} on ${id}: ${opened ? 'did not close' : 'no card'}`);
  }
  const hoverSeconds = (Date.now() - t) / 1000;

  // 3. Graph selections: a click on a line (selects it, marks its sentence) or an actor (selects
  //    it, opens its card), then Esc clears.
  t = Date.now();
  const graph = await graphLoop(GRAPH);
  const graphSeconds = (Date.now() - t) / 1000;
  if (graph.ok !== GRAPH) problems.push(`graph selections: ${graph.ok} of ${GRAPH}; ${graph.failures.join('; ')}`);

  await page.evaluate(() => document.activeElement?.blur());
  const after = await measure();
  if (errors.length) problems.push(`console/page errors: ${errors.slice(0, 5).join(' | ')}`);
  const growth = after.heap - before.heap;
  if (growth >= HEAP_LIMIT) problems.push(`JS heap grew ${growth} B (limit ${HEAP_LIMIT})`);
  if (after.listeners !== before.listeners) problems.push(`event listeners ${before.listeners} → ${after.listeners}`);
  report = { cards: CARDS, cardSeconds, hovers: HOVERS, hovered, hoverSeconds, graph: GRAPH, graphSeconds, before, after, growth, errors: errors.length };
} catch (err) {
  problems.push(String(err?.stack ?? err));
} finally {
  await browser.close().catch(() => {});
  await server.close();
}

const r = report;
if (r.before) {
  console.log(`# soak: ${r.cards} card cycles in ${r.cardSeconds.toFixed(1)} s, ${r.hovered}/${r.hovers} mouse hovers in ${r.hoverSeconds.toFixed(1)} s, ${r.graph} graph selections in ${r.graphSeconds.toFixed(1)} s`);
  console.log(`# JS heap ${r.before.heap} → ${r.after.heap} B (${r.growth >= 0 ? '+' : ''}${r.growth} B); wasm memory ${r.before.wasm} → ${r.after.wasm} B; listeners ${r.before.listeners} → ${r.after.listeners}; errors ${r.errors}`);
}
console.log(problems.length ? `not ok - soak\n  ${problems.join('\n  ')}` : 'ok - soak');
console.log(`# wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(problems.length ? 1 : 0);
