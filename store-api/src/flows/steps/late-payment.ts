import { isDomainError } from '@shoebox/shared';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { PaymentEvent } from '../../integrations/payments/index.ts';
import { sha256 } from '../../lib/hash.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import {
  closeLateRefund,
  moveOrderLines,
  type OrderLineRow,
  type OrderRow,
  openLateRefund,
  paymentEventSeen,
  recordPaymentEvent,
} from '../../modules/orders/index.ts';
import type { ConfirmOutcome } from '../confirm-payment.flow.ts';
import type { FlowDeps } from '../deps.ts';

/**
 * Payments that arrive after their reservation lapsed (confirm-payment.flow.ts): take the stock
 * and the coupon again when they are still there, or refund the payment in full.
 */

/** Thrown inside the transaction to roll it back when a late payment cannot get its stock. */
export class LateRefundNeeded extends Error {
  constructor(
    readonly order: OrderRow,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Reserves and sells every line again, each where the most is available, in one ledger write:
 * INSUFFICIENT_STOCK on any line rolls the whole transaction back (then the payment is refunded).
 */
export async function reserveAgain(
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
  const moves = moved.flatMap((l) => {
    const before = lines.find((x) => x.id === l.id);
    return before && before.locationId !== l.locationId ? [{ lineId: l.id, locationId: l.locationId }] : [];
  });
  if (moves.length > 0) await moveOrderLines(deps.store, tx, ctx, moves);
  return moved;
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
export async function refundLatePayment(
  deps: FlowDeps,
  ctx: RequestContext,
  event: PaymentEvent,
  order: OrderRow,
  reason: string,
): Promise<ConfirmOutcome> {
  const { store } = deps;
  const refundId = stableId(`late-refund:${order.id}`);
  const amountMinor = event.amountMinor ?? order.totalMinor;
  await store.tx((tx) =>
    openLateRefund(store, tx, ctx, order, { id: refundId, amountMinor, reason, intentId: event.intentId }),
  );

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
    if (await paymentEventSeen(tx, store, event.id)) return 'duplicate';
    await closeLateRefund(
      store,
      tx,
      ctx,
      { id: refundId, orderId: order.id, amountMinor },
      { refundId: refund.refundId, succeeded: refund.status === 'succeeded' },
      {
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
      },
    );
    await recordWhatHappened(store, tx, ctx, {
      messages: [
        {
          topic: 'mail.refund_issued',
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
        },
      ],
    });
    await recordPaymentEvent(store, tx, ctx, event, order.id, 'refunded_late');
    return 'refunded_late';
  });
}
