import { bigint, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';

/**
 * The change sequence: every write to an entity a follower mirrors (catalog, stock, locations,
 * bins, orders and their lines) appends (entity, id, op) in its transaction. The catalog read
 * model and the desktop sync protocol follow it by `seq` (lib/change-feed.ts).
 */
export const changeLog = mysqlTable(
  'change_log',
  {
    seq: bigint('seq', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    entity: varchar('entity', { length: 16 }).notNull(),
    entityId: varchar('entity_id', { length: 36 }).notNull(),
    /** upsert: re-read the row; delete: the row is gone (a tombstone for followers). */
    op: varchar('op', { length: 8 }).notNull().default('upsert'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('change_log_created_ix').on(t.createdAt)],
);
