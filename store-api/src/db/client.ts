import { createClient } from '@libsql/client';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql';
import { migrate as migrateLibsql } from 'drizzle-orm/libsql/migrator';
import type { MySqlDatabase, MySqlTable } from 'drizzle-orm/mysql-core';
import {
  drizzle as drizzleMysql,
  type MySql2PreparedQueryHKT,
  type MySql2QueryResultHKT,
} from 'drizzle-orm/mysql2';
import { migrate as migrateMysql } from 'drizzle-orm/mysql2/migrator';
import { type SQL, sql } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import { join } from 'node:path';
import * as mysqlSchema from './schema/mysql/index.ts';
import * as sqliteSchema from './schema/sqlite/index.ts';
import { createWriteQueue } from './write-queue.ts';

export type Schema = typeof mysqlSchema;
/** The executor type shared query code is written against: a db or a transaction, either dialect. */
export type Db = MySqlDatabase<MySql2QueryResultHKT, MySql2PreparedQueryHKT, Schema>;
export type Dialect = 'mysql' | 'sqlite';

export interface Store {
  readonly dialect: Dialect;
  /** For reads. Writes go through `tx`. */
  readonly db: Db;
  /** The active dialect's tables, typed as the MySQL schema (the parity check keeps that honest). */
  readonly t: Schema;
  /** Runs `fn` in one transaction: MySQL natively, SQLite behind an in-process single-writer queue. Never nest. */
  tx<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Inserts a row unless its primary/unique key exists already (portable "insert ignore"). */
  insertIfAbsent(tx: Db, table: MySqlTable, values: Record<string, unknown>): Promise<void>;
  /** Runs a raw SQL query and returns its rows, on either dialect (reports, health checks). */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * Hand-written SQL on a db or a transaction, either dialect: the rows of a query. For the hot
   * paths (cart, checkout, payment) where drizzle's query building costs more than the round trip.
   * Column values come back as the driver gives them: alias columns, and convert booleans, JSON
   * and MySQL's DECIMAL sums (strings) yourself.
   */
  all<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]>;
  /**
   * Hand-written INSERT/UPDATE/DELETE on a db or a transaction; returns the rows it matched. On
   * MySQL \`all\` and \`run\` use server-side prepared statements: give them statements of a fixed
   * shape (variable-length multi-row inserts go through \`runAll\`).
   */
  run(db: Db, query: SQL): Promise<number>;
  /**
   * One write statement without a transaction (it is atomic by itself): MySQL sends it straight
   * to the pool, saving BEGIN and COMMIT; SQLite still queues it behind the single writer.
   */
  write<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` at the end of the transaction `tx`, just before it commits (once per `key`): for
   * appends that many steps of one transaction make, written as one multi-row INSERT.
   */
  beforeCommit(tx: Db, key: string, fn: () => Promise<void>): void;
  /** True for a transaction object from `store.tx` that has not finished. */
  inTransaction(db: Db): boolean;
  /**
   * Several hand-written write statements in order: on MySQL in one round trip (a multi-statement
   * query; the server stops at the first that fails), on SQLite one after the other.
   */
  runAll(db: Db, queries: readonly SQL[]): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsDir = join(import.meta.dirname, 'migrations');

export async function openStore(url: string): Promise<Store> {
  if (url.startsWith('mysql:')) return openMysql(url);
  if (url.startsWith('file:')) return openSqlite(url);
  throw new Error(`Unsupported DATABASE_URL (expected mysql:// or file:): ${url}`);
}

