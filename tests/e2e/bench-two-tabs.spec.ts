import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { deviceStorage, storedData } from './pages/app';
import { generatedCaseload, seed } from './pages/caseload';

// Issue 31: two tabs of one browser typing at the same moment, into different participants and
// into the same one, lose nothing. Tab A stays on person p1's plan; tab B is on p2's plan or on
// p1's. Each round, both tabs type one word into a field at one instant:
// - "people": different participants (A into p1's goal or sub-goal, B into p2's);
// - "fields": the same participant, different items (p1's goal is part of the person, its
//   sub-goal part of the plan: two items of `domain::three_way`, both kept by the merge);
// - "same": the same field (p1's goal, or p1's sub-goal). One item changed in two tabs without
//   either seeing the other's change: the later save wins the item and the other version is kept
//   aside as a recovery copy (`storage::tab_store`). There the round counts as kept when at least
//   one of the two words is in the data.
// A word is appended to what the field shows, as typing does, so every round's word stays in the
// field's text: at the end, storage must hold every word that should have survived, both tabs
// must show what storage holds, and again after each tab is reloaded.
//
// "At the same moment": Playwright's fill() runs its checks and the input one tab after the
// other over one connection, so the first tab's save would often reach the second tab before the
// second types. Instead both tabs are handed one instant of the machine's wall clock (Date.now()
// here, performance.timeOrigin + now() in each renderer), wait for it inside the page, then set
// the field's value and dispatch the input event; the app saves in the microtask after it. A round truly overlapped
// when each tab typed before the other's save reached it: a listener on the app's own
// BroadcastChannel (`storage::indexed_db`) notes when a write carrying the other tab's word
// arrives. The figure says how many rounds overlapped.

const ROUNDS = 50;
const PEOPLE = ['p1', 'p2'] as const;
type Field = `${'goal' | 'sub'}:${(typeof PEOPLE)[number]}`;
type Kind = 'people' | 'fields' | 'same';

/** What a round does: each tab's field, in the order of a cycle of five. */
function plan(round: number): { kind: Kind; a: Field; b: Field } {
  const flip = Math.floor(round / 5) % 2 === 1;
  switch (round % 5) {
    case 0:
    case 1:
      return { kind: 'people', a: round % 2 ? 'sub:p1' : 'goal:p1', b: flip ? 'sub:p2' : 'goal:p2' };
    case 2:
    case 3:
      return round % 5 === 2 !== flip
        ? { kind: 'fields', a: 'goal:p1', b: 'sub:p1' }
        : { kind: 'fields', a: 'sub:p1', b: 'goal:p1' };
    default:
      return flip ? { kind: 'same', a: 'sub:p1', b: 'sub:p1' } : { kind: 'same', a: 'goal:p1', b: 'goal:p1' };
  }
}

/** Three people with two rounds each; p1 and p2 with a goal and one sub-goal. */
function caseload(): string {
  const envelope = JSON.parse(generatedCaseload(3, 2));
  for (const id of PEOPLE) {
    envelope.data.participants.find((p: { id: string }) => p.id === id).goal = { kind: 'work', text: 'Goal' };
    envelope.data.plans.find((p: { participant_id: string }) => p.participant_id === id).sub_goals = [
      { id: `s-${id}`, text: 'Step', status: 'not_started' },
    ];
  }
  return JSON.stringify(envelope);
}

const SELECTORS = { goal: '.plan-goal input[type="text"]', sub: 'li.sub-goal input[type="text"]' };

/** Notes, in every page of the context, when each write of another tab arrives. */
async function listenForWrites(context: BrowserContext) {
  await context.addInitScript(() => {
    const heard: { at: number; text: string }[] = [];
    (window as unknown as { heard: typeof heard }).heard = heard;
    new BroadcastChannel('stegvis.records').onmessage = (event) =>
      heard.push({ at: performance.timeOrigin + performance.now(), text: String(event.data) });
  });
}

/** Opens person `pid`'s plan in `page`, ready to type. */
async function openPlan(page: Page, pid: string) {
  await page.goto(`counsellor/${pid}/plan`);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator(SELECTORS.sub)).toBeVisible();
}

