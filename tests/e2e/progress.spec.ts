import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';
import { DataPage, fill } from './pages/data';
import { ITEMS } from './pages/questionnaire';

const t = TEXTS.en;

/** A backup with one participant and the given answers per round (null = rather not answer). */
function backup(rounds: (number | null)[][], counsellor?: (number | null)[]) {
  const answers = (values: (number | null)[]) =>
    Object.fromEntries(ITEMS.map((item, i) => [item, { value: values[i] }]));
  const date = (i: number) => new Date(Date.UTC(2024, i * 3, 15)).toISOString().slice(0, 10);
  return JSON.stringify({
    format: 'stegvis',
    schema_version: 1,
    data: {
      participants: [{ id: 'p1', display_name: 'Lane', created: '2024-01-01', counsellors: [] }],
      rounds: rounds.map((values, i) => ({
        id: `r${i}`,
        participant_id: 'p1',
        date: date(i),
        participant_part: { answers: answers(values), filled_by: 'participant', updated: '2024-01-01T00:00:00Z' },
        ...(counsellor && i === rounds.length - 1
          ? { counsellor_part: { counsellor: 'AL', ratings: answers(counsellor), updated: '2024-01-01T00:00:00Z' } }
          : {}),
      })),
    },
  });
}

async function openParticipant(page, contents: string) {
  const data = new DataPage(page);
  await data.open();
  await data.importAndApply(contents);
  const app = new AppShell(page);
  await app.goto('counsellor/p1');
  await expect(page.locator('#participant-chart canvas')).toBeVisible();
}

/** The drawn lines: per series its legend name and the step per spoke (null = gap). */
async function drawn(page) {
  return page.evaluate(() => {
    const chart = (window as any).echarts.getInstanceByDom(document.getElementById('participant-chart'));
    return chart.getOption().series.map((s) => ({
      name: s.name,
      values: s.data.slice(0, -1).map(([v]) => (v === '-' ? null : v)),
    }));
  });
}

async function tableColumn(page, column: number) {
  return page.locator('table.numbers tbody tr').evaluateAll(
    (rows, c) => rows.map((row) => row.querySelectorAll('td')[c].textContent),
    column,
  );
}

const step = (i: number, item: number) => ((i + item) % 5) + 1;

for (const count of [1, 2, 12]) {
  test(`the diagram and the table show ${count} round(s), the latest strongest`, async ({ page }) => {
    const rounds = Array.from({ length: count }, (_, i) => ITEMS.map((_, item) => step(i, item)));
    await openParticipant(page, backup(rounds));
    const lines = await drawn(page);
    expect(lines.map((l) => l.values)).toEqual(rounds);
    const widths = await page.evaluate(() =>
      (window as any).echarts.getInstanceByDom(document.getElementById('participant-chart')).getOption().series.map((s) => s.lineStyle.width),
    );
    expect(Math.max(...widths)).toBe(widths[widths.length - 1]);
    await expect(page.locator('table.numbers thead th')).toHaveCount(count + 1);
    expect(await tableColumn(page, count - 1)).toEqual(rounds[count - 1].map(String));
    if (count === 1) await expect(page.getByText(t.progress_too_few)).toBeVisible();
    else await expect(page.getByRole('heading', { name: t.progress_moved_heading })).toBeVisible();
  });
}

test('"rather not answer" is a gap in the diagram and a dash in the table, and moves are said in words', async ({ page }) => {
  const first = [2, 2, 3, 1, 2, 2, null, 1];
  const second = [3, 2, 2, 2, null, 2, 3, 3];
  await openParticipant(page, backup([first, second]));
  expect((await drawn(page)).map((l) => l.values)).toEqual([first, second]);
  expect(await tableColumn(page, 0)).toEqual(first.map((v) => (v === null ? '–' : String(v))));
  const since = fill(t.progress_up_one, { date: '15 Jan 2024' });
  await expect(page.locator('.moved-items li', { hasText: t.items_job_chances_short })).toContainText(since);
  await expect(page.locator('.moved-items li', { hasText: t.items_job_search_short })).toContainText(
    fill(t.progress_up_many, { steps: 2, date: '15 Jan 2024' }),
  );
  // Everyday life was not rated in the latest round: nothing is invented about it.
  await expect(page.locator('.moved-items li', { hasText: t.items_everyday_life_short })).toHaveCount(0);
});

test('both views side by side mark where participant and counsellor differ by two steps', async ({ page }) => {
  const participant = [5, 3, 3, 3, 3, 3, 3, 3];
  const counsellor = [2, 3, 4, 3, 3, 3, 3, 3];
  await openParticipant(page, backup([participant], counsellor));
  await page.getByRole('radio', { name: t.progress_view_both }).check();
  await expect(page.getByText(fill(t.progress_topics, { items: t.items_job_chances_short }))).toBeVisible();
  const lines = await drawn(page);
  expect(lines.map((l) => l.name)).toEqual([
    fill(t.progress_series_participant, { date: '15 Jan 2024' }),
    fill(t.progress_series_counsellor, { date: '15 Jan 2024' }),
  ]);
  expect(lines[1].values).toEqual(counsellor);
});
