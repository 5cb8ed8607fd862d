import { chromium } from '@playwright/test';
import { expect, offlineReady, test } from './offline-site';
import { AppShell } from './pages/app';

// The app can be installed ("Install app", "Add to Home Screen"): Chromium finds nothing missing
// in the manifest, every icon loads at its stated size, and start URL and scope follow the path
// the build is hosted under. Chromium never installs from Playwright's throwaway (incognito-like)
// contexts, so these tests open the app in a browser profile of their own.

test.beforeEach(({}, info) => {
  test.skip(info.project.name === 'phone', 'the manifest is the same on any screen');
});

/** Width and height from a PNG's header. */
function pngSize(body: Buffer) {
  expect(body.subarray(1, 4).toString()).toBe('PNG');
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

for (const build of ['root', 'subpath'] as const) {
  test.describe(`built for ${build === 'root' ? 'the site root' : 'a sub-path'}`, () => {
    test.use({ build });

    test('Chromium finds the app installable; icons, start URL and scope are right', async ({ site }, info) => {
      const { launchOptions } = info.project.use;
      const context = await chromium.launchPersistentContext(info.outputPath('profile'), { ...launchOptions, baseURL: site.url });
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      const app = new AppShell(page);
      await app.goto('');
      await offlineReady(page);

      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      expect(new URL(manifest.url).pathname).toBe(`${site.base}manifest.webmanifest`);
      expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);

      const data = JSON.parse(manifest.data);
      expect(data).toMatchObject({ name: 'Stegvis', short_name: 'Stegvis', display: 'standalone', theme_color: '#0b5f86' });
      expect(new URL(data.start_url, manifest.url).pathname).toBe(site.base);
      expect(new URL(data.scope, manifest.url).pathname).toBe(site.base);
      const kinds: string[] = [];
      for (const icon of data.icons) {
        const response = await page.request.get(new URL(icon.src, manifest.url).href);
        expect(response.status(), icon.src).toBe(200);
        expect(response.headers()['content-type']).toBe(icon.type);
        if (icon.type === 'image/png') expect(pngSize(await response.body()), icon.src).toBe(icon.sizes);
        kinds.push(`${icon.sizes} ${icon.purpose}`);
      }
      expect(kinds).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
      await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', 'apple-touch-icon.png');
      expect(errors).toEqual([]);
      await context.close();
    });
  });
}
