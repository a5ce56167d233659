/**
 * The store's raw-SQL helpers (`all`, `run`, `write`), before-commit hooks and, on MySQL, the
 * Unix-socket connection, on a real database of the project's dialect.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableName, type Table } from 'drizzle-orm';
import { receive, shopper } from '../test-support/checkout-fixtures.ts';
import { guestCart, receiveStock } from '../test-support/cart-fixtures.ts';
import { createProductFixture } from '../test-support/catalog-fixtures.ts';
import { startTestApp, type TestApp, testDialect } from '../test-support/harness.ts';
import { openStore } from './client.ts';
import { deferRows, rowReader } from './rows.ts';
import { withSavepoint } from './savepoint.ts';

describe(`store helpers (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const countKeys = async (prefix: string) => {
    const [row] = await t.store.all<{ n: number | string }>(
      t.store.db,
      sql`select count(*) as n from job_leases where job_id like ${`${prefix}%`}`,
    );
    return Number(row?.n);
  };
  const insertLease = (jobId: string) =>
    sql`insert into job_leases (job_id, holder, lease_until, last_tick_at) values (${jobId}, '', 0, 0)`;

  it('runs hand-written statements on the db and in transactions, returning rows and matched counts', async () => {
    expect(await t.store.write((db) => t.store.run(db, insertLease('raw-a')))).toBe(1);
    const matched = await t.store.tx((tx) =>
      t.store.run(tx, sql`update job_leases set holder = ${'me'} where job_id like ${'raw-%'}`),
    );
    expect(matched).toBe(1);
    const rows = await t.store.all<{ jobId: string; holder: string }>(
      t.store.db,
      sql`select job_id as jobId, holder from job_leases where job_id = ${'raw-a'}`,
    );
    expect(rows).toEqual([{ jobId: 'raw-a', holder: 'me' }]);
    expect(await t.store.run(t.store.db, sql`delete from job_leases where job_id = ${'raw-none'}`)).toBe(0);
  });

  it('a savepoint rolled back undoes its statements and its deferred rows; the rest of the transaction commits', async () => {
    const deferLease = (tx: Parameters<typeof deferRows>[1], jobId: string) =>
      deferRows(t.store, tx, t.store.t.jobLeases, [{ jobId, holder: '', leaseUntil: 0, lastTickAt: 0 }]);
    await t.store.tx(async (tx) => {
      await t.store.run(tx, insertLease('sp-before'));
      await deferLease(tx, 'sp-deferred-before');
      await expect(
        withSavepoint(t.store, tx, async () => {
          await t.store.run(tx, insertLease('sp-undone'));
          await deferLease(tx, 'sp-deferred-undone');
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await withSavepoint(t.store, tx, async () => {
        await t.store.run(tx, insertLease('sp-kept'));
        await deferLease(tx, 'sp-deferred-kept');
      });
    });
    const kept = await t.store.all<{ jobId: string }>(
      t.store.db,
      sql`select job_id as jobId from job_leases where job_id like ${'sp-%'} order by job_id`,
    );
    expect(kept.map((r) => r.jobId)).toEqual([
      'sp-before',
      'sp-deferred-before',
      'sp-deferred-kept',
      'sp-kept',
    ]);
  });

  it('runs before-commit hooks once per key at the end of the transaction, and not at all on rollback', async () => {
    const order: string[] = [];
    await t.store.tx(async (tx) => {
      for (const n of [1, 2]) {
        t.store.beforeCommit(tx, 'hook', async () => {
          order.push(`hook ${n}`);
          await t.store.run(tx, insertLease('hook-committed'));
        });
      }
      order.push('body');
    });
    expect(order).toEqual(['body', 'hook 1']);
    expect(await countKeys('hook-committed')).toBe(1);

    await expect(
      t.store.tx(async (tx) => {
        t.store.beforeCommit(tx, 'hook', () =>
          t.store.run(tx, insertLease('hook-rolled-back')).then(() => {}),
        );
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await countKeys('hook-rolled-back')).toBe(0);

    expect(() => t.store.beforeCommit(t.store.db, 'hook', async () => {})).toThrow(/transaction/);
  });

  it('writes deferred rows at commit, not at all on rollback, and at once outside a transaction', async () => {
    const lease = (jobId: string) => ({ jobId, holder: '', leaseUntil: 0, lastTickAt: 0 });
    await t.store.tx(async (tx) => {
      await deferRows(t.store, tx, t.store.t.jobLeases, [lease('defer-a'), lease('defer-b')]);
      expect(await countKeys('defer-')).toBe(0);
    });
    expect(await countKeys('defer-')).toBe(2);
    await expect(
      t.store.tx(async (tx) => {
        await deferRows(t.store, tx, t.store.t.jobLeases, [lease('defer-c')]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await countKeys('defer-c')).toBe(0);
    // A duplicate key fails the transaction at its end, and takes its other writes with it.
    await expect(
      t.store.tx(async (tx) => {
        await t.store.run(tx, insertLease('defer-d'));
        await deferRows(t.store, tx, t.store.t.jobLeases, [lease('defer-e'), lease('defer-a')]);
      }),
    ).rejects.toThrow();
    expect(await countKeys('defer-d')).toBe(0);
    expect(await countKeys('defer-e')).toBe(0);
    await deferRows(t.store, t.store.db, t.store.t.jobLeases, [lease('defer-f')]);
    expect(await countKeys('defer-f')).toBe(1);
  });

  it('reads every table through rowReader exactly as drizzle select does (JSON, booleans, numbers, nulls)', async () => {
    const product = await createProductFixture(t, { colours: ['NUDE'], sizes: [38, 39] });
    await receiveStock(t, product.variants[0]!.id, 3);
    const cart = await guestCart(t);
    await cart.call('POST', '/store/cart/lines', { variantId: product.variants[0]!.id, quantity: 1 });
    await cart.call('PUT', '/store/cart/shipping', {
      address: { name: 'Ana', line1: '1 Main St', city: 'Dublin', postalCode: 'D01', country: 'IE' },
    });
    const key = (row: object) => JSON.stringify(row);
    let compared = 0;
    for (const table of Object.values(t.store.t) as Table[]) {
      const viaDrizzle = (await t.store.db.select().from(table as never)) as object[];
      const viaReader = await rowReader(t.store, table).where(t.store.db, sql`1 = 1`);
      expect(viaReader.map(key).sort(), getTableName(table)).toEqual(viaDrizzle.map(key).sort());
      compared += viaDrizzle.length;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('writes back every row of every table through deferred inserts unchanged, all tables in one go', async () => {
    // A paid order fills the order, ledger, event, outbox and payment tables too.
    const product = await createProductFixture(t, { colours: ['BLACK'], sizes: [40] });
    await receive(t, product.variants[0]!.id, 2);
    const buyer = await shopper(t, [{ variantId: product.variants[0]!.id, quantity: 1 }], {
      email: 'rows@example.ie',
    });
    const placed = await buyer.checkout();
    expect(placed.status, placed.text).toBe(201);
    const paid = await t.call('POST', '/store/checkout/demo-pay', {
      body: {
        orderNumber: placed.body.orderNumber,
        email: 'rows@example.ie',
        cardNumber: '4242424242424242',
      },
    });
    expect(paid.body.status).toBe('paid');
    // Every table emptied and written back in one transaction: on MySQL the deferred rows of all
    // tables go in as one multi-statement round trip at commit.
    const tablesWithRows: Array<{ table: Table; before: Record<string, unknown>[] }> = [];
    for (const table of Object.values(t.store.t) as Table[]) {
      const before = (await t.store.db.select().from(table as never)) as Record<string, unknown>[];
      if (before.length > 0) tablesWithRows.push({ table, before });
    }
    await t.store.tx(async (tx) => {
      for (const { table, before } of tablesWithRows) {
        await t.store.run(tx, sql.raw(`delete from \`${getTableName(table)}\``));
        await deferRows(t.store, tx, table, before as never);
      }
    });
    let written = 0;
    const tables: string[] = [];
    const key = (row: object) => JSON.stringify(row);
    for (const { table, before } of tablesWithRows) {
      const after = await t.store.db.select().from(table as never);
      expect(after.map(key).sort(), getTableName(table)).toEqual(before.map(key).sort());
      written += before.length;
      tables.push(getTableName(table));
    }
    expect(written).toBeGreaterThan(40);
    for (const name of [
      'orders',
      'order_lines',
      'stock_movements',
      'domain_events',
      'outbox',
      'payment_events',
    ])
      expect(tables).toContain(name);
  });
});

const socket = process.env.SHOEBOX_TEST_MYSQL_SOCKET;
if (testDialect === 'mysql' && socket) {
  describe('MySQL over a Unix socket', () => {
    it('connects through ?socket= and creates the database there', async () => {
      const url = new URL(process.env.SHOEBOX_TEST_MYSQL_URL!);
      url.pathname = `/shoebox_socket_${process.pid}`;
      url.searchParams.set('socket', socket);
      const store = await openStore(url.toString());
      try {
        const [row] = await store.rows<{ database: string }>(sql`select database() as \`database\``);
        expect(row?.database).toBe(`shoebox_socket_${process.pid}`);
        await store.rows(sql.raw(`drop database shoebox_socket_${process.pid}`));
      } finally {
        await store.close();
      }
    });
  });
}