/** The page's person and its two fields as shown. */
async function shown(page: Page): Promise<Partial<Record<Field, string>>> {
  const pid = new URL(page.url()).pathname.split('/')[2];
  const values = await page.evaluate(
    (s) => [s.goal, s.sub].map((selector) => document.querySelector<HTMLInputElement>(selector)?.value),
    SELECTORS,
  );
  return { [`goal:${pid}`]: values[0] ?? '(none)', [`sub:${pid}`]: values[1] ?? '(none)' };
}

/** The fields as stored on the device (IndexedDB), read by `page`. */
async function stored(page: Page): Promise<Record<Field, string>> {
  const data = await storedData(page);
  const out = {} as Record<Field, string>;
  for (const id of PEOPLE) {
    out[`goal:${id}`] = data.participants.find((p: { id: string }) => p.id === id)?.goal?.text ?? '';
    out[`sub:${id}`] = data.plans.find((p: { participant_id: string }) => p.participant_id === id)?.sub_goals?.[0]?.text ?? '';
  }
  return out;
}

/** Fields a tab shows otherwise than storage holds them. */
function disagreeing(tab: Partial<Record<Field, string>>, storage: Record<Field, string>): Field[] {
  return (Object.keys(tab) as Field[]).filter((field) => tab[field] !== storage[field]);
}

/**
 * Waits until both tabs show what storage holds and all three have stayed so for 100 ms; gives
 * up after 10 s. Returns the ms until they agreed, and what was last seen.
 */
async function settle(a: Page, b: Page): Promise<{ ms: number; agreed: boolean; seen: string }> {
  const start = Date.now();
  let agreedAt: number | undefined;
  let last = '';
  let seen = '';
  while (Date.now() - start < 10_000) {
    const [storage, shownA, shownB] = await Promise.all([stored(a), shown(a), shown(b)]);
    const text = JSON.stringify(storage);
    seen = JSON.stringify({ storage, shownA, shownB });
    if (disagreeing(shownA, storage).length || disagreeing(shownB, storage).length) agreedAt = undefined;
    else if (agreedAt === undefined || text !== last) agreedAt = Date.now();
    else if (Date.now() - agreedAt >= 100) return { ms: agreedAt - start, agreed: true, seen };
    last = text;
    await a.waitForTimeout(20);
  }
  return { ms: Date.now() - start, agreed: false, seen };
}

/**
 * At the instant `at` (ms since the epoch), appends a space and `word` to the field, as typing
 * would, and dispatches the input event. Returns when it typed, by the same clock.
 */
function typeAt(page: Page, selector: string, word: string, at: number): Promise<number> {
  return page.evaluate(
    async ({ selector, word, at }) => {
      (window as unknown as { heard: unknown[] }).heard.length = 0;
      const field = document.querySelector<HTMLInputElement>(selector)!;
      const now = () => performance.timeOrigin + performance.now();
      if (at - now() > 3) await new Promise((resolve) => setTimeout(resolve, at - now() - 3));
      while (now() < at) {
        // the last milliseconds spun, free of a timer's lateness
      }
      field.value += ` ${word}`;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ` ${word}` }));
      return now();
    },
    { selector, word, at },
  );
}

/** When a write carrying `word` first reached `page` (Infinity: not yet). */
function heardAt(page: Page, word: string): Promise<number> {
  return page.evaluate(
    (word) => Math.min(...(window as unknown as { heard: { at: number; text: string }[] }).heard.filter((m) => m.text.includes(` ${word}`)).map((m) => m.at)),
    word,
  );
}

const median = (runs: number[]) => [...runs].sort((x, y) => x - y)[Math.floor(runs.length / 2)] ?? 0;

type Round = { kind: Kind; a: Field; b: Field; wordA: string; wordB: string; spread: number; overlapped: boolean; settleMs: number };

