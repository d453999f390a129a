// Every word of the interface is data (content/locales/): none is written in Rust, JavaScript or
// the page's template, and an article in another language shows no English.
//
// - A pseudo-locale: a copy of an English article, built in a site of its own whose en.toml has
//   every word wrapped in ⟦ ⟧ (pseudoLocale, below). Whatever the page shows or says (text, the
//   names and labels a screen reader reads, with JavaScript on, a card open and a node selected,
//   or off) is then either wrapped, or the article's own content, or punctuation and numbers:
//   anything else is a word some code wrote.
// - The Spanish article: no phrase of the English locale appears in what it shows or says.
// Names start with "words".

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX, test } from './harness.mjs';
import { ready, settle, waitCard } from './page.mjs';

/** en.toml with every value but the language wrapped in ⟦ ⟧ (keys and placeholders stay); not
 * `[names]`, which the page never shows (the build's check of unmarked names reads it). */
export function pseudoLocale(toml) {
  let shown = true;
  return toml
    .split('\n')
    .map((line) => {
      if (/^\s*\[/.test(line)) shown = !/^\s*\[names\]/.test(line);
      if (!shown || /^\s*#/.test(line) || /^\s*language\s*=/.test(line)) return line;
      return line.replace(/(=\s*)"((?:[^"\\]|\\.)*)"/g, (_, eq, s) => `${eq}"⟦${s}⟧"`);
    })
    .join('\n');
}

/** The pieces of `text` between its wrapped words, which are removed innermost first (a filled
 * template may hold another word). */
function unwrapped(text) {
  let out = text;
  for (let before = null; before !== out; ) {
    before = out;
    out = out.replace(/⟦[^⟦⟧]*⟧/g, '\u0000');
  }
  // (Quote marks and other punctuation at a piece's ends are the page's: `<q>` adds its own.)
  return out.split('\u0000').map((p) => p.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, ''));
}

/** What the page shows and says: its text, piece by piece, and the attributes a reader hears or
 * sees (and, in Chromium, every name and description of the accessibility tree). */
async function everythingSaid(page) {
  const said = await page.evaluate(() => {
    const out = [document.title];
    // (A textarea holds the snippet's code for an editor to copy, not words. No filter callback:
    // with JavaScript off the page cannot call one.)
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) if (!n.parentElement?.closest('script, style, template, textarea')) out.push(n.data);
    for (const el of document.querySelectorAll('[aria-label], [aria-roledescription], [aria-valuetext], [title], [alt], [placeholder]'))
      for (const a of ['aria-label', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder']) if (el.hasAttribute(a)) out.push(el.getAttribute(a));
    return out;
  });
  if (!FIREFOX) {
    // The snippets' code is not words, in the tree either.
    const code = new Set(await page.evaluate(() => [...document.querySelectorAll('textarea')].map((t) => t.value.trim())));
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    // Not the boxes of each line of a text (InlineTextBox), which cut it where it wraps.
    for (const n of nodes.filter((n) => n.role?.value !== 'InlineTextBox'))
      for (const v of [n.name?.value, n.description?.value]) if (typeof v === 'string' && !code.has(v.trim())) said.push(v);
    await cdp.detach();
  }
  return said.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Opens a mention's card, then a node's, so their words are said too. */
async function openCards(page, E) {
  const m = await page.$('article a.xa-mention');
  await m.scrollIntoViewIfNeeded();
  await m.focus();
  await waitCard(page);
  const svg = 'svg.xa-graph-wide, svg.xa-graph-compact';
  const node = await page.$(`${svg} .xa-node`);
  if (node && E.relations.length) {
    await node.scrollIntoViewIfNeeded();
    await node.focus();
    await page.keyboard.press('Enter');
    await waitCard(page);
  }
  await settle(page);
}

/** The pseudo-locale's article: nothing but wrapped words and content. */
export function definePseudoTests({ E, contentDir }) {
  // The article's own words, as written in its files (names, roles, descriptions, labels, quotes).
  const content = ['article.txt', 'actors.toml', 'relations.toml', 'mentions.toml', 'article.toml']
    .map((f) => {
      try {
        return readFileSync(join(contentDir, f), 'utf8');
      } catch {
        return '';
      }
    })
    .join('\n')
    .replace(/\s+/g, ' ');
  const check = (said, where) => {
    // Each piece between wrapped words is punctuation and numbers, or content as written.
    const leaks = [...new Set(said)].filter((s) => unwrapped(s).some((piece) => /\p{L}/u.test(piece) && !content.includes(piece)));
    assert.deepEqual(leaks, [], `${where}: words that are neither the locale's nor the article's (written in code?)`);
    assert.ok(said.some((s) => s.includes('⟦')), `${where}: the pseudo-locale's words are shown`);
  };

  test('words: with JavaScript, a card open and a node selected, every word shown or spoken is the locale\'s or the article\'s', { viewport: { width: 1280, height: 800 } }, async ({ page, origin }) => {
    await page.goto(`${origin}/`);
    await ready(page);
    await openCards(page, E);
    check(await everythingSaid(page), 'with JavaScript');
  });

  test('words: on a phone, and in the graph view, every word is the locale\'s or the article\'s', { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true }, async ({ page, origin }) => {
    await page.goto(`${origin}/`);
    await ready(page);
    check(await everythingSaid(page), 'on a phone');
    await page.goto(`${origin}/?view=graph`);
    await ready(page);
    check(await everythingSaid(page), 'the graph view');
  });

  test('words: with JavaScript off, every word is the locale\'s or the article\'s', { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false }, async ({ page, origin }) => {
    // (Shown or not: the text of the closed table is read too.)
    await page.goto(`${origin}/`);
    check(await everythingSaid(page), 'without JavaScript');
    // The site's index and the example publisher's page are the locale's words too.
    await page.goto(`${origin.slice(0, origin.lastIndexOf('/'))}/`);
    check(await everythingSaid(page), 'the index');
    await page.goto(`${origin}/embed-example.html`);
    check(await everythingSaid(page), 'the embedding example');
  });
}

/** An article in another language: no phrase of the English interface in it. `english` is the
 * English words (`rig words` of an English article). */
export function defineLeakTests({ E, english, language }) {
  // Every phrase of two words or more of the English locale, cut at its placeholders.
  const strings = [];
  const collect = (v) => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(english.app);
  collect(english.page);
  const phrases = [...new Set(strings.flatMap((s) => s.split(/\{\w+\}/)).map((p) => p.trim()))].filter((p) => /\p{L}+\s+\p{L}+/u.test(p));
  const check = (said, where) => {
    const found = phrases.filter((p) => said.some((s) => s.includes(p)));
    assert.deepEqual(found, [], `${where}: English in a page in ${language}`);
  };

  test('words: the interface speaks the article\'s language: no English phrase shown or spoken, a card open', { viewport: { width: 1280, height: 800 } }, async ({ page, origin }) => {
    assert.ok(phrases.length > 40, `the English phrases to look for: ${phrases.length}`);
    await page.goto(`${origin}/`);
    await ready(page);
    await openCards(page, E);
    check(await everythingSaid(page), 'with JavaScript');
    await page.goto(`${origin}/?view=graph`);
    await ready(page);
    check(await everythingSaid(page), 'the graph view');
  });

  test('words: with JavaScript off, no English phrase', { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false }, async ({ page, origin }) => {
    await page.goto(`${origin}/`);
    check(await everythingSaid(page), 'without JavaScript');
    await page.goto(`${origin}/embed-example.html`);
    check(await everythingSaid(page), 'the embedding example');
  });
}
