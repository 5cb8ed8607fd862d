import { expect, test } from './fixtures';
import { TEXTS, num } from './locales';
import { axeViolations } from './pages/app';
import { fill } from './pages/data';
import { Handover, device } from './pages/handover';

// Issue 33.3 and 33.4: on a counsellor's laptop in Swedish, her part in Arabic. The language is
// chosen for her on her page and remembered; handed over, her questions are in Arabic with the
// Swedish beside them at a tap; given back, the laptop speaks Swedish again and shows her
// answers as she read them. The invitation carries her language (and her counsellor's) to her
// phone.

const sv = TEXTS.sv;
const ar = TEXTS.ar;

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'desktop', 'plays the laptop and the phone itself');
  test.setTimeout(90_000);
});

test('her part in Arabic on a Swedish laptop, both languages at a tap, and the invitation carries it', async ({ browser, baseURL }) => {
  const laptop = await device(browser, baseURL!, 'laptop', 'sv-SE');
  const l = new Handover(laptop.page, sv);
  const invitation = await l.invite('Amal');
  expect(invitation).toMatch(/\/invitation\?with=sv#/);

  // On her page: her language, remembered.
  await l.page.getByRole('link', { name: fill(sv.handover_back_to, { name: 'Amal' }) }).click();
  const choice = l.page.getByLabel(sv.her_language_choice_label);
  await choice.selectOption('ar');
  await l.page.reload();
  await l.waitForApp();
  await expect(l.page.getByLabel(sv.her_language_choice_label)).toHaveValue('ar');
  expect(await axeViolations(l.page)).toEqual([]);

  // Handed over: her questions in Arabic, right to left, the Swedish beside them at a tap.
  await l.page.getByRole('button', { name: sv.caseload_hand_over }).click();
  await expect(l.page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(l.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(l.heading()).toHaveText(ar.items_job_chances_short);
  const both = l.page.getByRole('button', { name: ar.her_language_both_languages });
  await both.click();
  await expect(both).toHaveAttribute('aria-pressed', 'true');
  const swedish = l.page.locator('.beside[lang="sv"]');
  await expect(swedish.first()).toHaveText(sv.questions_job_chances_question);
  await expect(swedish.nth(1)).toHaveText(sv.questions_job_chances_step_1);
  expect(await axeViolations(l.page)).toEqual([]);
  await l.page.getByRole('radio', { name: new RegExp(ar.questions_job_chances_step_4) }).check();
  // A reload keeps her part in her language.
  await l.page.reload();
  await l.waitForApp();
  await expect(l.heading()).toHaveText(ar.items_job_chances_short);

  // Given back: Swedish again, and her answer as she read it.
  await l.page.getByRole('button', { name: ar.dialogue_give_back }).click();
  await l.page.getByRole('button', { name: ar.dialogue_give_back_yes }).click();
  await expect(l.page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(l.page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(l.page.getByRole('heading', { level: 1 })).toHaveText('Amal');
  const wording = l.page.locator('.her-wording').first();
  await expect(wording).toContainText(fill(sv.her_language_her_wording, { language: 'العربية' }));
  await expect(wording.locator('[lang="ar"]')).toHaveText(`${num(ar, 4)}. ${ar.questions_job_chances_step_4}`);

  // The invitation now carries her language and her counsellor's to her phone.
  await l.page.getByRole('link', { name: sv.handover_invite_button }).first().click();
  const link = await l.shownLink();
  expect(link).toMatch(/\/invitation\?lang=ar&with=sv#/);
  const phone = await device(browser, baseURL!, 'phone', 'en-GB');
  const p = new Handover(phone.page, ar);
  await phone.page.goto(link.replace(/^https?:\/\/[^/]+\//, ''));
  await p.expectHeading(ar, 'handover_invitation_title');
  await expect(phone.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await phone.page.getByRole('button', { name: ar.self_start }).click();
  await expect(p.heading()).toHaveText(ar.items_job_chances_short);
  await phone.page.getByRole('button', { name: ar.her_language_both_languages }).click();
  await expect(phone.page.locator('.beside[lang="sv"]').first()).toHaveText(sv.questions_job_chances_question);
  expect(await axeViolations(phone.page)).toEqual([]);
  expect([...laptop.problems, ...phone.problems]).toEqual([]);
});
