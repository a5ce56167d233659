import { z } from 'zod';
import { planMovement, rowId, units } from './stock-rules.ts';
import { defineMutation } from './types.ts';

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
  plan: (args, read) =>
    planMovement(read, {
      variantId: args.variantId,
      locationId: args.locationId,
      movement: 'receive',
      quantity: args.quantity,
      reason: args.reference ?? null,
    }),
});
