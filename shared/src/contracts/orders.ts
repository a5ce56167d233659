import { z } from 'zod';
import { MAX_MINOR } from '../money.ts';
import { orderStatuses } from '../order-state.ts';
import { pageOf, pageQuery } from './common.ts';
import { orderShippingAddress, orderTotals } from './orders-customer.ts';

export * from './orders-customer.ts';

/**
 * Order contracts: the admin order desk (`/admin/orders*`) and the customer's own orders
 * (`/store/orders*`). The two surfaces have separate shapes: customers never see staff notes,
 * staff names, payment ids or internal flags.
 *
 * Money on the admin surface is shown only to staff holding `orders:refund` (owner, manager).
 * Warehouse staff (domain.md: "no prices, refunds or reports on revenue") get the same shapes
 * with every money field `null`, `refunds: null`, and timeline `data: null`; `moneyVisible`
 * says which one a response is.
 */

/**
 * Timeline event types in `order_events.type`, by the flow that writes them. Staff see all of
 * them; customers see only the ones mapped to `customerTimelineTypes` (placed, paid, shipped,
 * delivered, cancelled, refunded), never notes, refund requests, failures or flags.
 */
export const orderTimelineTypes = [
  // checkout and payment confirmation
  'order.placed',
  'payment.intent_failed',
  'payment.succeeded',
  'payment.succeeded_late',
  'payment.failed',
  'payment.canceled',
  'payment.refunded_late',
  'reservation.expired',
  // order desk
  'order.picking_started',
  'order.packed',
  'order.shipped',
  'order.delivered',
  'order.cancelled',
  'refund.requested',
  'refund.succeeded',
  'refund.failed',
  'payment.cancel_failed',
  // fulfillment
  'order.pick_short',
  'order.label_voided',
  'note',
  // account erasure (GDPR article 17)
  'customer.erased',
] as const;
export type OrderTimelineType = (typeof orderTimelineTypes)[number];

/** The events staff may move an order through by hand; pay and cancel have their own flows. */
export const staffTransitionEvents = ['start_picking', 'pack', 'ship', 'deliver'] as const;
export type StaffTransitionEvent = (typeof staffTransitionEvents)[number];

const MAX_LIST_VALUES = 10;

/** A comma-separated list or a repeated parameter, trimmed, without empty entries. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (typeof text !== 'string') return text;
    return text
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0);
  }, z.array(item).min(1).max(MAX_LIST_VALUES));

/** `2025-03-01` (a whole day) or a full ISO timestamp with offset. */
const isoDateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: 'Use an ISO date (2025-03-01) or timestamp (2025-03-01T10:00:00Z)',
});

const minorQuery = z.coerce.number().int('Use whole minor units (cents)').min(0).max(MAX_MINOR);

/**
 * Admin order list filters, AND-ed. `from` is inclusive, `to` is inclusive of the whole day when
 * it is a date (`to=2025-03-01` includes orders placed that day) and exclusive when a timestamp.
 * `q`: an order number prefix (`SB-7K`) or part of the email. `sku`: orders with a line of it.
 */
export const adminOrderListQuery = z
  .strictObject({
    status: listOf(z.enum(orderStatuses)).optional(),
    from: isoDateOrTime.optional(),
    to: isoDateOrTime.optional(),
    customerId: z.uuid().optional(),
    email: z
      .string()
      .trim()
      .max(254)
      .transform((s) => s.toLowerCase())
      .optional(),
    sku: z.string().trim().min(1).max(64).optional(),
    minTotal: minorQuery.optional(),
    maxTotal: minorQuery.optional(),
    q: z.string().trim().min(1).max(100).optional(),
    flagged: z
      .enum(['true', 'false'], { message: 'Use true or false' })
      .transform((v) => v === 'true')
      .optional(),
    ...pageQuery,
  })
  .superRefine((q, ctx) => {
    if (q.minTotal !== undefined && q.maxTotal !== undefined && q.minTotal > q.maxTotal)
      ctx.addIssue({
        code: 'custom',
        path: ['minTotal'],
        message: `minTotal (${q.minTotal}) must not be greater than maxTotal (${q.maxTotal})`,
        params: { code: 'TOTAL_RANGE_INVERTED' },
      });
    if (q.from && q.to && Date.parse(q.from) > Date.parse(q.to))
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'from must not be after to',
        params: { code: 'DATE_RANGE_INVERTED' },
      });
  });
