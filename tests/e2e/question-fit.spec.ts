import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { ITEMS, Questionnaire } from './pages/questionnaire';

// On a 390 × 844 phone each question screen shows, without scrolling, the question, its five
// steps, "rather not answer" and the way on; the question sits inside its card, never across
// the card's top border (a fieldset's legend is drawn on that border).
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

for (const language of LANGUAGES) {
  test(`every question and "Next" fit a 390 x 844 phone without scrolling in ${language}`, async ({ page }, info) => {
    test.skip(info.project.name !== 'phone', 'a phone-sized test; the phone project runs it');
    const t = TEXTS[language];
    const questions = new Questionnaire(page, t);
    await questions.goto();
    await questions.chooseLanguage('en', language);
    await questions.start('Ola');
    mkdirSync('test-results/screens', { recursive: true });
    for (let n = 1; n <= ITEMS.length; n++) {
      await questions.expectQuestion(n);
      const onward = page.getByRole('link', { name: n === ITEMS.length ? t.questions_to_summary : t.questions_next });
      const shape = await page.evaluate(() => {
        const card = document.querySelector('.scale-question')!;
        const legend = card.querySelector('legend')!;
        const options = [...card.querySelectorAll('.scale-option')];
        const next = document.querySelector('.step-nav .button:last-child')!;
        return {
          cardTop: card.getBoundingClientRect().top,
          legendTop: legend.getBoundingClientRect().top,
          lastOption: options[options.length - 1].getBoundingClientRect().bottom,
          options: options.length,
          next: next.getBoundingClientRect().bottom,
          scrolled: window.scrollY,
          height: window.innerHeight,
          width: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      const where = `${language} question ${n}`;
      expect(shape.options, where).toBe(6);
      expect(shape.scrolled, where).toBe(0);
      expect(shape.legendTop, `${where}: the question starts inside its card`).toBeGreaterThanOrEqual(shape.cardTop);
      expect(shape.lastOption, where).toBeLessThanOrEqual(shape.height);
      expect(shape.next, `${where}: the way on is on the first screen`).toBeLessThanOrEqual(shape.height);
      expect(shape.width, where).toBeLessThanOrEqual(0);
      if (n === 1 || n === 2) await page.screenshot({ path: `test-results/screens/question-${n}-${language}-phone.png` });
      await onward.click();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.questions_summary_title);
  });
}
