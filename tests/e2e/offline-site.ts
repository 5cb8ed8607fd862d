import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Page, expect } from '@playwright/test';
import { test as guarded } from './fixtures';

/**
 * A copy of a release build, served by scripts/serve-dist.mjs on a port of its own. A test can
 * stop the server (then there is no network at all, whatever the browser emulates), start it
 * again, and turn the copy into a newer build. Every test gets a fresh origin, so no service
 * worker or cache is shared between tests.
 */
export class Site {
  private server?: ChildProcess;

  constructor(readonly dir: string, readonly port: number, readonly base: string) {}

  get url() {
    return `http://127.0.0.1:${this.port}${this.base}`;
  }

  async start() {
    const server = spawn('node', ['scripts/serve-dist.mjs', '--dir', this.dir, '--port', `${this.port}`, '--base', this.base]);
    await new Promise<void>((resolve, reject) => {
      server.stdout!.once('data', () => resolve());
      server.once('exit', (code) => reject(new Error(`the test server stopped (${code})`)));
    });
    this.server = server;
  }

  async stop() {
    const server = this.server;
    if (!server || server.exitCode !== null) return;
    await new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill();
    });
    this.server = undefined;
  }

  /** The build's version, as the post-build step wrote it into index.html. */
  version(): string {
    return readFileSync(join(this.dir, 'index.html'), 'utf8').match(/name="stegvis-offline" content="([^"]+)"/)![1];
  }

  /**
   * Turns this copy into a newer build, as a deploy would: index.html changes, then the
   * post-build step runs again and writes a new version and service worker. The changed files'
   * precompressed copies are removed (the server would send those otherwise).
   */
  newerBuild(): string {
    const index = join(this.dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</main>', '<p>A newer build.</p></main>'));
    execFileSync('node', ['scripts/service-worker.mjs', this.dir]);
    for (const file of ['index.html', 'sw.js']) {
      for (const suffix of ['.br', '.gz']) rmSync(join(this.dir, file + suffix), { force: true });
    }
    return this.version();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The guarded test, with `site` (root build unless `build: 'subpath'`) as its base URL. */
export const test = guarded.extend<{ build: 'root' | 'subpath'; site: Site }>({
  build: ['root', { option: true }],
  site: async ({ build }, use, info) => {
    const dir = info.outputPath('site');
    cpSync(build === 'root' ? 'dist' : 'dist-subpath', dir, { recursive: true });
    const site = new Site(dir, await freePort(), build === 'root' ? '/' : '/stegvis/');
    await site.start();
    await use(site);
    await site.stop();
  },
  baseURL: async ({ site }, use) => use(site.url),
});

export { expect };

/** Waits until the service worker runs and controls the page: from now on it opens offline. */
export async function offlineReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** Every file the offline worker keeps, by path. */
export async function keptFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const files: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) files.push(new URL(request.url).pathname);
    }
    return files;
  });
}

/** Whether the kept files hold an app's wasm: `stegvis` (the whole app) or `participant` (hers). */
export const keepsApp = (files: string[], app: 'stegvis' | 'participant') =>
  files.some((file) => new RegExp(`/${app}-[0-9a-f]{8,16}_bg\\.wasm$`).test(file));

/** Whether the kept files hold the ECharts bundle. */
export const keepsECharts = (files: string[]) => files.some((file) => /\/echarts-[0-9a-f]+\.js$/.test(file));

/** Waits until the worker keeps the whole app, ECharts too: on her phone, once the whole app has run there. */
export async function wholeAppKept(page: Page) {
  await expect
    .poll(async () => {
      const files = await keptFiles(page);
      return keepsApp(files, 'stegvis') && keepsECharts(files);
    })
    .toBe(true);
}

/** No network at all: the browser is offline and the server is gone. */
export async function goOffline(page: Page, site: Site) {
  await page.context().setOffline(true);
  await site.stop();
}

export async function goOnline(page: Page, site: Site) {
  await site.start();
  await page.context().setOffline(false);
}

/** The version of the build this page runs, and the caches this origin holds. */
export async function running(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.waitForLoadState();
      return await page.evaluate(async () => ({
        version: document.querySelector('meta[name="stegvis-offline"]')?.getAttribute('content'),
        // The versions' caches (not the mark that this device keeps the whole app, src/offline/sw.js).
        caches: (await caches.keys()).filter((name) => name.startsWith('stegvis-offline ')),
      }));
    } catch (error) {
      // The app reloads itself when it takes a new version: a question asked just then is asked again.
      if (attempt >= 5 || !/context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
}

/** Makes the open app look for a newer version, as it does when the network comes back. */
export async function lookForUpdate(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
}

/** Waits until a newer service worker has installed and waits to take over. */
export async function updateWaiting(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting), { timeout: 15_000 })
    .toBe(true);
}
