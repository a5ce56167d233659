import { isDomainError, makeEan13 } from '@shoebox/shared';
import { catalogCsvColumns } from '@shoebox/shared/contracts';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { parseCatalogCsv } from './catalog-csv.ts';

const header = catalogCsvColumns.join(',');
type Row = Record<(typeof catalogCsvColumns)[number], string>;
const toCsv = (rows: Row[]) =>
  stringify([[...catalogCsvColumns], ...rows.map((r) => catalogCsvColumns.map((c) => r[c]))]);
const fromCsv = (text: string): Row[] => parse(text, { columns: true }) as Row[];

describe('parseCatalogCsv', () => {
  it('numbers rows as a spreadsheet does: header row 1, blank lines counted, multi-line cells one row', () => {
    const cells = (name: string) => `MILA,${name},b,c,Leather,60,8900,EUR,draft,,,,,,,,`;
    const text = `\uFEFF${header}\n${cells('"two\nlines"')}\n\n${cells('after blank')}\n,,,,,,,,,,,,,,,,\n${cells('last')}\n`;
    const records = parseCatalogCsv(Buffer.from(text));
    expect(records.map((r) => [r.row, r.cells.product_name])).toEqual([
      [2, 'two\nlines'],
      [4, 'after blank'],
      [6, 'last'],
    ]);
  });

  it('accepts the columns in any order', () => {
    const reversed = [...catalogCsvColumns].reverse();
    const records = parseCatalogCsv(
      Buffer.from(`${reversed.join(',')}\n${reversed.map((c) => c.toUpperCase()).join(',')}\n`),
    );
    expect(records[0]!.cells.style_code).toBe('STYLE_CODE');
  });

  it.each([
    ['unbalanced quotes', `${header}\n"MILA,x,b,c,Leather,60,8900,EUR,draft,,,,,,,,\n`, 'CSV_MALFORMED'],
    [
      'a row with more cells than the header',
      `${header}\nMILA,x,b,c,Leather,60,8900,EUR,draft,,,,,,,,,extra\n`,
      'CSV_MALFORMED',
    ],
    ['an empty file', '', 'CSV_HEADER_INVALID'],
    ['a missing column', `${header.replace(',weight_grams', '')}\n`, 'CSV_HEADER_INVALID'],
  ])('refuses %s', (_name, text, code) => {
    try {
      parseCatalogCsv(Buffer.from(text));
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe(code);
    }
  });
});

