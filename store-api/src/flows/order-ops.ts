import { randomInt } from 'node:crypto';
import { DomainError, type OrderEvent, type OrderStatus, transition } from '@shoebox/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import pino from 'pino';
import { affectedRows, type Db, type Store } from '../db/client.ts';
import type { RequestContext } from '../http/context.ts';
import { rowReader } from '../db/rows.ts';
import { addOrderEvent, type OrderEventInput } from '../modules/orders/orders.repo.ts';
import type { FlowDeps } from './deps.ts';

/** Building blocks the checkout flows share: order rows, timeline, stock and coupon give-backs. */

export type OrderRow = Store['t']['orders']['$inferSelect'];
export type OrderLineRow = Store['t']['orderLines']['$inferSelect'];

const silent = pino({ level: 'silent' });

/** A context for work no request started (webhooks, jobs, the demo listener). */
export const systemCtx = (
  deps: Pick<FlowDeps, 'log'>,
  now: number,
  requestId = 'system',
): RequestContext => ({
  requestId,
  log: deps.log ?? silent,
  actor: { type: 'anonymous' },
  now,
});

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** `SB-` + 8 Crockford base32 characters (no I, L, O, U). */
export const newOrderNumber = (): string => {
  let s = 'SB-';
  for (let i = 0; i < 8; i++) s += CROCKFORD[randomInt(32)];
  return s;
};

/** The next status through the shared state machine; an illegal change is a 409. */
export function nextStatus(from: string, event: OrderEvent): OrderStatus {
  const r = transition(from as OrderStatus, event);
  if (!r.ok)
    throw new DomainError(
      'conflict',
      'ILLEGAL_ORDER_TRANSITION',
      `An order that is ${from} cannot ${event}.`,
      {
        details: { from, event },
      },
    );
  return r.value;
}

/** Precompiled readers of orders and their lines, one pair per store (flows read them on every payment). */
const readersByStore = new WeakMap<Store, { orders: OrderReader; lines: LineReader }>();
type OrderReader = ReturnType<typeof rowReader<Store['t']['orders']>>;
type LineReader = ReturnType<typeof rowReader<Store['t']['orderLines']>>;

export function orderReaders(store: Store) {
  let readers = readersByStore.get(store);
  if (!readers) {
    readers = { orders: rowReader(store, store.t.orders), lines: rowReader(store, store.t.orderLines) };
    readersByStore.set(store, readers);
  }
  return readers;
}

export function findOrder(db: Db, store: Store, id: string): Promise<OrderRow | null> {
  return orderReaders(store).orders.first(db, eq(store.t.orders.id, id));
}

export function orderLines(db: Db, store: Store, orderId: string): Promise<OrderLineRow[]> {
  return orderReaders(store).lines.where(db, eq(store.t.orderLines.orderId, orderId));
}

/** A timeline entry a flow writes (the orders module's `addOrderEvent` input). */
export type TimelineEntry = OrderEventInput;

export { addOrderEvent } from '../modules/orders/orders.repo.ts';

/** Release movements for every line of an order (its reservation goes back to available). */
export async function releaseLines(
  deps: Pick<FlowDeps, 'inventory'>,
  tx: Db,
  ctx: RequestContext,
  lines: readonly OrderLineRow[],
  reason: string,
): Promise<void> {
  await deps.inventory.applyMovements(
    tx,
    ctx,
    lines.map((l) => ({
      kind: 'release' as const,
      variantId: l.variantId,
      locationId: l.locationId,
      quantity: l.quantity,
      reference: l.orderId,
      reason,
    })),
  );
}

/** Gives a coupon use back when an unpaid order dies; does nothing when there was none or it was given back already. */
export async function giveBackCoupon(store: Store, tx: Db, orderId: string, now: number): Promise<boolean> {
  const r = store.t.couponRedemptions;
  const [redemption] = await tx
    .select({ id: r.id, couponId: r.couponId })
    .from(r)
    .where(and(eq(r.orderId, orderId), isNull(r.releasedAt)))
    .limit(1);
  if (!redemption) return false;
  const released = await tx
    .update(r)
    .set({ releasedAt: now })
    .where(and(eq(r.id, redemption.id), isNull(r.releasedAt)));
  if (affectedRows(released) !== 1) return false;
  const c = store.t.coupons;
  await tx
    .update(c)
    .set({ timesUsed: sql`${c.timesUsed} - 1`, updatedAt: now })
    .where(and(eq(c.id, redemption.couponId), sql`${c.timesUsed} > 0`));
  return true;
}

/**
 * Cancels an unpaid order that still holds its reservation: claims it with a conditional update
 * (so two workers never release twice), releases the stock, gives the coupon back and writes the
 * timeline entry. Returns false when another worker got there first or the order moved on.
 */
export async function cancelReservedOrder(
  deps: Pick<FlowDeps, 'store' | 'inventory'>,
  tx: Db,
  ctx: RequestContext,
  order: OrderRow,
  entry: TimelineEntry,
): Promise<boolean> {
  const { store } = deps;
  const o = store.t.orders;
  const status = nextStatus(order.status, 'cancel');
  const claimed = await tx
    .update(o)
    .set({
      status,
      stockState: 'released',
      cancelledAt: ctx.now,
      reservationExpiresAt: null,
      version: sql`${o.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(o.id, order.id), eq(o.status, order.status), eq(o.stockState, 'reserved')));
  if (affectedRows(claimed) !== 1) return false;
  await releaseLines(deps, tx, ctx, await orderLines(tx, store, order.id), entry.type);
  const couponReturned = await giveBackCoupon(store, tx, order.id, ctx.now);
  await addOrderEvent(store, tx, ctx, order.id, {
    ...entry,
    data: { ...(entry.data ?? {}), from: order.status, to: status, couponReturned },
  });
  return true;
}
