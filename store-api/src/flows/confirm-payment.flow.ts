import { houseCarrierMethods, isDomainError, type Width, widths } from '@shoebox/shared';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { affectedRows, type Db, uniqueViolation } from '../db/client.ts';
import type { RequestContext } from '../http/context.ts';
import type { PaymentEvent } from '../integrations/payments/index.ts';
import { recordDomainEvents } from '../lib/domain-events.ts';
import { enqueue } from '../modules/notifications/index.ts';
import type { FlowDeps } from './deps.ts';
import { reconcileFailedRefund } from './refund-reconcile.ts';
import {
  addOrderEvent,
  cancelReservedOrder,
  findOrder,
  nextStatus,
  orderReaders,
  type OrderLineRow,
  type OrderRow,
  orderLines,
  systemCtx,
} from './order-ops.ts';
import { sha256 } from '../lib/hash.ts';
import { iso } from '../lib/time.ts';
import { deferRows } from '../db/rows.ts';

/**
 * Payment confirmation: the one handler for Stripe webhooks and demo payments.
 *
 * Exactly once: the provider's event id is inserted into payment_events in the same transaction
 * as the effect, so a redelivered event (or two deliveries racing) finds it and does nothing.
 * Out of order: each event looks at the order's current state; an event that no longer applies
 * (a failure after the success, a second success) is recorded as 'ignored' and changes nothing.
 *
 * Late success: when the reservation was already released (expired), every line is reserved
 * and sold again in one go; if the stock is gone, the transaction rolls back and the payment is
 * refunded in full (after that transaction, key `order:<id>:late-refund`), the order is flagged
 * PAID_AFTER_EXPIRY_OUT_OF_STOCK and stays cancelled, and the customer gets a refund mail.
 */

export type ConfirmOutcome =
  | 'duplicate'
  | 'unknown_order'
  | 'paid'
  | 'paid_late'
  | 'refunded_late'
  | 'payment_failed'
  | 'cancelled'
  | 'refund_failed'
  | 'ignored';

/** Thrown inside the transaction to roll it back when a late payment cannot get its stock. */
class LateRefundNeeded extends Error {
  constructor(
    readonly order: OrderRow,
    readonly reason: string,
  ) {
    super(reason);
  }
}
/** Thrown when a conditional update lost a race: the whole transaction is retried on fresh data. */
class LostRace extends Error {}

const UUIDISH = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function confirmPayment(
  deps: FlowDeps,
  event: PaymentEvent,
  options: { now?: number } = {},
): Promise<ConfirmOutcome> {
  const ctx = systemCtx(deps, options.now ?? Date.now(), `payment:${event.id}`.slice(0, 64));
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.store.tx((tx) => handle(deps, tx, ctx, event));
    } catch (e) {
      if (e instanceof LostRace && attempt < 5) continue;
      if (e instanceof LateRefundNeeded) return refundLatePayment(deps, ctx, event, e.order, e.reason);
      if (uniqueViolation(e) && (await alreadyProcessed(deps, deps.store.db, event.id))) return 'duplicate';
      throw e;
    }
  }
}

async function alreadyProcessed(deps: FlowDeps, db: Db, eventId: string): Promise<boolean> {
  const p = deps.store.t.paymentEvents;
  const [row] = await db.select({ id: p.eventId }).from(p).where(eq(p.eventId, eventId)).limit(1);
  return Boolean(row);
}

async function recordEvent(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  event: PaymentEvent,
  orderId: string | null,
  outcome: ConfirmOutcome,
): Promise<void> {
  await deferRows(deps.store, tx, deps.store.t.paymentEvents, [
    {
      eventId: event.id,
      provider: event.provider,
      type: event.rawType.slice(0, 40),
      orderId,
      outcome,
      receivedAt: ctx.now,
    },
  ]);
}

async function findOrderFor(deps: FlowDeps, db: Db, event: PaymentEvent): Promise<OrderRow | null> {
  const o = deps.store.t.orders;
  if (event.intentId) {
    const byIntent = await orderReaders(deps.store).orders.first(db, eq(o.paymentIntentId, event.intentId));
    if (byIntent) return byIntent;
  }
  // The webhook can beat the checkout's second step, which stores the intent id.
  const orderId = event.orderId ?? event.metadata.orderId;
  if (!orderId || !UUIDISH.test(orderId)) return null;
  return findOrder(db, deps.store, orderId);
}

async function handle(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  event: PaymentEvent,
): Promise<ConfirmOutcome> {
  if (await alreadyProcessed(deps, tx, event.id)) return 'duplicate';
  const order = await findOrderFor(deps, tx, event);
  const outcome = order ? await apply(deps, tx, ctx, event, order) : 'unknown_order';
  // Inserted with the effect: a concurrent delivery of the same event fails here and rolls back.
  await recordEvent(deps, tx, ctx, event, order?.id ?? null, outcome);
  return outcome;
}

