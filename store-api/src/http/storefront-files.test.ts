import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/harness.ts';

// A stand-in build: store-api serves whatever folder it is given, it never imports the storefront.
const dir = mkdtempSync(join(tmpdir(), 'shoebox-storefront-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shop</title><div id="root"></div>');
writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'));
// robots.txt is the API's own now (seo.routes.ts): an unhashed file of the build is the manifest.
writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"shop"}');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ STOREFRONT_DIR: dir });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = (path: string) => fetch(t.baseUrl + path, { headers: { accept: 'text/html,*/*;q=0.8' } });

describe('the built storefront at /', () => {
  it('serves the app for / and client routes, revalidated, with its own CSP', async () => {
    for (const path of ['/', '/p/dora-western-boot', '/c/boots-booties?size=38', '/order/SB-12345678']) {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets as immutable and other files revalidated', async () => {
    const asset = await fetch(`${t.baseUrl}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const br = await fetch(`${t.baseUrl}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gz = await fetch(`${t.baseUrl}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect([await br.text(), await gz.text()]).toEqual(['console.log(1)', 'console.log(1)']);
    const manifest = await fetch(`${t.baseUrl}/manifest.webmanifest`);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
  });

  it('never answers API paths, missing files or non-browser requests with the app', async () => {
    for (const path of [
      '/store/nope',
      '/admin/nope',
      '/webhooks/nope',
      '/docs/nope.js',
      '/media/x/y.webp',
      '/assets/gone-123.js',
      '/favicon.ico',
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/problem\+json/);
    }
    const api = await fetch(`${t.baseUrl}/p/some-product`, { headers: { accept: '*/*' } });
    expect(api.status).toBe(404);
    expect((await page('/store/categories')).headers.get('content-type')).toMatch(/json/);
    expect((await page('/healthz')).headers.get('content-type')).toMatch(/json/);
  });
});
