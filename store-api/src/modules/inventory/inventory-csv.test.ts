import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductFixture, type ProductFixture } from '../../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { parseCountCsv } from './inventory-csv.ts';
import { createInventoryService } from './inventory.service.ts';

describe('stock count CSV parsing', () => {
  it('numbers rows as a spreadsheet does, skipping blank lines, and reads a BOM and quoted cells', () => {
    const text =
      '\uFEFFSKU,Location_Code,counted,bin_code\r\nmila-nude-38 ,main,4,\r\n\r\n"MILA-NUDE-39",MAIN,"12",a-03-2\r\n';
    const { rows, errors } = parseCountCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, sku: 'MILA-NUDE-38', locationCode: 'MAIN', counted: 4, binCode: null },
      { row: 4, sku: 'MILA-NUDE-39', locationCode: 'MAIN', counted: 12, binCode: 'A-03-2' },
    ]);
  });

  it('reports header problems, bad counts and short rows by row and column', () => {
    expect(parseCountCsv('sku,location_code,qty\n').errors.map((e) => e.code)).toEqual([
      'UNKNOWN_COLUMN',
      'MISSING_COLUMN',
    ]);
    expect(parseCountCsv('').errors[0]?.code).toBe('EMPTY_FILE');
    expect(parseCountCsv('sku,location_code,counted\n').errors[0]?.code).toBe('EMPTY_FILE');
    const { errors } = parseCountCsv(
      'sku,location_code,counted\nA-1,MAIN,1.5\nA-2,MAIN,-1\nA-3,MAIN\nA-4,,x\n',
    );
    expect(errors).toEqual([
      expect.objectContaining({ path: 'row 2: counted', code: 'INVALID_COUNT' }),
      expect.objectContaining({ path: 'row 3: counted', code: 'INVALID_COUNT' }),
      expect.objectContaining({ path: 'row 4', code: 'WRONG_CELL_COUNT' }),
      expect.objectContaining({ path: 'row 5: location_code', code: 'REQUIRED' }),
      expect.objectContaining({ path: 'row 5: counted', code: 'INVALID_COUNT' }),
    ]);
    expect(parseCountCsv('sku,location_code,counted\n"A,1\n').errors[0]?.code).toBe('MALFORMED_CSV');
  });
});

