import { heelBandOf } from '@shoebox/shared';
import { storeProductListQuery } from '@shoebox/shared/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counts } from '../../test-support/listing-fixtures.ts';
import { type ListingQuery, listProducts } from './listing.ts';
import { SourceBuilder } from '../../test-support/read-model-fixtures.ts';
import { buildIndex, type CatalogSource } from './read-model.ts';
import { foldText, queryTokens } from './search-text.ts';

// Property: the indexed one-pass listing equals a naive, obviously-correct one ----------------

/** The rules written out the slow, plain way (no ordinals, no typed arrays). */
function naiveListing(source: CatalogSource, query: ListingQuery) {
  const tokens = queryTokens(query.q);
  const has = <T>(list: readonly T[] | undefined): list is readonly T[] => !!list && list.length > 0;
  type Omit = 'category' | 'brand' | 'heel' | 'size' | 'colour' | 'price' | null;
  const listed = [...source.products.values()].filter((p) => (source.variants.get(p.id) ?? []).length > 0);
  const variantOk = (
    p: (typeof listed)[number],
    v: NonNullable<ReturnType<typeof source.variants.get>>[number],
    omit: Omit,
  ) => {
    const family = source.colours.get(v.colourId)!.family;
    const price = v.priceMinor ?? p.basePriceMinor;
    return (
      (omit === 'size' ||
        !has(query.size) ||
        query.size.some((s) => Math.round(s * 10) === v.sizeEuTenths)) &&
      (omit === 'colour' || !has(query.colour) || query.colour.includes(family as never)) &&
      (omit === 'price' || (price >= (query.minPrice ?? 0) && price <= (query.maxPrice ?? Infinity))) &&
      (!query.inStock || (source.available.get(v.id) ?? 0) > 0)
    );
  };
  const productOk = (p: (typeof listed)[number], omit: Omit) => {
    const brand = source.brands.get(p.brandId)!;
    const category = source.categories.get(p.categoryId)!;
    const variants = source.variants.get(p.id)!;
    const text = foldText(
      [p.name, brand.name, category.name, ...variants.map((v) => source.colours.get(v.colourId)!.name)].join(
        '\n',
      ),
    );
    return (
      (omit === 'category' || !has(query.category) || query.category.includes(category.slug)) &&
      (omit === 'brand' || !has(query.brand) || query.brand.includes(brand.slug)) &&
      (omit === 'heel' || !has(query.heel) || query.heel.includes(heelBandOf(p.heelHeightMm))) &&
      tokens.every((t) => text.includes(t))
    );
  };
  const matches = listed
    .filter((p) => productOk(p, null) && source.variants.get(p.id)!.some((v) => variantOk(p, v, null)))
    .map((p) => {
      const vs = source.variants.get(p.id)!.filter((v) => variantOk(p, v, null));
      const price = Math.min(...vs.map((v) => v.priceMinor ?? p.basePriceMinor));
      const compareAt = Math.max(...vs.map((v) => v.compareAtMinor ?? -1));
      return { p, price, compareAtMinor: compareAt > price ? compareAt : null };
    });
  const byId = (a: { p: { id: string } }, b: { p: { id: string } }) => (a.p.id < b.p.id ? -1 : 1);
  const sorted = matches.sort((a, b) => {
    switch (query.sort) {
      case 'price_asc':
        return a.price - b.price || byId(a, b);
      case 'price_desc':
        return b.price - a.price || byId(a, b);
      case 'new':
        return b.p.createdAt - a.p.createdAt || byId(a, b);
      default:
        return b.p.popularity - a.p.popularity || byId(a, b);
    }
  });
  const facetCount = (
    omit: Exclude<Omit, null | 'price'>,
    valuesOf: (p: (typeof listed)[number], omit: Omit) => string[],
  ) => {
    const out: Record<string, number> = {};
    for (const p of listed) for (const value of valuesOf(p, 'price' as Omit)) out[value] = 0;
    for (const p of listed) {
      if (!productOk(p, omit === 'size' || omit === 'colour' ? null : omit)) continue;
      for (const value of new Set(valuesOf(p, omit))) out[value]!++;
    }
    return out;
  };
  const variantValues =
    (key: (v: { sizeEuTenths: number; colourId: string }) => string) =>
    (p: (typeof listed)[number], omit: Omit) =>
      omit === 'price'
        ? source.variants.get(p.id)!.map(key)
        : source.variants
            .get(p.id)!
            .filter((v) => variantOk(p, v, omit))
            .map(key);
  const productValue =
    (key: (p: (typeof listed)[number]) => string) => (p: (typeof listed)[number], omit: Omit) =>
      omit === 'price' || source.variants.get(p.id)!.some((v) => variantOk(p, v, null)) ? [key(p)] : [];
  const priced = listed
    .filter((p) => productOk(p, null))
    .flatMap((p) =>
      source.variants
        .get(p.id)!
        .filter((v) => variantOk(p, v, 'price'))
        .map((v) => v.priceMinor ?? p.basePriceMinor),
    );
  const start = (query.page - 1) * query.pageSize;
  return {
    items: sorted.slice(start, start + query.pageSize).map((m) => [m.p.id, m.price, m.compareAtMinor]),
    total: matches.length,
    facets: {
      category: facetCount(
        'category',
        productValue((p) => source.categories.get(p.categoryId)!.slug),
      ),
      brand: facetCount(
        'brand',
        productValue((p) => source.brands.get(p.brandId)!.slug),
      ),
      heel: facetCount(
        'heel',
        productValue((p) => heelBandOf(p.heelHeightMm)),
      ),
      size: facetCount(
        'size',
        variantValues((v) => String(v.sizeEuTenths / 10)),
      ),
      colour: facetCount(
        'colour',
        variantValues((v) => source.colours.get(v.colourId)!.family),
      ),
    },
    price: priced.length ? { min: Math.min(...priced), max: Math.max(...priced) } : { min: null, max: null },
  };
}

