import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { fill, fillStorage, fixtureText, freeStorage } from './pages/data';
import { readFileSync } from 'node:fs';
import { device } from './pages/handover';
import { LockPage, PASSPHRASE } from './pages/lock';

// A participant's name, a comment and the word stored with a sensitive answer, all in the fixture.
const SECRETS = ['Tåget 7', 'Back pain', 'substance_use'];

test.describe.configure({ timeout: 120_000 });

test('a locked device keeps nothing readable; only the passphrase opens it', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.withData();
  const code = await lock.setLock();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/);
  const stored = await lock.storage();
  const everything = JSON.stringify(stored);
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
  // Only the language, the lock's own parameters and where the data lives are in clear.
  for (const [key, value] of Object.entries(stored)) {
    if (key === 'stegvis.language' || key === 'stegvis.lock' || key === 'stegvis.store') continue;
    expect(JSON.parse(value).format, key).toBe('stegvis-sealed');
  }
  const record = JSON.parse(stored['stegvis.lock']);
  expect(record.passphrase.kdf).toBe('PBKDF2-HMAC-SHA-256');
  expect(record.passphrase.iterations).toBeGreaterThanOrEqual(600_000);
  // Unlocked in this tab, the app still works and saves, sealed.
  await lock.expectCounts(2, 4);
  await page.reload();
  await lock.expectLocked();
  await expect(page.getByText(fill(lock.t.data_summary, { participants: 2, rounds: 4 }))).toHaveCount(0);
  const locked = await lock.storage();
  await lock.unlock('not the passphrase');
  await expect(page.getByRole('alert')).toHaveText(lock.t.lock_wrong_secret);
  // Nothing but the count of wrong tries changed.
  const { 'stegvis.lock.tries': tries, ...after } = await lock.storage();
  expect(tries).toMatch(/^"1 \d+"$/);
  expect(after).toEqual(locked);
  await lock.unlock();
  await lock.expectHeading(lock.t, 'data_title');
  await lock.expectCounts(2, 4);
});

test('repeated wrong tries make the next try wait', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock();
  await page.reload();
  await lock.expectLocked();
  for (let i = 0; i < 3; i++) {
    await lock.unlock(`wrong ${i}`);
    await expect(page.getByRole('alert')).not.toHaveText(lock.t.lock_opening);
  }
  await expect(page.getByRole('alert')).toHaveText(fill(lock.t.lock_wrong_wait, { seconds: 5 }));
  await expect(page.getByRole('button', { name: lock.t.lock_open_button })).toBeDisabled();
  // The message follows a change of language.
  await lock.chooseLanguage('en', 'sv');
  await expect(page.getByRole('alert')).toHaveText(fill(TEXTS.sv.lock_wrong_wait, { seconds: 5 }));
  await lock.chooseLanguage('sv', 'en');
  // Reloading the page does not end the wait.
  await page.reload();
  await lock.expectLocked();
  await expect(page.getByRole('button', { name: lock.t.lock_open_button })).toBeDisabled();
  const left = lock.t.lock_wait_left.replace('.', '\\.').replace('{seconds}', '[1-5]');
  await expect(page.getByText(new RegExp(`^${left}$`))).toBeVisible();
  // Once it has run out, the right passphrase opens, and the count starts again.
  await expect(page.getByRole('button', { name: lock.t.lock_open_button })).toBeEnabled({ timeout: 10_000 });
  await lock.unlock();
  await lock.expectHeading(lock.t, 'data_title');
  expect((await lock.storage())['stegvis.lock.tries']).toBeUndefined();
});

test('a passphrase opens however its letters were composed (å as one character or two)', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock('kaffe p\u00e5 torget');
  await page.reload();
  await lock.expectLocked();
  await lock.unlock('kaffe pa\u030a torget');
  await lock.expectHeading(lock.t, 'data_title');
});

test('"Lock now" locks, and a half-filled form comes back after unlocking', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock();
  // Opening an address loads the page afresh: the data is locked again.
  await lock.goto('counsellor');
  await lock.expectLocked();
  await lock.unlock();
  await page.getByLabel(lock.t.caseload_name_label).fill('Half-typed Name');
  await page.getByRole('button', { name: lock.t.lock_now }).click();
  await lock.expectLocked();
  await expect(page.getByRole('button', { name: lock.t.lock_now })).toHaveCount(0);
  expect(JSON.stringify(await lock.storage())).not.toContain('Half-typed');
  await lock.unlock();
  await expect(page.getByLabel(lock.t.caseload_name_label)).toHaveValue('Half-typed Name');
});

test('the app locks itself after the chosen idle time', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock();
  await page.getByRole('button', { name: lock.t.lock_code_done }).click();
  await page.getByLabel(lock.t.lock_auto_label).selectOption('5');
  await expect(page.getByText(fill(lock.t.lock_auto_saved, { minutes: 5 }))).toBeVisible();
  // Test hook: the stored setting is in seconds; a short one stands for ten idle minutes.
  await page.evaluate(() => {
    const record = JSON.parse(localStorage.getItem('stegvis.lock')!);
    record.auto_lock_seconds = 3;
    localStorage.setItem('stegvis.lock', JSON.stringify(record));
  });
  await page.reload();
  await lock.unlock();
  await lock.expectHeading(lock.t, 'data_title');
  await lock.expectLocked();
});

