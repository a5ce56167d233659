import type { AnyRow, EntityName, EntityRow } from '@shoebox/sync/protocol';
import type Database from 'better-sqlite3';
import { mirrorTable } from '../cache/migrations.ts';

/** What the engine offers the screens' queries: the rows its outbox changes, by `entity/id`. */
export interface PendingRows {
  pendingRows(): ReadonlyMap<string, AnyRow>;
}

/**
 * The screens' read side of the cache: the mirror with this device's pending changes laid over
 * it (a pending row replaces the mirror's), so a count made offline shows at once. Small lookups
 * read rows and lay the overlay over them in code; the orders queue runs in SQL over
 * `unionSql`, which does the same in the query so filtering, sorting and paging stay in SQLite.
 */
export class CacheView {
  constructor(
    readonly db: Database.Database,
    private readonly engine: PendingRows,
  ) {}

  /** This device's pending rows of one entity, by id. */
  pending<E extends EntityName>(entity: E): Map<string, EntityRow<E>> {
    const prefix = `${entity}/`;
    const out = new Map<string, EntityRow<E>>();
    for (const [key, row] of this.engine.pendingRows()) {
      if (key.startsWith(prefix)) out.set(key.slice(prefix.length), row as EntityRow<E>);
    }
    return out;
  }

  get<E extends EntityName>(entity: E, id: string): EntityRow<E> | null {
    const mine = this.pending(entity).get(id);
    if (mine) return mine;
    const found = this.statement(`SELECT row FROM ${mirrorTable(entity)} WHERE id = ?`).get(id) as
      | { row: string }
      | undefined;
    return found ? (JSON.parse(found.row) as EntityRow<E>) : null;
  }

  /**
   * Every row of an entity, or those whose indexed lookup `column` (see migrations) equals
   * `value`; `field` is the row field behind that column, checked on pending rows.
   */
  rows<E extends EntityName>(
    entity: E,
    where?: { column: string; field: string; value: unknown },
  ): EntityRow<E>[] {
    const table = mirrorTable(entity);
    const found = (
      where
        ? this.statement(`SELECT id, row FROM ${table} WHERE ${where.column} = ?`).all(where.value)
        : this.statement(`SELECT id, row FROM ${table}`).all()
    ) as { id: string; row: string }[];
    const pending = this.pending(entity);
    const out: EntityRow<E>[] = [];
    for (const { id, row } of found) if (!pending.has(id)) out.push(JSON.parse(row) as EntityRow<E>);
    for (const row of pending.values()) {
      if (!where || (row as Record<string, unknown>)[where.field] === where.value) out.push(row);
    }
    return out;
  }

  /**
   * A SQL table expression `(id, row, pending)` of the mirror with the pending rows of `entity` in
   * place, and the parameters it binds (named after the entity, so several can share a query).
   */
  unionSql(entity: EntityName): { sql: string; params: Record<string, string> } {
    const pending = this.pending(entity);
    const ids = `ov_${entity}_ids`;
    const rows = `ov_${entity}_rows`;
    return {
      sql: `(SELECT id, row, 0 AS pending FROM ${mirrorTable(entity)}
              WHERE id NOT IN (SELECT value FROM json_each(@${ids}))
            UNION ALL
            SELECT json_extract(value, '$.id'), value, 1 FROM json_each(@${rows}))`,
      params: {
        [ids]: JSON.stringify([...pending.keys()]),
        [rows]: JSON.stringify([...pending.values()]),
      },
    };
  }

  private readonly statements = new Map<string, Database.Statement>();

  statement(sql: string): Database.Statement {
    let found = this.statements.get(sql);
    if (!found) {
      found = this.db.prepare(sql);
      this.statements.set(sql, found);
    }
    return found;
  }
}
