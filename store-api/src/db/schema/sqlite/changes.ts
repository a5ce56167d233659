import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The change sequence: every write to an entity a follower mirrors (catalog, stock, locations,
 * bins, orders and their lines) appends (entity, id, op) in its transaction. The catalog read
 * model and the desktop sync protocol follow it by `seq` (lib/change-feed.ts).
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** upsert: re-read the row; delete: the row is gone (a tombstone for followers). */
    op: text('op').notNull().default('upsert'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('change_log_created_ix').on(t.createdAt)],
);
