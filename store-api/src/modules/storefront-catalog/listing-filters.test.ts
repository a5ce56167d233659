import { describe, expect, it } from 'vitest';
import { ids, q, shop } from '../../test-support/listing-fixtures.ts';
import { listProducts } from './listing.ts';
import { buildIndex } from './read-model.ts';

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

  it('matches nothing when a filter names only unknown values', () => {
    const { source } = shop();
    expect(ids(source, q({ category: 'no-such-category' }))).toEqual([]);
    expect(ids(source, q({ size: '43' }))).toEqual([]);
    expect(ids(source, q({ colour: 'green' }))).toEqual([]);
  });
});
