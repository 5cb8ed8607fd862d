// Trunk post-build step: Trunk leaves wasm-bindgen's glue and the stylesheets as they were
// written (its own minifier would also rewrite index.html's inline scripts, whose placeholders
// the next steps fill in). esbuild makes them about a third smaller over the wire, and the
// integrity index.html gives them follows. ECharts comes minified already.
import { transformSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const minify = (code, loader) => transformSync(code, { loader, minify: true }).code; // no target: nothing is rewritten for older browsers
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

// The two apps' glue (the participant's still under its plain name) and the stylesheet.
const names = readdirSync(dir).filter((name) => /^(stegvis-[0-9a-f]+\.js|participant\.js|main-[0-9a-f]+\.css)$/.test(name));
if (names.length !== 3) {
  console.error(`minify: expected two apps' scripts and a stylesheet in ${dir}, found ${names.join(', ')}`);
  process.exit(1);
}
for (const name of names) {
  const code = minify(readFileSync(join(dir, name), 'utf8'), name.endsWith('.css') ? 'css' : 'js');
  // A new name for the new contents (Trunk's hash was of the unminified file): a browser that
  // keeps files by name for good never holds another minifier's copy under this one.
  const renamed = name.replace(/-[0-9a-f]+\./, `-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.`);
  rmSync(join(dir, name));
  writeFileSync(join(dir, renamed), code);
  const attribute = new RegExp(`(href="[^"]*/${name.replaceAll('.', '\\.')}"[^>]*?integrity=")[^"]+`);
  html = html.replace(attribute, `$1${integrity(code)}`).replaceAll(`/${name}`, `/${renamed}`);
}
// The inline style (style/boot.css): csp-hash.mjs hashes it as it ends up here.
html = html.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open, css, close) => open + minify(css, 'css').trim() + close);
writeFileSync(file, html);
