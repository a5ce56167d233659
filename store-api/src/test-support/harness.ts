/**
 * Test harness: a real store (SQLite file or a fresh MariaDB database) behind the real app on a
 * random port. Fixtures are created through the HTTP API, as a client would.
 *
 * Every answer that comes back through `call` is checked against the app's generated OpenAPI
 * document (http/openapi/response-check.ts): an answer the document does not allow throws from
 * `call`, failing the test that provoked it with the operation, status and schema error.
 */
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShoeboxClient, type ShoeboxClient } from '@shoebox/shared/client';
import { getTableName, sql, type Table } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import pino from 'pino';
import { inject } from 'vitest';
import { createApp } from '../app.ts';
import { answerParserErrors } from '../http/client-error.ts';
import { buildOpenApi } from '../http/openapi/generate.ts';
import { type Answer, ResponseChecker } from '../http/openapi/response-check.ts';
import { count, emptyTally, saveTally, type Tally } from '../http/openapi/response-tally.ts';
import { type Config, loadConfig } from '../config/env.ts';
import { type Dialect, openStore, type Store } from '../db/client.ts';
import { insertStaffDirect } from '../modules/staff/index.ts';

export const testDialect = (process.env.SHOEBOX_TEST_DIALECT ?? 'sqlite') as Dialect;

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as-is (string or bytes) instead of JSON. */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface TestApp {
  store: Store;
  config: Config;
  baseUrl: string;
  routes: ReturnType<typeof createApp>['routes'];
  /** The wire: raw status, headers and body (tests of statuses and bad input). */
  call<T = any>(method: string, path: string, opts?: CallOptions): Promise<HttpResult<T>>;
  /**
   * The typed client (`@shoebox/shared/client`) against this app, as a client would call it:
   * `token` is a staff or customer access token or an API key, `cartToken` goes in X-Cart-Token.
   * Its answers are checked against the document like `call`'s, and against the contracts.
   */
  client(token?: string, cartToken?: string): ShoeboxClient;
  /** fetch with the answer check of `call`, for clients a test builds itself. */
  fetch: typeof fetch;
  /** Access tokens for one staff member of each role; the owner is bootstrapped, the others created through the API. */
  tokens: { owner: string; manager: string; warehouse: string };
  /** Checks answers against the app's OpenAPI document (throws on a violation), counting them. */
  checkAnswer(answer: Answer): void;
  close(): Promise<void>;
}

export const staffPasswords = {
  owner: 'owner-pass-123',
  manager: 'manager-pass-123',
  warehouse: 'warehouse-pass-123',
};

