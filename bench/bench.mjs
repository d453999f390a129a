// The benchmark: what the release build in dist/ costs a reader, next to a floor page (the same
// article as plain HTML, no script), and whether it stays within its budgets.
//
//   bench/run.sh                  builds, then runs this (the one command)
//   node bench/bench.mjs          measures the current dist/ without rebuilding
//   node bench/bench.mjs --check  only links this script and its modules, then exits (a test step:
//                                 the benchmark shares the browser tests' modules)
//
// Serves dist/ and /floor.html from a CDN-like server on 127.0.0.1 (bench/server.mjs: HTTP/2 over
// TLS, brotli), then:
//   1. first-load transfer: every request of a fresh load of each page, body bytes as sent (brotli);
//   2. Lighthouse 12 (default config: mobile emulation, simulated throttling), median of 5 per page
//      (Lighthouse's own advice: single runs vary);
//   3. boot: navigation start → the app's `xa-interactive` mark, median of 10 fresh loads;
//   4. hover card: pointer rests on a mention → card painted, minus the 180 ms intent delay,
//      median of 100 (real mouse input, measured inside the page);
//   5. JS heap before and after 1,000 card open/close cycles (keyboard path: focus opens, Esc or
//      focus elsewhere closes; every cycle checked);
//   6. long articles: the measured article made 1, 5 and 20 times as long (bench/long.mjs), once
//      with its relations multiplied too (the graph's limit) and once with the first copy's only
//      (the text's growth): build time, page bytes, LCP against each one's floor, card latency.
// Prints one markdown table (also written to bench/output/latest.md, with the raw numbers in
// latest.json, the floor page in floor.html, the Lighthouse reports in bench/output/lighthouse/),
// then the budget verdicts.
// Exit status: 0 all budgets met, 1 a budget exceeded, 2 the measurement itself failed.
//
// Environment: CHROMIUM (default /usr/bin/chromium), BENCH_LH_RUNS (default 5),
// BENCH_HOVER_SAMPLES (default 100), BENCH_HEAP_CYCLES (default 1000), BENCH_BOOT_LOADS (default 10).

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { floorPage, startServer, stylesheetOf } from './server.mjs';
import { DESKTOP, median } from './common.mjs';
import { writeLongArticle } from './long.mjs';
import { CHROMIUM_ARGS, checkTestFonts } from '../tests/browser/harness.mjs';
import { cardCycles, wasmMemoryProbe } from '../tests/browser/page.mjs';
import { IN_PAGE } from '../tests/browser/ids.mjs';

// Every static import above is linked before this line runs: reaching it is the check.
if (process.argv.includes('--check')) process.exit(0);

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const dist = join(root, 'dist');
const outDir = join(here, 'output');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const num = (name, dflt) => {
  const v = Number(process.env[name] ?? dflt);
  return Number.isFinite(v) && v > 0 ? Math.round(v) : dflt;
};
const LH_RUNS = num('BENCH_LH_RUNS', 5);
const HOVER_SAMPLES = num('BENCH_HOVER_SAMPLES', 100);
const HEAP_CYCLES = num('BENCH_HEAP_CYCLES', 1000);
const BOOT_LOADS = num('BENCH_BOOT_LOADS', 10);
const HOVER_MENTIONS = 20;
const LONG_TIMES = [1, 5, 20];
const LONG_LH_RUNS = num('BENCH_LONG_LH_RUNS', 3);
const LONG_HOVER_SAMPLES = 20;

// The intent delay, read from the model so the subtraction follows the app.
const INTENT_MS = Number(
  readFileSync(join(root, 'model/src/interaction.rs'), 'utf8').match(/pub const INTENT_MS: u32 = (\d+);/)?.[1],
);

const BUDGET = {
  totalBytes: 80 * 1024, // first load, brotli, all requests
  secondBytes: 12_000, // a second article, runtime cached: its page
  scaleSeconds: 60, // 50 articles' pages, the runtime prebuilt
  lcpRatio: 1.15, // app LCP ÷ floor LCP, Lighthouse mobile
  lighthouse: 100, // every category
  cardMs: 16, // median hover latency beyond the intent delay
  heapBytes: 1_000_000, // JS heap growth over the cycles (1 MB)
};

