import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../lib/request-context.ts';
import { recordAudit } from '../audit/index.ts';
import { settleRefund } from '../../flows/refund-order.flow.ts';
import type { FlowDeps } from '../../flows/deps.ts';
import {
  findOrder,
  type OrderRow,
  orderErrors,
  refundableOf,
  type RefundRow,
  refundView,
  requestRefund,
} from '../orders/index.ts';
import { returnErrors } from './returns.errors.ts';
import {
  claimRefund,
  findReturn,
  linesOfReturn,
  markRefunded,
  releaseRefund,
  type ReturnRow,
} from './returns.repo.ts';
import type { ReturnsService } from './returns.service.ts';

/** Thrown inside the claim transaction to roll back a refund row another request beat us to. */
class AlreadyClaimed extends Error {}
/** Thrown inside it when less money is left on the order than the return gives back. */
class NotRefundable extends Error {}

/**
 * Refunds a received return's lines through the order's refund books and the original payment
 * provider (flows/refund-order.flow.ts `settleRefund`). Recorded once: the refund row and its tie
 * to the return are written in one transaction guarded by `refund_id IS NULL`, so a retried or
 * concurrent request finds that refund and settles it (same provider idempotency key) instead of
 * making another.
 */
export async function refundReturn(
  deps: Pick<FlowDeps, 'store' | 'payments'>,
  returns: Pick<ReturnsService, 'get'>,
  ctx: RequestContext,
  returnId: string,
) {
  const { store } = deps;
  const row = await findReturn(store.db, store, returnId);
  if (!row) throw returnErrors.notFound();
  if (row.status === 'requested')
    throw returnErrors.stateConflict(row.status, 'refunded before it is received');
  const order = await findOrder(store.db, store, row.orderId);
  if (!order) throw orderErrors.notFound();

  let refund =
    (row.refundId ? await refundById(deps, row.orderId, row.refundId) : null) ??
    (await openRefund(deps, ctx, row, order));
  if (refund.status === 'pending') {
    const settled = await settleRefund(deps, ctx, order, refund, `refund:${refund.id}`);
    refund = settled.refund;
    if (!settled.ok) {
      await store.tx((tx) => releaseRefund(tx, store, returnId, settled.refund.id, ctx.now));
      throw orderErrors.refundFailed(settled.refund.id, settled.providerCode);
    }
  }
  if (refund.status === 'succeeded')
    await store.tx((tx) => markRefunded(tx, store, returnId, refund.id, ctx.now));
  return { return: await returns.get(returnId), refund: refundView(refund) };
}

/** The refund row of the return's lines, tied to the return in the same transaction (or the one another request tied first). */
async function openRefund(
  deps: Pick<FlowDeps, 'store'>,
  ctx: RequestContext,
  row: ReturnRow,
  order: OrderRow,
): Promise<RefundRow> {
  const { store } = deps;
  const returnId = row.id;
  const amount = (await linesOfReturn(store.db, store, returnId)).reduce((s, l) => s + l.refundMinor, 0);
  // An exchange-only return gives no money back.
  if (amount === 0) throw returnErrors.stateConflict(row.status, 'refunded: it holds only exchanges');
  try {
    return await store.tx(async (tx) => {
      const made = await requestRefund(store, tx, ctx, order.id, amount, `Return ${returnId}`);
      if (!made) throw new NotRefundable();
      if (!(await claimRefund(tx, store, returnId, made.id, ctx.now))) throw new AlreadyClaimed();
      await recordAudit(store, tx, ctx, {
        action: 'return.refund',
        entity: 'return',
        entityId: returnId,
        after: { refundId: made.id, amountMinor: amount },
      });
      return made;
    });
  } catch (e) {
    if (!(e instanceof AlreadyClaimed || e instanceof NotRefundable)) throw e;
    // Another request for this return may hold the money and the claim: answer its refund.
    const now = await findReturn(store.db, store, returnId);
    const refund = now?.refundId ? await refundById(deps, row.orderId, now.refundId) : null;
    if (!refund && e instanceof NotRefundable) {
      const fresh = await findOrder(store.db, store, order.id);
      throw orderErrors.refundExceedsRefundable(amount, fresh ? refundableOf(fresh) : 0);
    }
    if (!refund) throw returnErrors.stateConflict(now?.status ?? 'changed', 'refunded now');
    return refund;
  }
}

async function refundById(
  deps: Pick<FlowDeps, 'store'>,
  orderId: string,
  refundId: string,
): Promise<RefundRow | null> {
  const r = deps.store.t.refunds;
  const rows = await deps.store.db
    .select()
    .from(r)
    .where(and(eq(r.orderId, orderId), eq(r.id, refundId)))
    .limit(1);
  return rows[0] ?? null;
}
