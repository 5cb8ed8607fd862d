// Where the wasm's bytes go (issue 15): twiggy on the module before wasm-bindgen and wasm-opt
// (names intact), summed by crate and by the app's room (pages::x, components::x, domain, …).
// Generic code compiled for a page's types (tachys views, closures) counts for that page too.
// Usage: scripts/build-release first, then node scripts/wasm-bytes.mjs [module.wasm] [--top N]
// Needs twiggy (`cargo install twiggy`); not part of scripts/test, which must stay fast.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const target = process.env.CARGO_TARGET_DIR ?? 'target';
const wasm = process.argv.find((a) => a.endsWith('.wasm')) ?? join(target, 'wasm32-unknown-unknown/release/stegvis.wasm');
const topAt = process.argv.indexOf('--top');
const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 25;
if (!existsSync(wasm)) {
  console.error(`no ${wasm}: run scripts/build-release first`);
  process.exit(1);
}
const twiggy = spawnSync('twiggy', ['top', '--format', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (twiggy.error || twiggy.status !== 0) {
  console.error('twiggy is missing or failed: cargo install twiggy');
  process.exit(1);
}

/** Splits one CSV line of twiggy's output into its fields (names may hold commas and quotes). */
function fields(line) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) out.push(cell), (cell = '');
    else cell += ch;
  }
  return [...out, cell];
}

/** The crate a demangled symbol's code belongs to: its own path, or for `<T as Trait>` the type's. */
function crateOf(name) {
  const inner = name.match(/^<(?:&(?:mut )?)?([a-z_][a-z0-9_]*)::/);
  if (inner) return inner[1];
  const trait = name.match(/^<[^ ]+ as ([a-z_][a-z0-9_]*)::/);
  if (trait) return trait[1];
  const dropped = name.match(/^core::ptr::drop_in_place<(?:&(?:mut )?)?([a-z_][a-z0-9_]*)::/);
  if (dropped) return dropped[1];
  const plain = name.match(/^([a-z_][a-z0-9_]*)::/);
  return plain ? plain[1] : '(other)';
}

/** The app's room a symbol was compiled for, e.g. "pages::question", or undefined. */
function roomOf(name) {
  const room = name.match(/stegvis::((?:pages|components)::[a-z_0-9]+|[a-z_0-9]+)/);
  return room?.[1];
}

const byCrate = new Map();
const byRoom = new Map();
const sections = new Map();
let code = 0;
const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
for (const line of twiggy.stdout.trim().split('\n').slice(1)) {
  const [symbol, size] = fields(line);
  const name = symbol.replace(/\[[0-9a-f]{16}\]/g, ''); // core[c5930c85a12de822]:: is core::
  const bytes = Number(size);
  if (!name || name.startsWith('Σ') || Number.isNaN(bytes)) continue;
  // Custom sections (names, wasm-bindgen's metadata) never ship: wasm-bindgen and wasm-opt drop them.
  // So do the describe functions wasm-bindgen runs at build time to learn the exported types.
  if (/subsection|custom section|__wbindgen_describe/.test(name)) continue;
  if (/^data segment|^data\[/.test(name)) {
    add(sections, 'data (texts and other constants)', bytes);
    continue;
  }
  code += bytes;
  add(byCrate, crateOf(name), bytes);
  const room = roomOf(name);
  if (room) add(byRoom, room, bytes);
}
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const table = (title, map, of) => {
  console.log(`\n${title}`);
  for (const [key, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${kb(bytes)} KB  ${((100 * bytes) / of).toFixed(1).padStart(5)}%  ${key}`);
  }
};
console.log(`${wasm}: ${kb(code)} KB of code before wasm-opt`);
for (const [key, bytes] of sections) console.log(`${kb(bytes)} KB  ${key}`);
table('by crate (share of code)', byCrate, code);
table("by the app's room, including generic code compiled for it (share of code)", byRoom, code);
