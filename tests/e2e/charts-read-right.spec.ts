import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS, type Texts } from './locales';
import { AppShell } from './pages/app';
import { fill } from './pages/data';
import { ITEMS } from './pages/questionnaire';
import { backup, openParticipant } from './pages/progress';

// Each chart tells a screen reader, in the page's language, what it shows, its rounds and the
// highest and lowest areas (ECharts' own English description is off); the over-time chart
// writes its dates with the language's month names and keeps eight lines on one step apart.

const ROUNDS = [ITEMS.map(() => 2), [3, 3, 3, 3, null, 3, 3, 2], [4, 3, 4, null, 3, 3, 3, 2]];
// The rounds' dates in the progress page object: the 15th of January, April and July 2024.
const DATES = [[15, 1], [15, 4], [15, 7]];

const date = (t: Texts, [day, month]: number[]) =>
  fill(t.common_date_pattern, { day, month: t[`common_month_${month}`], year: 2024 });
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const areas = (t: Texts, indexes: number[]) => indexes.map((i) => t[`items_${ITEMS[i]}_short`]).join(', ');

/** What the diagram and the over-time chart of ROUNDS say: label, rounds, highest and lowest. */
function described(t: Texts, label: string) {
  const rounds = fill(t.charts_rounds, { rounds: DATES.map((d) => date(t, d)).join(', ') });
  const extremes = fill(t.charts_extremes, { highest: areas(t, [0, 2]), high: 4, lowest: areas(t, [7]), low: 2 });
  return `${sentence(label)} ${rounds} ${extremes}`;
}

for (const language of LANGUAGES) {
  test(`the charts describe themselves in ${language} and the dates use its month names`, async ({ page }) => {
    const t = TEXTS[language];
    await openParticipant(page, backup(ROUNDS));
    const app = new AppShell(page);
    await app.chooseLanguage('en', language);
    await expect(page.locator('#participant-chart')).toHaveAttribute('aria-label', described(t, t.progress_chart_label));
    await expect(page.locator('#over-time-chart')).toHaveAttribute('aria-label', described(t, t.progress_over_time_label));
    for (const id of ['participant-chart', 'over-time-chart']) {
      const label = await page.locator(`#${id}`).getAttribute('aria-label');
      expect(label).not.toMatch(/NaN|This is a chart|series/);
    }

    // The x axis as ECharts lays it out: each date a day and one of the language's month names.
    const months = Array.from({ length: 12 }, (_, i) => t[`common_month_${i + 1}`]);
    await expect
      .poll(async () => {
        const labels: string[] = await page.evaluate(() => {
          const chart = (window as any).echarts.getInstanceByDom(document.getElementById('over-time-chart'));
          return chart.getModel().getComponent('xAxis', 0).axis.getViewLabels().map((l: any) => l.formattedLabel);
        });
        return labels.length > 1 && labels.every((l) => months.includes(l.match(/^\d+ (.+)$/)?.[1] ?? ''));
      })
      .toBe(true);

    // Eight areas on the same step in the first round: eight lines apart, each its own look.
    const lines = await page.evaluate(() => {
      const option = (window as any).echarts.getInstanceByDom(document.getElementById('over-time-chart')).getOption();
      return option.series.map((s: any) => ({ look: `${s.symbol} ${s.lineStyle.type}`, first: s.data[0] }));
    });
    expect(lines).toHaveLength(8);
    expect(new Set(lines.map((l: any) => l.look)).size).toBe(8);
    expect(new Set(lines.map((l: any) => l.first.value[1])).size).toBe(8);
    expect(lines.every((l: any) => l.first.name === '2' && Math.abs(l.first.value[1] - 2) <= 0.25)).toBe(true);
  });
}

test('the training charts describe their bars in the page language, with no "NaN"', async ({ page }) => {
  const t = TEXTS.sv;
  const app = new AppShell(page);
  await app.goto('training');
  await app.chooseLanguage('en', 'sv');
  const chart = page.locator('section#continuity .chart-view');
  await expect(chart).toHaveAttribute('aria-label', new RegExp(`^${t.workshop_continuity_title}`));
  await expect(chart).toHaveAttribute('aria-label', /100.*78.*61.*47/);
  for (const label of await page.locator('.chart-view').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
    expect(label).not.toMatch(/NaN|This is a chart|series|chart/i);
  }
});
