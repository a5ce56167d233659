import { systemContext } from '../lib/request-context.ts';
import { iso } from '../lib/time.ts';
import { findOrder, ordersWithLapsedReservation } from '../modules/orders/index.ts';
import type { FlowDeps } from './deps.ts';
import { cancelReservedOrder } from './steps/release-reservation.ts';

export interface ExpiryReport {
  /** Orders whose reservation this run released. */
  released: number;
  /** Candidates another worker (or a payment) got to first. */
  skipped: number;
  /** Intents that could not be cancelled at the provider (best effort; a late payment is refunded). */
  cancelFailures: number;
}

/**
 * Releases the stock of unpaid orders whose reservation lapsed: one transaction per order that
 * claims it with a conditional update on stock_state (two instances never release twice), releases
 * every line, cancels the order, gives the coupon back and writes `reservation.expired`. Then,
 * outside the transaction, cancels the payment intent (best effort).
 */
export async function expireReservations(
  deps: FlowDeps,
  now: number,
  options: { limit?: number; signal?: AbortSignal } = {},
): Promise<ExpiryReport> {
  const { store } = deps;
  const report: ExpiryReport = { released: 0, skipped: 0, cancelFailures: 0 };
  const due = await ordersWithLapsedReservation(store, now, options.limit ?? 500);
  const ctx = systemContext({ log: deps.log, now, requestId: 'job:orders.expire-reservations' });
  for (const id of due) {
    if (options.signal?.aborted) break;
    const released = await store.tx(async (tx) => {
      const order = await findOrder(tx, store, id);
      if (order?.stockState !== 'reserved' || order.status !== 'pending_payment') return null;
      if (order.reservationExpiresAt === null || order.reservationExpiresAt >= now) return null;
      const done = await cancelReservedOrder(deps, tx, ctx, order, {
        type: 'reservation.expired',
        message: `No payment before ${iso(order.reservationExpiresAt)}: the reservation was released and the order cancelled.`,
        data: { reservationExpiresAt: iso(order.reservationExpiresAt) },
      });
      return done ? order : null;
    });
    if (!released) {
      report.skipped++;
      continue;
    }
    report.released++;
    if (released.paymentIntentId) {
      try {
        await deps.payments.cancelIntent(released.paymentIntentId, `order:${released.id}:cancel-intent`);
      } catch (error) {
        // A paid intent cannot be cancelled: its success event arrives and is handled as a late payment.
        report.cancelFailures++;
        ctx.log.warn({ orderId: released.id, err: error }, 'expiry: could not cancel the payment intent');
      }
    }
  }
  return report;
}
