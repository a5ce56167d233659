import type { AnyRow } from '@shoebox/sync/protocol';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';

/**
 * Pick batches, shipments and returns in sync's shapes (decision 0040): each an aggregate with
 * its lines, as change_log names them (`pick_batch`, `shipment`, `return` by the parent's id).
 * Every field is read; the field policy removes cost, refunds and past labels for warehouse devices.
 */

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v == null ? null : Number(v));

/** Drops absent optional fields (JSON addresses keep `undefined` out of the wire). */
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;

export async function loadPickBatches(db: Db, store: Store, ids: readonly string[]): Promise<AnyRow[]> {
  const b = store.t.pickBatches;
  const l = store.t.pickBatchLines;
  const o = store.t.orders;
  const batches = await db
    .select()
    .from(b)
    .where(inArray(b.id, [...ids]));
  if (batches.length === 0) return [];
  const lines = await db
    .select({
      id: l.id,
      batchId: l.batchId,
      orderId: l.orderId,
      orderNumber: o.number,
      orderLineId: l.orderLineId,
      variantId: l.variantId,
      locationId: l.locationId,
      sku: l.sku,
      binCode: l.binCode,
      quantity: l.quantity,
      pickedQuantity: l.pickedQuantity,
      shortQuantity: l.shortQuantity,
      status: l.status,
      shortReason: l.shortReason,
    })
    .from(l)
    .innerJoin(o, eq(o.id, l.orderId))
    .where(inArray(l.batchId, [...ids]))
    .orderBy(asc(l.binCode), asc(l.sku), asc(l.id));
  return batches.map((batch) => ({
    id: batch.id,
    number: batch.number,
    status: batch.status as 'open' | 'done',
    version: num(batch.version),
    createdAt: num(batch.createdAt),
    updatedAt: num(batch.updatedAt),
    lines: lines
      .filter((line) => line.batchId === batch.id)
      .map(({ batchId: _, ...line }) => ({
        ...line,
        quantity: num(line.quantity),
        pickedQuantity: num(line.pickedQuantity),
        shortQuantity: num(line.shortQuantity),
        status: line.status as 'open' | 'picked' | 'short',
      })),
  }));
}

export async function loadShipments(db: Db, store: Store, ids: readonly string[]): Promise<AnyRow[]> {
  const s = store.t.shipments;
  const rows = await db
    .select()
    .from(s)
    .where(inArray(s.id, [...ids]));
  return rows.map((r) => ({
    id: r.id,
    orderId: r.orderId,
    carrier: r.carrier,
    service: r.service,
    trackingNumber: r.trackingNumber,
    status: r.status as 'labelled' | 'voided' | 'in_transit' | 'delivered',
    trackingStatus: r.trackingStatus,
    weightGrams: num(r.weightGrams),
    boxCode: r.boxCode,
    version: num(r.version),
    createdAt: num(r.createdAt),
    updatedAt: num(r.updatedAt),
    label: { ...r.label, from: compact(r.label.from), to: compact(r.label.to) },
    costMinor: num(r.costMinor),
    currency: r.currency,
  }));
}

export async function loadReturns(db: Db, store: Store, ids: readonly string[]): Promise<AnyRow[]> {
  const r = store.t.returns;
  const l = store.t.returnLines;
  const heads = await db
    .select()
    .from(r)
    .where(inArray(r.id, [...ids]));
  if (heads.length === 0) return [];
  const lines = await db
    .select()
    .from(l)
    .where(inArray(l.returnId, [...ids]))
    .orderBy(asc(l.id));
  return heads.map((head) => {
    const own = lines.filter((line) => line.returnId === head.id);
    return {
      id: head.id,
      orderId: head.orderId,
      status: head.status as 'requested' | 'received' | 'refunded',
      receivedAt: numOrNull(head.receivedAt),
      createdAt: num(head.createdAt),
      updatedAt: num(head.updatedAt),
      lines: own.map((line) => ({
        id: line.id,
        orderLineId: line.orderLineId,
        variantId: line.variantId,
        quantity: num(line.quantity),
        reason: line.reason,
        exchangeVariantId: line.exchangeVariantId,
        inspection: line.inspection as 'restock' | 'b_stock' | 'write_off' | null,
      })),
      refundId: head.refundId,
      lineRefunds: own.map((line) => ({ lineId: line.id, refundMinor: num(line.refundMinor) })),
    };
  });
}
