import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Desktops registered under a staff sign-in (docs/decisions/0029). The credential is shown once
 * and kept as its SHA-256; registering the same id again replaces it. A revoked device is refused
 * for good (its id cannot be registered again).
 */
export const devices = sqliteTable(
  'devices',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    mode: text('mode').notNull(),
    appVersion: text('app_version').notNull(),
    /** The staff member who registered it last (whose sign-in it syncs under). */
    staffId: text('staff_id').notNull(),
    credentialHash: text('credential_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('devices_credential_uq').on(t.credentialHash)],
);

/**
 * `(device, mutation id) -> first result` of every pushed mutation, written in the mutation's own
 * transaction: the primary key makes a concurrent retry of the same mutation fail instead of
 * applying twice.
 */
export const syncResults = sqliteTable(
  'sync_results',
  {
    deviceId: text('device_id').notNull(),
    mutationId: text('mutation_id').notNull(),
    status: text('status').notNull(),
    result: text('result', { mode: 'json' }).$type<unknown>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deviceId, t.mutationId] }),
    index('sync_results_created_ix').on(t.createdAt),
  ],
);

/** One row: this database's sync server id, made once (cursors carry it). */
export const syncServer = sqliteTable('sync_server', {
  id: text('id').primaryKey(),
  serverId: text('server_id').notNull(),
  createdAt: integer('created_at').notNull(),
});
