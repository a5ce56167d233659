import { z } from 'zod';
import { planMovement, rowId } from './stock-rules.ts';
import { defineMutation } from './types.ts';

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
    const delta = args.counted - args.expectedOnHand;
    const plan = await planMovement(
      read,
      {
        variantId: args.variantId,
        locationId: args.locationId,
        movement: 'count',
        quantity: delta,
        reason: `counted ${args.counted}, expected ${args.expectedOnHand}`,
      },
      (level) => ({ delta, onHandBefore: level.onHand, onHandAfter: level.onHand + delta }),
    );
    if (plan.ok || plan.error.code !== 'INSUFFICIENT_STOCK') return plan;
    return { ok: false, error: { ...plan.error, message: `${plan.error.message} Please count again.` } };
  },
});
