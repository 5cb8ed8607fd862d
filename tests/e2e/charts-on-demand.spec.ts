import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';
import { DataPage } from './pages/data';
import { backup, openParticipant } from './pages/progress';
import { Questionnaire } from './pages/questionnaire';

// ECharts is a sixth of what a phone downloads: screens without a chart never fetch it; the
// first chart fetches it once, from this origin, with its integrity checked. (That a chart
// still draws offline is in offline.spec.ts.) The same on any screen: desktop only.
// Every request is seen here, none answered by the offline worker (the app also works where
// service workers are turned off).
test.use({ serviceWorkers: 'block' });

test.beforeEach(({}, info) => {
  test.skip(info.project.name === 'phone', 'not about the screen');
});

const isECharts = (url: string) => /\/echarts-[0-9a-f]+\.js$/.test(new URL(url).pathname);

test('screens without a chart do not fetch ECharts; the first chart fetches it once, checked', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (isECharts(request.url())) fetched.push(request.url());
  });
  const app = new AppShell(page);
  await app.goto('');
  await app.waitForApp();
  const q = new Questionnaire(page);
  await q.start('Robin');
  await q.answer(1, 3);
  await q.next();
  await q.expectQuestion(2);
  await app.goto('counsellor');
  await app.waitForApp();
  await new DataPage(page).open();
  expect(fetched).toEqual([]);
  expect(await page.evaluate(() => 'echarts' in window)).toBe(false);

  await openParticipant(page, backup([[1, 2, 3, 4, 5, 4, 3, 2], [2, 3, 4, 5, 5, 4, 4, 3]]));
  expect(fetched).toHaveLength(1);
  const script = page.locator('head script[src*="echarts-"]');
  await expect(script).toHaveAttribute('integrity', /^sha384-/);
  // Moving between chart screens (within the app) uses the script already there.
  await page.getByRole('link', { name: TEXTS.en.data_nav }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXTS.en.data_title);
  await page.goBack();
  await expect(page.locator('#participant-chart canvas')).toBeVisible();
  expect(fetched).toHaveLength(1);
});
