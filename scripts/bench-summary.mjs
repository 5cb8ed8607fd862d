// Prints every benchmark figure in one table, each beside its goal (issues 15 and 17): the
// brotli bytes of the build, the browser benchmarks' JSON in test-results/ and Lighthouse's
// medians. A figure over its goal is marked, never failed: benchmarks report, tests assert.
// Usage: node scripts/bench-summary.mjs [dist] [test-results]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const results = process.argv[3] ?? 'test-results';
const read = (file) => {
  const path = join(results, file);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
};
const kb = (bytes) => Math.round(bytes / 102.4) / 10;
const rows = [];
/** One row; `better` says which way is good, so that the mark is right for scores too. */
const row = (what, figure, unit, goal, better = 'lower') => {
  const met = figure === undefined || goal === undefined ? undefined : better === 'lower' ? figure <= goal : figure >= goal;
  const shown = figure === undefined ? 'not measured' : `${figure} ${unit}`;
  const goalText = goal === undefined ? '' : `${better === 'lower' ? '≤' : '≥'} ${goal} ${unit}`;
  rows.push([what, shown, goalText, met === undefined ? '' : met ? 'met' : 'OVER']);
};

// The build, file by file as a host serves it (the .br files scripts/compress-dist.mjs writes).
if (existsSync(dist)) {
  const files = readdirSync(dist).filter((f) => f.endsWith('.br'));
  const size = (file) => statSync(join(dist, file)).size;
  const sum = (list) => kb(list.reduce((total, file) => total + size(file), 0));
  // Her phone loads the participant's app; the whole app is for every other page (src/participant_app.rs).
  row("wasm of the participant's app, brotli", sum(files.filter((f) => f.startsWith('participant-') && f.includes('_bg.wasm'))), 'KB', 275);
  // One language's texts for her pages (texts/her-<code>-<hash>.json): the largest of them.
  const texts = join(dist, 'texts');
  if (existsSync(texts)) {
    const hers = readdirSync(texts).filter((f) => f.startsWith('her-') && f.endsWith('.json.br'));
    const largest = hers.map((f) => [f, statSync(join(texts, f)).size]).sort((a, b) => b[1] - a[1])[0];
    row(`one language's texts for her pages, brotli (largest: ${largest?.[0].replace(/-[0-9a-f]+\.json\.br$/, '')})`, largest && kb(largest[1]), 'KB', 12);
  }
  // The goal is her phone's wasm; the whole app's (the counsellor's and trainer's pages, which
  // her phone fetches only if it opens them) is shown beside it, and its pages have Lighthouse's goals.
  row('wasm of the whole app, brotli (not on her path)', sum(files.filter((f) => f.startsWith('stegvis-') && f.includes('_bg.wasm'))), 'KB');
  row('ECharts bundle, brotli (fetched by chart screens only)', sum(files.filter((f) => f.startsWith('echarts-'))), 'KB');
  row('the whole build, brotli', sum(files), 'KB');
}

const bytes = read('bench-bytes-allow.json');
row("participant's path (home → 8 questions → thanks), in English, with the service worker", bytes?.total_kb, 'KB', 310);
row("participant's path, in English, with the service worker and the data saver on", read('bench-bytes-saver.json')?.total_kb, 'KB', 310);
row("participant's path, in English, without the service worker", read('bench-bytes-block.json')?.total_kb, 'KB', 310);
for (const language of ['sv', 'ar', 'ti']) {
  row(`participant's path in ${language}, with the service worker`, read(`bench-bytes-${language}.json`)?.total_kb, 'KB', 310);
}

// Records that travel (issue 34): her plan's code as her phone's camera reads it from the laptop,
// and a year's record for a colleague (12 rounds, a comment on every answer) as codes.
row("her plan (1 goal, 4 sub-goals, 6 activities of 60 characters): QR code version", read('bench-her-plan.json')?.version, '', 25);
const record = read('bench-record.json');
row("a year's record for a colleague (12 rounds, comments), sealed and compressed", record && kb(record.sealed_bytes), 'KB');
row("the same record as a sequence of QR codes (version 15 at most)", record?.codes || undefined, 'codes', 40);

// LIX of her pages' texts (issue 33), by the shared tool where this machine has it.
const lixTool = new URL('../../shared/tools/lix.py', import.meta.url);
for (const [language, goal] of [['sv-x-easy', 14], ['sv', 20], ['nb', 22], ['da', 22]]) {
  const files = ['questions', 'self', 'home', 'items'].map((f) => `locales/${language}/${f}.json`);
  const run = existsSync(lixTool) ? spawnSync('python3', [lixTool.pathname, '--min-words', '3', ...files], { encoding: 'utf8' }) : undefined;
  const lix = run?.stdout?.match(/overall LIX ([0-9.]+)/)?.[1];
  row(`LIX of her pages' texts, ${language} (questions, self, home, items)`, lix === undefined ? undefined : Number(lix), '', goal);
}