describe(`catalog CSV import and export (${testDialect})`, () => {
  let t: TestApp;
  let milaId: string;
  let plainId: string;
  let quotedId: string;

  const post = (path: string, body: unknown, token = t.tokens.manager) =>
    t.call('POST', path, { token, body });
  const exportCsv = async (token = t.tokens.manager) => {
    const res = await t.call('GET', '/admin/catalog/export.csv', { token });
    expect(res.status, res.text).toBe(200);
    return res;
  };
  const importCsv = (text: string, token = t.tokens.manager, type = 'text/csv') =>
    t.call('POST', '/admin/catalog/import', { token, rawBody: text, headers: { 'content-type': type } });

  /** Imports `text`, expects a 4xx with `code`, and checks that no table changed. */
  async function refusedImport(text: string, status: number, code: string, token?: string) {
    const before = await tableCounts(t.store);
    const res = await importCsv(text, token);
    expect(res.status, res.text).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await tableCounts(t.store)).toEqual(before);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const brandId = (await post('/admin/brands', { name: 'Mila & Co' })).body.id;
    await post('/admin/brands', { name: 'Other' });
    const categoryId = (await post('/admin/categories', { name: 'Pumps' })).body.id;
    await post('/admin/categories', { name: 'Flats' });
    const nude = (await post('/admin/colours', { name: 'Nude', family: 'nude', swatchHex: '#E3BC9A' })).body
      .id;
    const black = (await post('/admin/colours', { name: 'Black', family: 'black', swatchHex: '#000000' }))
      .body.id;
    const product = (over: Record<string, unknown>) =>
      post('/admin/products', {
        description: 'x',
        brandId,
        categoryId,
        material: 'Leather',
        heelHeightMm: 60,
        basePriceMinor: 8900,
        currency: 'EUR',
        ...over,
      });
    milaId = (await product({ name: 'Mila pump', styleCode: 'MILA' })).body.id;
    const gen = await post(`/admin/products/${milaId}/variants/generate`, {
      colourIds: [nude, black],
      sizes: [38, 38.5],
      gtinPrefix: '200',
    });
    expect(gen.body.created).toHaveLength(4);
    const wide = await post(`/admin/products/${milaId}/variants`, {
      colourId: nude,
      sizeEu: 39,
      width: 'wide',
      priceMinor: 7900,
      compareAtMinor: 9900,
      weightGrams: 640,
    });
    expect(wide.status).toBe(201);
    await t.call('PATCH', `/admin/products/${milaId}`, {
      token: t.tokens.manager,
      body: { status: 'active' },
    });
    plainId = (await product({ name: 'No variants yet', styleCode: 'PLAIN', heelHeightMm: 0 })).body.id;
    quotedId = (await product({ name: 'Ava "The Classic", slingback; =1+1', styleCode: 'AVA' })).body.id;
    await post(`/admin/products/${quotedId}/variants`, { colourId: black, sizeEu: 41, weightGrams: 700 });
  });
  afterAll(() => t.close());

  it('exports one row per variant, and one for a product without variants', async () => {
    const res = await exportCsv(t.tokens.warehouse);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('catalog.csv');
    expect(res.text.split('\n')[0]).toBe(header);
    const rows = fromCsv(res.text);
    expect(rows.map((r) => r.sku)).toEqual([
      'AVA-BLACK-41',
      'MILA-BLACK-38',
      'MILA-BLACK-38H',
      'MILA-NUDE-38',
      'MILA-NUDE-38H',
      'MILA-NUDE-39-W',
      '',
    ]);
    expect(rows[0]!.product_name).toBe('Ava "The Classic", slingback; =1+1');
    expect(rows.find((r) => r.sku === 'MILA-NUDE-39-W')).toMatchObject({
      style_code: 'MILA',
      brand_slug: 'mila-co',
      category_slug: 'pumps',
      status: 'active',
      colour_code: 'NUDE',
      size_eu: '39',
      width: 'wide',
      gtin: '',
      price_minor: '7900',
      compare_at_minor: '9900',
      weight_grams: '640',
    });
    expect(rows.find((r) => r.sku === 'MILA-NUDE-38H')).toMatchObject({
      size_eu: '38.5',
      price_minor: '',
      gtin: makeEan13('200', 2),
    });
    expect(rows.at(-1)).toMatchObject({
      style_code: 'PLAIN',
      colour_code: '',
      size_eu: '',
      heel_height_mm: '0',
    });
  });

  it('round-trips: importing the export changes nothing', async () => {
    const first = (await exportCsv()).text;
    const before = await tableCounts(t.store);
    const res = await importCsv(first);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      productsCreated: 0,
      productsUpdated: 0,
      variantsCreated: 0,
      variantsUpdated: 0,
    });
    expect(await tableCounts(t.store)).toEqual(before);
    expect((await exportCsv()).text).toBe(first);
  });

  it('writes nothing when one row is bad and names that row and column', async () => {
    const rows = fromCsv((await exportCsv()).text);
    rows[0]!.price_minor = '5000'; // a valid change that must not be applied either
    rows[2]!.gtin = '4006381333932'; // spreadsheet row 4: bad check digit
    const body = await refusedImport(toCsv(rows), 400, 'CSV_INVALID');
    expect(body.errors).toEqual([
      { path: 'row 4: gtin', message: 'GTIN check digit is wrong', code: 'GTIN_CHECK_DIGIT' },
    ]);
    expect(body.detail).toContain('the header is row 1 and the first data row is row 2');
    const detail = await t.call('GET', `/admin/products/${quotedId}`, { token: t.tokens.manager });
    expect(detail.body.variants[0].priceMinor).toBeNull();
  });

  it('reports every bad row and column at once', async () => {
    const base = fromCsv((await exportCsv()).text).find((r) => r.sku === 'MILA-NUDE-38')!;
    const row = (over: Partial<Row>): Row => ({ ...base, ...over });
    const rows = [
      row({ style_code: 'NEW1', sku: 'NEW1-A', gtin: '', brand_slug: 'nobody' }), // 2
      row({ style_code: 'NEW2', sku: 'NEW2-A', gtin: '', colour_code: 'TEAL' }), // 3
      row({ style_code: 'NEW3', sku: 'dup-1', gtin: '', size_eu: '36' }), // 4
      row({ style_code: 'NEW3', sku: 'DUP-1', gtin: '', size_eu: '37' }), // 5: same SKU in another case
      row({ style_code: 'NEW4', sku: 'NEW4-A', gtin: makeEan13('200', 1) }), // 6: GTIN of MILA-NUDE-38? (serial 1)
      row({ style_code: 'NEW3', sku: 'NEW3-B', gtin: '', size_eu: '39', material: 'Suede' }), // 7
      row({ style_code: 'NEW5', sku: 'NEW5-A', gtin: '', price_minor: '5000', compare_at_minor: '5000' }), // 8
      row({ style_code: 'NEW6', sku: 'NEW6-A', gtin: '', size_eu: '38.2' }), // 9
      row({ style_code: 'NEW7', sku: 'NEW7-A', gtin: '', price_minor: '-1' }), // 10
      row({ style_code: 'NEW8', sku: 'NEW8-A', gtin: '', base_price_minor: '12.5' }), // 11
      row({ style_code: 'MILA', sku: 'MILA-NUDE-38', size_eu: '40' }), // 12: identity change
      row({ style_code: 'NEW9', sku: "x'); DROP TABLE variants;--", gtin: '' }), // 13
      row({ style_code: 'NEW10', sku: 'MILA-BLACK-38', gtin: '' }), // 14: SKU of another style
      row({ style_code: 'NEW11', sku: 'NEW11-A', gtin: '12345' }), // 15
    ];
    const body = await refusedImport(toCsv(rows), 400, 'CSV_INVALID');
    const found = body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`);
    expect(found).toEqual([
      'row 2: brand_slug BRAND_NOT_FOUND',
      'row 3: colour_code COLOUR_NOT_FOUND',
      'row 5: sku SKU_DUPLICATE',
      `row 6: gtin GTIN_TAKEN`,
      'row 7: material PRODUCT_FIELDS_DIFFER',
      'row 8: compare_at_minor COMPARE_AT_NOT_HIGHER',
      'row 9: size_eu INVALID_EU_SIZE',
      'row 10: price_minor TOO_SMALL',
      'row 11: base_price_minor NOT_INTEGER',
      'row 12: size_eu VARIANT_IDENTITY_CHANGED',
      'row 13: sku INVALID_FORMAT',
      'row 14: sku SKU_TAKEN',
      'row 15: gtin GTIN_LENGTH',
    ]);
    expect(body.details).toEqual({ errorCount: 13, rowsWithErrors: 13 });
  });

  it('creates and updates products and variants, building missing SKUs', async () => {
    const rows = fromCsv((await exportCsv()).text);
    const mila = rows.filter((r) => r.style_code === 'MILA');
    for (const r of mila) r.base_price_minor = '9500';
    mila.find((r) => r.sku === 'MILA-BLACK-38')!.price_minor = '8000';
    const template = mila.find((r) => r.sku === 'MILA-NUDE-38')!;
    const fresh = (over: Partial<Row>): Row => ({
      ...template,
      style_code: 'ZOE',
      product_name: 'Zoe ankle boot',
      category_slug: 'flats',
      status: 'active',
      gtin: '',
      price_minor: '',
      compare_at_minor: '',
      ...over,
    });
    const file = [
      ...mila,
      fresh({ sku: '', colour_code: 'BLACK', size_eu: '37.5', width: '' }),
      fresh({ sku: 'zoe-special', colour_code: 'NUDE', size_eu: '40', gtin: '036000291452' }),
      {
        ...fresh({}),
        style_code: 'BARE',
        product_name: 'Bare style',
        status: 'draft',
        colour_code: '',
        size_eu: '',
        width: '',
        sku: '',
        weight_grams: '',
      },
    ];
    const before = await tableCounts(t.store);
    const res = await importCsv(toCsv(file));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      productsCreated: 2,
      productsUpdated: 1,
      variantsCreated: 2,
      variantsUpdated: 1,
    });
    const after = await tableCounts(t.store);
    expect(after.products! - before.products!).toBe(2);
    expect(after.variants! - before.variants!).toBe(2);
    expect(after.audit_log! - before.audit_log!).toBe(3);

    const mProduct = await t.call('GET', `/admin/products/${milaId}`, { token: t.tokens.manager });
    expect(mProduct.body).toMatchObject({ basePriceMinor: 9500, version: 3 });
    expect(mProduct.body.variants.find((v: any) => v.sku === 'MILA-BLACK-38')).toMatchObject({
      priceMinor: 8000,
      effectivePriceMinor: 8000,
    });
    const zoe = (await t.call('GET', '/admin/products?q=zoe', { token: t.tokens.manager })).body.items[0];
    expect(zoe).toMatchObject({
      styleCode: 'ZOE',
      slug: 'zoe-ankle-boot',
      status: 'active',
      version: 1,
      description: '',
    });
    const zoeDetail = await t.call('GET', `/admin/products/${zoe.id}`, { token: t.tokens.manager });
    expect(zoeDetail.body.variants.map((v: any) => [v.sku, v.sizeEu, v.width, v.gtin])).toEqual([
      ['ZOE-BLACK-37H', 37.5, 'standard', null],
      ['ZOE-SPECIAL', 40, 'standard', '0036000291452'],
    ]);

    // The same file again is a no-op.
    const again = await importCsv(toCsv(file));
    expect(again.body).toEqual({
      productsCreated: 0,
      productsUpdated: 0,
      variantsCreated: 0,
      variantsUpdated: 0,
    });
  });

  it('gives new styles with the same name distinct slugs', async () => {
    const rows = fromCsv((await exportCsv()).text);
    const plain = rows.find((r) => r.style_code === 'PLAIN')!;
    const twins = ['TWIN1', 'TWIN2', 'TWIN3'].map((code) => ({
      ...plain,
      style_code: code,
      product_name: 'No variants yet',
    }));
    const res = await importCsv(toCsv(twins));
    expect(res.body.productsCreated).toBe(3);
    const list = await t.call('GET', '/admin/products?q=twin', { token: t.tokens.manager });
    expect(list.body.items.map((p: any) => [p.styleCode, p.slug]).sort()).toEqual([
      ['TWIN1', 'no-variants-yet-2'],
      ['TWIN2', 'no-variants-yet-3'],
      ['TWIN3', 'no-variants-yet-4'],
    ]);
  });

  it('lets a barcode move between two SKUs in one file', async () => {
    const rows = fromCsv((await exportCsv()).text);
    const a = rows.find((r) => r.sku === 'MILA-NUDE-38')!;
    const b = rows.find((r) => r.sku === 'MILA-NUDE-38H')!;
    [a.gtin, b.gtin] = [b.gtin, a.gtin];
    const res = await importCsv(toCsv([a, b]));
    expect(res.status, res.text).toBe(200);
    expect(res.body.variantsUpdated).toBe(2);
    const lookup = await t.call('GET', `/admin/variants?gtin=${a.gtin}`, { token: t.tokens.manager });
    expect(lookup.body.sku).toBe('MILA-NUDE-38');
  });

  it('refuses to activate a product that would have no variant', async () => {
    const rows = fromCsv((await exportCsv()).text);
    const plain = rows.find((r) => r.style_code === 'PLAIN')!;
    const body = await refusedImport(toCsv([{ ...plain, status: 'active' }]), 400, 'CSV_INVALID');
    expect(body.errors).toEqual([
      expect.objectContaining({ path: 'row 2: status', code: 'PRODUCT_HAS_NO_VARIANTS' }),
    ]);
    expect(plainId).toBeTruthy();
  });

  it.each([
    ['unbalanced quotes', () => `${header}\n"MILA,Mila pump,mila-co\n`, 'CSV_MALFORMED'],
    ['a missing column', () => `${header.replace('weight_grams', 'weight')}\nMILA\n`, 'CSV_HEADER_INVALID'],
    ['an empty body', () => '', 'CSV_HEADER_INVALID'],
  ])('refuses a file with %s and writes nothing', async (_name, text, code) => {
    const body = await refusedImport(text(), 400, code);
    if (code === 'CSV_HEADER_INVALID' && text() !== '') {
      expect(body.errors).toEqual(
        expect.arrayContaining([
          { path: 'header', message: "Unknown column 'weight'", code: 'UNKNOWN_COLUMN' },
          { path: 'header', message: "Missing column 'weight_grams'", code: 'MISSING_COLUMN' },
        ]),
      );
    }
  });

  it('takes only text/csv and needs catalog:write and prices:write', async () => {
    const text = (await exportCsv()).text;
    const before = await tableCounts(t.store);
    const wrongType = await importCsv(text, t.tokens.manager, 'application/json');
    expect([wrongType.status, wrongType.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    await refusedImport(text, 403, 'PERMISSION_DENIED', t.tokens.warehouse);
    const key = await post(
      '/admin/api-keys',
      { name: 'no prices', permissions: ['catalog:write'] },
      t.tokens.owner,
    );
    const beforeKey = await tableCounts(t.store);
    const res = await importCsv(text, key.body.key);
    expect([res.status, res.body.code]).toEqual([403, 'PERMISSION_DENIED']);
    expect(await tableCounts(t.store)).toEqual(beforeKey);
    expect(beforeKey.api_keys! - before.api_keys!).toBe(1);
  });
});
