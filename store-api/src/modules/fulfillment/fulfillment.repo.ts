import { randomInt } from 'node:crypto';
import { newId } from '@shoebox/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import { recordChanges } from '../../lib/changes.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { PackOrderLine, PackPlan, PickLineChange, PickLineState } from './fulfillment-plans.ts';

/** Reads and the one write path of `pick_batches`, `pick_batch_lines` and `order_packs`. */

export type PickBatchRow = Store['t']['pickBatches']['$inferSelect'];
export type OrderPackRow = Store['t']['orderPacks']['$inferSelect'];

export async function findBatch(db: Db, store: Store, id: string): Promise<PickBatchRow | null> {
  const b = store.t.pickBatches;
  const [row] = await db.select().from(b).where(eq(b.id, id));
  return row ?? null;
}

const lineColumns = (store: Store) => {
  const l = store.t.pickBatchLines;
  return {
    id: l.id,
    batchId: l.batchId,
    orderId: l.orderId,
    orderNumber: store.t.orders.number,
    orderLineId: l.orderLineId,
    variantId: l.variantId,
    locationId: l.locationId,
    sku: l.sku,
    gtin: store.t.variants.gtin,
    binCode: l.binCode,
    quantity: l.quantity,
    pickedQuantity: l.pickedQuantity,
    shortQuantity: l.shortQuantity,
    status: l.status,
    shortReason: l.shortReason,
  };
};

/** The batch's lines (or one order's), with the order number and the variant's GTIN. */
export async function pickLines(
  db: Db,
  store: Store,
  where: { batchId?: string; orderId?: string; lineId?: string },
): Promise<PickLineState[]> {
  const l = store.t.pickBatchLines;
  const conditions = [
    where.batchId ? eq(l.batchId, where.batchId) : undefined,
    where.orderId ? eq(l.orderId, where.orderId) : undefined,
    where.lineId ? eq(l.id, where.lineId) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select(lineColumns(store))
    .from(l)
    .innerJoin(store.t.orders, eq(store.t.orders.id, l.orderId))
    .innerJoin(store.t.variants, eq(store.t.variants.id, l.variantId))
    .where(and(...conditions))
    .orderBy(asc(l.binCode), asc(l.sku), asc(store.t.orders.createdAt));
  return rows as PickLineState[];
}

/** The oldest paid orders (ids), for a batch of the N oldest. */
export async function oldestPaidOrders(db: Db, store: Store, limit: number): Promise<string[]> {
  const o = store.t.orders;
  const rows = await db
    .select({ id: o.id })
    .from(o)
    .where(eq(o.status, 'paid'))
    .orderBy(asc(o.createdAt), asc(o.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Order lines of these orders with the bin their stock sits in, for the pick lines. */
export async function linesToPick(db: Db, store: Store, orderIds: readonly string[]) {
  const ol = store.t.orderLines;
  const lv = store.t.stockLevels;
  const bins = store.t.bins;
  return db
    .select({
      orderId: ol.orderId,
      orderLineId: ol.id,
      variantId: ol.variantId,
      locationId: ol.locationId,
      sku: ol.sku,
      quantity: ol.quantity,
      binCode: bins.code,
    })
    .from(ol)
    .leftJoin(lv, and(eq(lv.variantId, ol.variantId), eq(lv.locationId, ol.locationId)))
    .leftJoin(bins, eq(bins.id, lv.binId))
    .where(inArray(ol.orderId, [...orderIds]));
}

/** The order's lines as the pack station checks them: GTIN and weight of each variant. */
export async function packLines(db: Db, store: Store, orderId: string): Promise<PackOrderLine[]> {
  const ol = store.t.orderLines;
  const v = store.t.variants;
  return db
    .select({ lineId: ol.id, gtin: v.gtin, sku: ol.sku, quantity: ol.quantity, weightGrams: v.weightGrams })
    .from(ol)
    .innerJoin(v, eq(v.id, ol.variantId))
    .where(eq(ol.orderId, orderId))
    .orderBy(asc(ol.sku));
}

export async function findPack(db: Db, store: Store, orderId: string): Promise<OrderPackRow | null> {
  const p = store.t.orderPacks;
  const [row] = await db.select().from(p).where(eq(p.orderId, orderId));
  return row ?? null;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const batchNumber = () => `PB-${Array.from({ length: 8 }, () => CROCKFORD[randomInt(32)]).join('')}`;

export async function insertBatch(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  lines: ReadonlyArray<Omit<Store['t']['pickBatchLines']['$inferInsert'], 'id' | 'batchId' | 'updatedAt'>>,
): Promise<string> {
  const id = newId();
  await tx.insert(store.t.pickBatches).values({
    id,
    number: batchNumber(),
    status: 'open',
    createdBy: ctx.actor.type === 'anonymous' ? null : ctx.actor.id,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await tx
    .insert(store.t.pickBatchLines)
    .values(lines.map((l) => ({ ...l, id: newId(), batchId: id, updatedAt: ctx.now })));
  await recordChanges(store, tx, 'pick_batch', [id], ctx.now);
  return id;
}

/** Writes a planned line change if the line is still open; false when someone closed it first. */
export async function closePickLine(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  batchId: string,
  change: PickLineChange,
): Promise<boolean> {
  const l = store.t.pickBatchLines;
  const done = await tx
    .update(l)
    .set({
      pickedQuantity: change.pickedQuantity,
      shortQuantity: change.shortQuantity,
      status: change.status,
      shortReason: change.shortReason,
      updatedAt: ctx.now,
    })
    .where(and(eq(l.id, change.lineId), eq(l.batchId, batchId), eq(l.status, 'open')));
  if (affectedRows(done) !== 1) return false;
  // The batch is done once no line is open; the same statement bumps its version either way.
  const b = store.t.pickBatches;
  await tx
    .update(b)
    .set({
      version: sql`${b.version} + 1`,
      updatedAt: ctx.now,
      status: sql`case when exists (select 1 from ${l} where ${l.batchId} = ${batchId} and ${l.status} = 'open') then 'open' else 'done' end`,
    })
    .where(eq(b.id, batchId));
  await recordChanges(store, tx, 'pick_batch', [batchId], ctx.now);
  return true;
}

export async function insertPack(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  orderId: string,
  plan: PackPlan,
): Promise<void> {
  await tx.insert(store.t.orderPacks).values({
    orderId,
    boxCode: plan.boxCode,
    weightGrams: plan.weightGrams,
    scans: plan.scans,
    packedBy: ctx.actor.type === 'anonymous' ? null : ctx.actor.id,
    packedAt: ctx.now,
  });
}
