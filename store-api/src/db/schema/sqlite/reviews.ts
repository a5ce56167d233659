import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Product reviews by verified buyers (modules/reviews): one per (product, customer). `status` is
 * `published`, `held` (waiting for a moderator: links or banned words) or `rejected`.
 */
export const productReviews = sqliteTable(
  'product_reviews',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    customerId: text('customer_id').notNull(),
    rating: integer('rating').notNull(),
    /** `small`, `true` or `large`: how the shoe fits compared with the shopper's usual size. */
    fit: text('fit').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull(),
    /** Why the review was held (`link`, `banned_word`); null when published on arrival. */
    heldReason: text('held_reason'),
    moderatedBy: text('moderated_by'),
    moderatedAt: integer('moderated_at'),
    createdAt: integer('created_at').notNull(),
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
export const backInStockRequests = sqliteTable(
  'back_in_stock_requests',
  {
    id: text('id').primaryKey(),
    variantId: text('variant_id').notNull(),
    /** Lower case. */
    email: text('email').notNull(),
    customerId: text('customer_id'),
    /** `pending` until mailed, then `notified`. */
    status: text('status').notNull(),
    token: text('token').notNull(),
    createdAt: integer('created_at').notNull(),
    notifiedAt: integer('notified_at'),
  },
  (t) => [
    uniqueIndex('back_in_stock_variant_email_uq').on(t.variantId, t.email),
    uniqueIndex('back_in_stock_token_uq').on(t.token),
    index('back_in_stock_variant_status_ix').on(t.variantId, t.status),
  ],
);
