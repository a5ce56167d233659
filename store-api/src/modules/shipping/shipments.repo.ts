import { newId } from '@shoebox/shared';
import type { ShipmentView } from '@shoebox/shared/contracts';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import { recordChanges } from '../../lib/changes.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso } from '../../lib/time.ts';

/** The one write path of `shipments` and `shipment_events` (owner: modules/shipping). */

export type ShipmentRow = Store['t']['shipments']['$inferSelect'];
export type ShipmentEventRow = Store['t']['shipmentEvents']['$inferSelect'];
export type NewShipment = Omit<
  ShipmentRow,
  'version' | 'createdAt' | 'updatedAt' | 'voidedAt' | 'deliveredAt' | 'createdBy'
>;

const actorOf = (ctx: RequestContext) => (ctx.actor.type === 'anonymous' ? null : ctx.actor.id);

export async function findShipment(db: Db, store: Store, id: string): Promise<ShipmentRow | null> {
  const s = store.t.shipments;
  const [row] = await db.select().from(s).where(eq(s.id, id));
  return row ?? null;
}

/** The order's shipments, newest first (a voided label stays, beside its replacement). */
export function shipmentsOfOrders(db: Db, store: Store, orderIds: readonly string[]): Promise<ShipmentRow[]> {
  const s = store.t.shipments;
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(s)
    .where(inArray(s.orderId, [...orderIds]))
    .orderBy(desc(s.createdAt));
}

export function shipmentEventsOf(db: Db, store: Store, shipmentId: string): Promise<ShipmentEventRow[]> {
  const e = store.t.shipmentEvents;
  return db.select().from(e).where(eq(e.shipmentId, shipmentId)).orderBy(asc(e.occurredAt), asc(e.id));
}

export async function addShipmentEvent(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  shipmentId: string,
  event: { status: string; message: string; occurredAt?: number },
): Promise<void> {
  await tx.insert(store.t.shipmentEvents).values({
    id: newId(),
    shipmentId,
    status: event.status,
    message: event.message.slice(0, 200),
    occurredAt: event.occurredAt ?? ctx.now,
    actorId: actorOf(ctx),
    createdAt: ctx.now,
  });
}

/** A new labelled shipment with its first tracking event, recorded for followers. */
export async function insertShipment(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  row: NewShipment,
): Promise<void> {
  await tx.insert(store.t.shipments).values({
    ...row,
    createdBy: actorOf(ctx),
    version: 1,
    voidedAt: null,
    deliveredAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await addShipmentEvent(store, tx, ctx, row.id, { status: 'label_created', message: 'Label created' });
  await recordChanges(store, tx, 'shipment', [row.id], ctx.now);
}

export type ShipmentFields = Partial<
  Pick<ShipmentRow, 'status' | 'trackingStatus' | 'voidedAt' | 'deliveredAt'>
>;

/**
 * Changes a shipment if it is still as the caller read it (`expect`), bumping its version; false
 * when it moved on meanwhile (the caller answers 409).
 */
export async function changeShipment(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  id: string,
  set: ShipmentFields,
  expect: { version: number; status?: string },
): Promise<boolean> {
  const s = store.t.shipments;
  const where: SQL[] = [eq(s.id, id), eq(s.version, expect.version)];
  if (expect.status) where.push(eq(s.status, expect.status));
  const changed = await tx
    .update(s)
    .set({ ...set, version: expect.version + 1, updatedAt: ctx.now })
    .where(and(...where));
  if (affectedRows(changed) !== 1) return false;
  await recordChanges(store, tx, 'shipment', [id], ctx.now);
  return true;
}

export function shipmentView(
  row: ShipmentRow,
  events: readonly ShipmentEventRow[],
  orderNumber: string,
  trackingUrl: string | null,
): ShipmentView {
  return {
    id: row.id,
    orderId: row.orderId,
    orderNumber,
    carrier: row.carrier,
    service: row.service,
    trackingNumber: row.trackingNumber,
    trackingUrl,
    costMinor: row.costMinor,
    currency: row.currency,
    weightGrams: row.weightGrams,
    boxCode: row.boxCode,
    status: row.status as ShipmentView['status'],
    trackingStatus: row.trackingStatus,
    events: events.map((e) => ({ status: e.status, message: e.message, occurredAt: iso(e.occurredAt) })),
    version: row.version,
    createdAt: iso(row.createdAt),
  };
}
