import { z } from 'zod';
import { openPickLine } from './fulfillment-rules.ts';
import { rowId } from './stock-rules.ts';
import { defineMutation, planned, reject } from './types.ts';

export const shortPickChoices = ['wait', 'substitute', 'cancel_line'] as const;

/**
 * Units not at the bin, and what to do for the customer: `wait` flags the order for a person,
 * `substitute` swaps the line to another size or colour of the same product (the customer agreed:
 * the note says how), `cancel_line` takes the line off the order and refunds it.
 */
export const pickShort = defineMutation({
  name: 'pick.short',
  args: z
    .strictObject({
      batchId: rowId,
      lineId: rowId,
      missing: z.number().int().min(1).max(1000),
      reason: z.string().trim().min(1).max(200),
      choice: z.enum(shortPickChoices),
      substituteVariantId: rowId.optional(),
      consentNote: z.string().trim().min(1).max(500).optional(),
    })
    .refine((a) => a.choice !== 'substitute' || (a.substituteVariantId && a.consentNote), {
      message: 'A substitute names the other variant and notes how the customer agreed.',
      path: ['substituteVariantId'],
    }),
  // Cancelling a line moves money back to the customer.
  permissions: (args) =>
    args.choice === 'cancel_line' ? ['orders:fulfil', 'orders:refund'] : ['orders:fulfil'],
  async plan(args, read) {
    const found = await openPickLine(read, args.batchId, args.lineId);
    if (!found.ok) return found;
    const { line } = found.value;
    if (args.missing > line.quantity)
      return reject('INVALID_QUANTITY', `A line of ${line.quantity} cannot be short by ${args.missing}.`, {
        missing: args.missing,
        quantity: line.quantity,
      });
    if (args.choice === 'substitute') {
      const wanted = await read.get('variant', args.substituteVariantId as string);
      const current = await read.get('variant', line.variantId);
      if (!wanted || !current || wanted.productId !== current.productId || wanted.id === current.id)
        return reject(
          'VARIANT_NOT_FOUND',
          'The substitute must be another size or colour of the same shoe.',
          {
            variantId: args.substituteVariantId,
          },
        );
    }
    return planned(
      [
        {
          type: 'pickShort',
          batchId: args.batchId,
          lineId: line.id,
          orderId: line.orderId,
          missing: args.missing,
          reason: args.reason,
          choice: args.choice,
          substituteVariantId: args.substituteVariantId ?? null,
          consentNote: args.consentNote ?? null,
        },
      ],
      { missing: args.missing, choice: args.choice },
    );
  },
});