type Result = {
  rounds: number;
  /** Everything lost: words, tabs disagreeing with storage, rounds that never settled. */
  lost: number;
  lostWords: number;
  lostByKind: Record<Kind, number>;
  /** Texts holding anything but their first word and typed words, each once, in order. */
  garbled: number;
  disagreeing: number;
  disagreeingAfterReload: number;
  unsettled: number;
  kinds: Record<Kind, number>;
  overlapped: number;
  /** Same-field rounds whose left-out word is in a recovery copy. */
  keptAside: number;
  spreadMedianMs: number;
  spreadMaxMs: number;
  settleMedianMs: number;
  seconds: number;
  details: string[];
};

/** Runs `count` rounds in two tabs of `context`, `a` being one of its pages; counts what was lost. */
async function typeInTwoTabs(context: BrowserContext, a: Page, count: number): Promise<Result> {
  const started = Date.now();
  await listenForWrites(context);
  await seed(a, caseload());
  await openPlan(a, 'p1');
  const b = await context.newPage();
  const problems: string[] = [];
  b.on('console', (message) => message.type() === 'error' && problems.push(`tab B: ${message.text()}`));
  b.on('pageerror', (error) => problems.push(`tab B: ${error.message}`));
  await openPlan(b, 'p2');
  let bAt = 'p2';
  const rounds: Round[] = [];
  const unsettled: string[] = [];
  for (let n = 0; n < count; n++) {
    const step = plan(n);
    const pid = step.b.split(':')[1];
    if (pid !== bAt) {
      await openPlan(b, pid);
      bAt = pid;
      await settle(a, b);
    }
    const tag = String(n).padStart(2, '0');
    const [wordA, wordB] = [`a${tag}`, `b${tag}`];
    const at = Date.now() + 100;
    const [typedA, typedB] = await Promise.all([
      typeAt(a, SELECTORS[step.a.split(':')[0] as 'goal' | 'sub'], wordA, at),
      typeAt(b, SELECTORS[step.b.split(':')[0] as 'goal' | 'sub'], wordB, at),
    ]);
    const settled = await settle(a, b);
    if (!settled.agreed) unsettled.push(`round ${n} never settled: ${settled.seen}`);
    // Each typed before the other's write had reached it: neither save saw the other's.
    const overlapped = typedA < (await heardAt(a, wordB)) && typedB < (await heardAt(b, wordA));
    rounds.push({ ...step, wordA, wordB, spread: Math.abs(typedA - typedB), overlapped, settleMs: settled.ms });
  }
  await a.waitForTimeout(500);

  const storage = await stored(a);
  const details: string[] = [...unsettled];
  const words = (field: Field) => storage[field].split(' ');
  const recovery = await deviceStorage(a).then((all) =>
    Object.entries(all).filter(([key]) => key.startsWith('stegvis.recovery.')).map(([, text]) => text),
  );
  const lostByKind: Record<Kind, number> = { people: 0, fields: 0, same: 0 };
  let keptAside = 0;
  for (const [n, r] of rounds.entries()) {
    const inA = words(r.a).includes(r.wordA);
    const inB = words(r.b).includes(r.wordB);
    // One field: the later save wins, so one of the two words is enough.
    const lost = r.kind === 'same' ? Number(!inA && !inB) : Number(!inA) + Number(!inB);
    if (lost) details.push(`round ${n} (${r.kind}: A into ${r.a}, B into ${r.b}): ${[inA ? '' : r.wordA, inB ? '' : r.wordB].filter(Boolean).join(', ')} not stored`);
    lostByKind[r.kind] += lost;
    // The word left out is still on the device, in a recovery copy (informational).
    if (r.kind === 'same' && inA !== inB && recovery.some((text) => text.includes(` ${inA ? r.wordB : r.wordA}`))) keptAside++;
  }
  // Nothing else in the texts: each is its first word, then words typed into it, each once, in
  // the order of the rounds (no old version brought back, nothing doubled).
  let garbled = 0;
  for (const field of Object.keys(storage) as Field[]) {
    const [first, ...rest] = words(field);
    const typedIn = rounds.flatMap((r, n) => [...(r.a === field ? [[r.wordA, n]] : []), ...(r.b === field ? [[r.wordB, n]] : [])] as [string, number][]);
    const order = rest.map((word) => typedIn.find(([w]) => w === word)?.[1] ?? -1);
    const fine =
      first === (field.startsWith('goal') ? 'Goal' : 'Step') &&
      new Set(rest).size === rest.length &&
      order.every((n, i) => n >= 0 && (i === 0 || n >= order[i - 1]));
    if (!fine) {
      details.push(`${field} is stored as "${storage[field]}"`);
      garbled++;
    }
  }
  const lostWords = Object.values(lostByKind).reduce((x, y) => x + y, 0);

  const compare = async (when: string) => {
    const now = await stored(a);
    let count = 0;
    for (const [name, tab] of [['A', a], ['B', b]] as const) {
      for (const field of disagreeing(await shown(tab), now)) {
        details.push(`${when}: tab ${name} shows ${field} otherwise than stored`);
        count++;
      }
    }
    for (const field of Object.keys(storage) as Field[]) {
      if (now[field] !== storage[field]) {
        details.push(`${when}: ${field} changed in storage`);
        count++;
      }
    }
    return count;
  };
  const disagreeingNow = await compare('at the end');
  let afterReload = 0;
  for (const tab of [b, a]) {
    await tab.reload();
    await expect(tab.locator('#boot')).toHaveCount(0);
    await expect(tab.locator(SELECTORS.sub)).toBeVisible();
    await settle(a, b);
    afterReload += await compare(`after reloading tab ${tab === a ? 'A' : 'B'}`);
  }
  expect(problems, 'console errors in tab B').toEqual([]);
  await b.close();

  const kinds: Record<Kind, number> = { people: 0, fields: 0, same: 0 };
  for (const r of rounds) kinds[r.kind]++;
  const spreads = rounds.map((r) => r.spread);
  return {
    rounds: count,
    lost: lostWords + garbled + disagreeingNow + afterReload + unsettled.length,
    lostWords,
    lostByKind,
    garbled,
    disagreeing: disagreeingNow,
    disagreeingAfterReload: afterReload,
    unsettled: unsettled.length,
    kinds,
    overlapped: rounds.filter((r) => r.overlapped).length,
    keptAside,
    spreadMedianMs: Math.round(median(spreads) * 10) / 10,
    spreadMaxMs: Math.round(Math.max(...spreads) * 10) / 10,
    settleMedianMs: median(rounds.map((r) => r.settleMs)),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    details,
  };
}

