import { bigint, index, int, mysqlTable, primaryKey, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

export const stockLocations = mysqlTable(
  'stock_locations',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    code: varchar('code', { length: 16 }).notNull(),
    name: varchar('name', { length: 120 }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('stock_locations_code_uq').on(t.code)],
);

export const bins = mysqlTable(
  'bins',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    locationId: varchar('location_id', { length: 36 }).notNull(),
    /** aisle-shelf-bin, e.g. A-03-2; pick lists sort by it. */
    code: varchar('code', { length: 16 }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('bins_location_code_uq').on(t.locationId, t.code)],
);

/** Projection of the movement ledger, written in the same transaction as each movement. */
export const stockLevels = mysqlTable(
  'stock_levels',
  {
    variantId: varchar('variant_id', { length: 36 }).notNull(),
    locationId: varchar('location_id', { length: 36 }).notNull(),
    onHand: int('on_hand').notNull(),
    reserved: int('reserved').notNull(),
    binId: varchar('bin_id', { length: 36 }),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.locationId] }),
    index('stock_levels_location_ix').on(t.locationId),
  ],
);

/** The append-only ledger. Deltas are stored so the projection can be re-derived by summing. */
export const stockMovements = mysqlTable(
  'stock_movements',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    variantId: varchar('variant_id', { length: 36 }).notNull(),
    locationId: varchar('location_id', { length: 36 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    quantity: int('quantity').notNull(),
    onHandDelta: int('on_hand_delta').notNull(),
    reservedDelta: int('reserved_delta').notNull(),
    reason: varchar('reason', { length: 200 }),
    reference: varchar('reference', { length: 64 }),
    actorType: varchar('actor_type', { length: 16 }).notNull(),
    actorId: varchar('actor_id', { length: 36 }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('stock_movements_variant_ix').on(t.variantId, t.locationId, t.createdAt),
    index('stock_movements_created_ix').on(t.createdAt),
  ],
);