// Lighthouse launches Chromium itself, in new headless mode.
// The server speaks HTTP/2 over TLS, like a CDN, with a throwaway certificate Chromium is told to accept.
const LIGHTHOUSE_FLAGS = ['--headless=new', '--ignore-certificate-errors', ...CHROMIUM_ARGS];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const started = Date.now();
const log = (msg) => process.stderr.write(`# ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s  ${msg}\n`);
const quantile = (xs, q) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const fmtInt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const fmtBytes = (n) => (Number.isFinite(n) ? `${fmtInt(n)} B` : 'n/a');
const fmtKiB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const fmtMs = (n, digits = 0) => (Number.isFinite(n) ? `${n.toFixed(digits)} ms` : 'n/a');
const fmtSec = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
const fmtMB = (n) => (Number.isFinite(n) ? `${(n / 1e6).toFixed(2)} MB` : 'n/a');
const fmtSigned = (n) => (Number.isFinite(n) ? `${n >= 0 ? '+' : '−'}${fmtInt(Math.abs(n))} B` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const fmtRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');
const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

// ── what is being measured ──────────────────────────────────────────────────────────────────────

if (!Number.isFinite(INTENT_MS)) fail('could not read INTENT_MS from model/src/interaction.rs');
/** Every file under `dir`, as site paths (`/milei-cold-war/index.html`). */
const siteFiles = (dir, prefix = '') =>
  readdirSync(join(dir, prefix)).flatMap((f) => {
    if (f.startsWith('.')) return [];
    const rel = prefix ? `${prefix}/${f}` : f;
    return statSync(join(dir, rel)).isDirectory() ? siteFiles(dir, rel) : [`/${rel}`];
  });
let distFiles;
try {
  distFiles = siteFiles(dist);
} catch {
  fail(`${dist} is missing; build first (bench/run.sh does): scripts/build.sh`);
}
// The site's articles; the measured one is the biggest (the most to download and to lay out), the
// second visit goes from it to the smallest and back.
const articles = readdirSync(dist)
  .filter((d) => distFiles.includes(`/${d}/article.json`))
  .map((slug) => ({ slug, bytes: statSync(join(dist, slug, 'index.html')).size }))
  .sort((a, b) => b.bytes - a.bytes);
if (!articles.length) fail(`no article in ${dist}; build first`);
const ARTICLE = articles[0].slug;
const OTHER = articles.at(-1).slug;
try {
  checkTestFonts();
} catch (err) {
  fail(err.message);
}

const stylesheet = stylesheetOf(dist);
const appHtml = readFileSync(join(dist, ARTICLE, 'index.html'), 'utf8');
const favicon = appHtml.match(/<link\b[^>]*\brel="?icon"?[^>]*>/i)?.[0]?.match(/\bhref="?([^"\s>]+)/i)?.[1] ?? null;
const articleText = readFileSync(join(root, 'content', ARTICLE, 'article.txt'), 'utf8');
const lang = appHtml.match(/<html lang="?([^"\s>]+)/)?.[1] ?? 'en';
const floorDescription = (() => {
  const first = articleText.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)[1] ?? '';
  if (first.length <= 155) return first;
  return `${first.slice(0, 154).replace(/\s+\S*$/, '')}…`;
})();
// The floor links the same favicon as the app (its address resolved from the article's folder):
// without one Chromium asks for /favicon.ico, whose 404 is a console error (and a Lighthouse
// best-practices failure) that no real site would have.
const floorIcon = favicon ? new URL(favicon, `http://x/${ARTICLE}/`).pathname : null;
const floorHtml = floorPage(articleText, stylesheet, floorDescription, lang).replace(
  '</title>',
  floorIcon ? `</title>\n<link rel="icon" href="${floorIcon}">` : '</title>',
);

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'floor.html'), floorHtml); // for inspection

// Snapshot dist/ into memory now: a rebuild during the run cannot change what is measured.
const snapshot = {};
for (const f of distFiles) snapshot[f] = readFileSync(join(dist, f));
const server = await startServer(dist, { ...snapshot, '/floor.html': floorHtml }, { only: true, h2: true, inlineStyle: ['/floor.html'] });
server.warm(Object.keys(snapshot).concat('/floor.html'));
const APP = `${server.origin}/${ARTICLE}/`;
const FLOOR = `${server.origin}/floor.html`;
// Chromium keeps no HTTP cache for a self-signed HTTP/2 origin: the second visit is measured over
// plain HTTP on loopback, compressed and cached the same way.
const cacheServer = await startServer(dist, snapshot, { only: true });
cacheServer.warm(Object.keys(snapshot));

const { chromium } = await import('playwright-core');
const results = { when: new Date().toISOString(), notes: [], errors: [] };
let browser;

try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  results.machine = {
    nproc: sh('nproc', []),
    arch: sh('uname', ['-m']) || arch(),
    chromium: `Chromium ${browser.version()}`,
    node: process.version,
    loadavg: (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' '),
  };

  log('first-load transfer');
  results.transfer = { app: await transfer(APP, true), floor: await transfer(FLOOR, false) };
  log('second article, runtime cached');
  results.second = [await secondVisit(ARTICLE, OTHER), await secondVisit(OTHER, ARTICLE)];
  log('build time: 1, 10 and 50 articles');
  results.scale = scaleBuild();

  // Lighthouse gets the machine to itself: its simulated metrics still read the observed trace.
  await browser.close();
  browser = null;
  log(`Lighthouse 12, mobile, ${LH_RUNS} run(s) per page`);
  results.lighthouse = await lighthouseAll();

  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  log(`boot time, ${BOOT_LOADS} fresh loads`);
  results.boot = await bootTimes();
  log(`hover card latency, ${HOVER_SAMPLES} samples`);
  results.hover = await hoverLatency();
  log(`JS heap, ${HEAP_CYCLES} open/close cycles`);
  results.heap = await heapCycles();
  // Lighthouse again, with the machine to itself.
  await browser.close();
  browser = null;
  log(`long articles: ${LONG_TIMES.join('×, ')}×`);
  results.long = await longArticles();
} catch (err) {
  results.errors.push(String(err?.stack ?? err));
} finally {
  await browser?.close().catch(() => {});
  await server.close();
  await cacheServer.close();
}

report();

// ── 1. transfer ─────────────────────────────────────────────────────────────────────────────────

