// Trunk post-build step, after choose-app.mjs: each language's texts as files of their own, so
// the wasm carries no words and a phone downloads one language's (src/i18n/loading.rs).
//
// - texts/<code>-<hash>.json: every text of a language, for the whole app. A language of her
//   pages only (build.rs PARTIAL) has the English text where it has none of its own.
// - texts/her-<code>-<hash>.json: only the texts her own app can show. Which ones is read from
//   her app's wasm: a text's method names its key as a string there (build.rs), and the linker
//   leaves out every method no page calls. The texts her pages name by data (a question's steps,
//   an item's short name) are whole locale files: DATA_NAMED.
// - audio/<code>/: the clips an organisation recorded for reading her questions aloud where
//   phones have no voice for the language (public/audio/, scripts/audio-clips.mjs).
// - index.html gets a meta tag naming every file by bundle and language, read by the app and by
//   the loader script, which asks for the one the app will start in while the wasm comes.
// The hash in a name is its content's, like Trunk's, so a file is cached for good.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { clips } from './audio.mjs';
import { FULL, PARTIAL, bundle, catalogue, hasLanguage } from './locales.mjs';

const DATA_NAMED = ['questions', 'items'];

// The keys her app's wasm can show.
function herKeys(wasm, keys) {
  const named = (key) => DATA_NAMED.some((feature) => key.startsWith(`${feature}_`));
  return keys.filter((key) => named(key) || wasm.includes(key));
}

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const wasmPath = html.match(/<meta name="stegvis-app" content="participant"[^>]*? data-wasm="([^"]+)"/)?.[1];
if (!wasmPath) {
  console.error(`texts: no participant app in ${file}`);
  process.exit(1);
}
const base = process.env.TRUNK_PUBLIC_URL ?? '/';
const wasm = readFileSync(join(dir, wasmPath.slice(base.length)));
const hers = herKeys(wasm, Object.keys(catalogue('sv')));
mkdirSync(join(dir, 'texts'), { recursive: true });
const files = {};
const write = (name, texts) => {
  const json = JSON.stringify(texts);
  const path = `texts/${name}-${createHash('sha256').update(json).digest('hex').slice(0, 16)}.json`;
  writeFileSync(join(dir, path), json);
  files[name] = path;
  return json.length;
};
let herBytes = 0;
for (const language of [...FULL, ...PARTIAL]) {
  if (!hasLanguage(language)) continue;
  const texts = bundle(language);
  // Recorded clips for reading her questions aloud (scripts/audio.mjs): copied, and named in
  // both of the language's files as `audio:<name>`.
  const audio = {};
  for (const [name, clip] of Object.entries(clips(language))) {
    mkdirSync(join(dir, 'audio', language), { recursive: true });
    copyFileSync(new URL(`../public/audio/${language}/${clip}`, import.meta.url), join(dir, 'audio', language, clip));
    audio[`audio:${name}`] = `audio/${language}/${clip}`;
  }
  write(language, { ...texts, ...audio });
  const herTexts = { ...Object.fromEntries(hers.map((key) => [key, texts[key]])), ...audio };
  herBytes = Math.max(herBytes, write(`her-${language}`, herTexts));
}
const meta = `<meta name="stegvis-texts" content="${JSON.stringify(files).replaceAll('"', '&quot;')}" />`;
const loader = '<script data-stegvis-loader>';
if (!html.includes(loader)) {
  console.error(`texts: no loader script in ${file}`);
  process.exit(1);
}
writeFileSync(file, html.replace(loader, `${meta}\n  ${loader}`));
console.log(`texts: ${Object.keys(files).length} files; her pages ${hers.length} texts, at most ${(herBytes / 1024).toFixed(1)} KB a language`);
