// Screenshots of her whole path on a 390 px phone in one of her languages, for a person to look
// at (issue 33: right to left must look designed, not flipped by accident).
// Usage: node scripts/her-screens.mjs LANG OUT_DIR (LANG as a phone reports it: ar-SY, fa-AF, ti-ER).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

import { bundle } from './locales.mjs';

const [locale, out] = process.argv.slice(2);
const code = { fa: 'prs' }[locale.split('-')[0]] ?? locale.split('-')[0];
const t = bundle(code);
mkdirSync(out, { recursive: true });
const port = process.env.SHOT_PORT ?? '4182';
const server = spawn('node', ['scripts/serve-dist.mjs', '--port', port], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale, isMobile: true, hasTouch: true });
const page = await context.newPage();
const shot = async (name) => {
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${out}/${locale}-${name}.png`, fullPage: true });
};
await page.goto(`http://127.0.0.1:${port}/`);
await shot('1-home');
await page.goto(`http://127.0.0.1:${port}/participant`);
await shot('2-start');
await page.locator('#self-name').fill('Amal');
await page.locator('form.start-form button[type=submit]').click();
for (let n = 1; n <= 8; n++) {
  await page.locator('.scale-option input').nth((n % 5)).check();
  if (n === 1) {
    await page.locator('textarea').fill('Amal — جملة للتجربة');
    await shot('3-question');
  }
  await page.locator('.step-nav a.button:not(.secondary)').click();
}
await shot('4-summary');
await page.getByRole('button', { name: t.questions_done }).click();
await shot('5-thanks');
await browser.close();
server.kill();
