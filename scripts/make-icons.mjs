// Draws the app's PNG icons from public/favicon.svg, for the manifest and the iPhone Home Screen.
// Run it again after changing the SVG, and commit what it writes (the build copies them as they
// are): `node scripts/make-icons.mjs`. Uses the Chromium the browser tests use.
//
// - icon-192.png, icon-512.png: the icon as it is (rounded corners, transparent around them).
// - icon-maskable-512.png: for launchers that cut their own shape: the background fills the whole
//   square and the icon shrinks to 80%, inside the safe circle every shape keeps.
// - apple-touch-icon.png (180): the same full square; iOS rounds the corners itself and would
//   paint transparent corners black.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('public/favicon.svg', 'utf8');
const background = svg.match(/<rect[^>]*fill="([^"]+)"/)?.[1];
if (!background) throw new Error('make-icons: favicon.svg has no background <rect fill="…">');
const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
const fullSquare =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${background}"/>` +
  `<g transform="translate(6.4 6.4) scale(0.8)">${inner}</g></svg>`;

const icons = [
  ['public/icon-192.png', svg, 192],
  ['public/icon-512.png', svg, 512],
  ['public/icon-maskable-512.png', fullSquare, 512],
  ['public/apple-touch-icon.png', fullSquare, 180],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [file, source, size] of icons) {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
  await page.setContent(`<style>html,body{margin:0}img{display:block}</style><img src="${src}" width="${size}" height="${size}">`);
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: file, omitBackground: true });
  console.log(`${file}: ${size}×${size}`);
}
await browser.close();
