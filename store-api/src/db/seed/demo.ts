/**
 * The demo shop: staff, customers and a believable women's shoe catalogue with stock, written
 * straight into the tables with batch inserts in ONE transaction (all or nothing).
 *
 * - Only an empty shop is seeded: when any product, brand, category, colour or stock location
 *   exists, seedDemo refuses with DomainError conflict DEMO_SEED_REFUSED and writes nothing.
 *   Staff and customer accounts that already exist (by email) are kept as they are.
 * - No change_log or audit rows: the catalog read model rebuilds from the tables at start.
 *   Restart a running API after seeding from the CLI.
 * - Stock follows the ledger rule: every stock_levels row equals the sum of its 'receive'
 *   movements (a row with 0 on hand and no movement only assigns the variant its bin).
 */
import { newId } from '@shoebox/shared';
import cliProgress from 'cli-progress';
import { type Column, getTableColumns, getTableName, inArray, is, SQL, sql, Table } from 'drizzle-orm';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import type pino from 'pino';
import { hashPassword } from '../../lib/passwords.ts';
import { type Db, type Store, uniqueViolation } from '../client.ts';
import { demoCustomers, demoStaff } from './data.ts';
import { seedErrors } from './seed.errors.ts';
import { buildFrame, DEFAULT_VARIANTS_ESTIMATE, generateStyles } from './generate.ts';

export interface SeedSummary {
  staff: number;
  customers: number;
  brands: number;
  categories: number;
  colours: number;
  products: number;
  variants: number;
  /** Pairs on hand over all locations. */
  stockUnits: number;
  ms: number;
}

export interface SeedOptions {
  log?: pino.Logger;
  /** About this many variants (more styles, same distributions); default: the 120-style shop. */
  scale?: number;
  /** Draw a progress bar on stderr. */
  progress?: boolean;
}

export const MAX_SCALE = 2_000_000;

/** True when the database has no products and no staff: a fresh install. */
export async function isEmpty(store: Store): Promise<boolean> {
  const { products, staffUsers } = store.t;
  const [product] = await store.db.select({ id: products.id }).from(products).limit(1);
  if (product) return false;
  const [staff] = await store.db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  return !staff;
}

