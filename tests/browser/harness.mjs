// A tiny test harness: named tests, each in a fresh browser context, each also checked for console
// errors, page errors and requests to any host but the test server. Prints `ok - name` /
// `not ok - name` and, at the end, exactly one `N passed, M failed` line.

import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IN_PAGE } from './ids.mjs';

const TEST_TIMEOUT_MS = 30_000;

/**
 * The fonts every browser here sees: only those tests/fonts/fonts.conf lists (installed by
 * scripts/setup.sh), whatever else the machine has, so every machine lays the page out alike. Set
 * for this process, and so for every browser it starts (Lighthouse's included).
 */
export const FONTCONFIG_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fonts', 'fonts.conf');
process.env.FONTCONFIG_FILE = FONTCONFIG_FILE;

/** The family fontconfig gives for each generic family the page falls back to, as the tests expect. */
export const TEST_FONTS = { serif: 'Charis SIL', 'sans-serif': 'DejaVu Sans' };

/** Throws, saying what to install, unless the fonts the tests are written against are there. */
export function checkTestFonts() {
  const wrong = Object.entries(TEST_FONTS).flatMap(([generic, family]) => {
    let got;
    try {
      // A fontconfig pattern: the hyphen in "sans-serif" must be escaped.
      got = execFileSync('fc-match', ['-f', '%{family[0]}', generic.replace('-', '\\-')], { encoding: 'utf8' }).trim();
    } catch (err) {
      got = `fc-match failed: ${err.message.split('\n')[0]}`;
    }
    return got === family ? [] : [`${generic}: expected ${family}, got ${got}`];
  });
  if (wrong.length) {
    throw new Error(`the test fonts are not installed (${wrong.join('; ')}); run scripts/setup.sh, which installs fonts-sil-charis and fonts-dejavu-core (tests/fonts/fonts.conf)`);
  }
}

const tests = [];

/** The article the tests registered now are about: `{ slug, E }` (see `forArticle`). */
let current = null;

/** Registers the tests that follow for an article of the site (its slug, and the expectations
 * read from its content folder; `server`, when it is served by another server than the site's);
 * their names start with `[slug]`. */
export function forArticle(article) {
  current = article;
}

/** Registers a test. `options` are browser context options (viewport, colorScheme, hasTouch…). */
export function test(name, options, fn) {
  if (typeof options === 'function') [options, fn] = [{}, options];
  tests.push({ name: current ? `[${current.slug}] ${name}` : name, options, fn, article: current });
}

/** Keeps only the tests whose name contains `text` (for debugging one test). */
export function filterTests(text) {
  const keep = tests.filter((t) => t.name.includes(text));
  tests.splice(0, tests.length, ...keep);
}

/** Flags for Debian's Chromium, headless, as root, on a closed network (without the
 * background-networking ones it floods the network with refused connections). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, headless (CHROMIUM overrides its path). */
export function launchChromium(playwright) {
  return playwright.chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The browser under test: XA_BROWSER=chromium (the default; CHROMIUM overrides its path) or
 * XA_BROWSER=firefox (Debian's firefox-esr over its built-in WebDriver BiDi; FIREFOX overrides its
 * path). */
export const BROWSER = process.env.XA_BROWSER ?? 'chromium';
if (!['chromium', 'firefox'].includes(BROWSER)) throw new Error(`XA_BROWSER=${BROWSER}: expected chromium or firefox`);
export const FIREFOX = BROWSER === 'firefox';

/** Firefox's counterparts of CHROMIUM_ARGS: nothing phones home on a closed network. And frames
 * in the page's process: input sent over WebDriver BiDi to a cross-origin frame in a process of its
 * own reaches the `<iframe>` element of the host page, not the frame's document (a reader's real
 * clicks do reach it). The frame's origin, and so every cross-origin rule, stays the same. */
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'fission.autostart': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.telemetry.enabled': false,
};

/**
 * Browsers for the tests' context options. Chromium emulates every option per context, so one
 * browser serves all. Over WebDriver BiDi, Firefox ESR has no command for a colour scheme or for
 * turning JavaScript off, and the driver ignores those options; the same settings exist as
 * preferences, which hold for a whole browser. So Firefox gets one browser per combination the
 * tests ask for (a dark one, one without JavaScript), launched when first needed.
 */
export function browsers(playwright) {
  const open = new Map();
  const launch = (key, prefs) => {
    if (!open.has(key)) {
      open.set(
        key,
        FIREFOX
          ? playwright.firefox.launch({
              channel: 'moz-firefox',
              executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
              firefoxUserPrefs: { ...FIREFOX_PREFS, ...prefs },
            })
          : launchChromium(playwright),
      );
    }
    return open.get(key);
  };
  return {
    /** The browser for a test's context options. */
    for(options) {
      if (!FIREFOX) return launch('chromium', {});
      const prefs = {};
      // 0 dark, 1 light: what `prefers-color-scheme` reports to pages.
      if (options.colorScheme) prefs['layout.css.prefers-color-scheme.content-override'] = options.colorScheme === 'dark' ? 0 : 1;
      if (options.javaScriptEnabled === false) prefs['javascript.enabled'] = false;
      return launch(JSON.stringify(prefs), prefs);
    },
    async close() {
      for (const b of open.values()) await (await b.catch(() => null))?.close().catch(() => {});
    },
  };
}

