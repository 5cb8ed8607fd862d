// The framing tests load an attacker's page from another origin, which the guard in
// ./fixtures would report: they use Playwright's own test.
import { type Page, test as unguarded } from '@playwright/test';
import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell, storedData, putStored, deviceStorage } from './pages/app';
import { DataPage, fillStorage, fixtureText, freeStorage } from './pages/data';
import { PlanPage, planBackup } from './pages/plan';

const t = TEXTS.en;

async function storedNames(page: Page): Promise<string[]> {
  if (!(await deviceStorage(page))['stegvis.data']) return [];
  return (await storedData(page)).participants.map((p) => p.display_name).sort();
}

async function openCaseload(page: Page) {
  const app = new AppShell(page);
  await app.goto('counsellor');
  return app;
}

async function typeParticipant(page: Page, name: string) {
  await page.getByLabel(t.caseload_name_label).fill(name);
  await page.getByLabel(t.caseload_counsellor_label).fill('AL');
}

/** A participant's row in the caseload ("A1 → No rounds yet"). */
function personLink(page: Page, name: string) {
  return page.getByRole('link', { name: new RegExp(`^${name} `) });
}

/** Presses "Add" from inside the page, so that two tabs can press it at the same moment. */
function pressAdd(page: Page) {
  return page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    button!.click();
  }, t.caseload_add_button);
}

// Guards issue 10 case 1: two tabs each adding a participant at the same moment lost 8 of 16.
test('two tabs adding participants at the same moment keep every one', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openCaseload(a);
  await openCaseload(b);
  const expected: string[] = [];
  for (let n = 1; n <= 8; n++) {
    await typeParticipant(a, `A${n}`);
    await typeParticipant(b, `B${n}`);
    await Promise.all([pressAdd(a), pressAdd(b)]);
    expected.push(`A${n}`, `B${n}`);
  }
  expected.sort();
  await expect.poll(() => storedNames(a)).toEqual(expected);
  for (const page of [a, b]) {
    for (const name of expected) await expect(personLink(page, name)).toBeVisible();
  }
});

// Guards issue 10 case 2: a tab whose save was refused later wrote its whole copy over a
// participant another tab had saved, and that participant vanished from both screens.
test('a tab whose save was refused does not overwrite what another tab saved later', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openCaseload(a);
  await openCaseload(b);
  await fillStorage(a);
  await typeParticipant(a, 'Refused first');
  await pressAdd(a);
  await expect(a.getByRole('alert')).toContainText(t.data_notice_save_failed_quota);
  await freeStorage(a);
  await typeParticipant(b, 'Saved by B');
  await pressAdd(b);
  await typeParticipant(a, 'Added later by A');
  await pressAdd(a);
  const all = ['Added later by A', 'Refused first', 'Saved by B'];
  await expect.poll(() => storedNames(b)).toEqual(all);
  for (const name of all) await expect(personLink(b, name)).toBeVisible();
  await expect(a.getByRole('alert')).toHaveCount(0);
});

// Guards issue 10 case 3: one keystroke in an older goal field in tab B replaced the goal
// typed in tab A.
test('a text field follows what another tab saved, so the next keystroke builds on it', async ({ context }) => {
  const a = new PlanPage(await context.newPage());
  await a.openWith(planBackup());
  const b = new PlanPage(await context.newPage());
  await b.goto('counsellor/p1/plan');
  const goal = (plan: PlanPage) => plan.page.getByLabel(t.plan_goal_text_label);
  await goal(a).fill('Baker in town');
  await expect(goal(b)).toHaveValue('Baker in town');
  await goal(b).press('End');
  await goal(b).pressSequentially(' soon');
  await expect(goal(a)).toHaveValue('Baker in town soon');
  expect((await a.stored()).participants[0].goal.text).toBe('Baker in town soon');
});

// Guards issue 10 case 4: damaged data was copied aside again at every page load until the
// copies filled the storage.
test('damaged data is copied aside once, however often the app opens', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  const damaged = `{"format":"stegvis","schema_version":1,"data":${'x'.repeat(200_000)}`;
  await putStored(page, 'stegvis.data', damaged);
  for (let visit = 0; visit < 4; visit++) {
    await page.reload();
    await data.waitForApp();
  }
  const copies = await deviceStorage(page).then((stored) =>
    Object.keys(stored).filter((k) => k.startsWith('stegvis.recovery.')).map((k) => stored[k]),
  );
  expect(copies).toEqual([damaged]);
});

// Guards issue 10 case 4: where no copy fits, the damaged text was written over. Since issue 31
// the data lives in IndexedDB, where the copy aside and the fresh start are one transaction that
// takes no more room than there was: on a full disk the damaged text is still kept aside whole.
test('damaged data is kept aside even on a full disk, and nothing is written over it', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  const damaged = `{"format":"stegvis","data":[${'7,'.repeat(100_000)}`;
  await putStored(page, 'stegvis.data', damaged);
  await fillStorage(page);
  await page.reload();
  await data.waitForApp();
  await expect(data.notice()).toContainText(t.data_notice_recovered);
  const stored = await deviceStorage(page);
  const copies = Object.keys(stored).filter((k) => k.startsWith('stegvis.recovery.'));
  expect(copies.map((k) => stored[k])).toEqual([damaged]);
  // The copy stays, and the app works on: a backup added after making room is kept.
  await freeStorage(page);
  await data.importAndApply(fixtureText());
  await page.reload();
  await data.waitForApp();
  await data.expectCounts(2, 4);
  const after = await deviceStorage(page);
  expect(Object.keys(after).filter((k) => k.startsWith('stegvis.recovery.')).map((k) => after[k])).toEqual([damaged]);
});

