import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../test-support/harness.ts';
import type { RouteSpec } from './route.ts';

/** Transport-level bad input, for every route that takes a JSON body, as the most powerful role. */
describe(`malformed requests on every JSON route (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(() => t.close());

  const jsonRoutes = () => t.routes.filter((r) => r.body && (r.bodyKind ?? 'json') === 'json');
  const url = (r: RouteSpec) => r.path.replace(/:\w+/g, '0190a000-0000-7000-8000-000000000000');
  const tokenFor = (r: RouteSpec) => (r.access === 'customer' ? undefined : t.tokens.owner);

  async function expectRefused(
    r: RouteSpec,
    init: { rawBody?: string; headers?: Record<string, string> },
    status: number,
    code: string,
  ) {
    const before = await tableCounts(t.store);
    const res = await t.call(r.method.toUpperCase(), url(r), { token: tokenFor(r), ...init });
    expect(res.status, `${r.method} ${r.path}`).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code, `${r.method} ${r.path}`).toBe(code);
    expect(res.body.requestId).toBeTruthy();
    expect(await tableCounts(t.store)).toEqual(before);
  }

  it('answers 400 MALFORMED_JSON to broken JSON', async () => {
    for (const r of jsonRoutes()) {
      if (r.access === 'customer') continue;
      await expectRefused(
        r,
        { rawBody: '{"name": "Mila",', headers: { 'content-type': 'application/json' } },
        400,
        'MALFORMED_JSON',
      );
    }
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE when the body is not sent as JSON', async () => {
    for (const r of jsonRoutes()) {
      if (r.access === 'customer') continue;
      await expectRefused(
        r,
        { rawBody: 'name=Mila', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
  });

  it('answers 413 PAYLOAD_TOO_LARGE to an oversize body', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(10_000) });
    for (const r of jsonRoutes()) {
      if (r.access === 'customer') continue;
      await expectRefused(
        r,
        { rawBody: big, headers: { 'content-type': 'application/json' } },
        413,
        'PAYLOAD_TOO_LARGE',
      );
    }
  });

  it('answers 400 VALIDATION_FAILED with per-field errors to wrong types and unknown fields', async () => {
    for (const r of jsonRoutes()) {
      if (r.access === 'customer') continue;
      // The push body is the sync protocol's to check (version first): modules/sync/sync-push.test.ts.
      if (r.path === '/sync/push') continue;
      const body = JSON.stringify({ surelyNotAField: 1, name: 42 });
      const before = await tableCounts(t.store);
      const res = await t.call(r.method.toUpperCase(), url(r), {
        token: tokenFor(r),
        rawBody: body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, `${r.method} ${r.path}`).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(await tableCounts(t.store)).toEqual(before);
    }
  });

  it('refuses a body on a route that takes none', async () => {
    const res = await t.call('GET', '/admin/me', { token: t.tokens.owner });
    expect(res.status).toBe(200);
    const del = t.routes.find((r) => r.method === 'delete');
    if (!del) return;
    const refused = await t.call('DELETE', url(del), {
      token: t.tokens.owner,
      rawBody: '{"x":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('UNEXPECTED_BODY');
  });

  it('answers 431 problem+json when the URL is longer than the HTTP parser takes', async () => {
    const res = await t.call('GET', `/store/products?q=${'z'.repeat(100_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('REQUEST_HEADERS_TOO_LARGE');
  });

  it('answers 404 ROUTE_NOT_FOUND as problem+json for unknown paths', async () => {
    const res = await t.call('GET', '/admin/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('echoes a caller-supplied request id and makes one otherwise', async () => {
    const given = await t.call('GET', '/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await t.call('GET', '/healthz');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await t.call('GET', '/healthz')).body.status).toBe('ok');
    expect((await t.call('GET', '/readyz')).body).toEqual({ status: 'ready', database: testDialect });
    const metrics = await t.call('GET', '/metrics');
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
  });
});
