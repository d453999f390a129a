// A tiny static file server over dist/, on 127.0.0.1 and an ephemeral port, with the strict
// Content-Security-Policy the page is built to run under (so a violation shows up as a console error).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The second loopback address the embed tests' publisher pages are served from (another origin). */
export const HOST_IP = '127.0.0.2';

/** The Content-Security-Policy the test server sends; `ancestors`: more origins that may frame it. */
export const csp = (ancestors = []) => [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  // The example host page in dist/ frames the article from its own origin.
  "frame-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  // Publishers embed the article: here the host pages of the embed tests, on a second loopback origin.
  `frame-ancestors 'self' http://${HOST_IP}:* ${ancestors.join(' ')}`.trim(),
].join('; ');


/** Starts `server` on 127.0.0.1 and `port` (an ephemeral one by default). Browsers keep
 * connections alive, so the open sockets are tracked for close() to end them instead of hanging. */
export async function listen(server, ip = '127.0.0.1', port = 0) {
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, ip, resolve);
  });
  return { port: server.address().port, sockets };
}

/** Serves `root`; resolves to { origin, host, close() }. `port`: a fixed one (WordPress fetches
 * only from ports 80, 443 and 8080); `ancestors`: origins besides the tests' hosts that may frame
 * the pages. */
export async function startServer(root, { port = 0, ancestors = [] } = {}) {
  const policy = csp(ancestors);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
        // As `rig serve` and README's Deploying ask: a sandboxed frame (an opaque origin) fetches
        // the runtime's module scripts and wasm as cross-origin requests.
        ...(path.startsWith('/_runtime/') ? { 'access-control-allow-origin': '*' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  const { port: bound, sockets } = await listen(server, '127.0.0.1', port);
  return {
    origin: `http://127.0.0.1:${bound}`,
    host: `127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A publisher's site for the embed tests, on HOST_IP: serves `pages` (path → { body, type }) and
 * nothing else, with no CSP of its own, as a CMS page would be. */
export async function startHostServer(pages) {
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url, 'http://host').pathname];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' }).end(page.body);
  });
  const { port, sockets } = await listen(server, HOST_IP);
  return {
    origin: `http://${HOST_IP}:${port}`,
    host: `${HOST_IP}:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