// Guards issue 10 case 5: a refused change was gone after a reload with no warning, and an
// import while storage was full said "The backup has been added".
test('with a refused change, the page says so on import and asks before it goes', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await fillStorage(page);
  await data.chooseFile('backup.json', fixtureText());
  await page.getByRole('button', { name: t.data_import_apply }).click();
  await expect(page.getByText(t.safety_import_not_saved)).toBeVisible();
  await expect(page.getByText(t.data_import_done)).toHaveCount(0);
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});

test('nothing is asked before leaving once everything is saved', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  let asked = false;
  page.on('dialog', async (d) => {
    asked = true;
    await d.dismiss();
  });
  await page.reload();
  await data.waitForApp();
  await data.expectCounts(2, 4);
  expect(asked).toBe(false);
});

test('a backup leaves sensitive answers out unless they are included, and keeps them on import', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  const sensitive = (file) => file.data.rounds.map((r) => r.counsellor_part?.sensitive).filter((s) => s && Object.keys(s).length);
  const without = await data.exportBackup();
  expect(without.sensitive_included).toBe(false);
  expect(sensitive(without)).toEqual([]);
  expect(without.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  // Switched off, the answers already given are still offered.
  await data.sensitiveSetting().uncheck();
  await page.getByRole('checkbox', { name: t.data_include_sensitive }).check();
  const withThem = await data.exportBackup();
  expect(sensitive(withThem).length).toBeGreaterThan(0);
  // The file without them, imported over data that has them, keeps them.
  await data.chooseFile('without.json', JSON.stringify(without));
  await expect(page.getByText(t.data_import_nothing_new)).toBeVisible();
  await page.getByRole('button', { name: t.data_import_apply }).click();
  const stored = { data: await storedData(page) };
  expect(sensitive(stored)).toEqual(sensitive(withThem));
});

test('a backup changed after it was saved is refused as damaged', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  const file = await data.exportBackup();
  file.data.participants[0].display_name = 'Someone else';
  await data.eraseAll();
  await data.chooseFile('changed.json', JSON.stringify(file, null, 2));
  await expect(page.getByText(t.safety_error_damaged)).toBeVisible();
  await data.expectCounts(0, 0);
});

test('hostile ids and impossible dates in a file are refused, nothing changes', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  const fixture = JSON.parse(fixtureText());
  const pid = fixture.data.participants[0].id;
  const badId = fixtureText().replaceAll(pid, '../../data');
  await data.chooseFile('ids.json', badId);
  await expect(page.getByText(t.data_error_invalid)).toBeVisible();
  const farDate = JSON.parse(fixtureText());
  farDate.data.rounds[0].date = '+30000-01-01';
  await data.chooseFile('dates.json', JSON.stringify(farDate));
  await expect(page.getByText(t.data_error_invalid)).toBeVisible();
  farDate.data.rounds[0].date = '0001-01-01';
  await data.chooseFile('dates.json', JSON.stringify(farDate));
  await expect(page.getByText(t.data_error_invalid)).toBeVisible();
  await data.expectCounts(0, 0);
});

test('a date outside 1990-2100 is refused at input with a message', async ({ page }) => {
  const plan = new PlanPage(page);
  await plan.openWith(planBackup());
  const form = page.locator('.activity-add');
  await form.getByLabel(t.plan_activity_choice_label).selectOption({ label: t.interventions_work_trial });
  await form.getByLabel(t.plan_activity_start_label).fill('0001-01-01');
  await form.getByRole('button', { name: t.plan_activity_add }).click();
  await expect(form.getByText(t.safety_date_out_of_range)).toBeVisible();
  expect((await plan.stored()).plans).toEqual([]);
});

test('a very long word wraps instead of widening a phone screen', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'a phone-sized screen');
  const data = new DataPage(page);
  await data.open();
  const long = JSON.parse(planBackup());
  long.data.participants[0].display_name = 'X'.repeat(63);
  await data.importAndApply(JSON.stringify(long));
  for (const path of ['counsellor', 'counsellor/p1']) {
    await data.goto(path);
    await expect(page.getByText('X'.repeat(63)).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

unguarded.describe('framing by another site', () => {
  /** An attacker's page on another origin (localhost instead of 127.0.0.1) that frames /data. */
  async function frameFromAnotherOrigin(page: Page, baseURL: string, withHostHeaders: boolean) {
    const app = new URL(baseURL);
    await page.route(`http://localhost:${app.port}/evil`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe src="${app.origin}/data" width="800" height="600"></iframe>` }),
    );
    if (!withHostHeaders) {
      // A host that sends none of the recommended headers: only the app itself can refuse.
      await page.route(`${app.origin}/**`, async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers['x-frame-options'];
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      });
    }
    await page.goto(`http://localhost:${app.port}/evil`);
  }

  unguarded('the app refuses to show anything inside another site\'s frame', async ({ page, baseURL }) => {
    await frameFromAnotherOrigin(page, baseURL!, false);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { name: t.safety_framed_title })).toBeVisible();
    await expect(frame.getByRole('heading', { name: t.data_title })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: t.data_erase_all })).toHaveCount(0);
  });

  unguarded('the served headers stop the frame before the app loads', async ({ page, baseURL }) => {
    const response = await page.request.get(`${new URL(baseURL!).origin}/data`);
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(response.headers()['referrer-policy']).toBe('no-referrer');
    await frameFromAnotherOrigin(page, baseURL!, true);
    await expect.poll(() => page.frames().length).toBe(2);
    await expect.poll(() => page.frames()[1].url()).toMatch(/^chrome-error:/);
  });
});