const catalogArb = fc.record({
  products: fc.array(
    fc.record({
      brand: fc.nat(2),
      category: fc.nat(2),
      heel: fc.integer({ min: 0, max: 120 }),
      base: fc.constantFrom(5_000, 8_000, 12_000),
      popularity: fc.nat(2),
      createdAt: fc.nat(2),
      word: fc.constantFrom('pump', 'sandal', 'boot'),
      variants: fc.uniqueArray(
        fc.record({
          colour: fc.nat(3),
          size: fc.constantFrom(36, 37, 38, 38.5, 39),
          price: fc.option(fc.constantFrom(6_000, 9_000, 15_000)),
          compareAt: fc.option(fc.constantFrom(7_000, 16_000)),
          available: fc.nat(2),
        }),
        { maxLength: 5, selector: (v) => `${v.colour}/${v.size}` },
      ),
    }),
    { maxLength: 12 },
  ),
});

const queryArb = fc.record(
  {
    category: fc.subarray(['cat-0', 'cat-1', 'cat-2', 'cat-x']).map((a) => a.join(',')),
    brand: fc.subarray(['brand-0', 'brand-1', 'brand-2']).map((a) => a.join(',')),
    size: fc.subarray(['36', '37', '38', '38.5', '39', '40']).map((a) => a.join(',')),
    colour: fc.subarray(['black', 'red', 'nude', 'blue']).map((a) => a.join(',')),
    heel: fc.subarray(['flat', 'low', 'mid', 'high']).map((a) => a.join(',')),
    minPrice: fc.constantFrom('0', '6000', '8000', '9000'),
    maxPrice: fc.constantFrom('9000', '12000', '20000'),
    inStock: fc.constantFrom('true', 'false'),
    q: fc.constantFrom('pump', 'brand 1', 'red', 'cat', 'boot black', 'zzz'),
    sort: fc.constantFrom('popularity', 'new', 'price_asc', 'price_desc'),
    page: fc.constantFrom('1', '2', '3'),
    pageSize: fc.constantFrom('1', '2', '5'),
  },
  { requiredKeys: ['sort', 'page', 'pageSize'] },
);

describe('store listing equals the naive definition (property)', () => {
  it('gives the same items, totals, facet counts and price range for random catalogs and queries', () => {
    fc.assert(
      fc.property(catalogArb, queryArb, (spec, raw) => {
        const parsed = storeProductListQuery.safeParse(raw);
        fc.pre(parsed.success);
        const query = parsed.data!;
        const b = new SourceBuilder();
        const brands = [0, 1, 2].map((k) => b.brand(`Brand ${k}`, `brand-${k}`));
        const categories = [0, 1, 2].map((k) => b.category(`Cat ${k}`, k, `cat-${k}`));
        const colours = [
          b.colour('Jet black', 'black'),
          b.colour('Cherry red', 'red'),
          b.colour('Nude', 'nude'),
          b.colour('Ink', 'blue'),
        ];
        spec.products.forEach((p, k) => {
          const product = b.product({
            name: `Style ${k} ${p.word}`,
            slug: `style-${k}`,
            brand: brands[p.brand]!,
            category: categories[p.category]!,
            heelHeightMm: p.heel,
            basePriceMinor: p.base,
            popularity: p.popularity,
            createdAt: p.createdAt,
          });
          for (const v of p.variants)
            b.variant(product, colours[v.colour]!, v.size, {
              priceMinor: v.price,
              compareAtMinor: v.compareAt,
              available: v.available,
            });
        });
        const got = listProducts(buildIndex(b.source), query);
        const want = naiveListing(b.source, query);
        expect(got.items.map((i) => [i.id, i.priceMinor, i.compareAtMinor])).toEqual(want.items);
        expect(got.total).toBe(want.total);
        expect(counts(got.facets.category)).toEqual(want.facets.category);
        expect(counts(got.facets.brand)).toEqual(want.facets.brand);
        expect(counts(got.facets.heel)).toEqual(want.facets.heel);
        expect(counts(got.facets.size)).toEqual(want.facets.size);
        expect(counts(got.facets.colour)).toEqual(want.facets.colour);
        expect(got.facets.price).toEqual(want.price);
      }),
      { numRuns: 300 },
    );
  });
});
