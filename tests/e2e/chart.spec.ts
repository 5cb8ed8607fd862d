import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';

const ITEMS = [
  'job_chances', 'managing_job', 'cooperation', 'health',
  'everyday_life', 'competence', 'wage_level', 'job_search',
];

/** What ECharts actually drew: indicator names and series values, read from the live chart. */
async function drawnChart(page) {
  return page.evaluate(() => {
    const element = document.getElementById('example-chart');
    const chart = (window as any).echarts.getInstanceByDom(element);
    const option = chart.getOption();
    return {
      canvas: element!.querySelector('canvas') !== null,
      // Axis names may be broken into lines on a phone.
      indicators: option.angleAxis[1].data.map((name) => name.replace(/\n/g, ' ')),
      // Each point is [step, spoke]; the last closes the line; "-" is an empty value.
      series: option.series.map((s) => s.data.slice(0, -1).map(([v]) => (v === '-' ? null : v))),
      ariaLabel: element!.getAttribute('aria-label'),
    };
  });
}

test('the sample spider diagram renders with the items in the current language', async ({ page }) => {
  const app = new AppShell(page);
  await app.goto('training');
  await expect(page.locator('#example-chart canvas')).toBeVisible();
  const drawn = await drawnChart(page);
  expect(drawn.canvas).toBe(true);
  expect(drawn.indicators).toEqual(ITEMS.map((item) => TEXTS.en[`items_${item}_short`]));
  // The fictional Amira's first and latest rounds.
  expect(drawn.series).toHaveLength(2);
  expect(drawn.series[0]).toEqual([2, 2, 3, 1, 2, 2, 2, 1]);
  expect(drawn.ariaLabel).toBeTruthy();

  await app.chooseLanguage('en', 'sv');
  await expect
    .poll(async () => (await drawnChart(page)).indicators)
    .toEqual(ITEMS.map((item) => TEXTS.sv[`items_${item}_short`]));
});

test('the chart is freed when leaving the page and drawn again on return', async ({ page }) => {
  const app = new AppShell(page);
  await app.goto('training');
  await expect(page.locator('#example-chart canvas')).toBeVisible();
  await page.getByRole('link', { name: TEXTS.en.common_app_name, exact: true }).click();
  await app.expectHeading(TEXTS.en, 'home_title');
  await page.goBack();
  await expect(page.locator('#example-chart canvas')).toHaveCount(1);
});
