import { orderShippingAddress } from './orders-customer.ts';
import { z } from 'zod';
import { boxCodes } from '../shipping/boxes.ts';
import { houseTrackingStatuses } from '../shipping/house-carrier.ts';
import { isoTime } from './common.ts';

/** Pick batches, the pack station and shipments (admin surface, `orders:fulfil` / `labels:print`). */

const reason = z.string().trim().min(1).max(200);

export const createPickBatchBody = z.union([
  z.strictObject({
    /** The N oldest paid orders not yet in a batch. */
    oldest: z.number().int().min(1).max(200),
  }),
  z.strictObject({
    /** These paid orders (all must be paid; any other refuses the whole batch). */
    orderIds: z.array(z.uuid()).min(1).max(200),
  }),
]);
export type CreatePickBatchBody = z.output<typeof createPickBatchBody>;

export const pickLineStatuses = ['open', 'picked', 'short'] as const;

export const pickBatchLineView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  quantity: z.number().int(),
  pickedQuantity: z.number().int(),
  shortQuantity: z.number().int(),
  status: z.enum(pickLineStatuses),
  shortReason: z.string().nullable(),
});

/** The lines of one SKU at one bin: the picker walks these in order. */
export const pickGroupView = z.object({
  sku: z.string(),
  variantId: z.uuid(),
  binCode: z.string().nullable(),
  quantity: z.number().int(),
  pickedQuantity: z.number().int(),
  lines: z.array(pickBatchLineView),
});

export const pickBatchView = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(['open', 'done']),
  orderIds: z.array(z.uuid()),
  groups: z.array(pickGroupView),
  version: z.number().int(),
  createdAt: isoTime,
});
export type PickBatchView = z.output<typeof pickBatchView>;

export const pickLineParams = z.strictObject({ id: z.uuid(), lineId: z.uuid() });

export const confirmPickBody = z.strictObject({
  /** The GTIN or SKU the picker scanned, when scanned: must be the line's item. */
  scan: z.string().trim().min(1).max(64).optional(),
});

export const shortPickBody = z.strictObject({
  /** Units not found at the bin. */
  missing: z.number().int().min(1).max(1000),
  reason,
});

export const packScans = z.array(z.string().trim().min(1).max(32)).max(500);

export const packCheckBody = z.strictObject({ scans: packScans.min(1) });

export const packCheckResult = z.object({
  orderId: z.uuid(),
  /** The line the last scan counted for. */
  lineId: z.uuid().nullable(),
  sku: z.string().nullable(),
  scanned: z.record(z.string(), z.number().int()),
  remaining: z.number().int(),
  complete: z.boolean(),
});

export const completePackBody = z.strictObject({
  scans: packScans.min(1),
  boxCode: z.enum(boxCodes),
  /** Overrides the default (variant weights plus the box). */
  weightGrams: z.number().int().min(1).max(70_000).optional(),
});

export const packResult = z.object({
  orderId: z.uuid(),
  status: z.string(),
  boxCode: z.string(),
  weightGrams: z.number().int(),
  defaultWeightGrams: z.number().int(),
});

export const carrierNames = ['house', 'parcelhub'] as const;

export const buyLabelBody = z.strictObject({
  orderId: z.uuid(),
  carrier: z.enum(carrierNames).default('house'),
  /** The carrier's service code: `standard` or `express` for the house carrier. */
  service: z.string().trim().min(1).max(40).default('standard'),
});

export const shipmentStatuses = ['labelled', 'voided', 'in_transit', 'delivered'] as const;

export const shipmentEventView = z.object({
  status: z.string(),
  message: z.string(),
  occurredAt: isoTime,
});

export const shipmentView = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  carrier: z.string(),
  service: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  costMinor: z.number().int(),
  currency: z.string(),
  weightGrams: z.number().int(),
  boxCode: z.string().nullable(),
  status: z.enum(shipmentStatuses),
  trackingStatus: z.string(),
  events: z.array(shipmentEventView),
  version: z.number().int(),
  createdAt: isoTime,
});
export type ShipmentView = z.output<typeof shipmentView>;

export const labelQuery = z.strictObject({ format: z.enum(['pdf', 'zpl']).default('pdf') });

export const trackingUpdateBody = z.union([
  /** House carrier: staff advance the parcel to its next status. */
  z.strictObject({ status: z.enum(houseTrackingStatuses), message: z.string().trim().max(200).optional() }),
  /** Real carriers: ask the carrier for the latest events. */
  z.strictObject({ refresh: z.literal(true) }),
]);

export const voidShipmentBody = z.strictObject({ reason });

export const trackingBlockBody = z.strictObject({
  /** The device that will print offline with these numbers; omitted: the API itself. */
  deviceId: z.string().trim().min(1).max(64).optional(),
  size: z.number().int().min(1).max(1000),
});

export const trackingBlockView = z.object({
  id: z.uuid(),
  carrier: z.literal('house'),
  holder: z.string(),
  firstSerial: z.number().int(),
  lastSerial: z.number().int(),
  firstTrackingNumber: z.string(),
  lastTrackingNumber: z.string(),
  createdAt: isoTime,
  /** What a device needs to print offline besides the numbers: the sender, and the return link base. */
  shipFrom: orderShippingAddress,
  returnUrlBase: z.string(),
});
