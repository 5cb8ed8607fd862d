import { mkdirSync, writeFileSync } from 'node:fs';
import { type Page, expect, test } from './fixtures';
import { generatedCaseload } from './pages/caseload';
import { LockPage, PASSPHRASE } from './pages/lock';

// Benchmark, not a timed test (issue 31): what one keystroke costs when every change is saved,
// as the caseload grows. A generated caseload of N people × 12 rounds, every answer with a
// 60-character comment, one plan each; one character typed into the plan's goal field, timed
// inside the page from the input event to the frame after it (the save included), with the
// CPU slowed 4×. Two keystrokes warm up, the median of the next nine is reported beside the
// goal (≤ 16 ms, locked too), unlocked and then with the lock set. A caseload the browser's
// storage cannot hold is reported as "does not fit".

const GOAL_MS = 16;
const KEYSTROKES = 11;

/** Times `KEYSTROKES` characters typed into the focused field; resolves with the ms of each. */
async function typeTimed(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { keystrokes: number[] }).keystrokes = times;
    document.addEventListener(
      'input',
      (event) => {
        const start = event.timeStamp;
        // The frame after the input: its handlers, the save and the redraw have all run.
        requestAnimationFrame(() => setTimeout(() => times.push(performance.now() - start)));
      },
      { capture: true },
    );
  });
  for (let n = 1; n <= KEYSTROKES; n++) {
    await page.keyboard.press('a');
    await page.waitForFunction((n) => (window as unknown as { keystrokes: number[] }).keystrokes.length >= n, n);
    // Let anything the keystroke started settle before the next, as between a typist's keys.
    await page.waitForTimeout(150);
  }
  return page.evaluate(() => (window as unknown as { keystrokes: number[] }).keystrokes);
}

const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];

type Figure = { median: number; runs: number[] } | 'does not fit';

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

/** Stores the caseload before the app starts, once; one the browser refuses is left out. */
async function seedIfItFits(page: Page, data: string) {
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    try {
      localStorage.setItem('stegvis.data', text);
    } catch {
      // Over the browser's quota: the benchmark reports "does not fit".
    }
  }, data);
}

async function measure(page: Page, people: number): Promise<{ plain: Figure; locked: Figure }> {
  await seedIfItFits(page, generatedCaseload(people, 12, true));
  if (!(await openPlan(page))) return { plain: 'does not fit', locked: 'does not fit' };
  const cdp = await page.context().newCDPSession(page);
  const timed = async (): Promise<Figure> => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const runs = (await typeTimed(page)).slice(2).map(Math.round);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return { median: median(runs), runs };
  };
  const plain = await timed();
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock();
  await openPlan(page, true);
  const locked = await timed();
  // Each keystroke was kept: the goal holds the typed letters after a reload and unlocking.
  await page.reload();
  await unlock(page);
  await expect(page.locator('.plan-goal input[type="text"]')).toHaveValue('a'.repeat(2 * KEYSTROKES));
  return { plain, locked };
}

const shown = (figure: Figure) =>
  figure === 'does not fit' ? figure : `median ${figure.median} ms (runs ${figure.runs.join(', ')} ms)`;

for (const people of [150, 1000]) {
  test(`benchmark: one keystroke saved, ${people} × 12 with comments, at 4x CPU slowdown, plain and locked`, async ({ page }, info) => {
    test.skip(info.project.name !== 'desktop', 'measured once');
    test.setTimeout(600_000);
    const result = await measure(page, people);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/bench-typing-${people}.json`, JSON.stringify({ ...result, goal: GOAL_MS }));
    for (const which of ['plain', 'locked'] as const) {
      console.log(`bench: one keystroke saved, ${people} × 12 with comments, ${which}, 4x CPU: ${shown(result[which])}, goal ≤ ${GOAL_MS} ms`);
    }
  });
}
