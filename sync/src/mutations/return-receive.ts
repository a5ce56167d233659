import { z } from 'zod';
import { rowId } from './stock-rules.ts';
import { defineMutation, planned, reject } from './types.ts';

/** A return arrived: each line inspected (restock, B-stock or write-off), all lines at once. */
export const returnReceive = defineMutation({
  name: 'return.receive',
  args: z.strictObject({
    returnId: rowId,
    lines: z
      .array(z.strictObject({ returnLineId: rowId, inspection: z.enum(['restock', 'b_stock', 'write_off']) }))
      .min(1)
      .max(50),
  }),
  permissions: () => ['returns:manage'],
  async plan(args, read) {
    const found = await read.get('return', args.returnId);
    if (!found) return reject('RETURN_NOT_FOUND', 'This return does not exist.', { returnId: args.returnId });
    if (found.status !== 'requested')
      return reject('RETURN_STATE_CONFLICT', `This return is already ${found.status}.`, {
        status: found.status,
      });
    const known = new Set(found.lines.map((l) => l.id));
    const unknown = args.lines.filter((l) => !known.has(l.returnLineId));
    if (unknown.length > 0)
      return reject('RETURN_LINE_UNKNOWN', 'A line inspected is not on this return.', {
        lines: unknown.map((l) => l.returnLineId),
      });
    const inspected = new Set(args.lines.map((l) => l.returnLineId));
    if (inspected.size !== args.lines.length || inspected.size !== known.size)
      return reject('RETURN_INSPECTION_INCOMPLETE', 'Inspect every line of the return exactly once.', {
        expected: known.size,
      });
    return planned([{ type: 'returnReceive', returnId: found.id, lines: args.lines }]);
  },
});
