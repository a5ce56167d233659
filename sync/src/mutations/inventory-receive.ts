import { z } from 'zod';
import { rowId, stockAt, units } from './stock-rules.ts';
import { defineMutation, planned } from './types.ts';

/** A supplier delivery booked in: stock goes up. */
export const inventoryReceive = defineMutation({
  name: 'inventory.receive',
  args: z.strictObject({
    variantId: rowId,
    locationId: rowId,
    quantity: units,
    reference: z.string().trim().min(1).max(64).optional(),
  }),
  permissions: () => ['inventory:receive'],
  async plan(args, read) {
    const level = await stockAt(read, args.variantId, args.locationId);
    if (!level.ok) return level;
    return planned([
      {
        type: 'stock',
        variantId: args.variantId,
        locationId: args.locationId,
        movement: 'receive',
        quantity: args.quantity,
        reason: args.reference ?? null,
      },
    ]);
  },
});
