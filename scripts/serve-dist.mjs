// A small static server for dist/, as any plain web host would serve it, plus the one rule a
// single-page app needs: an unknown path without a file extension gets index.html.
// Serves precompressed .br/.gz files when the browser accepts them.
// Usage: node scripts/serve-dist.mjs [--dir dist] [--host 127.0.0.1] [--port 8080] [--base /]
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.dir ?? 'dist');
const host = args.host ?? '127.0.0.1';
const port = Number(args.port ?? 8080);
const base = (args.base ?? '/').replace(/\/?$/, '/');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// What every host of Stegvis should send (README "Hosting"; public/_headers says the same for
// hosts that read such a file). A meta CSP cannot forbid framing, so the header does.
const HOST_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

function send(res, req, file, status = 200) {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const accepts = req.headers['accept-encoding'] ?? '';
  let body = file;
  const headers = { ...HOST_HEADERS, 'Content-Type': type, Vary: 'Accept-Encoding' };
  for (const [suffix, encoding] of [['.br', 'br'], ['.gz', 'gzip']]) {
    if (accepts.includes(encoding) && existsSync(file + suffix)) {
      body = file + suffix;
      headers['Content-Encoding'] = encoding;
      break;
    }
  }
  // Trunk puts a content hash in its assets' names: those never change. Everything else
  // (index.html, the service worker, the manifest and its icons) is asked for afresh.
  const hashed = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(file); // Trunk writes no leading zeros
  headers['Cache-Control'] = hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
  // As hosts do: a browser asking again for what it has gets "not modified", without the body.
  const contents = readFileSync(body);
  headers.ETag = `"${createHash('sha256').update(contents).digest('base64url').slice(0, 22)}"`;
  if (status === 200 && req.headers['if-none-match'] === headers.ETag) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : contents);
}

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!path.startsWith(base) && `${path}/` !== base) {
    res.writeHead(404, { ...HOST_HEADERS, 'Content-Type': 'text/plain' });
    return res.end('Not found');
  }
  const inside = normalize(join(root, path.slice(base.length)));
  if (!inside.startsWith(root)) {
    res.writeHead(403, HOST_HEADERS);
    return res.end();
  }
  if (existsSync(inside) && statSync(inside).isFile()) return send(res, req, inside);
  if (extname(path) === '') return send(res, req, join(root, 'index.html'));
  res.writeHead(404, { ...HOST_HEADERS, 'Content-Type': 'text/plain' });
  res.end('Not found');
}).listen(port, host, () => {
  console.log(`Stegvis is served at http://${host}:${port}${base}  (Ctrl+C stops it)`);
});
