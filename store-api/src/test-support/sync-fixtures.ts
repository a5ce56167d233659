import { newId } from '@shoebox/shared';
import { type MutationEnvelope, PROTOCOL_VERSION } from '@shoebox/sync/protocol';
import { eq } from 'drizzle-orm';
import { createProductFixture, type ProductFixture } from './catalog-fixtures.ts';
import type { HttpResult, TestApp } from './harness.ts';
import { createOrderFixture } from './order-fixtures.ts';
import { recordChanges } from '../lib/changes.ts';

/** A registered desktop: its id, the credential, and the staff token it syncs under. */
export interface DeviceFixture {
  id: string;
  credential: string;
  token: string;
}

export async function registerDevice(t: TestApp, token: string, id = newId()): Promise<DeviceFixture> {
  const res = await t.call('POST', '/admin/devices', {
    token,
    body: { id, name: 'Packing desk', mode: 'electron', appVersion: '1.0.0' },
  });
  if (res.status !== 201) throw new Error(`register device: ${res.status} ${res.text}`);
  return { id, credential: res.body.credential, token };
}

const headersOf = (d: DeviceFixture) => ({ 'x-device-credential': d.credential });

export const pull = (
  t: TestApp,
  d: DeviceFixture,
  query: { cursor?: string | null; limit?: number; v?: string } = {},
): Promise<HttpResult> => {
  const q = new URLSearchParams({ v: query.v ?? String(PROTOCOL_VERSION) });
  if (query.cursor) q.set('cursor', query.cursor);
  if (query.limit) q.set('limit', String(query.limit));
  return t.call('GET', `/sync/pull?${q}`, { token: d.token, headers: headersOf(d) });
};

export const push = (t: TestApp, d: DeviceFixture, body: unknown): Promise<HttpResult> =>
  t.call('POST', '/sync/push', { token: d.token, headers: headersOf(d), body });

export const envelope = (d: DeviceFixture, name: string, args: unknown): MutationEnvelope => ({
  id: newId(),
  deviceId: d.id,
  name,
  args,
  clientTime: Date.now(),
});

export const pushOf = (d: DeviceFixture, mutations: MutationEnvelope[]) => ({
  protocolVersion: PROTOCOL_VERSION,
  deviceId: d.id,
  mutations,
});

/** Every record from the start, following `hasMore`, with the cursor at the end. */
export async function pullAll(
  t: TestApp,
  d: DeviceFixture,
  limit?: number,
  from: string | null = null,
): Promise<{
  records: { op: string; entity: string; id: string; seq: number; row?: Record<string, unknown> }[];
  cursor: string;
  pages: number;
}> {
  const records = [];
  let cursor = from;
  let pages = 0;
  for (;;) {
    const res = await pull(t, d, { cursor, ...(limit ? { limit } : {}) });
    if (res.status !== 200) throw new Error(`pull: ${res.status} ${res.text}`);
    records.push(...res.body.records);
    cursor = res.body.cursor;
    pages += 1;
    if (!res.body.hasMore) return { records, cursor: cursor as string, pages };
  }
}

/** A small shop: one product (2 colours x 2 sizes), two locations with a bin, stock, and two orders. */
export interface SyncShop {
  product: ProductFixture;
  locationId: string;
  secondLocationId: string;
  binId: string;
  toShipOrderId: string;
  pendingOrderId: string;
}

export async function syncShop(t: TestApp): Promise<SyncShop> {
  const owner = t.tokens.owner;
  const post = async (path: string, body: unknown) => {
    const res = await t.call('POST', path, { token: owner, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const product = await createProductFixture(t, { colours: ['NUDE', 'BLACK'], sizes: [38, 39] });
  const location = await post('/admin/stock-locations', {
    code: `WH${Date.now() % 100000}`,
    name: 'Warehouse',
  });
  const second = await post('/admin/stock-locations', {
    code: `SF${Date.now() % 100000}`,
    name: 'Shop floor',
  });
  const bin = await post(`/admin/stock-locations/${location.id}/bins`, { code: 'A-01-1' });
  await post('/admin/inventory/receive', {
    locationId: location.id,
    lines: product.variants.map((v) => ({ variantId: v.id, quantity: 10 })),
  });
  const toShip = await createOrderFixture(t, { lines: [{ variant: product.variants[0]!, quantity: 1 }] });
  const pending = await createOrderFixture(t, { lines: [{ variant: product.variants[1]!, quantity: 1 }] });
  await markPaid(t, toShip.id);
  return {
    product,
    locationId: location.id,
    secondLocationId: second.id,
    binId: bin.id,
    toShipOrderId: toShip.id,
    pendingOrderId: pending.id,
  };
}

/** The payment flows are tested elsewhere: here an order is simply marked paid, and logged as changed. */
export async function markPaid(t: TestApp, orderId: string): Promise<void> {
  const o = t.store.t.orders;
  const now = Date.now();
  await t.store.tx(async (tx) => {
    await tx.update(o).set({ status: 'paid', paidAt: now, updatedAt: now }).where(eq(o.id, orderId));
    await recordChanges(t.store, tx, 'order', [orderId], now);
  });
}
