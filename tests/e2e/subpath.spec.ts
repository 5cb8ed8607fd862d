import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';

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
