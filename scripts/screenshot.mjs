// Screenshots one page of the release build for a person to look at.
// Usage: node scripts/screenshot.mjs WIDTH HEIGHT PATH [SELECTOR|page] OUT.png [LANG]
// SEED=file.json stores that file as the app's data first; MEDIA=print renders for paper.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
// SHOT_PORT lets several checkouts take screenshots at the same time.
const port = process.env.SHOT_PORT ?? '4181';
const srv = spawn('node', ['scripts/serve-dist.mjs', '--port', port], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 500));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const [w, h, path, sel, out, lang] = process.argv.slice(2);
const ctx = await b.newContext({ viewport: { width: +w, height: +h }, locale: lang || 'en' });
if (process.env.SEED) {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(process.env.SEED, 'utf8');
  await ctx.addInitScript(t => { if (!localStorage.getItem('stegvis.data')) localStorage.setItem('stegvis.data', t); }, text);
}
const p = await ctx.newPage();
if (process.env.MEDIA) await p.emulateMedia({ media: process.env.MEDIA });
await p.goto(`http://127.0.0.1:${port}/${path}`);
await p.waitForTimeout(1500);
if (sel && sel !== 'page') await p.locator(sel).screenshot({ path: out }); else await p.screenshot({ path: out, fullPage: true });
await b.close(); srv.kill();
