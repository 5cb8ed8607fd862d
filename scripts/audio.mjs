// Recorded clips for reading her questions aloud (scripts/audio-clips.mjs lists them): where
// they are, and which texts key each is listed under for the app (src/components/read_aloud.rs
// asks for `audio:<name>` in the language's texts).
import { existsSync, readdirSync } from 'node:fs';

// The eight questions of her part, in the app's order (src/domain/questionnaire.rs).
export const CLIPPED_ITEMS = ['job_chances', 'managing_job', 'cooperation', 'health', 'everyday_life', 'competence', 'wage_level', 'job_search'];
export const clipName = (item) => `questions_${item}_question`;
const EXTENSIONS = /\.(mp3|m4a|ogg|oga|opus|wav|webm)$/;

// The clips an organisation has put in public/audio/<language>/: { name: file name }.
export function clips(language) {
  const dir = new URL(`../public/audio/${language}/`, import.meta.url);
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).filter((file) => EXTENSIONS.test(file)).map((file) => [file.replace(EXTENSIONS, ''), file]));
}
