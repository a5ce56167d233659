import { describe, expect, it } from 'vitest';
import { entityNames, entitySchemas } from '../protocol/entities.ts';
import { openShop } from '../test-support/shop.ts';
import { handlePull } from './apply.ts';
import { warehousePolicy } from './field-policy.ts';

const pullAll = async (
  shop: Awaited<ReturnType<typeof openShop>>,
  role: 'warehouse' | 'manager',
  limit = 4,
) => {
  const records = [];
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await handlePull(
      shop.server,
      { deviceId: 'd', role },
      { protocolVersion: 1, cursor, limit },
    );
    expect(page.from).toBe(cursor);
    records.push(...page.records);
    cursor = page.cursor;
    pages += 1;
    if (!page.hasMore) return { records, cursor, pages };
  }
};

describe('changesSince', () => {
  it('pages through every row once, in sequence order, ending with a cursor at the head', async () => {
    const shop = await openShop();
    const { records, pages } = await pullAll(shop, 'manager', 4);
    const seqs = records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(records.map((r) => `${r.entity}/${r.id}`)).size).toBe(records.length);
    expect(records.length).toBe(shop.server.rows.size);
    expect(pages).toBeGreaterThan(records.length / 4);
  });

  it('sends a row changed twice since the cursor once, as it is now', async () => {
    const shop = await openShop();
    const { cursor } = await pullAll(shop, 'manager');
    await shop.run('warehouse', 'inventory.receive', { variantId: 'v1', locationId: 'L1', quantity: 1 });
    await shop.run('warehouse', 'inventory.receive', { variantId: 'v1', locationId: 'L1', quantity: 2 });
    const page = await handlePull(
      shop.server,
      { deviceId: 'd', role: 'manager' },
      { protocolVersion: 1, cursor },
    );
    expect(page.records).toEqual([
      expect.objectContaining({
        op: 'upsert',
        entity: 'stockLevel',
        id: 'v1:L1',
        row: shop.server.get('stockLevel', 'v1:L1'),
      }),
    ]);
  });

  it('sends a tombstone for a row that is gone', async () => {
    const shop = await openShop();
    const { cursor } = await pullAll(shop, 'manager');
    await shop.server.serverWrite((tx) => tx.delete('bin', 'bin1'));
    const page = await handlePull(
      shop.server,
      { deviceId: 'd', role: 'manager' },
      { protocolVersion: 1, cursor },
    );
    expect(page.records).toEqual([{ op: 'delete', entity: 'bin', id: 'bin1', seq: expect.any(Number) }]);
  });

  it('is safe to repeat: the same cursor gives the same page', async () => {
    const shop = await openShop();
    const first = await handlePull(
      shop.server,
      { deviceId: 'd', role: 'manager' },
      { protocolVersion: 1, cursor: null, limit: 5 },
    );
    const again = await handlePull(
      shop.server,
      { deviceId: 'd', role: 'manager' },
      { protocolVersion: 1, cursor: null, limit: 5 },
    );
    expect(again).toEqual(first);
  });

  it('remembers a sequence number committed late (MySQL) and delivers its change when it shows up', async () => {
    const shop = await openShop();
    const { cursor } = await pullAll(shop, 'manager');
    shop.server.faults = { lateCommit: 1, lateCommitMs: 500 };
    await shop.run('warehouse', 'inventory.receive', { variantId: 'v2', locationId: 'L1', quantity: 1 }); // hidden for 500 ms
    shop.server.faults = {};
    await shop.run('warehouse', 'order.note', { orderId: 'o1', noteId: 'n1', text: 'x' });
    const scope = { deviceId: 'd', role: 'manager' as const };
    const early = await handlePull(shop.server, scope, { protocolVersion: 1, cursor });
    expect(early.records.map((r) => r.entity)).toEqual(['orderNote']);
    shop.clock.t += 600;
    const late = await handlePull(shop.server, scope, { protocolVersion: 1, cursor: early.cursor });
    expect(late.records.map((r) => `${r.entity}/${r.id}`)).toEqual(['stockLevel/v2:L1']);
    const after = await handlePull(shop.server, scope, { protocolVersion: 1, cursor: late.cursor });
    expect(after.records).toEqual([]);
  });
});

describe('field policy on the wire', () => {
  it('a warehouse device never receives a field it may not see, checked field by field', async () => {
    const shop = await openShop();
    await shop.run('warehouse', 'order.transition', { orderId: 'o4', event: 'ship' }); // o4: shipped now
    const { records } = await pullAll(shop, 'warehouse', 50);
    expect(new Set(records.map((r) => r.entity))).toEqual(
      new Set(entityNames.filter((e) => e !== 'orderNote')),
    );
    for (const record of records) {
      if (record.op !== 'upsert') continue;
      const rule = warehousePolicy[record.entity];
      const allowed = new Set([...rule.fields, ...Object.keys(rule.when ?? {})]);
      for (const field of Object.keys(record.row))
        expect(allowed, `${record.entity}.${field}`).toContain(field);
      expect(entitySchemas[record.entity].safeParse(record.row).success).toBe(true);
    }
    const orders = records
      .filter((r) => r.op === 'upsert' && r.entity === 'order')
      .map((r) => (r.op === 'upsert' ? r.row : null));
    for (const order of orders as {
      status: string;
      shippingAddress?: unknown;
      email?: unknown;
      totalMinor?: unknown;
    }[]) {
      expect(order.email).toBeUndefined();
      expect(order.totalMinor).toBeUndefined();
      expect(order.shippingAddress !== undefined).toBe(['paid', 'picking', 'packed'].includes(order.status));
    }
    const product = records.find((r) => r.entity === 'product');
    expect(product?.op === 'upsert' && product.row).not.toHaveProperty('basePriceMinor');
  });

  it('a manager device receives every field', async () => {
    const shop = await openShop();
    const { records } = await pullAll(shop, 'manager', 50);
    const order = records.find((r) => r.entity === 'order' && r.id === 'o1');
    expect(order?.op === 'upsert' && order.row).toMatchObject({
      email: 'shopper1@example.test',
      totalMinor: 10400,
    });
  });
});
