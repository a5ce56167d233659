import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { LabelJson } from '../types.ts';

/** A pick batch: paid orders' lines for one picker, walked in bin order (modules/fulfillment). */
export const pickBatches = sqliteTable(
  'pick_batches',
  {
    id: text('id').primaryKey(),
    /** Shown to the picker, e.g. PB-7K3M9Q. */
    number: text('number').notNull(),
    /** open -> done (every line picked or short). */
    status: text('status').notNull(),
    createdBy: text('created_by'),
    version: integer('version').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('pick_batches_number_uq').on(t.number), index('pick_batches_status_ix').on(t.status)],
);

/** One order line to pick; the batch view groups them by SKU and sorts by bin. */
export const pickBatchLines = sqliteTable(
  'pick_batch_lines',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id').notNull(),
    orderId: text('order_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    variantId: text('variant_id').notNull(),
    locationId: text('location_id').notNull(),
    sku: text('sku').notNull(),
    binCode: text('bin_code'),
    quantity: integer('quantity').notNull(),
    pickedQuantity: integer('picked_quantity').notNull(),
    shortQuantity: integer('short_quantity').notNull(),
    /** open -> picked | short */
    status: text('status').notNull(),
    shortReason: text('short_reason'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('pick_batch_lines_batch_ix').on(t.batchId),
    index('pick_batch_lines_order_ix').on(t.orderId),
    uniqueIndex('pick_batch_lines_order_line_uq').on(t.orderLineId),
  ],
);

/** How an order was packed: the box, the weight and the scans that proved every line. */
export const orderPacks = sqliteTable('order_packs', {
  orderId: text('order_id').primaryKey(),
  boxCode: text('box_code').notNull(),
  weightGrams: integer('weight_grams').notNull(),
  scans: text('scans', { mode: 'json' }).$type<string[]>().notNull(),
  packedBy: text('packed_by'),
  packedAt: integer('packed_at').notNull(),
});

/** A parcel with a label (modules/shipping). */
export const shipments = sqliteTable(
  'shipments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    carrier: text('carrier').notNull(),
    service: text('service').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    /** The carrier's own id of the shipment (to void or track it); null for the house carrier. */
    carrierShipmentId: text('carrier_shipment_id'),
    costMinor: integer('cost_minor').notNull(),
    currency: text('currency').notNull(),
    weightGrams: integer('weight_grams').notNull(),
    boxCode: text('box_code'),
    /** labelled -> voided | in_transit -> delivered */
    status: text('status').notNull(),
    /** The last tracking event's status (house: label_created .. delivered). */
    trackingStatus: text('tracking_status').notNull(),
    /** What the label shows: re-rendered identically as PDF or ZPL on every reprint. */
    label: text('label', { mode: 'json' }).$type<LabelJson>().notNull(),
    /** Where the carrier keeps its own label (real carriers), for reference. */
    labelUrl: text('label_url'),
    createdBy: text('created_by'),
    version: integer('version').notNull(),
    voidedAt: integer('voided_at'),
    deliveredAt: integer('delivered_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('shipments_tracking_uq').on(t.carrier, t.trackingNumber),
    index('shipments_order_ix').on(t.orderId),
  ],
);

/** Tracking events of a shipment, oldest first. */
export const shipmentEvents = sqliteTable(
  'shipment_events',
  {
    id: text('id').primaryKey(),
    shipmentId: text('shipment_id').notNull(),
    status: text('status').notNull(),
    message: text('message').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    actorId: text('actor_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('shipment_events_shipment_ix').on(t.shipmentId, t.occurredAt)],
);

/** The house carrier's serial counter: one row per carrier, moved by relative updates only. */
export const trackingCounters = sqliteTable('tracking_counters', {
  carrier: text('carrier').primaryKey(),
  nextSerial: integer('next_serial').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** A block of house tracking serials reserved for one holder (a device id, or `api`). */
export const trackingBlocks = sqliteTable(
  'tracking_blocks',
  {
    id: text('id').primaryKey(),
    carrier: text('carrier').notNull(),
    holder: text('holder').notNull(),
    firstSerial: integer('first_serial').notNull(),
    lastSerial: integer('last_serial').notNull(),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('tracking_blocks_first_uq').on(t.carrier, t.firstSerial),
    index('tracking_blocks_holder_ix').on(t.holder),
  ],
);
