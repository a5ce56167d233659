/** Stock locations and their bins. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import {
  inventoryHelpers,
  type InventoryWorld,
  startInventoryWorld,
} from '../../test-support/inventory-fixtures.ts';

describe(`inventory: locations, ledger writes and reads (${testDialect})`, () => {
  let t: TestApp;
  let main: InventoryWorld['main'];
  let shop: InventoryWorld['shop'];
  const { post, get } = inventoryHelpers(() => t);

  beforeAll(async () => {
    ({ t, main, shop } = await startInventoryWorld());
  });
  afterAll(() => t.close());

  describe('locations and bins', () => {
    it('creates locations with upper-case codes and lists them by code', async () => {
      expect(main.code).toBe('MAIN');
      const list = await get('/admin/stock-locations');
      expect(list.status).toBe(200);
      expect(list.body.map((l: { code: string }) => l.code)).toEqual(['MAIN', 'SHOP']);
    });

    it('refuses a duplicate location code (409 LOCATION_CODE_TAKEN) and writes nothing', async () => {
      const before = await tableCounts(t.store);
      const res = await post('/admin/stock-locations', { code: 'Main', name: 'Again' }, t.tokens.owner);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('LOCATION_CODE_TAKEN');
      expect(await tableCounts(t.store)).toEqual(before);
    });

    it('lets only settings:manage create locations; warehouse may create bins', async () => {
      const res = await post('/admin/stock-locations', { code: 'X', name: 'X' }, t.tokens.warehouse);
      expect(res.status).toBe(403);
      const bins = await get(`/admin/stock-locations/${main.id}/bins`);
      expect(bins.body).toEqual([expect.objectContaining({ code: 'A-03-2', locationId: main.id })]);
    });

    it('refuses a duplicate bin code in one location but allows it in another', async () => {
      const dup = await post(`/admin/stock-locations/${main.id}/bins`, { code: 'A-03-2' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('BIN_CODE_TAKEN');
      const other = await post(`/admin/stock-locations/${shop.id}/bins`, { code: 'A-03-2' });
      expect(other.status).toBe(201);
    });

    it('answers 404 LOCATION_NOT_FOUND for bins of an unknown location', async () => {
      const res = await get('/admin/stock-locations/0190a000-0000-7000-8000-000000000000/bins');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('LOCATION_NOT_FOUND');
    });
  });
});
