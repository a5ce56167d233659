import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A shopper's address book (checkout can fill from it); erased with the account. */
export const customerAddresses = sqliteTable(
  'customer_addresses',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    label: text('label'),
    name: text('name').notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull(),
    phone: text('phone'),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('customer_addresses_customer_ix').on(t.customerId, t.createdAt)],
);

/** Products a shopper keeps for later: one row per (customer, product). */
export const wishlistItems = sqliteTable(
  'wishlist_items',
  {
    customerId: text('customer_id').notNull(),
    productId: text('product_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.productId] })],
);

/** Per-shopper settings kept off the customers row (owned by auth): the saved shoe size. */
export const customerPreferences = sqliteTable('customer_preferences', {
  customerId: text('customer_id').primaryKey(),
  /** EU size x 10 (38.5 -> 385), as variants store sizes; null when cleared. */
  savedSizeEuTenths: integer('saved_size_eu_tenths'),
  updatedAt: integer('updated_at').notNull(),
});
