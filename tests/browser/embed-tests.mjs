// Embedding: the article in a publisher's page on another origin (a host server on 127.0.0.2),
// through the real Pym.js parent from npm and through our own web/embed.js; render flags; the
// oEmbed file; hostile messages. Names start with "embed".

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from './harness.mjs';
import { ID } from './ids.mjs';
import { cardForNameInFrame, ready, screenshot, settle, waitCard, wheelToEnd } from './page.mjs';

const NAME = 'explorable-article-height';

/** The publisher's pages, for the host server: one with the Pym.js parent, one with our snippet
 * (from the site's root, as every article's snippet has it). */
export function hostPages(articleOrigin, siteOrigin, pymSource, E, estimate) {
  const title = E.article.title;
  const snippet = (src = `${articleOrigin}/`) =>
    `<div data-xa-src="${src}" data-xa-title="${title}" data-xa-height="${estimate}"><a href="${src}">${title}</a></div>\n<script src="${siteOrigin}/embed.js" async></script>`;
  const page = (title, embed, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${head}</head>
<body>
<h1>A publisher's page</h1>
<p>Some of the publisher's own text, before the article.</p>
${embed}
<p>The publisher's page goes on after the article.</p>
<div style="height: 1200px"></div>
</body></html>`;
  const html = (body) => ({ body, type: 'text/html; charset=utf-8' });
  return {
    '/pym.v1.min.js': { body: pymSource, type: 'text/javascript; charset=utf-8' },
    '/pym.html': html(
      page('Pym.js host', `<div id="article-frame" data-pym-src="${articleOrigin}/"></div>\n<script src="/pym.v1.min.js"></script>`),
    ),
    // A WordPress post with the article's URL pasted in: the iframe as WordPress 6 writes it for an
    // oEmbed provider it knows, and the protocol of its wp-embed.js (simulated here, faithfully: a
    // secret of 10 letters and digits in the frame's address and its data-secret, the frame hidden
    // until it speaks, heights clamped to 200–1000 px, a `ready` message once the host has loaded).
    '/wordpress.html': html(
      page(
        'WordPress host',
        `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" title="${title}" src="${articleOrigin}/#?secret=Ab3dE5gH9k" data-secret="Ab3dE5gH9k" width="600" height="338" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>
<script>
addEventListener('message', (e) => {
  const data = e.data;
  if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
  for (const source of document.querySelectorAll('iframe[data-secret="' + data.secret + '"]')) {
    if (e.source !== source.contentWindow) continue;
    source.removeAttribute('style');
    if (data.message === 'height') {
      let height = parseInt(data.value, 10);
      if (height > 1000) height = 1000;
      else if (~~height < 200) height = 200;
      source.height = height;
    }
  }
});
document.addEventListener('DOMContentLoaded', () => {
  for (const frame of document.querySelectorAll('iframe.wp-embedded-content'))
    frame.contentWindow.postMessage({ message: 'ready', secret: frame.getAttribute('data-secret') }, '*');
});
</script>`,
      ),
    ),
    // An AMP page's amp-iframe with \`resizable\` (simulated: the AMP runtime is not on the package
    // registries): it resizes its frame when the frame asks with \`embed-size\`.
    '/amp.html': html(
      page(
        'AMP host',
        `<iframe src="${articleOrigin}/" title="${title}" sandbox="allow-scripts allow-same-origin" style="width: 100%; height: 400px; border: 0" scrolling="no"></iframe>
<script>
addEventListener('message', (e) => {
  const frame = document.querySelector('iframe');
  const d = e.data;
  if (e.source !== frame.contentWindow || !d || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
  const height = Number(d.height);
  if (Number.isFinite(height) && height > 0) frame.style.height = height + 'px';
});
</script>`,
      ),
    ),
    // A CMS that frames what it does not trust (WordPress does, for oEmbed iframes): scripts run,
    // but with an opaque origin, so every module and the wasm are cross-origin requests.
    '/sandbox.html': html(
      page('Sandboxed frame host', `<iframe sandbox="allow-scripts" src="${articleOrigin}/" title="${title}" style="width: 100%; height: 900px; border: 0"></iframe>`),
    ),
    '/embed.html': html(page('Snippet host', snippet())),
    // A host whose own styles would cut any iframe, as real themes do.
    '/hostile.html': html(
      page(
        'Hostile CSS host',
        `<style>iframe { height: 150px !important; max-height: 600px !important; aspect-ratio: 16 / 9 !important; padding: 20px !important; box-sizing: border-box !important; border: 5px solid red !important }</style>\n${snippet()}`,
      ),
    ),
    // A host whose policy does not allow the article in frames.
    '/blocked.html': html(page('Host that blocks frames', snippet(), `<meta http-equiv="Content-Security-Policy" content="frame-src 'none'">`)),
    // A host page whose markup asks the script to frame another site.
    '/foreign.html': html(page('Host asking for another site', snippet('http://127.0.0.9:9/elsewhere/'))),
    // A host that caps the frame's height and says nothing to it (a theme's CSS, an AMP layout, a
    // CMS's fixed box): the article scrolls inside.
    '/capped.html': html(page('Capped frame host', `<div style="height: 400px"></div>\n<iframe src="${articleOrigin}/" title="${title}" style="width: 100%; max-width: 720px; height: 600px; border: 0"></iframe>`)),
    // The embed far down a long page, reached by scrolling.
    '/far.html': html(page('Long host page', `<div style="height: 5000px"></div>\n${snippet()}`)),
  };
}

// Installed in every frame of the host's pages: the host keeps a log of the messages it receives,
// the article counts CSP violations.
function recordMessages() {
  window.__messages = [];
  window.__csp = [];
  addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data, t: performance.now() }));
  addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** The article's frame in the host page, once its app is interactive. */
async function articleFrame(page, articleOrigin) {
  await page.waitForFunction(() => !!document.querySelector('iframe'));
  let frame = null;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(`${articleOrigin}/`));
    if (!frame) await page.waitForTimeout(50);
  }
  assert.ok(frame, 'the article frame loaded');
  await ready(frame);
  return frame;
}

/** Waits until the iframe's height has followed the article's own height (within 2 px) and held
 * for 300 ms; returns both. Fails with both numbers when it does not. */
async function settledHeights(page, frame) {
  let last = null;
  let stableSince = 0;
  for (let i = 0; i < 60; i++) {
    const content = await frame.evaluate(() => {
      let bottom = document.documentElement.getBoundingClientRect().height;
      const card = document.getElementById(xaIds.card);
      if (card) bottom = Math.max(bottom, card.getBoundingClientRect().bottom + scrollY);
      return bottom;
    });
    const iframe = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    const now = Date.now();
    const same = last && Math.abs(last.content - content) < 0.5 && Math.abs(last.iframe - iframe) < 0.5;
    if (!same) stableSince = now;
    last = { content, iframe };
    if (Math.abs(content - iframe) <= 2 && now - stableSince >= 300) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`the frame is ${last.iframe} px tall, its content ${last.content} px`);
}

/** Nothing scrolls inside the frame: its document is no taller than its viewport. */
async function assertNoInnerScroll(frame) {
  const { scroll, view } = await frame.evaluate(() => ({ scroll: document.scrollingElement.scrollHeight, view: innerHeight }));
  assert.ok(scroll <= view + 1, `an inner scrollbar: the frame's document scrolls ${scroll} px in a ${view} px view`);
}

export function defineEmbedTests({ E, outDir }) {
  for (const via of ['pym', 'embed']) {
    for (const width of [1100, 375]) {
      const label = via === 'pym' ? 'Pym.js parent' : 'embed.js snippet';
      test(`embed: ${label} at ${width} px: the frame is exactly as tall as the article, and follows it`, { viewport: { width, height: 800 } }, async ({ page, origin, hostOrigin }) => {
        await page.addInitScript(recordMessages);
        await page.goto(`${hostOrigin}/${via}.html`);
        const frame = await articleFrame(page, origin);
        const first = await settledHeights(page, frame);
        await assertNoInnerScroll(frame);
        console.log(`# ${label} at ${width} px: iframe ${first.iframe.toFixed(1)} px, content ${first.content.toFixed(1)} px`);

        // The title an assistive technology announces for the frame.
        const title = await page.evaluate(() => document.querySelector('iframe').title);
        if (via === 'embed') assert.equal(title, E.article.title, 'the frame has a title');

        // The Datawrapper-style message carries the same height, keyed by the frame's id.
        const dw = await page.evaluate((name) => window.__messages.filter((m) => m.data && typeof m.data === 'object' && name in m.data).map((m) => m.data[name]), NAME);
        assert.ok(dw.length > 0, `no ${NAME} message`);
        const lastDw = Object.values(dw.at(-1))[0];
        assert.ok(Math.abs(lastDw - first.content) <= 2, `${NAME} says ${lastDw}, the content is ${first.content}`);

        // Opening the relations table makes the article taller: the frame follows.
        await frame.locator('details.xa-table-wrap > summary').click();
        const opened = await settledHeights(page, frame);
        assert.ok(opened.iframe > first.iframe + 500, `the frame grew with the table: ${first.iframe} → ${opened.iframe}`);
        await assertNoInnerScroll(frame);

        // Closing it again: the frame shrinks back.
        await frame.locator('details.xa-table-wrap > summary').click();
        const closed = await settledHeights(page, frame);
        // Back to where it was.
        assert.ok(Math.abs(closed.iframe - first.iframe) <= 2, `the frame shrank back: ${first.iframe} → ${closed.iframe}`);

        // A card on the last mention of the text: inside the frame, never clipped by its edge.
        const last = frame.locator('article a.xa-mention').last();
        await last.focus();
        await waitCard(frame);
        await settle(frame);
        // Where the card ends up: the frame asks the host to scroll to a card it cannot see
        // (scrollToChildPos), the host scrolls smoothly, then the card is placed again from the
        // host's next answer, so this is a chain of messages and a scroll that takes its time (up to
        // a second or so for a long way down); the reader judges where it comes to rest.
        const seen = (v) => v.top >= -1 && v.bottom <= v.height + 1;
        let after, card, inView;
        for (const until = Date.now() + 5000; ; ) {
          after = await settledHeights(page, frame);
          card = await frame.evaluate(() => {
            const r = document.getElementById(xaIds.card).getBoundingClientRect();
            return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: innerWidth };
          });
          inView = await page.evaluate(
            ({ top, bottom }) => {
              const f = document.querySelector('iframe').getBoundingClientRect();
              return { top: f.top + top, bottom: f.top + bottom, height: innerHeight, scrollY };
            },
            card,
          );
          if (seen(inView) || Date.now() > until) break;
          await page.waitForTimeout(100);
        }
        assert.ok(card.top >= 0 && card.bottom <= after.iframe + 1, `the card (${card.top}–${card.bottom}) is inside the frame (0–${after.iframe})`);
        assert.ok(card.left >= 0 && card.right <= card.width, `the card (${card.left}–${card.right}) is inside the frame's width ${card.width}`);
        // …and in the host's viewport, where the reader is.
        console.log(`# ${label} at ${width} px: the card ${(card.bottom - card.top).toFixed(0)} px tall, ${inView.top.toFixed(0)}–${inView.bottom.toFixed(0)} px in a ${inView.height} px view`);
        assert.ok(seen(inView), `the card is in the host's view: ${JSON.stringify(inView)}`);
        await screenshot(page, join(outDir, `embed-${via}-${width}.png`));

        // No CSP violation in the article (served with the strict policy).
        assert.deepEqual(await frame.evaluate(() => window.__csp), [], 'CSP violations in the article');
      });
    }
  }

  test('embed: a link to a place in the article (the jump to the graph) brings the host there', { viewport: { width: 375, height: 700 } }, async ({ page, origin, hostOrigin }) => {
    await page.goto(`${hostOrigin}/embed.html`);
    const frame = await articleFrame(page, origin);
    await settledHeights(page, frame);
    const before = await page.evaluate(() => scrollY);
    await frame.locator('a.xa-jump').click();
    // The graph's title comes into the host's view, and focus is on it.
    await page.waitForFunction(
      () => {
        const f = document.querySelector('iframe').getBoundingClientRect();
        return f.top < -1000;
      },
      null,
      { timeout: 5000 },
    );
    await page.waitForTimeout(900); // the smooth scroll ends
    const where = await frame.evaluate(() => ({ top: document.getElementById(xaIds.graphTitle).getBoundingClientRect().top, focused: document.activeElement?.id === xaIds.graphTitle, hash: location.hash }));
    const frameTop = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().top);
    const inHost = frameTop + where.top;
    assert.ok(inHost >= -2 && inHost < 700 / 2, `the graph's title is at ${inHost} px in the host's view (scrolled from ${before})`);
    assert.ok(where.focused, 'focus moved to the graph title');
    assert.equal(where.hash, '', 'the frame\'s address did not change');
  });

  test('embed: a host\'s CSS cannot cut the frame (height, max-height, aspect-ratio, padding !important)', { viewport: { width: 1100, height: 800 } }, async ({ page, origin, hostOrigin }) => {
    await page.goto(`${hostOrigin}/hostile.html`);
    const frame = await articleFrame(page, origin);
    const { content, iframe } = await settledHeights(page, frame);
    assert.ok(Math.abs(content - iframe) <= 2, `the frame is ${iframe} px for ${content} px of article`);
    await assertNoInnerScroll(frame);
  });

  test('embed: where the host\'s policy blocks the frame, the reader keeps the link', { viewport: { width: 1100, height: 800 } }, async ({ page, hostOrigin, allowErrors }) => {
    allowErrors(/frame-src/);
    await page.goto(`${hostOrigin}/blocked.html`);
    await page.waitForFunction(() => !!document.querySelector('iframe'));
    await page.waitForTimeout(1500);
    const link = await page.evaluate(() => {
      const a = document.querySelector('[data-xa-src] a');
      if (!a) return null;
      const r = a.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + Math.min(10, r.width / 2), r.top + r.height / 2);
      return { href: a.href, text: a.textContent, visible: r.width > 0 && r.height > 0, onTop: at === a || a.contains(at) };
    });
    assert.ok(link && link.visible && link.onTop, `the link is there and can be clicked: ${JSON.stringify(link)}`);
    assert.equal(link.text, E.article.title);
  });

  test('embed: the script frames only its own site\'s articles', { viewport: { width: 1100, height: 800 } }, async ({ page, hostOrigin }) => {
    await page.goto(`${hostOrigin}/foreign.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => document.querySelectorAll('iframe').length), 0, 'no frame of another site');
    assert.equal(await page.evaluate(() => document.querySelector('[data-xa-src] a')?.href), 'http://127.0.0.9:9/elsewhere/');
  });

  test('embed: scrolled to far down a page, the frame loads in its reserved place: no shift, no message before it speaks', { viewport: { width: 1100, height: 800 } }, async ({ page, origin, hostOrigin }) => {
    const warnings = [];
    page.on('console', (m) => ['warning', 'error'].includes(m.type()) && warnings.push(m.text()));
    await page.addInitScript(() => {
      window.__shift = 0;
      if (PerformanceObserver.supportedEntryTypes?.includes('layout-shift'))
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shift += e.hadRecentInput ? 0 : e.value))).observe({ type: 'layout-shift', buffered: true });
    });
    const estimate = (await (await fetch(`${origin}/oembed.json`)).json()).height;
    await page.goto(`${hostOrigin}/far.html`);
    const reserved = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    assert.equal(reserved, estimate, 'the frame\'s place is the estimated height before it loads');
    for (let i = 0; i < 14; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(60);
    }
    const frame = await articleFrame(page, origin);
    const { content, iframe } = await settledHeights(page, frame);
    assert.ok(Math.abs(content - iframe) <= 2);
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `the host's layout shifted by ${shift} while the frame loaded`);
    assert.deepEqual(warnings.filter((w) => /postMessage/i.test(w)), [], 'messages posted to a frame that had not loaded');
    console.log(`# far embed: reserved ${reserved} px, the article ${content.toFixed(0)} px; layout shift ${shift.toFixed(4)}`);
  });

  test('embed: WordPress\'s protocol: the frame shows itself and takes the height it asks, within WordPress\'s 200–1000 px', { viewport: { width: 1100, height: 800 } }, async ({ page, origin, hostOrigin }) => {
    await page.addInitScript(recordMessages);
    await page.goto(`${hostOrigin}/wordpress.html`);
    const frame = await articleFrame(page, origin);
    // Shown (WordPress removes its clip) and as tall as the article, as far as WordPress allows.
    await page.waitForFunction(() => !document.querySelector('iframe').hasAttribute('style'));
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const want = Math.min(1000, Math.max(200, content));
    await page.waitForFunction((h) => Number(document.querySelector('iframe').height) === h, want);
    // The messages carried WordPress's secret, and one answered its `ready`.
    const wp = await page.evaluate(() => window.__messages.filter((m) => m.data && m.data.message === 'height'));
    assert.ok(wp.length > 0 && wp.every((m) => m.data.secret === 'Ab3dE5gH9k' && Number.isInteger(m.data.value)), JSON.stringify(wp));
    assert.ok(Math.abs(wp.at(-1).data.value - content) <= 2, `WordPress was told ${wp.at(-1).data.value} px; the article is ${content} px`);
    // The secret in the address is not taken for a selection.
    assert.equal(await frame.evaluate(() => document.querySelectorAll('.xa-sel').length), 0);
    console.log(`# WordPress: frame ${want} px for ${content} px of article`);
  });

  test('embed: a frame of capped height scrolls inside, to the end, and opens a card within the part of it on screen', { viewport: { width: 1100, height: 700 } }, async ({ page, origin, hostOrigin }) => {
    await page.goto(`${hostOrigin}/capped.html`);
    const frame = await articleFrame(page, origin);
    await ready(frame);
    // The host scrolled so that the frame's top is 300 px down: its lower 200 px are off screen.
    await page.evaluate(() => scrollBy(0, document.querySelector('iframe').getBoundingClientRect().top - 300));
    const box = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().toJSON());
    assert.ok(Math.abs(box.top - 300) < 2 && Math.abs(box.height - 600) < 1, JSON.stringify(box));
    // A name 100 px down the frame: a card below it would fit in the frame, not on the screen.
    const { top, bottom } = await cardForNameInFrame(page, frame, box, { from: 200, down: 100 });
    assert.ok(top >= box.top - 1 && bottom <= 700 + 1, `the card spans ${Math.round(top)}–${Math.round(bottom)} px of a 700 px screen (the frame from ${Math.round(box.top)})`);
    // The wheel over the frame scrolls it to the article's end.
    await page.mouse.move(box.left + 40, box.top + 60);
    await wheelToEnd(page, frame);
    const end = await frame.evaluate(() => ({ y: scrollY, max: document.documentElement.scrollHeight - innerHeight }));
    assert.ok(end.max > 0 && end.y >= end.max - 2, `the frame scrolled to ${end.y} of ${end.max}`);
  });

  test('embed: AMP\'s amp-iframe protocol: the frame asks for its height with embed-size and gets it', { viewport: { width: 1100, height: 800 } }, async ({ page, origin, hostOrigin }) => {
    await page.addInitScript(recordMessages);
    await page.goto(`${hostOrigin}/amp.html`);
    const frame = await articleFrame(page, origin);
    const { content, iframe } = await settledHeights(page, frame);
    assert.ok(Math.abs(content - iframe) <= 2, `the frame is ${iframe} px for ${content} px of article`);
    const amp = await page.evaluate(() => window.__messages.filter((m) => m.data && m.data.sentinel === 'amp'));
    assert.ok(amp.length > 0 && amp.every((m) => m.data.type === 'embed-size' && Number.isInteger(m.data.height)), JSON.stringify(amp));
    console.log(`# AMP: frame ${iframe.toFixed(1)} px for ${content.toFixed(1)} px of article`);
  });

  test('embed: in a sandboxed frame (an opaque origin) the app starts and cards open, with no error', { viewport: { width: 1100, height: 800 } }, async ({ page, origin, hostOrigin }) => {
    await page.addInitScript(recordMessages);
    await page.goto(`${hostOrigin}/sandbox.html`);
    const frame = await articleFrame(page, origin);
    assert.equal(await frame.evaluate(() => self.origin), 'null', 'the frame runs with an opaque origin');
    // The runtime's requests crossed origins: each had to be allowed by the article's server.
    const mention = frame.locator('article a.xa-mention').first();
    await mention.focus();
    await waitCard(frame);
    assert.equal(await mention.getAttribute('aria-expanded'), 'true', 'the focused name says its card is open');
    await page.keyboard.press('Escape');
    await frame.waitForFunction(() => !document.getElementById(xaIds.cardName));
    assert.deepEqual(await frame.evaluate(() => window.__csp), [], 'CSP violations in the article');
  });

  test('embed: a card opened by keyboard out of the host\'s view brings the host there (scrollToChildPos)', { viewport: { width: 375, height: 700 } }, async ({ page, origin, hostOrigin }) => {
    await page.addInitScript(recordMessages);
    await page.goto(`${hostOrigin}/embed.html`);
    const frame = await articleFrame(page, origin);
    await settledHeights(page, frame);
    await page.evaluate(() => scrollTo(0, 0));
    // Focus without scrolling, as a screen reader's virtual cursor may: the card opens far below.
    await frame.evaluate(() => [...document.querySelectorAll('article a.xa-mention')].at(-1).focus({ preventScroll: true }));
    await waitCard(frame);
    await page.waitForFunction(() => window.__messages.some((m) => typeof m.data === 'string' && m.data.includes('xPYMxscrollToChildPosxPYMx')), null, { timeout: 3000 });
    await page.waitForFunction(() => scrollY > 1000, null, { timeout: 3000 });
    // Smooth scrolling: wait until the host has stopped.
    let y = -1;
    for (let i = 0; i < 40; i++) {
      const now = await page.evaluate(() => scrollY);
      if (now === y) break;
      y = now;
      await page.waitForTimeout(100);
    }
    const box = await page.evaluate(() => {
      const f = document.querySelector('iframe').getBoundingClientRect();
      return { frameTop: f.top, height: innerHeight };
    });
    const card = await frame.evaluate(() => {
      const r = document.getElementById(xaIds.card).getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY };
    });
    assert.ok(box.frameTop + card.top >= -1 && box.frameTop + card.bottom <= box.height + 1, `the card is in the host's view after the scroll: frame top ${box.frameTop}, card ${card.top}–${card.bottom}, view ${box.height}`);
  });

  test('embed: the frame follows the host\'s width and the graph\'s caption', { viewport: { width: 1100, height: 800 } }, async ({ page, origin, hostOrigin }) => {
    await page.goto(`${hostOrigin}/embed.html`);
    const frame = await articleFrame(page, origin);
    const wide = await settledHeights(page, frame);
    await page.setViewportSize({ width: 375, height: 800 });
    const narrow = await settledHeights(page, frame);
    assert.ok(narrow.iframe > wide.iframe + 500, `narrower is taller: ${wide.iframe} → ${narrow.iframe}`);
    await assertNoInnerScroll(frame);
    // Focusing a line of the graph quotes its sentence in the caption under the graph.
    const before = await frame.textContent('p.xa-graph-caption');
    await frame.evaluate(() => [...document.querySelectorAll('svg.xa-graph')].find((g) => g.getClientRects().length > 0).querySelector('.xa-edge[tabindex]').focus());
    await frame.waitForFunction((t) => document.querySelector('p.xa-graph-caption').textContent !== t, before);
    const selected = await settledHeights(page, frame);
    assert.notEqual(selected.iframe, narrow.iframe, 'the caption changed the page\'s height (precondition)');
  });

  test('embed: hostile and malformed messages change nothing and log nothing', { viewport: { width: 1100, height: 800 } }, async ({ page, origin, hostOrigin }) => {
    await page.addInitScript(recordMessages);
    await page.goto(`${hostOrigin}/embed.html`);
    const frame = await articleFrame(page, origin);
    const before = await settledHeights(page, frame);
    const id = await page.evaluate(() => new URL(document.querySelector('iframe').src).searchParams.get('childId'));
    const P = `pymxPYMx${id}xPYMx`;
    const heightReplies = () => page.evaluate(() => window.__messages.filter((m) => typeof m.data === 'string' && m.data.includes('xPYMxheightxPYMx')).length);

    // To the article, from its parent: wrong formats, wrong ids, huge or negative numbers, objects.
    const junk = [
      `${P}widthxPYMx1e308`,
      `${P}widthxPYMx-5`,
      `${P}widthxPYMx99999999999`,
      `${P}widthxPYMxabc`,
      `${P}widthxPYMx`,
      `${P}width`,
      `pymxPYMxsomeone-elsexPYMxwidthxPYMx800`,
      `${P}viewport-iframe-positionxPYMx1 2 3`,
      `${P}viewport-iframe-positionxPYMxNaN NaN NaN NaN NaN NaN`,
      `${P}viewport-iframe-positionxPYMx1e999 800 -5 0 9 9`,
      `${P}navigateToxPYMxjavascript:alert(1)`,
      `${P}widthxPYMx${'9'.repeat(100000)}`,
      { width: 800 },
      { [NAME]: { [id]: 5 } },
      ['pym', id, 'width', '800'],
      null,
      42,
    ];
    const sent = await page.evaluate(async (messages) => {
      const before = window.__messages.length;
      const target = document.querySelector('iframe').contentWindow;
      for (const m of messages) target.postMessage(m, '*');
      await new Promise((r) => setTimeout(r, 500));
      return window.__messages.length - before;
    }, junk);
    assert.equal(sent, 0, 'the article answered a malformed message');

    // To the article from itself, not its parent (a well-formed width message): ignored.
    const repliesBefore = await heightReplies();
    await frame.evaluate((m) => window.postMessage(m, '*'), `${P}widthxPYMx800`);
    await page.waitForTimeout(300);
    assert.equal(await heightReplies(), repliesBefore, 'the article answered a message that did not come from its parent');

    // To the host, not from the article's frame: a height message with the frame's id changes nothing.
    await page.evaluate((m) => window.postMessage(m, '*'), `${P}heightxPYMx50`);
    await page.evaluate((m) => window.postMessage(m, '*'), `${P}scrollToChildPosxPYMx3000`);
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => ({ height: document.querySelector('iframe').getBoundingClientRect().height, scroll: scrollY }));
    assert.ok(Math.abs(after.height - before.iframe) < 1, `the frame's height changed: ${before.iframe} → ${after.height}`);
    assert.equal(after.scroll, 0, 'the host scrolled');

    // A well-formed width message from the parent is answered: the filter is not deaf.
    await page.evaluate((m) => document.querySelector('iframe').contentWindow.postMessage(m, '*'), `${P}widthxPYMx1100`);
    await page.waitForFunction((n) => window.__messages.filter((m) => typeof m.data === 'string' && m.data.includes('xPYMxheightxPYMx')).length > n, repliesBefore, { timeout: 2000 });
  });

  test('embed: the example host page beside the article embeds it at its exact height', { viewport: { width: 900, height: 800 } }, async ({ page, origin }) => {
    await page.goto(`${origin}/embed-example.html`);
    const frame = await articleFrame(page, origin);
    const h = await settledHeights(page, frame);
    await assertNoInnerScroll(frame);
    assert.ok(h.iframe > 2000, `the frame grew to the article: ${h.iframe} px`);
  });

  test('embed: without JavaScript the snippet is a plain link to the article', { viewport: { width: 900, height: 800 }, javaScriptEnabled: false }, async ({ page, hostOrigin, origin }) => {
    await page.goto(`${hostOrigin}/embed.html`);
    assert.equal(await page.locator('iframe').count(), 0);
    const link = page.locator(`a[href="${origin}/"]`);
    assert.equal(await link.textContent(), E.article.title);
  });

  test('embed: read directly, the page loads no embed code and posts no message', async ({ page, origin }) => {
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.addInitScript(recordMessages);
    await page.goto(`${origin}/`);
    await ready(page);
    await page.waitForTimeout(300);
    assert.ok(!requests.some((p) => p.includes('embed-child')), 'embed-child.js was loaded outside a frame');
    assert.deepEqual(await page.evaluate(() => window.__messages), [], 'messages were posted');
  });

  test('embed: render flags theme, graph, cards and plain apply; unknown values keep the defaults', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' }, async ({ page, origin }) => {
    const look = () =>
      page.evaluate(() => {
        const visible = (sel) => {
          const el = document.querySelector(sel);
          return !!el && el.getClientRects().length > 0;
        };
        return {
          bg: getComputedStyle(document.documentElement).backgroundColor,
          graph: visible('svg.xa-graph-wide'),
          table: visible('details.xa-table-wrap'),
          toolbar: visible('.xa-toolbar'),
          switch: visible('.xa-switch'),
          mentions: document.querySelectorAll('article a.xa-mention').length,
        };
      });
    await page.goto(`${origin}/`);
    await ready(page);
    const plain = await look();
    assert.equal(plain.bg, 'rgb(253, 252, 249)', 'light background by default in a light browser');
    assert.ok(plain.graph && plain.toolbar && plain.switch && plain.mentions > 0, JSON.stringify(plain));

    await page.goto(`${origin}/?theme=dark&graph=0&cards=0&plain`);
    await ready(page);
    const flagged = await look();
    assert.equal(flagged.bg, 'rgba(0, 0, 0, 0)', 'plain: the host shows through');
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    assert.equal(text, 'rgb(232, 230, 225)', 'theme=dark: dark-scheme text colour in a light browser');
    assert.equal(flagged.graph, false, 'graph=0 hides the graph');
    assert.equal(flagged.table, true, 'graph=0 keeps the relations table');
    assert.equal(flagged.toolbar, false, 'plain hides the toolbar');
    assert.equal(flagged.mentions, 0, 'cards=0: no mention is a card link');
    await page.locator('article p').first().hover();
    await page.waitForTimeout(400);
    assert.equal(await page.locator(`#${ID.card}`).count(), 0, 'cards=0: no card');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'the flag is not stored as the reader\'s choice');

    // A flag given twice: its last value, in the page's styles as in the app.
    await page.goto(`${origin}/?cards=0&cards=1&graph=1&graph=0`);
    await ready(page);
    const twice = await look();
    assert.equal(twice.graph, false, 'graph=1&graph=0: hidden, by the last value');
    assert.equal(twice.mentions, plain.mentions, 'cards=0&cards=1: the names stay card links');
    await page.focus(`#${ID.mention(0)}`);
    await page.waitForSelector(`#${ID.card}`, { timeout: 3000 });

    await page.goto(`${origin}/?theme=purple&graph=2&cards=yes&plain=no`);
    await ready(page);
    assert.deepEqual(await look(), plain, 'unknown flag values: the defaults');
    assert.deepEqual(await page.evaluate(() => ({ ...document.documentElement.dataset })), {}, 'no flag set');
  });

  test('embed: theme=light holds in a dark browser; theme=auto follows it', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' }, async ({ page, origin }) => {
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.goto(`${origin}/?theme=light`);
    await ready(page);
    assert.equal(await bg(), 'rgb(253, 252, 249)');
    await page.goto(`${origin}/?theme=auto`);
    await ready(page);
    assert.equal(await bg(), 'rgb(20, 21, 23)');
  });

  test('embed: the oEmbed file is linked from the page and describes a frame CMSs keep', { viewport: { width: 720, height: 800 } }, async ({ page, origin }) => {
    await page.goto(`${origin}/`);
    await ready(page);
    const href = await page.evaluate(() => document.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.href);
    assert.equal(href, `${origin}/oembed.json`);
    const res = await fetch(href);
    assert.equal(res.status, 200);
    const o = await res.json();
    assert.equal(o.version, '1.0');
    assert.equal(o.type, 'rich');
    assert.equal(o.title, E.article.title);
    // What CMSs keep of an oEmbed: a quoted link, then the frame, at the estimated height.
    assert.match(o.html, /^<blockquote class="xa-embed-quote"><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe src="[^"]+" title="[^"]+" width="720" height="\d+" [^>]*><\/iframe>$/);
    assert.equal(o.html.match(/height="(\d+)"/)[1], String(o.height), 'the frame starts at the oEmbed height');
    // The snippet an editor pastes reserves the same height.
    const snippet = await (await fetch(`${origin}/embed.html`)).text();
    assert.equal(snippet.match(/data-xa-height="(\d+)"/)?.[1], String(o.height), 'the snippet reserves the oEmbed height');
    assert.equal(o.width, 720);
    // Its height is an estimate from the text; the page at that width (everything laid out) is near it.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await settle(page);
    const real = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
    assert.ok(Math.abs(o.height - real) / real < 0.15, `oEmbed height ${o.height} vs the page at 720 px: ${real}`);
  });
}
