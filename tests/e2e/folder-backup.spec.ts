import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { DataPage, fill, fixtureText } from './pages/data';
import { LockPage } from './pages/lock';

// Issue 31: automatic backups into a folder the counsellor picks. Headless Chromium cannot show
// the browser's folder picker, so a test double stands in for it: the picker hands over a folder
// in the site's private file system (OPFS), which Chromium writes to through the same API, with
// permission already granted.

const t = TEXTS.en;

async function withTestFolder(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('backups', { create: true });
  });
}

/** The files in the test folder, by name, with their text. */
async function folder(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('backups', { create: true });
    const files: Record<string, string> = {};
    for await (const [name, handle] of (dir as unknown as AsyncIterable<[string, FileSystemFileHandle]>)) {
      // A file being written is a temporary ".crswap" until it is closed; read only finished ones.
      if (!name.endsWith('.json')) continue;
      files[name] = await (await handle.getFile()).text();
    }
    return files;
  });
}

const section = (page: Page) => page.locator('.folder-backup');

test('backups go to the chosen folder, the folder is remembered, and a restore reads the newest', async ({ page }) => {
  await withTestFolder(page);
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  await section(page).getByRole('button', { name: t.data_folder_choose }).click();
  await expect(section(page)).toContainText(fill(t.data_folder_active, { folder: 'backups' }));
  await expect.poll(async () => Object.keys(await folder(page))).toHaveLength(1);
  const [[name, text]] = Object.entries(await folder(page));
  expect(name).toMatch(/^stegvis-auto-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
  const backup = JSON.parse(text);
  expect(backup.format).toBe('stegvis');
  expect(backup.sensitive_included).toBe(true);
  expect(backup.data.participants.map((p) => p.display_name).sort()).toEqual(['Björk, Ø.', 'Tåget 7']);
  await expect(section(page)).toContainText(t.data_folder_last.split('{time}')[0]);
  // Remembered after a reload.
  await page.reload();
  await data.waitForApp();
  await expect(section(page)).toContainText(fill(t.data_folder_active, { folder: 'backups' }));
  // An empty device restores from the folder through the import review.
  await data.eraseAll();
  await data.expectCounts(0, 0);
  await section(page).getByRole('button', { name: t.data_folder_restore }).click();
  await expect(page.getByText(fill(t.data_import_new_participants, { count: 2 }))).toBeVisible();
  await page.getByRole('button', { name: t.data_import_apply }).click();
  await expect(page.getByText(t.data_import_done)).toBeVisible();
  await data.expectCounts(2, 4);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // Stopped: nothing more is written there.
  await section(page).getByRole('button', { name: t.data_folder_stop }).click();
  await expect(section(page).getByRole('button', { name: t.data_folder_choose })).toBeVisible();
});

// A readable copy must not leave a locked device: each backup is sealed under the device's key,
// written without asking for the passphrase, and opens anywhere with the passphrase or the
// recovery code.
test('on a locked device the backups in the folder are sealed, and a restore opens them with the recovery code', async ({ page }) => {
  await withTestFolder(page);
  const lock = new LockPage(page);
  await lock.withData();
  const code = await lock.setLock();
  await page.getByRole('button', { name: t.lock_code_done }).click();
  await section(page).getByRole('button', { name: t.data_folder_choose }).click();
  await expect(section(page)).toContainText(t.data_folder_sealed);
  await expect.poll(async () => Object.keys(await folder(page))).toHaveLength(1);
  const [text] = Object.values(await folder(page));
  expect(JSON.parse(text)).toMatchObject({ format: 'stegvis-sealed-backup', version: 2 });
  for (const word of ['Tåget', 'Björk', 'participants', 'stegvis"']) expect(text).not.toContain(word);
  expect((await new AxeBuilder({ page }).include('.folder-backup').analyze()).violations).toEqual([]);
  await section(page).screenshot({ path: test.info().outputPath('folder-sealed.png') });
  // An emptied device restores from the folder: the import review asks for the passphrase.
  await lock.eraseAll();
  await lock.expectCounts(0, 0);
  await section(page).getByRole('button', { name: t.data_folder_restore }).click();
  await expect(page.getByText(t.encrypted_import_intro)).toBeVisible();
  await lock.openEncrypted('not the passphrase');
  await expect(page.getByRole('alert')).toHaveText(t.encrypted_import_wrong, { timeout: 30_000 });
  await lock.openEncrypted(code);
  await page.getByRole('button', { name: t.data_import_apply }).click({ timeout: 30_000 });
  await expect(page.getByText(t.data_import_done)).toBeVisible();
  await lock.expectCounts(2, 4);
});

for (const language of LANGUAGES) {
  test(`where the browser cannot write to a folder, the page says what to do instead, in ${language}`, async ({ page }, info) => {
    test.skip(info.project.name === 'phone' && language !== 'sv', 'each language once on a desktop; phone in Swedish');
    const l = TEXTS[language];
    await page.addInitScript((code) => {
      localStorage.setItem('stegvis.language', code);
      // Safari and Firefox have no folder picker.
      delete (Window.prototype as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker;
      delete (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker;
    }, language);
    const data = new DataPage(page, l);
    await data.open();
    await expect(section(page)).toContainText(l.data_folder_unavailable);
    expect((await new AxeBuilder({ page }).include('.folder-backup').analyze()).violations).toEqual([]);
    await page.screenshot({ path: info.outputPath(`folder-unavailable-${language}.png`), fullPage: true });
  });
}
