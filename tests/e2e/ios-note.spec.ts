import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';

// Safari on iPhone and iPad deletes a site's data after seven days without a visit, unless the
// site is on the Home Screen. Only there do the participant and counsellor pages say so.
const t = TEXTS.en;
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const note = (app: AppShell) => app.page.getByRole('region', { name: t.offline_ios_heading });

test.describe('in Safari on an iPhone', () => {
  test.use({ userAgent: IPHONE_SAFARI });

  test('the participant and counsellor pages explain the seven days, the Home Screen and backups', async ({ page }) => {
    const app = new AppShell(page);
    for (const path of ['participant', 'counsellor']) {
      await app.goto(path);
      await expect(note(app)).toBeVisible();
      await expect(note(app).getByRole('listitem')).toHaveText([t.offline_ios_step_share, t.offline_ios_step_add, t.offline_ios_step_open]);
      await expect(note(app)).toContainText(t.offline_ios_backup);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      note(app).getByRole('button', { name: t.offline_ios_save_backup }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^stegvis-backup-.*\.json$/);
    await app.goto('');
    await expect(note(app)).toHaveCount(0);
  });

  test('opened from the Home Screen, the note is not shown', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true }));
    const app = new AppShell(page);
    await app.goto('participant');
    await app.expectHeading(t, 'self_title');
    await expect(note(app)).toHaveCount(0);
  });
});

test('other browsers do not show the note', async ({ page }) => {
  const app = new AppShell(page);
  for (const path of ['participant', 'counsellor']) {
    await app.goto(path);
    await expect(app.heading()).toBeVisible();
    await expect(note(app)).toHaveCount(0);
  }
});

// Safari on a Mac deletes the data after seven days away too, unless Stegvis is in the Dock.
const MAC_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
const macNote = (app: AppShell) => app.page.getByRole('region', { name: t.offline_mac_heading });

test.describe('in Safari on a Mac', () => {
  test.use({ userAgent: MAC_SAFARI, isMobile: false, hasTouch: false });

  test('the caseload and the data page explain the seven days and the Dock', async ({ page }) => {
    const app = new AppShell(page);
    for (const path of ['counsellor', 'data']) {
      await app.goto(path);
      await expect(macNote(app)).toBeVisible();
      await expect(macNote(app).getByRole('listitem')).toHaveText([t.offline_mac_step_add, t.offline_mac_step_open]);
      await expect(macNote(app)).toContainText(t.offline_mac_backup);
      await expect(note(app)).toHaveCount(0);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    }
    await app.goto('participant');
    await expect(app.heading()).toBeVisible();
    await expect(macNote(app)).toHaveCount(0);
  });

  test('opened from the Dock, the note is not shown', async ({ page }) => {
    await page.addInitScript(() => {
      const real = window.matchMedia.bind(window);
      window.matchMedia = (query: string) =>
        query === '(display-mode: standalone)' ? ({ ...real(query), matches: true } as MediaQueryList) : real(query);
    });
    const app = new AppShell(page);
    await app.goto('counsellor');
    await expect(app.heading()).toBeVisible();
    await expect(macNote(app)).toHaveCount(0);
  });
});