// The guarantee, asserted in the everyday tests (as the closing and killing tests beside their
// benchmark in store-indexeddb.spec.ts): two cycles of the rounds, every kind in both variants.
test('two tabs typing at the same moment, into different and the same participants, lose nothing', async ({ page, context }) => {
  test.setTimeout(90_000);
  const result = await typeInTwoTabs(context, page, 10);
  expect(result.lost, result.details.join('\n')).toBe(0);
  expect(result.overlapped, 'rounds where neither tab had heard of the other\'s save').toBeGreaterThan(0);
});

// The figure: benchmarks report, the test above asserts.
test(`benchmark: changes lost, two tabs typing at once, ${ROUNDS} rounds (different and same participants)`, async ({ page, context }, info) => {
  test.skip(info.project.name !== 'desktop', 'measured once');
  test.setTimeout(180_000);
  const result = await typeInTwoTabs(context, page, ROUNDS);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-two-tabs.json', JSON.stringify({ ...result, goal: 0 }));
  const { kinds } = result;
  console.log(
    `bench: changes lost, two tabs typing at once, ${ROUNDS} rounds (${kinds.people} into two people, ${kinds.fields} into ` +
      `one person's goal and sub-goal, ${kinds.same} into one field): ${result.lost} (goal 0); ${result.overlapped} of ` +
      `${ROUNDS} typed before either had heard of the other's save (${result.spreadMedianMs} ms apart, median; at most ` +
      `${result.spreadMaxMs} ms); settled in ${result.settleMedianMs} ms (median); the version left out kept aside in ` +
      `${result.keptAside} of ${kinds.same}; ${result.seconds} s`,
  );
  for (const line of result.details) console.log(`  ${line}`);
});
