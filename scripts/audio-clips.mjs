// Prints the recorded clips her question pages can play where the phone has no voice for her
// language (Somali and Tigrinya on common phones; issue 33): one clip per question, reading the
// question, its five steps by number and "rather not answer", as the page shows them. An
// organisation records them and puts them at public/audio/<language>/<name>.<mp3|m4a|ogg|wav>;
// the next build lists them in that language's texts (scripts/texts.mjs), and the read-aloud
// button plays them. Usage: node scripts/audio-clips.mjs [language ...] (all of her languages
// if none is named).
import { FULL, PARTIAL, bundle, hasLanguage } from './locales.mjs';
import { CLIPPED_ITEMS, clipName } from './audio.mjs';

const languages = process.argv.slice(2).length ? process.argv.slice(2) : [...FULL, ...PARTIAL].filter(hasLanguage);
for (const language of languages) {
  if (!hasLanguage(language)) {
    console.error(`audio-clips: no locales/${language}/`);
    process.exit(1);
  }
  const t = bundle(language);
  console.log(`# public/audio/${language}/`);
  for (const item of CLIPPED_ITEMS) {
    const steps = [1, 2, 3, 4, 5].map((n) => `${n}. ${t[`questions_${item}_step_${n}`]}`);
    console.log(`${clipName(item)}.mp3\t${[t[`questions_${item}_question`], ...steps, t.questions_rather_not].join(' ')}`);
  }
}
