import { deviceStorage } from './app';
import { type Page, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { TEXTS, type Texts } from '../locales';
import { DataPage, fixtureText } from './data';

export const PASSPHRASE = 'kaffe på torget';

/** The lock: its section on the data page and the unlock screen. */
export class LockPage extends DataPage {
  constructor(page: Page, t: Texts = TEXTS.en) {
    super(page, t);
  }

  /** Opens the data page with the fixture's caseload on this device. */
  async withData() {
    await this.open();
    await this.importAndApply(fixtureText());
  }

  /** Sets the lock on the data page; returns the recovery code shown once. */
  async setLock(passphrase = PASSPHRASE): Promise<string> {
    await this.page.getByLabel(this.t.lock_new_label, { exact: true }).fill(passphrase);
    await this.page.getByLabel(this.t.lock_repeat_label).fill(passphrase);
    await this.page.getByRole('button', { name: this.t.lock_set_button }).click();
    const code = this.page.getByTestId('recovery-code');
    await expect(code).toBeVisible({ timeout: 30_000 });
    return (await code.textContent())!;
  }

  unlockHeading() {
    return this.page.getByRole('heading', { level: 1, name: this.t.lock_unlock_title });
  }

  async expectLocked() {
    await expect(this.unlockHeading()).toBeVisible({ timeout: 20_000 });
  }

  async unlock(secret = PASSPHRASE) {
    await this.page.getByLabel(this.t.lock_passphrase_label).fill(secret);
    await this.page.getByRole('button', { name: this.t.lock_open_button }).click();
  }

  async unlockWithCode(code: string) {
    await this.page.getByRole('button', { name: this.t.lock_use_code }).click();
    await this.page.getByLabel(this.t.lock_code_label).fill(code);
    await this.page.getByRole('button', { name: this.t.lock_open_button }).click();
  }

  /** Exports the backup encrypted with `passphrase`; returns the file's text. */
  async exportEncrypted(passphrase = PASSPHRASE): Promise<string> {
    await this.page.getByLabel(this.t.encrypted_passphrase_label).fill(passphrase);
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 30_000 }),
      this.page.getByRole('button', { name: this.t.data_export_backup }).click(),
    ]);
    return readFileSync((await download.path())!, 'utf8');
  }

  /** Opens a chosen encrypted backup with `passphrase`. */
  async openEncrypted(passphrase: string) {
    await this.page.getByLabel(this.t.encrypted_import_label).fill(passphrase);
    await this.page.getByRole('button', { name: this.t.encrypted_open_button }).click();
  }

  /** Every value in this origin's storage, key by key. */
  async storage(): Promise<Record<string, string>> {
    return deviceStorage(this.page);
  }
}
