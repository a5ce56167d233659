import { heelBandOf } from '@shoebox/shared';
import { storeProductListQuery } from '@shoebox/shared/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandList, categoryList, type ListingQuery, listProducts, productDetail } from './listing.ts';
import { SourceBuilder } from './model-fixtures.ts';
import { buildIndex, type CatalogSource, patchAvailability } from './read-model.ts';
import { foldText, queryTokens } from './search-text.ts';

const q = (raw: Record<string, string> = {}): ListingQuery => storeProductListQuery.parse(raw);
const ids = (source: CatalogSource, query: ListingQuery) =>
  listProducts(buildIndex(source), query).items.map((i) => i.name);
const counts = (values: { value: string; count: number }[]) =>
  Object.fromEntries(values.map((v) => [v.value, v.count]));

/** A small shop: three pumps, a flat, a boot; two brands; black, red and nude. */
function shop() {
  const b = new SourceBuilder();
  const mila = b.brand('Mila');
  const oceane = b.brand('Océane');
  const pumps = b.category('Pumps & heels', 0);
  const flats = b.category('Flats', 1);
  const boots = b.category('Boots', 2);
  const black = b.colour('Black', 'black');
  const red = b.colour('Cherry red', 'red');
  const nude = b.colour('Nude', 'nude');
  const p1 = b.product({
    name: 'Élodie pump',
    brand: mila,
    category: pumps,
    heelHeightMm: 90,
    popularity: 5,
    createdAt: 3,
  });
  b.variant(p1, black, 38, { available: 2 });
  b.variant(p1, black, 39, { available: 0 });
  b.variant(p1, red, 38, { available: 0, priceMinor: 12_000, compareAtMinor: 15_000 });
  const p2 = b.product({
    name: 'Mira pump',
    brand: oceane,
    category: pumps,
    heelHeightMm: 60,
    basePriceMinor: 8_000,
    popularity: 5,
    createdAt: 5,
  });
  b.variant(p2, red, 39, { available: 4 });
  b.variant(p2, nude, 40, { available: 1, compareAtMinor: 9_000 });
  const p3 = b.product({
    name: 'Tess ballerina',
    brand: mila,
    category: flats,
    heelHeightMm: 5,
    basePriceMinor: 6_000,
    popularity: 9,
    createdAt: 1,
  });
  b.variant(p3, nude, 38, { available: 0 });
  b.variant(p3, black, 37, { available: 3 });
  const p4 = b.product({
    name: 'Rhea bootie',
    brand: oceane,
    category: boots,
    heelHeightMm: 45,
    basePriceMinor: 14_000,
    popularity: 1,
    createdAt: 4,
  });
  b.variant(p4, black, 38.5, { available: 0 });
  // Listed nowhere: no active variants.
  b.product({ name: 'Ghost pump', brand: mila, category: pumps });
  b.image(p1, 1, 500, 500);
  b.image(p1, 0, 1600, 1200);
  return { b, source: b.source, p1, p2, p3, p4 };
}

