import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const stockLocations = sqliteTable(
  'stock_locations',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('stock_locations_code_uq').on(t.code)],
);

export const bins = sqliteTable(
  'bins',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id').notNull(),
    /** aisle-shelf-bin, e.g. A-03-2; pick lists sort by it. */
    code: text('code').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('bins_location_code_uq').on(t.locationId, t.code)],
);

/** Projection of the movement ledger, written in the same transaction as each movement. */
export const stockLevels = sqliteTable(
  'stock_levels',
  {
    variantId: text('variant_id').notNull(),
    locationId: text('location_id').notNull(),
    onHand: integer('on_hand').notNull(),
    reserved: integer('reserved').notNull(),
    binId: text('bin_id'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.locationId] }),
    index('stock_levels_location_ix').on(t.locationId),
  ],
);

/** The append-only ledger. Deltas are stored so the projection can be re-derived by summing. */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    variantId: text('variant_id').notNull(),
    locationId: text('location_id').notNull(),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    reason: text('reason'),
    reference: text('reference'),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('stock_movements_variant_ix').on(t.variantId, t.locationId, t.createdAt),
    index('stock_movements_created_ix').on(t.createdAt),
  ],
);
