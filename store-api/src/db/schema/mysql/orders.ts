import {
  bigint,
  boolean,
  index,
  int,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import type { AddressJson } from '../types.ts';
import { jsonColumn } from './json.ts';

/** Server-side carts: a guest holds an opaque token (stored hashed); a customer's cart is theirs. */
export const carts = mysqlTable(
  'carts',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    customerId: varchar('customer_id', { length: 36 }),
    email: varchar('email', { length: 254 }),
    currency: varchar('currency', { length: 3 }).notNull(),
    couponCode: varchar('coupon_code', { length: 40 }),
    shippingAddress: jsonColumn<AddressJson>('shipping_address'),
    shippingMethodId: varchar('shipping_method_id', { length: 40 }),
    /** open -> converted (an order was placed from it) | abandoned (pruned). */
    status: varchar('status', { length: 16 }).notNull(),
    /** Bumped on every change; checkout is idempotent per (cart, version). */
    version: int('version').notNull(),
    reminderSentAt: bigint('reminder_sent_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('carts_token_uq').on(t.tokenHash),
    index('carts_customer_ix').on(t.customerId, t.status),
    index('carts_status_updated_ix').on(t.status, t.updatedAt),
  ],
);

export const cartLines = mysqlTable(
  'cart_lines',
  {
    cartId: varchar('cart_id', { length: 36 }).notNull(),
    variantId: varchar('variant_id', { length: 36 }).notNull(),
    quantity: int('quantity').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.variantId] })],
);

export const coupons = mysqlTable(
  'coupons',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    code: varchar('code', { length: 40 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    percentBasisPoints: int('percent_basis_points'),
    amountMinor: int('amount_minor'),
    currency: varchar('currency', { length: 3 }),
    minimumSpendMinor: int('minimum_spend_minor'),
    startsAt: bigint('starts_at', { mode: 'number' }),
    endsAt: bigint('ends_at', { mode: 'number' }),
    usageLimitTotal: int('usage_limit_total'),
    usageLimitPerCustomer: int('usage_limit_per_customer'),
    freeShipping: boolean('free_shipping').notNull(),
    active: boolean('active').notNull(),
    /** Redemptions counted with a conditional update at checkout, so a limit is never exceeded. */
    timesUsed: int('times_used').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('coupons_code_uq').on(t.code)],
);

export const couponRedemptions = mysqlTable(
  'coupon_redemptions',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    couponId: varchar('coupon_id', { length: 36 }).notNull(),
    orderId: varchar('order_id', { length: 36 }).notNull(),
    customerId: varchar('customer_id', { length: 36 }),
    email: varchar('email', { length: 254 }).notNull(),
    /** Set when the order is cancelled before payment, so the use is given back. */
    releasedAt: bigint('released_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('coupon_redemptions_order_uq').on(t.orderId),
    index('coupon_redemptions_coupon_customer_ix').on(t.couponId, t.customerId),
  ],
);

export const orders = mysqlTable(
  'orders',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    /** Human order number shown to shoppers and staff, e.g. SB-7K3M9Q2X. */
    number: varchar('number', { length: 16 }).notNull(),
    /** `<cartId>:<cartVersion>`: a double-submitted checkout finds the first order instead of making a second. */
    checkoutKey: varchar('checkout_key', { length: 64 }).notNull(),
    cartId: varchar('cart_id', { length: 36 }),
    customerId: varchar('customer_id', { length: 36 }),
    email: varchar('email', { length: 254 }).notNull(),
    status: varchar('status', { length: 20 }).notNull(),
    currency: varchar('currency', { length: 3 }).notNull(),
    subtotalMinor: int('subtotal_minor').notNull(),
    discountMinor: int('discount_minor').notNull(),
    shippingMinor: int('shipping_minor').notNull(),
    taxMinor: int('tax_minor').notNull(),
    totalMinor: int('total_minor').notNull(),
    refundedMinor: int('refunded_minor').notNull(),
    /**
     * Refunds asked of the provider and not yet settled. A refund reserves its amount here with a
     * conditional update (`total - refunded - pending >= amount`) before calling the provider, so
     * concurrent refunds can never exceed what was paid. Default 0 so order inserts need not name it.
     */
    refundPendingMinor: int('refund_pending_minor').notNull().default(0),
    couponCode: varchar('coupon_code', { length: 40 }),
    shippingMethodId: varchar('shipping_method_id', { length: 40 }).notNull(),
    shippingAddress: jsonColumn<AddressJson>('shipping_address').notNull(),
    paymentProvider: varchar('payment_provider', { length: 16 }).notNull(),
    paymentIntentId: varchar('payment_intent_id', { length: 80 }),
    /** While pending_payment: when the stock reservation lapses and the expiry job releases it. */
    reservationExpiresAt: bigint('reservation_expires_at', { mode: 'number' }),
    /** reserved | sold | released: what the order currently holds in the stock ledger. */
    stockState: varchar('stock_state', { length: 16 }).notNull(),
    flagged: boolean('flagged').notNull(),
    flagReason: varchar('flag_reason', { length: 200 }),
    paidAt: bigint('paid_at', { mode: 'number' }),
    cancelledAt: bigint('cancelled_at', { mode: 'number' }),
    version: int('version').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('orders_number_uq').on(t.number),
    uniqueIndex('orders_checkout_key_uq').on(t.checkoutKey),
    uniqueIndex('orders_payment_intent_uq').on(t.paymentIntentId),
    index('orders_status_created_ix').on(t.status, t.createdAt),
    index('orders_customer_ix').on(t.customerId, t.createdAt),
    index('orders_email_ix').on(t.email),
    index('orders_reservation_ix').on(t.stockState, t.reservationExpiresAt),
  ],
);

