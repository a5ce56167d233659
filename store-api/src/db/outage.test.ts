/**
 * Issue 19: the database unreachable. Requests that need it answer 503 problem+json
 * DATABASE_UNAVAILABLE with Retry-After (never a 500), /readyz says why in the same format, the
 * store listing keeps answering from the read model, nothing is half-written, and the API
 * recovers by itself.
 *
 * MySQL: a private MariaDB of this test's own (own temp dir and port, not the suite's shared
 * server) is stopped for a few seconds under light load, then started again.
 * SQLite: the database is an embedded file, so it cannot go away like a server; what can happen
 * is another process holding its write lock (a backup, a sqlite3 shell): writes fail with
 * SQLITE_BUSY while reads go on. That is what the SQLite half does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receive, shopper } from '../test-support/checkout-fixtures.ts';
import { createProductFixture, type ProductFixture } from '../test-support/catalog-fixtures.ts';
import { type HttpResult, startTestApp, type TestApp, testDialect } from '../test-support/harness.ts';

interface MariaDbHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}
interface MariaDbScript {
  startPrivateMariaDb(options: { dir: string; port: number }): Promise<MariaDbHandle | null>;
  findFreePort(start: number): Promise<number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every answer of a phase, as `status code` strings. */
type Seen = string[];
const seen = (res: HttpResult): string => `${res.status} ${res.body?.code ?? ''}`.trim();

function expectUnavailable(res: HttpResult, what: string): void {
  expect(res.status, `${what}: ${res.text.slice(0, 200)}`).toBe(503);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

/** Orders whole (lines present) and stock levels equal to their ledger, never negative. */
async function expectConsistent(t: TestApp): Promise<void> {
  const bare = await t.store.rows<{ n: number | string }>(
    sql`select count(*) as n from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)`,
  );
  expect(Number(bare[0]!.n)).toBe(0);
  const drift = await t.store.rows<{ n: number | string }>(sql`
    select count(*) as n from stock_levels s where s.on_hand < 0 or s.reserved < 0
      or s.on_hand <> (select coalesce(sum(m.on_hand_delta), 0) from stock_movements m
                       where m.variant_id = s.variant_id and m.location_id = s.location_id)
      or s.reserved <> (select coalesce(sum(m.reserved_delta), 0) from stock_movements m
                        where m.variant_id = s.variant_id and m.location_id = s.location_id)`);
  expect(Number(drift[0]!.n)).toBe(0);
}

async function waitUntilReady(t: TestApp, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const res = await fetch(`${t.baseUrl}/readyz`);
    if (res.status === 200) return Date.now() - started;
    await sleep(100);
  }
  throw new Error('the API did not report ready again');
}

async function setUp(overrides: Record<string, string> = {}) {
  const t = await startTestApp(overrides);
  const product = await createProductFixture(t, { colours: ['BLACK'], sizes: [38, 39] });
  for (const size of [38, 39]) await receive(t, product.variant('BLACK', size).id, 200);
  return { t, product };
}

const listing = (t: TestApp) => t.call('GET', '/store/products?pageSize=5');

