import { createIdGenerator } from '@shoebox/shared';
import type { FirstResult, MutationEnvelope, SyncRecord } from '@shoebox/sync/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type StoreKind, type StoreUnderTest } from './test-stores.ts';

/**
 * The LocalStore contract, method by method, run against sync's MemoryStore (the reference) and
 * the SQLite cache: whatever one does, the other must do too.
 */

let clock = 1_750_000_000_000;
const newId = createIdGenerator({ now: () => clock++ });

const envelope = (note = 'n'): MutationEnvelope => ({
  id: newId(),
  deviceId: 'dev-1',
  name: 'order.note',
  args: { orderId: 'o1', noteId: note, text: `note ${note}` },
  clientTime: clock,
});

const level = (id: string, onHand: number, extra: Record<string, unknown> = {}) => ({
  id,
  variantId: id.split(':')[0] ?? id,
  locationId: id.split(':')[1] ?? 'L1',
  onHand,
  reserved: 0,
  binId: null,
  updatedAt: 1,
  ...extra,
});

const upsert = (id: string, onHand: number, seq = 1): SyncRecord => ({
  op: 'upsert',
  entity: 'stockLevel',
  id,
  seq,
  row: level(id, onHand),
});

const applied = (mutationId: string): FirstResult => ({
  status: 'applied',
  mutationId,
  outcome: { delta: 2 },
  appliedAt: 5,
});
const rejected = (mutationId: string): FirstResult => ({
  status: 'rejected',
  mutationId,
  code: 'INSUFFICIENT_STOCK',
  message: 'Not enough stock.',
  details: { available: 1 },
  rejectedAt: 6,
});

const ids = async (s: StoreUnderTest['store']) => (await s.outbox()).map((e) => [e.envelope.id, e.state]);

