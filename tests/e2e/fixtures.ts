import { test as base, expect } from '@playwright/test';

export { expect };

/**
 * Every browser test runs under this guard: it fails on any request that leaves the app's
 * origin (the data never leaves the device) and on any console error or uncaught exception
 * (a CSP violation shows up as one).
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const problems: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) {
          problems.push(`request to another origin: ${request.url()}`);
        }
      });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await use();
      expect(problems, 'off-origin requests and console errors').toEqual([]);
    },
    { auto: true },
  ],
});
