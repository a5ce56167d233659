import type { Handlers } from '../../ipc/index.ts';
import { type HandlerContext, seeFor } from './context.ts';

export type OrderMoneyHandlers = Pick<Handlers, 'orders.cancel' | 'orders.refund'>;

export const orderMoneyHandlers = (ctx: HandlerContext): OrderMoneyHandlers => ({
  'orders.cancel': async ({ orderId, reason }) => {
    await ctx.server.admin.call('Cancelling an order', (api) => api.orders.cancel(orderId, { reason }));
    return orderAfterChange(ctx, orderId);
  },
  'orders.refund': async ({ orderId, amountMinor, reason }) => {
    await ctx.server.admin.call('Refunding an order', (api) =>
      api.orders.refund(orderId, { amountMinor, reason }),
    );
    return orderAfterChange(ctx, orderId);
  },
});

/**
 * The order as the screen shows it after the server changed it: pull first so the cache has the
 * new status and totals. The change is already made, so a failed pull is no failure: the detail
 * still carries the server's timeline, and the next sync brings the rest.
 */
async function orderAfterChange(ctx: HandlerContext, orderId: string) {
  await ctx.engine.syncNow().catch(() => undefined);
  return ctx.orders.detail(orderId, seeFor(ctx));
}