test('the recovery code opens the data; then the passphrase is changed and the lock removed', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.withData();
  const code = await lock.setLock();
  await page.reload();
  await lock.expectLocked();
  await lock.unlockWithCode(code.toLowerCase().replaceAll('-', ' '));
  await lock.expectCounts(2, 4);
  // A new passphrase, confirmed with the recovery code.
  await page.getByLabel(lock.t.lock_current_label).first().fill(code);
  await page.locator('#lock-change-new').fill('a new passphrase');
  await page.locator('#lock-change-repeat').fill('a new passphrase');
  await page.getByRole('button', { name: lock.t.lock_change_button }).click();
  await expect(page.getByText(lock.t.lock_changed)).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await lock.unlock(PASSPHRASE);
  await expect(page.getByRole('alert')).toHaveText(lock.t.lock_wrong_secret);
  await lock.unlock('a new passphrase');
  await lock.expectCounts(2, 4);
  // Turning the lock off needs the passphrase and leaves the data readable in place.
  await page.locator('#lock-off-current').fill('a new passphrase');
  await page.getByRole('button', { name: lock.t.lock_off_button }).click();
  await expect(page.getByText(lock.t.lock_removed)).toBeVisible({ timeout: 30_000 });
  const stored = await lock.storage();
  expect(stored['stegvis.lock']).toBeUndefined();
  expect(JSON.stringify(stored)).toContain('Tåget 7');
  await page.reload();
  await lock.expectCounts(2, 4);
  await expect(page.getByRole('button', { name: lock.t.lock_now })).toHaveCount(0);
});

test('without passphrase or code, the data can be erased to start over', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.withData();
  await lock.setLock();
  await page.reload();
  await page.getByRole('button', { name: lock.t.lock_erase_button }).click();
  await page.getByRole('dialog').getByRole('button', { name: lock.t.lock_erase_yes }).click();
  await lock.expectHeading(lock.t, 'data_title');
  await lock.expectCounts(0, 0);
  // Only the language stays, and where the data lives (issue 31: IndexedDB, now empty).
  const kept = ['stegvis.language', 'stegvis.data', 'stegvis.store'];
  expect(Object.keys(await lock.storage()).filter((k) => !kept.includes(k))).toEqual([]);
});

test('two tabs: a lock set in one reaches the other; unlocking is per tab; "Lock now" locks both', async ({ context }) => {
  const a = new LockPage(await context.newPage());
  const b = new LockPage(await context.newPage());
  await a.withData();
  await b.goto('counsellor');
  await expect(b.page.getByRole('link', { name: /Tåget 7/ })).toBeVisible();
  await a.setLock();
  await b.expectLocked();
  await b.unlock();
  await expect(b.page.getByRole('link', { name: /Tåget 7/ })).toBeVisible();
  // A change in one tab reaches the other, sealed on the way.
  await a.goto('counsellor');
  await a.expectLocked();
  await a.unlock();
  await a.page.getByLabel(a.t.caseload_name_label).fill('Noor Second-Tab');
  await a.page.getByRole('button', { name: a.t.caseload_add_button }).click();
  await expect(b.page.getByRole('link', { name: /Noor Second-Tab/ })).toBeVisible();
  expect(JSON.stringify(await a.storage())).not.toContain('Noor');
  await b.page.getByRole('button', { name: b.t.lock_now }).click();
  await b.expectLocked();
  await a.expectLocked();
  await a.unlock();
  await expect(a.page.getByRole('link', { name: /Noor Second-Tab/ })).toBeVisible();
  await expect(b.unlockHeading()).toBeVisible();
});

test('the unlock screen speaks each language', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock();
  await page.reload();
  for (const [from, to] of [['en', 'sv'], ['sv', 'nb'], ['nb', 'da'], ['da', 'en']] as const) {
    await lock.chooseLanguage(from, to);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXTS[to].lock_unlock_title);
    await expect(page.getByLabel(TEXTS[to].lock_passphrase_label)).toBeVisible();
  }
  expect(LANGUAGES).toHaveLength(4);
});

