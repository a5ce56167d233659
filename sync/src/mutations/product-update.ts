import type { Permission } from '@shoebox/shared';
import { z } from 'zod';
import { type ProductEditable, productEditable } from '../protocol/entities.ts';
import { rowId } from './stock-rules.ts';
import { defineMutation, planned, reject } from './types.ts';

type Field = keyof ProductEditable;
const editable = productEditable.partial().strict();

/**
 * A manager's product edit, merged field by field. The device sends the fields it changed and
 * their values at `baseVersion` (what the manager saw). A field nobody else touched since takes
 * the new value; a field changed on both sides to different values is a conflict, and the whole
 * edit comes back rejected with each conflicting field (base, mine, theirs) for the manager to
 * resolve and send again. Nothing is half-applied.
 */
export const productUpdate = defineMutation({
  name: 'product.update',
  args: z
    .strictObject({
      productId: rowId,
      baseVersion: z.number().int().min(0),
      fields: editable,
      base: editable,
    })
    .refine((a) => Object.keys(a.fields).length > 0, {
      message: 'Change at least one field',
      path: ['fields'],
    })
    .refine((a) => sameKeys(a.fields, a.base), {
      message: 'base must hold the value at baseVersion of every changed field',
      path: ['base'],
    }),
  permissions: (args) => {
    const needed: Permission[] = ['catalog:write'];
    if ('basePriceMinor' in args.fields) needed.push('prices:write');
    return needed;
  },
  async plan(args, read) {
    const current = await read.get('product', args.productId);
    if (!current)
      return reject('PRODUCT_NOT_FOUND', 'This product does not exist.', { productId: args.productId });
    const changes: Partial<Record<Field, unknown>> = {};
    const conflicts: { field: Field; base: unknown; mine: unknown; theirs: unknown }[] = [];
    for (const field of Object.keys(args.fields) as Field[]) {
      const mine = args.fields[field];
      const theirs = current[field];
      if (same(theirs, mine)) continue;
      if (current.version === args.baseVersion || same(theirs, args.base[field])) changes[field] = mine;
      else conflicts.push({ field, base: args.base[field], mine, theirs });
    }
    if (conflicts.length > 0) {
      return reject(
        'PRODUCT_EDIT_CONFLICT',
        `Someone else changed ${conflicts.map((c) => c.field).join(', ')} of this product meanwhile: choose which value to keep.`,
        { productId: current.id, currentVersion: current.version, conflicts },
      );
    }
    const fields = changes as Partial<ProductEditable>;
    if (Object.keys(fields).length === 0) return planned([], { changed: [], version: current.version });
    return planned([{ type: 'productFields', productId: current.id, fromVersion: current.version, fields }], {
      changed: Object.keys(fields),
      version: current.version + 1,
    });
  },
});

const sameKeys = (a: object, b: object): boolean => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};

/** Field values are JSON (strings, numbers, tag arrays): compare them as JSON. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
