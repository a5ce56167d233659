import { z } from 'zod';
import { checkMovement, rowId, stockAt, units } from './stock-rules.ts';
import { defineMutation, type Effect, planned } from './types.ts';

/** Units moved between two locations: out of one and into the other, in one transaction. */
export const inventoryTransfer = defineMutation({
  name: 'inventory.transfer',
  args: z
    .strictObject({ variantId: rowId, fromLocationId: rowId, toLocationId: rowId, quantity: units })
    .refine((a) => a.fromLocationId !== a.toLocationId, {
      message: 'A transfer goes to another location',
      path: ['toLocationId'],
    }),
  permissions: () => ['inventory:adjust'],
  async plan(args, read) {
    const from = await stockAt(read, args.variantId, args.fromLocationId);
    if (!from.ok) return from;
    const to = await stockAt(read, args.variantId, args.toLocationId);
    if (!to.ok) return to;
    const out: Effect = {
      type: 'stock',
      variantId: args.variantId,
      locationId: args.fromLocationId,
      movement: 'transfer_out',
      quantity: args.quantity,
      reason: null,
    };
    const refused = checkMovement(from.value, out);
    if (refused) return { ok: false, error: refused };
    return planned([out, { ...out, locationId: args.toLocationId, movement: 'transfer_in' }]);
  },
});
