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
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
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
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Odd runs turn the filter on, even runs off: both directions are measured.
  await expect(list.filter('break')).toBeChecked();
  const median = [...runs].sort((a, b) => a - b)[2];
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-worklist.json', JSON.stringify({ runs, median, goal: 50 }));
  console.log(`bench: caseload of 150 participants × 12 rounds, filter tapped until drawn at 4x CPU slowdown: median ${median} ms, goal ≤ 50 ms (runs ${runs.join(', ')} ms)`);
  expect(runs).toHaveLength(5);
});
