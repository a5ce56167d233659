import type { CancelOrderBody } from '@shoebox/shared/contracts';
import { recordWhatHappened } from '../lib/what-happened.ts';
import type { RequestContext } from '../lib/request-context.ts';
import { giveBackCoupon } from '../modules/coupons/index.ts';
import {
  findOrder,
  linesOfOrder,
  nextStatus,
  noteOrder,
  type OrderRow,
  orderErrors,
  refundableOf,
  requestRefund,
  transitionOrder,
} from '../modules/orders/index.ts';
import type { FlowDeps } from './deps.ts';
import { settleRefund, wasPaid } from './refund-order.flow.ts';

/**
 * Cancelling an order before it ships (the state machine refuses it afterwards: that is a return).
 *
 *   tx 1  status -> cancelled with a conditional update on (id, version, status, stock_state); stock back:
 *         reserved -> release movements, sold -> return_restock movements (the pairs go back on
 *         the shelf), stock_state released; the coupon use is given back; if the order was paid,
 *         the remaining refundable amount is reserved as a pending refund row; timeline + audit.
 *   then  (outside the transaction) paid: the refund through the provider with idempotency key
 *         `order:<id>:cancel-refund` (settled like any refund: a failure leaves the order
 *         cancelled, the refund row failed and a timeline event; staff retry with the refund
 *         endpoint). Unpaid with a payment intent: cancel the intent, best effort.
 *
 * The order is never half-cancelled: everything about the order and stock is one transaction,
 * and the provider's outcome is recorded in its own.
 */

export async function cancelOrder(
  deps: FlowDeps,
  ctx: RequestContext,
  orderId: string,
  input: CancelOrderBody,
) {
  const { store } = deps;
  const outcome = await store.tx(async (tx) => {
    const order = await findOrder(tx, store, orderId);
    if (!order) throw orderErrors.notFound();
    const to = nextStatus(order.status, 'cancel');
    const kind =
      order.stockState === 'reserved' ? 'release' : order.stockState === 'sold' ? 'return_restock' : null;
    let couponReleased = false;
    const cancelled = await transitionOrder(store, tx, ctx, order, 'cancel', {
      set: { stockState: 'released', reservationExpiresAt: null, cancelledAt: ctx.now },
      expect: { version: order.version, stockState: order.stockState },
      entry: async () => {
        const lines = await linesOfOrder(tx, store, orderId);
        if (kind && lines.length)
          await deps.inventory.applyMovements(
            tx,
            ctx,
            lines.map((l) => ({
              kind,
              variantId: l.variantId,
              locationId: l.locationId,
              quantity: l.quantity,
              reference: orderId,
              reason: `Order ${order.number} cancelled`,
            })),
          );
        couponReleased = await giveBackCoupon(store, tx, orderId, ctx.now);
        return {
          type: 'order.cancelled',
          message: `Cancelled: ${input.reason}`,
          data: { from: order.status, reason: input.reason, stock: kind ?? 'none', couponReleased },
        };
      },
    });
    if (!cancelled) throw orderErrors.versionConflict(order.version + 1);

    // Re-read after our update: on MySQL it now shows the latest committed row (a refund that
    // committed after our first read included), where the first read may be an older snapshot.
    const current = (await findOrder(tx, store, orderId)) ?? order;
    const refundable = wasPaid(current) ? refundableOf(current) : 0;
    const refund =
      refundable > 0
        ? await requestRefund(store, tx, ctx, order.id, refundable, `Order cancelled: ${input.reason}`)
        : null;

    await recordWhatHappened(store, tx, ctx, {
      audit: {
        action: 'order.cancel',
        entity: 'order',
        entityId: orderId,
        before: { status: order.status, stockState: order.stockState, version: order.version },
        after: {
          status: to,
          stockState: 'released',
          version: order.version + 1,
          reason: input.reason,
          stock: kind ?? 'none',
          couponReleased,
          refundId: refund?.id ?? null,
          refundMinor: refund?.amountMinor ?? 0,
        },
      },
    });
    return { order, refund };
  });

  const { order, refund } = outcome;
  if (refund) {
    await settleRefund(deps, ctx, order, refund, `order:${orderId}:cancel-refund`);
  } else if (order.status === 'pending_payment' && order.paymentIntentId) {
    await cancelIntentBestEffort(deps, ctx, order);
  }
  return deps.orders.detail(ctx, orderId);
}

async function cancelIntentBestEffort(deps: FlowDeps, ctx: RequestContext, order: OrderRow): Promise<void> {
  if (!order.paymentIntentId) return;
  try {
    await deps.payments.cancelIntent(order.paymentIntentId, `order:${order.id}:cancel-intent`);
  } catch (e) {
    ctx.log.warn({ err: e, orderId: order.id }, 'could not cancel the payment intent of a cancelled order');
    await deps.store.tx((tx) =>
      noteOrder(deps.store, tx, ctx, order.id, {
        type: 'payment.cancel_failed',
        message:
          'The payment intent could not be cancelled at the provider; if the customer still pays, that payment needs a refund.',
        data: { intentId: order.paymentIntentId },
      }),
    );
  }
}
