// Benchmark, not a test: Lighthouse's mobile preset (simulated slow 4G, 4x CPU) three times on
// each page a newcomer opens, against the release build served as a host would (precompressed
// files). Writes the medians to test-results/lighthouse.json for scripts/bench-summary.mjs.
// Lighthouse 12, as issue 15 measured with (13 wants Node 22; these machines have 20).
// Usage: node scripts/lighthouse.mjs [--dir dist] [--port 4180] [--runs 3]
// (Not 4190: browsers and Node's fetch refuse it, as one of the fetch standard's "bad ports".)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const dir = arg('dir', 'dist');
const port = Number(arg('port', process.env.LIGHTHOUSE_PORT ?? 4180));
const runs = Number(arg('runs', 3));
const PAGES = ['/', '/participant', '/counsellor'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const server = spawn('node', ['scripts/serve-dist.mjs', '--dir', dir, '--port', String(port)], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
let exited = false;
server.on('exit', () => (exited = true));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {};
try {
  await waitForServer(`http://127.0.0.1:${port}/`);
  for (const page of PAGES) {
    const measured = [];
    for (let run = 0; run < runs; run++) {
      const figures = auditWithRetry(`http://127.0.0.1:${port}${page}`);
      if (figures) measured.push(figures);
    }
    if (measured.length === 0) {
      console.log(`lighthouse ${page}: not measured`);
      continue;
    }
    const summary = { runs: measured };
    for (const key of Object.keys(measured[0])) summary[key] = median(measured.map((m) => m[key]));
    results[page] = summary;
    console.log(
      `lighthouse ${page}: performance ${summary.performance} (runs ${measured.map((m) => m.performance).join(', ')}), ` +
        `LCP ${summary.lcp_ms} ms, TBT ${summary.tbt_ms} ms, accessibility ${summary.accessibility}, ` +
        `best practices ${summary['best-practices']}, SEO ${summary.seo}`,
    );
  }
} finally {
  server.kill();
}
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/lighthouse.json', JSON.stringify(results, null, 1));

/** Lighthouse now and then loses its trace (NO_NAVSTART): such a run is tried again, twice. */
function auditWithRetry(url) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return audit(url);
    } catch (error) {
      console.log(`lighthouse ${url}: attempt ${attempt} failed (${error.message})`);
    }
  }
  return undefined;
}

/** One cold run (a fresh browser profile: a first visit), as scores 0–100 and times in ms. */
function audit(url) {
  const out = join(tmpdir(), `stegvis-lighthouse-${process.pid}.json`);
  const profile = join(tmpdir(), `stegvis-lighthouse-profile-${process.pid}`);
  rmSync(profile, { recursive: true, force: true });
  const ran = spawnSync(
    'npx',
    [
      'lighthouse', url, '--quiet', '--output=json', `--output-path=${out}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir=${profile}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } },
  );
  if (ran.status !== 0) throw new Error(`lighthouse failed on ${url}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  rmSync(profile, { recursive: true, force: true });
  const figures = {};
  for (const category of CATEGORIES) figures[category] = Math.round(report.categories[category].score * 100);
  figures.lcp_ms = Math.round(report.audits['largest-contentful-paint'].numericValue);
  figures.tbt_ms = Math.round(report.audits['total-blocking-time'].numericValue);
  figures.bytes_kb = Math.round(report.audits['total-byte-weight'].numericValue / 1024);
  return figures;
}

/** Up to a minute: a busy machine can take long to start Node. */
async function waitForServer(url) {
  let last = 'no answer';
  for (let tries = 0; tries < 600 && !exited; tries++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.cause?.message ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no server at ${url} (${exited ? 'the server stopped; is the port taken?' : last})`);
}