export type AdminOrderListQuery = z.output<typeof adminOrderListQuery>;

export const orderTransitionBody = z.strictObject({
  event: z.enum(staffTransitionEvents),
  /** The order `version` the client saw; a newer one answers 409 VERSION_CONFLICT. */
  baseVersion: z.number().int().min(0).optional(),
});
export type OrderTransitionBody = z.output<typeof orderTransitionBody>;

const reason = z.string().trim().min(1).max(200);

export const cancelOrderBody = z.strictObject({ reason });
export type CancelOrderBody = z.output<typeof cancelOrderBody>;

export const refundOrderBody = z.strictObject({
  amountMinor: z.number().int('Use whole minor units (cents)').min(1).max(MAX_MINOR),
  reason,
});
export type RefundOrderBody = z.output<typeof refundOrderBody>;

export const orderNoteBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export type OrderNoteBody = z.output<typeof orderNoteBody>;

// Responses ----------------------------------------------------------------------------------

const minorOrNull = z.number().int().nullable();

export const adminOrderSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(orderStatuses),
  email: z.string(),
  customerId: z.uuid().nullable(),
  customerName: z.string(),
  itemCount: z.number().int(),
  currency: z.string(),
  /** null for staff without `orders:refund`. */
  totalMinor: minorOrNull,
  refundedMinor: minorOrNull,
  flagged: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AdminOrderSummary = z.infer<typeof adminOrderSummary>;

export const adminOrderList = pageOf(adminOrderSummary).extend({ moneyVisible: z.boolean() });

export const adminOrderLine = z.object({
  id: z.uuid(),
  variantId: z.uuid(),
  locationId: z.uuid(),
  sku: z.string(),
  productName: z.string(),
  colourName: z.string(),
  sizeEu: z.number(),
  width: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: minorOrNull,
  discountMinor: minorOrNull,
  lineTotalMinor: minorOrNull,
  taxMinor: minorOrNull,
});

export const adminRefund = z.object({
  id: z.uuid(),
  amountMinor: z.number().int(),
  reason: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  providerRefundId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const adminTimelineEvent = z.object({
  id: z.uuid(),
  type: z.string(),
  message: z.string(),
  /** null for staff without `orders:refund` (refund amounts live here). */
  data: z.record(z.string(), z.unknown()).nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  /** The staff member's name for staff actors. */
  actorName: z.string().nullable(),
  createdAt: z.string(),
});

export const adminOrderDetail = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(orderStatuses),
  /** Events staff may apply now (state machine), for the buttons to show. */
  allowedEvents: z.array(z.string()),
  email: z.string(),
  customerId: z.uuid().nullable(),
  currency: z.string(),
  couponCode: z.string().nullable(),
  shippingMethodId: z.string(),
  shippingAddress: orderShippingAddress,
  stockState: z.string(),
  flagged: z.boolean(),
  flagReason: z.string().nullable(),
  lines: z.array(adminOrderLine),
  /** null for staff without `orders:refund`. */
  totals: orderTotals.nullable(),
  /** total - refunded - refunds in flight; null without `orders:refund`. */
  refundableMinor: minorOrNull,
  payment: z.object({ provider: z.string(), intentId: z.string().nullable() }),
  refunds: z.array(adminRefund).nullable(),
  /** Every event, oldest first (notes included). */
  timeline: z.array(adminTimelineEvent),
  moneyVisible: z.boolean(),
  reservationExpiresAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AdminOrderDetail = z.infer<typeof adminOrderDetail>;

export const refundResult = z.object({
  refund: adminRefund,
  order: adminOrderDetail,
});
