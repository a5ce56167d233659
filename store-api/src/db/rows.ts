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
  const columns = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  const selectList = sql.raw(
    `select ${columns.map(([key, column]) => `\`${column.name}\` as \`${key}\``).join(', ')} from \`${getTableName(table)}\``,
  );

  const decode = (raw: Record<string, unknown>): T['$inferSelect'] => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[key];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  };

  return {
    /** Rows matching `where` (a drizzle condition or raw SQL), with an optional tail (`order by ...`, `limit 1`). */
    async where(db: Db, where: SQL, tail?: SQL): Promise<T['$inferSelect'][]> {
      const rows = await store.all<Record<string, unknown>>(
        db,
        sql`${selectList} where ${where}${tail ? sql` ${tail}` : sql``}`,
      );
      return rows.map(decode);
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
export function rowWriter<T extends Table>(store: Store, table: T) {
  const columns = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  const tableName = `\`${getTableName(table)}\``;
  const comma = sql.raw(', ');

  const driverValue = (column: Column, given: unknown): unknown => {
    const value = given === undefined ? (column.default ?? null) : given;
    // An SQL default or value (\`now()\`, \`x + 1\`) is embedded as SQL, not bound as a parameter.
    return value === null || is(value, SQL) ? value : column.mapToDriverValue(value);
  };

  return async (db: Db, rows: readonly T['$inferInsert'][]): Promise<void> => {
    if (rows.length === 0) return;
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
    await store.run(db, sql`${head}${sql.join(tuples, comma)}`);
  };
}

type Writer = ReturnType<typeof rowWriter>;
const writersByStore = new WeakMap<Store, Map<Table, Writer>>();

/** `rowWriter` for this store and table, built once. */
export function insertRows<T extends Table>(
  store: Store,
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  let writers = writersByStore.get(store);
  if (!writers) {
    writers = new Map();
    writersByStore.set(store, writers);
  }
  let write = writers.get(table);
  if (!write) {
    write = rowWriter(store, table) as Writer;
    writers.set(table, write);
  }
  return (write as ReturnType<typeof rowWriter<T>>)(db, rows);
}
