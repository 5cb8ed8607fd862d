import { expect, test } from './fixtures';
import { ITEMS } from './pages/questionnaire';
import { backup, openParticipant } from './pages/progress';

test('trace: diagram with 12 rounds', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'once');
  test.setTimeout(120_000);
  const rounds = Array.from({ length: 12 }, (_, i) => ITEMS.map((_, item) => ((i + item) % 5) + 1));
  await openParticipant(page, backup(rounds));
  const cdp = await page.context().newCDPSession(page);
  for (let run = 0; run < 3; run++) {
    await page.goto('counsellor');
    await expect(page.getByRole('link', { name: /Lane/ })).toBeVisible();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const events: any[] = [];
    const collect = ({ value }: any) => events.push(...value);
    cdp.on('Tracing.dataCollected', collect);
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    const start = Date.now();
    await page.getByRole('link', { name: /Lane/ }).click();
    await page.waitForFunction(() => {
      const el = document.getElementById('participant-chart');
      const chart = el && (window as any).echarts && (window as any).echarts.getInstanceByDom(el);
      return chart && chart.getOption().series.length === 12;
    });
    const ms = Date.now() - start;
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const tid = events.filter((e) => e.name === 'EventDispatch').map((e) => e.tid)[0];
    const top = events.filter((e) => e.tid === tid && e.name === 'RunTask' && e.dur > 5000);
    const t0 = top[0]?.ts ?? 0;
    console.log(`run ${run}: ${ms} ms; tasks > 5 ms:`, top.map((e) => `${((e.ts - t0) / 1000) | 0}+${(e.dur / 1000) | 0}`).join(' '));
    for (const task of top.filter((t) => t.dur > 30000)) {
      const sums = new Map<string, number>();
      for (const e of events) {
        if (e.tid !== tid || !e.dur || e.ts < task.ts || e.ts >= task.ts + task.dur || e.name === 'RunTask') continue;
        const key = e.name === 'EvaluateScript' || e.name === 'v8.compile' ? `${e.name}(${(e.args?.data?.url ?? '').replace(/.*\//, '')})` : e.name;
        sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
      }
      console.log('   ', [...sums].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
    }
  }
});
