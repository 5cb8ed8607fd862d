import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { axeViolations as axe } from './pages/app';
import { LANGUAGES, TEXTS, type Texts } from './locales';
import { fill } from './pages/data';
import { Handover, V2, device, payload } from './pages/handover';
import { PlanPage, planBackup } from './pages/plan';

// Two devices are made inside each test; the phone and desktop projects would only repeat it.
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'desktop', 'plays both devices itself');
  test.setTimeout(120_000);
});

/** Sixty characters: the size the issue gives for every text of a plan. */
const sixty = (label: string) => `${`${label} ${'öva att söka jobb och skriva ett cv varje vecka '.repeat(3)}`.slice(0, 59)}.`;

/** One goal, four sub-goals and six activities of 60 characters. */
function sizedPlan() {
  return {
    focus_items: ['job_chances', 'health'],
    sub_goals: [1, 2, 3, 4].map((n) => ({
      id: `s${n}`, text: sixty(`Delmål ${n}`), status: n === 1 ? 'under_way' : 'not_started', ...(n % 2 ? { due: '2027-02-15' } : {}),
    })),
    activities: [1, 2, 3, 4, 5, 6].map((n) => ({
      id: `a${n}`, own_text: sixty(`Aktivitet ${n}`), group: n < 3 ? 'job_focused' : 'social',
      start: `2027-01-${10 + n}`, ...(n % 2 ? { end: '2027-03-31' } : {}), responsible: n % 2 ? 'Ada' : 'Lane', status: 'planned',
    })),
  };
}

