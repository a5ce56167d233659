import { z } from 'zod';
import { checkMovement, rowId, stockAt } from './stock-rules.ts';
import { defineMutation, type Effect, planned } from './types.ts';

const count = z.number().int().min(0).max(1_000_000);

/**
 * A cycle count: "I counted N where the screen said E". Applied as the delta N - E, not as
 * "set to N", so sales, receipts and adjustments the counter did not see (made on the server or
 * another desktop meanwhile) survive. A delta that would take stock below zero or below what is
 * reserved is refused: the shelf and the books disagree, and a person must recount.
 */
export const inventoryCount = defineMutation({
  name: 'inventory.count',
  args: z.strictObject({ variantId: rowId, locationId: rowId, counted: count, expectedOnHand: count }),
  permissions: () => ['inventory:count'],
  async plan(args, read) {
    const level = await stockAt(read, args.variantId, args.locationId);
    if (!level.ok) return level;
    const delta = args.counted - args.expectedOnHand;
    const effect: Effect = {
      type: 'stock',
      variantId: args.variantId,
      locationId: args.locationId,
      movement: 'count',
      quantity: delta,
      reason: `counted ${args.counted}, expected ${args.expectedOnHand}`,
    };
    const refused = checkMovement(level.value, effect);
    if (refused)
      return { ok: false, error: { ...refused, message: `${refused.message} Please count again.` } };
    return planned([effect], {
      delta,
      onHandBefore: level.value.onHand,
      onHandAfter: level.value.onHand + delta,
    });
  },
});
