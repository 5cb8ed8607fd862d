import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { fill } from './pages/data';
import { backup, openParticipant, savedPng } from './pages/progress';
import { ITEMS } from './pages/questionnaire';

const t = TEXTS.en;

/** The drawn lines: per series its legend name and the step per spoke (null = gap). */
async function drawn(page) {
  return page.evaluate(() => {
    const chart = (window as any).echarts.getInstanceByDom(document.getElementById('participant-chart'));
    return chart.getOption().series.map((s) => ({
      name: s.name,
      // A point is [step, spoke], or { value: [step, spoke], name: detail }.
      values: s.data.slice(0, -1).map((p) => (Array.isArray(p) ? p : p.value)[0]).map((v) => (v === '-' ? null : v)),
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

test('the diagram can be saved as a PNG image', async ({ page }) => {
  await openParticipant(page, backup([ITEMS.map(() => 3), ITEMS.map(() => 4)]));
  await savedPng(page);
});

test('the legend names every round and hides one when it is toggled', async ({ page }) => {
  const rounds = [ITEMS.map(() => 2), ITEMS.map(() => 3), ITEMS.map(() => 4)];
  await openParticipant(page, backup(rounds));
  const names = ['15 Jan 2024', '15 Apr 2024', '15 Jul 2024'];
  const legend = () =>
    page.evaluate(() => {
      const option = (window as any).echarts.getInstanceByDom(document.getElementById('participant-chart')).getOption();
      return { data: option.legend[0].data.map((d) => d.name ?? d), selected: option.legend[0].selected };
    });
  expect((await legend()).data).toEqual(names);
  // What a tap on a legend entry does.
  await page.evaluate((name) => {
    (window as any).echarts.getInstanceByDom(document.getElementById('participant-chart')).dispatchAction({ type: 'legendToggleSelect', name });
  }, names[0]);
  expect((await legend()).selected[names[0]]).toBe(false);
  expect((await legend()).selected[names[2]]).not.toBe(false);
});

test('pointing at a point shows the item, its question, the described step and the comment', async ({ page }) => {
  const contents = JSON.parse(backup([ITEMS.map(() => 4)]));
  contents.data.rounds[0].participant_part.answers.health.comment = 'Started physiotherapy';
  await openParticipant(page, JSON.stringify(contents));
  await page.locator('#participant-chart').scrollIntoViewIfNeeded();
  // Where ECharts drew the health point (spoke 3), in viewport coordinates.
  const [x, y] = await page.evaluate(() => {
    const el = document.getElementById('participant-chart')!;
    const chart = (window as any).echarts.getInstanceByDom(el);
    const [px, py] = chart.convertToPixel({ polarIndex: 0 }, [4, 3]);
    const box = el.getBoundingClientRect();
    return [box.left + px, box.top + py];
  });
  await page.mouse.move(x, y);
  const tooltip = page.locator('#participant-chart div').filter({ hasText: t.items_health_short }).last();
  await expect(tooltip).toContainText(t.questions_health_question);
  await expect(tooltip).toContainText(`4. ${t.questions_health_step_4}`);
  await expect(tooltip).toContainText('Started physiotherapy');
});

test('over time: one line per area, the next follow-up marked, a break without activity shaded', async ({ page }) => {
  const contents = JSON.parse(backup([ITEMS.map(() => 2), ITEMS.map(() => 3), ITEMS.map(() => 3)]));
  contents.data.rounds[1].counsellor_part = { counsellor: 'AL', interventions: 'none_given', updated: '2024-01-01T00:00:00Z' };
  await openParticipant(page, JSON.stringify(contents));
  await expect(page.locator('#over-time-chart canvas')).toBeVisible();
  const option = () =>
    page.evaluate(() => {
      const o = (window as any).echarts.getInstanceByDom(document.getElementById('over-time-chart')).getOption();
      return { names: o.series.map((s) => s.name), marks: o.series[0].markArea?.data, due: o.series[0].markLine?.data };
    });
  let drawn = await option();
  expect(drawn.names).toEqual(ITEMS.map((item) => t[`items_${item}_short`]));
  expect(drawn.marks).toHaveLength(1);
  expect(drawn.marks[0][0].name).toBe(t.progress_no_activity);
  expect(drawn.due).toHaveLength(1);
  await page.getByLabel(t.progress_area_label, { exact: true }).selectOption({ label: t.items_health_short });
  await expect.poll(async () => (await option()).names).toEqual([t.items_health_short]);
});
