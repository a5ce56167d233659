import { bigint, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { jsonColumn } from './json.ts';

/** Every staff write: who, what, when, before and after. Append-only. */
export const auditLog = mysqlTable(
  'audit_log',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    actorType: varchar('actor_type', { length: 16 }).notNull(),
    actorId: varchar('actor_id', { length: 36 }).notNull(),
    action: varchar('action', { length: 64 }).notNull(),
    entity: varchar('entity', { length: 32 }).notNull(),
    entityId: varchar('entity_id', { length: 64 }).notNull(),
    before: jsonColumn<unknown>('before'),
    after: jsonColumn<unknown>('after'),
    requestId: varchar('request_id', { length: 64 }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('audit_log_entity_ix').on(t.entity, t.entityId),
    index('audit_log_created_ix').on(t.createdAt),
  ],
);
