import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The change sequence: every write to catalog or stock appends (entity, id) in its transaction.
 * The catalog read model and the desktop sync protocol follow it by `seq`.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('change_log_created_ix').on(t.createdAt)],
);
