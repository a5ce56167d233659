import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every staff write: who, what, when, before and after. Append-only. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }).$type<unknown>(),
    after: text('after', { mode: 'json' }).$type<unknown>(),
    requestId: text('request_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('audit_log_entity_ix').on(t.entity, t.entityId),
    index('audit_log_created_ix').on(t.createdAt),
  ],
);
