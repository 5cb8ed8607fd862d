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

// Issue 33.6: read aloud with the phone's voice for her language, else with a clip her
// organisation recorded, else no button (not one that reads in the wrong language).
test.describe('read aloud in her language', () => {
  test.use({ serviceWorkers: 'block' });
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'phone', 'on her phone'));

  /** A phone whose speech voices are `voices`; what it reads and plays is noted. */
  async function phoneWithVoices(page: Page, voices: string[]) {
    await page.addInitScript((langs) => {
      (window as any).spoken = [];
      (window as any).played = [];
      speechSynthesis.getVoices = () => langs.map((lang) => ({ lang, name: lang })) as unknown as SpeechSynthesisVoice[];
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => (window as any).spoken.push(u.lang);
      HTMLMediaElement.prototype.play = function () {
        (window as any).played.push(this.src);
        return Promise.resolve();
      };
    }, voices);
  }

  test.describe('Arabic, with a voice', () => {
    test.use({ locale: 'ar-SY' });
    test('reads with the voice', async ({ page }) => {
      await phoneWithVoices(page, ['ar-SA', 'en-US']);
      const q = new Questionnaire(page, TEXTS.ar);
      await q.start('Amal');
      await page.getByRole('button', { name: TEXTS.ar.questions_read_aloud }).click();
      expect(await page.evaluate(() => (window as any).spoken)).toEqual(['ar']);
    });
  });

  test.describe('Somali, with no voice', () => {
    test.use({ locale: 'so-SO' });
    test('no clip: no button', async ({ page }) => {
      await phoneWithVoices(page, ['en-US', 'sv-SE']);
      const q = new Questionnaire(page, TEXTS.so);
      await q.start('Hodan');
      await expect(page.locator('.read-aloud')).toHaveCount(0);
    });

    test('a recorded clip: the button plays it', async ({ page }) => {
      await phoneWithVoices(page, ['en-US']);
      const clip = 'audio/so/questions_job_chances_question.mp3';
      // As a build lists a clip put in public/audio/so/ (scripts/texts.mjs).
      await page.route(/\/texts\/her-so-[0-9a-f]+\.json$/, async (route) => {
        const texts = await (await route.fetch()).json();
        await route.fulfill({ json: { ...texts, 'audio:questions_job_chances_question': clip } });
      });
      await page.route(`**/${clip}`, (route) => route.fulfill({ body: Buffer.alloc(64), contentType: 'audio/mpeg' }));
      const q = new Questionnaire(page, TEXTS.so);
      await q.start('Hodan');
      await page.getByRole('button', { name: TEXTS.so.questions_read_aloud }).click();
      expect(await page.evaluate(() => (window as any).played)).toEqual([expect.stringContaining(clip)]);
      expect(await page.evaluate(() => (window as any).spoken)).toEqual([]);
      // The next question has no clip: no button.
      await q.answer(1, 3);
      await q.next();
      await expect(page.locator('.read-aloud')).toHaveCount(0);
    });
  });
});

// A language's file that cannot come leaves English's; with no texts at all, the boot screen
// says the app cannot start and offers to try again: never a blank page.
test.describe('when her language cannot come', () => {
  test.use({ locale: 'ar-SY', serviceWorkers: 'block', expectedErrors: ['Failed to load resource: net::ERR_FAILED'] });
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'phone', 'on her phone'));

  test('English stands in for it', async ({ page }) => {
    await page.route(/\/texts\/her-ar-[0-9a-f]+\.json$/, (route) => route.abort());
    const q = new Questionnaire(page, TEXTS.en);
    await q.goto();
    await q.expectHeading(TEXTS.en, 'home_title');
  });

  test('with no texts at all, the boot screen says so', async ({ page }) => {
    await page.route(/\/texts\//, (route) => route.abort());
    await page.goto('');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXTS.ar.offline_not_started_title);
    await expect(page.getByRole('button', { name: TEXTS.ar.offline_not_started_retry })).toBeVisible();
  });
});
