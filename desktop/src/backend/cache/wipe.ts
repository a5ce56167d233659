import { entityNames } from '@shoebox/sync/protocol';
import type Database from 'better-sqlite3';
import { mirrorTable } from './migrations.ts';

/**
 * Empties the whole cache: mirror, outbox (pending changes included), "Needs attention", the
 * cursor and the cache facts. Only for a revoked device: an owner said this laptop is lost, so
 * nothing it holds may be kept or pushed later. One transaction: never half wiped.
 */
export function wipeCache(db: Database.Database): void {
  db.transaction(() => {
    for (const table of entityNames.map(mirrorTable)) db.prepare(`DELETE FROM ${table}`).run();
    db.prepare('DELETE FROM outbox').run();
    db.prepare('DELETE FROM attention').run();
    db.prepare('DELETE FROM cache_meta').run();
    // A revoked device's tracking numbers and labels go too (the server refuses its pushes anyway).
    for (const table of ['tracking_blocks', 'tracking_used', 'local_labels', 'device_settings'])
      db.prepare(`DELETE FROM ${table}`).run();
    db.prepare('UPDATE sync_state SET cursor = NULL, last_sync_at = NULL WHERE only_row = 1').run();
  })();
}

/** A fact about the cache (`mirrorRole`: the role whose view the mirror holds). */
export function readCacheFact(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM cache_meta WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row?.value ?? null;
}

export function writeCacheFact(db: Database.Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO cache_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
