import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Tests read the same locale files the app is built from, so no text is hard-coded twice.
export const LANGUAGES = ['sv', 'nb', 'da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Texts = Record<string, string>;

function load(language: Language): Texts {
  const dir = join('locales', language);
  const texts: Texts = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const feature = file.replace(/\.json$/, '');
    for (const [key, text] of Object.entries(JSON.parse(readFileSync(join(dir, file), 'utf8')))) {
      texts[`${feature}_${key}`] = text as string;
    }
  }
  return texts;
}

export const TEXTS: Record<Language, Texts> = Object.fromEntries(
  LANGUAGES.map((language) => [language, load(language)]),
) as Record<Language, Texts>;
