import { z } from 'zod';
import { adminRefund, orderNumberField } from './orders.ts';

/** Why a pair comes back (domain.md, "Returns and exchanges"); reported by size and reason. */
export const returnReasons = [
  'too_small',
  'too_large',
  'too_narrow',
  'too_wide',
  'uncomfortable',
  'not_as_pictured',
  'defective',
  'changed_mind',
] as const;
export type ReturnReason = (typeof returnReasons)[number];

/** What inspection decides for a received line. */
export const returnInspections = ['restock', 'b_stock', 'write_off'] as const;
export type ReturnInspection = (typeof returnInspections)[number];

export const returnStatuses = ['requested', 'received', 'refunded'] as const;

const returnLineInput = z.strictObject({
  orderLineId: z.uuid(),
  quantity: z.number().int().min(1).max(100),
  reason: z.enum(returnReasons),
  /** Another size (or colour) of the same product: reserved at once, shipped when the return arrives. */
  exchangeVariantId: z.uuid().optional(),
});

const lines = z
  .array(returnLineInput)
  .min(1)
  .max(50)
  .refine((ls) => new Set(ls.map((l) => l.orderLineId)).size === ls.length, 'Name each order line once');

/** POST /store/returns: the signed-in customer's own order, by number. */
export const storeReturnBody = z.strictObject({ orderNumber: orderNumberField, lines });
export type StoreReturnBody = z.output<typeof storeReturnBody>;

/** POST /admin/returns: staff open a return for any order. */
export const adminReturnBody = z.strictObject({ orderId: z.uuid(), lines });
export type AdminReturnBody = z.output<typeof adminReturnBody>;

/** POST /admin/returns/:id/receive: one inspection per line of the return. */
export const receiveReturnBody = z.strictObject({
  lines: z
    .array(z.strictObject({ returnLineId: z.uuid(), inspection: z.enum(returnInspections) }))
    .min(1)
    .max(50),
});
export type ReceiveReturnBody = z.output<typeof receiveReturnBody>;

export const returnLineView = z.object({
  id: z.uuid(),
  orderLineId: z.uuid(),
  variantId: z.uuid(),
  quantity: z.number().int(),
  reason: z.enum(returnReasons),
  exchangeVariantId: z.uuid().nullable(),
  inspection: z.enum(returnInspections).nullable(),
  /** What this line gives back when refunded (0 for an exchange). */
  refundMinor: z.number().int(),
});

export const returnView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  status: z.enum(returnStatuses),
  refundId: z.uuid().nullable(),
  receivedAt: z.string().nullable(),
  createdAt: z.string(),
  lines: z.array(returnLineView),
});
export type ReturnView = z.output<typeof returnView>;

/** GET /store/returns: the signed-in customer's returns, newest first. */
export const returnList = z.object({ items: z.array(returnView) });

export const returnRefundResult = z.object({ return: returnView, refund: adminRefund });
