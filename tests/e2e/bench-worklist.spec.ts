import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { CaseloadPage, generatedCaseload, seed } from './pages/caseload';

// Benchmark, not a timed test: how long the caseload of 150 participants with 12 rounds each
// takes to filter (a tap on a filter until the list and its count are drawn) with the CPU slowed
// down 4× (Chrome DevTools protocol). Goal: 50 ms. Prints the figure and writes it to
// test-results/bench-worklist.json; asserts only that the filter worked.
test('benchmark: filtering 150 participants × 12 rounds at 4x CPU slowdown', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'measured once');
  test.setTimeout(120_000);
  await seed(page, generatedCaseload(150, 12));
  const list = new CaseloadPage(page);
  await list.open();
  await list.expectShown(150, 150);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Two taps to warm up (on and off; the first tap also compiles the code paths), then nine measured.
  const warmUp = 2;
  const runs: number[] = [];
  for (let run = 0; run < warmUp + 9; run++) {
    const checkbox = list.filter('break');
    const before = await page.locator('#worklist-shown').textContent();
    // Measured inside the page: from the tap until the count's text has changed in the DOM.
    const ms = await checkbox.evaluate(
      (input: HTMLInputElement, before) =>
        new Promise<number>((resolve) => {
          const status = document.getElementById('worklist-shown')!;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (status.textContent !== before) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          input.click();
        }),
      before,
    );
    runs.push(Math.round(ms));
  }
  const warm = runs.splice(0, warmUp);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Taps alternate on and off: both directions are measured; eleven taps leave it on.
  await expect(list.filter('break')).toBeChecked();
  const median = [...runs].sort((a, b) => a - b)[4];
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-worklist.json', JSON.stringify({ warm, runs, median, goal: 50 }));
  console.log(`bench: caseload of 150 participants × 12 rounds, filter tapped until drawn at 4x CPU slowdown: median ${median} ms, goal ≤ 50 ms (runs ${runs.join(', ')} ms; warm-up ${warm.join(', ')} ms)`);
  expect(runs).toHaveLength(9);
});
