import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';
import { flaggedCaseload, seed } from './pages/caseload';
import { savedLargeCaseload, tapFirstRowDrawnFirst, tapped } from './pages/opening';

// Runs against dist-subpath/, built with BASE=/stegvis/ and served under /stegvis/.
const en = TEXTS.en;

test('hosted under /stegvis/, links, deep links and the chart work', async ({ page }) => {
  const app = new AppShell(page);
  await app.goto('');
  await app.expectHeading(en, 'home_title');
  await page.getByRole('link', { name: en.home_training_title }).click();
  await expect(page).toHaveURL(/\/stegvis\/training$/);
  await expect(page.locator('#example-chart canvas')).toBeVisible();
  await page.reload();
  await app.waitForApp();
  await app.expectHeading(en, 'training_title');
  await page.getByRole('link', { name: en.common_app_name, exact: true }).click();
  await expect(page).toHaveURL(/\/stegvis\/$/);
  await app.goto('nothing-here');
  await app.expectHeading(en, 'not_found_title');
});

test('under /stegvis/, a large list is drawn before the records are read, and a row tapped meanwhile opens', async ({ page }) => {
  await savedLargeCaseload(page, 320);
  await tapFirstRowDrawnFirst(page);
  await page.goto('counsellor?sort=name');
  await expect(page).toHaveURL(/\/stegvis\/counsellor\/p0$/);
  await expect(page.getByRole('heading', { level: 1, name: /Person 000/ })).toBeVisible();
  expect(await tapped(page)).toBe('/stegvis/counsellor/p0');
});

test('under /stegvis/, the caseload’s search and a flow that moves on by itself stay in the app', async ({ page }) => {
  await seed(page, flaggedCaseload());
  const app = new AppShell(page);
  await app.goto('counsellor');
  // The search writes the address (the router's navigation, not a link): it once doubled the base.
  await page.locator('#worklist-search').fill('Ada');
  await expect(page).toHaveURL(/\/stegvis\/counsellor\?q=Ada$/);
  await app.expectHeading(en, 'caseload_title');
  await expect(page.locator('main ul.caseload > li:not([hidden])')).toHaveCount(1);
  await page.reload();
  await app.waitForApp();
  await expect(page.locator('#worklist-search')).toHaveValue('Ada');
});
