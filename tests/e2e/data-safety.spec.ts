import { putStored, deviceStorage } from './pages/app';
import { expect, test } from './fixtures';
import { DataPage, fillStorage, fixtureText, freeStorage } from './pages/data';

test('storage full: the user is told, nothing is lost, and saving resumes when there is room', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await fillStorage(page);
  await data.chooseFile('backup.json', fixtureText());
  await page.getByRole('button', { name: data.t.data_import_apply }).click();
  await expect(page.getByText(data.t.safety_import_not_saved)).toBeVisible();
  await expect(data.notice()).toContainText(data.t.data_notice_save_failed_quota);
  // The changes are still here, and can be saved as a file from the notice.
  await data.expectCounts(2, 4);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    data.notice().getByRole('button', { name: data.t.data_notice_export }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^stegvis-backup-.*\.json$/);
  // Make room, change something: everything is saved and the notice goes away.
  await freeStorage(page);
  await data.sensitiveSetting().check();
  await expect(data.notice()).toHaveCount(0);
  await page.reload();
  await data.waitForApp();
  await data.expectCounts(2, 4);
  await expect(data.sensitiveSetting()).toBeChecked();
});

test('unreadable stored data is kept aside and the app still starts', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  const broken = '{"format":"stegvis","schema_version":1,"data":{"participants":[{"id":';
  await putStored(page, 'stegvis.data', broken);
  await page.reload();
  await data.waitForApp();
  await expect(data.notice()).toContainText(data.t.data_notice_recovered);
  await data.expectCounts(0, 0);
  const kept = await deviceStorage(page).then((stored) =>
    Object.keys(stored).filter((k) => k.startsWith('stegvis.recovery.')).map((k) => stored[k]),
  );
  expect(kept).toEqual([broken]);
  await expect(page.getByRole('heading', { name: data.t.data_recovery_heading })).toBeVisible();
  // The app works: new data can be added and is saved without touching the kept copy.
  await data.importAndApply(fixtureText());
  await page.reload();
  await data.waitForApp();
  await data.expectCounts(2, 4);
});

test('data from a newer version is refused and never overwritten', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  const newer = '{"format":"stegvis","schema_version":99,"data":{"whatever":true}}';
  await putStored(page, 'stegvis.data', newer);
  await page.reload();
  await data.waitForApp();
  await expect(data.notice()).toContainText(data.t.data_notice_too_new);
  await data.sensitiveSetting().check();
  expect((await deviceStorage(page))['stegvis.data']).toBe(newer);
});

test.describe('when the browser refuses storage (private mode)', () => {
  test('the app still works and says nothing will be kept', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const data = new DataPage(page);
    await data.open();
    await expect(data.notice()).toContainText(data.t.data_notice_unavailable);
    await data.importAndApply(fixtureText());
    await data.expectCounts(2, 4);
  });
});

test('two tabs stay consistent, and neither overwrites the other', async ({ context }) => {
  const first = new DataPage(await context.newPage());
  const second = new DataPage(await context.newPage());
  await first.open();
  await second.open();
  await first.importAndApply(fixtureText());
  // The other tab follows without a reload.
  await second.expectCounts(2, 4);
  await second.sensitiveSetting().check();
  await expect(first.sensitiveSetting()).toBeChecked();
  // A change in the first tab builds on the second tab's change instead of undoing it.
  await first.eraseAll();
  await second.expectCounts(0, 0);
  await expect(second.sensitiveSetting()).toBeChecked();
});
