import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LockPage } from './pages/lock';

// Benchmark, not a timed test: how long unlocking takes (PBKDF2-HMAC-SHA-256 with 600,000
// iterations in WebCrypto, unwrapping the data key, opening the caseload) from pressing "Open"
// to the page showing its data, on this desktop and with the CPU slowed down 4× (Chrome
// DevTools protocol), as on a modest phone. Prints the figures beside the goal (under 1 s on
// desktop, under 3 s at 4×) and writes them to test-results/bench-lock.json.
test('benchmark: unlocking, desktop and at 4x CPU slowdown', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'measured once');
  test.setTimeout(180_000);
  const lock = new LockPage(page);
  await lock.withData();
  await lock.setLock();
  const cdp = await page.context().newCDPSession(page);
  const figures: Record<string, number[]> = {};
  for (const rate of [1, 4]) {
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await page.reload();
      await lock.expectLocked();
      await page.getByLabel(lock.t.lock_passphrase_label).fill('kaffe på torget');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const start = Date.now();
      await page.getByRole('button', { name: lock.t.lock_open_button }).click();
      await lock.expectCounts(2, 4);
      runs.push(Date.now() - start);
    }
    figures[`x${rate}`] = runs;
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[1];
  const result = { desktop: median(figures.x1), slowed4x: median(figures.x4), runs: figures };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-lock.json', JSON.stringify(result));
  console.log(`bench: unlock (PBKDF2 600k + open) desktop: median ${result.desktop} ms (goal < 1000; runs ${figures.x1.join(', ')} ms)`);
  console.log(`bench: unlock at 4x CPU slowdown: median ${result.slowed4x} ms (goal < 3000; runs ${figures.x4.join(', ')} ms)`);
  expect(figures.x4).toHaveLength(3);
});
