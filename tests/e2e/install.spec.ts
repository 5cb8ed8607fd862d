import { type Page } from '@playwright/test';
import { expect, offlineReady, test } from './offline-site';
import { AppShell } from './pages/app';

// The app can be installed ("Install app", "Add to Home Screen"): Chromium finds nothing missing
// in the manifest, every icon loads at its stated size, and start URL and scope follow the path
// the build is hosted under.

test.beforeEach(({}, info) => {
  test.skip(info.project.name === 'phone', 'the manifest is the same on any screen');
});

/** Width and height from a PNG's header. */
function pngSize(body: Buffer) {
  expect(body.subarray(1, 4).toString()).toBe('PNG');
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

async function expectInstallable(page: Page, base: string) {
  const app = new AppShell(page);
  await app.goto('');
  await offlineReady(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  expect(new URL(manifest.url).pathname).toBe(`${base}manifest.webmanifest`);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);

  const data = JSON.parse(manifest.data);
  expect(data).toMatchObject({ name: 'Stegvis', display: 'standalone', theme_color: '#0b5f86' });
  expect(new URL(data.start_url, manifest.url).pathname).toBe(base);
  expect(new URL(data.scope, manifest.url).pathname).toBe(base);
  const purposes = new Set<string>();
  for (const icon of data.icons) {
    const response = await page.request.get(new URL(icon.src, manifest.url).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toBe(icon.type);
    if (icon.type === 'image/png') expect(pngSize(await response.body())).toBe(icon.sizes);
    purposes.add(`${icon.sizes} ${icon.purpose}`);
  }
  expect([...purposes]).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', 'apple-touch-icon.png');
}

test('Chromium finds the app installable, with its icons', async ({ page }) => {
  await expectInstallable(page, '/');
});

test.describe('built for a sub-path', () => {
  test.use({ build: 'subpath' });

  test('installable, with start URL and scope under /stegvis/', async ({ page }) => {
    await expectInstallable(page, '/stegvis/');
  });
});
