// Trunk post-build hook: ECharts is only needed where a chart is drawn, so instead of loading it on
// every page, the script tag Trunk wrote (hashed name, integrity) becomes a meta tag that the chart
// component reads to add the script when a chart first shows (src/components/echarts_loader.rs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
const html = readFileSync(file, 'utf8');
const tag = /<script src="([^"]*\/echarts-[0-9a-f]+\.js)"[^>]*?\bintegrity="([^"]+)"[^>]*><\/script>/;
const found = html.match(tag);
if (!found) {
  console.error(`lazy-echarts: no ECharts script tag in ${file}`);
  process.exit(1);
}
const [, src, integrity] = found;
writeFileSync(file, html.replace(tag, `<meta name="stegvis-echarts" content="${src}" data-integrity="${integrity}" />`));
