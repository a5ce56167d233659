import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Returns and size exchanges (modules/returns). A return belongs to one shipped or delivered order;
 * its lines point at the order lines they send back.
 */
export const returns = sqliteTable(
  'returns',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    customerId: text('customer_id'),
    /** requested -> received -> refunded (a refund that failed at the provider leaves it received). */
    status: text('status').notNull(),
    /** The refund row this return's money went back through, set once (the retry guard). */
    refundId: text('refund_id'),
    openedByType: text('opened_by_type').notNull(),
    openedById: text('opened_by_id'),
    receivedAt: integer('received_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('returns_order_ix').on(t.orderId), uniqueIndex('returns_refund_uq').on(t.refundId)],
);

export const returnLines = sqliteTable(
  'return_lines',
  {
    id: text('id').primaryKey(),
    returnId: text('return_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    variantId: text('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    reason: text('reason').notNull(),
    /** A size exchange: the replacement variant, reserved at request time at this location. */
    exchangeVariantId: text('exchange_variant_id'),
    exchangeLocationId: text('exchange_location_id'),
    /** restock | b_stock | write_off, set on receipt. */
    inspection: text('inspection'),
    refundMinor: integer('refund_minor').notNull(),
  },
  (t) => [
    index('return_lines_return_ix').on(t.returnId),
    index('return_lines_order_line_ix').on(t.orderLineId),
  ],
);
