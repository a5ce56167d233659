import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

import type { AddressJson } from '../types.ts';

/** Server-side carts: a guest holds an opaque token (stored hashed); a customer's cart is theirs. */
export const carts = sqliteTable(
  'carts',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    customerId: text('customer_id'),
    email: text('email'),
    currency: text('currency').notNull(),
    couponCode: text('coupon_code'),
    shippingAddress: text('shipping_address', { mode: 'json' }).$type<AddressJson>(),
    shippingMethodId: text('shipping_method_id'),
    /** open -> converted (an order was placed from it) | abandoned (pruned). */
    status: text('status').notNull(),
    /** Bumped on every change; checkout is idempotent per (cart, version). */
    version: integer('version').notNull(),
    reminderSentAt: integer('reminder_sent_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('carts_token_uq').on(t.tokenHash),
    index('carts_customer_ix').on(t.customerId, t.status),
    index('carts_status_updated_ix').on(t.status, t.updatedAt),
  ],
);

export const cartLines = sqliteTable(
  'cart_lines',
  {
    cartId: text('cart_id').notNull(),
    variantId: text('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.variantId] })],
);

export const coupons = sqliteTable(
  'coupons',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    percentBasisPoints: integer('percent_basis_points'),
    amountMinor: integer('amount_minor'),
    currency: text('currency'),
    minimumSpendMinor: integer('minimum_spend_minor'),
    startsAt: integer('starts_at'),
    endsAt: integer('ends_at'),
    usageLimitTotal: integer('usage_limit_total'),
    usageLimitPerCustomer: integer('usage_limit_per_customer'),
    freeShipping: integer('free_shipping', { mode: 'boolean' }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    /** Redemptions counted with a conditional update at checkout, so a limit is never exceeded. */
    timesUsed: integer('times_used').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('coupons_code_uq').on(t.code)],
);

export const couponRedemptions = sqliteTable(
  'coupon_redemptions',
  {
    id: text('id').primaryKey(),
    couponId: text('coupon_id').notNull(),
    orderId: text('order_id').notNull(),
    customerId: text('customer_id'),
    email: text('email').notNull(),
    /** Set when the order is cancelled before payment, so the use is given back. */
    releasedAt: integer('released_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('coupon_redemptions_order_uq').on(t.orderId),
    index('coupon_redemptions_coupon_customer_ix').on(t.couponId, t.customerId),
  ],
);

export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    /** Human order number shown to shoppers and staff, e.g. SB-7K3M9Q2X. */
    number: text('number').notNull(),
    /** `<cartId>:<cartVersion>`: a double-submitted checkout finds the first order instead of making a second. */
    checkoutKey: text('checkout_key').notNull(),
    cartId: text('cart_id'),
    customerId: text('customer_id'),
    email: text('email').notNull(),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    subtotalMinor: integer('subtotal_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    shippingMinor: integer('shipping_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    refundedMinor: integer('refunded_minor').notNull(),
    /**
     * Refunds asked of the provider and not yet settled. A refund reserves its amount here with a
     * conditional update (`total - refunded - pending >= amount`) before calling the provider, so
     * concurrent refunds can never exceed what was paid. Default 0 so order inserts need not name it.
     */
    refundPendingMinor: integer('refund_pending_minor').notNull().default(0),
    couponCode: text('coupon_code'),
    shippingMethodId: text('shipping_method_id').notNull(),
    shippingAddress: text('shipping_address', { mode: 'json' }).$type<AddressJson>().notNull(),
    paymentProvider: text('payment_provider').notNull(),
    paymentIntentId: text('payment_intent_id'),
    /** While pending_payment: when the stock reservation lapses and the expiry job releases it. */
    reservationExpiresAt: integer('reservation_expires_at'),
    /** reserved | sold | released: what the order currently holds in the stock ledger. */
    stockState: text('stock_state').notNull(),
    flagged: integer('flagged', { mode: 'boolean' }).notNull(),
    flagReason: text('flag_reason'),
    paidAt: integer('paid_at'),
    cancelledAt: integer('cancelled_at'),
    version: integer('version').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
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
export const orderLines = sqliteTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    variantId: text('variant_id').notNull(),
    locationId: text('location_id').notNull(),
    sku: text('sku').notNull(),
    productName: text('product_name').notNull(),
    colourName: text('colour_name').notNull(),
    sizeEuTenths: integer('size_eu_tenths').notNull(),
    width: text('width').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    lineTotalMinor: integer('line_total_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
  },
  (t) => [index('order_lines_order_ix').on(t.orderId), index('order_lines_sku_ix').on(t.sku)],
);

/** The order timeline: every event that happened to an order, newest last. */
export const orderEvents = sqliteTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    type: text('type').notNull(),
    message: text('message').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('order_events_order_ix').on(t.orderId, t.createdAt)],
);

export const refunds = sqliteTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    reason: text('reason').notNull(),
    /** pending -> succeeded | failed */
    status: text('status').notNull(),
    providerRefundId: text('provider_refund_id'),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('refunds_order_ix').on(t.orderId)],
);

/** Payment provider events already processed: a redelivered webhook finds its id here and does nothing. */
export const paymentEvents = sqliteTable('payment_events', {
  eventId: text('event_id').primaryKey(),
  provider: text('provider').notNull(),
  type: text('type').notNull(),
  orderId: text('order_id'),
  outcome: text('outcome').notNull(),
  receivedAt: integer('received_at').notNull(),
});

/** Domain events for analytics: order.placed, payment.completed, payment.failed, inventory.updated. */
export const domainEvents = sqliteTable(
  'domain_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('domain_events_type_created_ix').on(t.type, t.createdAt)],
);