/** One fresh load; every request, with the body bytes the server sent and the browser's count. */
async function transfer(url, isApp) {
  const context = await browser.newContext(DESKTOP);
  await context.addInitScript(IN_PAGE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const wire = new Map(); // requestId → { url, encoded }
  cdp.on('Network.responseReceived', (e) => wire.set(e.requestId, { url: e.response.url, encoded: NaN, protocol: e.response.protocol }));
  cdp.on('Network.loadingFinished', (e) => {
    const w = wire.get(e.requestId);
    if (w) w.encoded = e.encodedDataLength;
  });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  server.log.length = 0;
  await page.goto(url, { waitUntil: 'load' });
  if (isApp) await page.waitForFunction(() => performance.getEntriesByName('xa-interactive').length > 0, null, { timeout: 15_000 });
  // The favicon is fetched after load; wait until the network has been quiet for 500 ms.
  await page.waitForLoadState('networkidle');
  const served = server.log.splice(0).filter((r) => r.status !== 0);
  await context.close();
  const browserSaw = [...wire.values()];
  for (const r of served) {
    if (r.status !== 200) problems.push(`${r.path}: HTTP ${r.status}`);
    else if (r.encoding !== 'br' && r.bytes !== r.raw) problems.push(`${r.path}: sent ${r.encoding}, not br`);
  }
  const seenPaths = browserSaw.map((w) => new URL(w.url).pathname);
  for (const p of seenPaths) {
    const path = p.endsWith('/') ? `${p}index.html` : p;
    if (!served.some((r) => r.path === path)) problems.push(`browser received ${p} but the server did not log it`);
  }
  if (problems.length) results.notes.push(`${isApp ? 'app' : 'floor'} load: ${problems.join('; ')}`);
  return {
    requests: served.map((r) => ({ path: r.path, encoding: r.encoding, bytes: r.bytes, raw: r.raw })),
    total: served.reduce((s, r) => s + r.bytes, 0),
    raw: served.reduce((s, r) => s + r.raw, 0),
    wireTotal: browserSaw.reduce((s, w) => s + (Number.isFinite(w.encoded) ? w.encoded : 0), 0),
  };
}

/** A reader opens `first`, then `then`, in one browser (its cache): what the second costs. Every
 * runtime file must come from the cache (no request reaches the server for it). */
async function secondVisit(first, then) {
  const context = await browser.newContext(DESKTOP);
  await context.addInitScript(IN_PAGE);
  try {
    const page = await context.newPage();
    const go = async (slug) => {
      await page.goto(`${cacheServer.origin}/${slug}/`, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('xa-interactive').length > 0, null, { timeout: 15_000 });
      await page.waitForLoadState('networkidle');
    };
    await go(first);
    cacheServer.log.length = 0;
    await go(then);
    const served = cacheServer.log.splice(0).filter((r) => r.status !== 0);
    const runtime = served.filter((r) => r.path.startsWith('/_runtime/'));
    return {
      first,
      then,
      requests: served.map((r) => ({ path: r.path, status: r.status, bytes: r.bytes })),
      total: served.reduce((t, r) => t + r.bytes, 0),
      runtimeFetched: runtime.map((r) => r.path),
    };
  } finally {
    await context.close();
  }
}

/** How long `rig build` takes for a site of 1, 10 and 50 articles made from the site's own (copies
 * under new slugs, in a scratch folder), the runtime prebuilt: the pages alone. */
function scaleBuild() {
  const rig = join(root, 'target/release/rig');
  const scratch = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const sources = readdirSync(join(root, 'content')).filter((d) => statSync(join(root, 'content', d, 'article.txt'), { throwIfNoEntry: false }));
  const out = [];
  try {
    for (const n of [1, 10, 50]) {
      const content = join(scratch, `content-${n}`);
      cpSync(join(root, 'content/locales'), join(content, 'locales'), { recursive: true });
      for (let i = 0; i < n; i++) cpSync(join(root, 'content', sources[i % sources.length]), join(content, `article-${i + 1}`), { recursive: true });
      const dest = join(scratch, `dist-${n}`);
      // The runtime finished once, outside the timing (it is shared and built when code changes).
      execFileSync(rig, ['build', '--preview', '--content', content, '--out', dest, '--runtime-stage', join(root, 'target/runtime'), 'article-1'], { stdio: 'ignore' });
      const t = Date.now();
      execFileSync(rig, ['build', '--preview', '--content', content, '--out', dest, '--runtime-stage', join(root, 'target/runtime')], { stdio: 'ignore' });
      out.push({ articles: n, seconds: (Date.now() - t) / 1000 });
    }
  } catch (err) {
    results.errors.push(`scale build: ${err.message}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

// ── 2. Lighthouse ───────────────────────────────────────────────────────────────────────────────

async function lighthouseAll({ app = APP, floor = FLOOR, runs: count = LH_RUNS, dir = 'lighthouse' } = {}) {
  process.env.CHROME_PATH = CHROMIUM;
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const lhDir = join(outDir, dir);
  rmSync(lhDir, { recursive: true, force: true });
  mkdirSync(lhDir, { recursive: true });
  const runs = { app: [], floor: [] };
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: LIGHTHOUSE_FLAGS, logLevel: 'silent' });
  try {
    for (let i = 0; i < count; i++) {
      for (const [name, url] of [['app', app], ['floor', floor]]) {
        const t = Date.now();
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
        writeFileSync(join(lhDir, `${name}-${i + 1}.json`), result.report);
        runs[name].push(summarise(result.lhr));
        log(`  ${name} run ${i + 1} took ${((Date.now() - t) / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    await chrome.kill();
  }
  const combine = (rs) => ({
    version: rs[0]?.version,
    runs: rs.length,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(rs.map((r) => r.scores[c]))])),
    lcp: median(rs.map((r) => r.lcp)),
    tbt: median(rs.map((r) => r.tbt)),
    cls: median(rs.map((r) => r.cls)),
    fcp: median(rs.map((r) => r.fcp)),
    each: rs,
  });
  return { app: combine(runs.app), floor: combine(runs.floor) };
}

/** The numbers the table needs from one Lighthouse result, plus what it failed or choked on. */
function summarise(lhr) {
  const audits = lhr.audits;
  const failed = [];
  const weighted = new Set();
  for (const c of Object.values(lhr.categories)) {
    for (const ref of c.auditRefs) {
      const a = audits[ref.id];
      if (ref.weight > 0) weighted.add(ref.id);
      if (ref.weight > 0 && a.score !== null && a.score < 1) failed.push(`${c.id}/${ref.id} ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
  }
  const errored = Object.values(audits)
    .filter((a) => a.errorMessage)
    .map((a) => ({ id: a.id, weighted: weighted.has(a.id), message: a.errorMessage }));
  return {
    version: lhr.lighthouseVersion,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? NaN : Math.round(lhr.categories[c].score * 100)])),
    lcp: audits['largest-contentful-paint']?.numericValue,
    tbt: audits['total-blocking-time']?.numericValue,
    cls: audits['cumulative-layout-shift']?.numericValue,
    fcp: audits['first-contentful-paint']?.numericValue,
    failed,
    errored,
    warnings: lhr.runWarnings ?? [],
  };
}

// ── 3. boot ─────────────────────────────────────────────────────────────────────────────────────

async function bootTimes() {
  const once = async () => {
    const context = await browser.newContext(DESKTOP);
    await context.addInitScript(IN_PAGE);
    try {
      const page = await context.newPage();
      await page.goto(APP);
      return await page.evaluate(async () => {
        const find = () => performance.getEntriesByName('xa-interactive')[0];
        for (let t = 0; !find() && t < 15_000; t += 10) await new Promise((r) => setTimeout(r, 10));
        const m = find();
        if (!m) throw new Error('no xa-interactive mark within 15 s');
        return m.startTime; // relative to the time origin: navigation start
      });
    } finally {
      await context.close();
    }
  };
  const warmup = await once(); // the browser's first page also pays for process start-up
  const samples = [];
  for (let i = 0; i < BOOT_LOADS; i++) samples.push(await once());
  return { warmup, samples, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

// ── 4. hover card latency ───────────────────────────────────────────────────────────────────────

/** Installed in the page: timestamps of the pointer arriving on an armed mention and of the card. */
function hoverProbe() {
  let armed = null;
  let last = null;
  window.__bench = {
    arm(id) {
      const probe = { id, restNow: NaN, restStamp: NaN, appear: NaN, paint: NaN, leave: NaN, name: null };
      armed = probe;
      probe.done = new Promise((resolve) => {
        probe.resolve = resolve;
      });
      return true;
    },
    /** Waits (at most `timeout` ms) for the armed mention's card to be painted. */
    async opened(timeout) {
      const p = armed;
      const timer = new Promise((r) => setTimeout(() => r('timeout'), timeout));
      const outcome = await Promise.race([p.done.then(() => 'ok'), timer]);
      armed = null;
      last = p;
      const { id, restNow, restStamp, appear, paint, name } = p;
      return { outcome, id, restNow, restStamp, appear, paint, name };
    },
    /** Waits (at most `timeout` ms) for the card to go; returns ms since the pointer left, or null. */
    closed(timeout) {
      const p = last;
      return new Promise((resolve) => {
        const gone = () => !document.getElementById(xaIds.card);
        const finish = () => {
          mo.disconnect();
          clearTimeout(timer);
          resolve(gone() ? performance.now() - p.leave : null);
        };
        const mo = new MutationObserver(() => gone() && finish());
        const timer = setTimeout(finish, timeout);
        mo.observe(document, { subtree: true, childList: true });
        if (gone()) finish();
      });
    },
  };
  // Window capture: the first script in the page to see the pointer arrive and leave.
  const mentionOf = (e) => (e.target instanceof Element ? e.target.closest('a.xa-mention') : null);
  addEventListener(
    'pointerover',
    (e) => {
      const now = performance.now();
      const m = mentionOf(e);
      if (armed && m && m.id === armed.id && Number.isNaN(armed.restNow)) {
        armed.restNow = now;
        armed.restStamp = e.timeStamp;
      }
    },
    true,
  );
  addEventListener(
    'pointerout',
    (e) => {
      const m = mentionOf(e);
      if (last && m && m.id === last.id && !m.contains(e.relatedTarget)) last.leave = performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    const card = document.getElementById(xaIds.card);
    const p = armed;
    if (card && p && !Number.isNaN(p.restNow) && Number.isNaN(p.appear)) {
      p.appear = performance.now();
      p.name = document.getElementById(xaIds.cardName)?.textContent ?? '';
      requestAnimationFrame(() => {
        p.paint = performance.now();
        p.resolve();
      });
    }
  }).observe(document, { subtree: true, childList: true });
}

async function hoverLatency(url = APP, wanted = HOVER_SAMPLES) {
  const context = await browser.newContext(DESKTOP);
  await context.addInitScript(IN_PAGE);
  try {
    await context.addInitScript(hoverProbe);
    const page = await context.newPage();
    await loadApp(page, url);
    // Mentions spread over the whole article (one per paragraph where possible).
    const ids = await page.evaluate((want) => {
      const all = [...document.querySelectorAll('article p a.xa-mention')];
      const step = all.length / want;
      return Array.from({ length: Math.min(want, all.length) }, (_, i) => all[Math.floor(i * step)].id);
    }, HOVER_MENTIONS);
    if (ids.length === 0) throw new Error('no mentions in the article');
    const samples = [];
    const skipped = [];
    await page.mouse.move(12, 400);
    for (let i = 0; i < wanted; i++) {
      const id = ids[i % ids.length];
      // Bring the mention to the middle of the viewport; the pointer waits on empty page at x = 12.
      const at = await page.evaluate(async (id) => {
        const el = document.getElementById(id);
        const r0 = el.getClientRects()[0];
        scrollBy(0, r0.top - innerHeight / 2);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const r = el.getClientRects()[0];
        const x = (r.left + r.right) / 2;
        const y = (r.top + r.bottom) / 2;
        const hit = document.elementFromPoint(x, y);
        const away = document.elementFromPoint(12, y);
        return {
          x,
          y,
          onMention: !!hit && el.contains(hit),
          awayEmpty: !!away && !away.closest('article, .xa-toolbar, a, button, svg, #' + xaIds.card),
        };
      }, id);
      if (!at.onMention || !at.awayEmpty) {
        skipped.push(`${id}: ${at.onMention ? 'no empty point beside it' : 'not under the pointer'}`);
        continue;
      }
      await page.mouse.move(12, at.y);
      await page.evaluate((id) => window.__bench.arm(id), id);
      await page.mouse.move(at.x, at.y); // one step: lands and rests on the mention
      const r = await page.evaluate(() => window.__bench.opened(3000));
      if (r.outcome !== 'ok' || !Number.isFinite(r.restNow)) {
        throw new Error(`hover sample ${i} on ${id}: ${r.outcome === 'ok' ? 'pointer arrival not seen' : 'no card within 3 s'}`);
      }
      samples.push({
        id,
        name: r.name,
        ms: r.paint - r.restNow - INTENT_MS, // the measure: rest → first frame with the card
        appearMs: r.appear - r.restNow - INTENT_MS, // rest → card in the DOM
        inputMs: r.paint - r.restStamp - INTENT_MS, // from the input event's own timestamp
      });
      await page.mouse.move(12, at.y); // away to empty page: the card closes after its grace
      const close = await page.evaluate(() => window.__bench.closed(3000));
      if (close === null) throw new Error(`hover sample ${i} on ${id}: the card did not close within 3 s of the pointer leaving`);
      samples.at(-1).closeMs = close;
    }
    if (samples.length < wanted / 2) throw new Error(`only ${samples.length} hover samples (${skipped.join('; ')})`);
    if (skipped.length) results.notes.push(`hover: skipped ${skipped.length} sample(s): ${[...new Set(skipped)].join('; ')}`);
    const ms = samples.map((s) => s.ms);
    return {
      mentions: new Set(samples.map((s) => s.id)).size,
      samples,
      median: median(ms),
      p90: quantile(ms, 0.9),
      max: Math.max(...ms),
      appearMedian: median(samples.map((s) => s.appearMs)),
      inputMedian: median(samples.map((s) => s.inputMs)),
      closeMedian: median(samples.map((s) => s.closeMs)),
    };
  } finally {
    await context.close();
  }
}

// ── 5. JS heap over open/close cycles ───────────────────────────────────────────────────────────

/** Keeps the wasm instance's memory reachable, to report its size next to the JS heap. */
async function heapCycles() {
  const context = await browser.newContext(DESKTOP);
  await context.addInitScript(IN_PAGE);
  try {
    await context.addInitScript(wasmMemoryProbe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loadApp(page);
    const cdp = await context.newCDPSession(page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
      return { js: usedSize, wasm };
    };
    const before = await measure();
    const t = Date.now();
    const run = await page.evaluate(cardCycles, HEAP_CYCLES);
    if (run.error) throw new Error(run.error);
    const seconds = (Date.now() - t) / 1000;
    const after = await measure();
    if (errors.length) results.notes.push(`heap page errors: ${errors.join('; ')}`);
    if (run.failures.length) throw new Error(`heap cycles: ${run.failures.join('; ')}`);
    if (run.opened !== HEAP_CYCLES || run.closed !== HEAP_CYCLES) {
      throw new Error(`heap cycles: opened ${run.opened}, closed ${run.closed} of ${HEAP_CYCLES}`);
    }
    return { cycles: HEAP_CYCLES, mentions: run.mentions, seconds, before, after, growth: after.js - before.js };
  } finally {
    await context.close();
  }
}

async function loadApp(page, url = APP) {
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName('xa-interactive').length > 0 && !!document.querySelector('.xa-switch'),
    null,
    { timeout: 15_000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
}

// ── 6. long articles ────────────────────────────────────────────────────────────────────────────

/** The measured article made `LONG_TIMES` as long, in a scratch site: with its relations
 * multiplied (`graph-N`: where the graph stops) and with the first copy's only (`text-N`: how the
 * text, the actors and the page grow). Each built alone, the runtime prebuilt; the text ones are
 * then served like the site and measured. */
async function longArticles() {
  const rig = join(root, 'target/release/rig');
  const scratch = mkdtempSync(join(tmpdir(), 'bench-long-'));
  const content = join(scratch, 'content');
  const dest = join(scratch, 'dist');
  const out = [];
  let longServer = null;
  try {
    cpSync(join(root, 'content/locales'), join(content, 'locales'), { recursive: true });
    for (const times of LONG_TIMES) {
      writeLongArticle(join(root, 'content', ARTICLE), join(content, `graph-${times}`), times);
      writeLongArticle(join(root, 'content', ARTICLE), join(content, `text-${times}`), times, { relations: 'first' });
    }
    const build = (slug) => {
      const t = Date.now();
      let error = null;
      try {
        execFileSync(rig, ['build', '--preview', '--content', content, '--out', dest, '--runtime-stage', join(root, 'target/runtime'), slug], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      } catch (err) {
        error = String(err.stderr ?? err.message).split('\n').find((l) => l.startsWith('error: ')) ?? String(err.message);
      }
      return { ms: Date.now() - t, error };
    };
    build('text-1'); // the runtime finished once, outside the timing
    for (const times of LONG_TIMES) {
      const text = readFileSync(join(content, `text-${times}`, 'article.txt'), 'utf8');
      const count = (file, table) => (readFileSync(join(content, file), 'utf8').match(new RegExp(`^\\s*\\[\\[${table}\\]\\]`, 'gm')) ?? []).length;
      out.push({
        times,
        paragraphs: text.split('\n').filter((l) => l.trim()).length - 1,
        actors: count(`text-${times}/actors.toml`, 'actor'),
        relationsAll: count(`graph-${times}/relations.toml`, 'relation'),
        graph: build(`graph-${times}`),
        text: build(`text-${times}`),
      });
    }
    // The text ones, served as the site is, each next to its own floor page.
    const css = stylesheetOf(dest);
    const extra = {};
    for (const r of out) {
      if (r.text.error) continue;
      const html = readFileSync(join(dest, `text-${r.times}`, 'index.html'));
      r.pageBrotli = brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
      r.pageRaw = html.length;
      extra[`/floor-${r.times}.html`] = floorPage(readFileSync(join(content, `text-${r.times}`, 'article.txt'), 'utf8'), css, '', lang);
      r.floorBrotli = brotliCompressSync(Buffer.from(extra[`/floor-${r.times}.html`]), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    longServer = await startServer(dest, extra, { h2: true, inlineStyle: Object.keys(extra) });
    for (const r of out) {
      if (r.text.error) continue;
      const L = await lighthouseAll({ app: `${longServer.origin}/text-${r.times}/`, floor: `${longServer.origin}/floor-${r.times}.html`, runs: LONG_LH_RUNS, dir: `lighthouse-long-${r.times}` });
      r.lcp = { app: L.app.lcp, floor: L.floor.lcp, performance: L.app.scores.performance };
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        const H = await hoverLatency(`${longServer.origin}/text-${r.times}/`, LONG_HOVER_SAMPLES);
        r.hover = { median: H.median, p90: H.p90 };
      } finally {
        await browser.close();
        browser = null;
      }
    }
  } catch (err) {
    results.errors.push(`long articles: ${err?.stack ?? err}`);
  } finally {
    await longServer?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

// ── report ──────────────────────────────────────────────────────────────────────────────────────

function report() {
  const rows = [];
  const verdicts = [];
  const row = (metric, app, floor = '—', vs = '', budget = '', ok = null) =>
    rows.push([metric, app, floor, vs, budget, ok === null ? '' : ok ? 'pass' : '**FAIL**']);
  const check = (name, ok, detail) => {
    verdicts.push({ name, ok, detail });
    return ok;
  };
  const T = results.transfer;
  if (T) {
    const kinds = [
      ['HTML (with the story)', (p) => p.endsWith('.html')],
      ['boot script', (p) => p.includes('/boot-')],
      ['CSS (shared)', (p) => p.endsWith('.css')],
      ['JS glue (wasm-bindgen)', (p) => p.endsWith('.js') && !p.includes('/boot-')],
      ['wasm', (p) => p.endsWith('.wasm')],
      ['favicon (shared)', (p) => p.endsWith('.svg') || p.endsWith('.ico')],
    ];
    const cell = (reqs, test) => {
      const hit = reqs.filter((r) => test(r.path));
      return hit.length ? hit.map((r) => `${fmtBytes(r.bytes)} \`${r.path.slice(1)}\``).join(', ') : '—';
    };
    const all = [...T.app.requests, ...T.floor.requests];
    for (const [label, test] of kinds) if (all.some((r) => test(r.path))) row(`${label}, brotli bytes`, cell(T.app.requests, test), cell(T.floor.requests, test));
    const other = all.filter((r) => !kinds.some(([, test]) => test(r.path)));
    for (const r of other) row(`other: \`${r.path}\``, cell(T.app.requests, (p) => p === r.path), cell(T.floor.requests, (p) => p === r.path));
    const ok = check('first-load transfer', T.app.total <= BUDGET.totalBytes, `${fmtBytes(T.app.total)} (${fmtKiB(T.app.total)}) vs budget ${fmtKiB(BUDGET.totalBytes)}${T.app.total > BUDGET.totalBytes ? `: ${fmtKiB(T.app.total - BUDGET.totalBytes)} over` : ''}`);
    row(
      `**first load, total** (${T.app.requests.length} / ${T.floor.requests.length} requests)`,
      `**${fmtBytes(T.app.total)}** (${fmtKiB(T.app.total)})`,
      `${fmtBytes(T.floor.total)} (${fmtKiB(T.floor.total)})`,
      fmtRatio(ratio(T.app.total, T.floor.total)),
      `≤ ${fmtKiB(BUDGET.totalBytes)}`,
      ok,
    );
  } else check('first-load transfer', false, 'not measured');

  const S = results.second;
  if (S?.length) {
    for (const v of S) {
      const ok = check(`second article (${v.then} after ${v.first})`, v.total <= BUDGET.secondBytes && v.runtimeFetched.length === 0, `${fmtBytes(v.total)} in ${v.requests.length} request(s)${v.runtimeFetched.length ? `; runtime NOT cached: ${v.runtimeFetched.join(', ')}` : '; every runtime file from the cache'} (budget ≤ ${fmtBytes(BUDGET.secondBytes)})`);
      row(`second article: \`${v.then}\` after \`${v.first}\`, runtime cached`, `${fmtBytes(v.total)} (${v.requests.map((r) => r.path).join(', ')})`, '—', '', `≤ ${fmtBytes(BUDGET.secondBytes)}`, ok);
    }
  } else check('second article', false, 'not measured');

  const G = results.scale;
  if (G?.length) {
    const fifty = G.find((g) => g.articles === 50);
    const ok = check('50 articles build', !!fifty && fifty.seconds <= BUDGET.scaleSeconds, `${G.map((g) => `${g.articles}: ${g.seconds.toFixed(1)} s`).join(', ')} (budget 50 ≤ ${BUDGET.scaleSeconds} s)`);
    row('pages built by `rig build`, runtime prebuilt: 1 / 10 / 50 articles', G.map((g) => `${g.seconds.toFixed(1)} s`).join(' / '), '—', '', `50 ≤ ${BUDGET.scaleSeconds} s`, ok);
  } else check('50 articles build', false, 'not measured');

  const L = results.lighthouse;
  if (L) {
    const n = L.app.runs > 1 ? `median of ${L.app.runs}` : '1 run';
    const names = { performance: 'performance', accessibility: 'accessibility', 'best-practices': 'best practices', seo: 'SEO' };
    for (const c of CATEGORIES) {
      const s = L.app.scores[c];
      const ok = check(`Lighthouse ${names[c]}`, s >= BUDGET.lighthouse, `${Number.isFinite(s) ? s : 'n/a'} (budget ${BUDGET.lighthouse})`);
      row(`Lighthouse ${L.app.version} mobile: ${names[c]} (${n})`, String(s), String(L.floor.scores[c]), '', String(BUDGET.lighthouse), ok);
    }
    const r = ratio(L.app.lcp, L.floor.lcp);
    const ok = check('LCP vs floor', r <= BUDGET.lcpRatio, `${fmtSec(L.app.lcp)} vs floor ${fmtSec(L.floor.lcp)}: ${fmtRatio(r)} (budget ≤ ${BUDGET.lcpRatio}×)`);
    row('LCP (Lighthouse mobile, simulated throttling)', fmtSec(L.app.lcp), fmtSec(L.floor.lcp), fmtRatio(r), `≤ ${BUDGET.lcpRatio}× floor`, ok);
    row('TBT (Lighthouse mobile)', fmtMs(L.app.tbt), fmtMs(L.floor.tbt));
    row('CLS (Lighthouse mobile)', L.app.cls.toFixed(3), L.floor.cls.toFixed(3));
  } else {
    check('Lighthouse', false, 'not measured');
    check('LCP vs floor', false, 'not measured');
  }

  const B = results.boot;
  if (B) row(`boot: navigation start → \`xa-interactive\` (median of ${B.samples.length} fresh loads; min–max)`, `${fmtMs(B.median)} (${fmtMs(B.min)}–${fmtMs(B.max)})`, 'no script');

  const H = results.hover;
  if (H) {
    const ok = check('hover card latency', H.median <= BUDGET.cardMs, `median ${fmtMs(H.median, 1)} (budget ≤ ${BUDGET.cardMs} ms)`);
    row(
      `hover card: pointer rests → card painted, − ${INTENT_MS} ms intent (median of ${H.samples.length}, ${H.mentions} mentions; p90)`,
      `${fmtMs(H.median, 1)} (p90 ${fmtMs(H.p90, 1)})`,
      '—',
      '',
      `≤ ${BUDGET.cardMs} ms`,
      ok,
    );
  } else check('hover card latency', false, 'not measured');

  const M = results.heap;
  if (M) {
    row(`JS heap after GC, before → after ${fmtInt(M.cycles)} card open/close cycles`, `${fmtMB(M.before.js)} → ${fmtMB(M.after.js)}`);
    const ok = check('JS heap growth', M.growth <= BUDGET.heapBytes, `${fmtSigned(M.growth)} over ${fmtInt(M.cycles)} cycles (budget ≤ 1 MB)`);
    row('JS heap growth', fmtSigned(M.growth), '—', '', '≤ 1 MB', ok);
    if (M.before.wasm != null) row('wasm linear memory, before → after (not budgeted)', `${fmtMB(M.before.wasm)} → ${fmtMB(M.after.wasm)}`);
  } else check('JS heap growth', false, 'not measured');

  const table = [
    `| metric | app \`/${ARTICLE}/\` | floor \`/floor.html\` (styles inline) | app ÷ floor | budget | |`,
    '|---|---:|---:|---:|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

  // Long articles: where the graph stops, and how the rest grows.
  const longTable = (results.long ?? []).length
    ? [
        `| \`${ARTICLE}\` × | paragraphs | actors | relations ×N: build | text and actors ×N, its graph kept: build | page, brotli (raw) | floor, brotli | LCP app / floor (×) | hover card, median (p90) |`,
        '|---:|---:|---:|---|---:|---:|---:|---:|---:|',
        ...results.long.map((r) => {
          const g = r.graph.error ? `refused in ${fmtMs(r.graph.ms)}: ${r.graph.error.replace(/^error: [^:]+:\d+: /, '').replace(/;.*$/, '')}` : `built in ${fmtMs(r.graph.ms)}`;
          const t = r.text.error ? `failed: ${r.text.error}` : fmtMs(r.text.ms);
          const lcp = r.lcp ? `${fmtSec(r.lcp.app)} / ${fmtSec(r.lcp.floor)} (${fmtRatio(ratio(r.lcp.app, r.lcp.floor))})` : '—';
          const hover = r.hover ? `${fmtMs(r.hover.median, 1)} (${fmtMs(r.hover.p90, 1)})` : '—';
          return `| ${r.times} | ${fmtInt(r.paragraphs)} | ${fmtInt(r.actors)} | ${g} (${fmtInt(r.relationsAll)} relations) | ${t} | ${r.pageBrotli ? `${fmtBytes(r.pageBrotli)} (${fmtBytes(r.pageRaw)})` : '—'} | ${r.floorBrotli ? fmtBytes(r.floorBrotli) : '—'} | ${lcp} | ${hover} |`;
        }),
      ].join('\n')
    : '';

  // What the table cannot say: Lighthouse's own complaints, the secondary measures, problems.
  const notes = [];
  if (T) notes.push(`Bytes are response bodies as the server sent them (brotli -q 11). On the wire with HTTP headers (CDP encodedDataLength): app ${fmtBytes(T.app.wireTotal)}, floor ${fmtBytes(T.floor.wireTotal)}. Uncompressed: app ${fmtBytes(T.app.raw)}, floor ${fmtBytes(T.floor.raw)}.`);
  if (L) {
    for (const name of ['app', 'floor']) {
      const each = L[name].each;
      const failed = [...new Set(each.flatMap((r) => r.failed))];
      if (failed.length) notes.push(`Lighthouse ${name}: weighted audits below 1 in some run: ${failed.join('; ')}.`);
      const errored = new Map();
      for (const r of each) for (const e of r.errored) errored.set(e.id, e);
      if (errored.size) {
        const weighted = [...errored.values()].filter((e) => e.weighted).map((e) => e.id);
        const msgs = [...new Set([...errored.values()].map((e) => e.message.replace(/^.*?failed with exception: /, '')))];
        notes.push(
          `Lighthouse ${name}: ${errored.size} audit(s) errored (${[...errored.keys()].join(', ')}): ${msgs.join(' | ')}. ` +
            (weighted.length ? `WEIGHTED, so they lower the score: ${weighted.join(', ')}.` : 'None of them carries weight in a category score.'),
        );
      }
      const warnings = [...new Set(each.flatMap((r) => r.warnings))];
      if (warnings.length) notes.push(`Lighthouse ${name} warnings: ${warnings.join(' | ')}`);
    }
    notes.push(`Lighthouse per run (app | floor): LCP ${L.app.each.map((r) => fmtSec(r.lcp)).join(', ')} | ${L.floor.each.map((r) => fmtSec(r.lcp)).join(', ')}; performance ${L.app.each.map((r) => r.scores.performance).join(', ')} | ${L.floor.each.map((r) => r.scores.performance).join(', ')}. Reports: bench/output/lighthouse/.`);
  }
  if (B) notes.push(`Boot: desktop viewport 1280×800, no throttling, a new browser context (empty cache) per load; a first, unmeasured load (${fmtMs(B.warmup)}) warms the browser up.`);
  if (H) notes.push(`Hover: real mouse input (CDP), timed inside the page from the first pointerover listener (window, capture) to the first requestAnimationFrame callback after the card is in the DOM. Worst sample ${fmtMs(H.max, 1)}. Card in the DOM: median ${fmtMs(H.appearMedian, 1)} after the intent delay. Counted instead from the input event's own timestamp (event.timeStamp, which also covers Chromium holding mouse input until the next frame): median ${fmtMs(H.inputMedian, 1)}. The card then fades in over 120 ms (CSS), not counted. Between samples the pointer moves to empty page and the card closes a median ${fmtMs(H.closeMedian)} after it left (designed: 300 ms).`);
  if (M) notes.push(`Heap: ${fmtInt(M.cycles)} cycles over ${M.mentions} mentions in ${M.seconds.toFixed(1)} s; focus() opens, then Esc (even cycles) or focus on the cards switch (odd cycles) closes; every open and close verified. Sizes from CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage.`);
  notes.push(...results.notes);
  for (const e of results.errors) notes.push(`ERROR: ${e}`);

  const m = results.machine ?? {};
  const wall = (Date.now() - started) / 1000;
  const header = [
    `Benchmark of the release build, ${results.when.replace(/\.\d+Z$/, 'Z')}`,
    `Machine: nproc ${m.nproc ?? '?'}, ${m.arch ?? '?'}, ${m.chromium ?? '?'}, Node ${m.node ?? process.version}; load average at start ${m.loadavg ?? '?'}`,
  ];
  const failedChecks = verdicts.filter((v) => !v.ok);
  const verdictLines = verdicts.map((v) => `- ${v.ok ? 'pass' : 'FAIL'}: ${v.name}: ${v.detail}`);
  const md = [
    `# ${header[0]}`,
    '',
    header[1],
    '',
    table,
    '',
    ...(longTable ? ['## Long articles', '', `Lighthouse ${LONG_LH_RUNS} runs (median) and ${LONG_HOVER_SAMPLES} hover samples each. The graph holds at most 40 actors: beyond, the build says so at once.`, '', longTable, ''] : []),
    '## Budgets',
    '',
    ...verdictLines,
    '',
    '## Notes',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    `Wall time of the measurement: ${wall.toFixed(0)} s.`,
    '',
  ].join('\n');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.md'), md);
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify({ ...results, budgets: BUDGET, verdicts }, null, 2)}\n`);

  console.log(header.join('\n'));
  console.log();
  console.log(table);
  console.log();
  if (longTable) console.log(`${longTable}\n`);
  for (const n of notes) console.log(`- ${n}`);
  console.log();
  if (results.errors.length) {
    console.log(`MEASUREMENT FAILED (see ERROR above); budgets not all checked.`);
    for (const v of failedChecks) console.log(`  FAIL ${v.name}: ${v.detail}`);
    console.log(`# wrote bench/output/latest.md; ${wall.toFixed(0)} s`);
    process.exit(2);
  }
  if (failedChecks.length) {
    console.log(`OVER BUDGET: ${failedChecks.length} of ${verdicts.length} budgets exceeded:`);
    for (const v of failedChecks) console.log(`  FAIL ${v.name}: ${v.detail}`);
  } else {
    console.log(`All ${verdicts.length} budgets met.`);
  }
  console.log(`# wrote bench/output/latest.md; ${wall.toFixed(0)} s`);
  process.exit(failedChecks.length ? 1 : 0);
}

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(2);
}
