import { newId } from '@shoebox/shared';
import { encodeCursor } from '@shoebox/sync/protocol';
import { warehousePolicyFields } from '../../test-support/sync-policy-fixtures.ts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordChanges } from '../../lib/changes.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import {
  envelope,
  markPaid,
  pull,
  pullAll,
  push,
  pushOf,
  registerDevice,
  type SyncShop,
  syncShop,
} from '../../test-support/sync-fixtures.ts';

describe(`GET /sync/pull (${testDialect})`, () => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp();
    shop = await syncShop(t);
  });
  afterAll(() => t.close());

  it('pages through every synced entity in sequence order, and a page repeated changes nothing', async () => {
    const d = await registerDevice(t, t.tokens.owner);
    const small = await pullAll(t, d, 3);
    const big = await pullAll(t, d);
    expect(small.pages).toBeGreaterThan(3);
    const seqs = small.records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const entities = new Set(small.records.map((r) => r.entity));
    for (const e of [
      'brand',
      'category',
      'colour',
      'product',
      'variant',
      'location',
      'bin',
      'stockLevel',
      'order',
      'orderLine',
    ])
      expect(entities, e).toContain(e);
    // The same final state whatever the page size.
    const last = (rs: typeof small.records) => {
      const m = new Map<string, unknown>();
      for (const r of rs) m.set(`${r.entity}/${r.id}`, r.op === 'upsert' ? r.row : null);
      return m;
    };
    expect(last(small.records)).toEqual(last(big.records));
    // Stock levels are keyed variant:location, one per level (store-api logs stock by variant).
    const level = small.records.find(
      (r) => r.entity === 'stockLevel' && r.id === `${shop.product.variants[0]!.id}:${shop.locationId}`,
    );
    expect(level?.row).toMatchObject({
      onHand: 10,
      variantId: shop.product.variants[0]!.id,
      locationId: shop.locationId,
    });
    const again = await pull(t, d, { cursor: big.cursor });
    expect(again.body.records).toEqual([]);
    expect(again.body.from).toBe(big.cursor);
  });

  it('sends the changes after a cursor: upserts, then a tombstone for a row that went away', async () => {
    const d = await registerDevice(t, t.tokens.owner);
    const { cursor } = await pullAll(t, d);
    const bin = await t.call('POST', `/admin/stock-locations/${shop.locationId}/bins`, {
      token: t.tokens.owner,
      body: { code: 'Z-09-9' },
    });
    // No route deletes a synced row yet; a module that does logs `delete` in its transaction.
    const b = t.store.t.bins;
    await t.store.tx(async (tx) => {
      await tx.delete(b).where(eq(b.id, bin.body.id));
      await recordChanges(t.store, tx, 'bin', [bin.body.id], Date.now(), 'delete');
    });
    await t.call('POST', '/admin/inventory/receive', {
      token: t.tokens.owner,
      body: {
        locationId: shop.secondLocationId,
        lines: [{ variantId: shop.product.variants[1]!.id, quantity: 3 }],
      },
    });
    const next = await pullAll(t, d, 1, cursor);
    const binRecords = next.records.filter((r) => r.id === bin.body.id);
    expect(binRecords.at(-1)).toMatchObject({ op: 'delete', entity: 'bin' });
    const level = next.records.find(
      (r) => r.id === `${shop.product.variants[1]!.id}:${shop.secondLocationId}`,
    );
    expect(level).toMatchObject({ op: 'upsert', row: { onHand: 3 } });
    // Sign-ins use the same change log; they move the cursor and send nothing.
    expect(next.records.every((r) => r.entity !== ('account' as string))).toBe(true);
  });

  it('refuses an old protocol version with a clear update-required problem', async () => {
    const d = await registerDevice(t, t.tokens.owner);
    for (const v of ['0', 'abc']) {
      const res = await pull(t, d, { v });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('SYNC_UPDATE_REQUIRED');
      expect(res.body.detail).toMatch(/update/i);
      expect(res.body.details).toMatchObject({ minimumVersion: 1 });
    }
    const newer = await pull(t, d, { v: '99' });
    expect(newer.body.code).toBe('SYNC_SERVER_OUTDATED');
    const huge = await pull(t, d, { limit: 5000 });
    expect([huge.status, huge.body.code]).toEqual([400, 'SYNC_BATCH_TOO_LARGE']);
  });

  it('refuses garbled cursors, cursors from another server and from the future', async () => {
    const d = await registerDevice(t, t.tokens.owner);
    const { cursor } = await pullAll(t, d);
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    const garbled = await pull(t, d, { cursor: 'not-a-cursor!' });
    expect([garbled.status, garbled.body.code]).toEqual([400, 'CURSOR_INVALID']);
    const foreign = await pull(t, d, { cursor: encodeCursor({ server: newId(), seq: 1, gaps: [] }) });
    expect([foreign.status, foreign.body.code]).toEqual([409, 'CURSOR_FOREIGN']);
    const future = await pull(t, d, {
      cursor: encodeCursor({ server: state.server, seq: state.seq + 1000, gaps: [] }),
    });
    expect([future.status, future.body.code]).toEqual([409, 'CURSOR_FROM_FUTURE']);
  });

  it('the server id is made once and kept: a restarted app accepts the cursors it gave', async () => {
    const d = await registerDevice(t, t.tokens.owner);
    const { cursor } = await pullAll(t, d);
    const [row] = await t.store.rows<{ n: number | string }>(sql`select count(*) as n from sync_server`);
    expect(Number(row?.n)).toBe(1);
    const { createSyncService } = await import('./sync.service.ts');
    expect(await createSyncService(t.store).serverId()).toBe(
      JSON.parse(Buffer.from(cursor, 'base64url').toString()).server,
    );
  });

  it('a warehouse device never receives a field its role may not see, checked field by field on the wire', async () => {
    const owner = await registerDevice(t, t.tokens.owner);
    const warehouse = await registerDevice(t, t.tokens.warehouse);
    const note = envelope(owner, 'order.note', {
      orderId: shop.toShipOrderId,
      noteId: newId(),
      text: 'fragile',
    });
    expect((await push(t, owner, pushOf(owner, [note]))).body.results[0].status).toBe('applied');
    const everything = await pullAll(t, owner);
    const seen = await pullAll(t, warehouse);
    const byKey = new Map(everything.records.map((r) => [`${r.entity}/${r.id}`, r]));
    let checked = 0;
    for (const r of seen.records) {
      if (r.op !== 'upsert' || !r.row) continue;
      const allowed = warehousePolicyFields(
        r.entity,
        r.row === undefined ? {} : (byKey.get(`${r.entity}/${r.id}`)?.row ?? {}),
      );
      for (const field of Object.keys(r.row)) {
        expect(allowed, `${r.entity}.${field}`).toContain(field);
        checked += 1;
      }
      for (const field of [
        'basePriceMinor',
        'priceMinor',
        'compareAtMinor',
        'popularity',
        'email',
        'customerId',
        'totalMinor',
        'subtotalMinor',
        'unitPriceMinor',
        'lineTotalMinor',
      ])
        expect(r.row, `${r.entity}.${field}`).not.toHaveProperty(field);
    }
    expect(checked).toBeGreaterThan(100);
    const orderOf = (id: string) => seen.records.filter((r) => r.id === id).at(-1)?.row;
    expect(orderOf(shop.toShipOrderId)).toHaveProperty('shippingAddress');
    expect(orderOf(shop.pendingOrderId)).not.toHaveProperty('shippingAddress');
    expect(byKey.get(`order/${shop.pendingOrderId}`)?.row).toHaveProperty('email');
    expect(seen.records.some((r) => r.entity === 'orderNote' && r.row?.text === 'fragile')).toBe(true);
  });

  it('follows the role as it is now: a manager demoted to warehouse gets the warehouse fields at once', async () => {
    const created = await t.client(t.tokens.owner).admin.staff.create({
      email: `demoted-${Date.now()}@test.shop`,
      name: 'Soon warehouse',
      role: 'manager',
      password: 'manager-pass-123',
    });
    const signIn = await t.client().admin.auth.signIn({ email: created.email, password: 'manager-pass-123' });
    const d = await registerDevice(t, signIn.accessToken);
    const before = await pullAll(t, d);
    expect(before.records.find((r) => r.entity === 'product')?.row).toHaveProperty('basePriceMinor');
    const demote = await t.call('PATCH', `/admin/staff/${created.id}`, {
      token: t.tokens.owner,
      body: { role: 'warehouse' },
    });
    expect(demote.status).toBe(200);
    const after = await pullAll(t, d);
    expect(after.records.find((r) => r.entity === 'product')?.row).not.toHaveProperty('basePriceMinor');
  });

  it('marks a paid order to ship for warehouse devices only while it is still to ship', async () => {
    const warehouse = await registerDevice(t, t.tokens.warehouse);
    const { cursor } = await pullAll(t, warehouse);
    await markPaid(t, shop.pendingOrderId);
    const next = await pullAll(t, warehouse, undefined, cursor);
    expect(next.records.find((r) => r.id === shop.pendingOrderId)?.row).toHaveProperty('shippingAddress');
  });
});
