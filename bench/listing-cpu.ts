/**
 * CPU cost of one store listing (filters + disjunctive facets) over the in-memory read model,
 * without HTTP: `npx tsx bench/listing-cpu.ts`. Complements bench/store-read.ts.
 */
import { storeProductListQuery } from '@shoebox/shared/contracts';
import { listProducts } from '../store-api/src/modules/storefront-catalog/index.ts';
import { syntheticCatalog } from '../store-api/src/test-support/read-model-fixtures.ts';
import { buildIndex } from '../store-api/src/modules/storefront-catalog/index.ts';

const cases: Array<[string, Record<string, string>]> = [
  ['no filters', {}],
  ['size + colour + in stock', { colour: 'black,red', size: '38', inStock: 'true', sort: 'price_asc' }],
  ['text search', { q: 'pump leather' }],
];

for (const [styles, coloursPerStyle] of [
  [250, 2],
  [2000, 1],
] as const) {
  const index = buildIndex(syntheticCatalog(styles, coloursPerStyle, [36, 37, 38, 38.5, 39, 40, 41, 42]));
  for (const [name, raw] of cases) {
    const query = storeProductListQuery.parse(raw);
    for (let i = 0; i < 500; i++) listProducts(index, query);
    const runs = 10_000;
    const started = performance.now();
    for (let i = 0; i < runs; i++) listProducts(index, query);
    const us = ((performance.now() - started) / runs) * 1000;
    console.log(
      `${styles} styles, ${index.vPrice.length} variants, ${name}: ${us.toFixed(1)} µs per listing`,
    );
  }
}
