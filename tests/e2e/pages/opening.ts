import { type Page, expect } from '@playwright/test';
import { generatedCaseload, seed } from './caseload';

// A large caseload's list drawn before its records are read (src/pages/counsellor/opening.rs).

/**
 * `people` generated people saved by this build, so that the stored head carries everyone's
 * list summary: seeded as an earlier build left them, then one more added (Zara Ny).
 */
export async function savedLargeCaseload(page: Page, people: number) {
  await seed(page, generatedCaseload(people, 2));
  await page.goto('counsellor');
  await page.locator('#participant-name').fill('Zara Ny');
  await page.locator('form.add-form button[type="submit"]').click();
  await expect(page.locator('main ul.caseload > li')).toHaveCount(people + 1);
}

/**
 * On every load from now on: the moment the list drawn first is there, its first row is tapped
 * in this same page; its href is kept as `window.tapped` (gone if the page loaded again).
 */
export async function tapFirstRowDrawnFirst(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { tapped?: string };
    new MutationObserver(() => {
      const link = document.querySelector<HTMLAnchorElement>('main#main ul.caseload[aria-busy="true"] a');
      if (link && !w.tapped) {
        w.tapped = link.getAttribute('href')!;
        link.click();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export const tapped = (page: Page) => page.evaluate(() => (window as unknown as { tapped?: string }).tapped);

/** Expects `drawnFirst` (a list's HTML) to be the rows the page now draws from the records. */
export async function expectSameRows(page: Page, drawnFirst: string) {
  const rows = (html: string) => html.replace(/<!--[^>]*-->/g, '');
  expect(rows(drawnFirst)).toBe(rows(await page.locator('main ul.caseload').innerHTML()));
}
