import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';
import { DataPage, fill, fixtureText } from './pages/data';
import { ITEMS, Questionnaire } from './pages/questionnaire';

const t = TEXTS.en;

async function addParticipant(page, name: string, counsellor = 'AL') {
  const app = new AppShell(page);
  await app.goto('counsellor');
  await page.getByLabel(t.caseload_name_label).fill(name);
  await page.getByLabel(t.caseload_counsellor_label).fill(counsellor);
  await page.getByRole('button', { name: t.caseload_add_button }).click();
  await expect(page.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  return app;
}

// The caseload's rows write their texts once (issue 31): a change of language, or a second
// counsellor named, draws them again.
test('the caseload list follows a change of language and a second counsellor', async ({ page }) => {
  const app = await addParticipant(page, 'Tåget 9');
  const row = page.locator('ul.caseload li').filter({ hasText: 'Tåget 9' });
  await expect(row).toContainText(t.caseload_no_rounds);
  await expect(row).not.toContainText(fill(t.worklist_row_counsellor, { name: 'AL' }));
  await app.chooseLanguage('en', 'sv');
  await expect(row).toContainText(TEXTS.sv.caseload_no_rounds);
  await app.chooseLanguage('sv', 'en');
  await addParticipant(page, 'Ada', 'JN');
  await expect(row).toContainText(fill(t.worklist_row_counsellor, { name: 'AL' }));
  await expect(row).toContainText(t.caseload_no_rounds);
});

// The rows are put in the list as one HTML text (issue 31): a name that looks like markup is
// shown as it was typed, and a row with the keyboard's focus keeps it when a change made in
// another tab draws the list again.
test('a name like markup is only text in the list, and a focused row stays focused when another tab adds someone', async ({ context }) => {
  const a = await context.newPage();
  const hostile = '<img src=x onerror="document.title=\'hit\'">&amp; <b>Bo</b>';
  await addParticipant(a, hostile);
  await addParticipant(a, 'Cy');
  const rows = a.locator('ul.caseload li');
  await expect(rows.filter({ hasText: hostile })).toHaveCount(1);
  await expect(a.locator('ul.caseload img, ul.caseload b')).toHaveCount(0);
  expect(await a.title()).not.toBe('hit');
  const cy = a.getByRole('link', { name: /Cy/ });
  await cy.focus();
  const b = await context.newPage();
  await addParticipant(b, 'Di');
  await expect(rows).toHaveCount(3);
  await expect(cy).toBeFocused();
  // The search still hides and shows the rows drawn again.
  await a.getByLabel(t.worklist_search_label).fill('Di');
  await expect(rows.filter({ visible: true })).toHaveCount(1);
  await expect(a.getByRole('link', { name: /Di/ })).toBeVisible();
});

test('a counsellor adds a participant, starts a round and hands the device over', async ({ page }) => {
  await addParticipant(page, 'Tåget 9');
  await expect(page.getByText(t.caseload_no_rounds)).toBeVisible();
  await page.getByRole('link', { name: /Tåget 9/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tåget 9');
  await expect(page.getByText(fill(t.caseload_counsellor_now, { name: 'AL' }))).toBeVisible();
  await page.getByRole('button', { name: t.caseload_new_round }).click();
  await page.getByRole('button', { name: t.caseload_hand_over }).click();
  const q = new Questionnaire(page);
  for (let n = 1; n <= 8; n++) {
    await q.expectQuestion(n);
    await q.answer(n, 3);
    if (n < 8) await q.next();
  }
  await q.toSummary();
  await q.done();
  await expect(page.getByText(t.self_give_back)).toBeVisible();
  // Handing back is a deliberate tap, asked once more.
  await page.getByRole('button', { name: t.dialogue_give_back }).click();
  await page.getByRole('button', { name: t.dialogue_give_back_yes }).click();
  await expect(page.getByText(`${t.caseload_part_participant}: ${t.caseload_status_done}`)).toBeVisible();
  const data = await q.stored();
  expect(data.rounds[0].participant_part.filled_by).toBe('counsellor_with_participant');
});

test('the counsellor part without sensitive items', async ({ page }) => {
  await addParticipant(page, 'P-17');
  await page.getByRole('link', { name: /P-17/ }).click();
  await page.getByRole('button', { name: t.caseload_new_round }).click();
  await page.getByRole('link', { name: t.caseload_fill_counsellor }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.round_counsellor_title);
  await expect(page.getByLabel(t.round_counsellor_name)).toHaveValue('AL');
  await page.getByRole('group', { name: t.questions_belief_question }).getByRole('radio', { name: t.questions_belief_step_4, exact: true }).check();
  await page.getByRole('group', { name: t.questions_determination_question }).getByRole('radio', { name: t.questions_determination_step_3, exact: true }).check();
  await page.getByRole('checkbox', { name: t.interventions_work_trial }).check();
  await page.getByRole('checkbox', { name: t.interventions_physical_activity }).check();
  await expect(page.getByText(t.questions_violence_reminder)).toHaveCount(0);
  await page.getByRole('heading', { name: t.round_ratings_heading }).click();
  await page.getByRole('group', { name: t.questions_health_counsellor_question }).getByRole('radio', { name: t.dialogue_health_step_2, exact: true }).check();
  const part = (await new Questionnaire(page).stored()).rounds[0].counsellor_part;
  expect(part.counsellor).toBe('AL');
  expect(part.belief.value).toBe(4);
  expect(part.determination.value).toBe(3);
  expect(part.interventions).toEqual({ given: ['work_trial', 'physical_activity'] });
  expect(part.ratings.health.value).toBe(2);
  expect(part.sensitive ?? {}).toEqual({});
  await page.getByRole('link', { name: t.round_done }).click();
  await expect(page.getByText(`${t.caseload_part_counsellor}: ${t.caseload_status_done}`)).toBeVisible();
});

test('with the organisation setting on, sensitive items appear with "not asked" and a reminder', async ({ page }) => {
  const data = new DataPage(page);
  await data.open();
  await data.sensitiveSetting().check();
  await addParticipant(page, 'P-18');
  await page.getByRole('link', { name: /P-18/ }).click();
  await page.getByRole('button', { name: t.caseload_new_round }).click();
  await page.getByRole('link', { name: t.caseload_fill_counsellor }).click();
  await expect(page.getByText(t.questions_violence_reminder)).toBeVisible();
  const violence = page.getByRole('group', { name: t.questions_violence_question });
  await violence.getByRole('radio', { name: t.questions_not_asked }).check();
  await page.getByRole('group', { name: t.questions_substance_question }).getByRole('radio', { name: t.questions_substance_step_5, exact: true }).check();
  const part = (await new Questionnaire(page).stored()).rounds[0].counsellor_part;
  expect(part.sensitive).toEqual({ violence: 'not_asked', substance_use: { rated: 5 } });
});

test('the caseload shows each latest round and when a follow-up is due', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(fixtureText());
  const app = new AppShell(page);
  await app.goto('counsellor');
  const cards = page.locator('.caseload li');
  await expect(cards).toHaveCount(2);
  // Both are overdue, and each row says so in words.
  await expect(page.getByText(t.worklist_reason_overdue.split('{date}')[0])).toHaveCount(2);
  await addParticipant(page, 'New today');
  await page.getByRole('link', { name: /New today/ }).click();
  await page.getByRole('button', { name: t.caseload_new_round }).click();
  await app.goto('counsellor');
  const fresh = page.locator('.caseload li', { hasText: 'New today' });
  await expect(fresh).toContainText(fill(t.caseload_latest_round, { date: '22 Nov 2026' }));
  await expect(fresh).toContainText(fill(t.caseload_next_due, { date: '22 Feb 2027' }));
});

test('erasing one participant asks first and removes their rounds', async ({ page }) => {
  await addParticipant(page, 'Leaving');
  await page.getByRole('link', { name: /Leaving/ }).click();
  await page.getByRole('button', { name: t.caseload_new_round }).click();
  await page.getByRole('button', { name: t.caseload_erase_participant }).click();
  await page.getByRole('dialog').getByRole('button', { name: t.caseload_erase_yes }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.caseload_title);
  await expect(page.getByText(t.caseload_empty)).toBeVisible();
  const stored = await new Questionnaire(page).stored();
  expect(stored.participants).toEqual([]);
  expect(stored.rounds).toEqual([]);
});
