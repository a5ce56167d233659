import { randomInt } from 'node:crypto';
import { type OrderEvent, type OrderStatus, transition } from '@shoebox/shared';
import { and, eq, gte, isNull, type SQL, sql } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import { deferRows } from '../../db/rows.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { recordChanges } from '../../lib/changes.ts';
import { orderErrors } from './orders.errors.ts';
import { addOrderEvent, type OrderEventInput, type OrderLineRow, type OrderRow } from './orders.repo.ts';

/**
 * The one write path of an order (docs/decisions/0008). Every change to an `orders` row, from
 * checkout, payments, cancelling, refunds or the warehouse desk, is one call here, and each call:
 *
 * - guards against concurrent edits one way: a conditional UPDATE on what the caller read
 *   (`expect`: version, status, stock state, or the money it needs), checked by the rows it
 *   matched. A call that matched nothing changed nothing and answers false; the caller decides
 *   whether that is a conflict (409), a lost race to retry, or someone else's win to skip;
 * - bumps `version` when it changes the order's state (`set`): status, stock state, flags, dates.
 *   Bookkeeping does not: the refund books (`add`) and recording the payment intent id, so a
 *   refund or checkout's second step never makes a concurrent status change fail its version guard;
 * - appends the timeline entry it is given;
 * - records the change in `change_log` (entity `order`), in the same transaction.
 *
 * Status changes go through the shared state machine (`transitionOrder`); fulfillment's picking,
 * packed and shipped steps use the same call.
 */

export type TimelineEntry = OrderEventInput;

/** Columns a write may set. Money moves by `add` (relative), never by absolute values. */
export type OrderFields = Partial<
  Pick<
    OrderRow,
    | 'status'
    | 'stockState'
    | 'paidAt'
    | 'cancelledAt'
    | 'reservationExpiresAt'
    | 'paymentIntentId'
    | 'flagged'
    | 'flagReason'
  >
>;

/** What the row must still be for the write to apply: the guard against concurrent edits. */
export interface OrderExpectation {
  version?: number;
  status?: string;
  stockState?: string;
  /** No payment intent recorded yet. */
  noPaymentIntent?: true;
  /** `total - refunded - refund_pending >= n`: the money a new refund reserves is still there. */
  refundableAtLeast?: number;
  refundPendingAtLeast?: number;
  refundedAtLeast?: number;
}

export interface OrderWrite {
  set?: OrderFields;
  /** Relative changes of the refund books (negative to give back). */
  add?: { refundedMinor?: number; refundPendingMinor?: number };
  expect?: OrderExpectation;
  /**
   * The timeline entry, or a step that runs once the row is changed (the rest of the caller's
   * work that needs the order claimed first) and returns it.
   */
  entry?: TimelineEntry | (() => Promise<TimelineEntry>);
}

function guard(store: Store, orderId: string, expect: OrderExpectation): SQL {
  const o = store.t.orders;
  const c: SQL[] = [eq(o.id, orderId)];
  if (expect.version !== undefined) c.push(eq(o.version, expect.version));
  if (expect.status !== undefined) c.push(eq(o.status, expect.status));
  if (expect.stockState !== undefined) c.push(eq(o.stockState, expect.stockState));
  if (expect.noPaymentIntent) c.push(isNull(o.paymentIntentId));
  if (expect.refundableAtLeast !== undefined)
    c.push(
      sql`${o.totalMinor} - ${o.refundedMinor} - ${o.refundPendingMinor} >= ${expect.refundableAtLeast}`,
    );
  if (expect.refundPendingAtLeast !== undefined)
    c.push(gte(o.refundPendingMinor, expect.refundPendingAtLeast));
  if (expect.refundedAtLeast !== undefined) c.push(gte(o.refundedMinor, expect.refundedAtLeast));
  return and(...c)!;
}

/**
 * Changes one order: the guarded update, then the timeline entry and the change record.
 * Outside a transaction (`store.write`) the three are separate statements; a change record that
 * names an unchanged row is harmless (followers re-read the row).
 */
export async function changeOrder(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  orderId: string,
  write: OrderWrite,
): Promise<boolean> {
  const o = store.t.orders;
  const add = write.add ?? {};
  const bumps = Object.keys(write.set ?? {}).some((k) => k !== 'paymentIntentId');
  const changed = await tx
    .update(o)
    .set({
      ...write.set,
      ...(add.refundedMinor ? { refundedMinor: sql`${o.refundedMinor} + ${add.refundedMinor}` } : {}),
      ...(add.refundPendingMinor
        ? { refundPendingMinor: sql`${o.refundPendingMinor} + ${add.refundPendingMinor}` }
        : {}),
      ...(bumps ? { version: sql`${o.version} + 1` } : {}),
      updatedAt: ctx.now,
    })
    .where(guard(store, orderId, write.expect ?? {}));
  if (affectedRows(changed) !== 1) return false;
  const entry = typeof write.entry === 'function' ? await write.entry() : write.entry;
  if (entry) await addOrderEvent(store, tx, ctx, orderId, entry);
  await recordChanges(store, tx, 'order', [orderId], ctx.now);
  return true;
}

