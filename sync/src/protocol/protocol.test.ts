import { DomainError } from '@shoebox/shared';
import { describe, expect, it } from 'vitest';
import { handlePull, handlePush } from '../server/apply.ts';
import { openShop } from '../test-support/shop.ts';
import { cursorString, decodeCursor, encodeCursor } from './cursor.ts';
import { PROTOCOL_VERSION, syncLimits } from './version.ts';
import { parsePullQuery, parsePullResponse, pullQuery } from './wire.ts';

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
};
const warehouse = { deviceId: 'dev-1', role: 'warehouse' as const };

describe('protocol version', () => {
  it('an older client gets a clear "update required", before anything else of its request is read', async () => {
    const shop = await openShop();
    const error = await refusal(
      handlePull(shop.server, warehouse, { protocolVersion: 0, somethingOld: true }),
    );
    expect(error.toJSON()).toMatchObject({
      kind: 'validation',
      code: 'SYNC_UPDATE_REQUIRED',
      details: { clientVersion: 0, minimumVersion: 1, serverVersion: PROTOCOL_VERSION },
    });
    expect(error.message).toMatch(/update/);
  });

  it('a client without any version is treated as too old, and a push from it writes nothing', async () => {
    const shop = await openShop();
    const results = shop.server.results.size;
    const error = await refusal(handlePush(shop.server, warehouse, { mutations: [] }));
    expect(error.code).toBe('SYNC_UPDATE_REQUIRED');
    expect(shop.server.results.size).toBe(results);
  });

  it('a client newer than the server is told the server needs updating', async () => {
    const shop = await openShop();
    const error = await refusal(
      handlePull(shop.server, warehouse, { protocolVersion: PROTOCOL_VERSION + 1, cursor: null }),
    );
    expect(error.code).toBe('SYNC_SERVER_OUTDATED');
  });
});

describe('push requests', () => {
  const push = (shop: Awaited<ReturnType<typeof openShop>>, body: unknown) =>
    handlePush(shop.server, warehouse, body);

  it('a malformed envelope refuses the whole batch, names the field, and writes nothing', async () => {
    const shop = await openShop();
    const good = shop.envelope('dev-1', 'inventory.receive', {
      variantId: 'v1',
      locationId: 'L1',
      quantity: 1,
    });
    const bad = { ...good, id: 'not-a-uuid', clientTime: 'yesterday' };
    const error = await refusal(
      push(shop, { protocolVersion: 1, deviceId: 'dev-1', mutations: [good, bad] }),
    );
    expect(error.code).toBe('SYNC_REQUEST_INVALID');
    expect(error.errors?.map((e) => e.path)).toEqual(['mutations.1.id', 'mutations.1.clientTime']);
    expect(shop.server.results.size).toBe(0);
  });

  it('mutation ids must be UUIDv7 (a v4 id is refused)', async () => {
    const shop = await openShop();
    const v4 = {
      ...shop.envelope('dev-1', 'order.note', { orderId: 'o1', noteId: 'n', text: 'x' }),
      id: '9b2f4c1e-8a3d-4f6b-9c2d-1e5f7a8b9c0d',
    };
    const error = await refusal(push(shop, { protocolVersion: 1, deviceId: 'dev-1', mutations: [v4] }));
    expect(error.errors?.[0]?.path).toBe('mutations.0.id');
  });

  it('an oversized batch is refused with the limit, and nothing of it is applied', async () => {
    const shop = await openShop();
    const mutations = Array.from({ length: syncLimits.maxPushBatch + 1 }, () =>
      shop.envelope('dev-1', 'inventory.receive', { variantId: 'v1', locationId: 'L1', quantity: 1 }),
    );
    const error = await refusal(push(shop, { protocolVersion: 1, deviceId: 'dev-1', mutations }));
    expect(error.toJSON()).toMatchObject({
      code: 'SYNC_BATCH_TOO_LARGE',
      details: { limit: syncLimits.maxPushBatch, received: 101 },
    });
    expect(shop.server.results.size).toBe(0);
  });

  it('an unknown mutation name is a per-mutation rejection; the rest of the batch applies', async () => {
    const shop = await openShop();
    const unknown = {
      ...shop.envelope('dev-1', 'order.note', { orderId: 'o1', noteId: 'n', text: 'x' }),
      name: 'order.teleport',
    };
    const note = shop.envelope('dev-1', 'order.note', { orderId: 'o1', noteId: 'n2', text: 'x' });
    const answer = await push(shop, { protocolVersion: 1, deviceId: 'dev-1', mutations: [unknown, note] });
    expect(answer.results).toMatchObject([
      { status: 'rejected', code: 'MUTATION_UNKNOWN', details: { name: 'order.teleport' } },
      { status: 'applied' },
    ]);
  });

  it('args failing their schema are rejected with each bad field', async () => {
    const shop = await openShop();
    const bad = {
      ...shop.envelope('dev-1', 'inventory.receive', { variantId: 'v1', locationId: 'L1', quantity: 1 }),
      args: { variantId: 'v1', quantity: -2, extra: 1 },
    };
    const ledger = shop.server.ledger.length;
    const [result] = (await push(shop, { protocolVersion: 1, deviceId: 'dev-1', mutations: [bad] })).results;
    expect(result).toMatchObject({ status: 'rejected', code: 'MUTATION_ARGS_INVALID' });
    const paths = result?.status === 'rejected' ? result.errors?.map((e) => e.path).sort() : [];
    expect(paths).toEqual(['', 'locationId', 'quantity']);
    expect(shop.server.ledger.length).toBe(ledger);
  });

  it('a device may push only its own mutations', async () => {
    const shop = await openShop();
    const other = shop.envelope('dev-2', 'order.note', { orderId: 'o1', noteId: 'n', text: 'x' });
    const error = await refusal(push(shop, { protocolVersion: 1, deviceId: 'dev-1', mutations: [other] }));
    expect(error.toJSON()).toMatchObject({ kind: 'forbidden', code: 'SYNC_DEVICE_MISMATCH' });
    expect(shop.server.results.size).toBe(0);
  });
});

