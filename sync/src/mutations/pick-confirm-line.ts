import { z } from 'zod';
import { openPickLine, scanMatches } from './fulfillment-rules.ts';
import { rowId } from './stock-rules.ts';
import { defineMutation, planned, reject } from './types.ts';

/** The picker has the line's units in hand (scanned at the bin, or tapped). */
export const pickConfirmLine = defineMutation({
  name: 'pick.confirm-line',
  args: z.strictObject({ batchId: rowId, lineId: rowId, scan: z.string().trim().min(1).max(64).optional() }),
  permissions: () => ['orders:fulfil'],
  async plan(args, read) {
    const found = await openPickLine(read, args.batchId, args.lineId);
    if (!found.ok) return found;
    const { line } = found.value;
    if (args.scan !== undefined) {
      const variant = await read.get('variant', line.variantId);
      if (!scanMatches(args.scan, line.sku, variant?.gtin ?? null))
        return reject('PICK_SCAN_MISMATCH', `Scanned ${args.scan}, but this line is ${line.sku}.`, {
          scan: args.scan,
          sku: line.sku,
        });
    }
    return planned(
      [{ type: 'pickConfirm', batchId: args.batchId, lineId: line.id, scan: args.scan ?? null }],
      { picked: line.quantity },
    );
  },
});
