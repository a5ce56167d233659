import { bigint, index, mysqlTable, primaryKey, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { jsonColumn } from './json.ts';

/**
 * Desktops registered under a staff sign-in (docs/decisions/0029). The credential is shown once
 * and kept as its SHA-256; registering the same id again replaces it. A revoked device is refused
 * for good (its id cannot be registered again).
 */
export const devices = mysqlTable(
  'devices',
  {
    id: varchar('id', { length: 36 }).primaryKey(),
    name: varchar('name', { length: 120 }).notNull(),
    mode: varchar('mode', { length: 16 }).notNull(),
    appVersion: varchar('app_version', { length: 40 }).notNull(),
    /** The staff member who registered it last (whose sign-in it syncs under). */
    staffId: varchar('staff_id', { length: 36 }).notNull(),
    credentialHash: varchar('credential_hash', { length: 64 }).notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
  },
  (t) => [uniqueIndex('devices_credential_uq').on(t.credentialHash)],
);

/**
 * `(device, mutation id) -> first result` of every pushed mutation, written in the mutation's own
 * transaction: the primary key makes a concurrent retry of the same mutation fail instead of
 * applying twice.
 */
export const syncResults = mysqlTable(
  'sync_results',
  {
    deviceId: varchar('device_id', { length: 80 }).notNull(),
    mutationId: varchar('mutation_id', { length: 36 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    result: jsonColumn<unknown>('result').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deviceId, t.mutationId] }),
    index('sync_results_created_ix').on(t.createdAt),
  ],
);

/** One row: this database's sync server id, made once (cursors carry it). */
export const syncServer = mysqlTable('sync_server', {
  id: varchar('id', { length: 16 }).primaryKey(),
  serverId: varchar('server_id', { length: 36 }).notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});
