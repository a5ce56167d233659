/**
 * Issue 19: an access token is only as good as the sign-in behind it. Each change to the account
 * takes effect on the very next request with a token issued before it, on this instance and
 * (through the change log) on another one.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordChanges } from '../../lib/changes.ts';
import { startSecondApp, startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';

describe(`sessions checked on every request (${testDialect})`, () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A fresh staff member of `role`, signed in: their id, access and refresh token. */
  async function staffMember(role: 'manager' | 'warehouse' | 'owner' = 'manager') {
    const email = `session-${++n}@test.shop`;
    const created = await t.call('POST', '/admin/staff', {
      token: t.tokens.owner,
      body: { email, name: `Session ${n}`, role, password: 'session-pass-1' },
    });
    expect(created.status).toBe(201);
    const session = await t.call('POST', '/admin/auth/sign-in', {
      body: { email, password: 'session-pass-1' },
    });
    return {
      id: created.body.id as string,
      email,
      ...(session.body as { accessToken: string; refreshToken: string }),
    };
  }

  const patchStaff = (id: string, body: Record<string, unknown>) =>
    t.call('PATCH', `/admin/staff/${id}`, { token: t.tokens.owner, body });
  const listOrders = (token: string) => t.call('GET', '/admin/orders', { token });
  const listMail = (token: string) => t.call('GET', '/admin/mail', { token });

  it('a demoted manager loses the role permissions on the next request; the session stays', async () => {
    const m = await staffMember('manager');
    expect((await listMail(m.accessToken)).status).toBe(200);
    expect((await patchStaff(m.id, { role: 'warehouse' })).status).toBe(200);
    const denied = await listMail(m.accessToken);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('PERMISSION_DENIED');
    // Still a warehouse member: what warehouse may do keeps working, and promotion works at once too.
    expect((await listOrders(m.accessToken)).status).toBe(200);
    await patchStaff(m.id, { role: 'manager' });
    expect((await listMail(m.accessToken)).status).toBe(200);
  });

  it('a disabled account is refused on the next request (ACCOUNT_DISABLED)', async () => {
    const m = await staffMember();
    expect((await listOrders(m.accessToken)).status).toBe(200);
    await patchStaff(m.id, { active: false });
    const res = await listOrders(m.accessToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ACCOUNT_DISABLED');
  });

  it('a deleted account is refused on the next request (ACCOUNT_DELETED)', async () => {
    const m = await staffMember();
    expect((await listOrders(m.accessToken)).status).toBe(200);
    // No route deletes staff; whatever does must record the change like this, in its transaction.
    await t.store.tx(async (tx) => {
      await tx.delete(t.store.t.staffUsers).where(eq(t.store.t.staffUsers.id, m.id));
      await recordChanges(t.store, tx, 'account', [m.id], Date.now());
    });
    // Another process did it: this instance learns from the change log within its poll interval.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const res = await listOrders(m.accessToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('ACCOUNT_DELETED');
  });

  it('a password set by the owner ends every session of the account (SESSION_REVOKED)', async () => {
    const m = await staffMember();
    expect((await listOrders(m.accessToken)).status).toBe(200);
    await patchStaff(m.id, { password: 'a-brand-new-pass-1' });
    const res = await listOrders(m.accessToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_REVOKED');
    const again = await t.call('POST', '/admin/auth/sign-in', {
      body: { email: m.email, password: 'a-brand-new-pass-1' },
    });
    expect((await listOrders(again.body.accessToken)).status).toBe(200);
  });

  it('signing out everywhere ends every session of the account, this one included', async () => {
    const m = await staffMember();
    const other = await t.call('POST', '/admin/auth/sign-in', {
      body: { email: m.email, password: 'session-pass-1' },
    });
    expect((await listOrders(other.body.accessToken)).status).toBe(200);
    const out = await t.call('POST', '/admin/auth/sign-out-everywhere', { token: m.accessToken });
    expect(out.status).toBe(204);
    for (const token of [m.accessToken, other.body.accessToken]) {
      const res = await listOrders(token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('SESSION_REVOKED');
    }
    const refresh = await t.call('POST', '/admin/auth/refresh', { body: { refreshToken: m.refreshToken } });
    expect(refresh.body.code).toBe('REFRESH_TOKEN_REVOKED');
    // Other accounts are untouched.
    expect((await listOrders(t.tokens.manager)).status).toBe(200);
  });

  it('signing out one session ends its access token at once, and only that session', async () => {
    const m = await staffMember();
    const other = await t.call('POST', '/admin/auth/sign-in', {
      body: { email: m.email, password: 'session-pass-1' },
    });
    await t.call('POST', '/admin/auth/sign-out', { body: { refreshToken: m.refreshToken } });
    expect((await listOrders(m.accessToken)).body.code).toBe('SESSION_REVOKED');
    expect((await listOrders(other.body.accessToken)).status).toBe(200);
  });

  it('a shopper signing out everywhere ends their sessions', async () => {
    const email = `session-shopper-${++n}@example.com`;
    const reg = await t.call('POST', '/store/auth/register', {
      body: { email, password: 'shopper-pass-1', name: 'S' },
    });
    const second = await t.call('POST', '/store/auth/sign-in', {
      body: { email, password: 'shopper-pass-1' },
    });
    expect((await t.call('GET', '/store/orders', { token: second.body.accessToken })).status).toBe(200);
    const out = await t.call('POST', '/store/auth/sign-out-everywhere', { token: reg.body.accessToken });
    expect(out.status).toBe(204);
    const res = await t.call('GET', '/store/orders', { token: second.body.accessToken });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_REVOKED');
  });

  it('an API key is refused on the next request after it is revoked', async () => {
    const created = await t.call('POST', '/admin/api-keys', {
      token: t.tokens.owner,
      body: { name: 'Sessions', permissions: ['orders:read'] },
    });
    expect((await listOrders(created.body.key)).status).toBe(200);
    await t.call('DELETE', `/admin/api-keys/${created.body.id}`, { token: t.tokens.owner });
    expect((await listOrders(created.body.key)).body.code).toBe('API_KEY_REVOKED');
  });

  it('another instance refuses a disabled account within a second', async () => {
    const m = await staffMember();
    const b = await startSecondApp(t);
    try {
      expect((await b.call('GET', '/admin/orders', { token: m.accessToken })).status).toBe(200);
      await patchStaff(m.id, { active: false });
      const started = Date.now();
      let code: string | undefined;
      while (Date.now() - started < 3000) {
        const res = await b.call('GET', '/admin/orders', { token: m.accessToken });
        code = res.body.code;
        if (res.status === 401) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(code).toBe('ACCOUNT_DISABLED');
      // The poll interval is 500 ms; 3 s only bounds a loaded machine.
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await b.close();
    }
  });
});
