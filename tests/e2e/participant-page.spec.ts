import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TEXTS } from './locales';
import { AppShell } from './pages/app';
import { backup, openParticipant } from './pages/progress';
import { ITEMS } from './pages/questionnaire';

const t = TEXTS.en;

const oneRound = () => backup([ITEMS.map(() => 3)], ITEMS.map(() => 4));

const both = (page: Page) => page.getByRole('radio', { name: t.progress_view_both });

// Issue 11: the page read the participant in a plain closure, so any change rebuilt it and the
// chart fell back to the participant's view.
test('a change made in another tab keeps the chart view the counsellor chose', async ({ context }) => {
  const a = await context.newPage();
  await openParticipant(a, oneRound());
  await both(a).check();
  await expect(a.locator('li.round')).toHaveCount(1);
  const b = await context.newPage();
  await new AppShell(b).goto('counsellor/p1');
  await b.getByRole('button', { name: t.caseload_new_round }).click();
  await expect(b.locator('li.round')).toHaveCount(2);
  // Tab A follows the new round, and nothing else on it is drawn again.
  await expect(a.locator('li.round')).toHaveCount(2);
  await expect(both(a)).toBeChecked();
});
