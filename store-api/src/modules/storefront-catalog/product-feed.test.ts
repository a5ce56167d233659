import { parse as parseCsv } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { FEED_FIELDS } from './product-feed.ts';

const GOOGLE_NS = 'http://base.google.com/ns/1.0';

/** The feed's <item>s as { attribute: text }, through a strict, namespace-aware XML parser (throws on bad XML). */
function feedItemsOf(xml: string): Record<string, string>[] {
  const parser = new SaxesParser({ xmlns: true });
  const items: Record<string, string>[] = [];
  let item: Record<string, string> | null = null;
  let field: string | null = null;
  parser.on('opentag', (tag) => {
    if (tag.local === 'item') item = {};
    else if (item && tag.uri === GOOGLE_NS) field = tag.local;
  });
  parser.on('text', (text) => {
    if (item && field) item[field] = (item[field] ?? '') + text;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'item' && item) {
      items.push(item);
      item = null;
    }
    field = null;
  });
  parser.write(xml).close();
  return items;
}

describe(`product feed (${testDialect})`, () => {
  let t: TestApp;
  let product: ProductFixture;
  let slug: string;
  let locationId: string;

  beforeAll(async () => {
    t = await startTestApp({ STOREFRONT_URL: 'https://shop.example' });
    product = await createProductFixture(t, { name: 'Mila & Rose pump', colours: ['NUDE'], sizes: [38, 39] });
    const admin = t.client(t.tokens.owner).admin;
    // A draft product is not sold, so it is not in the feed.
    await createProductFixture(t, { colours: ['NUDE'], sizes: [38], status: 'draft' });
    const size38 = product.variant('NUDE', 38);
    await admin.variants.update(size38.id, { gtin: '4006381333931', compareAtMinor: 12000 });
    locationId = (await admin.stockLocations.create({ code: 'FEED1', name: 'Feed' })).id;
    await admin.inventory.receive({ locationId, lines: [{ variantId: size38.id, quantity: 2 }] });
    slug = (await admin.products.get(product.id)).slug;
  });
  afterAll(() => t?.close());

  it('serves valid XML with one item per active size and the channel attributes', async () => {
    const res = await t.call('GET', '/feeds/products.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const items = feedItemsOf(res.text);
    expect(items).toHaveLength(2);
    const [size38, size39] = items;
    expect(size38).toEqual({
      id: product.variant('NUDE', 38).sku,
      item_group_id: slug,
      title: expect.stringContaining('Mila & Rose pump, Nude, EU 38'),
      description: 'Fixture',
      link: `https://shop.example/p/${slug}?colour=NUDE`,
      availability: 'in_stock',
      // On sale: the compare-at price is the regular price.
      price: '120.00 EUR',
      sale_price: '89.00 EUR',
      brand: expect.any(String),
      gtin: '4006381333931',
      size: '38',
      color: 'Nude',
      gender: 'female',
      age_group: 'adult',
      condition: 'new',
      product_type: expect.stringMatching(/^Shoes > /),
    });
    expect(size39).toMatchObject({ size: '39', availability: 'out_of_stock', price: '89.00 EUR' });
    expect(size39).not.toHaveProperty('sale_price');
    expect(size39).not.toHaveProperty('gtin');
  });

  it('serves the same items as CSV with the attribute names as the header', async () => {
    const res = await t.call('GET', '/feeds/products.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parseCsv(res.text) as string[][];
    expect(header).toEqual(FEED_FIELDS);
    expect(rows.map((r) => [r[0], r[6], r[7], r[8]])).toEqual([
      [product.variant('NUDE', 38).sku, 'in_stock', '120.00 EUR', '89.00 EUR'],
      [product.variant('NUDE', 39).sku, 'out_of_stock', '89.00 EUR', ''],
    ]);
  });

  it('answers a revalidation with 304 until stock or catalog changes', async () => {
    const first = await t.call('GET', '/feeds/products.xml');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect((await t.call('GET', '/feeds/products.xml', { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );

    await t.client(t.tokens.owner).admin.inventory.receive({
      locationId,
      lines: [{ variantId: product.variant('NUDE', 39).id, quantity: 1 }],
    });
    const after = await t.call('GET', '/feeds/products.xml', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(feedItemsOf(after.text).map((i) => i.availability)).toEqual(['in_stock', 'in_stock']);
  });
});
