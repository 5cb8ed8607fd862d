import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { AppShell, storedData } from './pages/app';
import { day, envelope, seed } from './pages/caseload';
import { fill } from './pages/data';
import { LockPage, PASSPHRASE } from './pages/lock';
import { Questionnaire } from './pages/questionnaire';

const COMMENT = 'Vondt i ryggen';
const updated = '2026-01-01T00:00:00Z';

/** Ola N. with one round: her answers (a comment on health), the counsellor's part not begun. */
function olaWithAComment(): string {
  return envelope({
    participants: [{ id: 'p1', display_name: 'Ola N.', created: '2026-01-10', counsellors: [{ name: 'AL', from: '2026-01-10' }] }],
    rounds: [
      {
        id: 'r1', participant_id: 'p1', date: '2026-01-15',
        participant_part: {
          answers: {
            job_chances: { value: 3 }, managing_job: { value: 4 }, cooperation: { value: 4 },
            health: { value: 2, comment: COMMENT }, everyday_life: { value: null },
            competence: { value: 3 }, wage_level: { value: 2 }, job_search: { value: 3 },
          },
          filled_by: 'participant', updated, completed: updated,
        },
      },
    ],
  });
}

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

for (const language of LANGUAGES) {
  const t = TEXTS[language];
  test.describe(`in ${language}`, () => {
    test.use({ locale: language });

    test('her comment is beside her answer on her page and in the counsellor part', async ({ page }) => {
      await seed(page, olaWithAComment());
      const app = new AppShell(page);
      await app.goto('counsellor/p1');
      const answers = page.locator('details.round-answers');
      await expect(answers.locator('summary')).toHaveText(
        `${t.dialogue_answers_heading} (${fill(t.dialogue_comment_count, { count: 1 })})`,
      );
      // The latest round is open: the comment is read under its area, after the answer.
      const health = answers.locator('li').filter({ has: page.getByRole('heading', { name: t.items_health_short }) });
      await expect(health).toContainText(`2. ${t.questions_health_step_2}`);
      await expect(health.locator('q')).toHaveText(COMMENT);
      await expectNoAxeViolations(page);

      await app.goto('round/r1/counsellor');
      await expect(page.getByRole('navigation', { name: t.dialogue_contents_heading })).toBeVisible();
      // The own ratings start folded; the contents list unfolds them.
      const rating = page.getByRole('group', { name: t.questions_health_counsellor_question });
      await expect(rating).toBeHidden();
      await page.getByRole('link', { name: t.round_ratings_heading }).click();
      await expect(rating).toBeVisible();
      await expect(rating.locator('.their-answer')).toContainText(`${t.dialogue_their_answer}: 2. ${t.questions_health_step_2}`);
      await expect(rating.locator('.their-answer q')).toHaveText(COMMENT);
      // The counsellor's steps speak about the person, not as the person.
      await expect(rating.getByRole('radio', { name: t.dialogue_health_step_2, exact: true })).toBeVisible();
      await expect(rating.getByRole('radio', { name: t.questions_health_step_2, exact: true })).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  });
}

const t = TEXTS.en;

test("a folded round's comments are on the page, so find-in-page finds them", async ({ page }) => {
  // Ola N.'s round with the comment, and a later round without one: the page opens the later.
  const data = JSON.parse(olaWithAComment());
  const later = structuredClone(data.data.rounds[0]);
  later.id = 'r2';
  later.date = '2026-04-15';
  delete later.participant_part.answers.health.comment;
  data.data.rounds.push(later);
  await seed(page, JSON.stringify(data));
  await new AppShell(page).goto('counsellor/p1');
  const answers = page.locator('details.round-answers');
  await expect(answers).toHaveCount(2);
  await expect(answers.first()).toHaveAttribute('open', '');
  const folded = answers.nth(1);
  await expect(folded.locator('summary')).toHaveText(`${t.dialogue_answers_heading} (${fill(t.dialogue_comment_count, { count: 1 })})`);
  // Written while folded (once the browser is idle), not only when it is unfolded.
  await expect(folded.locator('q')).toHaveText(COMMENT);
  await expect(folded).not.toHaveAttribute('open');
  await expect(folded.locator('q')).toBeHidden();
  await folded.locator('summary').click();
  await expect(folded.locator('q')).toBeVisible();
});

test('"None" stands apart from the Health group, and sections fold', async ({ page }) => {
  await seed(page, olaWithAComment());
  const app = new AppShell(page);
  await app.goto('round/r1/counsellor');
  const health = page.locator('.interventions .group').filter({ has: page.getByRole('heading', { name: t.interventions_group_health, exact: true }) });
  await expect(health).toBeVisible();
  await expect(health.getByRole('checkbox', { name: t.questions_interventions_none, exact: true })).toHaveCount(0);
  const none = page.locator('.none-group');
  await expect(none.getByRole('heading', { name: t.dialogue_none_heading })).toBeVisible();
  await none.getByRole('checkbox', { name: t.questions_interventions_none, exact: true }).check();
  const stored = await storedData(page);
  expect(stored.rounds[0].counsellor_part.interventions).toBe('none_given');
  // Folding a section hides its questions; the contents list opens it again.
  const belief = page.getByRole('group', { name: t.questions_belief_question });
  await expect(belief).toBeVisible();
  await page.locator('#part-outlook > summary').click();
  await expect(belief).toBeHidden();
  await page.getByRole('link', { name: t.dialogue_section_outlook }).click();
  await expect(belief).toBeVisible();
});

test('comments go into the CSV only when ticked', async ({ page }) => {
  await seed(page, olaWithAComment());
  const app = new AppShell(page);
  await app.goto('data');
  const save = async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.data_export_csv }).click(),
    ]);
    return readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  };
  const without = await save();
  expect(without[0]).not.toContain('comment_');
  expect(without.join('\n')).not.toContain(COMMENT);
  await expect(page.getByText(t.dialogue_csv_comments_help)).toBeVisible();
  await page.getByRole('checkbox', { name: t.dialogue_csv_comments }).check();
  const lines = await save();
  const header = lines[0].split(',');
  const row = lines[1].split(',');
  expect(row[header.indexOf('comment_health')]).toBe(COMMENT);
  expect(row[header.indexOf('comment_job_search')]).toBe('');
});

