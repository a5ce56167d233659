import { bigint, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';

/**
 * The change sequence: every write to catalog or stock appends (entity, id) in its transaction.
 * The catalog read model and the desktop sync protocol follow it by `seq`.
 */
export const changeLog = mysqlTable(
  'change_log',
  {
    seq: bigint('seq', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    entity: varchar('entity', { length: 16 }).notNull(),
    entityId: varchar('entity_id', { length: 36 }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('change_log_created_ix').on(t.createdAt)],
);
