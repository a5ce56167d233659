import { bigint, index, int, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

/**
 * Returns and size exchanges (modules/returns). A return belongs to one shipped or delivered order;
 * its lines point at the order lines they send back.
 */
export const returns = mysqlTable(
  'returns',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    orderId: varchar('order_id', { length: 36 }).notNull(),
    customerId: varchar('customer_id', { length: 36 }),
    /** requested -> received -> refunded (a refund that failed at the provider leaves it received). */
    status: varchar('status', { length: 16 }).notNull(),
    /** The refund row this return's money went back through, set once (the retry guard). */
    refundId: varchar('refund_id', { length: 36 }),
    openedByType: varchar('opened_by_type', { length: 16 }).notNull(),
    openedById: varchar('opened_by_id', { length: 36 }),
    receivedAt: bigint('received_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('returns_order_ix').on(t.orderId), uniqueIndex('returns_refund_uq').on(t.refundId)],
);

export const returnLines = mysqlTable(
  'return_lines',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    returnId: varchar('return_id', { length: 36 }).notNull(),
    orderLineId: varchar('order_line_id', { length: 36 }).notNull(),
    variantId: varchar('variant_id', { length: 36 }).notNull(),
    quantity: int('quantity').notNull(),
    reason: varchar('reason', { length: 24 }).notNull(),
    /** A size exchange: the replacement variant, reserved at request time at this location. */
    exchangeVariantId: varchar('exchange_variant_id', { length: 36 }),
    exchangeLocationId: varchar('exchange_location_id', { length: 36 }),
    /** restock | b_stock | write_off, set on receipt. */
    inspection: varchar('inspection', { length: 16 }),
    refundMinor: int('refund_minor').notNull(),
  },
  (t) => [
    index('return_lines_return_ix').on(t.returnId),
    index('return_lines_order_line_ix').on(t.orderLineId),
  ],
);
