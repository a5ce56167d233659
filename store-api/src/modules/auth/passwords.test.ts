/**
 * Issue 19: forgotten and changed passwords. The reset link works once, expires, and is refused
 * after a password change; the request answers the same for a known and an unknown address;
 * a changed password ends every other session; weak passwords are refused with a clear message.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { createResetTokens } from './reset-tokens.ts';

describe(`password reset and change (${testDialect})`, () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function shopper(password = 'shopper-pass-1') {
    const email = `reset-${++n}@example.com`;
    const reg = await t.call('POST', '/store/auth/register', {
      body: { email, password, name: `Reset ${n}` },
    });
    expect(reg.status).toBe(201);
    return { email, id: reg.body.customer.id as string, token: reg.body.accessToken as string };
  }
  const resetMails = async (to: string) =>
    (
      await t.store.rows<{ payload: unknown }>(
        sql`select payload from outbox where topic = 'mail.password_reset' order by created_at`,
      )
    )
      .map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload))
      .filter((p: { to: string }) => p.to === to) as Array<{ token: string; link: string | null }>;
  const requestReset = (email: string, prefix = '/store') =>
    t.call('POST', `${prefix}/auth/password-reset`, { body: { email } });
  const confirm = (token: string, password: string, prefix = '/store') =>
    t.call('POST', `${prefix}/auth/password-reset/confirm`, { body: { token, password } });
  const signIn = (email: string, password: string, prefix = '/store') =>
    t.call('POST', `${prefix}/auth/sign-in`, { body: { email, password } });

  it('answers a reset request the same for a known and an unknown address, and mails only the known one', async () => {
    const s = await shopper();
    const known = await requestReset(s.email);
    const unknown = await requestReset('nobody-here@example.com');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.text).toBe(known.text);
    expect(await resetMails(s.email)).toHaveLength(1);
    expect(await resetMails('nobody-here@example.com')).toHaveLength(0);
  });

  it('a reset link works once, ends every session, and then is refused', async () => {
    const s = await shopper();
    await requestReset(s.email);
    const [mail] = await resetMails(s.email);
    expect(mail!.link).toBe(
      `${t.config.storefrontUrl}/account/reset-password?token=${encodeURIComponent(mail!.token)}`,
    );
    expect((await confirm(mail!.token, 'a-fresh-secret-1')).status).toBe(204);
    const old = await t.call('GET', '/store/orders', { token: s.token });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('SESSION_REVOKED');
    expect((await signIn(s.email, 'shopper-pass-1')).status).toBe(401);
    expect((await signIn(s.email, 'a-fresh-secret-1')).status).toBe(200);
    const again = await confirm(mail!.token, 'another-secret-2');
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('RESET_TOKEN_USED');
    expect((await signIn(s.email, 'another-secret-2')).status).toBe(401);
  });

  it('a reset link expires', async () => {
    const s = await shopper();
    await requestReset(s.email);
    const [mail] = await resetMails(s.email);
    const claims = JSON.parse(Buffer.from(mail!.token.split('.')[1]!, 'base64url').toString());
    // The same token minted two hours ago (the link lives 30 minutes).
    const tokens = createResetTokens(t.config.jwtSecret, t.config.passwordResetTtlMinutes);
    const stale = await tokens.sign(
      { audience: 'customer', subjectId: s.id, fingerprint: claims.fp },
      Date.now() - 2 * 3_600_000,
    );
    const res = await confirm(stale.token, 'a-fresh-secret-1');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('RESET_TOKEN_EXPIRED');
    const forged = await confirm(`${mail!.token.slice(0, -4)}AAAA`, 'a-fresh-secret-1');
    expect(forged.body.code).toBe('RESET_TOKEN_INVALID');
    // A shopper's link is no staff link.
    expect((await confirm(mail!.token, 'a-fresh-secret-1', '/admin')).body.code).toBe('RESET_TOKEN_INVALID');
  });

  it('a reset link is refused once the password was changed another way', async () => {
    const s = await shopper();
    await requestReset(s.email);
    const [mail] = await resetMails(s.email);
    const changed = await t.call('POST', '/store/auth/password', {
      token: s.token,
      body: { currentPassword: 'shopper-pass-1', newPassword: 'changed-secret-3' },
    });
    expect(changed.status).toBe(204);
    expect((await confirm(mail!.token, 'a-fresh-secret-1')).body.code).toBe('RESET_TOKEN_USED');
  });

  it('a signed-in change needs the current password and ends every other session, not this one', async () => {
    const s = await shopper();
    const other = (await signIn(s.email, 'shopper-pass-1')).body.accessToken;
    const wrong = await t.call('POST', '/store/auth/password', {
      token: s.token,
      body: { currentPassword: 'not-my-password', newPassword: 'changed-secret-3' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_WRONG');
    await t.call('POST', '/store/auth/password', {
      token: s.token,
      body: { currentPassword: 'shopper-pass-1', newPassword: 'changed-secret-3' },
    });
    expect((await t.call('GET', '/store/orders', { token: s.token })).status).toBe(200);
    expect((await t.call('GET', '/store/orders', { token: other })).body.code).toBe('SESSION_REVOKED');
  });

  it('refuses short and common passwords with a clear message', async () => {
    for (const [password, code] of [
      ['short-1', 'TOO_SMALL'],
      ['password123', 'PASSWORD_TOO_COMMON'],
      ['QwertyUiop', 'PASSWORD_TOO_COMMON'],
      ['aaaaaaaaaaaa', 'PASSWORD_TOO_COMMON'],
      ['1234567890123', 'PASSWORD_TOO_COMMON'],
    ]) {
      const res = await t.call('POST', '/store/auth/register', {
        body: { email: `weak-${++n}@example.com`, password, name: 'W' },
      });
      expect(res.status, password).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path: 'password', code });
    }
    const common = await t.call('POST', '/store/auth/register', {
      body: { email: `weak-${++n}@example.com`, password: 'password123', name: 'W' },
    });
    expect(common.body.errors[0].message).toMatch(/most common passwords/);
  });

  it('staff reset themselves by e-mail (a code, audited); an owner reset is audited too', async () => {
    const created = await t.call('POST', '/admin/staff', {
      token: t.tokens.owner,
      body: {
        email: 'forgetful@test.shop',
        name: 'Forgetful',
        role: 'warehouse',
        password: 'forgetful-pass-1',
      },
    });
    await requestReset('forgetful@test.shop', '/admin');
    const [mail] = await resetMails('forgetful@test.shop');
    expect(mail!.link).toBeNull();
    expect((await confirm(mail!.token, 'remembered-pass-2', '/admin')).status).toBe(204);
    expect((await signIn('forgetful@test.shop', 'remembered-pass-2', '/admin')).status).toBe(200);
    await t.call('PATCH', `/admin/staff/${created.body.id}`, {
      token: t.tokens.owner,
      body: { password: 'owner-chosen-pass-3' },
    });
    const audit = await t.call('GET', `/admin/audit-log?entity=staff`, { token: t.tokens.owner });
    const actions = audit.body.items
      .filter((e: { entityId: string }) => e.entityId === created.body.id)
      .map((e: { action: string; after: { passwordChanged?: boolean } }) => [
        e.action,
        e.after?.passwordChanged,
      ]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['staff.password_reset', true],
        ['staff.update', true],
      ]),
    );
  });
});

describe(`password reset rate limit (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // The harness signs three staff members in from the same address first.
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('answers 429 after too many reset requests from one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await t.call('POST', '/store/auth/password-reset', { body: { email: `x${i}@example.com` } })).status,
      );
    expect(statuses).toEqual([202, 202, 429, 429]);
  });
});
