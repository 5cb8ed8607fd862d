import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { fill } from './pages/data';
import { PlanPage, planBackup } from './pages/plan';

const t = TEXTS.en;
const TODAY = new Date('2026-11-23T10:00:00');

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
});

test('a plan is built together: goal, focus, sub-goals and activities, kept after reload', async ({ page }) => {
  const plan = new PlanPage(page);
  await plan.openWith(planBackup());
  await expect(plan.advice()).toHaveText([t.plan_advice_no_job_title]);

  await page.getByRole('radio', { name: t.plan_goal_studies, exact: true }).check();
  await page.getByLabel(t.plan_goal_text_label).fill('Finish upper-secondary school');
  await page.getByRole('checkbox', { name: new RegExp(t.items_job_search_short) }).check();
  await expect(page.getByText(fill(t.plan_focus_chosen_note, { name: t.items_job_search_short }))).toBeVisible();

  await plan.addSubGoal('Visit the school');
  await plan.addSubGoal('Apply for the course');
  await plan.subGoals().first().getByLabel(t.plan_subgoal_item_label).selectOption({ label: t.items_competence_short });
  await plan.subGoals().first().getByLabel(t.plan_subgoal_due_label).fill('2026-12-15');

  await plan.addActivity({ name: t.interventions_adult_education });
  await expect(plan.advice()).toHaveText([t.plan_advice_no_job_title]);
  await plan.addActivity({ name: 'Football with colleagues', own: t.interventions_group_social, place: 'Sports hall, Parkvägen 3' });
  await plan.addActivity({ name: t.interventions_work_trial });
  await expect(plan.advice()).toHaveCount(0);
  await expect(page.getByText(t.plan_advice_none)).toBeVisible();
  await plan.activity(t.interventions_work_trial).getByLabel(t.plan_activity_responsible_label).fill('Job coach Kim');
  await expect(page.locator('.timeline-drawing .bar')).toHaveCount(3);

  await page.reload();
  await plan.waitForApp();
  await expect(page.getByRole('radio', { name: t.plan_goal_studies, exact: true })).toBeChecked();
  await expect(page.getByLabel(t.plan_goal_text_label)).toHaveValue('Finish upper-secondary school');
  await expect(page.getByRole('checkbox', { name: new RegExp(t.items_job_search_short) })).toBeChecked();
  await plan.expectSubGoalOrder(['Visit the school', 'Apply for the course']);
  await expect(plan.subGoals().first().getByLabel(t.plan_subgoal_item_label)).toHaveValue('competence');
  await expect(plan.activity(t.interventions_work_trial).getByLabel(t.plan_activity_responsible_label)).toHaveValue('Job coach Kim');
  const stored = (await plan.stored()).plans[0];
  expect(stored.activities.map((a: any) => a.group)).toEqual(['upskilling', 'social', 'job_focused']);
  // Where it happens, typed when it was added, kept and shown on its row.
  expect(stored.activities.map((a: any) => a.place)).toEqual([undefined, 'Sports hall, Parkvägen 3', undefined]);
  await expect(plan.activity('Football with colleagues').getByLabel(t.plan_activity_place_label, { exact: true })).toHaveValue('Sports hall, Parkvägen 3');
  expect(stored.sub_goals[0]).toMatchObject({ text: 'Visit the school', item: 'competence', due: '2026-12-15' });
  expect((await plan.stored()).participants[0].goal).toEqual({ kind: 'studies', text: 'Finish upper-secondary school' });
});

