/** "Needs attention": the changes the server refused, each with what a person can do about it. */
import { z } from 'zod';

export const attentionActions = ['retry', 'dismiss', 'resolve-conflict'] as const;

export const productConflict = z.object({
  field: z.string(),
  base: z.unknown(),
  mine: z.unknown(),
  theirs: z.unknown(),
});

export const attentionItem = z.object({
  mutationId: z.string(),
  /** The mutation's name, e.g. `inventory.adjust`. */
  name: z.string(),
  /** What the change was, in words ("Adjust MILA-NUDE-38 by -2 at Main warehouse (damage)"). */
  summary: z.string(),
  args: z.record(z.string(), z.unknown()),
  madeAt: z.string(),
  rejectedAt: z.string(),
  code: z.string(),
  /** The server's reason. */
  message: z.string(),
  /** What to do about it, for a shop worker. */
  advice: z.string(),
  actions: z.array(z.enum(attentionActions)),
  /** PRODUCT_EDIT_CONFLICT: the fields to choose between; resolve with products.update + `replaces`. */
  conflicts: z.array(productConflict).optional(),
  /** PRODUCT_EDIT_CONFLICT: the version to send as baseVersion when resolving. */
  currentVersion: z.number().int().optional(),
  productId: z.string().optional(),
});
export type AttentionItem = z.infer<typeof attentionItem>;

export const mutationIdArgs = z.strictObject({ mutationId: z.string().min(1).max(80) });
