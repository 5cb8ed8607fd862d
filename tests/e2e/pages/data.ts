import { type CDPSession, type Page, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { TEXTS, type Texts } from '../locales';
import { AppShell } from './app';

export const FIXTURE = 'tests/fixtures/storage/v1.json';

/** Fills in a `{placeholder}` text the way the app does. */
export function fill(text: string, values: Record<string, string | number>): string {
  return Object.entries(values).reduce((out, [k, v]) => out.replaceAll(`{${k}}`, String(v)), text);
}

/** The "Data on this device" page: backup, restore, settings, erase. */
export class DataPage extends AppShell {
  constructor(page: Page, readonly t: Texts = TEXTS.en) {
    super(page);
  }

  async open() {
    await this.goto('data');
    await this.expectHeading(this.t, 'data_title');
  }

  async expectCounts(participants: number, rounds: number) {
    await expect(this.page.getByText(fill(this.t.data_summary, { participants, rounds }))).toBeVisible();
  }

  /** Saves a backup through the button and returns the file's parsed JSON. */
  async exportBackup(): Promise<any> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: this.t.data_export_backup }).click(),
    ]);
    return JSON.parse(readFileSync((await download.path())!, 'utf8'));
  }

  async chooseFile(name: string, contents: string) {
    await this.page.getByLabel(this.t.data_import_choose).setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(contents),
    });
  }

  async importAndApply(contents: string) {
    await this.chooseFile('backup.json', contents);
    await this.page.getByRole('button', { name: this.t.data_import_apply }).click();
    await expect(this.page.getByText(this.t.data_import_done)).toBeVisible();
  }

  async eraseAll() {
    await this.page.getByRole('button', { name: this.t.data_erase_all }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: this.t.data_erase_all_yes }).click();
    await expect(this.page.getByText(this.t.data_erased)).toBeVisible();
  }

  sensitiveSetting() {
    return this.page.getByRole('checkbox', { name: this.t.data_sensitive_setting });
  }

  notice() {
    return this.page.getByRole('alert');
  }
}

export const fixtureText = () => readFileSync(FIXTURE, 'utf8');

/**
 * Fills this origin's storage until the browser refuses more: localStorage to its last
 * characters, and where the data lives in IndexedDB (issue 31), the origin's quota lowered to
 * one byte (Chrome DevTools protocol), so its next write is refused as on a full disk.
 */
export async function fillStorage(page: Page) {
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1024 * 1024);
    let n = 0;
    while (chunk.length > 16) {
      try {
        localStorage.setItem(`filler.${n++}`, chunk);
      } catch {
        chunk = chunk.slice(chunk.length / 2);
      }
    }
  });
  if (await page.evaluate(() => localStorage.getItem('stegvis.store') === '"indexeddb"')) await quota(page, 1);
}

/** The origin's quota set to `bytes`, or given back (undefined), through a DevTools session kept for the page. */
const sessions = new WeakMap<Page, CDPSession>();
async function quota(page: Page, bytes?: number) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  const origin = new URL(page.url()).origin;
  await sessions.get(page)!.send('Storage.overrideQuotaForOrigin', bytes === undefined ? { origin } : { origin, quotaSize: bytes });
}

/** Removes what `fillStorage` wrote, and gives back the origin's quota. */
export async function freeStorage(page: Page) {
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await quota(page);
}