describe('cursors', () => {
  it('round-trip through an opaque string', () => {
    const state = { server: 'srv-A', seq: 41, gaps: [{ seq: 40, since: 1000 }] };
    const text = encodeCursor(state);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, { id: 'srv-A', head: 41 })).toEqual(state);
  });

  it('a cursor holding the most gaps, with large numbers, still fits the wire', async () => {
    const shop = await openShop();
    const seq = 9_999_999_999;
    const gaps = Array.from({ length: syncLimits.maxCursorGaps }, (_, i) => ({
      seq: seq - i - 1,
      since: 1_750_000_000_000 + i,
    }));
    const cursor = encodeCursor({ server: 'srv-A', seq, gaps });
    expect(cursorString.safeParse(cursor).success).toBe(true);
    const error = await refusal(handlePull(shop.server, warehouse, { protocolVersion: 1, cursor }));
    expect(error.code).toBe('CURSOR_FROM_FUTURE'); // parsed, then checked against this server's head
  });

  it('a cursor from another server is refused', async () => {
    const shop = await openShop('srv-A');
    const other = await openShop('srv-B');
    const page = await handlePull(other.server, warehouse, { protocolVersion: 1, cursor: null });
    const error = await refusal(
      handlePull(shop.server, warehouse, { protocolVersion: 1, cursor: page.cursor }),
    );
    expect(error.toJSON()).toMatchObject({
      kind: 'conflict',
      code: 'CURSOR_FOREIGN',
      details: { cursorServer: 'srv-B' },
    });
  });

  it('a cursor from the future (a server restored from a backup) is refused', async () => {
    const shop = await openShop();
    const head = await shop.server.headSeq();
    const ahead = encodeCursor({ server: 'srv-A', seq: head + 10, gaps: [] });
    const error = await refusal(handlePull(shop.server, warehouse, { protocolVersion: 1, cursor: ahead }));
    expect(error.toJSON()).toMatchObject({
      code: 'CURSOR_FROM_FUTURE',
      details: { cursorSeq: head + 10, serverSeq: head },
    });
  });

  it('a garbled or hand-made cursor is refused as invalid', async () => {
    const shop = await openShop();
    for (const cursor of ['%%%', 'e30', btoa('{"v":1,"server":"srv-A","seq":-1,"gaps":[]}')]) {
      const error = await refusal(handlePull(shop.server, warehouse, { protocolVersion: 1, cursor }));
      expect(error.code).toBe('CURSOR_INVALID');
    }
  });

  it('a page larger than the limit is refused', async () => {
    const shop = await openShop();
    const error = await refusal(
      handlePull(shop.server, warehouse, { protocolVersion: 1, cursor: null, limit: 5000 }),
    );
    expect(error.code).toBe('SYNC_BATCH_TOO_LARGE');
  });
});

describe('pull responses, as the client checks them', () => {
  it('a record whose row is not a valid row of its entity is refused, not applied', () => {
    const answer = {
      protocolVersion: 1,
      from: null,
      cursor: 'c',
      hasMore: false,
      records: [
        {
          op: 'upsert',
          entity: 'stockLevel',
          id: 'v1:L1',
          seq: 1,
          row: {
            id: 'v1:L1',
            variantId: 'v1',
            locationId: 'L1',
            onHand: -4,
            reserved: 0,
            binId: null,
            updatedAt: 1,
          },
        },
      ],
    };
    expect(() => parsePullResponse(answer)).toThrow(
      expect.objectContaining({ code: 'SYNC_REQUEST_INVALID' }),
    );
  });

  it('a record whose row carries another id is refused', () => {
    const answer = {
      protocolVersion: 1,
      from: null,
      cursor: 'c',
      hasMore: false,
      records: [
        { op: 'upsert', entity: 'location', id: 'L1', seq: 1, row: { id: 'L2', code: 'L2', name: 'x' } },
      ],
    };
    expect(() => parsePullResponse(answer)).toThrow(
      expect.objectContaining({ code: 'SYNC_REQUEST_INVALID' }),
    );
  });
});

describe('pull as query parameters', () => {
  it('round-trips through strings, and an old or missing version still reads as "update required"', () => {
    const request = { protocolVersion: PROTOCOL_VERSION, cursor: 'abc', limit: 50 };
    expect(parsePullQuery(pullQuery(request))).toEqual(request);
    expect(parsePullQuery({ v: '1' })).toEqual({ protocolVersion: 1, cursor: null });
    expect(() => parsePullQuery({ cursor: 'abc' })).toThrow(
      expect.objectContaining({ code: 'SYNC_UPDATE_REQUIRED' }),
    );
    expect(() => parsePullQuery({ v: '1', limit: 'lots' })).toThrow(
      expect.objectContaining({ code: 'SYNC_REQUEST_INVALID' }),
    );
    expect(() => parsePullQuery({ v: '1', limit: '5000' })).toThrow(
      expect.objectContaining({ code: 'SYNC_BATCH_TOO_LARGE' }),
    );
  });
});
