// Trunk post-build step: the boot screen's script in index.html gets the opening words of the
// pages people land on (home, her start page and the counsellor's list), in every language,
// from locales/: the same texts the app shows there, so that they appear before the app has
// come and stay when it has. Keyed by the path below the base, then by language: [heading, lead].
// With them, what the boot screen says when the app cannot start there (offline, on a page the
// device has not kept): by language, [heading, text, button].
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { FULL, PARTIAL, bundle, hasLanguage } from './locales.mjs';

const PLACEHOLDER = '{} /* boot-texts */';
const LANGUAGES = [...FULL, ...PARTIAL].filter(hasLanguage);
// The page, and its locale file with the "title" and "intro" its view shows (src/pages/).
const PAGES = { '': 'home', participant: 'self', counsellor: 'caseload' };

const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
const html = readFileSync(file, 'utf8');
if (!html.includes(PLACEHOLDER)) {
  console.error(`boot-texts: ${file} has no ${PLACEHOLDER}`);
  process.exit(1);
}
const texts = Object.fromEntries(LANGUAGES.map((language) => [language, bundle(language)]));
const locale = (language, feature) => {
  const prefix = `${feature}_`;
  return Object.fromEntries(
    Object.entries(texts[language]).filter(([key]) => key.startsWith(prefix)).map(([key, text]) => [key.slice(prefix.length), text]),
  );
};
// A language whose words are English's (her languages have no counsellor's page of their own)
// is left out: the boot screen shows English's, as the app will.
const own = (table) =>
  Object.fromEntries(Object.entries(table).filter(([language, words]) => language === 'en' || JSON.stringify(words) !== JSON.stringify(table.en)));
const openings = Object.fromEntries(
  Object.entries(PAGES).map(([path, feature]) => [
    path,
    own(Object.fromEntries(LANGUAGES.map((language) => {
      const { title, intro } = locale(language, feature);
      return [language, [title, intro]];
    }))),
  ]),
);
const notStarted = own(Object.fromEntries(LANGUAGES.map((language) => {
  const { not_started_title, not_started_text, not_started_retry } = locale(language, 'offline');
  return [language, [not_started_title, not_started_text, not_started_retry]];
})));
// Inside a script: "<" never ends it early.
const json = JSON.stringify({ openings, notStarted }).replaceAll('<', '\\u003c');
writeFileSync(file, html.replace(PLACEHOLDER, json));
