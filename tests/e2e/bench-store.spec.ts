import { mkdirSync, writeFileSync } from 'node:fs';
import { type Page, expect, test } from './fixtures';
import { putStored } from './pages/app';
import { generatedCaseload } from './pages/caseload';
import { LockPage, PASSPHRASE } from './pages/lock';

// Benchmarks, not timed tests (issue 31): what one keystroke costs when every change is saved,
// and how long the caseload takes to open, as the caseload grows. A generated caseload of N
// people × 12 rounds, every answer with a 60-character comment, one plan each; one character
// typed into the plan's goal field, timed inside the page from the input event to the frame
// after it, with the CPU slowed 4×. The app writes the change in the task after that frame; the
// time until IndexedDB has committed it (the app then tells other tabs, and the page listens as
// a tab would) is reported beside it. Two keystrokes warm up, the median of the next nine is
// reported beside the goal (≤ 16 ms, locked too), unlocked and then with the lock set. Then the
// page is opened again, at 4× too, until the frame that draws the caseload list has been
// painted (≤ 1,000 ms; unlocking included, ≤ 1,500 ms). A caseload the browser's storage cannot
// hold is reported as "does not fit".

const GOAL_MS = 16;
const KEYSTROKES = 11;

type Timed = { keystrokes: number[]; saved: number[] };

/** Times `KEYSTROKES` characters typed into the focused field: the ms of each to its frame, and to its save. */
async function typeTimed(page: Page): Promise<Timed> {
  await page.evaluate(() => {
    const timed = { keystrokes: [] as number[], saved: [] as number[] };
    (window as unknown as { timed: Timed }).timed = timed;
    let start: number | undefined;
    document.addEventListener(
      'input',
      (event) => {
        start = event.timeStamp;
        const at = start;
        // The frame after the input: its handlers and the redraw have run.
        requestAnimationFrame(() => setTimeout(() => timed.keystrokes.push(performance.now() - at)));
      },
      { capture: true },
    );
    // Committed to IndexedDB: the app tells the other tabs.
    new BroadcastChannel('stegvis.records').onmessage = () => {
      if (start !== undefined) timed.saved.push(performance.now() - start);
      start = undefined;
    };
  });
  for (let n = 1; n <= KEYSTROKES; n++) {
    await page.keyboard.press('a');
    await page.waitForFunction(
      (n) => {
        const { keystrokes, saved } = (window as unknown as { timed: Timed }).timed;
        return keystrokes.length >= n && saved.length >= n;
      },
      n,
    );
    // Let anything the keystroke started settle before the next, as between a typist's keys.
    await page.waitForTimeout(150);
  }
  return page.evaluate(() => (window as unknown as { timed: Timed }).timed);
}

const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];

type Figure = { median: number; runs: number[]; saved: number } | 'does not fit';

/** Opens person 0's plan (unlocking first when locked), with the goal field focused; false when the caseload did not fit. */
async function openPlan(page: Page, locked = false): Promise<boolean> {
  await page.goto('counsellor/p0/plan');
  if (locked) await unlock(page);
  const field = page.locator('.plan-goal input[type="text"]');
  const found = await field.waitFor({ timeout: 60_000 }).then(
    () => true,
    () => false,
  );
  if (!found) return false;
  await field.click();
  return true;
}

async function unlock(page: Page) {
  const lock = new LockPage(page);
  await lock.expectLocked();
  await page.getByLabel(lock.t.lock_passphrase_label).fill(PASSPHRASE);
  await page.getByRole('button', { name: lock.t.lock_open_button }).click();
}

/**
 * Stores the caseload where the app reads it (IndexedDB, once the app has moved there), as an
 * earlier build left it; false when the browser refuses it.
 */
async function seedIfItFits(page: Page, data: string): Promise<boolean> {
  await page.goto('data');
  await expect(page.locator('main#main')).toBeVisible();
  return putStored(page, 'stegvis.data', data).then(
    () => true,
    () => false,
  );
}

