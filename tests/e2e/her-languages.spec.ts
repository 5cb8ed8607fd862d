import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { HER_LANGUAGES, type Language, RTL, TAG, TEXTS } from './locales';
import { axeViolations } from './pages/app';
import { Questionnaire } from './pages/questionnaire';

// Issue 33: her pages in her language. Her whole path (home, her start, eight questions, her
// summary, thanks) on a phone in each of her languages, opened the way a participant's phone
// opens it: set to that language (easy-read Swedish is chosen in the switch, as no phone says
// it). On every page: the right `lang` and `dir`, no accessibility violation, nothing wider than
// the screen, no text missing (shown as its key), and her diagram's names inside the drawing.

/** The browser language a phone in this language reports (Dari phones say fa-AF). */
const PHONE: Partial<Record<Language, string>> = { ar: 'ar-SY', uk: 'uk-UA', ti: 'ti-ER', so: 'so-SO', prs: 'fa-AF' };

async function expectHerPage(page: Page, language: Language, where: string) {
  const html = page.locator('html');
  await expect(html, where).toHaveAttribute('lang', TAG[language]);
  await expect(html, where).toHaveAttribute('dir', RTL.includes(language) ? 'rtl' : 'ltr');
  expect(await axeViolations(page), `${language} ${where}`).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${language} ${where}: wider than the screen`).toBeLessThanOrEqual(0);
  const keys = (await page.locator('body').innerText()).match(/\b[a-z]+_[a-z0-9_]+\b/g) ?? [];
  expect(keys, `${language} ${where}: a text shown as its key`).toEqual([]);
}

for (const language of HER_LANGUAGES) {
  test.describe(`her path in ${language}`, () => {
    test.use({ locale: PHONE[language] ?? 'sv-SE' });
    test(`on her phone, in ${language}`, async ({ page }, info) => {
      test.skip(info.project.name !== 'phone', 'her pages in her languages: on her phone');
      const t = TEXTS[language];
      const q = new Questionnaire(page, t);
      await q.goto();
      if (!PHONE[language]) await q.chooseLanguage('sv', language);
      await q.expectHeading(t, 'home_title');
      await expectHerPage(page, language, 'home');
      await q.start('Amal');
      await expectHerPage(page, language, 'question 1');
      for (let n = 1; n <= 8; n++) {
        await q.expectQuestion(n);
        await q.answer(n, ((n + 1) % 5) + 1);
        if (n < 8) await q.next();
      }
      await expectHerPage(page, language, 'question 8');
      await q.toSummary();
      await expectHerPage(page, language, 'summary');
      await q.done();
      await expectHerPage(page, language, 'thanks');
      const chart = page.locator('#participant-chart');
      await expect(chart.locator('text').first()).toHaveText(t.items_job_chances_short);
      const outside = await chart.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return [...element.querySelectorAll('text')]
          .filter((text) => {
            const r = text.getBoundingClientRect();
            return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
          })
          .map((text) => text.textContent);
      });
      expect(outside, `${language}: a name outside her diagram`).toEqual([]);
    });
  });
}
