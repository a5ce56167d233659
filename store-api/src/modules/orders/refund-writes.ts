import { newId } from '@shoebox/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { changeOrder, noteOrder, type TimelineEntry } from './order-writes.ts';
import type { OrderRow, RefundRow } from './orders.repo.ts';

/**
 * The refund books of an order: the `refunds` rows and the order's `refunded_minor` /
 * `refund_pending_minor`, always changed together through `changeOrder` (order-writes.ts). The
 * provider is called by the flows, between these writes, never inside them.
 */

/**
 * Reserves `amountMinor` of the order's refundable money and records a pending refund row.
 * Concurrent refunds serialise on the order row (the reservation is a conditional update on the
 * money left), so together they never exceed what was paid. Null when less than that is left.
 */
export async function requestRefund(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  orderId: string,
  amountMinor: number,
  reason: string,
): Promise<RefundRow | null> {
  const row: RefundRow = {
    id: newId(),
    orderId,
    amountMinor,
    reason,
    status: 'pending',
    providerRefundId: null,
    createdBy: ctx.actor.type === 'staff' || ctx.actor.type === 'api_key' ? ctx.actor.id : null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const reserved = await changeOrder(store, tx, ctx, orderId, {
    add: { refundPendingMinor: amountMinor },
    expect: { refundableAtLeast: amountMinor },
    entry: {
      type: 'refund.requested',
      message: `Refund requested: ${reason}`,
      data: { refundId: row.id, amountMinor },
    },
  });
  if (!reserved) return null;
  await tx.insert(store.t.refunds).values(row);
  return row;
}

/**
 * Records the provider's answer to a pending refund: the row succeeded or failed, the pending
 * amount released and, on success, counted as refunded. False when the row was settled already.
 */
export async function recordRefundOutcome(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  refund: RefundRow,
  outcome: { status: 'succeeded' | 'failed'; providerRefundId: string | null; entry: TimelineEntry },
): Promise<boolean> {
  const r = store.t.refunds;
  const marked = await tx
    .update(r)
    .set({ status: outcome.status, providerRefundId: outcome.providerRefundId, updatedAt: ctx.now })
    .where(and(eq(r.id, refund.id), eq(r.status, 'pending')));
  if (affectedRows(marked) !== 1) return false;
  const amount = refund.amountMinor;
  // The timeline records the outcome even if the books were put right meanwhile (a provider failure event).
  const booked = await changeOrder(store, tx, ctx, refund.orderId, {
    add: {
      refundPendingMinor: -amount,
      ...(outcome.status === 'succeeded' ? { refundedMinor: amount } : {}),
    },
    expect: { refundPendingAtLeast: amount },
    entry: outcome.entry,
  });
  if (!booked) await noteOrder(store, tx, ctx, refund.orderId, outcome.entry);
  return true;
}

/** The refund with this provider id on this order, if we made it. */
export async function refundByProviderId(
  db: Db,
  store: Store,
  orderId: string,
  providerRefundId: string,
): Promise<RefundRow | null> {
  const r = store.t.refunds;
  const [row] = await db
    .select()
    .from(r)
    .where(and(eq(r.orderId, orderId), eq(r.providerRefundId, providerRefundId)))
    .limit(1);
  return row ?? null;
}

/**
 * A refund the provider accepted and later reported failed: the row becomes failed, its amount
 * leaves `refunded_minor` (or `refund_pending_minor` while unsettled) and the order is flagged.
 * False when the row or the books changed under us (the caller retries on fresh data).
 */
export async function reverseFailedRefund(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  refund: RefundRow,
  flagReason: string,
  entry: TimelineEntry,
): Promise<boolean> {
  const r = store.t.refunds;
  const marked = await tx
    .update(r)
    .set({ status: 'failed', updatedAt: ctx.now })
    .where(and(eq(r.id, refund.id), eq(r.status, refund.status)));
  if (affectedRows(marked) !== 1) return false;
  const amount = refund.amountMinor;
  const settled = refund.status === 'succeeded';
  return changeOrder(store, tx, ctx, refund.orderId, {
    add: settled ? { refundedMinor: -amount } : { refundPendingMinor: -amount },
    expect: settled ? { refundedAtLeast: amount } : { refundPendingAtLeast: amount },
    set: { flagged: true, flagReason },
    entry,
  });
}

/**
 * Before refunding a payment that came too late: the refund row (stable id, so a retry finds it)
 * and the flag, in one transaction, before the provider is called.
 */
export async function openLateRefund(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  order: OrderRow,
  refund: { id: string; amountMinor: number; reason: string; intentId: string | null | undefined },
): Promise<void> {
  await store.insertIfAbsent(tx, store.t.refunds, {
    id: refund.id,
    orderId: order.id,
    amountMinor: refund.amountMinor,
    reason: refund.reason,
    status: 'pending',
    providerRefundId: null,
    createdBy: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await changeOrder(store, tx, ctx, order.id, {
    set: {
      flagged: true,
      flagReason: refund.reason,
      paymentIntentId: order.paymentIntentId ?? refund.intentId ?? null,
    },
  });
}

/** The provider took the late refund: the row gets its provider id once and the money counts as refunded. */
export async function closeLateRefund(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  refund: { id: string; orderId: string; amountMinor: number },
  provider: { refundId: string; succeeded: boolean },
  entry: TimelineEntry,
): Promise<void> {
  const r = store.t.refunds;
  const settled = await tx
    .update(r)
    .set({
      status: provider.succeeded ? 'succeeded' : 'pending',
      providerRefundId: provider.refundId,
      updatedAt: ctx.now,
    })
    .where(and(eq(r.id, refund.id), isNull(r.providerRefundId)));
  if (affectedRows(settled) === 1)
    await changeOrder(store, tx, ctx, refund.orderId, { add: { refundedMinor: refund.amountMinor }, entry });
  else await noteOrder(store, tx, ctx, refund.orderId, entry);
}
