// Writes .br and .gz beside every text and wasm file in dist/ so the static server (and any
// host that supports precompressed files) sends small files over slow connections.
// Prints the sizes: `node scripts/compress-dist.mjs [dist] [--report]`.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

const dir = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 'dist';
const report = process.argv.includes('--report');
const COMPRESSIBLE = new Set(['.wasm', '.js', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest']);

function* files(path) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

const rows = [];
for (const file of files(dir)) {
  if (!COMPRESSIBLE.has(extname(file))) continue;
  const raw = readFileSync(file);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  rows.push([relative(dir, file), raw.length, gz.length, br.length]);
}
if (report) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(`${'file'.padEnd(40)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  for (const [name, raw, gz, br] of rows) console.log(`${name.padEnd(40)}${kb(raw)}${kb(gz)}${kb(br)}`);
  const sum = (i) => rows.reduce((total, row) => total + row[i], 0);
  console.log(`${'total'.padEnd(40)}${kb(sum(1))}${kb(sum(2))}${kb(sum(3))}`);
}
