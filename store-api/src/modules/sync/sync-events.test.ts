import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { registerDevice, type SyncShop, syncShop } from '../../test-support/sync-fixtures.ts';

/** Reads server-sent events from a streaming response, one `event:`/`data:` block at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ event: string; data: string } | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((l) => l.startsWith(`${name}: `))
              ?.slice(name.length + 2) ?? '';
          if (field('event')) return { event: field('event'), data: field('data') };
          continue; // a comment (heartbeat) or the retry line alone
        }
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe(`GET /sync/events (${testDialect})`, () => {
  let t: TestApp;
  let shop: SyncShop;
  beforeAll(async () => {
    t = await startTestApp();
    shop = await syncShop(t);
  });
  afterAll(() => t.close());

  const open = async (token: string, credential: string) => {
    const res = await fetch(`${t.baseUrl}/sync/events`, {
      headers: { authorization: `Bearer ${token}`, 'x-device-credential': credential },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    return eventReader(res.body!);
  };

  it('says where the head is on connect, then again after a write', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    const events = await open(d.token, d.credential);
    const first = await events.next();
    expect(first?.event).toBe('changes');
    const { headSeq } = JSON.parse(first!.data) as { headSeq: number };
    expect(headSeq).toBeGreaterThan(0);
    const receive = await t.call('POST', '/admin/inventory/receive', {
      token: t.tokens.owner,
      body: {
        locationId: shop.locationId,
        lines: [{ variantId: shop.product.variants[0]!.id, quantity: 1 }],
      },
    });
    expect(receive.status).toBeLessThan(300);
    const next = await events.next();
    expect(next?.event).toBe('changes');
    expect(JSON.parse(next!.data).headSeq).toBeGreaterThan(headSeq);
    await events.cancel();
  });

  it('refuses a missing credential, and ends the stream of a device when it is revoked', async () => {
    const none = await t.call('GET', '/sync/events', { token: t.tokens.warehouse });
    expect([none.status, none.body.code]).toEqual([401, 'DEVICE_CREDENTIAL_INVALID']);
    const d = await registerDevice(t, t.tokens.warehouse);
    const events = await open(d.token, d.credential);
    expect((await events.next())?.event).toBe('changes');
    const revoke = await t.call('POST', `/admin/devices/${d.id}/revoke`, { token: t.tokens.owner });
    expect(revoke.status).toBe(200);
    expect(await events.next()).toBeNull(); // the server closed it
    const again = await fetch(`${t.baseUrl}/sync/events`, {
      headers: { authorization: `Bearer ${d.token}`, 'x-device-credential': d.credential },
    });
    expect(again.status).toBe(403);
    expect(((await again.json()) as { code: string }).code).toBe('DEVICE_REVOKED');
  });
});
