import { bigint, index, int, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import type { LabelJson } from '../types.ts';
import { jsonColumn } from './json.ts';

/** A pick batch: paid orders' lines for one picker, walked in bin order (modules/fulfillment). */
export const pickBatches = mysqlTable(
  'pick_batches',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    /** Shown to the picker, e.g. PB-7K3M9Q. */
    number: varchar('number', { length: 16 }).notNull(),
    /** open -> done (every line picked or short). */
    status: varchar('status', { length: 16 }).notNull(),
    createdBy: varchar('created_by', { length: 36 }),
    version: int('version').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('pick_batches_number_uq').on(t.number), index('pick_batches_status_ix').on(t.status)],
);

/** One order line to pick; the batch view groups them by SKU and sorts by bin. */
export const pickBatchLines = mysqlTable(
  'pick_batch_lines',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    batchId: varchar('batch_id', { length: 36 }).notNull(),
    orderId: varchar('order_id', { length: 36 }).notNull(),
    orderLineId: varchar('order_line_id', { length: 36 }).notNull(),
    variantId: varchar('variant_id', { length: 36 }).notNull(),
    locationId: varchar('location_id', { length: 36 }).notNull(),
    sku: varchar('sku', { length: 64 }).notNull(),
    binCode: varchar('bin_code', { length: 16 }),
    quantity: int('quantity').notNull(),
    pickedQuantity: int('picked_quantity').notNull(),
    shortQuantity: int('short_quantity').notNull(),
    /** open -> picked | short */
    status: varchar('status', { length: 16 }).notNull(),
    shortReason: varchar('short_reason', { length: 200 }),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('pick_batch_lines_batch_ix').on(t.batchId),
    index('pick_batch_lines_order_ix').on(t.orderId),
    uniqueIndex('pick_batch_lines_order_line_uq').on(t.orderLineId),
  ],
);

/** How an order was packed: the box, the weight and the scans that proved every line. */
export const orderPacks = mysqlTable('order_packs', {
  orderId: varchar('order_id', { length: 36 }).primaryKey(),
  boxCode: varchar('box_code', { length: 16 }).notNull(),
  weightGrams: int('weight_grams').notNull(),
  scans: jsonColumn<string[]>('scans').notNull(),
  packedBy: varchar('packed_by', { length: 36 }),
  packedAt: bigint('packed_at', { mode: 'number' }).notNull(),
});

/** A parcel with a label (modules/shipping). */
export const shipments = mysqlTable(
  'shipments',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    orderId: varchar('order_id', { length: 36 }).notNull(),
    carrier: varchar('carrier', { length: 24 }).notNull(),
    service: varchar('service', { length: 40 }).notNull(),
    trackingNumber: varchar('tracking_number', { length: 64 }).notNull(),
    /** The carrier's own id of the shipment (to void or track it); null for the house carrier. */
    carrierShipmentId: varchar('carrier_shipment_id', { length: 80 }),
    costMinor: int('cost_minor').notNull(),
    currency: varchar('currency', { length: 3 }).notNull(),
    weightGrams: int('weight_grams').notNull(),
    boxCode: varchar('box_code', { length: 16 }),
    /** labelled -> voided | in_transit -> delivered */
    status: varchar('status', { length: 16 }).notNull(),
    /** The last tracking event's status (house: label_created .. delivered). */
    trackingStatus: varchar('tracking_status', { length: 24 }).notNull(),
    /** What the label shows: re-rendered identically as PDF or ZPL on every reprint. */
    label: jsonColumn<LabelJson>('label').notNull(),
    /** Where the carrier keeps its own label (real carriers), for reference. */
    labelUrl: varchar('label_url', { length: 500 }),
    createdBy: varchar('created_by', { length: 36 }),
    version: int('version').notNull(),
    voidedAt: bigint('voided_at', { mode: 'number' }),
    deliveredAt: bigint('delivered_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('shipments_tracking_uq').on(t.carrier, t.trackingNumber),
    index('shipments_order_ix').on(t.orderId),
  ],
);

/** Tracking events of a shipment, oldest first. */
export const shipmentEvents = mysqlTable(
  'shipment_events',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    shipmentId: varchar('shipment_id', { length: 36 }).notNull(),
    status: varchar('status', { length: 24 }).notNull(),
    message: varchar('message', { length: 200 }).notNull(),
    occurredAt: bigint('occurred_at', { mode: 'number' }).notNull(),
    actorId: varchar('actor_id', { length: 36 }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('shipment_events_shipment_ix').on(t.shipmentId, t.occurredAt)],
);

/** The house carrier's serial counter: one row per carrier, moved by relative updates only. */
export const trackingCounters = mysqlTable('tracking_counters', {
  carrier: varchar('carrier', { length: 24 }).primaryKey(),
  nextSerial: int('next_serial').notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

/** A block of house tracking serials reserved for one holder (a device id, or `api`). */
export const trackingBlocks = mysqlTable(
  'tracking_blocks',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    carrier: varchar('carrier', { length: 24 }).notNull(),
    holder: varchar('holder', { length: 64 }).notNull(),
    firstSerial: int('first_serial').notNull(),
    lastSerial: int('last_serial').notNull(),
    createdBy: varchar('created_by', { length: 36 }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('tracking_blocks_first_uq').on(t.carrier, t.firstSerial),
    index('tracking_blocks_holder_ix').on(t.holder),
  ],
);
