import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell, ROUTES } from './pages/app';

// Every page stays usable on a small phone: nothing wider than the screen, and every
// link, button and field big enough to hit with a finger (44 px). Saves a screenshot of each
// page so a person can look at it (test-results/screens/).
test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const route of ROUTES) {
    test(`/${route.path} fits the screen and has large touch targets`, async ({ page }, info) => {
      const app = new AppShell(page);
      await app.goto(route.path);
      await app.expectHeading(TEXTS.en, route.heading);
      await app.expectFitsSmallScreen();
      await page.screenshot({ path: `test-results/screens/${info.project.name}-360-${route.path || 'home'}.png`, fullPage: true });
    });
  }
});

test('pages are screenshotted at the project viewport for review', async ({ page }, info) => {
  const app = new AppShell(page);
  for (const route of ROUTES) {
    await app.goto(route.path);
    if (route.path === 'training') await expect(page.locator('#example-chart canvas')).toBeVisible();
    await app.expectHeading(TEXTS.en, route.heading);
    await page.screenshot({ path: `test-results/screens/${info.project.name}-${route.path || 'home'}.png`, fullPage: true });
  }
});

test('keyboard focus is clearly visible', async ({ page }) => {
  const app = new AppShell(page);
  await app.goto();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
