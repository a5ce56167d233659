/**
 * Setup shared by the admin catalog test files (catalog-*.test.ts). Each file calls
 * `useCatalogApp()` inside its describe block, so each file gets one app of its own
 * (beforeAll/afterAll), seeded with a brand, a category and two colours, plus the request
 * helpers its tests use.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { type HttpResult, startTestApp, type TestApp, tableCounts } from './harness.ts';

/** Audit `before`/`after` are JSON; MariaDB hands JSON columns back as text. */
export const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** Filled in by the beforeAll hook of `useCatalogApp`; read it only inside tests and hooks. */
export interface CatalogSeed {
  t: TestApp;
  brandId: string;
  categoryId: string;
  nudeId: string;
  blackId: string;
}

export function useCatalogApp() {
  const seed = {} as CatalogSeed;
  let styleCounter = 0;

  beforeAll(async () => {
    seed.t = await startTestApp();
    seed.brandId = (await post('/admin/brands', { name: 'Mila & Co' })).body.id;
    seed.categoryId = (await post('/admin/categories', { name: 'Pumps & heels' })).body.id;
    seed.nudeId = (
      await post('/admin/colours', { name: 'Nude', family: 'nude', swatchHex: '#e3bc9a' })
    ).body.id;
    seed.blackId = (
      await post('/admin/colours', { name: 'Black', family: 'black', swatchHex: '#000000' })
    ).body.id;
  });
  afterAll(() => seed.t.close());

  const post = (path: string, body: unknown, token = seed.t.tokens.manager) =>
    seed.t.call('POST', path, { token, body });
  const patch = (path: string, body: unknown, token = seed.t.tokens.manager) =>
    seed.t.call('PATCH', path, { token, body });
  const get = (path: string, token = seed.t.tokens.manager) => seed.t.call('GET', path, { token });

  const productBody = (over: Record<string, unknown> = {}) => ({
    name: `Style ${++styleCounter}`,
    styleCode: `ST${styleCounter}`,
    description: 'A pump',
    brandId: seed.brandId,
    categoryId: seed.categoryId,
    material: 'Leather',
    heelHeightMm: 60,
    basePriceMinor: 8900,
    currency: 'EUR',
    ...over,
  });
  const newProduct = async (over: Record<string, unknown> = {}) => {
    const res = await post('/admin/products', productBody(over));
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const variantBody = (over: Record<string, unknown> = {}) => ({
    colourId: seed.nudeId,
    sizeEu: 38,
    weightGrams: 650,
    ...over,
  });

  /** Calls `fn` and checks that it answered `status`/`code` and that no table changed. */
  async function refused(fn: () => Promise<HttpResult>, status: number, code: string, fieldCode?: string) {
    const before = await tableCounts(seed.t.store);
    const res = await fn();
    expect(res.status, res.text).toBe(status);
    expect(res.body.code).toBe(code);
    if (fieldCode) expect(res.body.errors.map((e: { code: string }) => e.code)).toContain(fieldCode);
    expect(await tableCounts(seed.t.store)).toEqual(before);
    return res.body;
  }

  return { seed, post, patch, get, productBody, newProduct, variantBody, refused };
}
