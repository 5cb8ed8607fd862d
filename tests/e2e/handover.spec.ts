import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { axeViolations as axe } from './pages/app';
import { LANGUAGES, TEXTS } from './locales';
import { fill } from './pages/data';
import { FIXTURE_INVITATION, FIXTURE_REPLY, FIXTURE_ROUND, Handover, V2, device, payload } from './pages/handover';

// Two devices are made inside each test; the phone and desktop projects would only repeat it.
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'desktop', 'plays both devices itself');
  test.setTimeout(90_000);
});

test('invite on the laptop, answer on the phone, send back by link and by file, receive once', async ({ browser, baseURL }) => {
  const laptop = await device(browser, baseURL!, 'laptop');
  const phone = await device(browser, baseURL!, 'phone');
  const l = new Handover(laptop.page);
  const p = new Handover(phone.page);

  const invitation = await l.invite('Kim');
  expect(invitation).not.toContain('Kim');

  await phone.page.goto(invitation.replace(/^https?:\/\/[^/]+\//, ''));
  await p.expectHeading(p.t, 'handover_invitation_title');
  // The payload leaves the address bar and history at once.
  expect(phone.page.url()).not.toContain('#');
  await phone.page.getByRole('button', { name: p.t.self_start }).click();
  await p.answerAll({ 1: 'I want to work in a shop', 4: 'Better this spring' });
  // Closing the browser and coming back to the invitation continues where she was.
  await phone.page.goto(invitation.replace(/^https?:\/\/[^/]+\//, ''));
  await p.expectHeading(p.t, 'questions_thanks_title');

  const reply = await p.shownLink();
  await phone.page.getByRole('button', { name: p.t.handover_send_show }).click();
  const code = phone.page.getByRole('img', { name: p.t.handover_send_qr_label });
  await expect(code).toBeVisible();
  const [download] = await Promise.all([
    phone.page.waitForEvent('download'),
    phone.page.getByRole('button', { name: p.t.handover_send_file }).click(),
  ]);
  const file = readFileSync((await download.path())!, 'utf8');
  expect(file.trim().split('#')[0]).toMatch(/\/receive$/);

  // A changed character: the seal does not open and nothing changes.
  const body = payload(reply);
  const middle = Math.floor(body.length * 0.7);
  const altered = body.slice(0, middle) + (body[middle] === 'A' ? 'B' : 'A') + body.slice(middle + 1);
  await l.goto(`receive#${altered}`);
  await l.expectError('handover_error_tampered');

  await l.goto(`receive#${payload(reply)}`);
  expect(laptop.page.url()).not.toContain('#');
  await expect(laptop.page.getByRole('heading', { name: /Kim/, level: 2 })).toBeVisible();
  await expect(laptop.page.getByText('I want to work in a shop')).toBeVisible();
  await l.add();
  await expect(laptop.page.locator('main').getByRole('status')).toContainText(l.t.handover_receive_added.split('{')[0]);
  await laptop.page.getByRole('link', { name: fill(l.t.handover_back_to, { name: 'Kim' }) }).click();
  await expect(laptop.page.getByText(`${l.t.caseload_part_participant}: ${l.t.caseload_status_done}`)).toBeVisible();
  await expect(laptop.page.locator('#participant-chart canvas')).toBeVisible();
  const stored = await l.stored();
  const part = stored.rounds[0].participant_part;
  expect(part.filled_by).toBe('participant');
  expect(part.answers.job_chances).toEqual({ value: 2, comment: 'I want to work in a shop' });

  // The same answers again, now from the file: nothing changes, and the screen says so.
  await l.goto('receive');
  await laptop.page.getByLabel(l.t.handover_receive_file_label).setInputFiles({
    name: 'stegvis-answers.txt', mimeType: 'text/plain', buffer: Buffer.from(file),
  });
  await l.add();
  await expect(laptop.page.locator('main').getByRole('status')).toContainText(l.t.handover_receive_already.split('{')[0]);
  expect(await l.stored()).toEqual(stored);

  expect([...laptop.problems, ...phone.problems]).toEqual([]);
  await laptop.context.close();
  await phone.context.close();
});

test('keyboard only: paste a reply link, open it and add it', async ({ browser, baseURL }) => {
  const laptop = await device(browser, baseURL!, 'laptop', 'en-GB', V2);
  const l = new Handover(laptop.page);
  await l.goto('receive');
  const field = laptop.page.getByLabel(l.t.handover_receive_paste_label);
  for (let i = 0; i < 30 && !(await field.evaluate((el) => el === document.activeElement)); i++) {
    await laptop.page.keyboard.press('Tab');
  }
  await laptop.page.keyboard.type(FIXTURE_REPLY);
  await laptop.page.keyboard.press('Enter');
  const add = laptop.page.getByRole('button', { name: l.t.handover_receive_add });
  await expect(add).toBeVisible();
  for (let i = 0; i < 40 && !(await add.evaluate((el) => el === document.activeElement)); i++) {
    await laptop.page.keyboard.press('Shift+Tab');
  }
  await laptop.page.keyboard.press('Enter');
  await expect(laptop.page.locator('main').getByRole('status')).toContainText(l.t.handover_receive_added.split('{')[0]);
  const round = (await l.stored()).rounds.find((r: any) => r.id === FIXTURE_ROUND);
  expect(round.participant_part.answers.job_chances.comment).toBe('Jag vill jobba i butik.');
  expect(laptop.problems).toEqual([]);
  await laptop.context.close();
});

test('what is not a reply for this device is refused with its own message', async ({ browser, baseURL }) => {
  const laptop = await device(browser, baseURL!, 'laptop', 'en-GB', V2);
  const other = await device(browser, baseURL!, 'laptop');
  const l = new Handover(laptop.page);
  const cases: [string, string][] = [
    [payload(FIXTURE_INVITATION), 'handover_error_invitation_not_reply'],
    [payload(FIXTURE_REPLY).slice(0, 60), 'handover_error_truncated'],
    ['eyJmb3JtYXQiOiJzdGVndmlzIn0', 'handover_error_not_stegvis'],
    [`U1ID${payload(FIXTURE_REPLY).slice(4)}`, 'handover_error_unknown_version'],
  ];
  for (const [text, key] of cases) {
    await l.goto(`receive#${text}`);
    await l.expectError(key);
  }
  // No camera here (a headless browser has none): the screen says so, and the link and file stay.
  await laptop.page.getByRole('button', { name: l.t.handover_receive_scan }).click();
  await expect(laptop.page.getByText(l.t.handover_receive_no_camera)).toBeVisible();
  await expect(laptop.page.getByLabel(l.t.handover_receive_paste_label)).toBeVisible();
  // A reply for the fixture's device does not open on another one.
  const o = new Handover(other.page);
  await o.goto(`receive#${payload(FIXTURE_REPLY)}`);
  await o.expectError('handover_error_not_for_this_device');
  // On a phone, a reply opened as an invitation says what it is.
  await o.goto(`invitation#${payload(FIXTURE_REPLY)}`);
  await o.expectError('handover_error_reply_not_invitation');
  expect([...laptop.problems, ...other.problems]).toEqual([]);
  await laptop.context.close();
  await other.context.close();
});

test('a phone with a finished round that was never sent offers to send that one', async ({ browser, baseURL }) => {
  const phone = await device(browser, baseURL!, 'phone');
  const p = new Handover(phone.page);
  await p.goto('participant');
  await phone.page.getByLabel(p.t.self_name_label).fill('Robin');
  await phone.page.getByRole('button', { name: p.t.self_start }).click();
  await p.answerAll().catch(() => {}); // no invitation yet: no send panel
  await p.expectHeading(p.t, 'questions_thanks_title');
  await phone.page.goto(`invitation#${payload(FIXTURE_INVITATION)}`);
  await phone.page.getByRole('button', { name: new RegExp(p.t.handover_invitation_send_earlier.split('{')[0]) }).click();
  await expect(phone.page.getByRole('heading', { name: p.t.handover_send_heading })).toBeVisible();
  // Version 2: this phone keeps its key, so that her plan can later be sealed to it.
  await expect(p.link()).toHaveValue(/\/receive#U1IC/);
  expect(phone.problems).toEqual([]);
  await phone.context.close();
});

for (const language of LANGUAGES) {
  test(`every handover screen in ${language} passes axe and speaks the language`, async ({ browser, baseURL }) => {
    const t = TEXTS[language];
    const laptop = await device(browser, baseURL!, 'laptop', language, V2);
    const phone = await device(browser, baseURL!, 'phone', language);
    const l = new Handover(laptop.page, t);
    const p = new Handover(phone.page, t);

    await l.goto(`round/${FIXTURE_ROUND}/invite`);
    await expect(laptop.page.getByRole('heading', { level: 1 })).toHaveText(fill(t.handover_invite_title, { name: 'Björk, Ø.' }));
    await expect(laptop.page.getByRole('img', { name: t.handover_invite_qr_label })).toBeVisible();
    expect(await l.shownLink()).toContain(payload(FIXTURE_INVITATION));
    expect(await axe(laptop.page)).toEqual([]);

    await phone.page.goto(`invitation#${payload(FIXTURE_INVITATION)}`);
    await p.expectHeading(t, 'handover_invitation_title');
    expect(await axe(phone.page)).toEqual([]);
    await phone.page.getByRole('button', { name: t.self_start }).click();
    await p.answerAll({ 2: 'ok' });
    await phone.page.getByRole('button', { name: t.handover_send_show }).click();
    await expect(phone.page.getByRole('img', { name: t.handover_send_qr_label })).toBeVisible();
    expect(await axe(phone.page)).toEqual([]);
    const reply = await p.shownLink();

    await l.goto(`receive#${payload(reply)}`);
    await expect(laptop.page.getByRole('button', { name: t.handover_receive_add })).toBeVisible();
    expect(await axe(laptop.page)).toEqual([]);
    await l.add();
    await expect(laptop.page.locator('main').getByRole('status')).toContainText(t.handover_receive_added.split('{')[0]);
    expect(await axe(laptop.page)).toEqual([]);
    expect([...laptop.problems, ...phone.problems]).toEqual([]);
    await laptop.context.close();
    await phone.context.close();
  });
}

test("the laptop reads the phone's code with its webcam", async ({ browser, baseURL }, info) => {
  const phone = await device(browser, baseURL!, 'phone');
  const p = new Handover(phone.page);
  await phone.page.goto(`invitation#${payload(FIXTURE_INVITATION)}`);
  await phone.page.getByRole('button', { name: p.t.self_start }).click();
  await p.answerAll();
  await phone.page.getByRole('button', { name: p.t.handover_send_show }).click();
  const code = phone.page.getByRole('img', { name: p.t.handover_send_qr_label });
  expect(Number(await code.getAttribute('data-version'))).toBeLessThanOrEqual(10);
  const shot = info.outputPath('reply-code.png');
  await code.screenshot({ path: shot });

  // The phone's screenshot as a video for Chromium's fake camera, framed like a 640x480 webcam.
  const video = info.outputPath('reply-code.y4m');
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y', '-loop', '1', '-i', shot, '-t', '2', '-r', '10', '-vf',
    'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p',
    video,
  ]);
  const withCamera = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const laptop = await device(withCamera, baseURL!, 'laptop', 'en-GB', V2);
  const l = new Handover(laptop.page);
  await l.goto('receive');
  await laptop.page.getByRole('button', { name: l.t.handover_receive_scan }).click();
  await expect(laptop.page.getByRole('button', { name: l.t.handover_receive_add })).toBeVisible({ timeout: 20_000 });
  await l.add();
  await expect(laptop.page.locator('main').getByRole('status')).toContainText(l.t.handover_receive_added.split('{')[0]);
  const round = (await l.stored()).rounds.find((r: any) => r.id === FIXTURE_ROUND);
  expect(round.participant_part.filled_by).toBe('participant');
  expect([...laptop.problems, ...phone.problems]).toEqual([]);
  await withCamera.close();
  await phone.context.close();
});
