import { test as base, expect } from '@playwright/test';

export { expect };

/**
 * Every browser test runs under this guard: it fails on any request that leaves the app's
 * origin (the data never leaves the device) and on any console error or uncaught exception
 * (a CSP violation shows up as one). A test that goes offline on purpose names the browser's
 * own messages for the files it could not fetch in `expectedErrors`; nothing else passes.
 */
export const test = base.extend<{ guard: void; expectedErrors: string[] }>({
  expectedErrors: [[], { option: true }],
  guard: [
    async ({ page, baseURL, expectedErrors }, use) => {
      const origin = new URL(baseURL!).origin;
      const problems: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
          problems.push(`request to another origin: ${request.url()}`);
        }
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && !expectedErrors.includes(message.text())) {
          problems.push(`console error: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await use();
      expect(problems, 'off-origin requests and console errors').toEqual([]);
    },
    { auto: true },
  ],
});
