import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEXTS } from './locales';
import { goOffline, goOnline, offlineReady, wholeAppKept, expect, test } from './offline-site';
import { AppShell } from './pages/app';
import { DataPage } from './pages/data';
import { PlanPage, planBackup } from './pages/plan';
import { Questionnaire } from './pages/questionnaire';

// After one visit the app opens and works with no network: the service worker keeps every file
// of the build. Each test serves its own copy of the release build and stops that server to
// be offline (and tells the browser so too).
const t = TEXTS.en;

const ROUTES = [
  { path: '', heading: t.home_title },
  { path: 'participant', heading: t.self_title },
  { path: 'counsellor', heading: t.caseload_title },
  { path: 'counsellor/p1', heading: 'Lane' },
  { path: 'counsellor/p1/plan', heading: `${t.plan_title}: Lane` },
  { path: 'training', heading: t.training_title },
  { path: 'data', heading: t.data_title },
];

test('after one visit every page opens, reloads and draws its charts with no network', async ({ page, site }) => {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(planBackup());
  await offlineReady(page);
  await goOffline(page, site);
  for (const route of ROUTES) {
    await data.goto(route.path);
    await expect(data.heading()).toHaveText(route.heading);
    await page.reload();
    await data.waitForApp();
    await expect(data.heading()).toHaveText(route.heading);
  }
  await data.goto('training');
  await expect(page.locator('#example-chart canvas')).toBeVisible();
  await data.goto('counsellor/p1/plan');
  await expect(page.locator('#focus-chart canvas')).toBeVisible();
});

test('a questionnaire answered and a plan built offline are all there once back online', async ({ page, site }, info) => {
  const q = new Questionnaire(page);
  await q.goto('');
  await offlineReady(page);
  // A phone keeps the counsellor's part once it has run there with a network (two-apps.spec).
  if (info.project.name === 'phone') {
    await q.goto('counsellor');
    await wholeAppKept(page);
  }
  await goOffline(page, site);

  await q.start('Robin');
  for (let n = 1; n <= 8; n++) {
    await q.answer(n, ((n - 1) % 5) + 1);
    if (n < 8) await q.next();
  }
  await q.toSummary();
  await q.done();

  const plan = new PlanPage(page);
  await plan.openWith(planBackup());
  await plan.addSubGoal('Visit the school');
  await plan.addActivity({ name: t.interventions_adult_education });
  const offline = await plan.stored();

  await goOnline(page, site);
  await page.reload();
  await plan.waitForApp();
  await plan.expectSubGoalOrder(['Visit the school']);
  await expect(plan.activity(t.interventions_adult_education)).toBeVisible();
  const online = await plan.stored();
  expect(online).toEqual(offline);
  const robin = online.participants.find((p: any) => p.display_name === 'Robin');
  const round = online.rounds.find((r: any) => r.participant_id === robin.id);
  expect(Object.keys(round.participant_part.answers)).toHaveLength(8);
  expect(round.participant_part.completed).toBeTruthy();
  expect(online.plans[0].sub_goals.map((s: any) => s.text)).toEqual(['Visit the school']);
});

test.describe('built for a sub-path', () => {
  test.use({ build: 'subpath' });

  test('opens and reloads offline under /stegvis/', async ({ page, site }, info) => {
    test.skip(info.project.name === 'phone', 'the same worker; once is enough');
    const app = new AppShell(page);
    await app.goto('');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(site.url);
    await offlineReady(page);
    await goOffline(page, site);
    await app.goto('training');
    await app.expectHeading(t, 'training_title');
    await expect(page.locator('#example-chart canvas')).toBeVisible();
    await page.reload();
    await app.waitForApp();
    await app.goto('participant');
    await app.expectHeading(t, 'self_title');
    await app.goto('nothing-here');
    await app.expectHeading(t, 'not_found_title');
  });
});

test('a build without the post-build step (trunk serve) installs no worker and removes an old one', async ({ page, site }, info) => {
  test.skip(info.project.name === 'phone', 'not about the screen');
  const app = new AppShell(page);
  await app.goto('');
  await offlineReady(page);
  // The same address now serves a development build: index.html without the version tag.
  const index = join(site.dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/\s*<meta name="stegvis-offline"[^>]*>/, ''));
  for (const suffix of ['.br', '.gz']) rmSync(index + suffix, { force: true });
  await page.reload();
  await app.waitForApp();
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});
