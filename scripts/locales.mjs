// The locale files as the build scripts read them (build.rs reads them the same way for the app).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const FULL = ['sv', 'nb', 'da', 'en'];
export const PARTIAL = ['ar', 'uk', 'ti', 'so', 'prs', 'sv-x-easy'];

const locales = new URL('../locales/', import.meta.url);

export const hasLanguage = (language) => existsSync(new URL(`${language}/`, locales));

// A language's texts by whole key (`feature_key`), as build.rs reads them.
export function catalogue(language) {
  const dir = new URL(`${language}/`, locales);
  if (!existsSync(dir)) return {};
  const texts = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const feature = name.slice(0, -'.json'.length);
    for (const [key, text] of Object.entries(JSON.parse(readFileSync(new URL(name, dir), 'utf8')))) {
      texts[`${feature}_${key}`] = text;
    }
  }
  return texts;
}

// Every text a language's file holds: her languages completed with English.
export function bundle(language) {
  return FULL.includes(language) ? catalogue(language) : { ...catalogue('en'), ...catalogue(language) };
}