test('the print view shows her comments only when she agrees', async ({ page }) => {
  await seed(page, olaWithAComment());
  const app = new AppShell(page);
  await app.goto('counsellor/p1/plan/print');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ola N.');
  await expect(page.getByText(COMMENT)).toHaveCount(0);
  await page.getByRole('checkbox', { name: t.dialogue_print_comments }).check();
  await expect(page.getByRole('heading', { name: t.dialogue_print_comments_heading })).toBeVisible();
  await expect(page.locator('.print-comments li')).toHaveText(`${t.items_health_short}: ${COMMENT}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-comments q')).toHaveText(COMMENT);
  await expect(page.getByRole('checkbox', { name: t.dialogue_print_comments })).toBeHidden();
});

test.describe('mistakes can be undone', () => {
  test('"Change" on the summary leads back to the summary after the answer', async ({ page }) => {
    const q = new Questionnaire(page);
    await q.start('Sasha');
    for (let n = 1; n <= 8; n++) {
      await q.answer(n, 3);
      if (n < 8) await q.next();
    }
    await q.toSummary();
    await page.getByRole('link', { name: `${t.questions_change}: ${t.items_cooperation_short}` }).click();
    await q.expectQuestion(3);
    await q.answer(3, 5);
    await expect(page.getByRole('link', { name: t.questions_next })).toHaveCount(0);
    await page.getByRole('link', { name: t.questions_to_summary }).click();
    await q.expectHeading(t, 'questions_summary_title');
    await expect(page.locator('.summary-item').nth(2)).toContainText(`5. ${t.questions_cooperation_step_5}`);
  });

  test('a second round on the same day asks first, and the latest round can be deleted', async ({ page }) => {
    await seed(page, olaWithAComment());
    const app = new AppShell(page);
    await app.goto('counsellor/p1');
    const rounds = page.locator('ul.rounds > li');
    await expect(rounds).toHaveCount(1);
    await page.getByRole('button', { name: t.caseload_new_round }).click();
    await expect(rounds).toHaveCount(2);
    // Today has a round now: the next tap asks, and "Cancel" starts nothing.
    await page.getByRole('button', { name: t.caseload_new_round }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(t.dialogue_same_day_confirm.split('{date}')[0]);
    await dialog.getByRole('button', { name: t.caseload_cancel }).click();
    await expect(rounds).toHaveCount(2);
    // Only the latest round offers "Delete"; the question names its date.
    await expect(page.getByRole('button', { name: t.dialogue_delete_round })).toHaveCount(1);
    await rounds.first().getByRole('button', { name: t.dialogue_delete_round }).click();
    await expect(dialog).toContainText(t.dialogue_delete_round_confirm.split('{date}')[0]);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: t.dialogue_delete_round_yes }).click();
    await expect(rounds).toHaveCount(1);
    await expect(rounds.first()).toContainText(COMMENT);
    const stored = await storedData(page);
    expect(stored.rounds.map((r) => r.id)).toEqual(['r1']);
  });
});

/** Ola N. as `olaWithAComment` gives her, with a plan of the given activities. */
function olaWithAPlan(activities: object[]): string {
  const data = JSON.parse(olaWithAComment()).data;
  data.plans = [{ participant_id: 'p1', activities }];
  return envelope(data);
}

const activity = (id: string, group: string, start: number, end?: number) => ({
  id, own_text: id, group, start: day(start), ...(end === undefined ? {} : { end: day(end) }),
  responsible: '', status: 'under_way',
});

for (const language of LANGUAGES) {
  const t = TEXTS[language];
  test.describe(`mistakes can be undone, in ${language}`, () => {
    test.use({ locale: language });

    test('adding a name already on the list asks first, and the two can be merged', async ({ page }) => {
      await seed(page, olaWithAComment());
      const app = new AppShell(page);
      await app.goto('counsellor');
      const cards = page.locator('ul.caseload > li');
      await expect(cards).toHaveCount(1);
      const add = async () => {
        await page.locator('#participant-name').fill('ola n');
        await page.getByRole('button', { name: t.caseload_add_button }).click();
      };
      await add();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(fill(t.dialogue_same_name_confirm, { name: 'Ola N.' }));
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: t.caseload_cancel }).click();
      await expect(cards).toHaveCount(1);
      await add();
      await dialog.getByRole('button', { name: t.dialogue_same_name_yes }).click();
      await expect(cards).toHaveCount(2);

      // On the new one's page, the first one's round moves over.
      await cards.filter({ hasText: t.caseload_no_rounds }).getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('ola n');
      const merge = page.locator('section.merge');
      await expect(merge.getByRole('button', { name: t.dialogue_merge_button })).toBeDisabled();
      await merge.getByLabel(t.dialogue_merge_label).selectOption({ index: 1 });
      await merge.getByRole('button', { name: t.dialogue_merge_button }).click();
      await expect(dialog).toContainText(fill(t.dialogue_merge_confirm, { other: 'Ola N.', name: 'ola n' }));
      await dialog.getByRole('button', { name: t.dialogue_merge_yes }).click();
      await expect(merge.getByRole('status')).toHaveText(fill(t.dialogue_merge_done, { other: 'Ola N.', name: 'ola n' }));
      await expect(page.locator('ul.rounds > li')).toHaveCount(1);
      await expect(page.locator('ul.rounds > li').first()).toContainText(COMMENT);
      await expectNoAxeViolations(page);
      const stored = await storedData(page);
      expect(stored.participants.map((p) => p.display_name)).toEqual(['ola n']);
      expect(stored.rounds[0].participant_id).toBe(stored.participants[0].id);
    });

    test('an activity in own words needs a group before it counts', async ({ page }) => {
      await seed(page, olaWithAComment());
      const app = new AppShell(page);
      await app.goto('counsellor/p1/plan');
      const form = page.locator('.activity-add');
      await form.getByLabel(t.plan_activity_choice_label).selectOption({ label: t.plan_activity_own });
      await form.getByLabel(t.plan_activity_own_label).fill('Fotball');
      const group = form.getByLabel(t.plan_activity_group_label);
      await expect(group.locator('option:checked')).toHaveText(t.dialogue_group_choose);
      await form.getByRole('button', { name: t.plan_activity_add }).click();
      await expect(form.getByRole('alert')).toHaveText(t.dialogue_group_required);
      await expect(page.locator('.activity')).toHaveCount(0);
      await expect(page.getByRole('heading', { name: t.plan_advice_no_job_title })).toBeVisible();
      await expectNoAxeViolations(page);
      await group.selectOption({ label: t.interventions_group_social });
      await form.getByRole('button', { name: t.plan_activity_add }).click();
      await expect(page.locator('.activity')).toHaveCount(1);
      const stored = await storedData(page);
      expect(stored.plans[0].activities[0].group).toBe('social');
      await expect(page.getByRole('heading', { name: t.plan_advice_no_job_title })).toBeVisible();
    });

    test('a break long past is folded away, and print says a past follow-up is overdue', async ({ page }) => {
      // A break from 399 to 251 days ago; a job-focused activity runs now.
      await seed(page, olaWithAPlan([activity('old', 'job_focused', -500, -400), activity('now', 'job_focused', -250)]));
      const app = new AppShell(page);
      await app.goto('counsellor/p1/plan');
      const advice = page.locator('section.plan-advice');
      const earlier = advice.locator('details.advice-earlier');
      await expect(earlier.locator('summary')).toHaveText(fill(t.dialogue_advice_earlier, { count: 1 }));
      await expect(earlier.getByRole('heading', { name: t.plan_advice_gap_title })).toBeHidden();
      // Her round was in January 2026: the follow-up is what to act on.
      await expect(advice.getByRole('heading', { name: t.plan_advice_follow_up_title })).toBeVisible();
      await earlier.locator('summary').click();
      await expect(earlier.getByRole('heading', { name: t.plan_advice_gap_title })).toBeVisible();
      await expectNoAxeViolations(page);
      await app.goto('counsellor/p1/plan/print');
      const overdue = t.dialogue_print_follow_up_overdue.split('{date}')[1];
      await expect(page.locator('.plan-print')).toContainText(overdue);
    });
  });
}

test('"Answer again" on her own device continues a round not finished', async ({ page }) => {
  const data = JSON.parse(olaWithAComment()).data;
  data.settings = { device_role: 'participant' };
  // A second round that was opened but not answered yet.
  data.rounds.push({ id: 'r2', participant_id: 'p1', date: day(-2) });
  await seed(page, envelope(data));
  const app = new AppShell(page);
  await app.goto('participant');
  await expect(page.getByRole('button', { name: fill(t.self_again_as, { name: 'Ola N.' }) })).toHaveCount(0);
  await page.getByRole('link', { name: fill(t.self_continue_as, { name: 'Ola N.' }) }).click();
  await expect(page).toHaveURL(/round\/r2\/answer\/1$/);
  const q = new Questionnaire(page);
  await q.answer(1, 4);
  await app.goto('participant');
  await page.getByRole('link', { name: fill(t.self_continue_as, { name: 'Ola N.' }) }).click();
  await expect(page).toHaveURL(/round\/r2\/answer\/2$/);
  const stored = await storedData(page);
  expect(stored.rounds.map((r) => r.id)).toEqual(['r1', 'r2']);
});

/** Ola N. with her finished round and a new one today, for the counsellor to hand over. */
function olaWithANewRound(): string {
  const data = JSON.parse(olaWithAComment()).data;
  data.rounds.push({ id: 'r2', participant_id: 'p1', date: day(0) });
  return envelope(data);
}

for (const language of LANGUAGES) {
  const t = TEXTS[language];
  test.describe(`hand-over keeps her in her part, in ${language}`, () => {
    test.use({ locale: language });

    test('her screens lead nowhere but her part, and giving back is a deliberate tap', async ({ page }) => {
      await seed(page, olaWithANewRound());
      const app = new AppShell(page);
      await app.goto('counsellor/p1');
      await page.getByRole('button', { name: t.caseload_hand_over }).click();
      await expect(page).toHaveURL(/round\/r2\/answer\/1$/);
      // No header, logo, footer or Back link out of her part.
      await expect(page.getByRole('link', { name: t.common_app_name })).toHaveCount(0);
      await expect(page.getByRole('link', { name: t.data_nav })).toHaveCount(0);
      await expect(page.getByRole('link', { name: t.questions_back })).toHaveCount(0);
      await expect(page.getByText(t.dialogue_handed_over_note)).toBeVisible();
      await expectNoAxeViolations(page);
      // The browser's Back and a typed address lead back to her question.
      await page.goBack();
      await expect(page).toHaveURL(/round\/r2\/answer\/1$/);
      await app.goto('counsellor/p1');
      await expect(page).toHaveURL(/round\/r2\/answer\/1$/);
      // Giving back asks once more; Cancel keeps her where she is.
      await page.getByRole('button', { name: t.dialogue_give_back }).click();
      await expect(page.getByText(t.dialogue_give_back_question)).toBeVisible();
      await page.getByRole('button', { name: t.caseload_cancel }).click();
      await expect(page).toHaveURL(/round\/r2\/answer\/1$/);
      await page.getByRole('button', { name: t.dialogue_give_back }).click();
      await page.getByRole('button', { name: t.dialogue_give_back_yes }).click();
      await expect(page).toHaveURL(/counsellor\/p1$/);
      await expect(page.getByRole('link', { name: t.common_app_name })).toBeVisible();
      await expect(page.getByRole('link', { name: t.data_nav })).toBeVisible();
    });

    test('on her own device the data page holds her backup and erasing, not the settings', async ({ page }) => {
      const data = JSON.parse(olaWithAComment()).data;
      data.settings = { device_role: 'participant' };
      await seed(page, envelope(data));
      const app = new AppShell(page);
      await app.goto('data');
      await expect(page.getByRole('heading', { name: t.data_backup_heading })).toBeVisible();
      await expect(page.getByRole('heading', { name: t.data_erase_heading })).toBeVisible();
      await expect(page.getByRole('heading', { name: t.data_settings_heading })).toHaveCount(0);
      await expect(page.getByRole('heading', { name: t.catalogue_heading })).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  });
}

test('with a passphrase set, giving the device back asks for it', async ({ page }) => {
  await seed(page, olaWithANewRound());
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock();
  await page.getByRole('button', { name: t.lock_code_done }).click();
  // Opening the page anew finds the data locked: the counsellor opens it first.
  await lock.goto('counsellor/p1');
  await lock.expectLocked();
  await lock.unlock();
  await page.getByRole('button', { name: t.caseload_hand_over }).click();
  await expect(page).toHaveURL(/round\/r2\/answer\/1$/);
  await page.getByRole('button', { name: t.dialogue_give_back }).click();
  await page.getByLabel(t.dialogue_give_back_passphrase).fill('not it at all');
  await page.getByRole('button', { name: t.dialogue_give_back_yes }).click();
  await expect(page.getByRole('alert')).toHaveText(t.lock_wrong_secret);
  await expect(page).toHaveURL(/round\/r2\/answer\/1$/);
  await page.getByLabel(t.dialogue_give_back_passphrase).fill(PASSPHRASE);
  await page.getByRole('button', { name: t.dialogue_give_back_yes }).click();
  await expect(page).toHaveURL(/counsellor\/p1$/);
});

test('the data page on a counsellor device still holds the settings', async ({ page }) => {
  await seed(page, olaWithAComment());
  const app = new AppShell(page);
  await app.goto('data');
  await expect(page.getByRole('heading', { name: t.data_settings_heading })).toBeVisible();
  await expect(page.getByRole('heading', { name: t.catalogue_heading })).toBeVisible();
});

/** On her own phone: Ola N.'s first round (as above) and a second one answered, not yet done. */
function olaSecondRoundOnHerPhone(): string {
  const data = JSON.parse(olaWithAComment()).data;
  data.settings = { device_role: 'participant' };
  data.rounds.push({
    id: 'r2', participant_id: 'p1', date: day(-1),
    participant_part: {
      answers: {
        job_chances: { value: 4 }, managing_job: { value: 4 }, cooperation: { value: 3 },
        health: { value: 2 }, everyday_life: { value: 3 },
        competence: { value: 3 }, wage_level: { value: 3 }, job_search: { value: 4 },
      },
      filled_by: 'participant', updated,
    },
  });
  return envelope(data);
}

for (const language of LANGUAGES) {
  const t = TEXTS[language];
  test.describe(`she sees where she stands, in ${language}`, () => {
    test.use({ locale: language });

    test('her diagram and how she has moved, on her summary and thanks pages', async ({ page }) => {
      await seed(page, olaSecondRoundOnHerPhone());
      const app = new AppShell(page);
      await app.goto('round/r2/summary');
      const hers = page.locator('section.progress.hers');
      await expect(hers.getByRole('heading', { name: t.dialogue_hers_heading })).toBeVisible();
      // Her own answers only: no choice of the counsellor's view, no over-time chart.
      await expect(hers.getByRole('group', { name: t.progress_view_label })).toHaveCount(0);
      await expect(hers.getByRole('heading', { name: t.progress_over_time_heading })).toHaveCount(0);
      await page.getByRole('button', { name: t.questions_done }).click();
      await expect(page).toHaveURL(/round\/r2\/thanks$/);
      await expect(hers.getByRole('heading', { name: t.dialogue_hers_heading })).toBeVisible();
      const chart = hers.locator('#participant-chart');
      await expect(chart.locator('svg')).toBeVisible();
      // Big enough on a phone: the diagram takes the screen's width, less the page's margins.
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(0.8 * page.viewportSize()!.width);
      // The table alternative: one column per round, her last and this one.
      await expect(hers.locator('table.numbers thead th')).toHaveCount(3);
      await expect(hers.locator('table.numbers tbody tr').first()).toContainText(`${t.items_job_chances_short}34`);
      await expect(hers.getByRole('heading', { name: t.progress_moved_heading })).toBeVisible();
      const up = [t.items_job_chances_short, t.items_wage_level_short, t.items_job_search_short].join(', ');
      await expect(hers.locator('ul.moved')).toContainText(fill(t.progress_moved_up, { items: up }));
      await expectNoAxeViolations(page);
    });
  });
}

test('after her first round the diagram is there, and moving comes next time', async ({ page }) => {
  const data = JSON.parse(olaWithAComment()).data;
  data.settings = { device_role: 'participant' };
  await seed(page, envelope(data));
  const app = new AppShell(page);
  await app.goto('round/r1/thanks');
  const hers = page.locator('section.progress.hers');
  await expect(hers.locator('#participant-chart svg')).toBeVisible();
  await expect(hers.locator('table.numbers thead th')).toHaveCount(2);
  await expect(hers.getByText(t.progress_too_few)).toBeVisible();
});
