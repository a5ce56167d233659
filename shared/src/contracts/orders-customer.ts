import { z } from 'zod';
import { orderStatuses } from '../order-state.ts';
import { pageOf, pageQuery } from './common.ts';

/** The shopper's side of orders (`/store/orders*`): no notes, no staff, no payment ids. */

/** Order numbers: `SB-` and 8 Crockford base32 characters (no I, L, O, U). Compared upper-case. */
export const orderNumberPattern = /^SB-[0-9A-HJKMNP-TV-Z]{8}$/;
export const orderNumberField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(orderNumberPattern, 'An order number looks like SB-7K3M9Q2X');

export const customerTimelineTypes = [
  'placed',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;
export type CustomerTimelineType = (typeof customerTimelineTypes)[number];

export const customerOrderListQuery = z.strictObject({
  page: pageQuery.page,
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type CustomerOrderListQuery = z.output<typeof customerOrderListQuery>;

export const orderNumberParam = z.strictObject({ number: orderNumberField });

export const orderLookupBody = z.strictObject({
  orderNumber: orderNumberField,
  email: z
    .string()
    .trim()
    .max(254)
    .transform((s) => s.toLowerCase())
    .pipe(z.email()),
});
export type OrderLookupBody = z.output<typeof orderLookupBody>;

export const orderShippingAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().optional(),
});

export const orderTotals = z.object({
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  shippingMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  refundedMinor: z.number().int(),
});

export const customerOrderSummary = z.object({
  number: z.string(),
  status: z.enum(orderStatuses),
  itemCount: z.number().int(),
  currency: z.string(),
  totalMinor: z.number().int(),
  placedAt: z.string(),
});

export const customerOrderList = pageOf(customerOrderSummary);

export const customerOrderLine = z.object({
  /** The order line's id: what a return names (POST /store/returns). */
  id: z.uuid(),
  sku: z.string(),
  productName: z.string(),
  colourName: z.string(),
  sizeEu: z.number(),
  width: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  lineTotalMinor: z.number().int(),
});

export const customerTimelineEvent = z.object({
  type: z.enum(customerTimelineTypes),
  /** Only on `refunded`. */
  amountMinor: z.number().int().optional(),
  at: z.string(),
});

/** What a shopper sees of an order: no notes, no staff, no payment ids. */
export const customerOrderDetail = z.object({
  number: z.string(),
  status: z.enum(orderStatuses),
  email: z.string(),
  currency: z.string(),
  lines: z.array(customerOrderLine),
  totals: orderTotals,
  couponCode: z.string().nullable(),
  shippingMethodId: z.string(),
  shippingAddress: orderShippingAddress,
  timeline: z.array(customerTimelineEvent),
  placedAt: z.string(),
});
export type CustomerOrderDetail = z.infer<typeof customerOrderDetail>;
