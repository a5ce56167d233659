/**
 * Shared setup for the inventory API tests: an app with the MAIN and SHOP locations, a bin in each
 * and the Mila pump in two colours, plus the request helpers the tests use.
 */
import { expect } from 'vitest';
import { createProductFixture, type ProductFixture } from './catalog-fixtures.ts';
import { startTestApp, type TestApp, tableCounts } from './harness.ts';

export interface InventoryWorld {
  t: TestApp;
  main: { id: string; code: string };
  shop: { id: string; code: string };
  binA: { id: string };
  shopBin: { id: string };
  mila: ProductFixture;
}

/** Request helpers bound to the app `app()` returns once `beforeAll` has started it. */
export function inventoryHelpers(app: () => TestApp) {
  const post = (path: string, body: unknown, token = app().tokens.warehouse) =>
    app().call('POST', path, { token, body });
  const get = (path: string, token = app().tokens.warehouse) => app().call('GET', path, { token });
  const level = async (variantId: string, locationId: string) => {
    const res = await get(`/admin/inventory/levels?variantId=${variantId}&locationId=${locationId}`);
    return res.body.items[0] as {
      onHand: number;
      reserved: number;
      available: number;
      binCode: string | null;
    };
  };
  /** Sends a request that must be refused and proves no table changed. */
  const refusedWithoutWrites = async (path: string, body: unknown, status: number, code: string) => {
    const before = await tableCounts(app().store);
    const res = await post(path, body);
    expect(res.status, res.text).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await tableCounts(app().store)).toEqual(before);
    return res.body;
  };
  return { post, get, level, refusedWithoutWrites };
}

/** Starts an app with the locations, bins and product every inventory test file begins from. */
export async function startInventoryWorld(): Promise<InventoryWorld> {
  const t = await startTestApp();
  const { post } = inventoryHelpers(() => t);
  const main = (
    await post('/admin/stock-locations', { code: 'main', name: 'Main warehouse' }, t.tokens.owner)
  ).body;
  const shop = (
    await post('/admin/stock-locations', { code: 'SHOP', name: 'Shop stockroom' }, t.tokens.owner)
  ).body;
  const binA = (await post(`/admin/stock-locations/${main.id}/bins`, { code: 'a-03-2' })).body;
  const shopBin = (await post(`/admin/stock-locations/${shop.id}/bins`, { code: 'S-01-1' })).body;
  const mila = await createProductFixture(t, {
    name: 'Mila pointed-toe pump',
    styleCode: 'MILA',
    colours: ['NUDE', 'BLACK'],
    sizes: [36, 37, 38, 39, 40, 41],
    lowStockThreshold: 2,
  });
  return { t, main, shop, binA, shopBin, mila };
}
