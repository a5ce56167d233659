import Database from 'better-sqlite3';
import { migrate, type Migration, migrations } from './migrations.ts';

/**
 * Opens (or creates) the offline cache file. WAL lets the screens read while a sync writes.
 * synchronous=FULL: a commit returns only after the WAL is fsynced, so a mutation the UI
 * reported as "saved" survives a power cut, not only a crash of the app (NORMAL would lose the
 * last commits on power loss: see docs/decisions/0028-desktop-offline-cache.md).
 */
export function openCacheDatabase(file: string, list: readonly Migration[] = migrations): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db, list);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