async function apply(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  event: PaymentEvent,
  order: OrderRow,
): Promise<ConfirmOutcome> {
  switch (event.type) {
    case 'payment.succeeded':
      return succeeded(deps, tx, ctx, event, order);
    case 'refund.failed': {
      const outcome = await reconcileFailedRefund(deps, tx, ctx, event, order);
      if (outcome === 'lost_race') throw new LostRace();
      return outcome;
    }
    case 'payment.failed': {
      if (order.status !== 'pending_payment') return 'ignored';
      await paymentFailed(deps, tx, ctx, event, order);
      return 'payment_failed';
    }
    case 'payment.canceled': {
      if (order.status !== 'pending_payment') return 'ignored';
      const entry = {
        type: 'payment.canceled',
        message: 'The payment was cancelled at the provider; the order was cancelled and its stock released.',
        data: { eventId: event.id, intentId: event.intentId },
      };
      if (order.stockState === 'reserved') {
        if (!(await cancelReservedOrder(deps, tx, ctx, order, entry))) throw new LostRace();
      } else {
        const o = deps.store.t.orders;
        const status = nextStatus(order.status, 'cancel');
        const r = await tx
          .update(o)
          .set({ status, cancelledAt: ctx.now, version: sql`${o.version} + 1`, updatedAt: ctx.now })
          .where(and(eq(o.id, order.id), eq(o.status, order.status)));
        if (affectedRows(r) !== 1) throw new LostRace();
        await addOrderEvent(deps.store, tx, ctx, order.id, entry);
      }
      return 'cancelled';
    }
    default:
      return 'ignored';
  }
}

async function succeeded(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  event: PaymentEvent,
  order: OrderRow,
): Promise<ConfirmOutcome> {
  if (order.paidAt !== null || order.stockState === 'sold') return 'ignored';
  if (order.status === 'pending_payment' && order.stockState === 'reserved') {
    await markPaid(deps, tx, ctx, event, order, false);
    return 'paid';
  }
  if (order.stockState === 'released') {
    // Only an order that lapsed (not one a person or the provider cancelled) comes back to life.
    if (order.status === 'cancelled' && !(await lapsed(deps, tx, order.id)))
      throw new LateRefundNeeded(order, 'PAID_AFTER_CANCELLATION');
    await markPaid(deps, tx, ctx, event, order, true);
    return 'paid_late';
  }
  return 'ignored';
}

async function lapsed(deps: FlowDeps, tx: Db, orderId: string): Promise<boolean> {
  const e = deps.store.t.orderEvents;
  const rows = await tx
    .select({ type: e.type })
    .from(e)
    .where(and(eq(e.orderId, orderId), eq(e.type, 'reservation.expired')))
    .limit(1);
  return rows.length > 0;
}

