import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { AppShell, ROUTES } from './pages/app';

for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: language });
    for (const route of ROUTES) {
      test(`/${route.path} has no accessibility violations`, async ({ page }) => {
        const app = new AppShell(page);
        await app.goto(route.path);
        await app.expectHeading(TEXTS[language], route.heading);
        if (route.path === 'training') await expect(page.locator('#example-chart canvas')).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      });
    }
  });
}