export async function seedDemo(store: Store, opts: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const { scale, log } = opts;
  if (scale !== undefined && (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE))
    throw new RangeError(`scale must be a whole number of variants from 1 to ${MAX_SCALE}, got ${scale}`);
  const now = Date.now();

  // scrypt is slow on purpose; hash outside the transaction, in parallel on the thread pool.
  const [staffRows, customerRows] = await Promise.all([
    Promise.all(
      demoStaff.map(async (s) => ({
        id: newId(),
        email: s.email,
        name: s.name,
        role: s.role,
        passwordHash: await hashPassword(s.password),
        active: true,
        createdAt: now,
        updatedAt: now,
      })),
    ),
    Promise.all(
      demoCustomers.map(async (c) => ({
        id: newId(),
        email: c.email,
        name: c.name,
        passwordHash: await hashPassword(c.password),
        createdAt: now,
        updatedAt: now,
      })),
    ),
  ]);

  const frame = buildFrame(now, scale);
  const bar = opts.progress
    ? new cliProgress.SingleBar(
        {
          format: 'seeding [{bar}] {percentage}% | {value}/{total} variants | {duration}s',
          hideCursor: true,
          // --progress in a pipe or CI log: a plain line every second instead of nothing.
          noTTYOutput: true,
          notTTYSchedule: 1_000,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(scale ?? DEFAULT_VARIANTS_ESTIMATE, 0);
  log?.info({ scale: scale ?? 'default' }, 'seeding the demo shop');

  const t = store.t;
  try {
    const summary = await store.tx(async (tx) => {
      await assertSeedable(store, tx);
      const staff = await insertNewAccounts(store, tx, t.staffUsers, staffRows);
      const customers = await insertNewAccounts(store, tx, t.customers, customerRows);
      await insertRows(store, tx, t.brands, frame.brands);
      await insertRows(store, tx, t.categories, frame.categories);
      await insertRows(store, tx, t.colours, frame.colours);
      await insertRows(store, tx, t.stockLocations, frame.locations);
      await insertRows(store, tx, t.bins, frame.bins);

      let products = 0;
      let variants = 0;
      let stockUnits = 0;
      for (const chunk of generateStyles(frame, { now, targetVariants: scale })) {
        await insertRows(store, tx, t.products, chunk.products);
        await insertRows(store, tx, t.variants, chunk.variants);
        await insertRows(store, tx, t.stockLevels, chunk.levels);
        await insertRows(store, tx, t.stockMovements, chunk.movements);
        products += chunk.products.length;
        variants += chunk.variants.length;
        stockUnits += chunk.units;
        if (bar) {
          if (variants > bar.getTotal()) bar.setTotal(variants);
          bar.update(variants);
          // SQLite statements run synchronously under their promises: let the bar's timer fire.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      return {
        staff,
        customers,
        brands: frame.brands.length,
        categories: frame.categories.length,
        colours: frame.colours.length,
        products,
        variants,
        stockUnits,
      };
    });
    if (bar) {
      bar.setTotal(summary.variants);
      bar.update(summary.variants);
    }
    const result = { ...summary, ms: Math.round(performance.now() - started) };
    log?.info(result, 'demo shop seeded');
    return result;
  } catch (e) {
    // Two instances seeding one empty MySQL database at once: the loser hits a unique key.
    const index = uniqueViolation(e);
    if (index) throw seedErrors.refused(`rows clashing on ${index}`);
    throw e;
  } finally {
    bar?.stop();
  }
}

/** Deletes every row of every table (not the migrations). Development only: the CLI guards it. */
export async function deleteAllRows(store: Store): Promise<void> {
  const tables = (Object.values(store.t) as unknown[]).filter((v): v is MySqlTable => is(v, Table));
  await store.tx(async (tx) => {
    for (const table of tables) await tx.delete(table);
  });
}

async function assertSeedable(store: Store, tx: Db): Promise<void> {
  const { products, brands, categories, colours, stockLocations } = store.t;
  for (const table of [products, brands, categories, colours, stockLocations]) {
    const [row] = await tx.select({ id: table.id }).from(table).limit(1);
    if (row) throw seedErrors.refused(getTableName(table).replace(/_/g, ' '));
  }
}

/** Inserts the accounts whose email is not taken yet; returns how many were inserted. */
async function insertNewAccounts<T extends Store['t']['staffUsers'] | Store['t']['customers']>(
  store: Store,
  tx: Db,
  table: T,
  rows: Array<T['$inferInsert'] & { email: string }>,
): Promise<number> {
  const taken = await tx
    .select({ email: table.email })
    .from(table as MySqlTable)
    .where(
      inArray(
        table.email,
        rows.map((r) => r.email),
      ),
    );
  const takenSet = new Set(taken.map((r) => r.email.toLowerCase()));
  const fresh = rows.filter((r) => !takenSet.has(r.email));
  await insertRows(store, tx, table, fresh);
  return fresh.length;
}

/** Rows per INSERT statement: a few hundred, as architecture.md asks for bulk work. */
const ROWS_PER_STATEMENT = 500;
/** Statement text cap, well under MySQL's default max_allowed_packet (16 MiB on MariaDB 10.11). */
const MAX_STATEMENT_CHARS = 4_000_000;

/**
 * Multi-row INSERTs with the values written as SQL literals. drizzle's builder spends ~10 us per
 * bound parameter (its SQL chunk walk), which was half of a 100k-variant seed; the values here
 * are our own generated data, encoded strictly (see literal()) after drizzle's own column mapping.
 */
async function insertRows<T extends MySqlTable>(
  store: Store,
  tx: Db,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table));
  const head = `insert into ${quoteIdent(getTableName(table))} (${columns.map(([, c]) => quoteIdent(c.name)).join(', ')}) values `;
  let values: string[] = [];
  let chars = head.length;
  const flush = async () => {
    if (values.length === 0) return;
    const statement = sql.raw(head + values.join(', '));
    values = [];
    chars = head.length;
    if (store.dialect === 'mysql') await tx.execute(statement);
    else await (tx as unknown as { run(q: SQL): Promise<unknown> }).run(statement);
  };
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    const tuple = `(${columns.map(([key, c]) => literal(c.mapToDriverValue(record[key] ?? columnDefault(c)))).join(', ')})`;
    if (values.length >= ROWS_PER_STATEMENT || chars + tuple.length > MAX_STATEMENT_CHARS) await flush();
    values.push(tuple);
    chars += tuple.length + 2;
  }
  await flush();
}

/** What drizzle would insert for an omitted column: its $defaultFn or plain default, else NULL. */
function columnDefault(column: Column): unknown {
  if (column.defaultFn) return column.defaultFn();
  if (column.default === undefined || is(column.default, SQL)) return null;
  return column.default;
}

/** Our identifiers are snake_case words; backticks quote them in MySQL and in SQLite alike. */
const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected SQL identifier: ${name}`);
  return `\`${name}\``;
};

/**
 * One driver value as an SQL literal, the same in both dialects. Strings are single-quoted with
 * quotes doubled; a backslash or NUL is refused rather than escaped, because MySQL reads
 * backslashes differently depending on sql_mode (the seed's data never contains either).
 */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} to SQL`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') {
    if (/[\\\0]/.test(value)) throw new RangeError(`Seed value contains a backslash or NUL: ${value}`);
    return `'${value.replaceAll("'", "''")}'`;
  }
  throw new TypeError(`Cannot write a ${typeof value} as an SQL literal`);
}
