// Trunk post-build hook: instead of 'unsafe-inline', the Content-Security-Policy allows exactly
// the page's inline scripts (the loader, the boot screen's words and the line that says the boot
// screen has been read) and its inline style (style/boot.css) by their SHA-256.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
let html = readFileSync(file, 'utf8');

const hashes = (pattern) =>
  [...html.matchAll(pattern)]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
    .join(' ');
const PLACES = [
  ["'inline-script-hashes'", /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g],
  ["'inline-style-hashes'", /<style[^>]*>([\s\S]*?)<\/style>/g],
];
for (const [placeholder, pattern] of PLACES) {
  if (!html.includes(placeholder)) {
    console.error(`csp-hash: ${file} has no ${placeholder} in its Content-Security-Policy`);
    process.exit(1);
  }
  html = html.replace(placeholder, hashes(pattern));
}
writeFileSync(file, html);
