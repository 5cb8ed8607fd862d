import { type Locator, type Page, expect } from '@playwright/test';
import { TEXTS, type Texts } from '../locales';
import { AppShell, storedData } from './app';
import { DataPage, fill } from './data';
import { ITEMS } from './questionnaire';

/** What a plan test starts from: one participant with one round, optionally a plan. */
export function planBackup(options: { belief?: number; plan?: object; counsellors?: string[] } = {}) {
  const values = [4, 3, 4, null, 3, 3, 3, 2];
  const answers = Object.fromEntries(ITEMS.map((item, i) => [item, { value: values[i] }]));
  const counsellors = (options.counsellors ?? ['Ada']).map((name, i) => ({ name, from: `2026-0${i + 1}-10` }));
  return JSON.stringify({
    format: 'stegvis',
    schema_version: 1,
    data: {
      participants: [{ id: 'p1', display_name: 'Lane', created: '2026-01-10', counsellors }],
      rounds: [
        {
          id: 'r1',
          participant_id: 'p1',
          date: '2026-09-01',
          participant_part: { answers, filled_by: 'participant', updated: '2026-09-01T10:00:00Z' },
          counsellor_part: {
            counsellor: 'Ada',
            ...(options.belief ? { belief: { value: options.belief } } : {}),
            updated: '2026-09-01T10:00:00Z',
          },
        },
      ],
      plans: options.plan ? [{ participant_id: 'p1', ...options.plan }] : [],
    },
  });
}

/** The action plan screen of participant p1. */
export class PlanPage extends AppShell {
  constructor(page: Page, readonly t: Texts = TEXTS.en) {
    super(page);
  }

  /** Imports the backup and opens the plan from the participant's page, as a counsellor would. */
  async openWith(backup: string) {
    const data = new DataPage(this.page, this.t);
    await data.open();
    await data.importAndApply(backup);
    await this.goto('counsellor/p1');
    await this.page.getByRole('link', { name: this.t.plan_open, exact: true }).click();
    await expect(this.heading()).toHaveText(`${this.t.plan_title}: Lane`);
  }

  advice(): Locator {
    return this.page.locator('.plan-advice .advice h3');
  }

  subGoals(): Locator {
    return this.page.locator('.sub-goal');
  }

  subGoalTexts() {
    return this.subGoals().getByLabel(this.t.plan_subgoal_text_label, { exact: true });
  }

  async addSubGoal(text: string) {
    const form = this.page.locator('.sub-goal-add');
    await form.getByLabel(this.t.plan_subgoal_text_label, { exact: true }).fill(text);
    await form.getByRole('button', { name: this.t.plan_subgoal_add }).click();
    await expect(this.subGoals().last().getByLabel(this.t.plan_subgoal_text_label, { exact: true })).toHaveValue(text);
  }

  async expectSubGoalOrder(texts: string[]) {
    await expect(this.subGoalTexts()).toHaveCount(texts.length);
    for (const [i, text] of texts.entries()) await expect(this.subGoalTexts().nth(i)).toHaveValue(text);
  }

  handle(position: number): Locator {
    return this.page.getByRole('button', { name: fill(this.t.plan_subgoal_handle, { position }) });
  }

  /** Adds an activity from the catalogue (by its shown name) or in own words with a group. */
  async addActivity(activity: { name: string; own?: string; start?: string; end?: string; place?: string }) {
    const form = this.page.locator('.activity-add');
    const choice = form.getByLabel(this.t.plan_activity_choice_label);
    if (activity.own) {
      await choice.selectOption({ label: this.t.plan_activity_own });
      await form.getByLabel(this.t.plan_activity_own_label).fill(activity.name);
      await form.getByLabel(this.t.plan_activity_group_label).selectOption({ label: activity.own });
    } else {
      await choice.selectOption({ label: activity.name });
    }
    if (activity.start) await form.getByLabel(this.t.plan_activity_start_label).fill(activity.start);
    if (activity.place) await form.getByLabel(this.t.plan_activity_place_label, { exact: true }).fill(activity.place);
    if (activity.end) {
      await form.getByLabel(this.t.plan_activity_ongoing).uncheck();
      await form.getByLabel(this.t.plan_activity_end_label, { exact: true }).fill(activity.end);
    }
    const before = await this.page.locator('.activity').count();
    await form.getByRole('button', { name: this.t.plan_activity_add }).click();
    await expect(form.getByText(fill(this.t.plan_activity_added, { name: activity.name }))).toBeVisible();
    await expect(this.page.locator('.activity')).toHaveCount(before + 1);
  }

  activity(name: string): Locator {
    return this.page.locator('.activity', { has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /** The app's data as stored on this device. */
  async stored(): Promise<any> {
    return storedData(this.page);
  }
}
