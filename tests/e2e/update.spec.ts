import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { LANGUAGES, TEXTS } from './locales';
import {
  expect, goOffline, lookForUpdate, offlineReady, running, test, updateWaiting,
} from './offline-site';
import { AppShell, deviceStorage } from './pages/app';
import { DataPage, fixtureText } from './pages/data';
import { Questionnaire } from './pages/questionnaire';

// A new version never interrupts and never strands anyone: build A runs, build B is deployed,
// the app offers B quietly and runs it once the person agrees; the data stays as it was and
// A's cache goes. The worker and its logic are the same on any screen: desktop only.
const t = TEXTS.en;

test.beforeEach(({}, info) => {
  test.skip(info.project.name === 'phone', 'not about the screen');
});

const banner = (page: Page) => page.locator('.update-banner');
/** Every stored text of the caseload: the head and each person's record. */
const stored = async (page: Page) => {
  const all = await deviceStorage(page);
  return JSON.stringify(
    Object.keys(all)
      .filter((k) => k === 'stegvis.data' || k.startsWith('stegvis.person.'))
      .sort()
      .map((k) => [k, all[k]]),
  );
};

test('an open app offers the new version; taken offline, it runs it; the data stays', async ({ page, site }) => {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  await offlineReady(page);
  const a = await running(page);
  expect(a.version).toBe(site.version());
  expect(a.caches).toHaveLength(1);
  const before = await stored(page);

  const b = site.newerBuild();
  expect(b).not.toBe(a.version);
  await lookForUpdate(page);
  await expect(banner(page)).toContainText(t.offline_update_ready);

  // Reloaded without a network, the device still has A, and still offers B.
  await goOffline(page, site);
  await page.reload();
  await data.waitForApp();
  expect((await running(page)).version).toBe(a.version);
  await banner(page).getByRole('button', { name: t.offline_update_reload }).click();

  await expect.poll(async () => (await running(page)).version).toBe(b);
  await data.waitForApp();
  await data.expectCounts(2, 4);
  await expect(banner(page)).toHaveCount(0);
  expect(await stored(page)).toBe(before);
  await expect.poll(async () => (await running(page)).caches).toHaveLength(1);
  expect((await running(page)).caches[0]).not.toBe(a.caches[0]);
  expect((await running(page)).caches[0]).toContain(b);
});

test('an online reload gets the new version at once; its worker takes over quietly', async ({ page, site }) => {
  const app = new AppShell(page);
  await app.goto('');
  await offlineReady(page);
  const a = await running(page);
  const b = site.newerBuild();
  // Page loads ask the network first: the reload is already B, so there is nothing to offer.
  await page.reload();
  await app.waitForApp();
  expect((await running(page)).version).toBe(b);
  await expect.poll(async () => (await running(page)).caches, { timeout: 15_000 }).not.toContain(a.caches[0]);
  expect((await running(page)).caches).toHaveLength(1);
  await expect(banner(page)).toHaveCount(0);
});

test('the banner waits while a questionnaire is open, and shows when it is done', async ({ page, site }) => {
  const q = new Questionnaire(page);
  await q.start('Robin');
  await offlineReady(page);
  await q.answer(1, 3);
  await q.next();
  await q.answer(2, 4);
  // Nothing is ever lost on reload (every answer is saved at once): the wait is only courtesy.
  await page.reload();
  await q.waitForApp();
  await q.expectQuestion(2);
  await expect(q.option(2, 4)).toBeChecked();

  site.newerBuild();
  await lookForUpdate(page);
  await updateWaiting(page);
  for (let n = 2; n <= 8; n++) {
    await q.answer(n, 2);
    await expect(banner(page)).toHaveCount(0);
    if (n < 8) await q.next();
  }
  await q.toSummary();
  await expect(banner(page)).toHaveCount(0);
  await q.done();
  await expect(banner(page)).toContainText(t.offline_update_ready);
});

test('the banner has no accessibility violations in any language', async ({ page, site }) => {
  const app = new AppShell(page);
  await app.goto('');
  await offlineReady(page);
  site.newerBuild();
  await lookForUpdate(page);
  let from = 'en' as (typeof LANGUAGES)[number];
  for (const language of LANGUAGES) {
    await app.chooseLanguage(from, language);
    from = language;
    await expect(banner(page)).toContainText(TEXTS[language].offline_update_ready);
    await expect(banner(page).getByRole('button')).toHaveText(TEXTS[language].offline_update_reload);
    const results = await new AxeBuilder({ page }).include('.update-region').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }
});
