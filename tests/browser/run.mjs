// Browser tests for the site's explorable articles: serves dist/ (built beforehand with
// scripts/build.sh) on 127.0.0.1, drives headless Chromium (CDP) or Firefox ESR (WebDriver BiDi)
// through playwright-core, and runs the suite against every article of the site (each test's name
// starts with its article's slug). Prints `ok - name` / `not ok - name` per test and one
// `N passed, M failed` line; exits 1 on failure.
//
//   node tests/browser/run.mjs [name filter]                  (from the repository root)
//   XA_BROWSER=firefox node tests/browser/run.mjs [name filter]
//   XA_DIST=/some/other/dist node tests/browser/run.mjs

import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExpectations } from './content.mjs';
import { BROWSER, DEFAULT_CONTEXT, browsers as openBrowsers, checkTestFonts, forArticle, runAll, filterTests } from './harness.mjs';
import { startHostServer, startServer } from './server.mjs';
import { defineTests } from './tests.mjs';
import { defineGraphTests } from './graph-tests.mjs';
import { defineNoJsTests } from './nojs-tests.mjs';
import { defineNetworkTests } from './network-tests.mjs';
import { defineEmbedTests, hostPages } from './embed-tests.mjs';
import { defineAxTests } from './ax-tests.mjs';
import { defineDeviceTests } from './device-tests.mjs';
import { buildPseudoSite, buildSyntheticSite } from './synthetic.mjs';
import { defineLeakTests, definePseudoTests, pseudoLocale } from './words-tests.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
// XA_DIST serves another build (e.g. a tampered copy, to check that the tests catch breakage).
const dist = resolve(process.env.XA_DIST ?? join(root, 'dist'));
// Firefox's screenshots go beside Chromium's, not over them.
const outDir = join(here, 'output', ...(BROWSER === 'chromium' ? [] : [BROWSER]));
const require = createRequire(join(root, 'package.json'));

const started = Date.now();

// The site's articles: every folder of dist/ the build wrote an article.json into.
const slugs = existsSync(dist) ? readdirSync(dist).filter((d) => existsSync(join(dist, d, 'article.json'))).sort() : [];
if (!slugs.length) {
  console.error(`error: no article in ${dist}; build the site first: scripts/build.sh`);
  process.exit(2);
}
checkTestFonts();
mkdirSync(outDir, { recursive: true });

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// The embed tests run on the longest article: a frame taller than a screen, a table that makes it
// grow, mentions out of the host's view.
const embedSlug = [...slugs].sort((a, b) => statSync(join(dist, b, 'index.html')).size - statSync(join(dist, a, 'index.html')).size)[0];
// What each article's content folder says (each read once: it runs `rig words`).
const expected = new Map(slugs.map((slug) => [slug, loadExpectations(join(root, 'content', slug))]));
for (const slug of slugs) {
  const E = expected.get(slug);
  // Each article's screenshots in a folder of its own.
  const out = join(outDir, slug);
  mkdirSync(out, { recursive: true });
  forArticle({ slug, E });
  defineTests({ E, axeSource, outDir: out });
  defineGraphTests({ E, axeSource, outDir: out });
  defineNoJsTests({ E, outDir: out });
  defineDeviceTests({ outDir: out });
  defineAxTests({ E, outDir: out });
  // The embedding tests are about the frame, not the article in it: the first article serves.
  if (slug === embedSlug) defineEmbedTests({ E, outDir: out });
  // The network's failures are the runtime's, not the article's: the largest article serves.
  if (slug === embedSlug) defineNetworkTests({ E });
}
// Made-up articles of 2 and 40 actors (two groups of 20), in a site of their own: the graph's
// size and layout tests, and its screenshots, for graphs smaller and larger than any real one.
const synthetic = buildSyntheticSite(root, { 'synthetic-2': [2, 2], 'synthetic-40': [40, 20] });
const syntheticServer = {};
for (const slug of synthetic.slugs) {
  const out = join(outDir, slug);
  mkdirSync(out, { recursive: true });
  const E = loadExpectations(join(synthetic.content, slug));
  forArticle({ slug, E, server: syntheticServer });
  defineGraphTests({ E, axeSource, outDir: out, shapesOnly: true });
}
// Every word is data: an English article whose locale is wrapped in ⟦ ⟧, in a site of its own; and
// no English in an article in another language.
const languageOf = (slug) => /^\s*language\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'content', slug, 'article.toml'), 'utf8'))?.[1] ?? 'en';
const englishSlug = slugs.find((s) => languageOf(s) === 'en');
const pseudo = buildPseudoSite(root, englishSlug, 'words-pseudo', pseudoLocale);
const pseudoServer = {};
const pseudoE = loadExpectations(join(pseudo.content, 'words-pseudo'));
forArticle({ slug: 'words-pseudo', E: pseudoE, server: pseudoServer });
definePseudoTests({ E: pseudoE, contentDir: join(pseudo.content, 'words-pseudo') });
const english = expected.get(englishSlug).words;
for (const slug of slugs.filter((s) => languageOf(s) !== 'en')) {
  forArticle({ slug, E: expected.get(slug) });
  defineLeakTests({ E: expected.get(slug), english, language: languageOf(slug) });
}
forArticle(null);
if (process.argv[2]) filterTests(process.argv[2]);

const server = await startServer(dist);
Object.assign(syntheticServer, await startServer(synthetic.dist));
Object.assign(pseudoServer, await startServer(pseudo.dist));
// A publisher's site on another origin, for the embed tests.
const pym = readFileSync(require.resolve('pym.js/dist/pym.v1.min.js'), 'utf8');
// The height the first article's snippet reserves, as the build wrote it.
const estimate = JSON.parse(readFileSync(join(dist, embedSlug, 'oembed.json'), 'utf8')).height;
const host = await startHostServer(hostPages(`${server.origin}/${embedSlug}`, server.origin, pym, expected.get(embedSlug), estimate));
const browsers = openBrowsers(require('playwright-core'));
let result = { passed: 0, failed: 0 };
try {
  const first = await browsers.for(DEFAULT_CONTEXT);
  console.log(`# ${BROWSER} ${first.version()}`);
  result = await runAll(browsers, server, { hostOrigin: host.origin, hosts: [host.host, syntheticServer.host, pseudoServer.host] });
} catch (err) {
  console.log(`not ok - harness\n  ${String(err?.stack ?? err).replace(/\n/g, '\n  ')}`);
  result.failed += 1;
} finally {
  await browsers.close();
  await server.close();
  await syntheticServer.close();
  await pseudoServer.close();
  await host.close();
  rmSync(synthetic.scratch, { recursive: true, force: true });
  rmSync(pseudo.scratch, { recursive: true, force: true });
}
console.log(`# wall time ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${outDir}`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed > 0 ? 1 : 0);
