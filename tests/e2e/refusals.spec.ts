import { type Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';
import { flaggedCaseload, seed } from './pages/caseload';

// Guards issue 32.3: "Enter a name or ID first" stayed red under a field that already held a
// name, while the same-name question was open and after Cancel. A refusal speaks of what the
// form held when it was sent, so it goes as soon as a field of that form changes.

const t = TEXTS.en;

/** Sends `form` as it is, sees `refusal`, changes it with `change`, and sees the refusal go. */
async function refusedThenChanged(form: Locator, button: string, refusal: string, change: () => Promise<void>) {
  await form.getByRole('button', { name: button, exact: true }).click();
  await expect(form.getByRole('alert')).toHaveText(refusal);
  await change();
  await expect(form.getByRole('alert')).toHaveCount(0);
}

test('the caseload form: the refusal goes when a name is typed, and stays gone through the same-name question', async ({ page }) => {
  await seed(page, flaggedCaseload());
  const app = new AppShell(page);
  await app.goto('counsellor');
  const form = page.locator('form.add-form');
  const name = page.getByLabel(t.caseload_name_label);
  await refusedThenChanged(form, t.caseload_add_button, t.caseload_name_required, () => name.fill('Ada'));
  await form.getByRole('button', { name: t.caseload_add_button, exact: true }).click();
  const question = page.getByRole('dialog');
  await expect(question).toContainText(t.dialogue_same_name_confirm.split('{')[0]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await question.getByRole('button', { name: t.caseload_cancel }).click();
  await expect(question).toBeHidden();
  await expect(name).toHaveValue('Ada');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the plan forms: a refused sub-goal or activity is taken back by the next change', async ({ page }) => {
  await seed(page, flaggedCaseload());
  const app = new AppShell(page);
  await app.goto('counsellor/b/plan');
  const subGoal = page.locator('form.sub-goal-add');
  await refusedThenChanged(subGoal, t.plan_subgoal_add, t.plan_subgoal_add_required, () =>
    subGoal.getByLabel(t.plan_subgoal_text_label).fill('Two applications a week'),
  );
  const activity = page.locator('form.activity-add');
  await refusedThenChanged(activity, t.plan_activity_add, t.plan_activity_choose_first, async () => {
    await activity.getByLabel(t.plan_activity_choice_label).selectOption({ index: 1 });
  });
});

test('her start page: the refusal goes as soon as she types', async ({ page }) => {
  const app = new AppShell(page);
  await app.goto('participant');
  const start = page.locator('form.start-form');
  await refusedThenChanged(start, t.self_start, t.caseload_name_required, () => page.getByLabel(t.self_name_label).fill('Sam'));
});

test('the catalogue: a refused new activity is taken back by typing its name', async ({ page }) => {
  await seed(page, flaggedCaseload());
  const app = new AppShell(page);
  await app.goto('data');
  const add = page.locator('section.catalogue form.add-block');
  await refusedThenChanged(add, t.catalogue_add_button, t.catalogue_add_name_required, () =>
    add.getByLabel(t.catalogue_add_name).fill('Walking group'),
  );
});
