// See scripts/size.sh.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = 'dist';
const runtimeDir = join(dist, '_runtime');
if (!existsSync(join(runtimeDir, 'manifest.json'))) {
  console.error('dist/_runtime/manifest.json is missing: build the site first (scripts/build.sh)');
  process.exit(2);
}
const FIRST = 80 * 1024;
const SECOND = 12_000;
const runtime = JSON.parse(readFileSync(join(runtimeDir, 'manifest.json'), 'utf8'));
const brotli = (path) => execFileSync('brotli', ['-q', '11', '-c', path]).length;
const row = (name, raw, br, note = '') => console.log(`${name.padEnd(52)} ${String(raw).padStart(9)} ${String(br).padStart(9)}  ${note}`);

const shared = ['boot', 'glue', 'wasm', 'css', 'icon'].map((k) => join(runtimeDir, runtime[k]));
console.log(`${'file'.padEnd(52)} ${'raw'.padStart(9)} ${'brotli'.padStart(9)}`);
let sharedRaw = 0;
let sharedBr = 0;
for (const path of shared) {
  const raw = statSync(path).size;
  const br = brotli(path);
  sharedRaw += raw;
  sharedBr += br;
  row(path, raw, br);
}
row('runtime, every article shares it (cached a year)', sharedRaw, sharedBr);
console.log('');
let over = false;
const slugs = readdirSync(dist).filter((d) => existsSync(join(dist, d, 'article.json'))).sort();
for (const slug of slugs) {
  const page = join(dist, slug, 'index.html');
  const raw = statSync(page).size;
  const br = brotli(page);
  const first = br + sharedBr;
  const firstOk = first <= FIRST;
  const secondOk = br <= SECOND;
  over ||= !firstOk || !secondOk;
  row(page, raw, br, `second visit ${secondOk ? 'within' : 'OVER'} ${SECOND}`);
  row(`  first visit to ${slug}`, raw + sharedRaw, first, `${firstOk ? 'within' : 'OVER'} ${FIRST} (80 KiB)`);
}
process.exit(over ? 1 : 0);
