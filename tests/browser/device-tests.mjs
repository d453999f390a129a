// Devices: emulated phones and a tablet (touch), the screenshot set, and print. Names start with
// "device".

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from './harness.mjs';
import { load, scrollToMiddle, settle, waitCard, waitCardStill, waitNoCard } from './page.mjs';

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
      await page.touchscreen.tap(m.x, m.y);
      await waitCard(page);
      await waitCardStill(page);
      const got = await page.evaluate(() => {
        const card = document.getElementById('xa-card').getBoundingClientRect();
        const close = document.querySelector('#xa-card .xa-card-close').getBoundingClientRect();
        return { card: card.toJSON(), close: close.toJSON(), vw: document.documentElement.clientWidth, vh: innerHeight, scrollWidth: document.documentElement.scrollWidth };
      });
      const { card, close, vw, vh } = got;
      assert.ok(card.left >= 0 && card.right <= vw && card.top >= 0 && card.bottom <= vh, `the card ${JSON.stringify(card)} is inside the ${vw}×${vh} screen`);
      assert.ok(card.width <= vw - 8, `the card (${card.width} px) leaves a margin on a ${vw} px screen`);
      assert.ok(close.width >= 44 && close.height >= 44, `the close button is ${close.width}×${close.height} px`);
      assert.ok(close.left >= 0 && close.right <= vw && close.top >= 0, 'the close button is on screen');
      assert.equal(got.scrollWidth, vw, 'no horizontal scroll with the card open');
      await page.touchscreen.tap(close.left + close.width / 2, close.top + close.height / 2);
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
      await page.screenshot({ path: join(outDir, `device-${width}.png`) });
    });
  }

  test('device print: the article and the whole relations table, no cards or controls', { viewport: { width: 1280, height: 900 } }, async ({ page, origin, E }) => {
    await load(page, origin);
    // A card open and the table closed when the reader prints.
    await page.evaluate(() => document.querySelector('article a.xa-mention').focus());
    await waitCard(page);
    await page.emulateMedia({ media: 'print' });
    const got = await page.evaluate(() => {
      const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      return {
        paras: [...document.querySelectorAll('article p.xa-para')].filter(shown).length,
        rows: [...document.querySelectorAll('table.xa-table tbody tr')].filter(shown).length,
        tableOpen: document.querySelector('details.xa-table-wrap').open,
        hidden: ['#xa-card', '.xa-toolbar', '.xa-legend', 'svg.xa-graph-wide', 'svg.xa-graph-compact', '.xa-graph-caption'].filter((s) => shown(document.querySelector(s))),
        bg: getComputedStyle(document.documentElement).backgroundColor,
        text: getComputedStyle(document.body).color,
      };
    });
    assert.equal(got.paras, E.article.paragraphs.length, 'every paragraph prints');
    assert.equal(got.tableOpen, false, 'precondition: the table was closed');
    assert.equal(got.rows, E.relations.length, 'every relation row prints');
    assert.deepEqual(got.hidden, [], 'cards and controls do not print');
    assert.equal(got.text, 'rgb(28, 27, 25)', 'dark text');
    await page.pdf({ path: join(outDir, 'print.pdf'), format: 'A4' });
  });

  test('device print in a dark browser: light colours on paper', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }, async ({ page, origin }) => {
    await load(page, origin);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(28, 27, 25)');
  });
}
