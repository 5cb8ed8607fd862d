import AxeBuilder from '@axe-core/playwright';
import { type Locator, type Page, expect } from '@playwright/test';
import { type Language, TAG, TEXTS, type Texts } from '../locales';

/** The routes every later feature hangs off, with the locale key of each page's heading. */
export const ROUTES = [
  { path: '', heading: 'home_title' },
  { path: 'participant', heading: 'self_title' },
  { path: 'counsellor', heading: 'caseload_title' },
  { path: 'training', heading: 'training_title' },
  { path: 'data', heading: 'data_title' },
  { path: 'no-such-page', heading: 'not_found_title' },
] as const;

/** The parts of the app shell every page has: header, language switch, main heading. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Paths are relative to the base URL, so the same page object works under a sub-path. */
  async goto(path = '') {
    await this.page.goto(path);
    await this.waitForApp();
  }

  /** The app has started when the static boot screen is gone. */
  async waitForApp() {
    await expect(this.page.locator('#boot')).toHaveCount(0);
    await expect(this.page.locator('main#main')).toBeVisible();
  }

  languageSwitch(language: Language): Locator {
    return this.page.getByRole('combobox', { name: TEXTS[language].common_language_label, exact: true });
  }

  async chooseLanguage(from: Language, to: Language) {
    await this.languageSwitch(from).selectOption(to);
    await expect(this.page.locator('html')).toHaveAttribute('lang', TAG[to]);
  }

  /** Nothing wider than the screen, and every control big enough for a finger (44 px). */
  async expectFitsSmallScreen() {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const small = await this.page.evaluate(() =>
      [...document.querySelectorAll('a, button, select, input, textarea, [role="button"]')]
        // A control inside its label is tapped through the label: measure that.
        .map((el) => ({ el, box: (el.closest('label') ?? el).getBoundingClientRect() }))
        .filter(({ box }) => box.width > 1 && (box.height < 44 || box.width < 44))
        .map(({ el }) => el.outerHTML.slice(0, 80)),
    );
    expect(small).toEqual([]);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async expectHeading(texts: Texts, key: string) {
    await expect(this.heading()).toHaveText(texts[key]);
  }
}

/**
 * Every stored text of Stegvis on this device, by key: localStorage's, and once the whole app
 * has moved the data into IndexedDB (issue 31: `stegvis.store` says so), the records there
 * under their own keys in place of the marker left in localStorage.
 */
export async function deviceStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    // The app writes a change in the task after the frame that draws it (src/state.rs): what
    // that task writes is read here.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const all: Record<string, string> = {};
    for (const key of Object.keys(localStorage)) all[key] = localStorage.getItem(key)!;
    if (all['stegvis.store'] !== '"indexeddb"') return all;
    delete all['stegvis.data'];
    const done = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const db = await done(indexedDB.open('stegvis'));
    const store = db.transaction('records').objectStore('records');
    const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
    db.close();
    keys.forEach((key, i) => (all[String(key)] = values[i]));
    return all;
  });
}

/**
 * Puts `text` under `key` where the app reads it (IndexedDB once the data moved there,
 * otherwise localStorage), as damage or another version would; the app sees it when it
 * starts again.
 */
export async function putStored(page: Page, key: string, text: string) {
  await page.evaluate(
    async ([key, text]) => {
      if (localStorage.getItem('stegvis.store') !== '"indexeddb"') {
        localStorage.setItem(key, text);
        return;
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('stegvis');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('records', 'readwrite');
      tx.objectStore('records').put(text, key);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    },
    [key, text],
  );
}

/**
 * The caseload as this device stores it, in the shape of a backup's `data` (participants,
 * rounds, plans, settings, handover). Since issue 31 storage holds a head under
 * `<prefix>data` and one record per person under `<prefix>person.<id>`; data of an earlier
 * build (one text) is read as it is.
 */
export async function storedData(page: Page, prefix = 'stegvis.') {
  const stored = await deviceStorage(page);
  const head = JSON.parse(stored[`${prefix}data`]);
  if (head.schema_version < 3) return head.data;
  const named = (head.people as string[]).map((id) => `${prefix}person.${id}`);
  const others = Object.keys(stored).filter((k) => k.startsWith(`${prefix}person.`) && !named.includes(k));
  const records = [...named, ...others.sort()]
    .filter((key) => key in stored)
    .map((key) => JSON.parse(stored[key]).part);
  return {
    ...head.data,
    participants: records.map((r) => r.participant),
    rounds: records.flatMap((r) => r.rounds ?? []),
    plans: records.flatMap((r) => (r.plan ? [r.plan] : [])),
  };
}

/** What axe-core finds wrong on the page, one line per rule: [] when nothing. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}
