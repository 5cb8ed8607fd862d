import { expect, test } from './fixtures';

// The release build is plain static files with a strict Content-Security-Policy.
test('index.html carries a strict CSP that allows only the loader by its hash', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).not.toContain('inline-script-hashes');
});

test('assets are served compressed and robots.txt is real', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const wasm = html.match(/data-wasm="([^"]+\.wasm)"/)?.[1];
  expect(wasm).toBeTruthy();
  const response = await request.get(wasm!, { headers: { 'Accept-Encoding': 'br' } });
  expect(response.headers()['content-type']).toBe('application/wasm');
  expect(response.headers()['content-encoding']).toBe('br');
  expect(await (await request.get('/robots.txt')).text()).toContain('User-agent');
});
