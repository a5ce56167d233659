import { houseCarrierMethods, type OrderStatus, type Width, widths } from '@shoebox/shared';
import { type Db, uniqueViolation } from '../db/client.ts';
import { type RequestContext, systemContext } from '../lib/request-context.ts';
import type { PaymentEvent } from '../integrations/payments/index.ts';
import { recordWhatHappened } from '../lib/what-happened.ts';
import { iso } from '../lib/time.ts';
import { takeCouponAgain } from '../modules/coupons/index.ts';
import {
  findOrder,
  findOrderByIntent,
  hasTimelineEntry,
  linesOfOrder,
  nextStatus,
  type OrderRow,
  paymentEventSeen,
  recordPaymentEvent,
  transitionOrder,
} from '../modules/orders/index.ts';
import type { FlowDeps } from './deps.ts';
import { LateRefundNeeded, refundLatePayment, reserveAgain } from './steps/late-payment.ts';
import { cancelReservedOrder } from './steps/release-reservation.ts';
import { reconcileFailedRefund } from './steps/refund-reconcile.ts';

/** What handling a provider event did, recorded with its id (payment_events.outcome). */
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

/** Thrown when a conditional update lost a race: the whole transaction is retried on fresh data. */
class LostRace extends Error {}

const UUIDISH = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function confirmPayment(
  deps: FlowDeps,
  event: PaymentEvent,
  options: { now?: number } = {},
): Promise<ConfirmOutcome> {
  const ctx = systemContext({
    log: deps.log,
    now: options.now ?? Date.now(),
    requestId: `payment:${event.id}`.slice(0, 64),
  });
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.store.tx((tx) => handle(deps, tx, ctx, event));
    } catch (e) {
      if (e instanceof LostRace && attempt < 5) continue;
      if (e instanceof LateRefundNeeded) return refundLatePayment(deps, ctx, event, e.order, e.reason);
      if (uniqueViolation(e) && (await paymentEventSeen(deps.store.db, deps.store, event.id)))
        return 'duplicate';
      throw e;
    }
  }
}

async function findOrderFor(deps: FlowDeps, db: Db, event: PaymentEvent): Promise<OrderRow | null> {
  if (event.intentId) {
    const byIntent = await findOrderByIntent(db, deps.store, event.intentId);
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
  if (await paymentEventSeen(tx, deps.store, event.id)) return 'duplicate';
  const order = await findOrderFor(deps, tx, event);
  const outcome = order ? await apply(deps, tx, ctx, event, order) : 'unknown_order';
  // Inserted with the effect: a concurrent delivery of the same event fails here and rolls back.
  await recordPaymentEvent(deps.store, tx, ctx, event, order?.id ?? null, outcome);
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
        const status = await transitionOrder(deps.store, tx, ctx, order, 'cancel', {
          set: { cancelledAt: ctx.now },
          entry,
        });
        if (!status) throw new LostRace();
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

/** Only an order whose reservation expired was cancelled for want of payment. */
function lapsed(deps: FlowDeps, tx: Db, orderId: string): Promise<boolean> {
  return hasTimelineEntry(tx, deps.store, orderId, 'reservation.expired');
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
  const amountMismatch = event.amountMinor !== undefined && event.amountMinor !== order.totalMinor;
  // A lapsed order was cancelled only because nobody paid in time: it is paid as if still pending.
  const from = late ? 'pending_payment' : order.status;
  const to = nextStatus(from, 'pay');
  let lines: Awaited<ReturnType<typeof linesOfOrder>> = [];
  const status = await transitionOrder(store, tx, ctx, order, 'pay', {
    from: from as OrderStatus,
    set: {
      stockState: 'sold',
      paidAt: ctx.now,
      cancelledAt: null,
      reservationExpiresAt: null,
      paymentIntentId: order.paymentIntentId ?? event.intentId ?? null,
      ...(amountMismatch ? { flagged: true, flagReason: 'PAYMENT_AMOUNT_MISMATCH' } : {}),
    },
    expect: { stockState: order.stockState },
    entry: async () => {
      lines = await linesOfOrder(tx, store, order.id);
      if (late) {
        lines = await reserveAgain(deps, tx, ctx, order, lines);
        await takeCouponAgain(store, tx, order.id, ctx.now);
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
      return {
        type: late ? 'payment.succeeded_late' : 'payment.succeeded',
        message: late
          ? `Payment received after the reservation had lapsed; the stock was reserved again and the order is ${to}.`
          : `Payment received; the reserved stock is sold and the order is ${to}.`,
        data: {
          eventId: event.id,
          intentId: event.intentId,
          amountMinor: event.amountMinor ?? null,
          from: order.status,
          to,
          ...(amountMismatch ? { expectedMinor: order.totalMinor } : {}),
        },
      };
    },
  });
  if (!status) throw new LostRace();
  const address = order.shippingAddress;
  await recordWhatHappened(store, tx, ctx, {
    events: [
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
    messages: [
      {
        topic: 'mail.order_confirmation',
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
      },
    ],
  });
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
  await recordWhatHappened(store, tx, ctx, {
    timeline: {
      orderId: order.id,
      entry: {
        type: 'payment.failed',
        message: `A payment attempt failed${code ? ` (${code})` : ''}; the order still awaits payment.`,
        data: { eventId: event.id, intentId: event.intentId, failureCode: code },
      },
    },
    events: [
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
    messages: [
      {
        topic: 'mail.payment_failed',
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
      },
    ],
  });
}
