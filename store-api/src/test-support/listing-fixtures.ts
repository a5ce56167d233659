/** The small shop and query helpers the store listing tests share. */
import { storeProductListQuery } from '@shoebox/shared/contracts';
import { type ListingQuery, listProducts } from '../modules/storefront-catalog/index.ts';
import { SourceBuilder } from './read-model-fixtures.ts';
import { buildIndex, type CatalogSource } from '../modules/storefront-catalog/index.ts';

export const q = (raw: Record<string, string> = {}): ListingQuery => storeProductListQuery.parse(raw);
export const ids = (source: CatalogSource, query: ListingQuery) =>
  listProducts(buildIndex(source), query).items.map((i) => i.name);
export const counts = (values: { value: string; count: number }[]) =>
  Object.fromEntries(values.map((v) => [v.value, v.count]));

/** A small shop: three pumps, a flat, a boot; two brands; black, red and nude. */
export function shop() {
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