describe(`stock CSV export and import over HTTP (${testDialect})`, () => {
  let t: TestApp;
  let main: { id: string };
  let shop: { id: string };
  let mila: ProductFixture;

  const importCsv = (csv: string, token = t.tokens.manager, contentType = 'text/csv') =>
    t.call('POST', '/admin/inventory/import', {
      token,
      rawBody: csv,
      headers: { 'content-type': contentType },
    });
  const onHand = async (sku: string, location: { id: string }) => {
    const v = mila.variants.find((x) => x.sku === sku)!;
    const res = await t.call('GET', `/admin/inventory/levels?variantId=${v.id}&locationId=${location.id}`, {
      token: t.tokens.warehouse,
    });
    return res.body.items[0] as { onHand: number; reserved: number; binCode: string | null } | undefined;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const loc = (code: string) =>
      t.call('POST', '/admin/stock-locations', { token: t.tokens.owner, body: { code, name: code } });
    main = (await loc('MAIN')).body;
    shop = (await loc('SHOP')).body;
    for (const [location, code] of [
      [main, 'A-03-2'],
      [shop, 'S-01-1'],
    ] as const)
      await t.call('POST', `/admin/stock-locations/${location.id}/bins`, {
        token: t.tokens.warehouse,
        body: { code },
      });
    mila = await createProductFixture(t, { styleCode: 'MILA', colours: ['NUDE'], sizes: [37, 38, 39] });
    await t.call('POST', '/admin/inventory/receive', {
      token: t.tokens.warehouse,
      body: {
        locationId: main.id,
        lines: [
          { variantId: mila.variant('NUDE', 37).id, quantity: 5 },
          { variantId: mila.variant('NUDE', 38).id, quantity: 2 },
        ],
      },
    });
  });
  afterAll(() => t.close());

  it('exports every level as CSV with on hand, reserved and available', async () => {
    const res = await t.call('GET', '/admin/inventory/levels.csv', { token: t.tokens.warehouse });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.text).toBe(
      'sku,location_code,bin_code,on_hand,reserved,available\nMILA-NUDE-37,MAIN,,5,0,5\nMILA-NUDE-38,MAIN,,2,0,2\n',
    );
  });

  it('refuses the whole file when one row is bad, names the row, and writes nothing', async () => {
    const before = await tableCounts(t.store);
    const res = await importCsv(
      [
        'sku,location_code,counted',
        'MILA-NUDE-37,MAIN,4',
        'MILA-NUDE-38,MAIN,3',
        'MILA-NUDE-39,MAIN,-2',
      ].join('\n'),
    );
    expect(res.status, res.text).toBe(400);
    expect(res.body.code).toBe('CSV_INVALID');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'row 4: counted', code: 'INVALID_COUNT' }),
    ]);
    expect(await tableCounts(t.store)).toEqual(before);
    expect((await onHand('MILA-NUDE-37', main))?.onHand).toBe(5);
  });

  it('reports every kind of bad row at once: unknown sku and location, foreign bin, duplicate row', async () => {
    const before = await tableCounts(t.store);
    const res = await importCsv(
      [
        'sku,location_code,counted,bin_code',
        'MILA-NUDE-37,MAIN,4,A-03-2',
        'NOPE-1,MAIN,1,',
        'MILA-NUDE-38,WAREHOUSE-9,1,',
        'MILA-NUDE-39,MAIN,1,S-01-1',
        'mila-nude-37,main,2,',
      ].join('\n'),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'row 3: sku', code: 'SKU_NOT_FOUND' }),
      expect.objectContaining({ path: 'row 4: location_code', code: 'LOCATION_NOT_FOUND' }),
      expect.objectContaining({ path: 'row 5: bin_code', code: 'BIN_NOT_FOUND' }),
      expect.objectContaining({ path: 'row 6: sku', code: 'DUPLICATE_ROW' }),
    ]);
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('applies a good file as count movements of counted - on hand, in any SKU case, shelving bins', async () => {
    const before = await tableCounts(t.store);
    const res = await importCsv(
      [
        'sku,location_code,counted,bin_code',
        'mila-nude-37,main,4,a-03-2',
        'MILA-NUDE-38,MAIN,2,',
        'MILA-NUDE-39,SHOP,6,S-01-1',
      ].join('\n'),
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, movements: 3, changed: 2 });
    expect(await onHand('MILA-NUDE-37', main)).toMatchObject({ onHand: 4, binCode: 'A-03-2' });
    expect(await onHand('MILA-NUDE-38', main)).toMatchObject({ onHand: 2 });
    expect(await onHand('MILA-NUDE-39', shop)).toMatchObject({ onHand: 6, binCode: 'S-01-1' });
    const after = await tableCounts(t.store);
    expect(after.stock_movements! - before.stock_movements!).toBe(3);
    const moves = await t.call('GET', `/admin/inventory/movements?reference=import-${res.body.importId}`, {
      token: t.tokens.warehouse,
    });
    expect(
      moves.body.items.map((m: { quantity: number; reason: string }) => [m.quantity, m.reason]).sort(),
    ).toEqual([
      [-1, 'import: counted 4'],
      [0, 'import: counted 2'],
      [6, 'import: counted 6'],
    ]);
  });

  it('refuses a count below what is reserved for orders, naming the row', async () => {
    const inv = createInventoryService(t.store);
    const staffId = (await t.call('GET', '/admin/me', { token: t.tokens.owner })).body.id;
    await t.store.tx((tx) =>
      inv.reserve(
        tx,
        {
          requestId: 'csv-test',
          log: pino({ level: 'silent' }),
          actor: { type: 'staff', id: staffId, role: 'owner', sessionId: 'x' },
          now: Date.now(),
        },
        { variantId: mila.variant('NUDE', 37).id, locationId: main.id, quantity: 3, reference: 'order-1' },
      ),
    );
    const before = await tableCounts(t.store);
    const res = await importCsv('sku,location_code,counted\nMILA-NUDE-37,MAIN,2\n');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'row 2: counted', code: 'COUNT_BELOW_RESERVED' }),
    ]);
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('needs text/csv, and inventory:import (warehouse staff may not import)', async () => {
    const wrongType = await importCsv('sku,location_code,counted\n', t.tokens.manager, 'application/json');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const warehouse = await importCsv('sku,location_code,counted\nMILA-NUDE-37,MAIN,1\n', t.tokens.warehouse);
    expect(warehouse.status).toBe(403);
  });
});
