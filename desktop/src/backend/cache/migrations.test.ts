import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCacheDatabase } from './database.ts';
import { latestVersion, type Migration, migrations } from './migrations.ts';
import { SqliteStore } from './sqlite-store.ts';
import { tempDir } from './test-stores.ts';

const variant = (id: string, productId: string) => ({
  id,
  productId,
  colourId: 'col1',
  sku: `SKU-${id}`,
  gtin: null,
  sizeEuTenths: 380,
  width: 'standard',
  weightGrams: 800,
  lowStockThreshold: 2,
  active: true,
  updatedAt: 1,
});

describe('offline cache file', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    temp = tempDir();
    file = join(temp.dir, 'cache.sqlite');
  });
  afterEach(() => temp.remove());

  it('a fresh file gets every step, WAL and synchronous=FULL', () => {
    const db = openCacheDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'outbox',
        'attention',
        'sync_state',
        'mirror_stock_level',
        'mirror_order_line',
      ]),
    );
    db.close();
  });

  it('upgrades a file from the previous version, keeping its data, and the new lookups work', async () => {
    const previous = migrations.slice(0, -1);
    const old = openCacheDatabase(file, previous);
    expect(old.pragma('user_version', { simple: true })).toBe(latestVersion(previous));
    await new SqliteStore(old).applyPage(
      [
        { op: 'upsert', entity: 'variant', id: 'v1', seq: 1, row: variant('v1', 'p1') },
        { op: 'upsert', entity: 'variant', id: 'v2', seq: 2, row: variant('v2', 'p2') },
      ],
      'c1',
      10,
    );
    old.close();

    const db = openCacheDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    const store = new SqliteStore(db);
    expect(await store.cursor()).toBe('c1');
    expect(await store.get('variant', 'v2')).toEqual(variant('v2', 'p2'));
    const lookup = 'SELECT id FROM mirror_variant WHERE product_id = ?';
    expect(db.prepare(lookup).all('p2')).toEqual([{ id: 'v2' }]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${lookup}`).all('p2') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('mirror_variant_product_id');
    db.close();
  });

  it('opening again runs nothing twice', () => {
    openCacheDatabase(file).close();
    const db = openCacheDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 1 });
    db.close();
  });

  it('a step that fails leaves the file at the step before, with nothing of the failed step', () => {
    const broken: Migration[] = [
      ...migrations,
      {
        version: 99,
        name: 'broken',
        sql: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;',
      },
    ];
    expect(() => openCacheDatabase(file, broken)).toThrow(/no_such_table/);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    db.close();
  });

  it('refuses a file written by a newer app, and leaves it as it was', () => {
    const newer = new Database(file);
    newer.pragma('user_version = 99');
    newer.close();
    expect(() => openCacheDatabase(file)).toThrow(/newer Shoebox \(schema 99/);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(99);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({
      n: 0,
    });
    db.close();
  });
});
