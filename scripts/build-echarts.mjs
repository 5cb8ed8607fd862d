// Bundles the parts of ECharts that Stegvis draws with into .build/echarts.js and sets
// window.echarts, which the chart component calls. Whole ECharts is 1.1 MB; this is about half.
// Spider diagrams are lines on polar axes (ECharts' radar cannot leave a gap for a missing answer);
// the organisation summary draws bars.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, '.build'), { recursive: true });

const entry = `
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent,
  PolarComponent, TitleComponent, TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
echarts.use([
  BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent,
  MarkLineComponent, PolarComponent, TitleComponent, TooltipComponent, CanvasRenderer,
]);
window.echarts = echarts;
`;

await build({
  stdin: { contents: entry, resolveDir: root, loader: 'js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'eof',
  outfile: join(root, '.build', 'echarts.js'),
  logLevel: 'warning',
});
