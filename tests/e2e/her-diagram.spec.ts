import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { AppShell } from './pages/app';
import { envelope, seed } from './pages/caseload';
import { savedPng } from './pages/progress';
import { Questionnaire } from './pages/questionnaire';

// What a participant sees of herself is drawn as SVG by the app, so that her phone never
// downloads ECharts (a sixth of her path). It must do what the ECharts diagram did: a point per
// answer, a gap for "rather not answer", a tap that tells the point's question, step and
// comment, names that fit on a phone in every language, and a PNG to keep.

const t = TEXTS.en;
const updated = '2026-01-01T00:00:00Z';
const COMMENT = 'Started physiotherapy';

/** Kim on her own phone: two rounds, a comment on health, "rather not" on everyday life. */
function kimOnHerPhone(): string {
  const answers = (values: (number | null)[]) => {
    const items = ['job_chances', 'managing_job', 'cooperation', 'health', 'everyday_life', 'competence', 'wage_level', 'job_search'];
    return Object.fromEntries(items.map((item, i) => [item, { value: values[i] }]));
  };
  const latest = answers([4, 4, 3, 2, null, 3, 3, 4]);
  latest.health.comment = COMMENT;
  return envelope({
    settings: { device_role: 'participant' },
    participants: [{ id: 'p1', display_name: 'Kim', created: '2026-01-10', counsellors: [] }],
    rounds: [
      { id: 'r1', participant_id: 'p1', date: '2026-01-15', participant_part: { answers: answers([3, 3, 3, 2, 2, 3, 2, 3]), filled_by: 'participant', updated, completed: updated } },
      { id: 'r2', participant_id: 'p1', date: '2026-04-15', participant_part: { answers: latest, filled_by: 'participant', updated, completed: updated } },
    ],
  });
}

test('her whole path draws her diagram and never fetches ECharts', async ({ page }) => {
  const echarts: string[] = [];
  page.on('request', (request) => {
    if (/\/echarts-[0-9a-f]+\.js$/.test(new URL(request.url()).pathname)) echarts.push(request.url());
  });
  const q = new Questionnaire(page);
  await q.goto('');
  await q.start('Robin');
  for (let n = 1; n <= 8; n++) {
    // Question 5 "rather not answer": a gap in the line, no point.
    await q.answer(n, n === 5 ? 0 : ((n - 1) % 5) + 1);
    if (n < 8) await q.next();
  }
  await q.toSummary();
  const chart = page.locator('#participant-chart');
  await expect(chart.locator('svg')).toBeVisible();
  await q.done();
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart.locator('.chart-point')).toHaveCount(7);
  await expect(chart.locator('.chart-point[data-spoke="4"]')).toHaveCount(0);
  // The gap splits the line: before it, and from after it round to the first point.
  await expect(chart.locator('polyline')).toHaveCount(2);
  await expect(chart).toHaveAttribute('aria-label', new RegExp(t.progress_chart_label.replace(/[.?]$/, '')));
  expect(echarts).toEqual([]);
  expect(await page.evaluate(() => 'echarts' in window)).toBe(false);
});

test('a tap on a point tells its round, question, step and comment; a second tap hides it', async ({ page, isMobile }) => {
  await seed(page, kimOnHerPhone());
  await new AppShell(page).goto('round/r2/thanks');
  const chart = page.locator('#participant-chart');
  // The latest round is the strong, solid line, drawn last (on top).
  const health = chart.locator('.chart-point[data-round="1"][data-spoke="3"]');
  const tap = () => (isMobile ? health.tap() : health.click());
  await tap();
  const detail = page.locator('.chart-detail');
  await expect(detail).toBeVisible();
  await expect(detail).toContainText('15 Apr 2026');
  await expect(detail).toContainText(t.questions_health_question);
  await expect(detail).toContainText(`2. ${t.questions_health_step_2}`);
  await expect(detail).toContainText(COMMENT);
  await tap();
  await expect(detail).toBeHidden();
  // Her last round is thin and dashed, the latest strong; the legend names both.
  const widths = await chart.locator('polyline').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke-width')));
  expect(widths[0]).toBe('1.5');
  expect(widths.at(-1)).toBe('3');
  await expect(chart.locator('text', { hasText: '15 Jan 2026' })).toHaveCount(1);
  await expect(chart.locator('text', { hasText: '15 Apr 2026' })).toHaveCount(1);
});

test('every name fits inside the diagram, in every language, and follows the language', async ({ page }) => {
  await seed(page, kimOnHerPhone());
  const app = new AppShell(page);
  await app.goto('round/r2/thanks');
  let from = 'en' as (typeof LANGUAGES)[number];
  for (const language of LANGUAGES) {
    if (language !== from) await app.chooseLanguage(from, language);
    from = language;
    const chart = page.locator('#participant-chart');
    await expect(chart.locator('text').first()).toHaveText(TEXTS[language].items_job_chances_short);
    const outside = await chart.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return [...element.querySelectorAll('text')]
        .map((text) => ({ text: text.textContent, r: text.getBoundingClientRect() }))
        .filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        .map(({ text }) => text);
    });
    expect(outside, language).toEqual([]);
  }
  await app.expectFitsSmallScreen();
});

test('her diagram can be saved as a PNG image', async ({ page }) => {
  await seed(page, kimOnHerPhone());
  await new AppShell(page).goto('round/r2/summary');
  await expect(page.locator('#participant-chart svg')).toBeVisible();
  const bytes = await savedPng(page);
  // Twice the drawing's size: sharp when printed.
  const width = bytes.readUInt32BE(16);
  const drawn = await page.locator('#participant-chart svg').evaluate((svg) => Number(svg.getAttribute('width')));
  expect(width).toBe(2 * drawn);
});

// Guards issue 32.4: measured at a width of 0 (as while a page is laid out for a full-page
// screenshot), her diagram drew circles with a negative radius, and the browser logged an error
// for each (the fixture's guard fails on any console error). It draws nothing until it has room.
test('with no room her diagram draws nothing, and draws again once it has room', async ({ page }) => {
  await seed(page, kimOnHerPhone());
  await new AppShell(page).goto('round/r2/thanks');
  const chart = page.locator('#participant-chart');
  await expect(chart.locator('svg circle').first()).toBeAttached();
  // Not laid out, the drawing's box is 0 wide; the page's resize makes it measure again.
  const show = (display: string) =>
    page.evaluate((value) => {
      document.getElementById('participant-chart')!.style.display = value;
      window.dispatchEvent(new Event('resize'));
    }, display);
  await show('none');
  await expect(chart.locator('svg')).toHaveCount(0);
  await show('');
  await expect(chart.locator('svg circle').first()).toBeAttached();
  const radii = await chart.locator('svg circle').evaluateAll((circles) => circles.map((c) => Number(c.getAttribute('r'))));
  expect(radii.every((r) => r >= 0)).toBe(true);
});
