import { describe, expect, it } from 'vitest';
import { q, shop } from '../../test-support/listing-fixtures.ts';
import { brandList, categoryList, listProducts, productDetail } from './listing.ts';
import { buildIndex, patchAvailability } from './read-model.ts';

describe('store listing over the read model', () => {
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
