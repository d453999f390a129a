// WordPress for real (README, "Embedding"): the site built to publish at http://127.0.0.1:8080/,
// Debian's WordPress on another port of the same host (wordpress-site.mjs), and an author who
// pastes an article's bare address into a post, through WordPress's own REST API, as the block
// editor saves it. Headless Chromium then reads the post. No simulation: WordPress discovers the
// oEmbed, filters it as it filters any provider it does not know, sandboxes the frame, and its
// wp-embed.js shows and sizes it.
//
//   node tests/browser/wordpress.mjs        (after scripts/build.sh; scripts/test.sh runs it)
//
// Port 8080: WordPress fetches a page of its own host only from ports 80, 443 and 8080.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExpectations } from './content.mjs';
import { DEFAULT_CONTEXT, browsers as openBrowsers, checkTestFonts, forArticle, runAll, test } from './harness.mjs';
import { cardForNameInFrame, ready, wheelToEnd } from './page.mjs';
import { startServer } from './server.mjs';
import { startWordPress } from './wordpress-site.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(join(root, 'package.json'));
const ARTICLES = 'http://127.0.0.1:8080/';
const CAP = 1000; // wp-embed.js: heights are clamped to 200–1000 px

const started = Date.now();
checkTestFonts();
const scratch = mkdtempSync(join(tmpdir(), 'xa-wordpress-'));
let result = { passed: 0, failed: 0 };
let articles = null;
let wp = null;
const browsers = openBrowsers(require('playwright-core'));
try {
  // The site, built as a newsroom publishes it: absolute addresses.
  const site = join(scratch, 'site');
  const rig = process.env.XA_RIG ?? join(root, 'target', 'release', 'rig');
  execFileSync(rig, ['build', '--site-url', ARTICLES, '--content', join(root, 'content'), '--out', site, '--runtime-stage', join(root, 'target', 'runtime')], { stdio: ['ignore', 'ignore', 'inherit'] });
  // The longest article: taller than WordPress lets a frame be.
  const slugs = readdirSync(site).filter((d) => existsSync(join(site, d, 'article.json')));
  const slug = slugs.sort((a, b) => statSync(join(site, b, 'index.html')).size - statSync(join(site, a, 'index.html')).size)[0];
  const E = loadExpectations(join(root, 'content', slug));

  wp = await startWordPress(scratch);
  articles = await startServer(site, { port: 8080, ancestors: [wp.origin] }).catch((err) => {
    throw new Error(`cannot serve the articles on 127.0.0.1:8080 (${err.message}); WordPress fetches from no other port but 80 and 443`);
  });

  // The author pastes the address: what the block editor saves for it (an embed block around the
  // bare address on a line of its own), published through the REST API with the author's password.
  const rest = (path, body) =>
    fetch(`${wp.origin}/?rest_route=${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Basic ${Buffer.from(`${wp.author.user}:${wp.author.password}`).toString('base64')}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    }).then(async (r) => {
      const json = await r.json();
      if (!r.ok) throw new Error(`WordPress ${path}: ${r.status} ${JSON.stringify(json)}`);
      return json;
    });
  const me = await rest('/wp/v2/users/me&context=edit');
  const url = `${ARTICLES}${slug}/`;
  const embedBlock = (address) =>
    `<!-- wp:embed {"url":"${address}","type":"rich"} -->\n<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">\n${address}\n</div></figure>\n<!-- /wp:embed -->`;
  const post = await rest('/wp/v2/posts', { title: 'An explorable article, pasted', status: 'publish', content: embedBlock(url) });
  // And its graph view, the chart alone, in another post.
  const graphUrl = `${url}?view=graph`;
  const graphPost = await rest('/wp/v2/posts', { title: 'Its graph, pasted', status: 'publish', content: embedBlock(graphUrl) });

  forArticle({ slug, E });
  const frameOf = async (page) => {
    await page.goto(post.link);
    // wp-embed.js shows the frame (removes its clip) once the frame has spoken.
    await page.waitForFunction(() => {
      const f = document.querySelector('iframe.wp-embedded-content');
      return f && !f.hasAttribute('style') && Number(f.height) > 0;
    }, null, { timeout: 15_000 });
    const frame = page.frames().find((f) => f.url().startsWith(url));
    assert.ok(frame, `no frame of ${url} in the post`);
    await ready(frame);
    return frame;
  };
  // The document of an iframe element once it is at `address`: the element is in the page before
  // its frame has left about:blank.
  const loaded = async (element, address) => {
    const frame = await element.contentFrame();
    await frame.waitForURL((u) => u.href.startsWith(address), { timeout: 10_000 });
    return frame;
  };
  const frameBox = (page) =>
    page.evaluate(() => {
      const r = document.querySelector('iframe.wp-embedded-content').getBoundingClientRect();
      return { top: r.top, left: r.left, width: r.width, height: r.height };
    });

  test('wordpress: an author pastes the bare address, and the post shows the article, booted, at WordPress\'s 1000 px', async ({ page }) => {
    assert.equal(me.roles.join(), 'author');
    assert.ok(!me.capabilities.unfiltered_html, 'the author may not write unfiltered HTML');
    const frame = await frameOf(page);
    const shape = await page.evaluate(() => {
      const f = document.querySelector('iframe.wp-embedded-content');
      const quote = document.querySelector('blockquote.wp-embedded-content');
      return { sandbox: f.getAttribute('sandbox'), src: f.getAttribute('src'), secret: f.dataset.secret, title: f.title, height: Number(f.height), quote: quote && getComputedStyle(quote).display };
    });
    // WordPress kept our frame, sandboxed it with scripts only (an opaque origin), gave it a secret.
    assert.equal(shape.sandbox, 'allow-scripts');
    assert.equal(shape.src, `${url}#?secret=${shape.secret}`);
    assert.equal(shape.title, E.article.title);
    assert.equal(shape.quote, 'none', 'the quoted link is hidden once the frame has spoken');
    const inside = await frame.evaluate(() => ({ origin: origin, height: document.documentElement.scrollHeight, marked: document.querySelectorAll('.xa-mention[aria-haspopup]').length }));
    assert.equal(inside.origin, 'null');
    assert.equal(inside.marked, E.mentions.length, 'every mention is live in the frame');
    assert.ok(inside.height > CAP, `the article (${inside.height} px) is taller than WordPress allows`);
    assert.equal(shape.height, CAP, 'WordPress gives the frame its largest height');
    console.log(`# WordPress ${me.roles[0]}'s post: frame ${shape.height} px for ${inside.height} px of article, origin ${inside.origin}`);
  });

  test('wordpress: the capped frame scrolls inside under the wheel, to the end of the article', async ({ page }) => {
    const frame = await frameOf(page);
    const box = await frameBox(page);
    await page.mouse.move(box.left + box.width / 2, Math.min(box.top + box.height, DEFAULT_CONTEXT.viewport.height) - 40);
    // A reader's wheel, until the frame is at its end (its scrolling stops moving).
    await wheelToEnd(page, frame);
    const end = await frame.evaluate(() => {
      const last = document.querySelector('details.xa-table-wrap');
      const r = last.getBoundingClientRect();
      return { scrolled: scrollY, bottom: r.bottom, inner: innerHeight };
    });
    assert.ok(end.scrolled > 0, 'the frame scrolled');
    assert.ok(end.bottom <= end.inner + 1, `the relations table's summary is reachable (bottom ${end.bottom}, frame ${end.inner})`);
  });

  test('wordpress: a card opens within the part of the frame the reader sees, not below the screen', { viewport: { width: 1280, height: 600 } }, async ({ page }) => {
    const frame = await frameOf(page);
    // The host scrolled so that the frame starts at the top of the screen: its lower 400 px are
    // below the screen.
    await page.evaluate(() => scrollBy(0, document.querySelector('iframe.wp-embedded-content').getBoundingClientRect().top));
    const box = await frameBox(page);
    assert.ok(Math.abs(box.top) < 2 && box.height === CAP);
    // A name 150 px down the frame: a card below it fits in the frame, not on the screen.
    const onScreen = await cardForNameInFrame(page, frame, box, { from: 400, down: 150 });
    assert.ok(onScreen.top >= -1 && onScreen.bottom <= 600 + 1, `the card spans ${Math.round(onScreen.top)}–${Math.round(onScreen.bottom)} px of a 600 px screen`);
  });

  // Last: it changes the WordPress the tests above read.
  test('wordpress: with the site\'s plugin, the pasted address shows the whole article, sized exactly', async ({ page }) => {
    const plugin = join(site, 'wordpress', 'explorable-articles.php');
    execFileSync('php', ['-l', plugin], { stdio: 'ignore' });
    wp.activate(plugin);
    await page.goto(post.link);
    const frame = await page.waitForSelector('iframe[src^="' + url + '"]');
    assert.equal(await frame.getAttribute('sandbox'), null, 'embed.js frames the site\'s own page, unsandboxed');
    const content = await loaded(frame, url);
    await ready(content);
    const height = await content.evaluate(() => document.documentElement.getBoundingClientRect().height);
    await page.waitForFunction((h) => Math.abs(document.querySelector('iframe[src^="http://127.0.0.1:8080/"]').getBoundingClientRect().height - h) <= 2, height, { timeout: 10_000 });
    assert.ok(height > CAP, `the article (${height} px) is taller than WordPress's cap`);
    const host = await page.evaluate(() => ({ wpFrames: document.querySelectorAll('iframe.wp-embedded-content').length, link: document.querySelector('[data-xa-src] a')?.href }));
    assert.equal(host.wpFrames, 0, 'no sandboxed WordPress frame beside it');
    console.log(`# WordPress with the plugin: frame ${Math.round(height)} px for ${Math.round(height)} px of article`);

    // The graph view's address, pasted: the chart alone, sized exactly.
    await page.goto(graphPost.link);
    const chart = await loaded(await page.waitForSelector('iframe[src^="' + graphUrl + '"]'), graphUrl);
    await ready(chart);
    const chartHeight = await chart.evaluate(() => document.documentElement.getBoundingClientRect().height);
    await page.waitForFunction((h) => Math.abs(document.querySelector('iframe[src*="view=graph"]').getBoundingClientRect().height - h) <= 2, chartHeight, { timeout: 10_000 });
    assert.ok(chartHeight < CAP, `the graph view (${chartHeight} px) fits where WordPress would cap it`);
    console.log(`# WordPress with the plugin, graph view: frame ${Math.round(chartHeight)} px`);
  });

  const first = await browsers.for(DEFAULT_CONTEXT);
  console.log(`# chromium ${first.version()}, WordPress at ${wp.origin}, articles at ${articles.origin}`);
  result = await runAll(browsers, articles, { hosts: [wp.host] });
} catch (err) {
  console.log(`not ok - wordpress: harness\n  ${String(err?.stack ?? err).replace(/\n/g, '\n  ')}`);
  result.failed += 1;
} finally {
  await browsers.close();
  await articles?.close();
  await wp?.close();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`# wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 ? 1 : 0);
