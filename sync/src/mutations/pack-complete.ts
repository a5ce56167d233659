import { boxCodes } from '@shoebox/shared';
import { z } from 'zod';
import { orderFor } from './fulfillment-rules.ts';
import { rowId } from './stock-rules.ts';
import { defineMutation, planned } from './types.ts';

/**
 * The last scan at the pack bench: the order, with every scan that proved it. The server checks
 * the scans again against the order's lines (fulfillment's pack plan) before the order is packed.
 */
export const packComplete = defineMutation({
  name: 'pack.complete',
  args: z.strictObject({
    orderId: rowId,
    scans: z.array(z.string().trim().min(1).max(64)).min(1).max(500),
    boxCode: z.enum(boxCodes),
    weightGrams: z.number().int().min(1).max(70_000).optional(),
  }),
  permissions: () => ['orders:fulfil'],
  async plan(args, read) {
    const order = await orderFor(read, args.orderId, 'picking', 'packed');
    if (!order.ok) return order;
    return planned(
      [
        {
          type: 'pack',
          orderId: args.orderId,
          scans: args.scans,
          boxCode: args.boxCode,
          weightGrams: args.weightGrams ?? null,
        },
      ],
      { orderNumber: order.value.number },
    );
  },
});
