// The prerendered page: what a reader gets before (or without) the wasm, and what a crawler gets.
// The build renders the whole article into dist/index.html (src/prerender.rs, Trunk's post_build
// hook); these tests check it reads without JavaScript, survives a failed wasm download, does not
// move when the app takes over, and is in the HTML as served. Names start with "prerendered".

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIREFOX, test } from './harness.mjs';
import { ID } from './ids.mjs';
import { load, observeLayoutShift, screenshot, settle } from './page.mjs';

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 812 } };

/** Headline, paragraphs, mentions and "loading" words as the page shows them. */
export function readPage(page) {
  return page.evaluate(() => {
    const attrs = [...document.body.querySelectorAll('*')].flatMap((el) =>
      ['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    );
    return {
      h1: document.querySelector('article h1')?.textContent ?? null,
      paras: [...document.querySelectorAll('article p.xa-para')].map((p) => p.textContent),
      mentions: document.querySelectorAll('article a.xa-mention').length,
      loading: [document.body.textContent, ...attrs].filter((t) => /\bloading\b/i.test(t)),
      busy: document.querySelectorAll('[aria-busy="true"]').length,
    };
  });
}

export function assertReadable(got, E) {
  assert.equal(got.h1, E.article.title, 'the headline differs from article.txt');
  assert.equal(got.paras.length, E.article.paragraphs.length, 'number of paragraphs');
  got.paras.forEach((text, i) => assert.equal(text, E.article.paragraphs[i], `paragraph ${i + 1} differs from article.txt`));
  assert.equal(got.mentions, E.mentions.length, 'every mention is a link');
  assert.deepEqual(got.loading, [], 'nothing on the page says "loading"');
  assert.equal(got.busy, 0, 'nothing is aria-busy');
}

const decode = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (html) => decode(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''));

/** `text` as a regular expression that matches it literally. */
export const escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function defineNoJsTests({ E, outDir }) {
  for (const [label, options] of [
    ['1280×800', DESKTOP],
    ['375×812', PHONE],
  ]) {
    test(`prerendered: JavaScript off at ${label}: article verbatim, relations table opens, graph drawn`, { ...options, javaScriptEnabled: false }, async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      assert.equal(await page.evaluate(() => performance.getEntriesByName('xa-interactive').length), 0, 'precondition: the app did not run');
      assertReadable(await readPage(page), E);

      // The relations table: closed at first, every quote shown once its <details> is opened.
      const quotesShown = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('details.xa-table-wrap table.xa-table tbody tr')].map((tr) => {
            const q = tr.querySelector('q');
            return { quote: q?.textContent ?? null, visible: !!q && q.checkVisibility() && q.getBoundingClientRect().width > 0 };
          }),
        );
      const before = await quotesShown();
      assert.equal(before.length, E.relations.length, 'one table row per [[relation]]');
      assert.ok(before.every((r) => !r.visible), 'the table starts closed');
      // A pointer click where the summary is. (The driver's `click` waits for the element to be
      // stable over animation frames, and Firefox runs no frames for it with JavaScript off.)
      const summary = await page.evaluate(() => {
        const el = document.querySelector('details.xa-table-wrap > summary');
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = el.getBoundingClientRect();
        return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
      });
      await page.mouse.click(summary.x, summary.y);
      const after = await quotesShown();
      E.relations.forEach((r, i) => {
        assert.equal(after[i].quote, r.quote, `row ${i} (${r.id}): the quote, verbatim`);
        assert.ok(after[i].visible, `row ${i} (${r.id}): the quote is shown once the table is opened`);
      });

      // The graph: one of its two layouts is shown, with a visible node for every actor in a relation.
      const graph = await page.evaluate(() =>
        [...document.querySelectorAll('svg.xa-graph')]
          .filter((svg) => svg.checkVisibility() && svg.getBoundingClientRect().width > 0)
          .map((svg) => ({
            cls: svg.getAttribute('class'),
            nodes: [...svg.querySelectorAll('g.xa-node')]
              .filter((n) => {
                const r = n.getBoundingClientRect();
                return n.checkVisibility() && r.width > 0 && r.height > 0;
              })
              .map((n) => xaIds.index(n.id)),
            edges: [...svg.querySelectorAll('[id]')].filter((e) => xaIds.parse(e.id)?.family === 'edge').length,
          })),
      );
      assert.equal(graph.length, 1, `exactly one graph layout is visible: ${JSON.stringify(graph.map((g) => g.cls))}`);
      assert.deepEqual(
        [...graph[0].nodes].sort((a, b) => a - b),
        E.graphActors,
        `${graph[0].cls}: a visible node for every actor in a relation`,
      );
      assert.ok(graph[0].edges >= E.relations.length, `${graph[0].cls}: a line per relation`);
      // Nothing in it says it can be pressed: without the app the graph is a picture, hidden
      // from assistive technology (the table holds its words), with no Tab stop.
      const claims = await page.evaluate(() =>
        [...document.querySelectorAll('svg.xa-graph')].map((svg) => ({
          hidden: svg.getAttribute('aria-hidden'),
          role: svg.getAttribute('role'),
          pressable: svg.querySelectorAll('[role], [tabindex], [aria-label]').length,
        })),
      );
      for (const c of claims) assert.deepEqual(c, { hidden: 'true', role: null, pressable: 0 }, 'the graph without the app');
      await screenshot(page, join(outDir, `prerendered-nojs-${options.viewport.width}.png`));
    });
  }

  test('prerendered: wasm blocked: the article still reads verbatim, nothing says "loading"', DESKTOP, async ({ page, origin, allowErrors }) => {
    // Blocking the wasm makes the browser report the failed download, and the boot script says in
    // one clear line that the article reads on without cards: those errors, and only those.
    // Each browser words the failed download its own way, and only Chromium reports it separately.
    // The line is the article's own, in its language (the locale's `failed_start`).
    const failedLine = escapeRe(E.words.page.failed_start);
    if (FIREFOX) {
      allowErrors(new RegExp(`^${failedLine} TypeError: NetworkError when attempting to fetch resource\\.`));
    } else {
      allowErrors(/^Failed to load resource: net::ERR_FAILED \(http:\/\/[^ ]*\.wasm:\d+\)$/, new RegExp(`^${failedLine} TypeError: Failed to fetch`));
    }
    let blocked = 0;
    await page.route('**/*.wasm', (route) => {
      blocked++;
      return route.abort();
    });
    const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('.wasm'), timeout: 10_000 });
    const bootFailed = page.waitForEvent('console', { predicate: (m) => m.type() === 'error' && m.text().startsWith(E.words.page.failed_start), timeout: 10_000 });
    await page.goto(`${origin}/`);
    await Promise.all([failed, bootFailed]);
    // Give the boot script its chance to fail (or not) and the page to paint.
    await page.waitForLoadState('load');
    await settle(page);
    assert.ok(blocked > 0, 'precondition: the wasm was requested and blocked');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('xa-interactive').length), 0, 'precondition: the app did not start');
    assertReadable(await readPage(page), E);
  });

  test('prerendered: a trap in the wasm: one clear message, then the article reads on without cards, quietly', DESKTOP, async ({ page, origin, allowErrors, E }) => {
    // Every call into the wasm traps once the test says so, as after a panic (panic = abort).
    await page.addInitScript(() => {
      const wrap = (out) => {
        const real = (out.instance ?? out).exports;
        const exports = {};
        for (const [name, value] of Object.entries(real)) {
          exports[name] =
            typeof value === 'function'
              ? (...args) => {
                  if (window.__trap) throw new WebAssembly.RuntimeError('unreachable');
                  return value(...args);
                }
              : value;
        }
        // An instance of a compiled module (the boot script compiles the wasm as it streams in)
        // must still look like one to the glue.
        if (!out.instance) return Object.create(WebAssembly.Instance.prototype, { exports: { value: exports } });
        return { instance: { exports }, module: out.module };
      };
      const streaming = WebAssembly.instantiateStreaming;
      WebAssembly.instantiateStreaming = async (...a) => wrap(await streaming(...a));
      const plain = WebAssembly.instantiate;
      WebAssembly.instantiate = async (...a) => wrap(await plain(...a));
    });
    allowErrors(/^RuntimeError: unreachable/, new RegExp(`^${escapeRe(E.words.page.failed_run)}`));
    await load(page, origin);
    await page.evaluate(() => (window.__trap = true));
    const first = await page.evaluate(() => document.querySelector('article a.xa-mention').getBoundingClientRect().toJSON());
    await page.mouse.move(first.left + first.width / 2, first.top + first.height / 2);
    await page.waitForFunction(() => 'xaFailed' in document.documentElement.dataset, null, { timeout: 3000 });
    // From now on nothing calls the wasm: more hovers, scrolling, focus, keys and clicks log nothing.
    let errors = 0;
    page.on('pageerror', () => errors++);
    page.on('console', (m) => m.type() === 'error' && errors++);
    const mentions = await page.evaluate(() => [...document.querySelectorAll('article a.xa-mention')].slice(1, 6).map((a) => a.getBoundingClientRect().toJSON()));
    for (const r of mentions) await page.mouse.move(r.left + r.width / 2, r.top + r.height / 2, { steps: 3 });
    await page.evaluate(() => window.scrollBy({ top: 300, behavior: 'instant' }));
    await page.mouse.wheel(0, 200);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    assert.equal(errors, 0, 'errors after the app stopped');
    assert.equal(await page.locator(`#${ID.card}`).count() === 0 || !(await page.locator(`#${ID.card}`).isVisible()), true, 'no card shows');
    assert.equal(await page.locator('.xa-switch').isVisible(), false, 'the cards switch is gone');
    assertReadable(await readPage(page), E);
    // Names are still links: one takes the reader to the actor's address.
    await page.locator('article a.xa-mention').first().click();
    assert.match(page.url(), /#actor=/);
  });

  test('prerendered: no layout shift from navigation until the app is interactive + 500 ms', DESKTOP, async ({ page, origin }) => {
    await page.addInitScript(observeLayoutShift);
    await load(page, origin);
    await page.waitForFunction(() => performance.now() >= performance.getEntriesByName('xa-interactive')[0].startTime + 500, null, { timeout: 5000 });
    await settle(page);
    const shift = await page.evaluate(() => ({ ...window.__shift, interactive: Math.round(performance.getEntriesByName('xa-interactive')[0].startTime) }));
    assert.equal(shift.total, 0, `layout shifted before the app was interactive (at ${shift.interactive} ms) + 500 ms: ${JSON.stringify(shift.entries)}`);
  });

  test('prerendered: index.html as served already holds the article and its mentions', async ({ origin }) => {
    const res = await fetch(`${origin}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    const title = html.match(/<title>([\s\S]*?)<\/title>/);
    assert.equal(title && decode(title[1]), E.article.title, '<title> is the headline');
    const h1 = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/);
    assert.equal(h1 && textOf(h1[1]), E.article.title, 'the headline is in the HTML');
    const paras = [...html.matchAll(/<p class="xa-para"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]));
    assert.deepEqual(paras, E.article.paragraphs, 'every paragraph is in the HTML, verbatim');
    assert.equal(html.split('class="xa-mention').length - 1, E.mentions.length, 'every mention is marked in the HTML');
    assert.equal(
      html.split('<tr class="xa-rel-').length - 1,
      E.relations.length,
      'the relations table is in the HTML',
    );
    assert.match(html, /<script type="application\/ld\+json">/, 'the JSON-LD is in the head');
  });
}
