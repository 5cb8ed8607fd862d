import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Tests read the same locale files the app is built from, so no text is hard-coded twice.
export const LANGUAGES = ['sv', 'nb', 'da', 'en'] as const;
// Her languages: her pages only; where one has no text of its own, the app shows English's.
export const HER_LANGUAGES = ['ar', 'uk', 'ti', 'so', 'prs', 'sv-x-easy'] as const;
export type Language = (typeof LANGUAGES)[number] | (typeof HER_LANGUAGES)[number];
export type Texts = Record<string, string>;
/** The `lang` attribute a language's pages carry (Dari as Persian of Afghanistan). */
export const TAG: Record<Language, string> = { sv: 'sv', nb: 'nb', da: 'da', en: 'en', ar: 'ar', uk: 'uk', ti: 'ti', so: 'so', prs: 'fa-AF', 'sv-x-easy': 'sv' };
export const RTL: readonly Language[] = ['ar', 'prs'];

function load(language: Language): Texts {
  const dir = join('locales', language);
  const texts: Texts = {};
  if (!existsSync(dir)) return texts;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const feature = file.replace(/\.json$/, '');
    for (const [key, text] of Object.entries(JSON.parse(readFileSync(join(dir, file), 'utf8')))) {
      texts[`${feature}_${key}`] = text as string;
    }
  }
  return texts;
}

export const TEXTS: Record<Language, Texts> = Object.fromEntries([
  ...LANGUAGES.map((language) => [language, load(language)]),
  ...HER_LANGUAGES.map((language) => [language, { ...load('en'), ...load(language) }]),
]) as Record<Language, Texts>;

/** A number in a language's digits (Arabic-Indic in Arabic, Persian in Dari), as the app writes it. */
export function num(t: Texts, n: number): string {
  const digits = [...(t.common_digits ?? '0123456789')];
  return String(n).replace(/[0-9]/g, (d) => digits[Number(d)]);
}
