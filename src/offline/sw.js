// The service worker: it keeps this build's files on the device so the app opens with no network.
// scripts/service-worker.mjs puts VERSION (a hash of the build), FILES (every file of the build,
// relative to this script) and WHOLE (the whole app's script, wasm and ECharts, among FILES) in front of
// this code; the page (src/offline/service_worker.rs) registers it and decides with the user when
// a newer version takes over.
//
// - WHOLE is kept once index.html has left a mark in WHOLE_MARK (at install, or as it is fetched,
//   or all at once when the page says "keep-whole"): it does unless the device has only run the
//   participant's own app (src/participant_app.rs) and is a phone or tablet or has the browser's
//   data saver on, so her phone, often on a metered plan, is not made to download it.
// - Each language's texts (texts/, src/i18n/loading.rs) are kept for the languages this device
//   has used: index.html marks the language in TEXTS_MARK when it asks for its file, a file
//   fetched through the worker is kept and its language marked, and a new version keeps the
//   marked languages' files at install (the whole app's too where it keeps the whole app).
//   Recorded clips for reading aloud (audio/) are kept once played.
// - index.html is asked for at the address of the page installing the worker, so the host can
//   answer "not modified" to a browser that has just loaded it.
// - Hashed assets (and the rest of FILES) come from the cache first: a name never changes content.
// - Page loads (navigations) ask the network first, so an online reload gets the newest page, and
//   fall back to the cached index.html when there is no network or it is too slow to answer.
// - A new version installs beside the old one and waits; it takes over only when the page says so
//   ("activate"), then removes the caches of older versions.
// - Nothing but this app's own files is touched: other requests go to the network as before.

const SCOPE = self.registration.scope;
const PREFIX = `stegvis-offline ${SCOPE} `; // one app per scope, so two builds on one host never clash
const CACHE = PREFIX + VERSION;
const url = (file) => new URL(file, self.location).href;
const KEPT = new Set(FILES.map(url));
const INDEX = url('index.html');
const WHOLE_FILES = new Set(WHOLE.map(url));
const WHOLE_MARK = `stegvis-whole-app ${SCOPE}`;
const TEXTS_MARK = `stegvis-texts-used ${SCOPE}`;
// texts/[her-]<language>-<hash>.json: the language's mark (its address without "her-" and the
// hash), and whether it is the whole app's (her app's file has her pages' texts only).
// A recorded clip (audio/<language>/): kept once it has played, not at install on every phone.
const isClip = (address) => address.startsWith(url('audio/'));
const textsOf = (address) => {
  const [, dir, her, language] = address.match(/^(.*\/texts\/)(her-)?(.+)-[0-9a-f]+\.json$/) ?? [];
  return dir && { mark: dir + language, whole: !her };
};
// A patchy connection should not keep someone waiting for a page the device already has.
const NETWORK_PATIENCE_MS = 4000;
// Trunk's names carry a content hash: the browser's HTTP cache is then as good as the network.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/; // Trunk writes its hash with no leading zeros

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const whole = await caches.has(WHOLE_MARK);
      const used = await usedTexts();
      const files = FILES.filter((file) => {
        const texts = textsOf(url(file));
        if (texts) return used.has(texts.mark) && (whole || !texts.whole);
        if (isClip(url(file))) return false;
        return (whole || !WHOLE_FILES.has(url(file))) && url(file) !== INDEX;
      });
      const cache = await caches.open(CACHE);
      // All or nothing: if one file fails, this version does not install and the old one stays.
      await cache.addAll(files.map((file) => new Request(url(file), { cache: HASHED.test(file) ? 'default' : 'no-cache' })));
      await cache.put(INDEX, await pageAsServed());
    })(),
  );
});

// The names of the texts this device has used (without their hash: a new build's file of the
// same texts has another).
async function usedTexts() {
  if (!(await caches.has(TEXTS_MARK))) return new Set();
  const marks = await (await caches.open(TEXTS_MARK)).keys();
  return new Set(marks.map((request) => request.url));
}

// index.html, asked for at the address of the page that is installing this worker (every page
// of the app is index.html): the browser has just loaded it, so the host can answer "not
// modified" instead of sending it again.
async function pageAsServed() {
  const clients = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const at = clients.map((client) => client.url).find((address) => address.startsWith(SCOPE) && !/\.[a-z0-9]+$/i.test(new URL(address).pathname));
  for (const address of at ? [at, INDEX] : [INDEX]) {
    const response = await fetch(new Request(address, { cache: 'no-cache' }));
    // A redirected answer cannot stand for a page (the browser refuses it): then index.html itself.
    if (response.ok && !response.redirected) return response;
  }
  throw new Error('index.html could not be kept');
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'version') event.ports[0]?.postMessage(VERSION);
  if (event.data === 'activate') self.skipWaiting();
  if (event.data === 'keep-whole') event.waitUntil(keepWhole().catch(() => {}));
});

// The whole app has started on a device whose copy lacks it: the rest of it (ECharts, which only
// a chart asks for) is kept now, while there is a network.
async function keepWhole() {
  const cache = await caches.open(CACHE);
  const missing = [];
  const used = await usedTexts();
  const texts = FILES.map(url).filter((file) => textsOf(file)?.whole && used.has(textsOf(file).mark));
  for (const file of [...WHOLE_FILES, ...texts]) if (!(await cache.match(file))) missing.push(file);
  await cache.addAll(missing);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (KEPT.has(request.url)) event.respondWith(kept(request));
});

async function kept(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // The whole app, started on a device that had not used it when this version installed, or a
  // language used here for the first time.
  const texts = textsOf(request.url);
  // (A clip is often asked for in ranges: only a whole answer is kept.)
  if (response.status === 200 && (WHOLE_FILES.has(request.url) || texts || isClip(request.url))) await cache.put(request, response.clone());
  if (response.ok && texts) await (await caches.open(TEXTS_MARK)).put(texts.mark, new Response(''));
  return response;
}

async function page(request) {
  let timer;
  const patience = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the network is too slow')), NETWORK_PATIENCE_MS);
  });
  try {
    return await Promise.race([fetch(request), patience]);
  } catch (error) {
    const cached = await (await caches.open(CACHE)).match(INDEX);
    if (cached) return cached;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