describe.each<StoreKind>(['memory', 'sqlite'])('LocalStore contract (%s)', (kind) => {
  let opened: StoreUnderTest;
  const open = () => {
    opened = openStore(kind);
    return opened;
  };
  afterEach(() => opened.close());

  it('starts empty: no cursor, no last sync, empty outbox, attention and mirror', async () => {
    const { store } = open();
    expect(await store.cursor()).toBeNull();
    expect(await store.lastSyncAt()).toBeNull();
    expect(await store.outbox()).toEqual([]);
    expect(await store.attention()).toEqual([]);
    expect(await store.get('stockLevel', 'v1:L1')).toBeNull();
  });

  it('enqueue keeps the order made, as pending, durable across a reopen, and copies the envelope', async () => {
    const { store, reopen } = open();
    const [a, b, c] = [envelope('a'), envelope('b'), envelope('c')];
    for (const e of [a, b, c]) await store.enqueue(e);
    (a.args as { text: string }).text = 'changed by the caller afterwards';
    const outbox = await reopen().outbox();
    expect(outbox.map((e) => e.envelope.id)).toEqual([a.id, b.id, c.id]);
    expect(outbox.every((e) => e.state === 'pending')).toBe(true);
    expect(outbox[0]?.envelope.args).toEqual({ orderId: 'o1', noteId: 'a', text: 'note a' });
    expect(outbox[1]?.envelope).toEqual(b);
  });

  it('applyPage upserts whole rows, deletes tombstones, lets a later record win, and moves the cursor', async () => {
    const { store, reopen } = open();
    await store.applyPage([upsert('v1:L1', 3), upsert('v2:L1', 4)], 'c1', 100);
    const first: SyncRecord = {
      op: 'upsert',
      entity: 'stockLevel',
      id: 'v1:L1',
      seq: 2,
      row: level('v1:L1', 7, { binId: 'B1' }),
    };
    await store.applyPage(
      [
        first,
        { op: 'delete', entity: 'stockLevel', id: 'v2:L1', seq: 3 },
        upsert('v3:L1', 1, 4),
        upsert('v3:L1', 9, 5),
        { op: 'delete', entity: 'stockLevel', id: 'never-there', seq: 6 },
      ],
      'c2',
      200,
    );
    (first.row as { onHand: number }).onHand = 999; // the caller's object is not the stored row
    const again = reopen();
    expect(await again.get('stockLevel', 'v1:L1')).toEqual(level('v1:L1', 7, { binId: 'B1' }));
    expect(await again.get('stockLevel', 'v2:L1')).toBeNull();
    expect(await again.get('stockLevel', 'v3:L1')).toEqual(level('v3:L1', 9));
    expect(await again.cursor()).toBe('c2');
    expect(await again.lastSyncAt()).toBe(200);
  });

  it('an upsert replaces the row: a field the new row lacks is gone', async () => {
    const { store } = open();
    const order = (extra: Record<string, unknown>) => ({
      id: 'o1',
      number: 'SB-1',
      status: 'paid' as const,
      currency: 'EUR',
      shippingMethodId: 'std',
      flagged: false,
      paidAt: 1,
      version: 1,
      createdAt: 1,
      updatedAt: 1,
      ...extra,
    });
    await store.applyPage(
      [{ op: 'upsert', entity: 'order', id: 'o1', seq: 1, row: order({ email: 'a@b.c' }) }],
      'c1',
      1,
    );
    await store.applyPage([{ op: 'upsert', entity: 'order', id: 'o1', seq: 2, row: order({}) }], 'c2', 2);
    const row = await store.get('order', 'o1');
    expect(row).toEqual(order({}));
    expect(row && 'email' in row).toBe(false);
  });

  it('keeps entities apart: the same id in two entities is two rows', async () => {
    const { store } = open();
    await store.applyPage(
      [
        { op: 'upsert', entity: 'location', id: 'X', seq: 1, row: { id: 'X', code: 'MAIN', name: 'Main' } },
        { op: 'upsert', entity: 'bin', id: 'X', seq: 2, row: { id: 'X', locationId: 'L1', code: 'A-1' } },
      ],
      'c1',
      1,
    );
    await store.applyPage([{ op: 'delete', entity: 'bin', id: 'X', seq: 3 }], 'c2', 2);
    expect(await store.get('location', 'X')).toEqual({ id: 'X', code: 'MAIN', name: 'Main' });
    expect(await store.get('bin', 'X')).toBeNull();
  });

  it('settle: applied becomes acked in place, rejected moves to attention, unknown and repeated answers change nothing', async () => {
    const { store, reopen } = open();
    const [a, b, c] = [envelope('a'), envelope('b'), envelope('c')];
    for (const e of [a, b, c]) await store.enqueue(e);
    await store.settle([applied(a.id), rejected(b.id), applied(newId())]);
    await store.settle([applied(a.id), rejected(b.id)]); // the same answers again
    const again = reopen();
    expect(await ids(again)).toEqual([
      [a.id, 'acked'],
      [c.id, 'pending'],
    ]);
    expect(await again.attention()).toEqual([{ envelope: b, result: rejected(b.id) }]);
  });

  it('settle: an acked mutation later answered rejected leaves the outbox for attention', async () => {
    const { store } = open();
    const a = envelope('a');
    await store.enqueue(a);
    await store.settle([applied(a.id)]);
    await store.settle([rejected(a.id)]);
    expect(await store.outbox()).toEqual([]);
    expect(await store.attention()).toEqual([{ envelope: a, result: rejected(a.id) }]);
  });

  it('dropAcked forgets only acked mutations it names; pending ones stay whatever is named', async () => {
    const { store, reopen } = open();
    const [a, b, c] = [envelope('a'), envelope('b'), envelope('c')];
    for (const e of [a, b, c]) await store.enqueue(e);
    await store.settle([applied(a.id), applied(c.id)]);
    await store.dropAcked([a.id, b.id, newId()]);
    expect(await ids(reopen())).toEqual([
      [b.id, 'pending'],
      [c.id, 'acked'],
    ]);
  });

  it('attention keeps the order of rejection; dismiss removes only the one named', async () => {
    const { store, reopen } = open();
    const [a, b, c] = [envelope('a'), envelope('b'), envelope('c')];
    for (const e of [a, b, c]) await store.enqueue(e);
    await store.settle([rejected(c.id)]);
    await store.settle([rejected(a.id), rejected(b.id)]);
    expect((await store.attention()).map((e) => e.envelope.id)).toEqual([c.id, a.id, b.id]);
    await store.dismiss(a.id);
    await store.dismiss(newId());
    expect((await reopen().attention()).map((e) => e.envelope.id)).toEqual([c.id, b.id]);
  });

  it('resetMirror empties the mirror and the cursor; last sync, outbox and attention stay', async () => {
    const { store, reopen } = open();
    const [a, b] = [envelope('a'), envelope('b')];
    await store.enqueue(a);
    await store.enqueue(b);
    await store.settle([rejected(b.id)]);
    await store.applyPage(
      [upsert('v1:L1', 3), { op: 'upsert', entity: 'brand', id: 'b1', seq: 2, row: brand }],
      'c1',
      100,
    );
    await store.resetMirror();
    const again = reopen();
    expect(await again.get('stockLevel', 'v1:L1')).toBeNull();
    expect(await again.get('brand', 'b1')).toBeNull();
    expect(await again.cursor()).toBeNull();
    expect(await again.lastSyncAt()).toBe(100);
    expect(await ids(again)).toEqual([[a.id, 'pending']]);
    expect((await again.attention()).map((e) => e.envelope.id)).toEqual([b.id]);
  });
});

const brand = { id: 'b1', name: 'Aurora', slug: 'aurora', updatedAt: 1 };
