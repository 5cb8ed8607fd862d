import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';
import { flaggedCaseload, seed } from './pages/caseload';
import { Questionnaire } from './pages/questionnaire';

// A participant may write her name or a comment in Arabic or Dari while the interface is in
// Swedish. Every free-text field takes its direction from what is written in it (dir="auto"), so
// right-to-left text starts at the right and its punctuation stays where she put it.

const t = TEXTS.en;
const ARABIC_NAME = 'مريم أحمد';

/** The free-text fields on the page (not links and codes, which are always left to right). */
async function fieldsWithoutAutoDirection(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input[type="text"]:not([readonly]), input[type="search"], textarea')]
      .filter((field) => field.getAttribute('dir') !== 'auto')
      .map((field) => field.outerHTML.slice(0, 80)),
  );
}

const direction = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((field) => getComputedStyle(field).direction);

test('every free-text field follows the direction of what is written in it', async ({ page }) => {
  await seed(page, flaggedCaseload());
  const app = new AppShell(page);
  for (const path of ['counsellor', 'counsellor/b', 'counsellor/b/plan', 'counsellor/b/move', 'participant', 'data', 'receive', 'training/exercises', 'round/rb/counsellor']) {
    await app.goto(path);
    await expect(app.heading()).toBeVisible();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await fieldsWithoutAutoDirection(page), path).toEqual([]);
  }
  await app.goto('counsellor');
  await page.getByLabel(t.caseload_name_label).fill(ARABIC_NAME);
  expect(await direction(page, t.caseload_name_label)).toBe('rtl');
  await page.getByLabel(t.caseload_name_label).fill('Maryam');
  expect(await direction(page, t.caseload_name_label)).toBe('ltr');
});

test('her comment in Arabic reads right to left on her question page', async ({ page }) => {
  const q = new Questionnaire(page);
  await q.start(ARABIC_NAME);
  await q.answer(1, 3);
  const comment = page.getByLabel(t.questions_comment_label);
  await comment.fill('أبحث عن عمل في مطبخ.');
  expect(await comment.evaluate((field) => getComputedStyle(field).direction)).toBe('rtl');
  expect(await fieldsWithoutAutoDirection(page)).toEqual([]);
});
