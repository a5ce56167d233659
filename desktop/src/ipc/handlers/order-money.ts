import { orderCancelArgs, orderRefundArgs } from '../shapes/order-money.ts';
import { orderDetail } from '../shapes/orders.ts';
import { defineHandler } from '../spec.ts';

// Money leaves the shop: these go straight to the API (never queued), and answer the order as it
// is after the change, timeline included. Offline they refuse with API_UNREACHABLE in words.
export const orderMoneySpecs = {
  'orders.cancel': defineHandler({
    summary: 'Cancel an order before it ships, with a reason (needs the API)',
    access: 'orders:refund',
    args: orderCancelArgs,
    result: orderDetail,
  }),
  'orders.refund': defineHandler({
    summary: 'Refund part or all of what is left of a paid order (needs the API)',
    access: 'orders:refund',
    args: orderRefundArgs,
    result: orderDetail,
  }),
} as const;
