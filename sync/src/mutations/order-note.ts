import { orderNoteBody } from '@shoebox/shared/contracts';
import { z } from 'zod';
import { rowId } from './stock-rules.ts';
import { defineMutation, planned, reject } from './types.ts';

/** A note on an order ("box damaged, repacked"). The device names the note, so it shows at once. */
export const orderNote = defineMutation({
  name: 'order.note',
  args: z.strictObject({ orderId: rowId, noteId: rowId, text: orderNoteBody.shape.text }),
  permissions: () => ['orders:read'],
  async plan(args, read) {
    const order = await read.get('order', args.orderId);
    if (!order) return reject('ORDER_NOT_FOUND', 'This order does not exist.', { orderId: args.orderId });
    if (await read.get('orderNote', args.noteId)) {
      return reject('NOTE_ID_TAKEN', 'A note with this id exists already.', { noteId: args.noteId });
    }
    return planned([{ type: 'orderNote', noteId: args.noteId, orderId: order.id, text: args.text }]);
  },
});
