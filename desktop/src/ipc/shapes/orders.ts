/** Order detail from the cache, enriched from the API (timeline, payments, refunds) when it answers. */
import { orderStatuses } from '@shoebox/shared';
import {
  adminRefund,
  orderShippingAddress,
  orderTotals,
  staffTransitionEvents,
} from '@shoebox/shared/contracts';
import { z } from 'zod';

const id = z.string().min(1).max(80);

export const orderDetailArgs = z.strictObject({ orderId: id });

export const orderDetailLine = z.object({
  id,
  variantId: id,
  sku: z.string(),
  productName: z.string(),
  colourName: z.string(),
  sizeEu: z.number(),
  width: z.string(),
  quantity: z.number().int(),
  /** null without orders:refund. */
  unitPriceMinor: z.number().int().nullable(),
  lineTotalMinor: z.number().int().nullable(),
});

export const orderDetailNote = z.object({
  id,
  text: z.string(),
  createdAt: z.string(),
  /** Written on this device and not on the server yet. */
  pending: z.boolean(),
});

export const orderTimelineEntry = z.object({
  type: z.string(),
  message: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
});

export const orderDetail = z.object({
  id,
  number: z.string(),
  status: z.enum(orderStatuses),
  /** Staff events the state machine allows now (buttons to show). */
  allowedEvents: z.array(z.enum(staffTransitionEvents)),
  flagged: z.boolean(),
  currency: z.string(),
  shippingMethodId: z.string(),
  /** Warehouse devices see it only while the order is still to ship. */
  shippingAddress: orderShippingAddress.nullable(),
  /** null for roles without customer contact (warehouse). */
  email: z.string().nullable(),
  lines: z.array(orderDetailLine),
  notes: z.array(orderDetailNote),
  /** Oldest first: the server's full timeline when it answered, else what the cache knows. */
  timeline: z.array(orderTimelineEntry),
  timelineSource: z.enum(['server', 'cache']),
  moneyVisible: z.boolean(),
  /** null without orders:refund. */
  totals: orderTotals.nullable(),
  /** null without orders:refund, or when the server could not be asked (offline). */
  payment: z.object({ provider: z.string(), intentId: z.string().nullable() }).nullable(),
  refunds: z.array(adminRefund).nullable(),
  /** A transition or note made here is not on the server yet. */
  pending: z.boolean(),
  version: z.number().int(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderDetail = z.infer<typeof orderDetail>;

export const orderTransitionArgs = z.strictObject({ orderId: id, event: z.enum(staffTransitionEvents) });

export const orderNoteArgs = z.strictObject({ orderId: id, text: z.string().trim().min(1).max(2000) });
