import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError, isDomainError, statusOfKind } from '@shoebox/shared';
import { SyncClient } from '@shoebox/sync/client';
import { PROTOCOL_VERSION, parsePullQuery } from '@shoebox/sync/protocol';
import { changesSince, handlePush, type SyncScope } from '@shoebox/sync/server';
import { createPrng, MemoryServer, MemoryStore, seedWorld } from '@shoebox/sync/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransport, SyncUnreachable } from './http-transport.ts';

/**
 * The HTTP transport against a node:http server that hosts sync's MemoryServer the way
 * store-api's /sync routes will (real protocol code on both ends), plus the ways a network
 * fails. The server wants `authorization: Bearer device-token`, as a registered device sends.
 */

const scope: SyncScope = { deviceId: 'd1', role: 'manager' };
const TOKEN = 'Bearer device-token';

const readBody = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString() || 'null');
};

const send = (res: ServerResponse, status: number, type: string, body: string) => {
  res.writeHead(status, { 'content-type': type }).end(body);
};

const problem = (res: ServerResponse, error: DomainError) =>
  send(
    res,
    statusOfKind[error.kind],
    'application/problem+json',
    JSON.stringify({
      type: 'about:blank',
      title: error.code,
      status: statusOfKind[error.kind],
      code: error.code,
      detail: error.message,
      ...(error.details ? { details: error.details } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
    }),
  );

/** What store-api's routes will do: authenticate the device, then the sync handlers. */
const syncRoutes = (server: MemoryServer) => async (req: IncomingMessage, res: ServerResponse) => {
  try {
    if (req.headers.authorization !== TOKEN)
      throw new DomainError('unauthenticated', 'SIGN_IN_REQUIRED', 'This device is not signed in.');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/sync/pull') {
      const request = parsePullQuery(Object.fromEntries(url.searchParams));
      const page = await changesSince(server, request.cursor, scope, request.limit);
      return send(res, 200, 'application/json', JSON.stringify(page));
    }
    if (req.method === 'POST' && url.pathname === '/sync/push') {
      const answer = await handlePush(server, scope, await readBody(req));
      return send(res, 200, 'application/json', JSON.stringify(answer));
    }
    throw new DomainError('not_found', 'ROUTE_NOT_FOUND', 'No such route.');
  } catch (error) {
    if (isDomainError(error)) return problem(res, error);
    send(res, 500, 'text/plain', String(error));
  }
};

const servers: Server[] = [];
const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((closed) => s.close(closed));
  }
});

const shop = async () => {
  const clock = { t: 1_750_000_000_000 };
  const server = new MemoryServer('srv-http', () => clock.t);
  await seedWorld(server, createPrng(3));
  const url = await listen(syncRoutes(server));
  const transport = new HttpTransport({ baseUrl: `${url}/`, headers: () => ({ authorization: TOKEN }) });
  return { server, clock, url, transport };
};

const refusedWith = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
};

describe('HttpTransport', () => {
  it('carries a SyncClient over HTTP: the mutation is applied once and the mirror equals the server', async () => {
    const { server, clock, transport } = await shop();
    const client = new SyncClient({
      deviceId: 'd1',
      store: new MemoryStore(),
      transport,
      clock: { now: () => clock.t },
      random: createPrng(9).next,
      pullLimit: 4, // several pages over GET
    });
    await client.open();
    await client.sync();
    const before = server.get('stockLevel', 'v1:L1')?.onHand ?? 0;
    await client.mutate('inventory.receive', { variantId: 'v1', locationId: 'L1', quantity: 3 });
    clock.t += 1000;
    await client.sync();
    expect(client.status()).toMatchObject({ online: true, pending: 0, lastError: null });
    expect(server.get('stockLevel', 'v1:L1')?.onHand).toBe(before + 3);
    expect([...server.applications.values()]).toEqual([1]);
    expect(await client.view.get('stockLevel', 'v1:L1')).toEqual(server.get('stockLevel', 'v1:L1'));
    expect(await client.view.get('order', 'o1')).toEqual(server.get('order', 'o1'));
  });

  it('sends pull as a GET query: cursor and limit arrive, pages follow on', async () => {
    const { transport } = await shop();
    const first = (await transport.pull({ protocolVersion: PROTOCOL_VERSION, cursor: null, limit: 2 })) as {
      cursor: string;
      records: unknown[];
      hasMore: boolean;
    };
    expect(first.records).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const next = (await transport.pull({ protocolVersion: PROTOCOL_VERSION, cursor: first.cursor })) as {
      from: string;
    };
    expect(next.from).toBe(first.cursor);
  });

  it('throws a refusal in problem+json as the DomainError it was: code, kind, details', async () => {
    const { transport } = await shop();
    const old = await refusedWith(
      transport.push({
        protocolVersion: PROTOCOL_VERSION - 1,
        deviceId: 'd1',
        mutations: [],
      }),
    );
    expect(old).toMatchObject({ code: 'SYNC_UPDATE_REQUIRED', kind: 'validation' });
    const cursor = await refusedWith(
      transport.pull({ protocolVersion: PROTOCOL_VERSION, cursor: 'not-a-cursor' }),
    );
    expect(cursor.code).toBe('CURSOR_INVALID');
    const big = await refusedWith(
      transport.pull({ protocolVersion: PROTOCOL_VERSION, cursor: null, limit: 1e6 }),
    );
    expect(big).toMatchObject({ code: 'SYNC_BATCH_TOO_LARGE', details: { received: 1e6 } });
  });

  it('an unauthenticated device gets the 401 as a DomainError of kind unauthenticated', async () => {
    const { url } = await shop();
    const anonymous = new HttpTransport({ baseUrl: url });
    const error = await refusedWith(anonymous.pull({ protocolVersion: PROTOCOL_VERSION, cursor: null }));
    expect(error).toMatchObject({ kind: 'unauthenticated', code: 'SIGN_IN_REQUIRED' });
  });

  it('counts everything else as unreachable: no server, a proxy page, a body that is not JSON, a hang', async () => {
    const pull = (t: HttpTransport) => t.pull({ protocolVersion: PROTOCOL_VERSION, cursor: null });
    const closed = await listen(() => undefined);
    await new Promise((done) => {
      servers[0]?.close(done);
      servers.splice(0);
    });
    await expect(pull(new HttpTransport({ baseUrl: closed }))).rejects.toBeInstanceOf(SyncUnreachable);

    const proxy = await listen((_, res) => send(res, 502, 'text/html', '<h1>Bad gateway</h1>'));
    await expect(pull(new HttpTransport({ baseUrl: proxy }))).rejects.toThrow(/answered 502/);

    const portal = await listen((_, res) => send(res, 200, 'text/html', '<form>Sign in to the Wi-Fi</form>'));
    await expect(pull(new HttpTransport({ baseUrl: portal }))).rejects.toThrow(/not JSON/);

    const garbled = await listen((_, res) => send(res, 200, 'application/json', '{"cursor":'));
    await expect(pull(new HttpTransport({ baseUrl: garbled }))).rejects.toThrow(/not valid JSON/);

    const hung = await listen(() => undefined);
    await expect(pull(new HttpTransport({ baseUrl: hung, timeoutMs: 200 }))).rejects.toBeInstanceOf(
      SyncUnreachable,
    );
  });
});