if (testDialect === 'mysql') {
  describe('MariaDB stopped under light load, then started again', () => {
    let t: TestApp;
    let product: ProductFixture;
    let server: MariaDbHandle;
    let dir: string;
    let script: MariaDbScript;

    beforeAll(async () => {
      script = (await import('../../../scripts/mariadb.mjs' as string)) as MariaDbScript;
      dir = mkdtempSync(join(tmpdir(), 'shoebox-outage-'));
      const port = await script.findFreePort(3500 + Math.floor(Math.random() * 400));
      const started = await script.startPrivateMariaDb({ dir, port });
      if (!started) throw new Error('mariadbd is not installed, but the MySQL half needs it');
      server = started;
      ({ t, product } = await setUp({ DATABASE_URL: `${server.url}shoebox_outage` }));
    }, 120_000);
    afterAll(async () => {
      await t?.close();
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 120_000);

    it('answers 503 DATABASE_UNAVAILABLE while down, keeps the listing up, and recovers without a restart', async () => {
      const variant = product.variant('BLACK', 38).id;
      expect((await listing(t)).status).toBe(200);
      const carts = await Promise.all(
        Array.from({ length: 6 }, () => shopper(t, [{ variantId: variant, quantity: 1 }])),
      );
      const phases: Record<'down' | 'after', Seen> = { down: [], after: [] };
      let phase = null as keyof typeof phases | null;
      let stop = false;

      // Light load: a staff read, a listing and a checkout attempt in a loop, through the outage.
      const load = (async () => {
        let i = 0;
        while (!stop) {
          const cart = carts[i++ % carts.length]!;
          const answers = await Promise.all([
            t.call('GET', '/admin/orders', { token: t.tokens.owner }),
            listing(t),
            cart.checkout(),
          ]);
          if (phase) phases[phase].push(...answers.map(seen));
          await sleep(50);
        }
      })();

      await sleep(300);
      await server.stop();
      phase = 'down';
      await sleep(500);
      expectUnavailable(await t.call('GET', '/admin/orders', { token: t.tokens.owner }), 'staff read');
      expectUnavailable(await t.call('POST', '/store/cart'), 'cart create');
      expectUnavailable(await carts[0]!.checkout(), 'checkout');
      const stale = await listing(t);
      expect(stale.status).toBe(200);
      expect(stale.body.total).toBeGreaterThan(0);
      const ready = await fetch(`${t.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(ready.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await ready.json()).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        status: 503,
        details: { database: 'mysql', reason: expect.any(String) },
      });
      await sleep(2000);

      const restarted = await script.startPrivateMariaDb({ dir, port: server.port });
      expect(restarted?.port).toBe(server.port);
      server = restarted!;
      await waitUntilReady(t, 30_000);
      phase = 'after';
      await sleep(1000);
      stop = true;
      await load;

      // While down: only 200 (listing, or a checkout answered before it noticed) or 503; never a 500.
      expect(phases.down.length).toBeGreaterThan(0);
      expect(phases.down.filter((s) => s.startsWith('5') && s !== '503 DATABASE_UNAVAILABLE')).toEqual([]);
      expect(phases.down).toContain('503 DATABASE_UNAVAILABLE');
      // Back without a restart: staff reads and listings answer again.
      expect(phases.after.filter((s) => s.startsWith('5'))).toEqual([]);
      expect((await t.call('GET', '/admin/orders', { token: t.tokens.owner })).status).toBe(200);
      const fresh = await shopper(t, [{ variantId: variant, quantity: 1 }]);
      expect((await fresh.checkout()).status).toBe(201);
      await expectConsistent(t);
    }, 120_000);
  });
}

if (testDialect === 'sqlite') {
  describe('SQLite write lock held by another process', () => {
    let t: TestApp;
    let product: ProductFixture;
    beforeAll(async () => {
      ({ t, product } = await setUp());
    });
    afterAll(() => t?.close());

    it('answers writes 503 DATABASE_UNAVAILABLE while the lock is held, reads go on, then recovers', async () => {
      const variant = product.variant('BLACK', 38).id;
      const cart = await shopper(t, [{ variantId: variant, quantity: 1 }]);
      expect((await listing(t)).status).toBe(200);
      const other = createClient({ url: t.config.databaseUrl });
      try {
        // BEGIN IMMEDIATE: the write lock, held until rollback.
        const lock = await other.transaction('write');
        await lock.execute('delete from change_log where seq < 0');
        expectUnavailable(await cart.checkout(), 'checkout');
        expectUnavailable(await t.call('POST', '/store/cart'), 'cart create');
        expect((await listing(t)).status).toBe(200);
        await lock.rollback();
      } finally {
        other.close();
      }
      // Recovers by itself: a client that retries (as Retry-After says) gets through; under a
      // loaded machine the first retry can still meet the lock being let go, and answers 503.
      const retries: string[] = [];
      const started = Date.now();
      let placed = await cart.checkout();
      while (placed.status === 503 && Date.now() - started < 10_000) {
        retries.push(seen(placed));
        await sleep(200);
        placed = await cart.checkout();
      }
      expect(placed.status).toBe(201);
      expect(retries.filter((s) => s !== '503 DATABASE_UNAVAILABLE')).toEqual([]);
      await expectConsistent(t);
    });
  });
}
