import { type Page, expect } from '@playwright/test';
import { TEXTS, type Texts, num } from '../locales';
import { AppShell, storedData } from './app';
import { fill } from './data';

export const ITEMS = [
  'job_chances', 'managing_job', 'cooperation', 'health',
  'everyday_life', 'competence', 'wage_level', 'job_search',
];

/** The participant's self-assessment: start, one question per screen, summary, thanks. */
export class Questionnaire extends AppShell {
  constructor(page: Page, readonly t: Texts = TEXTS.en) {
    super(page);
  }

  async start(name: string) {
    await this.goto('participant');
    await this.page.getByLabel(this.t.self_name_label).fill(name);
    await this.page.getByRole('button', { name: this.t.self_start }).click();
    await this.expectQuestion(1);
  }

  async expectQuestion(n: number) {
    await expect(this.page.getByText(fill(this.t.questions_progress, { current: num(this.t, n), total: num(this.t, 8) }))).toBeVisible();
    await expect(this.heading()).toHaveText(this.t[`items_${ITEMS[n - 1]}_short`]);
  }

  /** The radio for step 1–5 of question n, or "rather not" for 0. */
  option(n: number, step: number) {
    const label = step === 0 ? this.t.questions_rather_not : this.t[`questions_${ITEMS[n - 1]}_step_${step}`];
    return this.page.getByRole('radio', { name: label, exact: true });
  }

  async answer(n: number, step: number) {
    await this.option(n, step).check();
    await expect(this.option(n, step)).toBeChecked();
  }

  async next() {
    await this.page.getByRole('link', { name: this.t.questions_next }).click();
  }

  async toSummary() {
    await this.page.getByRole('link', { name: this.t.questions_to_summary }).click();
    await this.expectHeading(this.t, 'questions_summary_title');
  }

  async done() {
    await this.page.getByRole('button', { name: this.t.questions_done }).click();
    await this.expectHeading(this.t, 'questions_thanks_title');
  }

  /** The stored data, read straight from the browser's storage. */
  async stored(): Promise<any> {
    return storedData(this.page);
  }
}
