import { type Page, expect } from '@playwright/test';
import { TEXTS, type Texts } from '../locales';
import { AppShell } from './app';
import { fill } from './data';
import { ITEMS } from './questionnaire';

/** A calendar day `days` from today (negative: in the past), as stored. */
export function day(days: number): string {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const updated = '2026-01-01T00:00:00Z';
const answers = (value: (i: number) => number, comment?: (i: number) => string) =>
  Object.fromEntries(ITEMS.map((item, i) => [item, { value: value(i), ...(comment ? { comment: comment(i) } : {}) }]));

/** A 60-character comment, different for every answer (issue 31's measured caseloads carry them). */
const comment = (p: number, r: number, i: number) =>
  `Person ${p}, round ${r}, item ${i}: talked it through, next step set.`.padEnd(60, '.').slice(0, 60);

/** Stored data the app reads at start (schema version 2). */
export function envelope(data: object): string {
  return JSON.stringify({ format: 'stegvis', schema_version: 2, saved_at: updated, data });
}

/**
 * Six people, each flagged for known reasons (dates relative to today):
 * Ada: follow-up overdue, no plan (break, no job-focused). Bo: belief 2 (low), job-focused running.
 * Cy: follow-up due in about ten days, answers in but not the counsellor's part, only a social
 * activity, new counsellor 30 days ago. Di: no rounds, a job-focused activity that has ended (break).
 * Ed: nothing to flag. Fa: has left (archived).
 */
export function flaggedCaseload(): string {
  const person = (id: string, name: string, extra: object = {}) => ({
    id, display_name: name, created: day(-400), counsellors: [{ name: 'AL', from: day(-400) }], ...extra,
  });
  const activity = (id: string, group: string, start: number, end?: number) => ({
    id, own_text: id, group, start: day(start), ...(end === undefined ? {} : { end: day(end) }),
    responsible: '', status: 'under_way',
  });
  return envelope({
    participants: [
      person('a', 'Ada'),
      person('b', 'Bo'),
      person('c', 'Cy', { counsellors: [{ name: 'AL', from: day(-400) }, { name: 'JN', from: day(-30) }] }),
      person('d', 'Di'),
      person('e', 'Ed'),
      person('f', 'Fa', { archived: { on: day(-20), reason: 'work' } }),
    ],
    rounds: [
      { id: 'ra', participant_id: 'a', date: day(-100) },
      { id: 'rb', participant_id: 'b', date: day(-30), counsellor_part: { counsellor: 'AL', belief: { value: 2 }, updated } },
      {
        id: 'rc', participant_id: 'c', date: day(-80),
        participant_part: { answers: answers(() => 3), filled_by: 'participant', updated, completed: updated },
      },
      { id: 're', participant_id: 'e', date: day(-5) },
      { id: 'rf', participant_id: 'f', date: day(-300) },
    ],
    plans: [
      { participant_id: 'b', activities: [activity('job-b', 'job_focused', -60)] },
      { participant_id: 'c', activities: [activity('social-c', 'social', -60)] },
      { participant_id: 'd', activities: [activity('job-d', 'job_focused', -90, -30)] },
      { participant_id: 'e', activities: [activity('job-e', 'job_focused', -60)] },
    ],
  });
}

/**
 * `people` participants with `rounds` rounds each, three months apart up to about today; with
 * `comments`, every answer carries a 60-character comment.
 */
export function generatedCaseload(people: number, rounds: number, comments = false): string {
  const participants = [];
  const all = [];
  const plans = [];
  for (let p = 0; p < people; p++) {
    const id = `p${p}`;
    const counsellors = [{ name: 'AL', from: day(-91 * rounds - 30) }];
    if (p % 3 === 0) counsellors.push({ name: 'JN', from: day(-91 * Math.floor(rounds / 2)) });
    participants.push({ id, display_name: `Person ${String(p).padStart(3, '0')}`, created: day(-91 * rounds - 30), counsellors });
    for (let r = 0; r < rounds; r++) {
      const date = day(-91 * (rounds - r) + (p % 20));
      all.push({
        id: `${id}-r${r}`, participant_id: id, date,
        participant_part: {
          answers: answers((i) => ((p + r + i) % 5) + 1, comments ? (i) => comment(p, r, i) : undefined),
          filled_by: 'participant',
          updated,
          completed: updated,
        },
        counsellor_part: {
          counsellor: counsellors[counsellors.length - 1].name,
          belief: { value: ((p + r) % 5) + 1 },
          interventions: (p + r) % 4 === 0 ? 'none_given' : { given: ['work_trial'] },
          updated,
        },
      });
    }
    const start = day(-91 * rounds);
    plans.push({
      participant_id: id,
      activities: [
        { id: 'a1', catalogue_id: 'work_trial', group: 'job_focused', start, ...(p % 2 ? { end: day(-100) } : {}), responsible: '', status: 'under_way' },
        ...(p % 5 === 0 ? [{ id: 'a2', catalogue_id: 'housing_support', group: 'social', start, responsible: '', status: 'under_way' }] : []),
      ],
    });
  }
  return envelope({ participants, rounds: all, plans });
}

/**
 * Stores `data` under `key` (the saved data unless named) before the app starts, only on a
 * fresh page. The saved data goes where an earlier build left it, in localStorage: the whole
 * app moves it into IndexedDB again at its next start (issue 31).
 */
export async function seed(page: Page, data: string, key = 'stegvis.data') {
  await page.addInitScript(([text, name]) => {
    if (!sessionStorage.getItem(`seeded:${name}`)) {
      localStorage.setItem(name, text);
      if (name === 'stegvis.data') localStorage.removeItem('stegvis.store');
      sessionStorage.setItem(`seeded:${name}`, '1');
    }
  }, [data, key]);
}

/** The caseload list: search, filters, sort. */
export class CaseloadPage extends AppShell {
  constructor(page: Page, readonly t: Texts = TEXTS.en) {
    super(page);
  }

  async open(query = '') {
    await this.goto(`counsellor${query}`);
    await this.expectHeading(this.t, 'caseload_title');
  }

  filter(key: string) {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${escape(this.t[`worklist_filter_${key}`])} \\d+$`) });
  }

  rows() {
    // Rows a filter hides stay in the page, hidden.
    return this.page.locator('ul.caseload > li:not([hidden])');
  }

  async names(): Promise<string[]> {
    return this.rows().locator('.card-title').allTextContents();
  }

  async expectShown(shown: number, total: number) {
    await expect(this.page.locator('#worklist-shown')).toHaveText(fill(this.t.worklist_shown, { shown, total }));
  }
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
