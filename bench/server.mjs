// The benchmark's static server: dist/ as a CDN would serve it, plus the floor page.
//
// - HTTP/2 over TLS when asked (`h2`), with a throwaway self-signed certificate, as a CDN serves;
// - brotli (quality 11, compressed once per file and cached) when the request accepts `br`, gzip
//   when it accepts only that, identity otherwise; `Vary: Accept-Encoding`;
// - `Cache-Control: public, max-age=31536000, immutable` for content-hashed files, `no-cache` (with
//   an ETag, so a revisit revalidates) for index.html, boot.js and floor.html;
// - the Content-Security-Policy the page is built to run under (the browser tests' own);
// - every response is logged with the body bytes actually written, so the benchmark can count what
//   a page load really transferred.
//
// The floor page (/floor.html) is the article as plain semantic HTML with no script and its styles
// inline (one request), generated from the article's article.txt with the runtime's stylesheet, so
// the typography is the same and nothing but the HTML is waited for.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants as Z, gzipSync } from 'node:zlib';
import { csp, listen, MIME } from '../tests/browser/server.mjs';

const CSP = csp();

// Already compressed formats are sent as they are.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt', '.ico']);
// The runtime's content hash (tools/src/runtime.rs): `name-0123456789.ext`.
const HASHED = /-[0-9a-f]{10}\.[a-z0-9]+$/;

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A throwaway self-signed certificate for 127.0.0.1 (browsers only speak HTTP/2 over TLS; the
 * benchmark's Chromium is told to accept it). */
function selfSigned() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The runtime's stylesheet, from dist/_runtime/manifest.json: its text. */
export function stylesheetOf(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '_runtime', 'manifest.json'), 'utf8'));
  return readFileSync(join(dist, '_runtime', manifest.css), 'utf8');
}

/**
 * The floor page: the article as plain HTML, no script. Headline (first non-blank line) → <h1>,
 * each following non-blank line → <p>; the app's class names on those elements, so the shared
 * stylesheet gives them the same typography.
 */
export function floorPage(articleText, css, description, lang = 'en') {
  const lines = articleText
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const [headline, ...paragraphs] = lines;
  if (!headline || paragraphs.length === 0) throw new Error('article.txt needs a headline and paragraphs');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(headline)}</title>`,
    `<meta name="description" content="${escapeHtml(description)}">`,
    // Inline, as the honest floor: a page that waits for nothing but itself.
    `<style>${css.replace(/<\//g, '<\\/')}</style>`,
    '</head>',
    '<body>',
    '<main class="xa-root">',
    '<article class="xa-article">',
    `<header class="xa-header"><h1 class="xa-title">${escapeHtml(headline)}</h1></header>`,
    ...paragraphs.map((p) => `<p class="xa-para">${escapeHtml(p)}</p>`),
    '</article>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Picks the encoding a CDN would: br if accepted, else gzip, else identity (q=0 means refused). */
function negotiate(header) {
  const accepted = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (n) => (accepted.get(n) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Starts the server over `dist` with `extra` in-memory files ({ '/floor.html': string or Buffer });
 * `inlineStyle` lists the paths whose policy allows their inline `<style>` (the floor page's);
 * with `{ only: true }` it serves those alone and never reads the disk. Resolves to
 * { origin, host, log, warm(paths), close() }; `log` is an array of { path, status, encoding, bytes (body bytes written), raw (uncompressed size), ua }.
 */
export async function startServer(dist, extra = {}, { only = false, h2 = false, inlineStyle = [] } = {}) {
  const root = normalize(dist);
  const files = new Map(); // path → { raw, type, hashed, etag, enc: { br?, gzip? } }
  const load = (path) => {
    if (files.has(path)) return files.get(path);
    let raw;
    if (Object.hasOwn(extra, path)) raw = Buffer.isBuffer(extra[path]) ? extra[path] : Buffer.from(extra[path]);
    else if (only) return null;
    else {
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep)) return null;
      try {
        raw = readFileSync(file);
      } catch {
        return null;
      }
    }
    const ext = extname(path).toLowerCase();
    const entry = {
      raw,
      ext,
      type: MIME[ext] ?? 'application/octet-stream',
      hashed: HASHED.test(path),
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
      enc: {},
    };
    files.set(path, entry);
    return entry;
  };
  const encoded = (entry, encoding) => {
    if (encoding === 'identity' || !COMPRESSIBLE.has(entry.ext)) return { body: entry.raw, encoding: 'identity' };
    entry.enc[encoding] ??=
      encoding === 'br'
        ? brotliCompressSync(entry.raw, {
            params: {
              [Z.BROTLI_PARAM_QUALITY]: 11,
              [Z.BROTLI_PARAM_SIZE_HINT]: entry.raw.length,
              [Z.BROTLI_PARAM_MODE]: entry.ext === '.wasm' ? Z.BROTLI_MODE_GENERIC : Z.BROTLI_MODE_TEXT,
            },
          })
        : gzipSync(entry.raw, { level: 9 });
    return { body: entry.enc[encoding], encoding };
  };

  const log = [];
  const handler = (req, res) => {
    const record = { path: '?', status: 0, encoding: 'identity', bytes: 0, raw: 0, ua: req.headers['user-agent'] ?? '' };
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      record.path = path;
      const entry = load(path);
      if (!entry) {
        record.status = 404;
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
        res.end('not found');
        return;
      }
      const headers = {
        'content-type': entry.type,
        'cache-control': entry.hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag: entry.etag,
        vary: 'Accept-Encoding',
        'content-security-policy': inlineStyle.includes(path) ? CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'") : CSP,
        'x-content-type-options': 'nosniff',
      };
      if (!entry.hashed && req.headers['if-none-match'] === entry.etag) {
        record.status = 304;
        res.writeHead(304, headers).end();
        return;
      }
      const { body, encoding } = encoded(entry, negotiate(req.headers['accept-encoding']));
      if (encoding !== 'identity') headers['content-encoding'] = encoding;
      headers['content-length'] = body.length;
      Object.assign(record, { status: 200, encoding, raw: entry.raw.length, bytes: req.method === 'HEAD' ? 0 : body.length });
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      record.status = 500;
      res.writeHead(500).end(String(err));
    } finally {
      log.push(record);
    }
  };
  const server = h2 ? createSecureServer({ ...selfSigned(), allowHTTP1: true }, handler) : createServer(handler);
  const { port, sockets } = await listen(server);
  return {
    origin: `${h2 ? 'https' : 'http'}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    log,
    /** Compresses every file now, so no request of a measured load waits for brotli -q 11. */
    warm(paths) {
      for (const p of paths) {
        const e = load(p);
        if (e) for (const enc of ['br', 'gzip']) encoded(e, enc);
      }
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
