import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { fill } from './pages/data';
import { ITEMS, Questionnaire } from './pages/questionnaire';

test('a participant answers all eight questions, checks them and is done', async ({ page }) => {
  const q = new Questionnaire(page);
  await q.start('Robin');
  for (let n = 1; n <= 8; n++) {
    await q.expectQuestion(n);
    await q.answer(n, ((n - 1) % 5) + 1);
    if (n < 8) await q.next();
  }
  await q.toSummary();
  // In the list of answers (the diagram beside it names each point's step too).
  const answers = page.locator('.summary-list');
  for (let n = 1; n <= 8; n++) {
    const step = ((n - 1) % 5) + 1;
    await expect(answers.getByText(`${step}. ${q.t[`questions_${ITEMS[n - 1]}_step_${step}`]}`)).toBeVisible();
  }
  await q.done();
  const data = await q.stored();
  expect(data.participants.map((p) => p.display_name)).toEqual(['Robin']);
  const part = data.rounds[0].participant_part;
  expect(Object.keys(part.answers).sort()).toEqual([...ITEMS].sort());
  expect(part.completed).toBeTruthy();
});

test('touch only: every option is a large target that a tap selects', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'needs a touch screen');
  const q = new Questionnaire(page);
  await q.goto('participant');
  await page.getByLabel(q.t.self_name_label).tap();
  await page.keyboard.type('Touch');
  await page.getByRole('button', { name: q.t.self_start }).tap();
  for (let n = 1; n <= 8; n++) {
    await q.expectQuestion(n);
    // Tapping the text of the option, not the small circle, selects it.
    await page.getByText(q.t[`questions_${ITEMS[n - 1]}_step_4`], { exact: true }).tap();
    await expect(q.option(n, 4)).toBeChecked();
    const box = await page.locator('.scale-option').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await page.getByRole('link', { name: n < 8 ? q.t.questions_next : q.t.questions_to_summary }).tap();
  }
  await q.expectHeading(q.t, 'questions_summary_title');
  await page.getByRole('button', { name: q.t.questions_done }).tap();
  await q.expectHeading(q.t, 'questions_thanks_title');
});

test('keyboard only: start, answer with the arrow keys, move on with Enter', async ({ page }) => {
  const q = new Questionnaire(page);
  await q.goto('participant');
  await page.getByLabel(q.t.self_name_label).focus();
  await page.keyboard.type('Keys');
  await page.keyboard.press('Enter');
  for (let n = 1; n <= 8; n++) {
    await q.expectQuestion(n);
    // Tab from the heading to the first option, Space picks it, arrows move the choice.
    for (let i = 0; i < 5 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement)?.type === 'radio')); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(q.option(n, 2)).toBeChecked();
    const nextName = n < 8 ? q.t.questions_next : q.t.questions_to_summary;
    for (let i = 0; i < 10 && !(await page.evaluate((name) => document.activeElement?.textContent?.trim() === name, nextName)); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
  }
  await q.expectHeading(q.t, 'questions_summary_title');
  const data = await q.stored();
  expect(Object.values(data.rounds[0].participant_part.answers).map((a: any) => a.value)).toEqual(Array(8).fill(2));
});

for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: language });
    test('the questions speak the language', async ({ page }) => {
      const t = TEXTS[language];
      const q = new Questionnaire(page, t);
      await q.start('Alex');
      await expect(page.getByRole('group', { name: t.questions_job_chances_question })).toBeVisible();
      await q.answer(1, 3);
      await q.next();
      await q.expectQuestion(2);
      await expect(page.getByRole('radio', { name: t.questions_rather_not })).toBeVisible();
    });
  });
}

test('going back shows the answer given, which can be changed, also from the summary', async ({ page }) => {
  const q = new Questionnaire(page);
  await q.start('Sasha');
  await q.answer(1, 2);
  await q.next();
  await q.expectQuestion(2);
  await page.getByRole('link', { name: q.t.questions_back }).click();
  await q.expectQuestion(1);
  await expect(q.option(1, 2)).toBeChecked();
  await q.answer(1, 5);
  await page.goto(page.url().replace(/answer\/1$/, 'summary'));
  await page.getByRole('link', { name: `${q.t.questions_change}: ${q.t.items_job_chances_short}` }).click();
  await q.expectQuestion(1);
  await expect(q.option(1, 5)).toBeChecked();
  expect((await q.stored()).rounds[0].participant_part.answers.job_chances.value).toBe(5);
});

test('a reload mid-way loses nothing, and the start page offers to continue where it stopped', async ({ page }) => {
  const q = new Questionnaire(page);
  await q.start('Noor');
  for (let n = 1; n <= 3; n++) {
    await q.answer(n, 3);
    await q.next();
  }
  await q.expectQuestion(4);
  await page.reload();
  await q.waitForApp();
  await q.expectQuestion(4);
  await q.goto('participant');
  await page.getByRole('link', { name: fill(q.t.self_continue_as, { name: 'Noor' }) }).click();
  await q.expectQuestion(4);
  await page.getByRole('link', { name: q.t.questions_back }).click();
  await expect(q.option(3, 3)).toBeChecked();
});

test('"rather not answer" is stored as no value, never as zero', async ({ page }) => {
  const q = new Questionnaire(page);
  await q.start('Kai');
  await q.answer(1, 0);
  const answer = (await q.stored()).rounds[0].participant_part.answers.job_chances;
  expect(answer.value).toBeNull();
  await q.next();
});

test('a comment is kept with its answer', async ({ page }) => {
  const q = new Questionnaire(page);
  await q.start('Eli');
  await q.answer(1, 4);
  await page.getByLabel(q.t.questions_comment_label).fill('I did a course last spring');
  await q.next();
  expect((await q.stored()).rounds[0].participant_part.answers.job_chances.comment).toBe('I did a course last spring');
});

test('"read aloud" reads the question and its options only when asked', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).spoken = [];
    // A device with an English voice (the button shows only where there is one).
    speechSynthesis.getVoices = () => [{ lang: 'en-GB', name: 'Test voice' }] as unknown as SpeechSynthesisVoice[];
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => (window as any).spoken.push({ text: u.text, lang: u.lang });
  });
  const q = new Questionnaire(page);
  await q.start('Mo');
  expect(await page.evaluate(() => (window as any).spoken)).toEqual([]);
  await page.getByRole('button', { name: q.t.questions_read_aloud }).click();
  const spoken = await page.evaluate(() => (window as any).spoken);
  expect(spoken).toHaveLength(1);
  expect(spoken[0].lang).toBe('en');
  expect(spoken[0].text).toContain(q.t.questions_job_chances_question);
  expect(spoken[0].text).toContain(q.t.questions_job_chances_step_5);
});
