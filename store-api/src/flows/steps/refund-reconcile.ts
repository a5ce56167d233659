import { type Currency, formatMoney } from '@shoebox/shared';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import type { PaymentEvent } from '../../integrations/payments/index.ts';
import { type OrderRow, refundByProviderId, reverseFailedRefund } from '../../modules/orders/index.ts';
import type { FlowDeps } from '../deps.ts';

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
  const refund = await refundByProviderId(tx, store, order.id, event.refundId);
  if (!refund || refund.status === 'failed') return 'ignored';
  const amount = refund.amountMinor;
  const money = formatMoney(amount, order.currency as Currency);
  const code = event.failureCode ?? 'unknown';
  const reversed = await reverseFailedRefund(store, tx, ctx, refund, REFUND_FAILED_FLAG, {
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
  return reversed ? 'refund_failed' : 'lost_race';
}
