import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';

const en = TEXTS.en;

test('the home page says what Stegvis is and offers three ways in', async ({ page }) => {
  const app = new AppShell(page);
  await app.goto();
  await app.expectHeading(en, 'home_title');
  await expect(page.getByText(en.home_intro)).toBeVisible();
  await expect(page.getByText(en.common_privacy)).toBeVisible();
  for (const key of ['home_participant_title', 'home_counsellor_title', 'home_training_title']) {
    await expect(page.getByRole('link', { name: en[key] })).toBeVisible();
  }
});

test('each way in leads to its own page, and the name in the header leads home', async ({ page }) => {
  const app = new AppShell(page);
  const ways = [
    ['home_participant_title', '/participant', 'self_title'],
    ['home_counsellor_title', '/counsellor', 'caseload_title'],
    ['home_training_title', '/training', 'training_title'],
  ];
  for (const [link, path, heading] of ways) {
    await app.goto();
    await page.getByRole('link', { name: en[link] }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await app.expectHeading(en, heading);
    await page.getByRole('link', { name: en.common_app_name, exact: true }).click();
    await app.expectHeading(en, 'home_title');
  }
});

test('the first paint shows the app name before the app has started', async ({ request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('<div id="boot">');
  expect(html).toMatch(/<h1>Stegvis<\/h1>/);
});
