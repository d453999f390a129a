// Bad networks: a slow link, a runtime file that fails in each way a server or a proxy fails, a
// stylesheet that never comes. The article must read at once and on; what fails says so once.
// Names start with "network".
//
// - Slow (Chromium only: its DevTools protocol throttles the page's own network): 400 kbps with
//   400 ms latency. The text is painted before the wasm has arrived; the names are plain links
//   until the app runs; nothing moves when it does; a card opens within 100 ms of the wasm's
//   start (its instance ready).
// - Broken runtime files (both browsers, answered by the test instead of the server): the wasm or
//   the glue as a 404, cut short, or with the wrong type. Each ends in one clear line from the
//   boot script and the article reading on with no dead controls, except the wasm with the wrong
//   type, which the glue compiles anyway (it says why, once, as a warning) and the app runs.
// - No stylesheet: the text is readable and nothing overlaps.

import assert from 'node:assert/strict';
import { FIREFOX, test } from './harness.mjs';
import { ID } from './ids.mjs';
import { ready, settle, waitCard } from './page.mjs';
import { assertReadable, escapeRe, readPage } from './nojs-tests.mjs';

const DESKTOP = { viewport: { width: 1280, height: 800 } };
// The browser's own notices of a file that failed (Chromium's), which no page can silence.
const BROWSER_NOTICE = /^error: Failed to load (resource|module script): /;

/** Installed before the page's scripts: what the reader sees while the page loads. Layout shifts;
 * the largest paint; the mentions as they are at the first paint; and, once the wasm's download
 * has ended, a reader who keeps focusing the first name in view until its card opens. */
function slowLoadProbe() {
  const probe = (window.__load = { shifts: 0, lcp: 0, atPaint: null, wasmEnd: null, wasmReady: null, cardAt: null });
  // The wasm's start: its instance ready (the glue compiles it as it streams in), the app's code
  // about to run.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const real = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const out = await real.apply(WebAssembly, args);
      probe.wasmReady ??= performance.now();
      return out;
    };
  }
  new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && (probe.shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (probe.lcp = Math.max(probe.lcp, e.startTime)))).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l, o) => {
    o.disconnect();
    const links = [...document.querySelectorAll('article a.xa-mention')];
    probe.atPaint = {
      links: links.length,
      plain: links.filter((a) => a.getAttribute('href')?.startsWith('#') && !a.hasAttribute('aria-expanded') && !a.hasAttribute('aria-haspopup')).length,
      interactive: performance.getEntriesByName('xa-interactive').length > 0,
    };
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l, o) => {
    const wasm = l.getEntries().find((e) => e.name.endsWith('.wasm'));
    if (!wasm) return;
    o.disconnect();
    probe.wasmEnd = wasm.responseEnd;
    const tryOpen = () => {
      if (document.getElementById(xaIds.card)) {
        probe.cardAt = performance.now();
        return;
      }
      const m = [...document.querySelectorAll('article a.xa-mention')].find((a) => a.getBoundingClientRect().top > 0);
      // Focus again each frame: a focus that came before the app was listening opened nothing.
      m.blur();
      m.focus({ preventScroll: true });
      requestAnimationFrame(tryOpen);
    };
    tryOpen();
  }).observe({ type: 'resource', buffered: true });
}

/** What a broken runtime file looks like: `kind` of a real `response`. */
async function broken(route, kind) {
  if (kind === '404') return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
  const response = await route.fetch();
  const body = await response.body();
  const headers = { ...response.headers() };
  delete headers['content-encoding'];
  delete headers['content-length'];
  delete headers.etag;
  if (kind === 'truncated') return route.fulfill({ status: 200, headers, body: body.subarray(0, Math.floor(body.length / 2)) });
  return route.fulfill({ status: 200, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }, body });
}