/** The status an event leads to through the shared state machine; an illegal one is 409 ILLEGAL_ORDER_TRANSITION. */
export function nextStatus(from: string, event: OrderEvent): OrderStatus {
  const next = transition(from as OrderStatus, event);
  if (!next.ok) throw orderErrors.illegalTransition(next.error);
  return next.value;
}

/**
 * Moves an order through the state machine. The update is guarded by the status read (and what
 * else `expect` names); `from` overrides the status the event is judged from (a lapsed order is
 * paid as if still pending). Returns the new status, or null when the row moved on meanwhile.
 */
export async function transitionOrder(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  order: Pick<OrderRow, 'id' | 'status'>,
  event: OrderEvent,
  write: OrderWrite & { from?: OrderStatus } = {},
): Promise<OrderStatus | null> {
  const status = nextStatus(write.from ?? order.status, event);
  const applied = await changeOrder(store, tx, ctx, order.id, {
    ...write,
    set: { ...write.set, status },
    expect: { status: order.status, ...write.expect },
  });
  return applied ? status : null;
}

/**
 * A new order with its lines, written with the transaction's other appends just before it commits
 * (db/rows.ts `deferRows`: nothing in the same transaction can read them back; the unique
 * checkout key and number are checked at commit).
 */
export async function createOrder(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  order: OrderRow,
  lines: readonly OrderLineRow[],
  entry: TimelineEntry,
): Promise<void> {
  await deferRows(store, tx, store.t.orders, [order]);
  await deferRows(store, tx, store.t.orderLines, lines);
  await addOrderEvent(store, tx, ctx, order.id, entry);
  await recordChanges(store, tx, 'order', [order.id], ctx.now);
  await recordChanges(
    store,
    tx,
    'order_line',
    lines.map((l) => l.id),
    ctx.now,
  );
}

/** A timeline entry on its own (a staff note, a provider hiccup): the order row does not change. */
export async function noteOrder(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  orderId: string,
  entry: TimelineEntry,
): Promise<string> {
  const id = await addOrderEvent(store, tx, ctx, orderId, entry);
  await recordChanges(store, tx, 'order', [orderId], ctx.now);
  // Staff notes are mirrored by desktops (sync's orderNote rows): they follow the change log too.
  if (entry.type === 'note') await recordChanges(store, tx, 'order_note', [id], ctx.now);
  return id;
}

/** Lines served from another location than first reserved (a late payment found stock elsewhere). */
export async function moveOrderLines(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  moves: ReadonlyArray<{ lineId: string; locationId: string }>,
): Promise<void> {
  const ol = store.t.orderLines;
  for (const m of moves) await tx.update(ol).set({ locationId: m.locationId }).where(eq(ol.id, m.lineId));
  await recordChanges(
    store,
    tx,
    'order_line',
    moves.map((m) => m.lineId),
    ctx.now,
  );
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** `SB-` + 8 Crockford base32 characters (no I, L, O, U). */
export const newOrderNumber = (): string => {
  let s = 'SB-';
  for (let i = 0; i < 8; i++) s += CROCKFORD[randomInt(32)];
  return s;
};

/**
 * Erasure (GDPR article 17): the customer's orders stay for the accounts with their personal data
 * removed: the e-mail becomes the erased account's pseudonym, the address keeps only the country
 * (tax), and the timeline says when and why. Lines, money and status are untouched.
 */
export async function anonymiseCustomerOrders(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  customerId: string,
  pseudonym: { email: string; name: string },
): Promise<number> {
  const o = store.t.orders;
  const rows = await tx
    .select({ id: o.id, shippingAddress: o.shippingAddress })
    .from(o)
    .where(eq(o.customerId, customerId));
  for (const row of rows) {
    const address = {
      name: pseudonym.name,
      line1: '-',
      city: '-',
      postalCode: '-',
      country: row.shippingAddress.country,
    };
    await tx
      .update(o)
      .set({ email: pseudonym.email, shippingAddress: address, updatedAt: ctx.now })
      .where(eq(o.id, row.id));
    await addOrderEvent(store, tx, ctx, row.id, {
      type: 'customer.erased',
      message: 'The customer erased their account: name, e-mail and address removed.',
    });
  }
  if (rows.length)
    await recordChanges(
      store,
      tx,
      'order',
      rows.map((r) => r.id),
      ctx.now,
    );
  return rows.length;
}
