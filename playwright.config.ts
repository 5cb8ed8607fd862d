import { defineConfig } from '@playwright/test';

// Browser tests run against the release build in dist/, served statically on loopback, in
// Debian's Chromium (Playwright downloads no browser here). A second copy built for a
// sub-path (dist-subpath/, BASE=/stegvis/) proves the app can be hosted under one.
// E2E_PORT moves both ports, so that several checkouts can run their tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const SUBPATH_PORT = PORT + 1;

const chromium = {
  executablePath: '/usr/bin/chromium',
  // Without the network flags Chromium keeps trying to reach outside hosts.
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  // scripts/test runs the benchmarks apart, on one worker (E2E_JSON names their report).
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromium,
    locale: 'en-GB',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'phone',
      testIgnore: /subpath\.spec/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    {
      name: 'desktop',
      testIgnore: /subpath\.spec/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'subpath',
      testMatch: /subpath\.spec/,
      use: { baseURL: `http://127.0.0.1:${SUBPATH_PORT}/stegvis/`, viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: [
    {
      command: `node scripts/serve-dist.mjs --dir dist --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve-dist.mjs --dir dist-subpath --port ${SUBPATH_PORT} --base /stegvis/`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/stegvis/`,
      reuseExistingServer: false,
    },
  ],
});
