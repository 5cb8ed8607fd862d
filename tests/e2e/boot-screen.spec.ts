import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';

// Before the app has come (a slow phone: seconds), the page a newcomer lands on already shows
// its opening words, in the language the app will speak, and the app then shows the same words
// in the same place. Here the app's wasm is held back to look at the boot screen alone, then let
// through. The first paint waits for nothing but the page: not for the stylesheet either.

async function bootScreen(page, path: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(path);
  const boot = page.locator('#boot');
  await expect(boot).toBeVisible();
  return {
    heading: await boot.locator('h1').textContent(),
    lead: await boot.locator('.lead').textContent(),
    lang: await page.locator('html').getAttribute('lang'),
    width: (await boot.locator('.lead').boundingBox())!.width,
    letTheAppCome: release,
  };
}

for (const [path, feature, locale, language] of [
  ['', 'home', 'sv-SE', 'sv'],
  ['participant', 'self', 'da-DK', 'da'],
  ['participant', 'self', 'nn-NO', 'nb'],
  ['', 'home', 'de-DE', 'en'],
  ['counsellor', 'caseload', 'en-GB', 'en'],
] as const) {
  test.describe(`/${path} for a browser in ${locale}`, () => {
    test.use({ locale });
    test(`shows its opening words in ${language} before the app has come, and the app the same`, async ({ page }) => {
      const t = TEXTS[language];
      const boot = await bootScreen(page, path);
      expect(boot.heading).toBe(t[`${feature}_title`]);
      expect(boot.lead).toBe(t[`${feature}_intro`]);
      expect(boot.lang).toBe(language);
      // The app comes: the same words, as wide, in the same language.
      boot.letTheAppCome();
      const app = new AppShell(page);
      await app.waitForApp();
      await expect(app.heading()).toHaveText(boot.heading!);
      const lead = page.locator('main#main .lead').first();
      await expect(lead).toHaveText(boot.lead!);
      expect((await lead.boundingBox())!.width).toBe(boot.width);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
    });
  });
}

test('a language chosen in the app wins over the browser, from the first paint', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('stegvis.language', 'nb'));
  const boot = await bootScreen(page, '');
  expect(boot.heading).toBe(TEXTS.nb.home_title);
  expect(boot.lang).toBe('nb');
  boot.letTheAppCome();
  await new AppShell(page).expectHeading(TEXTS.nb, 'home_title');
});

test('a language chosen here is kept as JSON through gloo-storage, and the next first paint speaks it', async ({ page }) => {
  const app = new AppShell(page);
  await app.goto('');
  await app.expectHeading(TEXTS.en, 'home_title');
  await app.chooseLanguage('en', 'da');
  expect(await page.evaluate(() => localStorage.getItem('stegvis.language'))).toBe('"da"');
  const boot = await bootScreen(page, '');
  expect(boot.heading).toBe(TEXTS.da.home_title);
  expect(boot.lang).toBe('da');
  boot.letTheAppCome();
  await app.expectHeading(TEXTS.da, 'home_title');
});

test('other pages keep the plain welcome until the app has come', async ({ page }) => {
  const boot = await bootScreen(page, 'data');
  expect(boot.heading).toBe('Stegvis');
  boot.letTheAppCome();
  await new AppShell(page).waitForApp();
});

test('a locked device keeps the plain welcome: it opens on its unlock screen', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('stegvis.lock', '{}'));
  const boot = await bootScreen(page, 'counsellor');
  expect(boot.heading).toBe('Stegvis');
});

test('the boot screen is painted, styled, before the stylesheet has come, and the app waits for it', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.css$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('', { waitUntil: 'domcontentloaded' }); // 'load' waits for the stylesheet
  const header = page.locator('#boot .site-header');
  await expect(page.locator('#boot h1')).toHaveText(TEXTS.en.home_title);
  // Its colours come from the page itself (style/boot.css), not from the stylesheet held back.
  expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 95, 134)');
  // The app has had time to come, yet waits for the stylesheet: it never shows unstyled.
  await page.waitForTimeout(1500);
  await expect(page.locator('#boot')).toBeVisible();
  release();
  await new AppShell(page).waitForApp();
});

// The app draws its first page in several short tasks (src/executor.rs), beneath the boot
// screen: it shows whole when the boot screen goes, and nothing on the page moves meanwhile.
for (const path of ['', 'participant', 'counsellor']) {
  test(`/${path}: the app shows whole, and nothing on the page moves as it starts`, async ({ page }) => {
    await page.addInitScript(() => {
      (window as any).shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as any[]) {
          (window as any).shifts.push({ value: entry.value, nodes: entry.sources.map((s) => s.node?.nodeName) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    const app = new AppShell(page);
    await app.waitForApp();
    await expect(app.heading()).toBeVisible();
    // Two frames after the boot screen went: any shift it caused has been reported.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => (window as any).shifts)).toEqual([]);
  });
}

test('while the app is drawn beneath it, the boot screen is a picture only: one page for a screen reader', async ({ page }) => {
  // Every change to the page is looked at: while both the boot screen and the app's heading are
  // there, the boot screen must be hidden from screen readers.
  await page.addInitScript(() => {
    const seen = ((window as any).seen = { both: 0, exposed: 0 });
    new MutationObserver(() => {
      const boot = document.getElementById('boot');
      if (!boot || !document.querySelector('main#main h1')) return;
      seen.both++;
      if (boot.getAttribute('aria-hidden') !== 'true') seen.exposed++;
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto('counsellor');
  const app = new AppShell(page);
  await app.waitForApp();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  const seen = await page.evaluate(() => (window as any).seen);
  expect(seen.both).toBeGreaterThan(0);
  expect(seen.exposed).toBe(0);
});
