// Devices: emulated phones and a tablet (touch), the screenshot set, and print. Names start with
// "device".

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { FIREFOX, test } from './harness.mjs';
import { load, printPdf, screenshot, scrollToMiddle, settle, tap, waitCard, waitCardStill, waitNoCard } from './page.mjs';

const TOUCH = { hasTouch: true, isMobile: true };
const DEVICES = [
  ['phone 320×568', { viewport: { width: 320, height: 568 }, ...TOUCH }],
  ['phone 375×812', { viewport: { width: 375, height: 812 }, ...TOUCH }],
  ['tablet 768×1024', { viewport: { width: 768, height: 1024 }, ...TOUCH }],
];

/** The first mention of paragraph `n` (0-based) that is on one line, scrolled to the middle. */
async function mentionOnScreen(page, n) {
  const id = await page.evaluate((n) => {
    const p = document.querySelectorAll('article p.xa-para')[n];
    return [...p.querySelectorAll('a.xa-mention')].find((a) => a.getClientRects().length === 1)?.id ?? null;
  }, n);
  assert.ok(id, `a one-line mention in paragraph ${n + 1}`);
  await scrollToMiddle(page, id);
  const r = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().toJSON(), id);
  return { id, x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

export function defineDeviceTests({ outDir }) {
  for (const [label, options] of DEVICES) {
    test(`device ${label}: a tap opens a card that fits the screen, with a 44 px close button that closes it`, options, async ({ page, origin }) => {
      await load(page, origin);
      const m = await mentionOnScreen(page, 2);
      await tap(page, m.x, m.y);
      await waitCard(page);
      await waitCardStill(page);
      const got = await page.evaluate(() => {
        const card = document.getElementById(xaIds.card).getBoundingClientRect();
        const close = document.querySelector(`#${xaIds.card} .xa-card-close`).getBoundingClientRect();
        return { card: card.toJSON(), close: close.toJSON(), vw: document.documentElement.clientWidth, vh: innerHeight, scrollWidth: document.documentElement.scrollWidth };
      });
      const { card, close, vw, vh } = got;
      assert.ok(card.left >= 0 && card.right <= vw && card.top >= 0 && card.bottom <= vh, `the card ${JSON.stringify(card)} is inside the ${vw}×${vh} screen`);
      assert.ok(card.width <= vw - 8, `the card (${card.width} px) leaves a margin on a ${vw} px screen`);
      assert.ok(close.width >= 44 && close.height >= 44, `the close button is ${close.width}×${close.height} px`);
      assert.ok(close.left >= 0 && close.right <= vw && close.top >= 0, 'the close button is on screen');
      assert.equal(got.scrollWidth, vw, 'no horizontal scroll with the card open');
      await tap(page, close.left + close.width / 2, close.top + close.height / 2);
      await waitNoCard(page, 1000);
    });
  }

  // Screenshots to look at: the top of the page with a card open, at every width we design for.
  for (const width of [320, 375, 768, 1280, 2560]) {
    const height = width >= 1280 ? 900 : width === 768 ? 1024 : 740;
    test(`device screenshot at ${width} px: a card open, nothing overflows`, { viewport: { width, height } }, async ({ page, origin }) => {
      await load(page, origin);
      const m = await mentionOnScreen(page, 1);
      await page.evaluate((id) => document.getElementById(id).focus(), m.id);
      await waitCard(page);
      await waitCardStill(page);
      await settle(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'no horizontal scroll');
      await screenshot(page, join(outDir, `device-${width}.png`));
    });
  }

  test('device print: the article and the whole relations table, no cards or controls', { viewport: { width: 1280, height: 900 } }, async ({ page, origin, E }) => {
    await load(page, origin);
    // A card open and the table closed when the reader prints.
    await page.evaluate(() => document.querySelector('article a.xa-mention').focus());
    await waitCard(page);
    // Text that must not print: every piece of text in the open card, the controls, the legend and
    // the graph's caption that the printed parts (headline, article, table) do not also hold.
    const { screenOnly, printable } = await page.evaluate(() => {
      const pieces = [];
      for (const sel of ['#' + xaIds.card, '.xa-toolbar', '.xa-legend', '.xa-graph-caption', 'details.xa-table-wrap > summary']) {
        const walker = document.createTreeWalker(document.querySelector(sel), NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) pieces.push(n.textContent);
      }
      const printable = ['article', 'table.xa-table'].map((sel) => document.querySelector(sel).textContent).join(' ');
      return { screenOnly: pieces, printable };
    });
    // Over WebDriver BiDi, Firefox ESR cannot emulate print media, so the computed styles are
    // checked in Chromium; the PDF below is printed for real in both.
    if (!FIREFOX) {
      await page.emulateMedia({ media: 'print' });
      const got = await page.evaluate(() => {
        const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        return {
          paras: [...document.querySelectorAll('article p.xa-para')].filter(shown).length,
          rows: [...document.querySelectorAll('table.xa-table tbody tr')].filter(shown).length,
          tableOpen: document.querySelector('details.xa-table-wrap').open,
          hidden: ['#' + xaIds.card, '.xa-toolbar', '.xa-legend', 'svg.xa-graph-wide', 'svg.xa-graph-compact', '.xa-graph-caption'].filter((s) => shown(document.querySelector(s))),
          text: getComputedStyle(document.body).color,
        };
      });
      assert.equal(got.paras, E.article.paragraphs.length, 'every paragraph prints');
      assert.equal(got.tableOpen, false, 'precondition: the table was closed');
      assert.equal(got.rows, E.relations.length, 'every relation row prints');
      assert.deepEqual(got.hidden, [], 'cards and controls do not print');
      assert.equal(got.text, 'rgb(28, 27, 25)', 'dark text');
    }
    const pdf = join(outDir, 'print.pdf');
    await printPdf(page, pdf);
    const printed = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    const missing = [E.article.title, ...E.article.paragraphs].filter((p) => !printed.includes(flat(p)));
    assert.deepEqual(missing.map((p) => p.slice(0, 60)), [], 'every paragraph is in the printed PDF');
    const quotes = E.relations.filter((r) => !printed.includes(flat(r.quote)));
    assert.deepEqual(quotes.map((r) => r.id), [], 'every relation\'s quote is in the printed PDF (the closed table prints)');
    const own = screenOnly.map(flat).filter((t) => t.length >= 8 && !flat(printable).includes(t));
    assert.ok(own.length >= 5, `precondition: text only the card and the controls show: ${JSON.stringify(own)}`);
    const leaked = own.filter((t) => printed.includes(t));
    assert.deepEqual(leaked, [], 'the card, the controls, the legend and the caption are not in the printed PDF');
  });

  test('device print in a dark browser: light colours on paper', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }, async ({ page, origin }) => {
    await load(page, origin);
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true, 'precondition: a dark browser');
    if (!FIREFOX) {
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(28, 27, 25)');
    }
    // The first printed page, with backgrounds printed, rendered in grey: white paper, and text
    // dark enough to read. (Firefox prints in its light scheme whatever the reader's setting, so
    // there this holds even without the stylesheet's rule, which Chromium checks above.)
    const pdf = join(outDir, 'print-dark.pdf');
    await printPdf(page, pdf, { background: true });
    const { histogram } = greyPage(execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', pdf]));
    const total = histogram.reduce((a, b) => a + b, 0);
    const paper = histogram.indexOf(Math.max(...histogram));
    const dark = histogram.slice(0, 100).reduce((a, b) => a + b, 0);
    assert.ok(paper >= 245, `the paper is white: its commonest grey is ${paper}`);
    assert.ok(dark > total / 200, `dark text: ${dark} of ${total} pixels are darker than grey 100`);
  });
}

/** Text as a PDF gives it back, comparably, wherever its lines and pages broke: ligatures (ﬁ, ﬀ)
 * undone, white space dropped (a line may break after a dash, where the text has no space) and
 * hyphens dropped (pdftotext joins a word broken at a hyphen at a line's end without it:
 * "half-" + "century" reads back "halfcentury"). A missing word still shows. */
function flat(text) {
  return text.normalize('NFKC').replace(/[\s\-\u2010\u2011]+/g, '');
}

/** The histogram (256 greys) of a binary PGM image, as pdftoppm -gray writes it. */
function greyPage(pgm) {
  const header = pgm.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+255\s/);
  assert.ok(header, 'a PGM image');
  const [, w, h] = header.map(Number);
  const pixels = pgm.subarray(header[0].length, header[0].length + w * h);
  const histogram = new Array(256).fill(0);
  for (const v of pixels) histogram[v]++;
  return { histogram };
}
