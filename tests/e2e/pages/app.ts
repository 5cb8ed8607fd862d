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
