import { bigint, boolean, index, int, mysqlTable, primaryKey, varchar } from 'drizzle-orm/mysql-core';

/** A shopper's address book (checkout can fill from it); erased with the account. */
export const customerAddresses = mysqlTable(
  'customer_addresses',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    customerId: varchar('customer_id', { length: 36 }).notNull(),
    label: varchar('label', { length: 40 }),
    name: varchar('name', { length: 120 }).notNull(),
    line1: varchar('line1', { length: 200 }).notNull(),
    line2: varchar('line2', { length: 200 }),
    city: varchar('city', { length: 120 }).notNull(),
    postalCode: varchar('postal_code', { length: 20 }).notNull(),
    country: varchar('country', { length: 2 }).notNull(),
    phone: varchar('phone', { length: 40 }),
    isDefault: boolean('is_default').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('customer_addresses_customer_ix').on(t.customerId, t.createdAt)],
);

/** Products a shopper keeps for later: one row per (customer, product). */
export const wishlistItems = mysqlTable(
  'wishlist_items',
  {
    customerId: varchar('customer_id', { length: 36 }).notNull(),
    productId: varchar('product_id', { length: 36 }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.productId] })],
);

/** Per-shopper settings kept off the customers row (owned by auth): the saved shoe size. */
export const customerPreferences = mysqlTable('customer_preferences', {
  customerId: varchar('customer_id', { length: 36 }).primaryKey(),
  /** EU size x 10 (38.5 -> 385), as variants store sizes; null when cleared. */
  savedSizeEuTenths: int('saved_size_eu_tenths'),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});