async function openMysql(url: string): Promise<Store> {
  const parsed = new URL(url);
  const database = parsed.pathname.replace(/^\//, '') || 'shoebox';
  await ensureMysqlDatabase(parsed, database);
  const socketPath = parsed.searchParams.get('socket') ?? undefined;
  // Our own URL options, not mysql2's: taken off the URI it parses.
  const uri = new URL(url);
  uri.searchParams.delete('socket');
  uri.searchParams.delete('connectionLimit');
  const pool = mysql.createPool({
    uri: uri.toString(),
    database,
    // A server on the same host: its Unix socket costs the API less CPU per statement than TCP.
    ...(socketPath ? { socketPath } : {}),
    connectionLimit: Number(parsed.searchParams.get('connectionLimit') ?? 20),
    // A server that does not answer fails the request within seconds (503 DATABASE_UNAVAILABLE).
    connectTimeout: 5_000,
    // Report matched rather than changed rows, as SQLite does: conditional updates compare counts.
    flags: ['FOUND_ROWS'],
    supportBigNumbers: true,
    timezone: 'Z',
    // Several statements per round trip (`runAll`): every value is still a bound parameter that
    // mysql2 escapes, never text spliced into the SQL.
    multipleStatements: true,
    // Fixed-shape statements run as server-side prepared statements (\`all\`, \`run\`); cap them per
    // connection so that pools x processes stay under MariaDB's max_prepared_stmt_count (16382).
    maxPreparedStatements: 128,
    // No stack capture per query: it cost several percent of the API's CPU under load, and
    // drizzle wraps driver errors with the query anyway.
    trace: false,
  });
  // No `schema`: we do not use the relational query API, and with it every transaction object
  // builds a query helper per table (measurable CPU on the checkout path).
  const db = drizzleMysql(pool, { mode: 'default' }) as unknown as Db;
  const hooks = commitHooks();
  return {
    dialect: 'mysql',
    db,
    t: mysqlSchema,
    tx: (fn) => db.transaction((tx) => hooks.run(tx as unknown as Db, fn)),
    beforeCommit: hooks.add,
    inTransaction: hooks.has,
    async runAll(on, queries) {
      if (queries.length === 0) return;
      await on.execute(sql.join([...queries], sql.raw(';\n')));
    },
    async insertIfAbsent(tx, table, values) {
      // A no-op update on duplicate: unlike INSERT IGNORE it does not swallow other errors.
      const [firstKey] = Object.keys(values);
      await tx
        .insert(table)
        .values(values)
        .onDuplicateKeyUpdate({ set: { [firstKey!]: sql.raw(`\`${columnName(table, firstKey!)}\``) } });
    },
    async rows<T>(query: SQL) {
      const [rows] = (await db.execute(query)) as unknown as [T[]];
      return rows;
    },
    all: <T>(on: Db, query: SQL) => preparedMysql(on, query) as Promise<T[]>,
    async run(on: Db, query: SQL) {
      return ((await preparedMysql(on, query)) as unknown as { affectedRows: number }).affectedRows;
    },
    write: (fn) => fn(db),
    migrate: () => migrateMysql(db as never, { migrationsFolder: join(migrationsDir, 'mysql') }),
    close: () => pool.end(),
  };
}

async function ensureMysqlDatabase(parsed: URL, database: string): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Invalid MySQL database name: ${database}`);
  const socketPath = parsed.searchParams.get('socket') ?? undefined;
  const admin = await mysql.createConnection({
    ...(socketPath ? { socketPath } : {}),
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  });
  try {
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.end();
  }
}

async function openSqlite(url: string): Promise<Store> {
  const client = createClient({ url });
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = NORMAL');
  const db = drizzleLibsql(client) as unknown as Db;
  const queue = createWriteQueue();
  const hooks = commitHooks();
  return {
    dialect: 'sqlite',
    db,
    t: sqliteSchema as unknown as Schema,
    tx: (fn) => queue.run(() => db.transaction((tx) => hooks.run(tx as unknown as Db, fn))),
    beforeCommit: hooks.add,
    inTransaction: hooks.has,
    async runAll(on, queries) {
      for (const query of queries) await (on as unknown as SqliteRaw).run(query);
    },
    async insertIfAbsent(tx, table, values) {
      await (tx as unknown as SqliteInsertable).insert(table).values(values).onConflictDoNothing();
    },
    rows: <T>(query: SQL) => (db as unknown as SqliteRaw).all(query) as Promise<T[]>,
    all: <T>(on: Db, query: SQL) => (on as unknown as SqliteRaw).all(query) as Promise<T[]>,
    run: async (on: Db, query: SQL) => affectedRows(await (on as unknown as SqliteRaw).run(query)),
    write: (fn) => queue.run(() => fn(db)),
    migrate: () => migrateLibsql(db as never, { migrationsFolder: join(migrationsDir, 'sqlite') }),
    close: async () => client.close(),
  };
}

/**
 * A statement as a server-side prepared statement (mysql2 \`execute\`, cached per connection): the
 * server parses each distinct statement once per connection and values travel in binary, unescaped.
 * Reaches into drizzle's session for the connection of the db or transaction it is given.
 */
function preparedMysql(on: Db, query: SQL): Promise<unknown> {
  const session = (on as unknown as { session: MysqlSessionInternals }).session;
  const { sql: text, params } = session.dialect.sqlToQuery(query);
  return session.client.execute(text, params).then((result: unknown[]) => result[0]);
}

interface MysqlSessionInternals {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  client: { execute(sql: string, params: unknown[]): Promise<unknown[]> };
}

/** The before-commit callbacks of the transactions in flight, by transaction. */
function commitHooks() {
  const pending = new WeakMap<Db, Map<string, () => Promise<void>>>();
  return {
    async run<T>(tx: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
      const hooks = new Map<string, () => Promise<void>>();
      pending.set(tx, hooks);
      try {
        const result = await fn(tx);
        for (const hook of hooks.values()) await hook();
        return result;
      } finally {
        pending.delete(tx);
      }
    },
    has: (tx: Db): boolean => pending.has(tx),
    add(tx: Db, key: string, fn: () => Promise<void>): void {
      const hooks = pending.get(tx);
      if (!hooks) throw new Error('beforeCommit needs a transaction from store.tx');
      if (!hooks.has(key)) hooks.set(key, fn);
    },
  };
}

interface SqliteRaw {
  all(query: SQL): Promise<unknown[]>;
  run(query: SQL): Promise<unknown>;
}

interface SqliteInsertable {
  insert(table: unknown): { values(v: unknown): { onConflictDoNothing(): Promise<unknown> } };
}

function columnName(table: MySqlTable, key: string): string {
  const column = (table as unknown as Record<string, { name: string }>)[key];
  if (!column) throw new Error(`Unknown column ${key}`);
  return column.name;
}

/** Rows changed by an update/delete, normalised across drivers. */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result)) return (result[0] as { affectedRows: number }).affectedRows;
  return (result as { rowsAffected: number }).rowsAffected;
}

/** The unique index or column a duplicate-key error names, or null when it is another error. */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: string; message?: string };
    if (code === 'ER_DUP_ENTRY')
      return /for key '(?:[^'.]+\.)?([^']+)'/.exec(message ?? '')?.[1] ?? 'unknown';
    const m = /UNIQUE constraint failed: ([\w.]+)/.exec(message ?? '');
    if (m) return m[1]!;
  }
  return null;
}
