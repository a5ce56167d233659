import { formatMoney, type Currency } from '@shoebox/shared';
import { and, eq, gte, sql } from 'drizzle-orm';
import { affectedRows, type Db } from '../db/client.ts';
import type { RequestContext } from '../http/context.ts';
import type { PaymentEvent } from '../integrations/payments/index.ts';
import type { FlowDeps } from './deps.ts';
import { addOrderEvent, type OrderRow } from './order-ops.ts';

export const REFUND_FAILED_FLAG = 'REFUND_FAILED_AT_PROVIDER';

/**
 * A refund the provider accepted (Stripe answers `pending` and settles later) and then reports as
 * failed (`refund.failed`, or `refund.updated` to failed): no money reached the customer, so the
 * books are put back. The refund row becomes failed, the amount leaves `refunded_minor` (or
 * `refund_pending_minor` when the refund call has not been settled yet) and is refundable again,
 * and the order is flagged for staff with a timeline entry saying what to do. Runs inside the
 * payment-event transaction, so each event has this effect once.
 *
 * Returns 'ignored' for a refund we do not know or already recorded as failed, and 'lost_race'
 * when the refund row changed under us (the caller retries on fresh data).
 */
export async function reconcileFailedRefund(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  event: PaymentEvent,
  order: OrderRow,
): Promise<'refund_failed' | 'ignored' | 'lost_race'> {
  if (!event.refundId) return 'ignored';
  const { store } = deps;
  const r = store.t.refunds;
  const [refund] = await tx
    .select()
    .from(r)
    .where(and(eq(r.orderId, order.id), eq(r.providerRefundId, event.refundId)))
    .limit(1);
  if (!refund || refund.status === 'failed') return 'ignored';
  const marked = await tx
    .update(r)
    .set({ status: 'failed', updatedAt: ctx.now })
    .where(and(eq(r.id, refund.id), eq(r.status, refund.status)));
  if (affectedRows(marked) !== 1) return 'lost_race';

  const amount = refund.amountMinor;
  const o = store.t.orders;
  const column = refund.status === 'succeeded' ? o.refundedMinor : o.refundPendingMinor;
  const moved = await tx
    .update(o)
    .set({
      ...(refund.status === 'succeeded'
        ? { refundedMinor: sql`${o.refundedMinor} - ${amount}` }
        : { refundPendingMinor: sql`${o.refundPendingMinor} - ${amount}` }),
      flagged: true,
      flagReason: REFUND_FAILED_FLAG,
      version: sql`${o.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(o.id, order.id), gte(column, amount)));
  if (affectedRows(moved) !== 1) return 'lost_race';

  const money = formatMoney(amount, order.currency as Currency);
  const code = event.failureCode ?? 'unknown';
  await addOrderEvent(store, tx, ctx, order.id, {
    type: 'refund.failed_at_provider',
    message: `The payment provider reported that the refund of ${money} failed after accepting it (${code}): nothing reached the customer. Refund again, or contact the customer.`,
    data: {
      refundId: refund.id,
      providerRefundId: event.refundId,
      amountMinor: amount,
      failureCode: code,
      eventId: event.id,
    },
  });
  return 'refund_failed';
}
