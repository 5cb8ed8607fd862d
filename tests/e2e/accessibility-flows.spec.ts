import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { DataPage } from './pages/data';
import { Questionnaire } from './pages/questionnaire';

async function noViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

// Every questionnaire screen, in every language: a question, one answered with a comment,
// the summary, the thanks page, the participant page and the counsellor part with sensitive items.
for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: language });
    test('questionnaire screens have no accessibility violations', async ({ page }) => {
      const t = TEXTS[language];
      const data = new DataPage(page, t);
      await data.open();
      await data.sensitiveSetting().check();
      const q = new Questionnaire(page, t);
      await q.start('Alex');
      await noViolations(page);
      await q.answer(1, 2);
      await expect(page.getByLabel(t.questions_comment_label)).toBeVisible();
      await noViolations(page);
      await page.goto(page.url().replace(/answer\/1$/, 'summary'));
      await q.expectHeading(t, 'questions_summary_title');
      await noViolations(page);
      await q.done();
      await noViolations(page);
      await q.goto('counsellor');
      await page.getByRole('link', { name: /Alex/ }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alex');
      await noViolations(page);
      await page.getByRole('link', { name: t.caseload_fill_counsellor }).click();
      await expect(page.getByText(t.questions_violence_reminder)).toBeVisible();
      await page.getByRole('heading', { name: t.round_ratings_heading }).click();
      await noViolations(page);
    });
  });
}
