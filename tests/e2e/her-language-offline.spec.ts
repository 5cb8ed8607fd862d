import { TEXTS } from './locales';
import { goOffline, keptFiles, offlineReady, expect, test } from './offline-site';
import { Questionnaire } from './pages/questionnaire';

// Issue 33: after one visit in her language, her pages open offline in it. The offline worker
// keeps the texts of the languages this device has used, and no other language's.

test.describe('offline in her language', () => {
  test.use({ locale: 'ar-SY' });

  test('after one visit in Arabic, her pages open offline in Arabic', async ({ page, site }, info) => {
    test.skip(info.project.name !== 'phone', 'about her phone');
    const ar = TEXTS.ar;
    const q = new Questionnaire(page, ar);
    await q.goto('participant');
    await q.expectHeading(ar, 'self_title');
    await offlineReady(page);
    const texts = (await keptFiles(page)).filter((file) => file.includes('/texts/') && file.endsWith('.json'));
    expect(texts.map((file) => file.replace(/^.*\/texts\//, '').replace(/-[0-9a-f]+\.json$/, ''))).toEqual(['her-ar']);

    await goOffline(page, site);
    await q.start('Amal');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await q.answer(1, 2);
    await page.reload();
    await q.waitForApp();
    await q.expectQuestion(1);
  });
});
