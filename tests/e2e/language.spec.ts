import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { AppShell } from './pages/app';

test.describe('first visit with a Danish browser', () => {
  test.use({ locale: 'da-DK' });
  test('speaks Danish', async ({ page }) => {
    const app = new AppShell(page);
    await app.goto();
    await app.expectHeading(TEXTS.da, 'home_title');
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  });
});

test.describe('first visit with a Norwegian nynorsk browser', () => {
  test.use({ locale: 'nn-NO' });
  test('speaks bokmål, the Norwegian we offer', async ({ page }) => {
    const app = new AppShell(page);
    await app.goto();
    await app.expectHeading(TEXTS.nb, 'home_title');
  });
});

test.describe('first visit with a browser in a language we do not offer', () => {
  test.use({ locale: 'de-DE' });
  test('falls back to English', async ({ page }) => {
    const app = new AppShell(page);
    await app.goto();
    await app.expectHeading(TEXTS.en, 'home_title');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

for (const language of LANGUAGES.filter((l) => l !== 'en')) {
  test(`switching to ${language} changes the text and survives a reload`, async ({ page }) => {
    const app = new AppShell(page);
    await app.goto('training');
    await app.chooseLanguage('en', language);
    await app.expectHeading(TEXTS[language], 'training_title');
    await expect(page.getByText(TEXTS[language].common_privacy)).toBeVisible();
    await page.reload();
    await app.waitForApp();
    await app.expectHeading(TEXTS[language], 'training_title');
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(app.languageSwitch(language)).toHaveValue(language);
  });
}
