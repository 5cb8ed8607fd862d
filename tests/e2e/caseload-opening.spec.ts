import { expect, test } from './fixtures';
import { axeViolations, deviceStorage } from './pages/app';
import { expectSameRows, savedLargeCaseload, tapFirstRowDrawnFirst, tapped } from './pages/opening';
import { LANGUAGES, TEXTS } from './locales';
import { LockPage } from './pages/lock';

// Issue 31: a large caseload's list is drawn from the summaries in the stored head before its
// records are read (src/pages/counsellor/opening.rs), then the page takes its place. Here the
// list drawn first is kept as the page saw it, and compared with the page's own.

const PEOPLE = 320; // over opening::FROM_PEOPLE

/** Keeps the HTML of each list drawn while the records are read (marked busy), on every load. */
async function keepListsDrawnFirst(page: import('@playwright/test').Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { drawnFirst: string[] };
    w.drawnFirst = [];
    new MutationObserver(() => {
      const busy = document.querySelector('main#main ul.caseload[aria-busy="true"]');
      if (busy && w.drawnFirst.length === 0) {
        const status = document.querySelector('main#main .worklist-status')?.textContent ?? '';
        w.drawnFirst.push(busy.innerHTML, status, document.querySelector('main#main')!.outerHTML);
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

const drawnFirst = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { drawnFirst: string[] }).drawnFirst);

test('a large list is drawn before the records are read, as the page then draws it, with the address’s search and sort', async ({ page }) => {
  await keepListsDrawnFirst(page);
  // Any save writes the head with everyone's summary.
  await savedLargeCaseload(page, PEOPLE);
  // Stored by an earlier build (no summaries in its head): the records were read first.
  expect(await drawnFirst(page)).toEqual([]);
  expect((await deviceStorage(page))['stegvis.data']).toContain('"list":[');

  await page.goto('counsellor?sort=name');
  await expect(page.locator('#worklist-search')).toBeVisible();
  const [first, status] = await drawnFirst(page);
  expect(status).toBe(TEXTS.en.worklist_opening);
  // The same rows, in the same words and order, as the page draws from the records.
  await expectSameRows(page, first);
  expect(first).toContain('Zara Ny');
  await expect(page.locator('main ul.caseload[aria-busy]')).toHaveCount(0);

  // A search in the address: only the people it finds are drawn first.
  await page.goto('counsellor?q=Person%2031');
  await expect(page.locator('#worklist-search')).toHaveValue('Person 31');
  const [found] = await drawnFirst(page);
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
  const shown = await page
    .locator('main ul.caseload > li:not([hidden]) a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs(found)).toEqual(shown);
  expect(shown).toHaveLength(10); // Person 310–319
});

test('the list drawn first speaks each language and passes axe, phone and desktop', async ({ page }, info) => {
  test.setTimeout(120_000); // four languages, each a reload of 321 people and an axe check
  await keepListsDrawnFirst(page);
  await savedLargeCaseload(page, PEOPLE);
  await deviceStorage(page); // the save is written
  for (const language of LANGUAGES) {
    await page.evaluate((tag) => localStorage.setItem('stegvis.language', JSON.stringify(tag)), language);
    await page.reload();
    await expect(page.locator('#worklist-search')).toBeVisible();
    const [, status, main] = await drawnFirst(page);
    expect(status).toBe(TEXTS[language].worklist_opening);
    // The page as it was while the records were read, put back to be looked at.
    await page.evaluate((html) => (document.querySelector('main#main')!.outerHTML = html), main);
    await expect(page.locator('main ul.caseload[aria-busy="true"] > li')).toHaveCount(PEOPLE + 1);
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/opening-${language}-${info.project.name}.png` });
  }
});

/** A large caseload stored by this build (its head with everyone's summary) and then locked. */
async function lockedLargeCaseload(page: import('@playwright/test').Page) {
  await savedLargeCaseload(page, PEOPLE);
  const lock = new LockPage(page);
  await lock.open();
  await lock.setLock();
  return lock;
}

test('locked: once unlocked, the list is drawn from the sealed head before the records are opened, as the page then draws it', async ({ page }) => {
  const lock = await lockedLargeCaseload(page);
  expect((await deviceStorage(page))['stegvis.data']).not.toContain('Zara');
  await keepListsDrawnFirst(page);
  await page.goto('counsellor');
  await lock.expectLocked();
  expect(await drawnFirst(page)).toEqual([]);
  await lock.unlock();
  await expect(page.locator('#worklist-search')).toBeVisible();
  const [first, status] = await drawnFirst(page);
  expect(status).toBe(TEXTS.en.worklist_opening);
  await expectSameRows(page, first);
  expect(first).toContain('Zara Ny');
  // Every record opened: her page is there.
  await page.getByRole('link', { name: /Zara Ny/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Zara Ny/ })).toBeVisible();
});

test('locked: a wrong passphrase draws nothing, and erasing from the unlock screen erases the records not yet read', async ({ page }) => {
  const lock = await lockedLargeCaseload(page);
  await keepListsDrawnFirst(page);
  await page.goto('counsellor');
  await lock.expectLocked();
  await lock.unlock('not the passphrase');
  await expect(page.locator('#unlock-message')).toHaveText(lock.t.lock_wrong_secret);
  expect(await drawnFirst(page)).toEqual([]);
  await expect(lock.unlockHeading()).toBeVisible();
  await page.getByRole('button', { name: lock.t.lock_erase_button }).click();
  await page.getByRole('dialog').getByRole('button', { name: lock.t.lock_erase_yes }).click();
  await lock.expectHeading(lock.t, 'caseload_title');
  await expect(page.getByText(lock.t.caseload_empty)).toBeVisible();
  const left = Object.keys(await lock.storage()).filter((k) => k.startsWith('stegvis.person.'));
  expect(left).toEqual([]);
});

test('locked: a row tapped while the records are read opens her page once they are, without a second unlock', async ({ page }) => {
  const lock = await lockedLargeCaseload(page);
  await tapFirstRowDrawnFirst(page);
  await page.goto('counsellor?sort=name');
  await lock.expectLocked();
  await lock.unlock();
  await expect(page).toHaveURL(/\/counsellor\/p0$/);
  await expect(page.getByRole('heading', { level: 1, name: /Person 000/ })).toBeVisible();
  // The same document: the tap was kept, not followed by loading the app (and its lock) again.
  expect(await tapped(page)).toMatch(/\/counsellor\/p0$/);
  await expect(lock.unlockHeading()).toHaveCount(0);
});