test('the lock section and the unlock screen pass axe', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.open();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await lock.setLock();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: lock.t.lock_code_done }).click();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.reload();
  await lock.expectLocked();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await lock.unlock('wrong');
  await expect(page.getByRole('alert')).toHaveText(lock.t.lock_wrong_secret);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('a backup is encrypted with the passphrase and opens with it on another device', async ({ page, browser, baseURL }) => {
  const lock = new LockPage(page);
  await lock.withData();
  await lock.setLock();
  await page.getByRole('button', { name: lock.t.lock_code_done }).click();
  await expect(page.getByRole('checkbox', { name: lock.t.encrypted_choice })).toBeChecked();
  // Without the passphrase, or with another one, no file is saved.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: lock.t.data_export_backup }).click();
  await expect(page.getByText(lock.t.encrypted_missing)).toBeVisible();
  await page.getByLabel(lock.t.encrypted_passphrase_label).fill('not the passphrase');
  await page.getByRole('button', { name: lock.t.data_export_backup }).click();
  await expect(page.getByText(lock.t.encrypted_wrong)).toBeVisible({ timeout: 30_000 });
  expect(downloads).toBe(0);
  const file = await lock.exportEncrypted();
  await expect(page.getByText(/stegvis-backup-.*-encrypted\.json/)).toBeVisible();
  for (const secret of SECRETS) expect(file).not.toContain(secret);
  const sealed = JSON.parse(file);
  expect(sealed).toMatchObject({ format: 'stegvis-sealed-backup', version: 1, kdf: 'PBKDF2-HMAC-SHA-256' });
  expect(sealed.iterations).toBeGreaterThanOrEqual(600_000);
  expect(sealed.salt).not.toBe(JSON.parse((await lock.storage())['stegvis.lock']).passphrase.salt);

  // A new laptop without a lock: the file asks for its passphrase, and a wrong one changes nothing.
  const laptop = await device(browser, baseURL!, 'laptop');
  const other = new LockPage(laptop.page);
  await other.open();
  await other.chooseFile('backup.json', file);
  await expect(laptop.page.getByText(other.t.encrypted_import_intro)).toBeVisible();
  expect((await new AxeBuilder({ page: laptop.page }).analyze()).violations).toEqual([]);
  await other.openEncrypted('not the passphrase');
  await expect(laptop.page.getByRole('alert')).toHaveText(other.t.encrypted_import_wrong, { timeout: 30_000 });
  expect((await new AxeBuilder({ page: laptop.page }).analyze()).violations).toEqual([]);
  await other.expectCounts(0, 0);
  await other.openEncrypted(PASSPHRASE);
  await laptop.page.getByRole('button', { name: other.t.data_import_apply }).click({ timeout: 30_000 });
  await expect(laptop.page.getByText(other.t.data_import_done)).toBeVisible();
  await other.expectCounts(2, 4);
  expect(laptop.problems).toEqual([]);
  await laptop.context.close();

  // Unticked, the backup is the plain file, readable by anyone who has it.
  await page.getByRole('checkbox', { name: lock.t.encrypted_choice }).uncheck();
  await expect(page.getByLabel(lock.t.encrypted_passphrase_label)).toHaveCount(0);
  const plain = await lock.exportBackup();
  expect(plain.format).toBe('stegvis');
  expect(JSON.stringify(plain)).toContain('Tåget 7');
});

test('the shipped encrypted backup opens in the browser, in each language', async ({ page }) => {
  const file = readFileSync('tests/fixtures/backup/v1-sealed-backup.json', 'utf8');
  const lock = new LockPage(page);
  await lock.open();
  for (const [from, to] of [['en', 'sv'], ['sv', 'nb'], ['nb', 'da'], ['da', 'en']] as const) {
    await lock.chooseLanguage(from, to);
    const t = TEXTS[to];
    await page.getByLabel(t.data_import_choose).setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(page.getByText(t.encrypted_import_intro)).toBeVisible();
    await expect(page.getByLabel(t.encrypted_import_label)).toBeVisible();
    await page.getByRole('button', { name: t.data_import_cancel }).click();
  }
  await page.getByLabel(lock.t.data_import_choose).setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await lock.openEncrypted('lila katten sover');
  await page.getByRole('button', { name: lock.t.data_import_apply }).click({ timeout: 30_000 });
  await expect(page.getByText(lock.t.data_import_done)).toBeVisible();
  await lock.expectCounts(2, 5);
  // A file changed after it was saved says so, and is not confused with a wrong passphrase.
  const changed = JSON.parse(file);
  changed.data = (changed.data[0] === 'A' ? 'B' : 'A') + changed.data.slice(1);
  await page.getByLabel(lock.t.data_import_choose).setInputFiles({ name: 'c.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) });
  await lock.openEncrypted('lila katten sover');
  await expect(page.getByRole('alert')).toHaveText(lock.t.encrypted_import_damaged, { timeout: 30_000 });
});

test('storage full on a locked device: the notice leads to the encrypted backup, not a readable file', async ({ page }) => {
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock();
  await page.getByRole('button', { name: lock.t.lock_code_done }).click();
  await fillStorage(page);
  await lock.chooseFile('backup.json', fixtureText());
  await page.getByRole('button', { name: lock.t.data_import_apply }).click();
  await expect(lock.notice()).toContainText(lock.t.data_notice_save_failed_quota);
  await expect(lock.notice().getByRole('button', { name: lock.t.data_notice_export })).toHaveCount(0);
  await lock.notice().getByRole('link', { name: lock.t.data_notice_export }).click();
  await expect(page.getByRole('checkbox', { name: lock.t.encrypted_choice })).toBeChecked();
  const file = await lock.exportEncrypted();
  for (const secret of SECRETS) expect(file).not.toContain(secret);
  await freeStorage(page);
});
