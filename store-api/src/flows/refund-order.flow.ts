import { type Currency, isDomainError } from '@shoebox/shared';
import { type OutboxMessage, recordWhatHappened } from '../lib/what-happened.ts';
import type { RefundOrderBody } from '@shoebox/shared/contracts';
import type { RequestContext } from '../lib/request-context.ts';
import {
  findOrder,
  type OrderRow,
  orderErrors,
  type RefundRow,
  refundableOf,
  refundView,
  requestRefund,
  recordRefundOutcome,
} from '../modules/orders/index.ts';
import type { FlowDeps } from './deps.ts';

/**
 * Refunding money on a paid order (full or partial), through the payment provider.
 *
 *   tx 1  reserve the amount on the order with a conditional update
 *         (`total - refunded - refund_pending >= amount`), insert the refund row `pending`,
 *         timeline + audit. Concurrent refunds serialise on the order row (MySQL row lock,
 *         SQLite write queue), so together they can never exceed what was paid.
 *   call  provider.refund with idempotency key `refund:<refundId>` (outside any transaction)
 *   tx 2  succeeded: refunded += amount, pending -= amount, refund row succeeded, timeline,
 *         'mail.refund_issued' in the outbox, audit.
 *         failed: pending -= amount, refund row failed, timeline, audit; answers 502 REFUND_FAILED.
 *
 * A provider answer of `pending` (Stripe refunds that settle later) counts as succeeded: the
 * provider accepted it. The cancel flow reuses `settleRefund` for its automatic refund.
 */

/** Paid at some point and still holding money: paid, picking, packed, shipped, delivered, or cancelled after payment. */
export const wasPaid = (o: OrderRow): boolean => o.paidAt != null && o.paymentIntentId != null;

export type SettledRefund =
  | { ok: true; refund: RefundRow }
  | { ok: false; refund: RefundRow; providerCode: string };

/**
 * Calls the provider for a pending refund row and records the outcome. Never throws for a
 * provider failure: the row is marked failed and the reservation given back.
 */
export async function settleRefund(
  deps: Pick<FlowDeps, 'store' | 'payments'>,
  ctx: RequestContext,
  order: OrderRow,
  refund: RefundRow,
  idempotencyKey: string,
): Promise<SettledRefund> {
  const { store, payments } = deps;
  let providerRefundId: string | null = null;
  let failureCode: string | null = null;
  try {
    if (!order.paymentIntentId) throw new Error('order has no payment intent');
    const result = await payments.refund(
      {
        intentId: order.paymentIntentId,
        amountMinor: refund.amountMinor,
        reason: 'requested_by_customer',
        metadata: { orderId: order.id, refundRowId: refund.id, note: refund.reason },
      },
      idempotencyKey,
    );
    if (result.status === 'failed' || result.status === 'canceled') failureCode = `refund_${result.status}`;
    providerRefundId = result.refundId;
  } catch (e) {
    failureCode = isDomainError(e) ? String(e.details?.providerCode ?? e.code) : 'unexpected_error';
    ctx.log.warn({ err: e, orderId: order.id, refundId: refund.id }, 'refund failed at the provider');
  }

  const ok = failureCode === null;
  const settled: RefundRow = {
    ...refund,
    status: ok ? 'succeeded' : 'failed',
    providerRefundId,
    updatedAt: ctx.now,
  };
  const amount = refund.amountMinor;
  await store.tx(async (tx) => {
    const recorded = await recordRefundOutcome(store, tx, ctx, refund, {
      status: ok ? 'succeeded' : 'failed',
      providerRefundId,
      entry: ok
        ? {
            type: 'refund.succeeded',
            message: 'Refunded',
            data: { refundId: refund.id, amountMinor: amount, providerRefundId },
          }
        : {
            type: 'refund.failed',
            message: `Refund failed at the payment provider (${failureCode}); nothing was refunded. Staff can try again.`,
            data: { refundId: refund.id, amountMinor: amount, failureCode },
          },
    });
    if (!recorded) return; // settled by someone else already
    // The order as the refund left it (not deferred: changeOrder's update is visible here).
    const fresh = ok ? await findOrder(tx, store, order.id) : null;
    const mail: OutboxMessage[] = ok
      ? [
          {
            topic: 'mail.refund_issued',
            payload: {
              to: order.email,
              customerName: order.shippingAddress.name,
              orderNumber: order.number,
              currency: order.currency as Currency,
              amountMinor: amount,
              full: fresh ? fresh.refundedMinor >= fresh.totalMinor : false,
              reason: refund.reason,
            },
          },
        ]
      : [];
    await recordWhatHappened(store, tx, ctx, {
      audit: {
        action: ok ? 'refund.succeeded' : 'refund.failed',
        entity: 'order',
        entityId: order.id,
        before: { refundId: refund.id, status: 'pending' },
        after: {
          refundId: refund.id,
          status: settled.status,
          amountMinor: amount,
          providerRefundId,
          failureCode,
        },
      },
      messages: mail,
    });
  });
  return ok ? { ok: true, refund: settled } : { ok: false, refund: settled, providerCode: failureCode ?? '' };
}

/** POST /admin/orders/:id/refunds. */
export async function refundOrder(
  deps: FlowDeps,
  ctx: RequestContext,
  orderId: string,
  input: RefundOrderBody,
) {
  const { store } = deps;
  const { order, refund } = await store.tx(async (tx) => {
    const order = await findOrder(tx, store, orderId);
    if (!order) throw orderErrors.notFound();
    if (!wasPaid(order)) throw orderErrors.notPaid(order.status);
    const refund = await requestRefund(store, tx, ctx, order.id, input.amountMinor, input.reason);
    if (!refund) {
      const now = await findOrder(tx, store, orderId);
      throw orderErrors.refundExceedsRefundable(input.amountMinor, now ? refundableOf(now) : 0);
    }
    await recordWhatHappened(store, tx, ctx, {
      audit: {
        action: 'refund.request',
        entity: 'order',
        entityId: orderId,
        after: { refundId: refund.id, amountMinor: refund.amountMinor, reason: refund.reason },
      },
    });
    return { order, refund };
  });
  const settled = await settleRefund(deps, ctx, order, refund, `refund:${refund.id}`);
  if (!settled.ok) throw orderErrors.refundFailed(refund.id, settled.providerCode);
  return { refund: refundView(settled.refund), order: await deps.orders.detail(ctx, orderId) };
}
