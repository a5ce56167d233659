import { newId } from '@shoebox/shared';
import { problem } from '@shoebox/shared/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import type { RouteSpec } from '../route.ts';
import { operationExamples } from './examples.ts';
import { buildOpenApi, type Json, type OpenApiDocument, openApiPath, operationIdOf } from './generate.ts';
import { statusOf } from './operation-responses.ts';

const systemOperations = [
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /robots.txt',
  'GET /sitemap.xml',
];
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

const documented = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );

/** Every path parameter filled with a fresh UUID: valid for ids, a 400 or 404 for anything else. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, () => newId());

/** Another documented path template with `method` matches `url`. */
function servedByTemplate(doc: OpenApiDocument, method: string, url: string, except: string): boolean {
  return Object.entries(doc.paths).some(([path, item]) => {
    if (path === except || !item[method as (typeof methods)[number]]) return false;
    const pattern = path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(url);
  });
}

/**
 * Keys present in `body` that the zod schema dropped while parsing (z.object strips unknown
 * keys): fields the server sends but the document does not describe.
 */
function undocumentedKeys(body: unknown, parsed: unknown, at = ''): string[] {
  if (Array.isArray(body) && Array.isArray(parsed))
    return body.flatMap((item, i) => undocumentedKeys(item, parsed[i], `${at}[${i}]`));
  if (!body || typeof body !== 'object' || !parsed || typeof parsed !== 'object') return [];
  return Object.entries(body).flatMap(([key, value]) =>
    key in parsed
      ? undocumentedKeys(value, (parsed as Record<string, unknown>)[key], `${at}.${key}`)
      : [`${at}.${key}`],
  );
}