/** On the laptop: the plan page's "Give the plan", by keyboard; returns the link and the digits. */
async function givePlan(page: Page, t: Texts): Promise<{ link: string; digits: string }> {
  const section = page.locator('.give-plan');
  await expect(section.getByRole('heading', { name: fill(t.her_plan_give_heading, { name: 'Lane' }) })).toBeVisible();
  await section.getByRole('button', { name: t.her_plan_give_button }).focus();
  await page.keyboard.press('Enter');
  // Version 3: digits, and which activities are shipped ones.
  await expect(section.locator('#handover-link')).toHaveValue(/\/my-plan#U1AD/);
  const link = await section.locator('#handover-link').inputValue();
  const digits = (await section.locator('.code-digits').innerText()).trim();
  expect(digits).toMatch(/^\d{5} \d{5}$/);
  // The digits are never part of what travels.
  expect(link).not.toContain(digits.replace(' ', ''));
  return { link, digits };
}

/** On the phone: the plan's link opened, the digits typed. */
async function openOnPhone(page: Page, t: Texts, link: string, digits: string) {
  await page.goto(link.replace(/^https?:\/\/[^/]+\//, ''));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.her_plan_title);
  expect(page.url()).not.toContain('#');
  await page.getByLabel(t.her_plan_code_label, { exact: true }).fill(digits);
  await page.getByRole('button', { name: t.her_plan_open_button }).click();
}

test('the plan goes from the laptop to her phone by its code and link, opens offline, into her calendar, and is hers to remove', async ({ browser, baseURL }, info) => {
  const t = TEXTS.en;
  const laptop = await device(browser, baseURL!, 'laptop');
  await laptop.page.setViewportSize({ width: 1920, height: 1080 });
  const phone = await device(browser, baseURL!, 'phone');
  const plan = new PlanPage(laptop.page);
  await plan.openWith(planBackup({ plan: sizedPlan() }));
  // Where an activity happens is typed on its row and goes with the plan.
  await laptop.page.locator('.activity').nth(1).getByLabel(t.plan_activity_place_label, { exact: true }).fill('Jobbtorget, plan 2');
  const { link, digits } = await givePlan(laptop.page, t);

  // The code, as her phone's camera sees the laptop's screen: a 1080p photo, read by zbar.
  const code = laptop.page.locator('.plan-code svg');
  const version = Number(await code.getAttribute('data-version'));
  expect(version).toBeLessThanOrEqual(25);
  await code.scrollIntoViewIfNeeded();
  const screen = info.outputPath('laptop-screen.png');
  await laptop.page.screenshot({ path: screen });
  const photo = info.outputPath('phone-photo.png');
  // Slightly turned and soft, as a hand-held photo of a screen is.
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', screen, '-vf', 'rotate=0.03:fillcolor=white,gblur=sigma=0.8,scale=1920:1080', photo]);
  const read = execFileSync('zbarimg', ['--quiet', '--raw', photo], { encoding: 'utf8' }).trim();
  expect(read).toBe(link);
  console.log(`[her-plan] a plan of 1 goal, 4 sub-goals, 6 activities: ${link.length} characters of link, QR version ${version}`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-her-plan.json', JSON.stringify({ link_chars: link.length, version }));

  // On her phone: a mistyped digit opens nothing and says so; the right ones keep the plan.
  await openOnPhone(phone.page, t, link, '12345 67890');
  await expect(phone.page.getByRole('alert')).toHaveText(t.handover_error_wrong_code);
  expect(await axe(phone.page)).toEqual([]);
  await phone.page.getByLabel(t.her_plan_code_label, { exact: true }).fill(digits);
  await phone.page.getByRole('button', { name: t.her_plan_open_button }).click();
  await expect(phone.page.getByRole('status').filter({ hasText: t.her_plan_saved })).toBeVisible();
  await expect(phone.page.getByText(sixty('Delmål 3'))).toBeVisible();
  await expect(phone.page.getByText(sixty('Aktivitet 6'))).toBeVisible();
  await expect(phone.page.getByText(fill(t.her_plan_place, { place: 'Jobbtorget, plan 2' }))).toBeVisible();
  await expect(phone.page.getByText(fill(t.her_plan_from, { counsellor: 'Ada', date: '' }).trim().replace(/,$/, ''))).toBeVisible();
  await expect(phone.page.locator('#participant-chart')).toBeVisible();
  expect(await axe(phone.page)).toEqual([]);
  await phone.page.screenshot({ path: info.outputPath('my-plan-phone.png'), fullPage: true });

  // Into her calendar: every date, and the next meeting with a reminder.
  const [download] = await Promise.all([
    phone.page.waitForEvent('download'),
    phone.page.getByRole('button', { name: t.her_plan_calendar_all }).click(),
  ]);
  const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  expect(events.map((e) => e.summary)).toEqual([1, 2, 3, 4, 5, 6].map((n) => sixty(`Aktivitet ${n}`)).concat(t.her_plan_calendar_follow_up));
  expect(events[0].startDate.toString()).toBe('2027-01-11');
  expect(events[0].description).toBe(`${fill(t.her_plan_responsible, { name: 'Ada' })}\n${fill(t.her_plan_calendar_until, { date: '31 Mar 2027' })}`);
  expect(events[1].location).toBe('Jobbtorget, plan 2');
  expect(events[0].location).toBeNull();
  expect(events[6].component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString()).toBe('-P1D');
  const [one] = await Promise.all([
    phone.page.waitForEvent('download'),
    phone.page.getByRole('button', { name: `${t.her_plan_calendar_one}: ${sixty('Aktivitet 2')}` }).click(),
  ]);
  const single = new ICAL.Component(ICAL.parse(readFileSync((await one.path())!, 'utf8')));
  expect(single.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'))).toEqual([sixty('Aktivitet 2')]);

  // The same link again changes nothing, and says so.
  await openOnPhone(phone.page, t, link, digits);
  await expect(phone.page.getByRole('alert')).toHaveText(t.handover_error_older_plan);
  await expect(phone.page.getByText(sixty('Delmål 3'))).toBeVisible();

  // A link changed on the way does not open.
  const [address, payload] = link.split('#');
  const at = Math.floor(payload.length * 0.6);
  const altered = `${address}#${payload.slice(0, at)}${payload[at] === 'A' ? 'B' : 'A'}${payload.slice(at + 1)}`;
  await openOnPhone(phone.page, t, altered, digits);
  await expect(phone.page.getByRole('alert')).toHaveText(t.handover_error_wrong_code);

  // Offline, after this one visit: the plan is still there.
  await phone.page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await phone.context.setOffline(true);
  await phone.page.goto('my-plan');
  await expect(phone.page.getByText(sixty('Delmål 3'))).toBeVisible();
  await phone.page.goto('');
  await expect(phone.page.getByRole('link', { name: new RegExp(t.her_plan_title) })).toBeVisible();
  await phone.context.setOffline(false);

  // A newer plan from the laptop replaces it and says what changed.
  await laptop.page.locator('.sub-goal').first().getByLabel(t.plan_subgoal_status_label).selectOption({ label: t.plan_subgoal_reached });
  const newer = await givePlan(laptop.page, t);
  await openOnPhone(phone.page, t, newer.link, newer.digits);
  await expect(phone.page.getByRole('status').filter({ hasText: t.her_plan_replaced })).toContainText(
    fill(t.her_plan_change_status, { text: sixty('Delmål 1'), status: t.plan_subgoal_reached }),
  );

  // Hers to remove.
  await phone.page.getByRole('button', { name: t.her_plan_remove }).click();
  await phone.page.getByRole('dialog').getByRole('button', { name: t.her_plan_remove_yes }).click();
  await expect(phone.page.getByRole('status').filter({ hasText: t.her_plan_removed })).toBeVisible();
  await expect(phone.page.getByText(t.her_plan_none)).toBeVisible();
  await phone.page.goto('');
  await expect(phone.page.getByRole('link', { name: new RegExp(t.her_plan_title) })).toHaveCount(0);

  expect([...laptop.problems, ...phone.problems]).toEqual([]);
  await laptop.context.close();
  await phone.context.close();
});

test('a plan made by version 1 keeps opening on her phone', async ({ browser, baseURL }) => {
  const t = TEXTS.en;
  const phone = await device(browser, baseURL!, 'phone');
  const fixture = readFileSync('tests/fixtures/handover/plan-v1.txt', 'utf8').trim();
  await openOnPhone(phone.page, t, `my-plan#${fixture.split('#')[1]}`, '٣١٤١٥ ٩٢٦٥٣');
  await expect(phone.page.getByRole('status').filter({ hasText: t.her_plan_saved })).toBeVisible();
  await expect(phone.page.getByText('From Ada Lund')).toBeVisible();
  // Not a plan: an answers link opened here says what it is.
  const reply = readFileSync('tests/fixtures/handover/reply-v1.txt', 'utf8').trim();
  await phone.page.goto(`my-plan#${reply.split('#')[1]}`);
  await expect(phone.page.getByRole('alert')).toHaveText(t.handover_error_not_a_plan);
  expect(phone.problems).toEqual([]);
  await phone.context.close();
});

test('where her answers came from her phone, the plan is sealed to that phone and opens there with nothing to type', async ({ browser, baseURL }, info) => {
  const t = TEXTS.en;
  const laptop = await device(browser, baseURL!, 'laptop');
  const phone = await device(browser, baseURL!, 'phone');
  const other = await device(browser, baseURL!, 'phone');
  const l = new Handover(laptop.page, t);
  const p = new Handover(phone.page, t);
  const here = (link: string) => link.replace(/^https?:\/\/[^/]+\//, '');

  // Her answers come from her phone, which keeps its key (a reply of version 2).
  const invitation = await l.invite('Lane');
  await phone.page.goto(here(invitation));
  await phone.page.getByRole('button', { name: t.self_start }).click();
  await p.answerAll();
  const reply = await p.shownLink();
  expect(payload(reply).slice(0, 4)).toBe('U1IC');
  await l.goto(`receive#${payload(reply)}`);
  await l.add();
  await expect(laptop.page.locator('main').getByRole('status')).toContainText(t.handover_receive_added.split('{')[0]);

  // Her plan, built on the laptop and given: sealed to her phone, with no digits.
  await laptop.page.getByRole('link', { name: fill(t.handover_back_to, { name: 'Lane' }) }).click();
  await laptop.page.getByRole('link', { name: t.plan_open, exact: true }).click();
  await new PlanPage(laptop.page, t).addSubGoal('Söka tre jobb i veckan');
  const section = laptop.page.locator('.give-plan');
  await section.getByRole('button', { name: t.her_plan_give_button }).focus();
  await laptop.page.keyboard.press('Enter');
  await expect(section.locator('#handover-link')).toHaveValue(/\/my-plan#U1AC/);
  const link = await section.locator('#handover-link').inputValue();
  await expect(section.getByText(fill(t.her_plan_give_phone_help, { name: 'Lane' }))).toBeVisible();
  await expect(section.getByRole('img', { name: t.her_plan_give_qr_label })).toBeVisible();
  await expect(section.locator('.code-digits')).toHaveCount(0);
  expect(await axe(laptop.page)).toEqual([]);
  await section.screenshot({ path: info.outputPath('give-to-her-phone.png') });

  // Her phone opens it at once.
  await phone.page.goto(here(link));
  await expect(phone.page.getByRole('status').filter({ hasText: t.her_plan_saved })).toBeVisible();
  await expect(phone.page.getByText('Söka tre jobb i veckan')).toBeVisible();
  await expect(phone.page.getByLabel(t.her_plan_code_label, { exact: true })).toHaveCount(0);
  expect(await axe(phone.page)).toEqual([]);
  // The same plan again changes nothing.
  await phone.page.goto(here(link));
  await expect(phone.page.getByRole('alert')).toHaveText(t.handover_error_older_plan);

  // Another phone is told to ask for the plan with numbers; the laptop gives it so.
  await other.page.goto(here(link));
  await expect(other.page.getByRole('alert')).toHaveText(t.handover_error_for_another_phone);
  expect(await axe(other.page)).toEqual([]);
  await other.page.screenshot({ path: info.outputPath('another-phone.png') });
  await section.getByRole('button', { name: t.her_plan_give_with_digits }).focus();
  await laptop.page.keyboard.press('Enter');
  await expect(section.locator('#handover-link')).toHaveValue(/\/my-plan#U1AD/);
  const withDigits = await section.locator('#handover-link').inputValue();
  const digits = (await section.locator('.code-digits').innerText()).trim();
  await openOnPhone(other.page, t, withDigits, digits);
  await expect(other.page.getByRole('status').filter({ hasText: t.her_plan_saved })).toBeVisible();
  await expect(other.page.getByText('Söka tre jobb i veckan')).toBeVisible();

  expect([...laptop.problems, ...phone.problems, ...other.problems]).toEqual([]);
  for (const d of [laptop, phone, other]) await d.context.close();
});

test('version 2: a reply from a phone that keeps its key, and a plan sealed to that phone, made by another implementation', async ({ browser, baseURL }) => {
  const t = TEXTS.en;
  const fixture = (name: string) => readFileSync(`tests/fixtures/handover/${name}`, 'utf8').trim();
  const phoneData = 'tests/fixtures/handover/phone-v2.json';
  const phoneKey = JSON.parse(fixture('phone-v2.json')).data.handover.device_key.public_raw;
  const laptop = await device(browser, baseURL!, 'laptop', 'en-GB', V2);
  const l = new Handover(laptop.page, t);
  await l.goto(`receive#${payload(fixture('reply-v2.txt'))}`);
  await expect(laptop.page.getByText('Jag vill jobba i butik.')).toBeVisible();
  await l.add();
  await expect(laptop.page.locator('main').getByRole('status')).toContainText(t.handover_receive_added.split('{')[0]);
  expect((await l.stored()).handover.sent[0].phone_key).toBe(phoneKey);

  const phone = await device(browser, baseURL!, 'phone', 'en-GB', phoneData);
  await phone.page.goto(`my-plan#${payload(fixture('plan-v2.txt'))}`);
  await expect(phone.page.getByRole('status').filter({ hasText: t.her_plan_saved })).toBeVisible();
  await expect(phone.page.getByText('From Ada Lund')).toBeVisible();
  expect([...laptop.problems, ...phone.problems]).toEqual([]);
  await laptop.context.close();
  await phone.context.close();
});

test("a shipped activity is named on her phone in her language, one she named herself in her words", async ({ browser, baseURL }, info) => {
  const sv = TEXTS.sv;
  const ar = TEXTS.ar;
  const laptop = await device(browser, baseURL!, 'laptop', 'sv-SE');
  const phone = await device(browser, baseURL!, 'phone', 'ar-SY');
  await new PlanPage(laptop.page, sv).openWith(planBackup({
    plan: {
      focus_items: [],
      sub_goals: [],
      activities: [
        { id: 'a1', catalogue_id: 'work_trial', group: 'job_focused', start: '2027-01-11', responsible: 'Ada', status: 'planned' },
        { id: 'a2', own_text: 'Simma på tisdagar', group: 'health', start: '2027-01-12', responsible: 'Lane', status: 'planned' },
      ],
    },
  }));
  await expect(laptop.page.locator('.activity').first()).toContainText(sv.interventions_work_trial);
  const { link, digits } = await givePlan(laptop.page, sv);
  await openOnPhone(phone.page, ar, link, digits);
  await expect(phone.page.getByRole('status').filter({ hasText: ar.her_plan_saved })).toBeVisible();
  expect(ar.interventions_work_trial).not.toBe(TEXTS.en.interventions_work_trial);
  await expect(phone.page.getByText(ar.interventions_work_trial, { exact: true })).toBeVisible();
  await expect(phone.page.getByText(sv.interventions_work_trial)).toHaveCount(0);
  await expect(phone.page.getByText('Simma på tisdagar', { exact: true })).toBeVisible();
  // Its status too is in her language.
  await expect(phone.page.getByText(ar.plan_activity_planned, { exact: true })).toHaveCount(2);
  expect(await axe(phone.page)).toEqual([]);
  await phone.page.screenshot({ path: info.outputPath('my-plan-ar.png'), fullPage: true });
  expect([...laptop.problems, ...phone.problems]).toEqual([]);
  await laptop.context.close();
  await phone.context.close();
});

for (const language of LANGUAGES) {
  test(`giving and opening a plan in ${language} passes axe and speaks the language`, async ({ browser, baseURL }) => {
    const t = TEXTS[language];
    const laptop = await device(browser, baseURL!, 'laptop', language);
    const phone = await device(browser, baseURL!, 'phone', language);
    const plan = new PlanPage(laptop.page, t);
    await plan.openWith(planBackup({ plan: sizedPlan() }));
    const { link, digits } = await givePlan(laptop.page, t);
    await expect(laptop.page.getByRole('img', { name: t.her_plan_give_qr_label })).toBeVisible();
    expect(await axe(laptop.page)).toEqual([]);
    await openOnPhone(phone.page, t, link, digits);
    await expect(phone.page.getByRole('status').filter({ hasText: t.her_plan_saved })).toBeVisible();
    await expect(phone.page.getByRole('heading', { name: t.her_plan_sub_goals_heading })).toBeVisible();
    expect(await axe(phone.page)).toEqual([]);
    expect([...laptop.problems, ...phone.problems]).toEqual([]);
    await laptop.context.close();
    await phone.context.close();
  });
}
