import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { giveBackCoupon } from '../../modules/coupons/index.ts';
import {
  linesOfOrder,
  type OrderLineRow,
  type OrderRow,
  type TimelineEntry,
  transitionOrder,
} from '../../modules/orders/index.ts';
import type { FlowDeps } from '../deps.ts';

/** Steps the checkout flows share: stock give-backs and cancelling an unpaid order. */

/** Release movements for every line of an order (its reservation goes back to available). */
export async function releaseLines(
  deps: Pick<FlowDeps, 'inventory'>,
  tx: Db,
  ctx: RequestContext,
  lines: readonly OrderLineRow[],
  reason: string,
): Promise<void> {
  await deps.inventory.applyMovements(
    tx,
    ctx,
    lines.map((l) => ({
      kind: 'release' as const,
      variantId: l.variantId,
      locationId: l.locationId,
      quantity: l.quantity,
      reference: l.orderId,
      reason,
    })),
  );
}

/**
 * Cancels an unpaid order that still holds its reservation: claims it with a conditional update
 * (so two workers never release twice), releases the stock, gives the coupon back and writes the
 * timeline entry. Returns false when another worker got there first or the order moved on.
 */
export async function cancelReservedOrder(
  deps: Pick<FlowDeps, 'store' | 'inventory'>,
  tx: Db,
  ctx: RequestContext,
  order: OrderRow,
  entry: TimelineEntry,
): Promise<boolean> {
  const { store } = deps;
  const status = await transitionOrder(store, tx, ctx, order, 'cancel', {
    set: { stockState: 'released', cancelledAt: ctx.now, reservationExpiresAt: null },
    expect: { stockState: 'reserved' },
    entry: async () => {
      await releaseLines(deps, tx, ctx, await linesOfOrder(tx, store, order.id), entry.type);
      const couponReturned = await giveBackCoupon(store, tx, order.id, ctx.now);
      return {
        ...entry,
        data: { ...(entry.data ?? {}), from: order.status, to: 'cancelled', couponReturned },
      };
    },
  });
  return status !== null;
}
