// Prints Playwright's result as one plain line CI can count: "e2e: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/e2e.json';
if (!existsSync(file)) {
  console.log('e2e: 0 passed, 1 failed');
  process.exit(0);
}
const { stats } = JSON.parse(readFileSync(file, 'utf8'));
const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
console.log(`e2e: ${stats.expected ?? 0} passed, ${failed} failed${stats.skipped ? `, ${stats.skipped} skipped` : ''}`);
