import { bigint, index, int, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

/**
 * Product reviews by verified buyers (modules/reviews): one per (product, customer). `status` is
 * `published`, `held` (waiting for a moderator: links or banned words) or `rejected`.
 */
export const productReviews = mysqlTable(
  'product_reviews',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    productId: varchar('product_id', { length: 36 }).notNull(),
    customerId: varchar('customer_id', { length: 36 }).notNull(),
    rating: int('rating').notNull(),
    /** `small`, `true` or `large`: how the shoe fits compared with the shopper's usual size. */
    fit: varchar('fit', { length: 8 }).notNull(),
    body: text('body').notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    /** Why the review was held (`link`, `banned_word`); null when published on arrival. */
    heldReason: varchar('held_reason', { length: 32 }),
    moderatedBy: varchar('moderated_by', { length: 36 }),
    moderatedAt: bigint('moderated_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('product_reviews_product_customer_uq').on(t.productId, t.customerId),
    index('product_reviews_product_status_ix').on(t.productId, t.status, t.createdAt),
    index('product_reviews_status_ix').on(t.status, t.createdAt),
  ],
);

/**
 * "Tell me when my size is back" (modules/back-in-stock): one row per (variant, e-mail), mailed
 * once when stock returns; `token` is the unsubscribe secret in the mail.
 */
export const backInStockRequests = mysqlTable(
  'back_in_stock_requests',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    variantId: varchar('variant_id', { length: 36 }).notNull(),
    /** Lower case. */
    email: varchar('email', { length: 254 }).notNull(),
    customerId: varchar('customer_id', { length: 36 }),
    /** `pending` until mailed, then `notified`. */
    status: varchar('status', { length: 16 }).notNull(),
    token: varchar('token', { length: 64 }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    notifiedAt: bigint('notified_at', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('back_in_stock_variant_email_uq').on(t.variantId, t.email),
    uniqueIndex('back_in_stock_token_uq').on(t.token),
    index('back_in_stock_variant_status_ix').on(t.variantId, t.status),
  ],
);