export async function startTestApp(overrides: Partial<Record<string, string>> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shoebox-test-'));
  const { url, dropDatabase } = await testDatabaseUrl(dataDir);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    CHECKOUT_RATE_LIMIT_PER_MINUTE: '100000',
    SYNC_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
  const store = await openStore(config.databaseUrl);
  await store.migrate();
  const { app, routes } = createApp({ store, config, log: pino({ level: 'silent' }) });
  const server = app.listen(0, '127.0.0.1');
  answerParserErrors(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const checkAnswer = answerChecker(new ResponseChecker(buildOpenApi(routes)), emptyTally());
  const call = makeCaller(baseUrl, checkAnswer);
  const checkedFetch = checkingFetch(baseUrl, checkAnswer);
  const client = clientFactory(baseUrl, checkedFetch);

  await insertStaffDirect(store, {
    email: 'owner@test.shop',
    name: 'Olive Owner',
    role: 'owner',
    password: staffPasswords.owner,
  });
  const signIn = async (email: string, password: string) =>
    (await client().admin.auth.signIn({ email, password })).accessToken;
  const owner = await signIn('owner@test.shop', staffPasswords.owner);
  for (const role of ['manager', 'warehouse'] as const) {
    await client(owner).admin.staff.create({
      email: `${role}@test.shop`,
      name: `Test ${role}`,
      role,
      password: staffPasswords[role],
    });
  }
  const tokens = {
    owner,
    manager: await signIn('manager@test.shop', staffPasswords.manager),
    warehouse: await signIn('warehouse@test.shop', staffPasswords.warehouse),
  };

  return {
    store,
    config,
    baseUrl,
    routes,
    call,
    client,
    fetch: checkedFetch,
    tokens,
    checkAnswer,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await store.close();
      await dropDatabase();
      checkAnswer.save();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** fetch that checks every answer against the document, as `call` does. */
function checkingFetch(baseUrl: string, checkAnswer: (answer: Answer) => void): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    checkAnswer({
      method: init?.method ?? 'GET',
      url: url.slice(baseUrl.length),
      status: res.status,
      headers: res.headers,
      text: await res.clone().text(),
    });
    return res;
  };
}

/** Typed clients on the checking fetch, with response validation against the contracts on. */
function clientFactory(baseUrl: string, checkedFetch: typeof fetch): TestApp['client'] {
  return (token, cartToken) =>
    createShoeboxClient({
      baseUrl,
      fetch: checkedFetch,
      getToken: () => token,
      cartToken,
      validateResponses: true,
    });
}

type AnswerCheck = ((answer: Answer) => void) & { save(): void };

function answerChecker(checker: ResponseChecker, tally: Tally): AnswerCheck {
  const check = (answer: Answer) => {
    const outcome = checker.check(answer);
    count(tally, outcome);
    if (outcome.kind === 'violation') throw new Error(outcome.message);
  };
  // Outside vitest's global setup (no directory provided) the counts are simply not kept.
  return Object.assign(check, { save: () => saveTally(providedTallyDir(), tally) });
}

function providedTallyDir(): string | undefined {
  try {
    return inject('responseTallyDir');
  } catch {
    return undefined;
  }
}

function makeCaller(baseUrl: string, checkAnswer: (answer: Answer) => void): TestApp['call'] {
  return async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Buffer | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers, body });
    const text = await res.text();
    checkAnswer({ method, url: path, status: res.status, headers: res.headers, text });
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    return { status: res.status, body: parsed, headers: res.headers, text };
  };
}

let dbCounter = 0;

async function testDatabaseUrl(dataDir: string): Promise<{ url: string; dropDatabase: () => Promise<void> }> {
  if (testDialect === 'sqlite')
    return { url: `file:${join(dataDir, 'test.db')}`, dropDatabase: async () => {} };
  const base = process.env.SHOEBOX_TEST_MYSQL_URL;
  if (!base)
    throw new Error('SHOEBOX_TEST_MYSQL_URL is not set (scripts/test.mjs sets it when MariaDB is installed)');
  const name = `shoebox_t_${process.pid}_${Date.now().toString(36)}_${dbCounter++}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dropDatabase() {
      const conn = await mysql.createConnection({ uri: base });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

/** Row counts of every table: a 4xx must leave all of them unchanged. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const names = Object.values(store.t)
    .map((table) => getTableName(table as Table))
    .sort();
  const counts: Record<string, number> = {};
  for (const name of names) {
    const [row] = await store.rows<{ n: number | string }>(sql.raw(`select count(*) as n from ${name}`));
    counts[name] = Number(row?.n);
  }
  return counts;
}

/**
 * A second app instance on the same database as `t` (another API process behind a load
 * balancer), for cross-instance tests. Close it before `t`.
 */
export async function startSecondApp(
  t: TestApp,
): Promise<{ store: Store; baseUrl: string; call: TestApp['call']; close(): Promise<void> }> {
  const store = await openStore(t.config.databaseUrl);
  const { app } = createApp({ store, config: t.config, log: pino({ level: 'silent' }) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    store,
    baseUrl,
    // The same routes as `t`, so the same document; counted with `t`'s answers.
    call: makeCaller(baseUrl, t.checkAnswer),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await store.close();
    },
  };
}