for (const [page, name] of [['/', 'home'], ['/participant', 'participant start'], ['/counsellor', 'counsellor']]) {
  const lh = read('lighthouse.json')?.[page];
  row(`Lighthouse mobile, ${name}: performance (median of 3)`, lh?.performance, '', 95, 'higher');
  row(`Lighthouse mobile, ${name}: LCP`, lh?.lcp_ms, 'ms', 2500);
  row(`Lighthouse mobile, ${name}: total blocking time`, lh?.tbt_ms, 'ms', 150);
  const others = lh && ['accessibility', 'best-practices', 'seo'].map((c) => lh[c]);
  rows.push([
    `Lighthouse mobile, ${name}: accessibility / best practices / SEO`,
    others ? others.join(' / ') : 'not measured',
    '100 / 100 / 100',
    others ? (others.every((score) => score === 100) ? 'met' : 'OVER') : '',
  ]);
}

row('participant page, 12-round diagram drawn, 4× CPU', read('bench-chart.json')?.median, 'ms', 500);
row('caseload 150 × 12 drawn, 4× CPU', read('bench-speed-caseload.json')?.median, 'ms', 300);
row('one answer to the next question, 4× CPU', read('bench-speed-question.json')?.median, 'ms', 50);
row('caseload 150 × 12 filtered, 4× CPU', read('bench-worklist.json')?.median, 'ms', 50);
const lock = read('bench-lock.json');
row('unlock, desktop', lock?.desktop, 'ms', 1000);
row('unlock, 4× CPU', lock?.slowed4x, 'ms', 3000);
// Issue 31: a keystroke closed or killed 200 ms later, 20 tries each.
const kill = read('bench-kill.json');
row('changes lost, browser closed 200 ms after a keystroke (of 20)', kill?.close, '', 0);
row('changes lost, browser killed 200 ms after a keystroke (of 20)', kill?.kill, '', 0);
// Issue 31: two tabs of one browser typing at one instant, into two people, one person's two
// items and one field (tests/e2e/bench-two-tabs.spec.ts).
row('changes lost, two tabs typing at once, 50 rounds (different and same participants)', read('bench-two-tabs.json')?.lost, '', 0);
// Issue 31: one keystroke saved, with comments, 4× CPU, input to the next frame; beside it, to
// its commit in IndexedDB (a change on disk within 200 ms); a caseload that does not fit says so.
for (const people of [150, 1000]) {
  const typing = read(`bench-typing-${people}.json`);
  for (const which of ['plain', 'locked']) {
    const figure = typing?.[which];
    if (figure === 'does not fit') rows.push([`one keystroke saved, ${people} × 12 with comments, ${which}, 4× CPU`, 'does not fit', `≤ ${typing.goal} ms`, 'OVER']);
    else {
      row(`one keystroke saved, ${people} × 12 with comments, ${which}, 4× CPU`, figure?.median, 'ms', typing?.goal ?? 16);
      row(`  the same keystroke committed to IndexedDB, ${which}`, figure?.saved, 'ms', 200);
    }
  }
  for (const [which, goal, what] of [['open', 1000, 'unlocked'], ['openLocked', 1500, 'unlock included']]) {
    const figure = typing?.[which];
    if (figure === 'does not fit') rows.push([`open to a drawn list, ${people} × 12, ${what}, 4× CPU`, 'does not fit', `≤ ${goal} ms`, 'OVER']);
    else {
      row(`open to a drawn list, ${people} × 12, ${what}, 4× CPU`, figure?.list, 'ms', goal);
      // A large list is drawn before the records are read; the page's search and filters follow.
      row(`  the whole page (search and filters) at`, figure?.page, 'ms');
    }
  }
}
// Issue 31: the largest caseload that fits and works (goal 5,000 × 12), CPU not slowed.
const large = read('bench-large.json');
if (large) {
  const what = `${large.people} × 12 with comments (${large.megabytes} MB): fits, opens, keeps a keystroke`;
  rows.push([what, large.fits && large.kept ? 'yes' : 'no', 'yes', large.fits && large.kept ? 'met' : 'OVER']);
  row(`open to a drawn list, ${large.people} × 12, CPU not slowed`, large.open_ms, 'ms');
  row(`one keystroke saved, ${large.people} × 12, CPU not slowed`, large.keystroke_ms, 'ms');
} else rows.push(['5000 × 12 with comments: fits, opens, keeps a keystroke', 'not measured', 'yes', '']);

const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
console.log('\n== benchmarks: figure beside goal');
for (const r of rows) console.log(r.map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  '));
