import { transition } from '@shoebox/shared';
import { staffTransitionEvents } from '@shoebox/shared/contracts';
import { z } from 'zod';
import { rowId } from './stock-rules.ts';
import { defineMutation, planned, reject } from './types.ts';

/**
 * Fulfilment steps made at the warehouse (start picking, pack, ship, deliver), checked by the
 * shared order state machine against the order as the server has it now. Paying and cancelling are
 * not offline intents: they move money and stock through the server's flows. The events are the
 * ones staff may send in the back office (`staffTransitionEvents`).
 */
export const fulfilmentEvents = staffTransitionEvents;

export const orderTransition = defineMutation({
  name: 'order.transition',
  args: z.strictObject({ orderId: rowId, event: z.enum(fulfilmentEvents) }),
  // Pick, pack and ship: warehouse and up (the same permission as the back office's fulfilment).
  permissions: () => ['orders:fulfil'],
  async plan(args, read) {
    const order = await read.get('order', args.orderId);
    if (!order) return reject('ORDER_NOT_FOUND', 'This order does not exist.', { orderId: args.orderId });
    const next = transition(order.status, args.event);
    if (!next.ok) {
      return reject(
        'ILLEGAL_ORDER_TRANSITION',
        `Order ${order.number} is ${order.status.replace('_', ' ')}: it cannot ${args.event.replace('_', ' ')} now.`,
        { orderId: order.id, from: order.status, event: args.event },
      );
    }
    return planned([{ type: 'orderStatus', orderId: order.id, from: order.status, to: next.value }], {
      from: order.status,
      to: next.value,
    });
  },
});
