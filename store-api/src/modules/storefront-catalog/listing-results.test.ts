import { describe, expect, it } from 'vitest';
import { counts, ids, q, shop } from '../../test-support/listing-fixtures.ts';
import { listProducts } from './listing.ts';
import { buildIndex } from './read-model.ts';

describe('store listing over the read model', () => {
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
});
