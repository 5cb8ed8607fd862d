import { type Page } from '@playwright/test';
import { TEXTS } from './locales';
import { goOffline, offlineReady, expect, test } from './offline-site';
import { AppShell } from './pages/app';
import { Questionnaire } from './pages/questionnaire';

// index.html starts the participant's own, lighter app on her pages (src/participant_app.rs)
// and the whole app everywhere else; a link out of her pages lands in the whole app.
const t = TEXTS.en;

/** Which app's wasm each page load of `page` fetched, in order ('participant' or 'whole'). */
function appsLoaded(page: Page): string[] {
  const apps: string[] = [];
  page.on('request', (request) => {
    const file = new URL(request.url()).pathname.split('/').pop()!;
    if (file.endsWith('_bg.wasm')) apps.push(file.startsWith('participant-') ? 'participant' : 'whole');
  });
  return apps;
}

test('her pages run the participant app, every other page the whole app', async ({ page }) => {
  const apps = appsLoaded(page);
  const app = new AppShell(page);
  for (const [path, heading, expected] of [
    ['', 'home_title', 'participant'],
    ['participant', 'self_title', 'participant'],
    ['counsellor', 'caseload_title', 'whole'],
    ['training', 'training_title', 'whole'],
    ['no-such-page', 'not_found_title', 'whole'],
  ] as const) {
    apps.length = 0;
    await app.goto(path);
    await app.expectHeading(t, heading);
    expect(apps, path).toEqual([expected]);
  }
});

test('her whole round stays in her app, and a link out of it opens the whole app there', async ({ page }) => {
  const apps = appsLoaded(page);
  const q = new Questionnaire(page);
  await q.goto('');
  await page.getByRole('link', { name: t.home_participant_title }).click();
  await page.getByLabel(t.self_name_label).fill('Two Apps');
  await page.getByRole('button', { name: t.self_start }).click();
  for (let n = 1; n <= 8; n++) {
    await q.expectQuestion(n);
    await q.answer(n, 4);
    if (n < 8) await q.next();
  }
  await q.toSummary();
  await q.done();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.questions_thanks_title);
  expect(apps).toEqual(['participant']);
  // Out of her pages: the same address in the whole app, with her answers there.
  await page.getByRole('link', { name: t.common_app_name, exact: true }).click();
  await page.getByRole('link', { name: t.home_counsellor_title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.caseload_title);
  await expect(page.getByRole('link', { name: /Two Apps/ })).toBeVisible();
  expect(apps).toEqual(['participant', 'whole']);
  // And back: in-app, still the whole app.
  await page.getByRole('link', { name: t.common_app_name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.home_title);
  expect(apps).toEqual(['participant', 'whole']);
});

test('a tab in training or handed over, or a locked device, gets the whole app on her pages too', async ({ page }) => {
  const apps = appsLoaded(page);
  const app = new AppShell(page);
  await app.goto('');
  for (const [storage, key, value] of [
    ['sessionStorage', 'stegvis.training-mode', 'on'],
    ['localStorage', 'stegvis.lock', 'not a lock record'],
  ] as const) {
    await page.evaluate(([s, k, v]) => (s === 'sessionStorage' ? sessionStorage : localStorage).setItem(k, v), [storage, key, value]);
    apps.length = 0;
    await page.reload();
    await expect(page.locator('#boot')).toHaveCount(0);
    expect(apps, key).toEqual(['whole']);
    await page.evaluate(([s, k]) => (s === 'sessionStorage' ? sessionStorage : localStorage).removeItem(k), [storage, key]);
  }
});

/** Every file the offline worker keeps, by path. */
async function keptFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const files: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) files.push(new URL(request.url).pathname);
    }
    return files;
  });
}
const keeps = (files: string[], app: string) => files.some((file) => new RegExp(`/${app}-[0-9a-f]{8,16}_bg\\.wasm$`).test(file));

test('after one visit to her page, both apps open offline', async ({ page, site }, info) => {
  test.skip(info.project.name !== 'phone', 'the same worker; once is enough');
  const q = new Questionnaire(page);
  await q.goto('participant');
  await offlineReady(page);
  await expect.poll(async () => keeps(await keptFiles(page), 'stegvis')).toBe(true);
  expect(keeps(await keptFiles(page), 'participant')).toBe(true);
  await goOffline(page, site);
  await q.goto('counsellor');
  await q.expectHeading(t, 'caseload_title');
  await q.goto('participant');
  await q.expectHeading(t, 'self_title');
});

test("with the data saver on, her phone keeps her app offline and is not made to download the whole app", async ({ page, site }, info) => {
  test.skip(info.project.name !== 'phone', 'about her phone');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
  const apps = appsLoaded(page);
  const q = new Questionnaire(page);
  await q.goto('participant');
  await offlineReady(page);
  const kept = await keptFiles(page);
  expect(keeps(kept, 'participant')).toBe(true);
  expect(keeps(kept, 'stegvis')).toBe(false);
  await goOffline(page, site);
  await page.reload();
  await q.waitForApp();
  await q.expectHeading(t, 'self_title');
  expect(apps).toEqual(['participant', 'participant']);
});
