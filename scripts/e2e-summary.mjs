// Prints Playwright's results as one plain line CI can count: "e2e: N passed, N failed", summed
// over the reports named (the tests' and the benchmarks'). A report missing counts as a failure.
// Usage: node scripts/e2e-summary.mjs [report.json ...]
import { existsSync, readFileSync } from 'node:fs';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['test-results/e2e.json'];
let [passed, failed, skipped] = [0, 0, 0];
for (const file of files) {
  if (!existsSync(file)) {
    failed += 1;
    continue;
  }
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  passed += stats.expected ?? 0;
  failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  skipped += stats.skipped ?? 0;
}
console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
