import { z } from 'zod';
import { planMovement, reason, rowId } from './stock-rules.ts';
import { defineMutation } from './types.ts';

/** Damage, loss or found stock: a signed delta, which commutes with every other movement. */
export const inventoryAdjust = defineMutation({
  name: 'inventory.adjust',
  args: z.strictObject({
    variantId: rowId,
    locationId: rowId,
    delta: z
      .number()
      .int()
      .min(-100_000)
      .max(100_000)
      .refine((d) => d !== 0, 'An adjustment of 0 says nothing'),
    reason,
  }),
  permissions: () => ['inventory:adjust'],
  plan: (args, read) =>
    planMovement(read, {
      variantId: args.variantId,
      locationId: args.locationId,
      movement: 'adjust',
      quantity: args.delta,
      reason: args.reason,
    }),
});