/**
 * Reloads at 4× CPU until the list shows `people` rows, and the frame that draws them has been
 * laid out and painted; ms from the navigation's start.
 */
async function timedOpen(page: Page, people: number, locked: boolean): Promise<Opened> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto('counsellor', { waitUntil: 'commit' });
  if (locked) await unlock(page);
  // Looked at in each frame's animation callbacks, before its style, layout and paint: once the
  // rows are all there, the task after that frame (drawn, as for a keystroke) reads the time.
  const drawn = await page.waitForFunction(
    (people) => {
      const w = window as unknown as { drawnAt?: number; seen?: boolean };
      if (!w.seen && document.querySelectorAll('main a[href*="/counsellor/"]').length >= people) {
        w.seen = true;
        setTimeout(() => (w.drawnAt = performance.now()));
      }
      return w.drawnAt;
    },
    people,
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = (await drawn.jsonValue()) as number;
  // A large list is drawn before the records are read (src/pages/counsellor/opening.rs): the
  // page with its search and filters comes once they are.
  const whole = await page.waitForFunction(() => document.querySelector('#worklist-search') && performance.now(), null, {
    polling: 'raf',
    timeout: 120_000,
  });
  const wholeMs = (await whole.jsonValue()) as number;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return { list: Math.round(ms), page: Math.round(wholeMs) };
}

type Opened = { list: number; page: number } | 'does not fit';
const opened = (figure: Opened) =>
  figure === 'does not fit' ? figure : `${figure.list} ms (the whole page, search and filters too: ${figure.page} ms)`;

async function measure(
  page: Page,
  people: number,
): Promise<{ plain: Figure; locked: Figure; open: Opened; openLocked: Opened }> {
  const none = 'does not fit' as const;
  if (!(await seedIfItFits(page, generatedCaseload(people, 12, true))) || !(await openPlan(page))) {
    return { plain: none, locked: none, open: none, openLocked: none };
  }
  const cdp = await page.context().newCDPSession(page);
  const timed = async (): Promise<Figure> => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const { keystrokes, saved } = await typeTimed(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const runs = keystrokes.slice(2).map(Math.round);
    return { median: median(runs), runs, saved: Math.round(median(saved.slice(2))) };
  };
  const plain = await timed();
  const open = await timedOpen(page, people, false);
  await openPlan(page);
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock();
  await openPlan(page, true);
  const locked = await timed();
  // Each keystroke was kept: the goal holds the typed letters after a reload and unlocking.
  await page.reload();
  await unlock(page);
  await expect(page.locator('.plan-goal input[type="text"]')).toHaveValue('a'.repeat(2 * KEYSTROKES));
  const openLocked = await timedOpen(page, people, true);
  return { plain, locked, open, openLocked };
}

const shown = (figure: Figure) =>
  figure === 'does not fit'
    ? figure
    : `median ${figure.median} ms (runs ${figure.runs.join(', ')} ms); committed to IndexedDB after ${figure.saved} ms`;

for (const people of [150, 1000]) {
  test(`benchmark: one keystroke saved and the list opened, ${people} × 12 with comments, at 4x CPU slowdown, plain and locked`, async ({ page }, info) => {
    test.skip(info.project.name !== 'desktop', 'measured once');
    test.setTimeout(900_000);
    const result = await measure(page, people);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/bench-typing-${people}.json`, JSON.stringify({ ...result, goal: GOAL_MS }));
    for (const which of ['plain', 'locked'] as const) {
      console.log(`bench: one keystroke saved, ${people} × 12 with comments, ${which}, 4x CPU: ${shown(result[which])}, goal ≤ ${GOAL_MS} ms`);
    }
    console.log(`bench: open to a drawn list, ${people} × 12, 4x CPU: ${opened(result.open)} (goal ≤ 1000); unlock included: ${opened(result.openLocked)} (goal ≤ 1500)`);
  });
}
