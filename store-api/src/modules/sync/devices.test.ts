import { newId } from '@shoebox/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { pull, push, pushOf, envelope, registerDevice } from '../../test-support/sync-fixtures.ts';

describe(`devices (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers a device under any staff sign-in and answers the credential once', async () => {
    const id = newId();
    const res = await t.call('POST', '/admin/devices', {
      token: t.tokens.warehouse,
      body: { id, name: 'Packing desk', mode: 'browser', appVersion: '1.2.3' },
    });
    expect(res.status).toBe(201);
    expect(res.body.device).toMatchObject({ id, name: 'Packing desk', mode: 'browser', revokedAt: null });
    expect(res.body.credential).toMatch(/^[\w-]{40,}$/);
    const [row] = await t.store.rows<{ credential_hash: string }>(
      (await import('drizzle-orm')).sql`select credential_hash from devices where id = ${id}`,
    );
    expect(row?.credential_hash).not.toContain(res.body.credential); // only its hash is kept
    const list = await t.call('GET', '/admin/devices', { token: t.tokens.owner });
    expect(list.body.find((d: { id: string }) => d.id === id)?.staff?.email).toBe('warehouse@test.shop');
  });

  it('registering the same id again replaces the credential (another member on the same laptop)', async () => {
    const first = await registerDevice(t, t.tokens.warehouse);
    const again = await registerDevice(t, t.tokens.manager, first.id);
    expect(again.credential).not.toBe(first.credential);
    expect((await pull(t, first)).body.code).toBe('DEVICE_CREDENTIAL_INVALID');
    expect((await pull(t, again)).status).toBe(200);
    const list = await t.call('GET', '/admin/devices', { token: t.tokens.owner });
    expect(list.body.find((d: { id: string }) => d.id === first.id)?.staff?.email).toBe('manager@test.shop');
  });

  it('refuses /sync without a credential, with a wrong one, and for another device id', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    const none = await t.call('GET', '/sync/pull?v=1', { token: d.token });
    expect([none.status, none.body.code]).toEqual([401, 'DEVICE_CREDENTIAL_INVALID']);
    const wrong = await pull(t, { ...d, credential: 'x'.repeat(43) });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'DEVICE_CREDENTIAL_INVALID']);
    const noToken = await t.call('GET', '/sync/pull?v=1', {
      headers: { 'x-device-credential': d.credential },
    });
    expect(noToken.status).toBe(401);
    const other = { ...d, id: newId() };
    const mismatch = await push(t, d, pushOf(other, [envelope(other, 'order.note', {})]));
    expect([mismatch.status, mismatch.body.code]).toEqual([403, 'SYNC_DEVICE_MISMATCH']);
  });

  it('lists and revokes for owners only; a revoked device is refused everywhere, audited', async () => {
    const d = await registerDevice(t, t.tokens.warehouse);
    expect((await t.call('GET', '/admin/devices', { token: t.tokens.manager })).status).toBe(403);
    expect(
      (await t.call('POST', `/admin/devices/${d.id}/revoke`, { token: t.tokens.warehouse })).status,
    ).toBe(403);
    const revoked = await t.call('POST', `/admin/devices/${d.id}/revoke`, { token: t.tokens.owner });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await pull(t, d);
    expect([refused.status, refused.body.code]).toEqual([403, 'DEVICE_REVOKED']);
    const pushed = await push(t, d, pushOf(d, [envelope(d, 'order.note', {})]));
    expect([pushed.status, pushed.body.code]).toEqual([403, 'DEVICE_REVOKED']);
    const again = await t.call('POST', '/admin/devices', {
      token: t.tokens.warehouse,
      body: { id: d.id, name: 'Stolen', mode: 'electron', appVersion: '1.0.0' },
    });
    expect([again.status, again.body.code]).toEqual([403, 'DEVICE_REVOKED']);
    const audit = await t.call('GET', `/admin/audit-log?entity=device&entityId=${d.id}`, {
      token: t.tokens.owner,
    });
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).toContain('device.revoke');
    const missing = await t.call('POST', `/admin/devices/${newId()}/revoke`, { token: t.tokens.owner });
    expect([missing.status, missing.body.code]).toEqual([404, 'DEVICE_NOT_FOUND']);
  });
});
