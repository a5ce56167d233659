import { type Column, getTableColumns, getTableName, type SQL, sql, type Table } from 'drizzle-orm';
import type { Db, Store } from './client.ts';

/**
 * `select *` of one table, with the column list built once instead of on every call: drizzle's
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