export function defineNetworkTests({ E }) {
  const W = E.words;

  if (!FIREFOX) {
    test('network: over 400 kbps with 400 ms latency the article is painted before the wasm arrives, names are plain links until cards are ready, nothing moves when they are, and a card opens within 100 ms of the wasm\'s start', DESKTOP, async ({ page, origin }) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      // Throughput in bytes per second; the cache is off so every file comes over the slow link.
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 });
      await page.addInitScript(slowLoadProbe);
      await page.goto(`${origin}/`, { timeout: 60_000 });
      await page.waitForFunction(() => window.__load.cardAt !== null, null, { timeout: 60_000 });
      await settle(page);
      const got = await page.evaluate(() => ({ ...window.__load, wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.toJSON() }));
      assert.ok(got.wasm && got.wasm.responseEnd - got.wasm.startTime > 400, `precondition: the wasm came over the slow link (${JSON.stringify(got.wasm)})`);
      assert.ok(got.lcp > 0 && got.lcp < got.wasmEnd, `the article is painted (largest paint at ${got.lcp.toFixed(0)} ms) before the wasm has arrived (${got.wasmEnd.toFixed(0)} ms)`);
      assert.deepEqual(got.atPaint, { links: E.mentions.length, plain: E.mentions.length, interactive: false }, 'at the first paint every name is a plain link, before the app runs');
      assert.equal(got.shifts, 0, 'nothing moved while the page loaded and the app took over');
      const latency = got.cardAt - got.wasmReady;
      assert.ok(got.wasmReady >= got.wasmEnd - 1, 'precondition: the instance is ready once the wasm has arrived');
      assert.ok(latency <= 100, `a card opened ${latency.toFixed(0)} ms after the wasm started (budget 100 ms)`);
      console.log(`#   slow link: painted at ${got.lcp.toFixed(0)} ms, wasm arrived at ${got.wasmEnd.toFixed(0)} ms and started at ${got.wasmReady.toFixed(0)} ms, a card ${latency.toFixed(0)} ms later`);
      await cdp.detach();
    });
  }

  for (const file of ['wasm', 'glue']) {
    for (const kind of ['404', 'truncated', 'wrong type']) {
      const runs = file === 'wasm' && kind === 'wrong type';
      const title = runs
        ? 'network: the wasm served with the wrong type: the glue compiles it anyway and says why once; the app runs'
        : `network: the ${file} ${kind === '404' ? 'answers 404' : kind === 'truncated' ? 'cut short' : 'served with the wrong type'}: one clear line, no second error, the article reads on with no dead controls`;
      test(title, DESKTOP, async ({ page, origin, allowErrors }) => {
        const pattern = file === 'wasm' ? '**/*.wasm' : /\/_runtime\/article-[0-9a-f]+\.js$/;
        let served = 0;
        await page.route(pattern, (route) => {
          served++;
          return broken(route, kind);
        });
        const lines = [];
        page.on('console', (m) => ['error', 'warning'].includes(m.type()) && lines.push(`${m.type()}: ${m.text()}`));
        if (runs) {
          await page.goto(`${origin}/`);
          await ready(page);
          assert.equal(served, 1, 'precondition: the wasm was requested once');
          const warnings = lines.filter((l) => l.startsWith('warning: '));
          assert.equal(warnings.length, 1, `one warning says why: ${JSON.stringify(lines)}`);
          assert.match(warnings[0], /application\/wasm/, 'and it names the type a server should send');
          assert.equal(lines.length, 1, `nothing else: ${JSON.stringify(lines)}`);
          const m = ID.mention(0);
          await page.focus(`#${m}`);
          await waitCard(page);
          return;
        }
        // Ours: the boot script's line, in the article's language. The browser's: its own notice
        // of a failed download (Chromium's for a 404), which no page can silence.
        allowErrors(new RegExp(`^${escapeRe(W.page.failed_start)} \\S`));
        if (kind === '404' && !FIREFOX) allowErrors(/^Failed to load resource: the server responded with a status of 404/);
        if (kind === 'wrong type' && !FIREFOX) allowErrors(/^Failed to load module script: .* MIME type of "text\/plain"/);
        // Firefox's, for a script served as text (its 404 page is text too), a page error.
        if (file === 'glue' && kind !== 'truncated' && FIREFOX) allowErrors(/^Loading module from “[^”]+” was blocked because of a disallowed MIME type/);
        const failed = page.waitForEvent('console', { predicate: (m) => m.type() === 'error' && m.text().startsWith(W.page.failed_start), timeout: 10_000 });
        await page.goto(`${origin}/`);
        await failed;
        await page.waitForLoadState('load');
        // Long enough for a second error to come, if one were coming.
        await page.waitForTimeout(500);
        await settle(page);
        assert.equal(served, 1, `precondition: the ${file} was requested once`);
        const ours = lines.filter((l) => l.includes(W.page.failed_start));
        assert.equal(ours.length, 1, `one line from the page: ${JSON.stringify(lines)}`);
        const others = lines.filter((l) => !l.includes(W.page.failed_start) && !BROWSER_NOTICE.test(l));
        assert.deepEqual(others, [], 'no second error or warning');
        assert.equal(await page.evaluate(() => performance.getEntriesByName('xa-interactive').length), 0, 'precondition: the app did not start');
        assertReadable(await readPage(page), E);
        // No control is left that promises what cannot come: the switch and its hint are gone.
        const shown = await page.evaluate((ids) => ids.map((id) => document.getElementById(id)?.checkVisibility() ?? false), [ID.switch, ID.hint]);
        assert.deepEqual(shown, [false, false], 'the cards switch and its hint are not shown');
      });
    }
  }

  test('network: the stylesheet never comes: the text still reads, in order, and nothing overlaps', DESKTOP, async ({ page, origin, allowErrors }) => {
    if (!FIREFOX) allowErrors(/^Failed to load resource: the server responded with a status of 404/);
    await page.route(/\/_runtime\/article-[0-9a-f]+\.css$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    await page.goto(`${origin}/`);
    await ready(page);
    assertReadable(await readPage(page), E);
    const boxes = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('main > *, article > *, section > *')].filter((el) => el.checkVisibility() && !el.matches('script'));
      return blocks.map((el) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return { what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.getAttribute('class') ?? ''}`, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, font: parseFloat(style.fontSize), parent: el.parentElement.tagName };
      });
    });
    // Siblings stack in reading order, each below the one before it.
    for (const parent of new Set(boxes.map((b) => b.parent))) {
      const kids = boxes.filter((b) => b.parent === parent && b.bottom > b.top);
      for (let i = 1; i < kids.length; i++) assert.ok(kids[i].top >= kids[i - 1].bottom - 1, `${kids[i].what} (top ${kids[i].top}) overlaps ${kids[i - 1].what} (bottom ${kids[i - 1].bottom})`);
    }
    const paras = await page.evaluate(() => [...document.querySelectorAll('article p.xa-para')].map((p) => ({ font: parseFloat(getComputedStyle(p).fontSize), right: p.getBoundingClientRect().right })));
    for (const p of paras) {
      assert.ok(p.font >= 16, `the text is the browser's readable default size (${p.font} px)`);
      assert.ok(p.right <= 1280, 'and within the window');
    }
  });
}
