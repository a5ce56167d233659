import { type Column, getTableColumns, getTableName, is, SQL, sql, type Table } from 'drizzle-orm';
import type { Db, Store } from './client.ts';

/**
 * Precompiled reads and writes of whole rows, for the checkout and payment paths.
 *
 * `rowReader`: `select *` of one table, with the column list built once instead of on every call: drizzle's
 * select builder walks every column on each query, which on the checkout path cost more CPU than
 * the round trip (docs/decisions/0007). Values are decoded by the columns' own drizzle mappers
 * (JSON, booleans, big numbers), so rows are exactly what `db.select().from(table)` returns.
 * Backtick quoting works on both MySQL and SQLite.
 */
export function rowReader<T extends Table>(store: Store, table: T) {
  const { tableName } = shapeOf(table);
  const selectList = sql.raw(`select ${selectColumns(table)} from ${tableName}`);

  return {
    /** Rows matching `where` (a drizzle condition or raw SQL), with an optional tail (`order by ...`, `limit 1`). */
    async where(db: Db, where: SQL, tail?: SQL): Promise<T['$inferSelect'][]> {
      const rows = await store.all<Record<string, unknown>>(
        db,
        sql`${selectList} where ${where}${tail ? sql` ${tail}` : sql``}`,
      );
      return rows.map((raw) => decodeRow(table, raw));
    },

    /** The first row matching `where`, or null. */
    async first(db: Db, where: SQL, orderBy?: SQL): Promise<T['$inferSelect'] | null> {
      const tail = orderBy ? sql`order by ${orderBy} limit 1` : sql`limit 1`;
      const [row] = await this.where(db, where, tail);
      return row ?? null;
    },
  };
}

/**
 * Multi-row INSERT of whole rows without drizzle's insert builder (about 55 µs of CPU for one
 * order row against a few µs here). Values go through the columns' own drizzle mappers (JSON,
 * booleans); a column no row sets is left to the table default, a row that lacks a column another
 * row sets gets the column's static default or null. Rows come back from `rowReader` exactly as
 * they went in (tested for every table on both dialects).
 */
export function insertSql<T extends Table>(table: T, rows: readonly T['$inferInsert'][]): SQL {
  const { columns, tableName } = shapeOf(table);
  const records = rows as readonly Record<string, unknown>[];
  const used = columns.filter(([key]) => records.some((r) => r[key] !== undefined));
  const head = sql.raw(
    `insert into ${tableName} (${used.map(([, c]) => `\`${c.name}\``).join(', ')}) values `,
  );
  const tuples = records.map(
    (r) =>
      sql`(${sql.join(
        used.map(([key, column]) => sql`${driverValue(column, r[key])}`),
        comma,
      )})`,
  );
  return sql`${head}${sql.join(tuples, comma)}`;
}

const comma = sql.raw(', ');

function driverValue(column: Column, given: unknown): unknown {
  const value = given === undefined ? (column.default ?? null) : given;
  // An SQL default or value (\`now()\`, \`x + 1\`) is embedded as SQL, not bound as a parameter.
  return value === null || is(value, SQL) ? value : column.mapToDriverValue(value);
}

const shapes = new WeakMap<Table, { columns: Array<[string, Column]>; tableName: string }>();

function shapeOf(table: Table) {
  let shape = shapes.get(table);
  if (!shape) {
    shape = {
      columns: Object.entries(getTableColumns(table)) as Array<[string, Column]>,
      tableName: `\`${getTableName(table)}\``,
    };
    shapes.set(table, shape);
  }
  return shape;
}

/**
 * The table's columns for a select list, each aliased to its property name (`\`token_hash\` as
 * \`tokenHash\``), optionally qualified by a table alias for joins.
 */
export function selectColumns(table: Table, alias?: string): string {
  const prefix = alias ? `${alias}.` : '';
  return shapeOf(table)
    .columns.map(([key, column]) => `${prefix}\`${column.name}\` as \`${key}\``)
    .join(', ');
}

/** A row of `table` from raw columns named by property (as `selectColumns` names them), decoded by drizzle's mappers. */
export function decodeRow<T extends Table>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of shapeOf(table).columns) {
    const value = raw[key];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

/** Inserts rows now (one multi-row INSERT). */
export async function insertRows<T extends Table>(
  store: Store,
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  // Not \`store.run\`: a statement per row count would fill MySQL's prepared-statement cache.
  if (rows.length > 0) await store.runAll(db, [insertSql(table, rows)]);
}

/** Rows waiting for the end of their transaction, by transaction, then table in first-use order. */
const deferredByTx = new WeakMap<Db, Map<Table, unknown[]>>();
/** Rows per INSERT when a transaction appends many (CSV imports): well under both dialects' limits. */
const ROWS_PER_INSERT = 500;

/**
 * Appends rows that nothing reads back in the same transaction (ledger movements, timelines, the
 * change log, domain events, outbox messages, payment events, new orders): they are written just
 * before the transaction commits, all tables in one round trip on MySQL (`store.runAll`). Outside
 * a transaction they are inserted at once. A failing insert (a duplicate key) still fails the
 * transaction, at its end instead of here.
 *
 * The visibility rule (the trap): a deferred row does not exist until the end of the transaction.
 * A later step of the same transaction that selects it finds nothing, and an UPDATE of it matches
 * nothing (so a guarded write such as `changeOrder` on an order `createOrder` made in the same
 * transaction answers false). Defer only rows the transaction never reads or changes again; a
 * row it needs back is inserted with `insertRows` (or drizzle's insert) instead.
 */
export async function deferRows<T extends Table>(
  store: Store,
  tx: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) return;
  if (!store.inTransaction(tx)) return insertRows(store, tx, table, rows);
  let byTable = deferredByTx.get(tx);
  if (!byTable) {
    const pending = new Map<Table, unknown[]>();
    byTable = pending;
    deferredByTx.set(tx, pending);
    store.beforeCommit(tx, 'deferred-rows', async () => {
      deferredByTx.delete(tx);
      const queries: SQL[] = [];
      for (const [t, list] of pending)
        for (let i = 0; i < list.length; i += ROWS_PER_INSERT)
          queries.push(insertSql(t, list.slice(i, i + ROWS_PER_INSERT) as never));
      await store.runAll(tx, queries);
    });
  }
  const list = byTable.get(table) ?? [];
  list.push(...rows);
  byTable.set(table, list);
}

/** How many rows each table had waiting in `tx` at a savepoint (see db/savepoint.ts). */
export type DeferredMark = ReadonlyMap<Table, number>;

export function markDeferred(tx: Db): DeferredMark {
  return new Map(
    [...(deferredByTx.get(tx) ?? new Map<Table, unknown[]>())].map(([t, list]) => [t, list.length]),
  );
}

/** Forgets the rows deferred since `mark`: their savepoint was rolled back, so they never happened. */
export function rewindDeferred(tx: Db, mark: DeferredMark): void {
  const byTable = deferredByTx.get(tx);
  if (!byTable) return;
  for (const [table, list] of byTable) {
    const kept = mark.get(table) ?? 0;
    if (kept === 0) byTable.delete(table);
    else list.length = kept;
  }
}
