import { type Browser, type BrowserContext, type Page, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { TEXTS, type Texts } from '../locales';
import { AppShell, storedData } from './app';
import { ITEMS } from './questionnaire';

/** Data with a counsellor device key and an invitation for Björk's round of 14 July 2026. */
export const V2 = 'tests/fixtures/storage/v2.json';
export const FIXTURE_INVITATION = readFileSync('tests/fixtures/handover/invitation-v1.txt', 'utf8').trim();
export const FIXTURE_REPLY = readFileSync('tests/fixtures/handover/reply-v1.txt', 'utf8').trim();
export const FIXTURE_ROUND = '0b1c2d3e-0005-4000-8000-000000000005';

/** The payload of a fixture link, as it would travel to this app's origin. */
export function payload(link: string): string {
  return link.split('#')[1];
}

/**
 * Two devices: a counsellor's laptop and a participant's phone, each its own browser context
 * (separate storage), each guarded like every test page: no request off the origin, no
 * console error.
 */
export async function device(
  browser: Browser,
  baseURL: string,
  kind: 'laptop' | 'phone',
  locale = 'en-GB',
  seed?: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL,
    locale,
    ...(kind === 'phone'
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 800 } }),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  if (seed) {
    const text = readFileSync(seed, 'utf8');
    await context.addInitScript((t) => {
      if (!localStorage.getItem('stegvis.data')) localStorage.setItem('stegvis.data', t);
    }, text);
  }
  const page = await context.newPage();
  const origin = new URL(baseURL).origin;
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.push(`request: ${request.url()}`);
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return { context, page, problems };
}

/** The handover screens on either device. */
export class Handover extends AppShell {
  constructor(page: Page, readonly t: Texts = TEXTS.en) {
    super(page);
  }

  link() {
    return this.page.locator('#handover-link');
  }

  /** The link shown on an invite or thanks page, once it is ready. */
  async shownLink(): Promise<string> {
    await expect(this.link()).toHaveValue(/#/);
    return this.link().inputValue();
  }

  /** On the laptop: a participant with one round, invited; returns the invitation link. */
  async invite(name: string): Promise<string> {
    await this.goto('counsellor');
    await this.page.getByLabel(this.t.caseload_name_label).fill(name);
    await this.page.getByRole('button', { name: this.t.caseload_add_button }).click();
    await this.page.getByRole('link', { name }).click();
    await this.page.getByRole('button', { name: this.t.caseload_new_round }).click();
    await this.page.getByRole('link', { name: this.t.handover_invite_button }).click();
    await expect(this.page.getByRole('img', { name: this.t.handover_invite_qr_label })).toBeVisible();
    return this.shownLink();
  }

  /** On the phone: answer the eight questions (step n % 5 + 1, a comment where given), finish. */
  async answerAll(comments: Record<number, string> = {}) {
    for (let n = 1; n <= 8; n++) {
      await expect(this.heading()).toHaveText(this.t[`items_${ITEMS[n - 1]}_short`]);
      const label = this.t[`questions_${ITEMS[n - 1]}_step_${(n % 5) + 1}`];
      await this.page.getByRole('radio', { name: label, exact: true }).check();
      if (comments[n]) await this.page.getByLabel(this.t.questions_comment_label).fill(comments[n]);
      const next = n < 8 ? this.t.questions_next : this.t.questions_to_summary;
      await this.page.getByRole('link', { name: next }).click();
    }
    await this.page.getByRole('button', { name: this.t.questions_done }).click();
    await this.expectHeading(this.t, 'questions_thanks_title');
    await expect(this.page.getByRole('heading', { name: this.t.handover_send_heading })).toBeVisible();
  }

  /** On the laptop: the preview of a reply, then Add. */
  async add() {
    await this.page.getByRole('button', { name: this.t.handover_receive_add }).click();
  }

  async expectError(key: string) {
    await expect(this.page.getByRole('alert')).toHaveText(this.t[key]);
  }

  async stored(): Promise<any> {
    return storedData(this.page);
  }
}
