// Boot, side by side: two builds of the page served the same way (bench/server.mjs: HTTP/2, TLS,
// brotli, the cache headers), loaded in turns in one Chromium, each load in a fresh context (an
// empty cache), desktop viewport, no throttling. Prints each build's medians: the first paint,
// the wasm's request and last byte, the glue's, interactive (the app's `xa-interactive` mark),
// and interactive less the wasm's last byte.
//
//   node bench/boot-compare.mjs LOADS NAME=DIST:PATH NAME=DIST:PATH …
//   node bench/boot-compare.mjs 30 before=/tmp/before/dist:/ rig=dist:/milei-cold-war/
//
// Loads alternate between the builds, so a machine that slows down in the middle slows both. The
// budget "boot no slower than before the rig" (README, Boot) is measured so, against the
// one-article build of commit a8235b2, built in a worktree with the same tools:
//
//   git worktree add /tmp/before a8235b2 && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   (cd /tmp/before && source scripts/env.sh && CARGO_TARGET_DIR=/tmp/before-target trunk build --release)
//   scripts/build.sh --preview && node bench/boot-compare.mjs 30 before=/tmp/before/dist:/ rig=dist:/milei-cold-war/

import { resolve } from 'node:path';
import { startServer } from './server.mjs';
import { DESKTOP, median } from './common.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/harness.mjs';

// Every static import above is linked before this line runs: reaching it is the check.
if (process.argv.includes('--check')) process.exit(0);

const { chromium } = await import('playwright-core');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const [loadsArg, ...specs] = process.argv.slice(2);
const loads = Number(loadsArg);
const parsed = specs.map((s) => s.match(/^([^=]+)=([^:]+):(\/.*)$/));
if (!Number.isInteger(loads) || loads < 1 || specs.length === 0 || parsed.some((m) => !m)) {
  console.error('usage: node bench/boot-compare.mjs LOADS NAME=DIST:PATH [NAME=DIST:PATH …]; expected a number of loads and at least one build, such as rig=dist:/milei-cold-war/');
  process.exit(2);
}

const builds = [];
for (const [, name, dist, path] of parsed) {
  const server = await startServer(resolve(dist), {}, { h2: true });
  builds.push({ name, url: server.origin + path, server, samples: [] });
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const once = async (build) => {
  const context = await browser.newContext(DESKTOP);
  try {
    const page = await context.newPage();
    await page.goto(build.url);
    return await page.evaluate(async () => {
      const find = () => performance.getEntriesByName('xa-interactive')[0];
      for (let t = 0; !find() && t < 15_000; t += 5) await new Promise((r) => setTimeout(r, 5));
      if (!find()) throw new Error('no xa-interactive mark within 15 s');
      const resources = performance.getEntriesByType('resource');
      const wasm = resources.find((e) => e.name.endsWith('.wasm'));
      // The glue: the one script the page requests that is neither the boot script nor the embed's.
      const glue = resources.find((e) => /\.js$/.test(e.name) && !/^(boot|embed)[-.]/.test(new URL(e.name).pathname.split('/').pop()));
      return {
        interactive: find().startTime,
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        wasmStart: wasm?.startTime,
        wasmEnd: wasm?.responseEnd,
        glueStart: glue?.startTime,
        glueEnd: glue?.responseEnd,
      };
    });
  } finally {
    await context.close();
  }
};

try {
  // A first, unmeasured load of each: the browser's first page also pays for its start-up.
  for (const build of builds) await once(build);
  for (let i = 0; i < loads; i++) for (const build of builds) build.samples.push(await once(build));
  const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '—');
  console.log(`| build | first paint | wasm requested | wasm's last byte | glue requested | glue's last byte | interactive | interactive − wasm's last byte |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const b of builds) {
    const m = (key) => median(b.samples.map((s) => s[key]));
    const after = median(b.samples.map((s) => s.interactive - s.wasmEnd));
    console.log(`| ${b.name} (${loads} loads) | ${ms(m('paint'))} | ${ms(m('wasmStart'))} | ${ms(m('wasmEnd'))} | ${ms(m('glueStart'))} | ${ms(m('glueEnd'))} | **${ms(m('interactive'))}** | ${ms(after)} |`);
  }
} finally {
  await browser.close();
  for (const b of builds) await b.server.close();
}