/** Lines freeze what was bought at purchase time. */
export const orderLines = mysqlTable(
  'order_lines',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    orderId: varchar('order_id', { length: 36 }).notNull(),
    variantId: varchar('variant_id', { length: 36 }).notNull(),
    locationId: varchar('location_id', { length: 36 }).notNull(),
    sku: varchar('sku', { length: 64 }).notNull(),
    productName: varchar('product_name', { length: 160 }).notNull(),
    colourName: varchar('colour_name', { length: 60 }).notNull(),
    sizeEuTenths: int('size_eu_tenths').notNull(),
    width: varchar('width', { length: 16 }).notNull(),
    quantity: int('quantity').notNull(),
    unitPriceMinor: int('unit_price_minor').notNull(),
    discountMinor: int('discount_minor').notNull(),
    lineTotalMinor: int('line_total_minor').notNull(),
    taxMinor: int('tax_minor').notNull(),
  },
  (t) => [index('order_lines_order_ix').on(t.orderId), index('order_lines_sku_ix').on(t.sku)],
);

/** The order timeline: every event that happened to an order, newest last. */
export const orderEvents = mysqlTable(
  'order_events',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    orderId: varchar('order_id', { length: 36 }).notNull(),
    type: varchar('type', { length: 40 }).notNull(),
    message: text('message').notNull(),
    data: jsonColumn<Record<string, unknown>>('data'),
    actorType: varchar('actor_type', { length: 16 }).notNull(),
    actorId: varchar('actor_id', { length: 36 }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('order_events_order_ix').on(t.orderId, t.createdAt)],
);

export const refunds = mysqlTable(
  'refunds',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    orderId: varchar('order_id', { length: 36 }).notNull(),
    amountMinor: int('amount_minor').notNull(),
    reason: varchar('reason', { length: 200 }).notNull(),
    /** pending -> succeeded | failed */
    status: varchar('status', { length: 16 }).notNull(),
    providerRefundId: varchar('provider_refund_id', { length: 80 }),
    createdBy: varchar('created_by', { length: 36 }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('refunds_order_ix').on(t.orderId)],
);

/** Payment provider events already processed: a redelivered webhook finds its id here and does nothing. */
export const paymentEvents = mysqlTable('payment_events', {
  eventId: varchar('event_id', { length: 80 }).primaryKey(),
  provider: varchar('provider', { length: 16 }).notNull(),
  type: varchar('type', { length: 40 }).notNull(),
  orderId: varchar('order_id', { length: 36 }),
  outcome: varchar('outcome', { length: 40 }).notNull(),
  receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
});

/** Domain events for analytics: order.placed, payment.completed, payment.failed, inventory.updated. */
export const domainEvents = mysqlTable(
  'domain_events',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    type: varchar('type', { length: 40 }).notNull(),
    aggregateId: varchar('aggregate_id', { length: 36 }).notNull(),
    data: jsonColumn<Record<string, unknown>>('data').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('domain_events_type_created_ix').on(t.type, t.createdAt)],
);
