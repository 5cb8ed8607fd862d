// Trunk post-build step, once the page's inline scripts hold their texts (boot-texts.mjs) and
// before csp-hash.mjs hashes them: index.html leaves without its comments, and its inline
// scripts minified by esbuild. The comments are for readers of the source; every phone that
// opens her page would otherwise download them.
import { transformSync } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
const before = readFileSync(file, 'utf8');
const html = before
  .replace(/<!--[\s\S]*?-->\s*/g, '')
  .replace(
    /(<script(?![^>]*\bsrc=)[^>]*>)([\s\S]*?)(<\/script>)/g,
    (_, open, code, close) => open + transformSync(code, { loader: 'js', minify: true }).code.trim() + close,
  );
writeFileSync(file, html);
console.log(`minify-page: index.html ${(before.length / 1024).toFixed(1)} → ${(html.length / 1024).toFixed(1)} KB`);
