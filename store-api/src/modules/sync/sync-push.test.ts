import { newId } from '@shoebox/shared';
import { PROTOCOL_VERSION } from '@shoebox/sync/protocol';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import {
  envelope,
  pullAll,
  push,
  pushOf,
  registerDevice,
  type SyncShop,
  syncShop,
} from '../../test-support/sync-fixtures.ts';

describe(`POST /sync/push (${testDialect})`, () => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp();
    shop = await syncShop(t);
  });
  afterAll(() => t.close());

  const level = async (variantId: string, locationId: string) => {
    const [row] = await t.store.rows<{ on_hand: number | string; reserved: number | string }>(
      sql`select on_hand, reserved from stock_levels where variant_id = ${variantId} and location_id = ${locationId}`,
    );
    return row ? { onHand: Number(row.on_hand), reserved: Number(row.reserved) } : null;
  };
  const movementsOf = async (mutationId: string) => {
    const [row] = await t.store.rows<{ n: number | string }>(
      sql`select count(*) as n from stock_movements where reference = ${mutationId}`,
    );
    return Number(row?.n);
  };

  it('applies, answers a retry as a duplicate with the first result, and rejects with a stable code', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    const v = shop.product.variants[2]!.id;
    const before = await level(v, shop.locationId);
    const receive = envelope(d, 'inventory.receive', {
      variantId: v,
      locationId: shop.locationId,
      quantity: 4,
    });
    const tooMuch = envelope(d, 'inventory.adjust', {
      variantId: v,
      locationId: shop.locationId,
      delta: -1000,
      reason: 'damaged',
    });
    const first = await push(t, d, pushOf(d, [receive, tooMuch]));
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected']);
    expect(first.body.results[1].code).toBe('INSUFFICIENT_STOCK');
    expect(await level(v, shop.locationId)).toEqual({
      onHand: before!.onHand + 4,
      reserved: before!.reserved,
    });

    const retry = await push(t, d, pushOf(d, [receive, tooMuch]));
    expect(retry.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(retry.body.results[0].first).toEqual(first.body.results[0]);
    expect(retry.body.results[1].first).toEqual(first.body.results[1]);
    expect(await level(v, shop.locationId)).toEqual({
      onHand: before!.onHand + 4,
      reserved: before!.reserved,
    });
    expect(await movementsOf(receive.id)).toBe(1);
  });

  it('moves orders through fulfilment with the state machine, and rejects a step an order cannot take', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    const steps = ['start_picking', 'pack'].map((event) =>
      envelope(d, 'order.transition', { orderId: shop.toShipOrderId, event }),
    );
    const illegal = envelope(d, 'order.transition', { orderId: shop.pendingOrderId, event: 'ship' });
    const res = await push(t, d, pushOf(d, [...steps, illegal]));
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
    ]);
    expect(res.body.results[2].code).toBe('ILLEGAL_ORDER_TRANSITION');
    const detail = await t.call('GET', `/admin/orders/${shop.toShipOrderId}`, { token: t.tokens.owner });
    expect(detail.body.status).toBe('packed');
    expect(JSON.stringify(detail.body.timeline ?? detail.body)).toContain('Packed');
  });

  it('lets a manager edit a product field by field; the same field changed meanwhile is a conflict', async () => {
    const d = await registerDevice(t, t.tokens.manager);
    const { records } = await pullAll(t, d);
    const product = records.filter((r) => r.entity === 'product' && r.id === shop.product.id).at(-1)!.row!;
    const edit = envelope(d, 'product.update', {
      productId: product.id,
      baseVersion: product.version,
      fields: { material: 'suede' },
      base: { material: product.material },
    });
    expect((await push(t, d, pushOf(d, [edit]))).body.results[0].status).toBe('applied');
    const stale = envelope(d, 'product.update', {
      productId: product.id,
      baseVersion: product.version,
      fields: { material: 'satin' },
      base: { material: product.material },
    });
    const res = await push(t, d, pushOf(d, [stale]));
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'PRODUCT_EDIT_CONFLICT' });
    const now = await t.call('GET', `/admin/products/${product.id}`, { token: t.tokens.owner });
    expect(now.body.material).toBe('suede');
    const warehouse = await registerDevice(t, t.tokens.warehouse);
    const denied = envelope(warehouse, 'product.update', {
      productId: product.id,
      baseVersion: now.body.version,
      fields: { name: 'Nope' },
      base: { name: now.body.name },
    });
    expect((await push(t, warehouse, pushOf(warehouse, [denied]))).body.results[0].code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('a server rule the plan cannot know rejects the mutation with its code and writes nothing', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    const longId = envelope(d, 'order.note', {
      orderId: shop.toShipOrderId,
      noteId: 'n'.repeat(60),
      text: 'x',
    });
    const before = await tableCounts(t.store);
    const res = await push(t, d, pushOf(d, [longId]));
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'MUTATION_ARGS_INVALID' });
    const after = await tableCounts(t.store);
    expect(after).toEqual({ ...before, sync_results: before.sync_results! + 1 });
  });

  it('a refused write between two applied mutations of one batch leaves their effects and records all three', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    const v = shop.product.variants[0]!.id;
    const before = await level(v, shop.locationId);
    const receive = () =>
      envelope(d, 'inventory.receive', { variantId: v, locationId: shop.locationId, quantity: 2 });
    const first = receive();
    const refused = envelope(d, 'order.note', {
      orderId: shop.toShipOrderId,
      noteId: 'n'.repeat(60),
      text: 'x',
    });
    const last = receive();
    const counts = await tableCounts(t.store);
    const res = await push(t, d, pushOf(d, [first, refused, last]));
    expect(res.body.results.map((r: { code?: string; status: string }) => r.code ?? r.status)).toEqual([
      'applied',
      'MUTATION_ARGS_INVALID',
      'applied',
    ]);
    expect(await level(v, shop.locationId)).toEqual({
      onHand: before!.onHand + 4,
      reserved: before!.reserved,
    });
    const after = await tableCounts(t.store);
    expect(after.stock_movements).toBe(counts.stock_movements! + 2);
    expect(after.order_events).toBe(counts.order_events);
    expect(after.sync_results).toBe(counts.sync_results! + 3);
    const retry = await push(t, d, pushOf(d, [first, refused, last]));
    expect(retry.body.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(await movementsOf(first.id)).toBe(1);
  });

  it('unknown names and args failing their schema are per-mutation rejections; the rest still applies', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    const v = shop.product.variants[3]!.id;
    const unknown = envelope(d, 'inventory.teleport', { variantId: v });
    const badArgs = envelope(d, 'inventory.receive', {
      variantId: v,
      locationId: shop.locationId,
      quantity: -3,
    });
    const good = envelope(d, 'inventory.receive', { variantId: v, locationId: shop.locationId, quantity: 1 });
    const before = await tableCounts(t.store);
    const res = await push(t, d, pushOf(d, [unknown, badArgs, good]));
    expect(res.body.results.map((r: { code?: string; status: string }) => r.code ?? r.status)).toEqual([
      'MUTATION_UNKNOWN',
      'MUTATION_ARGS_INVALID',
      'applied',
    ]);
    const after = await tableCounts(t.store);
    expect(after.stock_movements).toBe(before.stock_movements! + 1);
    expect(after.sync_results).toBe(before.sync_results! + 3);
  });

  it('refuses malformed envelopes, oversized batches and old versions as a whole, writing nothing', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    const good = envelope(d, 'inventory.receive', {
      variantId: shop.product.variants[0]!.id,
      locationId: shop.locationId,
      quantity: 1,
    });
    const cases: [unknown, number, string][] = [
      [{ ...pushOf(d, [good]), protocolVersion: 0 }, 400, 'SYNC_UPDATE_REQUIRED'],
      [{ deviceId: d.id, mutations: [good] }, 400, 'SYNC_UPDATE_REQUIRED'],
      [{ ...pushOf(d, [good]), protocolVersion: PROTOCOL_VERSION + 1 }, 400, 'SYNC_SERVER_OUTDATED'],
      [pushOf(d, [good, { ...good, id: 'not-a-uuid' }]), 400, 'SYNC_REQUEST_INVALID'],
      [pushOf(d, [good, { ...good, id: newId().replace(/^(.{14})7/, '$14') }]), 400, 'SYNC_REQUEST_INVALID'],
      [pushOf(d, [{ ...good, extra: 1 } as never]), 400, 'SYNC_REQUEST_INVALID'],
      [pushOf(d, []), 400, 'SYNC_REQUEST_INVALID'],
      [
        pushOf(
          d,
          Array.from({ length: 101 }, () => ({ ...good, id: newId() })),
        ),
        400,
        'SYNC_BATCH_TOO_LARGE',
      ],
    ];
    const before = await tableCounts(t.store);
    for (const [body, status, code] of cases) {
      const res = await push(t, d, body);
      expect([res.status, res.body.code], JSON.stringify(body).slice(0, 120)).toEqual([status, code]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const text = await t.call('POST', '/sync/push', {
      token: d.token,
      headers: { 'x-device-credential': d.credential, 'content-type': 'application/json' },
      rawBody: '{"protocolVersion":1,',
    });
    expect(text.status).toBe(400);
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('concurrent pushes of the same mutation apply it once; every answer carries the same first result', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    const v = shop.product.variants[1]!.id;
    const before = await level(v, shop.locationId);
    const batch = Array.from({ length: 5 }, () =>
      envelope(d, 'inventory.receive', { variantId: v, locationId: shop.locationId, quantity: 2 }),
    );
    const answers = await Promise.all(Array.from({ length: 6 }, () => push(t, d, pushOf(d, batch))));
    for (const a of answers) expect(a.status).toBe(200);
    for (const [i, m] of batch.entries()) {
      const settled = answers
        .map((a) => a.body.results[i])
        .filter((r) => r !== undefined)
        .map((r) => (r.status === 'duplicate' ? r.first : r));
      expect(settled.length).toBeGreaterThan(0);
      expect(new Set(settled.map((r) => JSON.stringify(r))).size).toBe(1);
      expect(await movementsOf(m.id)).toBe(1);
    }
    expect(await level(v, shop.locationId)).toEqual({
      onHand: before!.onHand + 10,
      reserved: before!.reserved,
    });
  });
});
