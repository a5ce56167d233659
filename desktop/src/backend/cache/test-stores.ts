import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalStore } from '@shoebox/sync/client';
import { type AnyRow, entityNames, rowKey } from '@shoebox/sync/protocol';
import { emptyDisk, MemoryStore } from '@shoebox/sync/testing';
import type Database from 'better-sqlite3';
import { openCacheDatabase } from './database.ts';
import { mirrorTable } from './migrations.ts';
import { SqliteStore } from './sqlite-store.ts';

interface MirrorRow {
  id: string;
  row: string;
}

/**
 * The two LocalStores the tests run side by side: sync's reference MemoryStore and the cache.
 * `reopen()` is what a restarted app sees: a new store over the same disk (the same file).
 */
export interface StoreUnderTest {
  store: LocalStore;
  reopen(): LocalStore;
  /** Every mirrored row by `rowKey(entity, id)`, read straight from the disk. */
  mirrorRows(): Map<string, AnyRow>;
  close(): void;
}

export type StoreKind = 'memory' | 'sqlite';

/** A directory for cache files, removed by the returned function. */
export const tempDir = (): { dir: string; remove(): void } => {
  const dir = mkdtempSync(join(tmpdir(), 'shoebox-cache-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

export function openStore(kind: StoreKind): StoreUnderTest {
  if (kind === 'memory') {
    const disk = emptyDisk();
    return {
      store: new MemoryStore(disk),
      reopen: () => new MemoryStore(disk),
      mirrorRows: () => new Map(disk.mirror),
      close: () => undefined,
    };
  }
  const temp = tempDir();
  const file = join(temp.dir, 'cache.sqlite');
  let db: Database.Database = openCacheDatabase(file);
  return {
    store: new SqliteStore(db),
    reopen: () => {
      db.close();
      db = openCacheDatabase(file);
      return new SqliteStore(db);
    },
    mirrorRows: () => {
      const rows = new Map<string, AnyRow>();
      for (const entity of entityNames) {
        const found = db.prepare(`SELECT id, row FROM ${mirrorTable(entity)}`).all() as MirrorRow[];
        for (const { id, row } of found) rows.set(rowKey(entity, id), JSON.parse(row));
      }
      return rows;
    },
    close: () => {
      db.close();
      temp.remove();
    },
  };
}
