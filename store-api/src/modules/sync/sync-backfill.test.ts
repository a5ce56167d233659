import { newId } from '@shoebox/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChanges } from '../../lib/change-feed.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { syncServerId } from './sync-port.ts';

describe(`sync's first pull covers rows written before they were logged (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs every existing synced row once, when the server id is made', async () => {
    // A database older than the log (or seeded by the demo seed, which writes no log rows).
    await t.store.rows(sql`delete from sync_server`);
    const brand = newId();
    const location = newId();
    const now = Date.now();
    await t.store.rows(
      sql`insert into brands (id, name, slug, created_at, updated_at) values (${brand}, 'Old', ${`old-${brand}`}, ${now}, ${now})`,
    );
    await t.store.rows(
      sql`insert into stock_locations (id, code, name, created_at) values (${location}, ${`L${now % 100000}`}, 'Old', ${now})`,
    );
    const id = await syncServerId(t.store);
    expect(await syncServerId(t.store)).toBe(id); // made once
    const changes = await readChanges(t.store, 0, [], 100_000);
    expect(changes.filter((c) => c.entityId === brand).map((c) => c.entity)).toEqual(['brand']);
    expect(changes.filter((c) => c.entityId === location).map((c) => c.entity)).toEqual(['stock_location']);
  });
});
