import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';

// Before the app has come (a slow phone: seconds), the page a newcomer lands on already shows
// its opening words, in the language the app will speak, and the app then shows the same words
// in the same place. Here the app's wasm is held back to look at the boot screen alone, then let
// through.

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

test('other pages keep the plain welcome until the app has come', async ({ page }) => {
  const boot = await bootScreen(page, 'counsellor');
  expect(boot.heading).toBe('Stegvis');
  boot.letTheAppCome();
  await new AppShell(page).waitForApp();
});