async function markPaid(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  event: PaymentEvent,
  order: OrderRow,
  late: boolean,
): Promise<void> {
  const { store } = deps;
  const o = store.t.orders;
  // A lapsed order was cancelled only because nobody paid in time: it is paid as if still pending.
  const status = nextStatus(late ? 'pending_payment' : order.status, 'pay');
  const amountMismatch = event.amountMinor !== undefined && event.amountMinor !== order.totalMinor;
  const claimed = await tx
    .update(o)
    .set({
      status,
      stockState: 'sold',
      paidAt: ctx.now,
      cancelledAt: null,
      reservationExpiresAt: null,
      paymentIntentId: order.paymentIntentId ?? event.intentId,
      ...(amountMismatch ? { flagged: true, flagReason: 'PAYMENT_AMOUNT_MISMATCH' } : {}),
      version: sql`${o.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(o.id, order.id), eq(o.status, order.status), eq(o.stockState, order.stockState)));
  if (affectedRows(claimed) !== 1) throw new LostRace();

  let lines = await orderLines(tx, store, order.id);
  if (late) {
    lines = await reserveAgain(deps, tx, ctx, order, lines);
    await retakeCoupon(deps, tx, order.id, ctx.now);
  } else {
    await deps.inventory.applyMovements(
      tx,
      ctx,
      lines.map((l) => ({
        kind: 'sell' as const,
        variantId: l.variantId,
        locationId: l.locationId,
        quantity: l.quantity,
        reference: order.id,
        reason: 'payment',
      })),
    );
  }
  await addOrderEvent(store, tx, ctx, order.id, {
    type: late ? 'payment.succeeded_late' : 'payment.succeeded',
    message: late
      ? `Payment received after the reservation had lapsed; the stock was reserved again and the order is ${status}.`
      : `Payment received; the reserved stock is sold and the order is ${status}.`,
    data: {
      eventId: event.id,
      intentId: event.intentId,
      amountMinor: event.amountMinor ?? null,
      from: order.status,
      to: status,
      ...(amountMismatch ? { expectedMinor: order.totalMinor } : {}),
    },
  });
  await recordDomainEvents(
    store,
    tx,
    [
      {
        type: 'payment.completed',
        aggregateId: order.id,
        data: {
          orderNumber: order.number,
          provider: event.provider,
          intentId: event.intentId,
          amountMinor: event.amountMinor ?? order.totalMinor,
          currency: order.currency,
          late,
        },
      },
    ],
    ctx.now,
  );
  const address = order.shippingAddress;
  await enqueue(tx, store, {
    topic: 'mail.order_confirmation',
    now: ctx.now,
    payload: {
      to: order.email,
      customerName: address.name,
      orderNumber: order.number,
      currency: order.currency as 'EUR',
      lines: lines.map((l) => ({
        sku: l.sku,
        name: l.productName,
        colour: l.colourName,
        sizeEu: l.sizeEuTenths / 10,
        width: (widths as readonly string[]).includes(l.width) ? (l.width as Width) : null,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        lineTotalMinor: l.lineTotalMinor,
      })),
      totals: {
        subtotalMinor: order.subtotalMinor,
        discountMinor: order.discountMinor,
        shippingMinor: order.shippingMinor,
        taxMinor: order.taxMinor,
        totalMinor: order.totalMinor,
      },
      shippingMethod: houseCarrierMethods.find((m) => m.id === order.shippingMethodId)?.name ?? null,
      shippingAddress: {
        name: address.name,
        line1: address.line1,
        line2: address.line2 ?? null,
        postalCode: address.postalCode,
        city: address.city,
        country: address.country,
      },
    },
  });
}

/**
 * Reserves and sells every line again, each where the most is available, in one ledger write:
 * INSUFFICIENT_STOCK on any line rolls the whole transaction back (then the payment is refunded).
 */
async function reserveAgain(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  order: OrderRow,
  lines: OrderLineRow[],
): Promise<OrderLineRow[]> {
  const levels = await deps.inventory.availableByLocation(
    tx,
    lines.map((l) => l.variantId),
  );
  const moved = lines.map((l) => {
    const best = levels
      .filter((v) => v.variantId === l.variantId && v.available >= l.quantity)
      .sort((a, b) => b.available - a.available)[0];
    return { ...l, locationId: best?.locationId ?? l.locationId };
  });
  try {
    await deps.inventory.applyMovements(
      tx,
      ctx,
      moved.flatMap((l) => [
        {
          kind: 'reserve' as const,
          variantId: l.variantId,
          locationId: l.locationId,
          quantity: l.quantity,
          reference: order.id,
          reason: 'late payment',
        },
        {
          kind: 'sell' as const,
          variantId: l.variantId,
          locationId: l.locationId,
          quantity: l.quantity,
          reference: order.id,
          reason: 'late payment',
        },
      ]),
    );
  } catch (e) {
    if (isDomainError(e) && e.code === 'INSUFFICIENT_STOCK')
      throw new LateRefundNeeded(order, 'PAID_AFTER_EXPIRY_OUT_OF_STOCK');
    throw e;
  }
  const ol = deps.store.t.orderLines;
  for (const l of moved) {
    const before = lines.find((x) => x.id === l.id);
    if (before && before.locationId !== l.locationId)
      await tx.update(ol).set({ locationId: l.locationId }).where(eq(ol.id, l.id));
  }
  return moved;
}

/** The coupon use given back at expiry is taken again: the customer paid the discounted price. */
async function retakeCoupon(deps: FlowDeps, tx: Db, orderId: string, now: number): Promise<void> {
  const r = deps.store.t.couponRedemptions;
  const [row] = await tx
    .select({ id: r.id, couponId: r.couponId })
    .from(r)
    .where(and(eq(r.orderId, orderId), isNotNull(r.releasedAt)))
    .limit(1);
  if (!row) return;
  const back = await tx
    .update(r)
    .set({ releasedAt: null })
    .where(and(eq(r.id, row.id), isNotNull(r.releasedAt)));
  if (affectedRows(back) !== 1) return;
  const c = deps.store.t.coupons;
  await tx
    .update(c)
    .set({ timesUsed: sql`${c.timesUsed} + 1`, updatedAt: now })
    .where(eq(c.id, row.couponId));
}

const failureText: Record<string, string> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  expired_card: 'Your card has expired.',
  incorrect_cvc: 'The security code was not correct.',
  lost_card: 'Your card was declined.',
};

async function paymentFailed(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  event: PaymentEvent,
  order: OrderRow,
): Promise<void> {
  const { store } = deps;
  const code = event.failureCode ?? null;
  await addOrderEvent(store, tx, ctx, order.id, {
    type: 'payment.failed',
    message: `A payment attempt failed${code ? ` (${code})` : ''}; the order still awaits payment.`,
    data: { eventId: event.id, intentId: event.intentId, failureCode: code },
  });
  await recordDomainEvents(
    store,
    tx,
    [
      {
        type: 'payment.failed',
        aggregateId: order.id,
        data: {
          orderNumber: order.number,
          provider: event.provider,
          intentId: event.intentId,
          failureCode: code,
        },
      },
    ],
    ctx.now,
  );
  await enqueue(tx, store, {
    topic: 'mail.payment_failed',
    now: ctx.now,
    payload: {
      to: order.email,
      customerName: order.shippingAddress.name,
      orderNumber: order.number,
      currency: order.currency as 'EUR',
      totalMinor: order.totalMinor,
      reason: (code && failureText[code]) ?? 'The payment did not go through.',
      // The order stays payable while its reservation holds (the expiry job cancels it after).
      heldUntil:
        order.stockState === 'reserved' && order.reservationExpiresAt !== null
          ? iso(order.reservationExpiresAt)
          : null,
    },
  });
}

/** A stable UUID-shaped id from a name, so a retried refund step finds its own row. */
export function stableId(name: string): string {
  const h = sha256(name);
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A payment for an order that can no longer be filled: refund it in full through the provider
 * (outside any transaction), flag the order and tell the customer. Safe to run again after a
 * crash or a provider failure: the refund row id and the provider key are stable, and the event
 * is only recorded as processed in the last transaction.
 */
async function refundLatePayment(
  deps: FlowDeps,
  ctx: RequestContext,
  event: PaymentEvent,
  order: OrderRow,
  reason: string,
): Promise<ConfirmOutcome> {
  const { store } = deps;
  const o = store.t.orders;
  const refundId = stableId(`late-refund:${order.id}`);
  const amountMinor = event.amountMinor ?? order.totalMinor;
  await store.tx(async (tx) => {
    await store.insertIfAbsent(tx, store.t.refunds, {
      id: refundId,
      orderId: order.id,
      amountMinor,
      reason,
      status: 'pending',
      providerRefundId: null,
      createdBy: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx
      .update(o)
      .set({
        flagged: true,
        flagReason: reason,
        paymentIntentId: order.paymentIntentId ?? event.intentId,
        updatedAt: ctx.now,
      })
      .where(eq(o.id, order.id));
  });

  const refund = await deps.payments.refund(
    {
      intentId: event.intentId!,
      amountMinor,
      reason: 'requested_by_customer',
      metadata: { orderId: order.id, refundRowId: refundId, why: reason },
    },
    `order:${order.id}:late-refund`,
  );

  return store.tx(async (tx) => {
    if (await alreadyProcessed(deps, tx, event.id)) return 'duplicate';
    const r = store.t.refunds;
    const settled = await tx
      .update(r)
      .set({
        status: refund.status === 'succeeded' ? 'succeeded' : 'pending',
        providerRefundId: refund.refundId,
        updatedAt: ctx.now,
      })
      .where(and(eq(r.id, refundId), isNull(r.providerRefundId)));
    if (affectedRows(settled) === 1)
      await tx
        .update(o)
        .set({
          refundedMinor: sql`${o.refundedMinor} + ${amountMinor}`,
          version: sql`${o.version} + 1`,
          updatedAt: ctx.now,
        })
        .where(eq(o.id, order.id));
    await addOrderEvent(store, tx, ctx, order.id, {
      type: 'payment.refunded_late',
      message:
        reason === 'PAID_AFTER_EXPIRY_OUT_OF_STOCK'
          ? 'Payment arrived after the reservation lapsed and the stock had sold; the payment was refunded in full and the order flagged.'
          : 'Payment arrived for an order that was already cancelled; the payment was refunded in full and the order flagged.',
      data: {
        eventId: event.id,
        intentId: event.intentId,
        amountMinor,
        refundId,
        providerRefundId: refund.refundId,
      },
    });
    await enqueue(tx, store, {
      topic: 'mail.refund_issued',
      now: ctx.now,
      payload: {
        to: order.email,
        customerName: order.shippingAddress.name,
        orderNumber: order.number,
        currency: order.currency as 'EUR',
        amountMinor,
        full: true,
        reason:
          reason === 'PAID_AFTER_EXPIRY_OUT_OF_STOCK'
            ? 'Your payment reached us after the items were no longer available, so we have refunded it in full.'
            : 'Your payment reached us after the order had been cancelled, so we have refunded it in full.',
      },
    });
    await recordEvent(deps, tx, ctx, event, order.id, 'refunded_late');
    return 'refunded_late';
  });
}
