import { z } from 'zod';
import { checkMovement, reason, rowId, stockAt } from './stock-rules.ts';
import { defineMutation, type Effect, planned } from './types.ts';

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
  async plan(args, read) {
    const level = await stockAt(read, args.variantId, args.locationId);
    if (!level.ok) return level;
    const effect: Effect = {
      type: 'stock',
      variantId: args.variantId,
      locationId: args.locationId,
      movement: 'adjust',
      quantity: args.delta,
      reason: args.reason,
    };
    const refused = checkMovement(level.value, effect);
    return refused ? { ok: false, error: refused } : planned([effect]);
  },
});
