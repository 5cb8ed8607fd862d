import { type Page } from '@playwright/test';
import { TEXTS } from './locales';
import AxeBuilder from '@axe-core/playwright';
import { goOffline, goOnline, keepsApp, keepsECharts, keptFiles, offlineReady, wholeAppKept, expect, test } from './offline-site';
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

test('on a laptop, after one visit to her page, both apps open offline', async ({ page, site }, info) => {
  test.skip(info.project.name === 'phone', 'a laptop: her phone keeps her app alone (next test)');
  const q = new Questionnaire(page);
  await q.goto('participant');
  await offlineReady(page);
  await expect.poll(async () => keepsApp(await keptFiles(page), 'stegvis')).toBe(true);
  expect(keepsApp(await keptFiles(page), 'participant')).toBe(true);
  await goOffline(page, site);
  await q.goto('counsellor');
  await q.expectHeading(t, 'caseload_title');
  await q.goto('participant');
  await q.expectHeading(t, 'self_title');
});

/** Her page, run once online, leaves her app kept and neither the whole app nor ECharts. */
async function keepsHerAppAlone(page: Page, q: Questionnaire) {
  await q.goto('participant');
  await offlineReady(page);
  const kept = await keptFiles(page);
  expect(keepsApp(kept, 'participant')).toBe(true);
  expect(keepsApp(kept, 'stegvis')).toBe(false);
  expect(keepsECharts(kept)).toBe(false);
}

test.describe('offline, on a page her phone has not kept', () => {
  // The browser reports the app's files it could not fetch; the page says so kindly instead.
  test.use({ expectedErrors: ['Failed to load resource: net::ERR_FAILED'] });

  test('her phone keeps her app alone; offline, a page of the whole app says it needs the internet once', async ({ page, site }, info) => {
    test.skip(info.project.name !== 'phone', 'about her phone');
    const q = new Questionnaire(page);
    await keepsHerAppAlone(page, q);
    await q.start('Kept Here');
    await q.expectQuestion(1);

    await goOffline(page, site);
    await page.goto('counsellor');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.offline_not_started_title);
    await expect(page.getByText(t.offline_not_started_text)).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.screenshot({ path: info.outputPath('not-started.png') });
    // Her own pages still open, and what she saved is there.
    await q.goto('participant');
    await q.expectHeading(t, 'self_title');
    expect(await page.evaluate(() => Object.values(localStorage).join())).toContain('Kept Here');

    // Once the whole app has run with a network, it is kept too, charts and all.
    await goOnline(page, site);
    await page.goto('counsellor');
    await q.expectHeading(t, 'caseload_title');
    await wholeAppKept(page);
    await goOffline(page, site);
    await q.goto('training');
    await q.expectHeading(t, 'training_title');
    await expect(page.locator('#example-chart canvas')).toBeVisible();
  });

  test('offline on her phone, "Try again" opens the page once the network is back', async ({ page, site }, info) => {
    test.skip(info.project.name !== 'phone', 'about her phone');
    const q = new Questionnaire(page);
    await q.goto('');
    await offlineReady(page);
    await goOffline(page, site);
    await page.goto('data');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.offline_not_started_title);
    await goOnline(page, site);
    await page.getByRole('button', { name: t.offline_not_started_retry }).click();
    await q.expectHeading(t, 'data_title');
  });
});

test('with the data saver on, a device that has only run her app keeps her app alone', async ({ page, site }, info) => {
  test.skip(info.project.name === 'phone', 'a laptop: on her phone that is so anyway');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
  const apps = appsLoaded(page);
  const q = new Questionnaire(page);
  await keepsHerAppAlone(page, q);
  await goOffline(page, site);
  await page.reload();
  await q.waitForApp();
  await q.expectHeading(t, 'self_title');
  expect(apps).toEqual(['participant', 'participant']);
});
