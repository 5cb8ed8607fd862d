import { type Locator, type Page, expect } from '@playwright/test';
import { type Language, TEXTS, type Texts } from '../locales';

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
    return this.page.getByRole('combobox', { name: TEXTS[language].common_language_label });
  }

  async chooseLanguage(from: Language, to: Language) {
    await this.languageSwitch(from).selectOption(to);
    await expect(this.page.locator('html')).toHaveAttribute('lang', to);
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
 * The caseload as this device stores it, in the shape of a backup's `data` (participants,
 * rounds, plans, settings, handover). Since issue 31 storage holds a head under
 * `<prefix>data` and one record per person under `<prefix>person.<id>`; data of an earlier
 * build (one text) is read as it is.
 */
export async function storedData(page: Page, prefix = 'stegvis.') {
  return page.evaluate((prefix) => {
    const head = JSON.parse(localStorage.getItem(`${prefix}data`)!);
    if (head.schema_version < 3) return head.data;
    const named = (head.people as string[]).map((id) => `${prefix}person.${id}`);
    const others = Object.keys(localStorage).filter((k) => k.startsWith(`${prefix}person.`) && !named.includes(k));
    const records = [...named, ...others.sort()]
      .map((key) => localStorage.getItem(key))
      .filter((text): text is string => text !== null)
      .map((text) => JSON.parse(text).part);
    return {
      ...head.data,
      participants: records.map((r) => r.participant),
      rounds: records.flatMap((r) => r.rounds ?? []),
      plans: records.flatMap((r) => (r.plan ? [r.plan] : [])),
    };
  }, prefix);
}
