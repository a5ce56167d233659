import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffPasswords, startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';

describe(`staff and customer auth (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string) =>
    t.call('POST', '/admin/auth/sign-in', { body: { email, password } });

  it('signs staff in with a short-lived access token and a refresh token', async () => {
    const res = await signIn('manager@test.shop', staffPasswords.manager);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'manager@test.shop', role: 'manager' });
    expect(res.body.permissions).toContain('prices:write');
    const ttl = Date.parse(res.body.accessTokenExpiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    const me = await t.call('GET', '/admin/me', { token: res.body.accessToken });
    expect(me.body).toMatchObject({ email: 'manager@test.shop', role: 'manager' });
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await signIn('manager@test.shop', 'not-the-password');
    const unknown = await signIn('nobody@test.shop', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('matches email case-insensitively', async () => {
    const res = await signIn('MANAGER@Test.Shop', staffPasswords.manager);
    expect(res.status).toBe(200);
  });

  it('rotates refresh tokens and revokes the whole session when an old one is replayed', async () => {
    const session = (await signIn('warehouse@test.shop', staffPasswords.warehouse)).body;
    const first = await t.call('POST', '/admin/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(session.refreshToken);

    const replay = await t.call('POST', '/admin/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');

    const next = await t.call('POST', '/admin/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
    });
    expect(next.status).toBe(401);
    expect(next.body.code).toBe('REFRESH_TOKEN_REVOKED');
  });

  it('sign-out revokes the refresh token', async () => {
    const session = (await signIn('warehouse@test.shop', staffPasswords.warehouse)).body;
    const out = await t.call('POST', '/admin/auth/sign-out', {
      body: { refreshToken: session.refreshToken },
    });
    expect(out.status).toBe(204);
    const after = await t.call('POST', '/admin/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(after.body.code).toBe('REFRESH_TOKEN_REVOKED');
  });

  it('disabling a staff account blocks sign-in and refresh', async () => {
    const created = await t.call('POST', '/admin/staff', {
      token: t.tokens.owner,
      body: { email: 'temp@test.shop', name: 'Temp', role: 'warehouse', password: 'temp-pass-123' },
    });
    const session = (await signIn('temp@test.shop', 'temp-pass-123')).body;
    const off = await t.call('PATCH', `/admin/staff/${created.body.id}`, {
      token: t.tokens.owner,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect((await signIn('temp@test.shop', 'temp-pass-123')).body.code).toBe('ACCOUNT_DISABLED');
    const refresh = await t.call('POST', '/admin/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refresh.status).toBe(401);
  });

  it('keeps customers and staff apart', async () => {
    const reg = await t.call('POST', '/store/auth/register', {
      body: { email: 'Ana@Example.com', password: 'shopper-pass-1', name: 'Ana' },
    });
    expect(reg.status).toBe(201);
    expect(reg.body.customer.email).toBe('ana@example.com');
    const admin = await t.call('GET', '/admin/me', { token: reg.body.accessToken });
    expect(admin.status).toBe(403);
    expect(admin.body.code).toBe('STAFF_ONLY');
    const staffRefresh = await t.call('POST', '/admin/auth/refresh', {
      body: { refreshToken: reg.body.refreshToken },
    });
    expect(staffRefresh.body.code).toBe('REFRESH_TOKEN_INVALID');
    const dup = await t.call('POST', '/store/auth/register', {
      body: { email: 'ana@example.com', password: 'shopper-pass-2', name: 'Ana 2' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('EMAIL_TAKEN');
    const signInRes = await t.call('POST', '/store/auth/sign-in', {
      body: { email: 'ana@example.com', password: 'shopper-pass-1' },
    });
    expect(signInRes.status).toBe(200);
  });

  it('API keys act with their scoped permissions until revoked', async () => {
    const created = await t.call('POST', '/admin/api-keys', {
      token: t.tokens.owner,
      body: { name: 'ERP', permissions: ['audit:read'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sbk_/);
    const ok = await t.call('GET', '/admin/audit-log', { token: created.body.key });
    expect(ok.status).toBe(200);
    const denied = await t.call('GET', '/admin/staff', { token: created.body.key });
    expect(denied.status).toBe(403);
    const me = await t.call('GET', '/admin/me', { token: created.body.key });
    expect(me.status).toBe(403);
    expect(me.body.code).toBe('STAFF_USER_ONLY');
    const listed = await t.call('GET', '/admin/api-keys', { token: t.tokens.owner });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    await t.call('DELETE', `/admin/api-keys/${created.body.id}`, { token: t.tokens.owner });
    const revoked = await t.call('GET', '/admin/audit-log', { token: created.body.key });
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('API_KEY_REVOKED');
  });

  it('records staff writes in the audit log, readable by owners only', async () => {
    const log = await t.call('GET', '/admin/audit-log?entity=staff', { token: t.tokens.owner });
    expect(log.status).toBe(200);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('staff.create');
    expect(log.body.items[0].after).toBeTruthy();
    const manager = await t.call('GET', '/admin/audit-log', { token: t.tokens.manager });
    expect(manager.status).toBe(403);
  });
});

describe(`sign-in rate limit (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json after too many attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.call('POST', '/store/auth/sign-in', {
        body: { email: 'x@example.com', password: 'wrong-password' },
      });
      statuses.push(r.status);
      if (r.status === 429) expect(r.body.code).toBe('RATE_LIMITED');
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});

describe(`checkout rate limit (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CHECKOUT_RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED past the per-minute checkout budget, before touching the cart', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.call('POST', '/store/checkout')).status);
    expect(statuses).toEqual([400, 400, 429, 429]);
    const limited = await t.call('POST', '/store/checkout');
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps the checkout budget separate from the sign-in budget', async () => {
    const signIn = await t.call('POST', '/store/auth/sign-in', {
      body: { email: 'x@example.com', password: 'wrong-pass' },
    });
    expect(signIn.status).toBe(401);
  });
});
