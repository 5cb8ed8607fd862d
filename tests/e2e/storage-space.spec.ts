import { deviceStorage } from './pages/app';
import AxeBuilder from '@axe-core/playwright';
import { LANGUAGES, TEXTS } from './locales';
import { expect, offlineReady, test } from './offline-site';
import { DataPage, fill, fixtureText } from './pages/data';

// The data page says whether the app is kept for use offline, how much the data takes, how much
// room the browser reports (navigator.storage.estimate) and whether it promised to keep the data
// (navigator.storage.persist); the person can ask for that promise.
const t = TEXTS.en;
const SIZE = String.raw`(\d+(?:[.,]\d)?)\u00a0(B|kB|MB|GB|TB)`;
const toBytes = (number: string, unit: string) =>
  Number(number.replace(',', '.')) * 1000 ** ['B', 'kB', 'MB', 'GB', 'TB'].indexOf(unit);

function pattern(text: string, names: string[]) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${names.reduce((out, name) => out.replace(`\\{${name}\\}`, SIZE), escaped)}$`);
}

test('space and safekeeping: offline, data size, room, and the browser\'s promise', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  await offlineReady(page);
  await page.reload();
  await data.waitForApp();
  const section = page.locator('.storage-space');
  await expect(section.getByText(t.offline_works_offline)).toBeVisible();

  // The head and every person's record (issue 31).
  const all = await deviceStorage(page);
  const stored = Object.keys(all)
    .filter((k) => k === 'stegvis.data' || k.startsWith('stegvis.person.'))
    .reduce((sum, k) => sum + all[k].length, 0);
  const size = (await section.getByText(pattern(t.offline_data_size, ['size'])).textContent())!;
  const [, n, unit] = size.match(new RegExp(SIZE))!;
  expect(Math.abs(toBytes(n, unit) - stored) / stored).toBeLessThan(0.06);

  const used = section.locator('.space-used');
  await expect(used).toHaveText(pattern(t.offline_space_used, ['used', 'free']));
  const [, usedN, usedUnit, freeN, freeUnit] = (await used.textContent())!.match(pattern(t.offline_space_used, ['used', 'free']))!;
  // The kept app files count: more than half a megabyte.
  expect(toBytes(usedN, usedUnit)).toBeGreaterThan(500_000);
  expect(toBytes(freeN, freeUnit)).toBeGreaterThan(0);

  const kept = await page.evaluate(() => navigator.storage.persisted());
  if (kept) {
    await expect(section.getByText(t.offline_kept_yes)).toBeVisible();
  } else {
    await expect(section.getByText(t.offline_kept_no)).toBeVisible();
    await section.getByRole('button', { name: t.offline_kept_ask }).click();
    const granted = await page.evaluate(() => navigator.storage.persisted());
    await expect(section.getByText(granted ? t.offline_kept_yes : t.offline_kept_no)).toBeVisible();
  }
});

for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: language });

    test('the data page, with its storage section, has no accessibility violations', async ({ page }) => {
      const texts = TEXTS[language];
      const data = new DataPage(page, texts);
      await data.open();
      await offlineReady(page);
      await page.reload();
      await data.waitForApp();
      await expect(page.locator('.storage-space .space-used')).toBeVisible();
      await expect(page.getByText(texts.offline_works_offline)).toBeVisible();
      await expect(page.getByText(fill(texts.offline_data_size, { size: '0\u00a0B' }))).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  });
}
