import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';
import { day, envelope, seed } from './pages/caseload';
import { ITEMS } from './pages/questionnaire';

// Guards issue 32.1: one long word (1,000 letters, the longest text the app takes) or a pasted
// web address in any free-text field (a name, a contact note, a comment, a counsellor's name,
// an activity, a goal, a note) made pages wider than the screen: a catalogue entry named with
// an address pushed the counsellor's part 303 px past a 390 px phone and cut off the other
// activities. Every page that shows such a text must wrap it instead.

const WORD = 'Långtord'.repeat(125);
const ADDRESS = 'https://www.kommune.example/arbejdsmarked/virksomhedspraktik-for-ledige-med-komplekse-forloeb';

/** The activities the app ships, with their groups, so that the caseload keeps them all. */
const SHIPPED = {
  job_focused: ['work_trial', 'wage_subsidy', 'supported_employment', 'employer_contacts', 'job_search_support'],
  upskilling: ['vocational_course', 'basic_skills', 'adult_education', 'certificates'],
  social: ['housing_support', 'debt_advice', 'mentor_network', 'family_support'],
  health: ['physical_activity', 'mental_health', 'addiction_treatment', 'pain_rehabilitation'],
};

/**
 * One person whose every free text is `text`: two full rounds, a plan, a note, a renamed
 * activity. `settings` may make it her own phone (`device_role: 'participant'`).
 */
function caseloadOf(text: string, settings: object = {}): string {
  const updated = '2026-01-01T00:00:00Z';
  const counsellors = [{ name: text, from: day(-200) }];
  const answers = Object.fromEntries(ITEMS.map((item, i) => [item, { value: (i % 5) + 1, comment: text }]));
  const round = (id: string, date: number) => ({
    id, participant_id: 'p1', date: day(date),
    participant_part: { answers, filled_by: 'participant', updated, completed: updated },
    counsellor_part: {
      counsellor: text,
      belief: { value: 3, comment: text },
      determination: { value: 4 },
      interventions: { given: ['work_trial', 'own'] },
      ratings: { health: { value: 3, comment: text } },
      updated,
    },
  });
  const catalogue = Object.entries(SHIPPED).flatMap(([group, ids]) =>
    ids.map((id) => ({ id, group, name: id === 'work_trial' ? { custom: text } : 'seed', retired: false })),
  );
  catalogue.push({ id: 'own', group: 'health', name: { custom: text }, retired: false });
  return envelope({
    participants: [
      {
        id: 'p1', display_name: text, contact_note: text, created: day(-200), counsellors,
        goal: { kind: 'work', text },
      },
      { id: 'p2', display_name: `${text.slice(1)}2`, created: day(-100), counsellors, archived: { on: day(-10), reason: 'work' } },
    ],
    rounds: [round('r1', -190), round('r2', -10), { id: 'r3', participant_id: 'p1', date: day(0) }],
    plans: [
      {
        participant_id: 'p1',
        focus_items: ['health', 'job_search'],
        sub_goals: [{ id: 's1', text, item: 'health', due: day(30), status: 'under_way' }],
        activities: [
          { id: 'a1', catalogue_id: 'work_trial', group: 'job_focused', start: day(-100), responsible: text, status: 'under_way' },
          { id: 'a2', own_text: text, group: 'social', start: day(-50), end: day(40), responsible: text, status: 'planned' },
        ],
      },
    ],
    settings: { catalogue, ...settings },
    reflections: [{ id: 'n1', date: day(-3), text }],
  });
}

/** Every page a long text can reach, on the counsellor's side and on hers. */
const PAGES = [
  '', 'participant', 'counsellor', 'counsellor/p1', 'counsellor/p1/plan', 'counsellor/p1/plan/print',
  'round/r2/counsellor', 'round/r3/counsellor', 'round/r2/answer/4', 'round/r2/summary', 'round/r2/invite',
  'data', 'organisation', 'training/exercises',
];

/** Her own phone: what she sees of herself. */
const HER_PAGES = ['', 'participant', 'round/r3/answer/1', 'round/r2/summary', 'round/r2/thanks'];

/**
 * Elements reaching past the window's right edge, outside the boxes meant to scroll sideways,
 * with every folded section unfolded first (a closed one lays out nothing).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    document.querySelectorAll('details').forEach((details) => (details.open = true));
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const found = [...document.querySelectorAll('main *, header *')].filter((el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) return false;
      for (let up = el.parentElement; up; up = up.parentElement) if (scrolls(up)) return false;
      return true;
    });
    const page = document.documentElement.scrollWidth - width;
    return [
      ...(page > 0 ? [`the page is ${page} px wider than the window`] : []),
      ...found.map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right - width)} px`),
    ];
  });
}

for (const [what, text, shots] of [['a 1,000-letter word', WORD, 'long-word'], ['a web address', ADDRESS, 'long-address']] as const) {
  test(`${what} in every free-text field keeps every page inside the window`, async ({ page }, info) => {
    test.slow();
    await seed(page, caseloadOf(text));
    await expectAllInside(page, PAGES, info.project.name === 'phone' ? shots : '');
  });

  test(`${what} in her name and comments keeps her own phone's pages inside the window`, async ({ page }) => {
    await seed(page, caseloadOf(text, { device_role: 'participant' }));
    await expectAllInside(page, HER_PAGES, '');
  });
}

/** Opens each of `paths` and finds nothing past the window's edge; `shots` names screenshots. */
async function expectAllInside(page: Page, paths: string[], shots: string) {
  const app = new AppShell(page);
  const found: string[] = [];
  for (const path of paths) {
    await app.goto(path);
    await expect(app.heading()).toBeVisible();
    // The participant's page draws its diagram and its rounds in turns: wait for the last.
    if (path === 'counsellor/p1') await expect(page.locator('.rounds > .round').first()).toBeVisible();
    found.push(...(await overflowing(page)).map((problem) => `/${path}: ${problem}`));
    if (shots) await page.screenshot({ path: `test-results/screens/${shots}-${path.replaceAll('/', '-') || 'home'}.png` });
  }
  expect(found).toEqual([]);
}

test('a long name typed into the caseload form stays inside the window, in the form and the list', async ({ page }) => {
  const app = new AppShell(page);
  const t = TEXTS.en;
  await app.goto('counsellor');
  await page.getByLabel(t.caseload_name_label).fill(WORD);
  await page.getByLabel(t.caseload_counsellor_label).fill(ADDRESS);
  await page.getByRole('button', { name: t.caseload_add_button }).click();
  await expect(page.locator('ul.caseload > li')).toHaveCount(1);
  expect(await overflowing(page)).toEqual([]);
  // The same name again: the question that asks first names it, inside the window too.
  await page.getByLabel(t.caseload_name_label).fill(WORD);
  await page.getByRole('button', { name: t.caseload_add_button }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await overflowing(page)).toEqual([]);
});
