// Trunk post-build step: the page starts one of two apps (src/participant_app.rs). Trunk builds
// the participant's app as a "worker", with a plain name and no loader; here it gets a name with
// its content hash, like every other asset, and Trunk's loader and preload links for the whole
// app give way to two meta tags (each app's files and their integrity), just before the one
// loader script of index.html, which reads them to start the right app. Trunk's stylesheet link
// becomes a meta tag too: the loader adds the stylesheet, so that it does not hold back the
// first paint (style/boot.css, inline, styles that).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const base = process.env.TRUNK_PUBLIC_URL ?? '/';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const fail = (what) => {
  console.error(`choose-app: ${what} in ${file}`);
  process.exit(1);
};
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function take(pattern, what) {
  const found = html.match(pattern);
  if (!found) fail(`no ${what}`);
  html = html.replace(pattern, '');
  return found;
}
const [, wholeJs, wholeJsIntegrity] = take(/\s*<link rel="modulepreload" href="([^"]+\.js)"[^>]*?integrity="([^"]+)"[^>]*>/, "whole app's script preload");
const [, wholeWasm, wholeWasmIntegrity] = take(/\s*<link rel="preload" href="([^"]+_bg\.wasm)"[^>]*?integrity="([^"]+)"[^>]*>/, "whole app's wasm preload");
take(/\s*<script type="module"[^>]*>\s*import init, \* as bindings from [^<]*<\/script>/, "Trunk's loader");
const [, styleHref, styleIntegrity] = take(/\s*<link rel="stylesheet" href="([^"]+\.css)"[^>]*?integrity="([^"]+)"[^>]*>/, 'stylesheet');

// The participant's app under its content's hash (so a new build never meets an old copy in a cache).
const js = readFileSync(join(dir, 'participant.js'));
const wasm = readFileSync(join(dir, 'participant_bg.wasm'));
const name = `participant-${createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16)}`;
renameSync(join(dir, 'participant.js'), join(dir, `${name}.js`));
renameSync(join(dir, 'participant_bg.wasm'), join(dir, `${name}_bg.wasm`));

const meta = (app, jsPath, jsIntegrity, wasmPath, wasmIntegrity) =>
  `<meta name="stegvis-app" content="${app}" data-js="${jsPath}" data-js-integrity="${jsIntegrity}" data-wasm="${wasmPath}" data-wasm-integrity="${wasmIntegrity}" />`;
const metas = [
  `<meta name="stegvis-style" data-href="${styleHref}" data-integrity="${styleIntegrity}" />`,
  meta('whole', wholeJs, wholeJsIntegrity, wholeWasm, wholeWasmIntegrity),
  meta('participant', `${base}${name}.js`, integrity(js), `${base}${name}_bg.wasm`, integrity(wasm)),
];
const loader = '<script data-stegvis-loader>';
if (!html.includes(loader)) fail('no loader script');
html = html.replace(loader, `${metas.join('\n  ')}\n  ${loader}`);
writeFileSync(file, html);