describe('store listing over the read model', () => {
  it('lists only products with active variants, most popular first with ties broken by id', () => {
    const { source } = shop();
    const res = listProducts(buildIndex(source), q());
    expect(res.items.map((i) => i.name)).toEqual([
      'Tess ballerina',
      'Élodie pump',
      'Mira pump',
      'Rhea bootie',
    ]);
    expect(res.total).toBe(4);
  });

  it('narrows by each filter', () => {
    const { source } = shop();
    expect(ids(source, q({ category: 'pumps-heels' }))).toEqual(['Élodie pump', 'Mira pump']);
    expect(ids(source, q({ category: 'flats,boots' }))).toEqual(['Tess ballerina', 'Rhea bootie']);
    expect(ids(source, q({ brand: 'oceane' }))).toEqual(['Mira pump', 'Rhea bootie']);
    expect(ids(source, q({ heel: 'high' }))).toEqual(['Élodie pump']);
    expect(ids(source, q({ heel: 'flat,low' }))).toEqual(['Tess ballerina', 'Rhea bootie']);
    expect(ids(source, q({ size: '38.5' }))).toEqual(['Rhea bootie']);
    expect(ids(source, q({ size: '38' }))).toEqual(['Tess ballerina', 'Élodie pump']);
    expect(ids(source, q({ colour: 'red' }))).toEqual(['Élodie pump', 'Mira pump']);
    expect(ids(source, q({ minPrice: '8000', maxPrice: '12000' }))).toEqual(['Élodie pump', 'Mira pump']);
    expect(ids(source, q({ inStock: 'true' }))).toEqual(['Tess ballerina', 'Élodie pump', 'Mira pump']);
    expect(ids(source, q({ inStock: 'false' }))).toHaveLength(4);
  });

  it('matches size, colour, price and stock on one and the same variant', () => {
    const { source } = shop();
    // Élodie has red 38 (sold out) and black 38 (in stock): red in 38 exists, but not in stock.
    expect(ids(source, q({ colour: 'red', size: '38' }))).toEqual(['Élodie pump']);
    expect(ids(source, q({ colour: 'red', size: '38', inStock: 'true' }))).toEqual([]);
    // Tess has nude 38 (sold out) and black 37 (in stock): "38 in stock" is not Tess.
    expect(ids(source, q({ size: '38', inStock: 'true' }))).toEqual(['Élodie pump']);
  });

  it('shows the card price of the matching variants and a compare-at only above it', () => {
    const { source } = shop();
    const all = listProducts(buildIndex(source), q()).items;
    const elodie = all.find((i) => i.name === 'Élodie pump')!;
    expect(elodie).toMatchObject({
      priceMinor: 10_000,
      compareAtMinor: 15_000,
      inStock: true,
      sizesInStock: [38],
    });
    const red = listProducts(buildIndex(source), q({ colour: 'red' })).items;
    expect(red.find((i) => i.name === 'Élodie pump')).toMatchObject({
      priceMinor: 12_000,
      compareAtMinor: 15_000,
    });
    const black = listProducts(buildIndex(source), q({ colour: 'black' })).items;
    expect(black.find((i) => i.name === 'Élodie pump')).toMatchObject({
      priceMinor: 10_000,
      compareAtMinor: null,
    });
    const mira = all.find((i) => i.name === 'Mira pump')!;
    expect(mira).toMatchObject({ priceMinor: 8_000, compareAtMinor: 9_000, heelBand: 'mid' });
    expect(elodie.colours.map((c) => c.name)).toEqual(['Black', 'Cherry red']);
    // The image at position 0, at 640 px.
    expect(elodie.imageUrl).toMatch(/^\/media\/images\/[\w-]+\/640\.webp$/);
    expect(elodie.imageUrl).toContain(source.images.get(elodie.id)![0]!.id);
  });

  it('finds words case- and accent-insensitively in name, brand, colour and category', () => {
    const { source } = shop();
    expect(ids(source, q({ q: 'elodie' }))).toEqual(['Élodie pump']);
    expect(ids(source, q({ q: 'ÉLODIE' }))).toEqual(['Élodie pump']);
    expect(ids(source, q({ q: 'oceane' }))).toEqual(['Mira pump', 'Rhea bootie']);
    expect(ids(source, q({ q: 'cherry pump' }))).toEqual(['Élodie pump', 'Mira pump']);
    expect(ids(source, q({ q: 'heels mira' }))).toEqual(['Mira pump']);
    expect(ids(source, q({ q: 'nothing-like-this' }))).toEqual([]);
    expect(ids(source, q({ q: "' OR 1=1 --" }))).toEqual([]);
    expect(ids(source, q({ q: '"foo" NEAR bar*' }))).toEqual([]);
    expect(ids(source, q({ q: '   ' }))).toHaveLength(4);
  });

  it('counts facets disjunctively: each facet ignores its own filter', () => {
    const { source } = shop();
    const res = listProducts(buildIndex(source), q({ colour: 'red', category: 'pumps-heels' }));
    expect(res.total).toBe(2);
    // Colour counts keep the category filter, not the colour one.
    expect(counts(res.facets.colour)).toEqual({ black: 1, nude: 1, red: 2 });
    // Category counts keep the colour filter.
    expect(counts(res.facets.category)).toEqual({ 'pumps-heels': 2, flats: 0, boots: 0 });
    expect(counts(res.facets.brand)).toEqual({ mila: 1, oceane: 1 });
    expect(counts(res.facets.size)).toEqual({ '37': 0, '38': 1, '38.5': 0, '39': 1, '40': 0 });
    expect(counts(res.facets.heel)).toEqual({ flat: 0, low: 0, mid: 1, high: 1 });
    expect(res.facets.price).toEqual({ min: 8_000, max: 12_000 });
    expect(res.facets.size.find((s) => s.value === '38')!.label).toBe('EU 38 / US 7.5 / UK 5');
    expect(res.facets.category.map((c) => c.label)).toEqual(['Pumps & heels', 'Flats', 'Boots']);
    expect(res.facets.colour.find((c) => c.value === 'red')!.label).toBe('Red');
  });

  it('ranges the price facet over every filter but the price range', () => {
    const { source } = shop();
    const res = listProducts(buildIndex(source), q({ minPrice: '13000' }));
    expect(ids(source, q({ minPrice: '13000' }))).toEqual(['Rhea bootie']);
    expect(res.facets.price).toEqual({ min: 6_000, max: 14_000 });
    const none = listProducts(buildIndex(source), q({ brand: 'nobody' }));
    expect(none.total).toBe(0);
    expect(none.facets.price).toEqual({ min: null, max: null });
    expect(counts(none.facets.brand)).toEqual({ mila: 2, oceane: 2 });
  });

  it('sorts by price both ways, by newness, with ties broken by id', () => {
    const { source } = shop();
    expect(ids(source, q({ sort: 'price_asc' }))).toEqual([
      'Tess ballerina',
      'Mira pump',
      'Élodie pump',
      'Rhea bootie',
    ]);
    expect(ids(source, q({ sort: 'price_desc' }))).toEqual([
      'Rhea bootie',
      'Élodie pump',
      'Mira pump',
      'Tess ballerina',
    ]);
    expect(ids(source, q({ sort: 'new' }))).toEqual([
      'Mira pump',
      'Rhea bootie',
      'Élodie pump',
      'Tess ballerina',
    ]);
  });

  it('pages through the matches with a stable total', () => {
    const { source } = shop();
    const index = buildIndex(source);
    const pages = [1, 2, 3].map((page) => listProducts(index, q({ pageSize: '3', page: String(page) })));
    expect(pages.map((p) => p.items.length)).toEqual([3, 1, 0]);
    expect(pages.every((p) => p.total === 4)).toBe(true);
    const priced = [1, 2].flatMap((page) =>
      listProducts(index, q({ sort: 'price_desc', pageSize: '2', page: String(page) })).items.map(
        (i) => i.name,
      ),
    );
    expect(priced).toEqual(['Rhea bootie', 'Élodie pump', 'Mira pump', 'Tess ballerina']);
  });

  it('matches nothing when a filter names only unknown values', () => {
    const { source } = shop();
    expect(ids(source, q({ category: 'no-such-category' }))).toEqual([]);
    expect(ids(source, q({ size: '43' }))).toEqual([]);
    expect(ids(source, q({ colour: 'green' }))).toEqual([]);
  });

  it('patches availability in place exactly as a rebuild would', () => {
    const { source, p3 } = shop();
    const index = buildIndex(source);
    const ballerinaBlack = source.variants.get(p3.id)!.find((v) => v.sizeEuTenths === 370)!;
    const ballerinaNude = source.variants.get(p3.id)!.find((v) => v.sizeEuTenths === 380)!;
    patchAvailability(
      source,
      index,
      new Map([
        [ballerinaBlack.id, 0],
        [ballerinaNude.id, 5],
        ['not-a-variant', 3],
      ]),
    );
    const patched = listProducts(index, q({ size: '38', inStock: 'true' }));
    const rebuilt = listProducts(buildIndex(source), q({ size: '38', inStock: 'true' }));
    expect(patched).toEqual(rebuilt);
    expect(patched.items.find((i) => i.name === 'Tess ballerina')).toMatchObject({
      sizesInStock: [38],
      inStock: true,
    });
  });

  it('builds the detail page with per-size availability and brand size labels', () => {
    const { b, source, p1 } = shop();
    const chartBrand = b.brand('Chart Co', 'chart-co', { '38': { us: 8, uk: 5.5 } });
    source.products.set(p1.id, { ...p1, brandId: chartBrand.id });
    source.available.set(source.variants.get(p1.id)![1]!.id, -3);
    const detail = productDetail(source, buildIndex(source), p1.slug)!;
    expect(detail.brand).toEqual({ slug: 'chart-co', name: 'Chart Co' });
    expect(detail.colours.map((c) => c.name)).toEqual(['Black', 'Cherry red']);
    const black = detail.colours[0]!.variants;
    expect(black.map((v) => [v.sizeEu, v.available, v.inStock])).toEqual([
      [38, 2, true],
      [39, 0, false],
    ]);
    expect(black[0]!.sizeLabels).toEqual({ eu: '38', us: '8', uk: '5.5' });
    expect(black[1]!.sizeLabels).toEqual({ eu: '39', us: '8.5', uk: '6' });
    expect(detail.colours[1]!.variants[0]).toMatchObject({ priceMinor: 12_000, compareAtMinor: 15_000 });
    expect(detail.images.map((i) => i.alt)).toEqual(['Élodie pump 0', 'Élodie pump 1']);
    expect(detail.images[0]!.urls).toHaveProperty('640');
    expect(detail.priceMinor).toBe(10_000);
    expect(JSON.stringify(detail)).not.toMatch(/cost|location|popularity|status/i);
    expect(productDetail(source, buildIndex(source), 'ghost-pump')).toMatchObject({
      colours: [],
      priceMinor: 10_000,
    });
    expect(productDetail(source, buildIndex(source), 'nope')).toBeNull();
  });

  it('lists categories and brands with their listed product counts', () => {
    const { source } = shop();
    const index = buildIndex(source);
    expect(categoryList(index).map((c) => [c.slug, c.productCount])).toEqual([
      ['pumps-heels', 2],
      ['flats', 1],
      ['boots', 1],
    ]);
    expect(brandList(index).map((c) => [c.slug, c.productCount])).toEqual([
      ['mila', 2],
      ['oceane', 2],
    ]);
  });
});

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
