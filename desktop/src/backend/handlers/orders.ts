import { newId } from '@shoebox/shared';
import type { Handlers } from '../../ipc/index.ts';
import { type HandlerContext, receipt, seeFor } from './context.ts';

export type OrderHandlers = Pick<
  Handlers,
  'orders.list' | 'orders.detail' | 'orders.transition' | 'orders.note'
>;

export const orderHandlers = (ctx: HandlerContext): OrderHandlers => ({
  'orders.list': async (query) => ctx.orders.list(query, seeFor(ctx)),
  'orders.detail': ({ orderId }) => ctx.orders.detail(orderId, seeFor(ctx)),
  'orders.transition': async (args) => receipt([await ctx.engine.mutate('order.transition', args)]),
  // The device names the note, so it shows in the order at once and a retry cannot add it twice.
  'orders.note': async ({ orderId, text }) =>
    receipt([await ctx.engine.mutate('order.note', { orderId, noteId: newId(), text })]),
});