describe(`OpenAPI document (${testDialect})`, () => {
  let t: TestApp;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await startTestApp();
    doc = buildOpenApi(t.routes);
  });
  afterAll(() => t.close());

  const operation = (method: string, path: string) =>
    doc.paths[path]?.[method.toLowerCase() as (typeof methods)[number]] as Json | undefined;

  it('documents every registered route, and every documented operation is a registered route', () => {
    const registered = [
      ...t.routes.map((r) => `${r.method.toUpperCase()} ${openApiPath(r.path)}`),
      ...systemOperations,
    ].sort();
    expect(documented(doc).sort()).toEqual(registered);
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('gives each operation a unique operationId made of its method and path', () => {
    const ids = t.routes.map((r) => operationIdOf(r.method, r.path));
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationIdOf('post', '/admin/products/:id/variants/generate')).toBe(
      'postAdminProductsByIdVariantsGenerate',
    );
    expect(operationIdOf('get', '/admin/catalog/export.csv')).toBe('getAdminCatalogExportCsv');
    for (const r of t.routes)
      expect(operation(r.method, openApiPath(r.path))?.operationId).toBe(operationIdOf(r.method, r.path));
  });

  it('states security, permission and error codes from each route declaration', () => {
    for (const r of t.routes) {
      const op = operation(r.method, openApiPath(r.path))!;
      const responses = op.responses as Record<string, Json>;
      const codes = op['x-error-codes'] as string[];
      // Each declared code is listed under the status it is answered with, never under `default`.
      for (const { code, status } of (r.errors ?? []).map(statusOf))
        expect(responses[String(status)]?.['x-error-codes'], `${r.method} ${r.path} ${code}`).toContain(code);
      expect(responses.default, `${r.method} ${r.path}`).toBeUndefined();
      if (r.access === 'public') expect(op.security).toEqual([]);
      else expect(responses['401'], `${r.method} ${r.path}`).toBeDefined();
      if (r.access !== 'public' && r.access !== 'customer' && r.access !== 'staff')
        expect(op['x-permission']).toBe(r.access);
      if (r.rateLimit) expect(codes).toContain('RATE_LIMITED');
      expect(Object.keys(responses).some((s) => s.startsWith('4'))).toBe(true);
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]/.test(status) && status !== 'default') continue;
        const content = (response.content ?? {}) as Record<string, Json>;
        if (response.$ref) continue;
        expect(content['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
      }
    }
  });

  it('answers every documented operation with a documented status and code, and nothing else on its paths', async () => {
    // Anonymous, with a malformed JSON body where a body can be sent: no call may write anything.
    let probed = 0;
    const before = await tableCounts(t.store);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of methods) {
        const url = concrete(path);
        const res = await t.call(
          method.toUpperCase(),
          url,
          method === 'get' ? {} : { rawBody: '{', headers: { 'content-type': 'application/json' } },
        );
        const op = item[method];
        const label = `${method.toUpperCase()} ${path} -> ${res.status} ${res.text.slice(0, 200)}`;
        if (!op) {
          // GET /store/orders/lookup is GET /store/orders/{number} with number=lookup: documented.
          if (servedByTemplate(doc, method, url, path)) continue;
          expect(res.status, label).toBe(404);
          expect(res.body.code, label).toBe('ROUTE_NOT_FOUND');
          continue;
        }
        probed++;
        expect(res.status, label).toBeLessThan(500);
        if (res.status < 400) continue;
        expect(problem.safeParse(res.body).success, label).toBe(true);
        expect(op['x-error-codes'], label).toContain(res.body.code);
        const responses = op.responses as Record<string, Json>;
        const listedUnder = Object.entries(responses)
          .filter(([, r]) => ((r['x-error-codes'] as string[] | undefined) ?? []).includes(res.body.code))
          .map(([status]) => status);
        expect(listedUnder, `${label} listed under ${listedUnder.join(', ')}`).toContain(String(res.status));
      }
    }
    expect(probed).toBe(documented(doc).length);
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('keeps every example valid against its route schemas', () => {
    const byId = new Map<string, RouteSpec>(t.routes.map((r) => [operationIdOf(r.method, r.path), r]));
    for (const [operationId, examples] of Object.entries(operationExamples)) {
      const route = byId.get(operationId);
      expect(route, `example for unknown operation ${operationId}`).toBeDefined();
      if (examples.request) {
        const parsed = route!.body!.safeParse(examples.request.value);
        expect(parsed.error?.issues ?? [], operationId).toEqual([]);
      }
      if (examples.response) {
        const parsed = route!.response!.safeParse(examples.response.value);
        expect(parsed.error?.issues ?? [], operationId).toEqual([]);
        expect(undocumentedKeys(examples.response.value, parsed.data), operationId).toEqual([]);
      }
    }
  });

  describe('real answers match their documented schemas', () => {
    let productId: string;
    let productSlug: string;
    let variantId: string;
    let locationId: string;

    beforeAll(async () => {
      const token = t.tokens.owner;
      const post = async (path: string, body: unknown) => {
        const res = await t.call('POST', path, { token, body });
        if (res.status >= 300) throw new Error(`fixture ${path}: ${res.text}`);
        return res.body;
      };
      const brand = await post('/admin/brands', { name: 'Bellamy' });
      const category = await post('/admin/categories', { name: 'Pumps & heels' });
      const nude = await post('/admin/colours', { name: 'Nude', family: 'nude', swatchHex: '#E3BC9A' });
      const product = await post('/admin/products', {
        name: 'Mila pointed-toe pump',
        brandId: brand.id,
        categoryId: category.id,
        material: 'Nappa leather',
        heelHeightMm: 75,
        basePriceMinor: 8900,
        currency: 'EUR',
      });
      productId = product.id;
      productSlug = product.slug;
      const generated = await post(`/admin/products/${productId}/variants/generate`, {
        colourIds: [nude.id],
        sizes: [37, 38, 39, 40],
      });
      variantId = generated.created[1].id;
      const patched = await t.call('PATCH', `/admin/products/${productId}`, {
        token,
        body: { status: 'active' },
      });
      if (patched.status !== 200) throw new Error(patched.text);
      locationId = (await post('/admin/stock-locations', { code: 'MAIN', name: 'Main warehouse' })).id;
      await post('/admin/inventory/receive', {
        locationId,
        reference: 'PO-1',
        lines: generated.created.map((v: { id: string }) => ({ variantId: v.id, quantity: 3 })),
      });
      await post('/admin/inventory/adjust', { locationId, variantId, delta: -3, reason: 'damage' });
    });

    async function check(route: RouteSpec, url: string) {
      const res = await t.call('GET', url, { token: t.tokens.owner });
      const label = `GET ${url} -> ${res.status} ${res.text.slice(0, 300)}`;
      const op = operation('get', openApiPath(route.path))!;
      expect(res.status, label).toBeLessThan(500);
      if (res.status >= 400) {
        expect(problem.safeParse(res.body).success, label).toBe(true);
        expect(op['x-error-codes'], label).toContain(res.body.code);
        return res.status;
      }
      expect(Object.keys(op.responses as Json), label).toContain(String(res.status));
      const parsed = (route.response as z.ZodType).safeParse(res.body);
      expect(parsed.error?.issues ?? [], label).toEqual([]);
      expect(undocumentedKeys(res.body, parsed.data), label).toEqual([]);
      return res.status;
    }

    it('every GET route without path parameters, called by the owner', async () => {
      const answered: Record<string, number> = {};
      for (const route of t.routes) {
        if (route.method !== 'get' || route.path.includes(':') || !route.response) continue;
        if (route.access === 'customer') continue;
        if (route.query && !route.query.safeParse({}).success) continue;
        answered[route.path] = await check(route, route.path);
      }
      const mustSucceed = [
        '/admin/me',
        '/admin/brands',
        '/admin/categories',
        '/admin/colours',
        '/admin/products',
        '/admin/stock-locations',
        '/admin/inventory/levels',
        '/admin/inventory/movements',
        '/admin/inventory/low-stock',
        '/admin/inventory/broken-size-runs',
        '/admin/audit-log',
        '/admin/staff',
        '/admin/api-keys',
        '/store/products',
        '/store/categories',
        '/store/brands',
      ];
      for (const path of mustSucceed) expect(answered[path], path).toBe(200);
    });

    it('detail routes, with ids made through the API', async () => {
      const byPath = new Map(t.routes.filter((r) => r.method === 'get').map((r) => [r.path, r]));
      const calls: [string, string][] = [
        ['/admin/products/:id', `/admin/products/${productId}`],
        ['/admin/products/:id/images', `/admin/products/${productId}/images`],
        ['/admin/variants/:id', `/admin/variants/${variantId}`],
        ['/admin/inventory/products/:id/grid', `/admin/inventory/products/${productId}/grid`],
        ['/admin/stock-locations/:id/bins', `/admin/stock-locations/${locationId}/bins`],
        ['/store/products/:slug', `/store/products/${productSlug}`],
      ];
      for (const [pattern, url] of calls) {
        const route = byPath.get(pattern);
        expect(route, pattern).toBeDefined();
        expect(await check(route!, url), url).toBe(200);
      }
    });
  });

  describe('served', () => {
    it('serves the document at /openapi.json', async () => {
      const res = await t.call('GET', '/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body).toEqual(JSON.parse(JSON.stringify(doc)));
    });

    it('serves /docs with Swagger UI from our own origin under a CSP without inline scripts', async () => {
      const page = await t.call('GET', '/docs');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).not.toMatch(/https?:\/\//);
      expect(page.text).not.toMatch(/<script>/);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/connect-src 'self'/);
      const assets: [string, RegExp][] = [
        ['/docs/init.js', /javascript/],
        ['/docs/assets/swagger-ui-bundle.js', /javascript/],
        ['/docs/assets/swagger-ui.css', /text\/css/],
      ];
      for (const [path, type] of assets) {
        expect(page.text.includes(path)).toBe(true);
        const res = await t.call('GET', path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toMatch(type);
      }
      expect((await t.call('GET', '/docs/assets/nope.js')).body.code).toBe('ROUTE_NOT_FOUND');
    });
  });
});
