import { storeProductListQuery } from '@shoebox/shared/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { sqlListProducts } from './sql-listing.ts';
import { baseProducts, buildShop, variedProducts } from '../../test-support/store-fixtures.ts';

const counts = (values: { value: string; count: number }[]) =>
  Object.fromEntries(values.map((v) => [v.value, v.count]));

/** Query strings as a shopper's browser would send them (valid ones; invalid are tested elsewhere). */
const queryArb = fc.record(
  {
    category: fc.subarray(['pumps-heels', 'flats', 'boots', 'no-such-category']).map((a) => a.join(',')),
    brand: fc.subarray(['mila', 'oceane']).map((a) => a.join(',')),
    size: fc.subarray(['36', '37', '38', '38.5', '39', '40', '41']).map((a) => a.join(',')),
    colour: fc.subarray(['black', 'red', 'nude', 'blue', 'green']).map((a) => a.join(',')),
    heel: fc.subarray(['flat', 'low', 'mid', 'high']).map((a) => a.join(',')),
    minPrice: fc.constantFrom('0', '6000', '8000', '9000', '12001'),
    maxPrice: fc.constantFrom('6000', '9000', '12000', '100000'),
    inStock: fc.constantFrom('true', 'false'),
    // ASCII words: LIKE folds accents only on MySQL, the read model on both (see sql-listing.ts).
    q: fc.constantFrom(
      'pump',
      'varied boot',
      'mila',
      'cherry',
      'NAVY',
      'heels 1',
      'lodie',
      'zzz',
      "' OR 1=1 --",
    ),
    sort: fc.constantFrom('popularity', 'new', 'price_asc', 'price_desc'),
    page: fc.constantFrom('1', '2', '3'),
    pageSize: fc.constantFrom('1', '3', '10', '60'),
  },
  { requiredKeys: [] },
);

describe(`read model and SQL agree on listings and facets (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await buildShop(t, [...baseProducts, ...variedProducts(24)]);
  }, 120_000);
  afterAll(() => t.close());

  it('gives the same items in order, totals, facet counts and price range for random filters', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(queryArb, async (raw) => {
        const parsed = storeProductListQuery.safeParse(raw);
        fc.pre(parsed.success);
        const query = parsed.data!;
        const res = await t.call('GET', `/store/products?${new URLSearchParams(raw)}`);
        expect(res.status).toBe(200);
        const want = await sqlListProducts(t.store, query);
        const got = res.body;
        expect(
          got.items.map((i: any) => ({
            id: i.id,
            priceMinor: i.priceMinor,
            compareAtMinor: i.compareAtMinor,
          })),
        ).toEqual(want.items);
        expect(got.total).toBe(want.total);
        expect(counts(got.facets.category)).toEqual(want.facets.category);
        expect(counts(got.facets.brand)).toEqual(want.facets.brand);
        expect(counts(got.facets.heel)).toEqual(want.facets.heel);
        expect(counts(got.facets.size)).toEqual(want.facets.size);
        expect(counts(got.facets.colour)).toEqual(want.facets.colour);
        expect(got.facets.price).toEqual(want.price);
        if (want.total > 0) nonEmpty++;
      }),
      { numRuns: 60 },
    );
    // The generator must not only produce empty answers.
    expect(nonEmpty).toBeGreaterThan(5);
  }, 120_000);

  it('agrees on the unfiltered listing in every sort order', async () => {
    for (const sort of ['popularity', 'new', 'price_asc', 'price_desc'] as const) {
      const res = await t.call('GET', `/store/products?sort=${sort}&pageSize=60`);
      const want = await sqlListProducts(t.store, storeProductListQuery.parse({ sort, pageSize: '60' }));
      expect(res.body.items.map((i: any) => i.id)).toEqual(want.items.map((i) => i.id));
      expect(res.body.total).toBeGreaterThan(20);
    }
  });
});