test('a focus area is chosen by tapping the diagram', async ({ page, isMobile }) => {
  const plan = new PlanPage(page);
  await plan.openWith(planBackup());
  const chart = page.locator('#focus-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  // Where ECharts draws the "Managing a job" point (spoke 1, step 3) and the name "Job chances".
  const [point, label] = await page.evaluate((name) => {
    const instance = (window as any).echarts.getInstanceByDom(document.getElementById('focus-chart'));
    const text = instance.getZr().storage.getDisplayList().find((e: any) => e.style?.text === name);
    const box = text.getBoundingRect().clone();
    if (text.transform) box.applyTransform(text.transform);
    return [instance.convertToPixel({ seriesIndex: 0 }, [3, 1]), [box.x + box.width / 2, box.y + box.height / 2]];
  }, t.items_job_chances_short);
  const tap = async (x: number, y: number) =>
    isMobile ? chart.tap({ position: { x, y } }) : chart.click({ position: { x, y } });
  await tap(point[0], point[1]);
  await expect(page.getByRole('checkbox', { name: new RegExp(t.items_managing_job_short) })).toBeChecked();
  await tap(label[0], label[1]);
  await expect(page.getByRole('checkbox', { name: new RegExp(t.items_job_chances_short) })).toBeChecked();
  await tap(point[0], point[1]);
  await expect(page.getByRole('checkbox', { name: new RegExp(t.items_managing_job_short) })).not.toBeChecked();
  expect((await plan.stored()).plans[0].focus_items).toEqual(['job_chances']);
});

test('sub-goals are reordered with the keyboard and the buttons, and by dragging', async ({ page, isMobile }) => {
  const plan = new PlanPage(page);
  await plan.openWith(planBackup());
  for (const text of ['First', 'Second', 'Third']) await plan.addSubGoal(text);

  await plan.handle(3).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText(fill(t.plan_subgoal_moved, { position: 2, total: 3 }))).toBeVisible();
  await expect(plan.handle(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await plan.expectSubGoalOrder(['Third', 'First', 'Second']);
  await expect(plan.handle(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(plan.handle(2)).toBeFocused();
  await plan.expectSubGoalOrder(['First', 'Third', 'Second']);

  await plan.subGoals().nth(2).getByRole('button', { name: t.plan_subgoal_move_up }).click();
  await plan.expectSubGoalOrder(['First', 'Second', 'Third']);
  await expect(plan.subGoals().first().getByRole('button', { name: t.plan_subgoal_move_up })).toBeDisabled();

  if (!isMobile) {
    // Both rows in view: a drag cannot scroll the page.
    await plan.subGoals().first().evaluate((row) => row.scrollIntoView({ block: 'start' }));
    await plan.handle(2).dragTo(plan.subGoals().first(), { targetPosition: { x: 200, y: 60 } });
    await plan.expectSubGoalOrder(['Second', 'First', 'Third']);
  }
  await page.reload();
  await plan.waitForApp();
  await plan.expectSubGoalOrder(isMobile ? ['First', 'Second', 'Third'] : ['Second', 'First', 'Third']);

  const first = await plan.subGoalTexts().first().inputValue();
  await plan.subGoals().first().getByRole('button', { name: `${t.plan_remove}: ${first}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(fill(t.plan_remove_confirm, { name: first }));
  await dialog.getByRole('button', { name: t.caseload_cancel }).click();
  await expect(plan.subGoals()).toHaveCount(3);
  await plan.subGoals().first().getByRole('button', { name: `${t.plan_remove}: ${first}` }).click();
  await dialog.getByRole('button', { name: t.plan_remove_yes }).click();
  await expect(plan.subGoals()).toHaveCount(2);
});

test('a break in the plan is pointed out, and goes when it is filled', async ({ page }) => {
  const plan = new PlanPage(page);
  await plan.openWith(planBackup());
  await plan.addActivity({ name: t.interventions_work_trial, start: '2026-09-01', end: '2026-10-01' });
  await plan.addActivity({ name: t.interventions_job_search_support, start: '2026-11-01' });
  const gapText = fill(t.plan_advice_gap_past_text, { from: '2 Oct 2026', to: '31 Oct 2026' });
  await expect(page.getByText(gapText)).toBeVisible();
  await expect(page.locator('.timeline-drawing .gap')).toHaveCount(1);
  await page.getByRole('link', { name: t.plan_advice_read_more }).first().click();
  await expect(page.locator('#no-breaks')).toBeInViewport();

  await page.goBack();
  await plan.activity(t.interventions_job_search_support).getByLabel(t.plan_activity_start_label, { exact: true }).fill('2026-10-02');
  await expect(page.getByText(gapText)).toHaveCount(0);
  await expect(page.locator('.timeline-drawing .gap')).toHaveCount(0);

  // An end before the start is refused with a message; nothing is saved.
  const end = plan.activity(t.interventions_work_trial).getByLabel(t.plan_activity_end_label, { exact: true });
  await end.fill('2026-08-01');
  await expect(page.getByText(t.plan_activity_ends_before_start)).toBeVisible();
  await expect(end).toHaveValue('2026-10-01');
  expect((await plan.stored()).plans[0].activities[0].end).toBe('2026-10-01');

  // Completing an ongoing activity dates its end today.
  await plan.activity(t.interventions_job_search_support).getByLabel(t.plan_activity_status_label).selectOption({ label: t.plan_activity_completed });
  expect((await plan.stored()).plans[0].activities[1]).toMatchObject({ status: 'completed', end: '2026-11-23' });
});

test('an activity that is not ongoing needs an end date', async ({ page }) => {
  const plan = new PlanPage(page);
  await plan.openWith(planBackup());
  const form = page.locator('.activity-add');
  await form.getByLabel(t.plan_activity_choice_label).selectOption({ label: t.interventions_work_trial });
  await form.getByLabel(t.plan_activity_ongoing).uncheck();
  await form.getByRole('button', { name: t.plan_activity_add }).click();
  await expect(form.getByText(t.plan_activity_end_required)).toBeVisible();
  await expect(page.locator('.activity')).toHaveCount(0);
});

test('only non-job activities running right now is pointed out', async ({ page }) => {
  const plan = new PlanPage(page);
  await plan.openWith(planBackup());
  await plan.addActivity({ name: t.interventions_work_trial, start: '2026-09-01', end: '2026-11-01' });
  await plan.addActivity({ name: t.interventions_mental_health, start: '2026-09-01' });
  await expect(plan.advice()).toContainText([t.plan_advice_only_non_job_title]);
});

test('an overdue follow-up is pointed out', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2027-01-10T10:00:00'));
  const plan = new PlanPage(page);
  await plan.openWith(planBackup());
  await expect(page.getByText(fill(t.plan_advice_follow_up_text, { date: '1 Dec 2026' }))).toBeVisible();
});

test('low belief offers reflective questions to the counsellor only, and changes of counsellor are shown', async ({ page }) => {
  const plan = new PlanPage(page);
  await plan.openWith(planBackup({ belief: 2, counsellors: ['Ada', 'Bo'] }));
  await expect(page.getByText(t.plan_advice_belief_title)).toHaveCount(0);
  await plan.goto('counsellor/p1');
  await expect(page.getByRole('heading', { name: t.plan_advice_belief_title })).toBeVisible();
  await expect(page.getByText(fill(t.plan_advice_belief_text, { rating: 2 }))).toBeVisible();
  for (const key of ['role', 'unseen', 'outside', 'next']) {
    await expect(page.getByText(t[`plan_advice_belief_${key}`])).toBeVisible();
  }
  await expect(page.getByText(fill(t.plan_changes_count, { count: 1 }), { exact: false })).toBeVisible();
});

test('the printed plan holds the plan and nothing for the counsellor only', async ({ page }, info) => {
  const plan = new PlanPage(page);
  const saved = {
    focus_items: ['health', 'job_search'],
    sub_goals: [{ id: 'g1', text: 'Walk 30 minutes a day', item: 'health', status: 'under_way' }],
    activities: [
      { id: 'a1', catalogue_id: 'work_trial', group: 'job_focused', start: '2026-10-01', responsible: 'Kim', status: 'under_way' },
      { id: 'a2', own_text: 'Walking group', group: 'health', start: '2026-09-15', end: '2026-12-20', responsible: 'Lane', status: 'planned' },
    ],
  };
  await plan.openWith(planBackup({ belief: 1, plan: saved }));
  await page.getByRole('link', { name: t.plan_print_link }).click();
  await expect(plan.heading()).toHaveText(fill(t.plan_print_title, { name: 'Lane' }));
  const article = page.locator('.plan-print');
  await expect(article.getByRole('cell', { name: 'Walk 30 minutes a day' })).toBeVisible();
  await expect(article.getByRole('cell', { name: t.interventions_work_trial })).toBeVisible();
  await expect(article.getByRole('cell', { name: 'Walking group' })).toBeVisible();
  await expect(article.locator('.timeline-drawing .bar')).toHaveCount(2);
  await expect(article.locator('#print-chart canvas')).toBeVisible();
  await expect(article.getByText(fill(t.caseload_next_due, { date: '1 Dec 2026' }))).toBeVisible();
  await expect(page.getByText(t.plan_advice_belief_title)).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: t.plan_print_button })).toBeHidden();
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({ path: `test-results/screens/plan-print-${info.project.name}.png`, fullPage: true });
});

test('the organisation edits the catalogue; a retired activity stays readable in a plan', async ({ page }) => {
  const plan = new PlanPage(page);
  const saved = {
    activities: [{ id: 'a1', catalogue_id: 'debt_advice', group: 'social', start: '2026-10-01', status: 'under_way' }],
  };
  await plan.openWith(planBackup({ plan: saved }));
  await plan.goto('data');
  const catalogue = page.locator('.catalogue');
  await catalogue.getByRole('textbox').first().fill('Praktik');
  await catalogue.getByRole('button', { name: `${t.catalogue_retire}: ${t.interventions_debt_advice}` }).click();
  await expect(page.getByText(fill(t.catalogue_retired, { name: t.interventions_debt_advice }))).toBeVisible();
  await catalogue.getByLabel(t.catalogue_add_group).selectOption({ label: t.interventions_group_social });
  await catalogue.getByLabel(t.catalogue_add_name).fill('Job club');
  await catalogue.getByRole('button', { name: t.catalogue_add_button }).click();
  await expect(page.getByText(fill(t.catalogue_added, { name: 'Job club' }))).toBeVisible();

  await plan.goto('counsellor/p1/plan');
  await expect(plan.activity(fill(t.plan_activity_retired, { name: t.interventions_debt_advice }))).toBeVisible();
  const choice = page.locator('.activity-add').getByLabel(t.plan_activity_choice_label);
  await expect(choice.locator('option', { hasText: 'Praktik' })).toHaveCount(1);
  await expect(choice.locator('option', { hasText: 'Job club' })).toHaveCount(1);
  await expect(choice.locator('option', { hasText: t.interventions_debt_advice })).toHaveCount(0);
  await plan.addActivity({ name: 'Job club' });
  const stored = await plan.stored();
  expect(stored.settings.catalogue.find((e: any) => e.id === 'work_trial').name).toEqual({ custom: 'Praktik' });
  expect(stored.plans[0].activities[1].group).toBe('social');

  // Written back to its shipped name, an entry follows the language again.
  await plan.goto('data');
  await page.locator('.catalogue').getByRole('textbox').first().fill(t.interventions_work_trial);
  await plan.chooseLanguage('en', 'sv');
  await expect(page.locator('.catalogue').getByRole('textbox').first()).toHaveValue(TEXTS.sv.interventions_work_trial);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the plan, its print and the participant page fit and have large touch targets', async ({ page }, info) => {
    const plan = new PlanPage(page);
    const saved = {
      focus_items: ['health'],
      sub_goals: [{ id: 'g1', text: 'Walk 30 minutes a day', item: 'health', due: '2026-12-20', status: 'under_way' }],
      activities: [
        { id: 'a1', catalogue_id: 'supported_employment', group: 'job_focused', start: '2026-10-01', responsible: 'Kim', status: 'under_way' },
        { id: 'a2', own_text: 'Walking group with a neighbour', group: 'health', start: '2026-09-15', end: '2026-11-01', status: 'completed' },
      ],
    };
    await plan.openWith(planBackup({ belief: 2, plan: saved }));
    for (const path of ['counsellor/p1/plan', 'counsellor/p1/plan/print', 'counsellor/p1']) {
      await plan.goto(path);
      await expect(page.locator('.timeline-drawing, #participant-chart canvas').first()).toBeVisible();
      await plan.expectFitsSmallScreen();
      const name = path.replaceAll('/', '-');
      await page.screenshot({ path: `test-results/screens/${info.project.name}-360-${name}.png`, fullPage: true });
    }
  });
});

for (const language of LANGUAGES) {
  test(`the plan, its print and the participant page have no accessibility violations in ${language}`, async ({ page }) => {
    // Three axe runs over the plan's largest pages: past the default 30 s on a busy machine.
    test.setTimeout(60_000);
    const texts = TEXTS[language];
    const plan = new PlanPage(page, texts);
    await plan.goto();
    await plan.chooseLanguage('en', language);
    const saved = {
      sub_goals: [{ id: 'g1', text: 'Walk', status: 'not_started' }],
      activities: [{ id: 'a1', catalogue_id: 'vocational_course', group: 'upskilling', start: '2026-10-01', status: 'under_way' }],
    };
    await plan.openWith(planBackup({ belief: 2, plan: saved }));
    for (const path of ['counsellor/p1/plan', 'counsellor/p1/plan/print', 'counsellor/p1']) {
      await plan.goto(path);
      await expect(page.locator('.timeline-drawing, #participant-chart canvas').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    }
  });
}
