import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { AppShell } from './pages/app';
import { generatedCaseload, seed } from './pages/caseload';
import { fill } from './pages/data';

const t = TEXTS.en;

async function openSummary(page, people = 12, rounds = 3) {
  await seed(page, generatedCaseload(people, rounds));
  const app = new AppShell(page);
  await app.goto('organisation');
  await app.expectHeading(t, 'summary_title');
  return app;
}

function row(page, name: string) {
  return page.getByRole('row', { name: new RegExp(`^${name.replace(/[()"“”]/g, '.')}`) });
}

test('the summary shows anonymous figures beside BIP with their source, and says nothing ranks anyone', async ({ page }) => {
  const app = await openSummary(page);
  await expect(page.getByText(t.summary_no_ranking)).toBeVisible();
  await expect(page.getByText(fill(t.summary_people_rounds, { people: 12, rounds: 36 }), { exact: false })).toBeVisible();
  // 12 people × 3 rounds: (p + r) % 4 === 0 answered "none" → 9 of 36 periods.
  const breaks = row(page, t.summary_figure_periods_without_intervention);
  await expect(breaks).toContainText(fill(t.summary_percent_value, { value: 25 }));
  await expect(breaks).toContainText(fill(t.summary_people_count, { count: 12 }));
  await expect(breaks).toContainText(fill(t.summary_bip_value, { value: fill(t.summary_percent_value, { value: 23 }), source: 1 }));
  await expect(row(page, t.summary_figure_counsellor_changed)).toContainText(fill(t.summary_bip_value, { value: fill(t.summary_percent_value, { value: 40 }), source: 2 }));
  await expect(page.locator('ol.sources li')).toHaveText([t.summary_source_parallel, t.summary_source_job_prospects]);
  await expect(row(page, t.summary_figure_follow_ups_on_time)).toContainText(t.summary_no_bip);
  await expect(page.locator('#summary-shares-chart canvas')).toBeVisible();
  await expect(page.locator('#summary-movement-chart canvas')).toBeVisible();
  // The chart's label reads out its bars in the page's language; the table says the same.
  await expect(page.locator('#summary-shares-chart')).toHaveAttribute('aria-label', new RegExp(t.summary_series_bip));
  const bars = await page.evaluate(() => {
    const el = document.getElementById('summary-shares-chart');
    return (window as any).echarts.getInstanceByDom(el).getOption().series.map((s) => s.type);
  });
  expect(bars).toEqual(['bar', 'bar']);
  // Nothing on the screen names a person or a counsellor.
  await expect(page.getByText(/Person \d/)).toHaveCount(0);
  await expect(page.getByText(/\bAL\b|\bJN\b/)).toHaveCount(0);
  await app.expectFitsSmallScreen();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('figures resting on fewer than five people are shown as "fewer than 5"', async ({ page }) => {
  await openSummary(page, 4, 2);
  await expect(page.locator('.summary-people')).toContainText(t.summary_fewer_than_five);
  const breaks = row(page, t.summary_figure_periods_without_intervention);
  await expect(breaks).toContainText(t.summary_fewer_than_five);
  await expect(page.getByText(fill(t.summary_people_count, { count: 4 }))).toHaveCount(0);
});

test('a period narrows the figures to its months', async ({ page }) => {
  await openSummary(page);
  const month = (days: number) => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 7);
  };
  await page.getByLabel(t.summary_from_label).fill(month(-60));
  await expect(page.locator('.summary-people')).not.toContainText('36');
});

test('export the summary, then combine three files as a coordinator would', async ({ page }) => {
  await openSummary(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t.summary_export_file }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  const file = JSON.parse(text);
  expect(file.format).toBe('stegvis-summary');
  expect(file.version).toBe(1);
  expect(file.counts.people).toBe(12);
  expect(text).not.toMatch(/Person|p\d+-r|"AL"|"JN"|\d{4}-\d{2}-\d{2}/);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t.summary_export_csv }).click(),
  ]);
  const table = readFileSync((await csv.path())!, 'utf8');
  expect(table).toContain('figure,count,of,percent,people,bip_percent');
  expect(table).toContain('periods_without_intervention,9,36,25.0,12,23');
  const files = ['a', 'b', 'c'].map((name) => ({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(text) }));
  files.push({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.getByLabel(t.summary_combine_label).setInputFiles(files);
  await expect(page.getByText(fill(t.summary_combined_from, { files: 3, devices: 3 }))).toBeVisible();
  await expect(page.getByText(fill(t.summary_error_not_summary, { file: 'notes.json' }))).toBeVisible();
  await expect(page.getByText(fill(t.summary_people_rounds, { people: 36, rounds: 108 }), { exact: false })).toBeVisible();
  await expect(row(page, t.summary_figure_periods_without_intervention)).toContainText(fill(t.summary_people_count, { count: 36 }));
  await page.getByRole('button', { name: t.summary_show_device }).click();
  await expect(page.getByText(fill(t.summary_people_rounds, { people: 12, rounds: 36 }), { exact: false })).toBeVisible();
});

test('the print preview shows the figures without the buttons', async ({ page }) => {
  await openSummary(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: t.summary_figures_heading })).toBeVisible();
  await expect(page.getByText(t.summary_no_ranking)).toBeVisible();
  await expect(page.getByRole('button', { name: t.summary_export_file })).toBeHidden();
  await expect(page.getByLabel(t.summary_from_label)).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: t.summary_export_file })).toBeVisible();
});

for (const language of LANGUAGES) {
  test(`the summary speaks ${language}`, async ({ page }) => {
    const texts = TEXTS[language];
    const app = await openSummary(page);
    if (language !== 'en') await app.chooseLanguage('en', language);
    await app.expectHeading(texts, 'summary_title');
    await expect(page.getByText(texts.summary_no_ranking)).toBeVisible();
    await expect(page.locator('ol.sources li').last()).toHaveText(texts.summary_source_job_prospects);
  });
}
