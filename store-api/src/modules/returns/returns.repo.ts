import type { ReturnInspection, ReturnView } from '@shoebox/shared/contracts';
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import { isoOrNull, iso } from '../../lib/time.ts';

/** The returns tables: the only file that writes `returns` and `return_lines`. */

export type ReturnRow = Store['t']['returns']['$inferSelect'];
export type ReturnLineRow = Store['t']['returnLines']['$inferSelect'];

export async function findReturn(db: Db, store: Store, id: string): Promise<ReturnRow | null> {
  const [row] = await db.select().from(store.t.returns).where(eq(store.t.returns.id, id)).limit(1);
  return row ?? null;
}

export function linesOfReturn(db: Db, store: Store, returnId: string): Promise<ReturnLineRow[]> {
  const l = store.t.returnLines;
  return db.select().from(l).where(eq(l.returnId, returnId)).orderBy(asc(l.id));
}

/** Units of each order line already on a return of this order. */
export async function returnedQuantities(
  db: Db,
  store: Store,
  orderId: string,
): Promise<Map<string, number>> {
  const r = store.t.returns;
  const l = store.t.returnLines;
  const rows = await db
    .select({ orderLineId: l.orderLineId, quantity: l.quantity })
    .from(l)
    .innerJoin(r, eq(r.id, l.returnId))
    .where(eq(r.orderId, orderId));
  const out = new Map<string, number>();
  for (const row of rows) out.set(row.orderLineId, (out.get(row.orderLineId) ?? 0) + row.quantity);
  return out;
}

/** When the return window started: the latest delivery, else the latest shipment, from the order's timeline. */
export async function windowStart(db: Db, store: Store, orderId: string): Promise<number | null> {
  const e = store.t.orderEvents;
  const rows = await db
    .select({ type: e.type, at: e.createdAt })
    .from(e)
    .where(and(eq(e.orderId, orderId), inArray(e.type, ['order.delivered', 'order.shipped'])))
    .orderBy(desc(e.createdAt));
  return (rows.find((r) => r.type === 'order.delivered') ?? rows[0])?.at ?? null;
}

/** The product of each variant, for checking that an exchange stays within one product. */
export async function productsOf(
  db: Db,
  store: Store,
  variantIds: readonly string[],
): Promise<Map<string, string>> {
  if (variantIds.length === 0) return new Map();
  const v = store.t.variants;
  const rows = await db
    .select({ id: v.id, productId: v.productId })
    .from(v)
    .where(inArray(v.id, [...variantIds]));
  return new Map(rows.map((r) => [r.id, r.productId]));
}

/** A customer's returns with their lines, newest first (at most `limit`). */
export async function returnsOfCustomer(db: Db, store: Store, customerId: string, limit: number) {
  const r = store.t.returns;
  const rows = await db
    .select()
    .from(r)
    .where(eq(r.customerId, customerId))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const l = store.t.returnLines;
  const lines = await db
    .select()
    .from(l)
    .where(
      inArray(
        l.returnId,
        rows.map((x) => x.id),
      ),
    )
    .orderBy(asc(l.id));
  return rows.map((row) =>
    returnViewOf(
      row,
      lines.filter((x) => x.returnId === row.id),
    ),
  );
}

export async function insertReturn(tx: Db, store: Store, row: ReturnRow, lines: readonly ReturnLineRow[]) {
  await tx.insert(store.t.returns).values(row);
  await tx.insert(store.t.returnLines).values([...lines]);
}

/** requested -> received with each line's inspection; false when it was received meanwhile. */
export async function markReceived(
  tx: Db,
  store: Store,
  id: string,
  inspections: ReadonlyMap<string, ReturnInspection>,
  now: number,
): Promise<boolean> {
  const r = store.t.returns;
  const done = await tx
    .update(r)
    .set({ status: 'received', receivedAt: now, updatedAt: now })
    .where(and(eq(r.id, id), eq(r.status, 'requested')));
  if (affectedRows(done) !== 1) return false;
  const l = store.t.returnLines;
  for (const [lineId, inspection] of inspections)
    await tx
      .update(l)
      .set({ inspection })
      .where(and(eq(l.id, lineId), eq(l.returnId, id)));
  return true;
}

/** Ties a refund to a received return, once: false when another request tied one first. */
export async function claimRefund(
  tx: Db,
  store: Store,
  id: string,
  refundId: string,
  now: number,
): Promise<boolean> {
  const r = store.t.returns;
  const done = await tx
    .update(r)
    .set({ refundId, updatedAt: now })
    .where(and(eq(r.id, id), eq(r.status, 'received'), isNull(r.refundId)));
  return affectedRows(done) === 1;
}

/** The provider took the refund: received -> refunded. */
export async function markRefunded(tx: Db, store: Store, id: string, refundId: string, now: number) {
  const r = store.t.returns;
  await tx
    .update(r)
    .set({ status: 'refunded', updatedAt: now })
    .where(and(eq(r.id, id), eq(r.refundId, refundId), ne(r.status, 'refunded')));
}

/** The provider refused: the return is free for another try. */
export async function releaseRefund(tx: Db, store: Store, id: string, refundId: string, now: number) {
  const r = store.t.returns;
  await tx
    .update(r)
    .set({ refundId: null, updatedAt: now })
    .where(and(eq(r.id, id), eq(r.refundId, refundId), eq(r.status, 'received')));
}

export function returnViewOf(row: ReturnRow, lines: readonly ReturnLineRow[]): ReturnView {
  return {
    id: row.id,
    orderId: row.orderId,
    status: row.status as ReturnView['status'],
    refundId: row.refundId,
    receivedAt: isoOrNull(row.receivedAt),
    createdAt: iso(row.createdAt),
    lines: lines.map((l) => ({
      id: l.id,
      orderLineId: l.orderLineId,
      variantId: l.variantId,
      quantity: l.quantity,
      reason: l.reason as ReturnView['lines'][number]['reason'],
      exchangeVariantId: l.exchangeVariantId,
      inspection: l.inspection as ReturnInspection | null,
      refundMinor: l.refundMinor,
    })),
  };
}