export const DEFAULT_CONTEXT = { viewport: { width: 1280, height: 800 }, colorScheme: 'light' };

// Installed in every page before its scripts run: a log of what the reader did and what the card
// did, with timestamps, so timing can be measured inside the page rather than across the wire.
function recorder() {
  const log = [];
  window.__xa = { log };
  const now = () => performance.now();
  let card = null;
  const check = () => {
    const el = document.getElementById(xaIds.card);
    const name = el ? (document.getElementById(xaIds.cardName)?.textContent ?? '') : null;
    if (name !== card) {
      card = name;
      log.push(name === null ? { type: 'nocard', t: now() } : { type: 'card', name, t: now() });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  const mentionOf = (node) => (node instanceof Element ? node.closest('.xa-mention') : null);
  const inCard = (node) => node instanceof Element && !!node.closest('#' + xaIds.card);
  addEventListener(
    'pointerover',
    (e) => {
      const m = mentionOf(e.target);
      if (m && !m.contains(e.relatedTarget)) log.push({ type: 'over', m: m.id, t: now(), pointer: e.pointerType });
    },
    true,
  );
  addEventListener(
    'pointerout',
    (e) => {
      const m = mentionOf(e.target);
      if (m && !m.contains(e.relatedTarget)) log.push({ type: 'out', m: m.id, t: now() });
      if (inCard(e.target) && !inCard(e.relatedTarget)) log.push({ type: 'leavecard', t: now() });
      if (!inCard(e.target) && inCard(e.relatedTarget)) log.push({ type: 'entercard', t: now() });
    },
    true,
  );
  addEventListener('focusin', (e) => log.push({ type: 'focus', id: e.target.id, t: now() }), true);
}

/** Runs every registered test, each in a context of `browsers.for(its options)`; returns
 * { passed, failed }. */
export async function runAll(browsers, server, shared) {
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    // `allowed`: errors a test expects and opts into with `allowErrors` (see below); nothing else.
    const problems = { console: [], page: [], foreign: [], allowed: [] };
    const options = { ...DEFAULT_CONTEXT, ...t.options };
    const context = await (await browsers.for(options)).newContext(options);
    context.on('request', (req) => {
      const url = new URL(req.url());
      if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
      if (url.host !== server.host && !(shared.hosts ?? []).includes(url.host)) problems.foreign.push(req.url());
    });
    context.on('page', (p) => watch(p, problems));
    await context.addInitScript(IN_PAGE);
    await context.addInitScript(recorder);
    const started = Date.now();
    let error = null;
    try {
      const page = await context.newPage();
      // A test that provokes a failure on purpose (a blocked download) names the errors it expects:
      // each pattern must match at least one console or page error, and only those are forgiven.
      const allowErrors = (...patterns) =>
        problems.allowed.push(...patterns.map((pattern) => ({ pattern, seen: 0 })));
      // `origin` is the article's own address (its page is `${origin}/`); `site` the site's root.
      // An article of another site (the made-up ones, synthetic.mjs) names that site's server.
      const base = t.article?.server?.origin ?? server.origin;
      const article = t.article ? { origin: `${base}/${t.article.slug}`, E: t.article.E, slug: t.article.slug } : { origin: server.origin };
      await withTimeout(
        t.fn({ page, context, site: server.origin, allowErrors, ...shared, ...article }),
        TEST_TIMEOUT_MS,
        `test timed out after ${TEST_TIMEOUT_MS} ms`,
      );
      const extra = [];
      const unseen = problems.allowed.filter((a) => a.seen === 0).map((a) => String(a.pattern));
      if (unseen.length) extra.push(`expected errors that never came:\n    ${unseen.join('\n    ')}`);
      if (problems.console.length) extra.push(`console errors:\n    ${problems.console.join('\n    ')}`);
      if (problems.page.length) extra.push(`page errors:\n    ${problems.page.join('\n    ')}`);
      if (problems.foreign.length) extra.push(`requests to other hosts:\n    ${problems.foreign.join('\n    ')}`);
      if (extra.length) error = new Error(extra.join('\n  '));
    } catch (err) {
      error = err;
      const more = [...problems.console, ...problems.page];
      if (more.length) error.message += `\n  (also console/page errors: ${more.join(' | ')})`;
    } finally {
      await context.close().catch(() => {});
    }
    const ms = Date.now() - started;
    if (error) {
      failed++;
      console.log(`not ok - ${t.name} (${ms} ms)`);
      console.log(indent(error.stack && !error.stack.includes(error.message) ? `${error.message}\n${error.stack}` : error.stack || String(error)));
    } else {
      passed++;
      console.log(`ok - ${t.name} (${ms} ms)`);
    }
  }
  return { passed, failed };
}

function watch(page, problems) {
  /** True when a test opted into this error (see `allowErrors` in runAll). */
  const allowed = (text) => {
    const hit = problems.allowed.find((a) => a.pattern.test(text));
    if (hit) hit.seen++;
    return !!hit;
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      const text = `${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`;
      if (!allowed(text)) problems.console.push(text);
    }
  });
  page.on('pageerror', (err) => {
    const text = err.stack || String(err);
    if (!allowed(text)) problems.page.push(text);
  });
}

function indent(text) {
  return String(text)
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
