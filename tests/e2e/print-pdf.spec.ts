import { mkdirSync, writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from './fixtures';
import { LANGUAGES, TEXTS } from './locales';
import { PlanPage, planBackup } from './pages/plan';

// The printed plan, rendered to a PDF by Chromium's own print (A4, the app's 15 mm margins) and
// read back with pdf.js: every piece of text lies inside the text column and none lies on
// another. A long plan (fourteen months, long names) is where month names and tables used to
// collide or run past the margin.

const TODAY = new Date('2026-11-23T10:00:00');
const MM = 72 / 25.4; // PDF points per millimetre
const MARGIN = 15 * MM;

const LONG_PLAN = {
  focus_items: ['health', 'job_search', 'competence'],
  sub_goals: [
    { id: 'g1', text: 'Walk thirty minutes every day, also when the weather is grey', item: 'health', due: '2026-12-15', status: 'under_way' },
    { id: 'g2', text: 'Arbetsmarknadsutbildningsinformationsträff', item: 'competence', due: '2027-02-01', status: 'not_started' },
  ],
  activities: [
    { id: 'a1', catalogue_id: 'work_trial', group: 'job_focused', start: '2026-08-01', end: '2027-09-30', responsible: 'Job coach Kim Andersson-Lindqvist', status: 'under_way' },
    { id: 'a2', own_text: 'Walking group with the neighbours on Tuesdays', group: 'health', start: '2026-08-15', end: '2026-10-20', responsible: 'Lane', status: 'completed' },
    { id: 'a3', catalogue_id: 'vocational_course', group: 'upskilling', start: '2026-11-01', end: '2027-03-31', responsible: 'Kommunens vuxenutbildningssamordnare', status: 'planned' },
    { id: 'a4', catalogue_id: 'debt_advice', group: 'social', start: '2026-12-01', end: '2027-01-15', status: 'planned' },
  ],
};

type Box = { text: string; left: number; right: number; bottom: number; top: number };

/** Each page's text pieces as boxes in PDF points (origin at the bottom left). */
async function textBoxes(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: { width: number; height: number; boxes: Box[] }[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const boxes: Box[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , c, d, x, y] = item.transform;
      const size = Math.hypot(c, d);
      // From the baseline: a fifth of the size below it for descenders, four fifths above.
      boxes.push({ text: item.str, left: x, right: x + item.width, bottom: y - 0.2 * size, top: y + 0.8 * size });
    }
    pages.push({ width, height, boxes });
  }
  return pages;
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom) > 0.5;

for (const language of LANGUAGES) {
  test(`the printed plan's text stays inside the A4 margins and never overlaps in ${language}`, async ({ page }, info) => {
    await page.clock.setFixedTime(TODAY);
    const plan = new PlanPage(page, TEXTS[language]);
    await plan.goto();
    await plan.chooseLanguage('en', language);
    await plan.openWith(planBackup({ belief: 2, plan: LONG_PLAN }));
    await plan.goto('counsellor/p1/plan/print');
    const chart = page.locator('#print-chart');
    await expect(chart.locator('canvas')).toBeVisible();
    await page.emulateMedia({ media: 'print' });

    // The chart is a picture in the PDF, so its own box is measured in the print layout: the
    // canvas (with its legend) inside its box, and the focus list below it.
    const [canvas, box, list] = await page.evaluate(() => {
      const chart = document.getElementById('print-chart')!;
      const rect = (el: Element) => el.getBoundingClientRect().toJSON();
      return [rect(chart.querySelector('canvas')!), rect(chart), rect(chart.nextElementSibling!)];
    });
    // ECharts sizes its canvas in whole pixels: a pixel of rounding is not a spill.
    expect(canvas.bottom).toBeLessThanOrEqual(box.bottom + 1.5);
    expect(canvas.right).toBeLessThanOrEqual(box.right + 1.5);
    expect(list.top).toBeGreaterThanOrEqual(canvas.bottom - 1.5);

    // Paper cannot scroll: nothing of a table (text or its border) lies past its box.
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('.plan-print .table-scroll')].map((box) => {
        const table = box.querySelector('table')!.getBoundingClientRect();
        return { hidden: box.scrollWidth - box.clientWidth, right: table.right - box.getBoundingClientRect().right };
      }),
    );
    for (const table of tables) {
      expect(table.hidden).toBeLessThanOrEqual(0);
      expect(table.right).toBeLessThanOrEqual(0.5);
    }

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync('test-results/screens', { recursive: true });
    writeFileSync(`test-results/screens/plan-print-${language}-${info.project.name}.pdf`, pdf);
    const pages = await textBoxes(pdf);
    const words = pages.flatMap((p) => p.boxes.map((b) => b.text)).join(' ');
    // The drawing's text is there to be checked: a month name and an activity.
    expect(words).toContain(TEXTS[language].interventions_work_trial);
    expect(words).toContain('2027');

    const problems: string[] = [];
    for (const [index, { width, height, boxes }] of pages.entries()) {
      expect(Math.round(width / MM), 'A4 width').toBe(210);
      expect(Math.round(height / MM), 'A4 height').toBe(297);
      for (const b of boxes) {
        if (b.left < MARGIN - 1 || b.right > width - MARGIN + 1 || b.bottom < MARGIN - 3 || b.top > height - MARGIN + 3) {
          problems.push(`page ${index + 1}: "${b.text}" crosses the margin`);
        }
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          if (overlap(boxes[i], boxes[j])) problems.push(`page ${index + 1}: "${boxes[i].text}" overlaps "${boxes[j].text}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
}
