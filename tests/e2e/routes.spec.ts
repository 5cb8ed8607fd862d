import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell, ROUTES } from './pages/app';

const en = TEXTS.en;

for (const route of ROUTES) {
  test(`opening /${route.path} directly shows its page`, async ({ page }) => {
    const app = new AppShell(page);
    await app.goto(route.path);
    await app.expectHeading(en, route.heading);
  });
}

test('an unknown address gets a not-found page with a way home', async ({ page }) => {
  const app = new AppShell(page);
  await app.goto('this/does/not/exist');
  await app.expectHeading(en, 'not_found_title');
  await page.getByRole('link', { name: en.common_back_home }).click();
  await expect(page).toHaveURL(/\/$/);
  await app.expectHeading(en, 'home_title');
});
