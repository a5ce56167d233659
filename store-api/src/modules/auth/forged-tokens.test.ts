/**
 * Issue 19: tokens that are not exactly what we sign are refused with 401, even when they carry
 * a valid signature: no `exp`, a wrong audience, a customer's sign-in relabelled as staff,
 * `alg: none`, another key.
 */
import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';

describe(`forged and odd access tokens (${testDialect})`, () => {
  let t: TestApp;
  let ownerClaims: JWTPayload;
  let customer: { id: string; sid: string; token: string };
  beforeAll(async () => {
    t = await startTestApp();
    ownerClaims = claimsOf(t.tokens.owner);
    const reg = await t.call('POST', '/store/auth/register', {
      body: { email: 'forger@example.com', password: 'shopper-pass-1', name: 'F' },
    });
    const c = claimsOf(reg.body.accessToken);
    customer = { id: String(c.sub), sid: String(c.sid), token: reg.body.accessToken };
  });
  afterAll(() => t.close());

  const claimsOf = (token: string): JWTPayload =>
    JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
  const key = () => new TextEncoder().encode(t.config.jwtSecret);
  const now = () => Math.floor(Date.now() / 1000);

  /** Signs `claims` with the app's own key: only what is inside differs from a real token. */
  async function signed(claims: JWTPayload, options: { exp?: boolean; iat?: boolean } = {}) {
    let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' });
    if (options.iat !== false) jwt = jwt.setIssuedAt(now());
    if (options.exp !== false) jwt = jwt.setExpirationTime(now() + 600);
    return jwt.sign(key());
  }
  const owner = (overrides: JWTPayload = {}) => {
    const { iat: _iat, exp: _exp, ...rest } = ownerClaims;
    return { ...rest, ...overrides };
  };
  const expectRefused = async (token: string, code = 'TOKEN_INVALID') => {
    const res = await t.call('GET', '/admin/orders', { token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(code);
  };

  it('accepts the real thing, and a re-signed copy of it (the test signer is faithful)', async () => {
    expect((await t.call('GET', '/admin/orders', { token: t.tokens.owner })).status).toBe(200);
    expect((await t.call('GET', '/admin/orders', { token: await signed(owner()) })).status).toBe(200);
  });

  it('refuses a token without exp, without iat, or living longer than the configured lifetime', async () => {
    await expectRefused(await signed(owner(), { exp: false }));
    await expectRefused(await signed(owner(), { iat: false }));
    const forever = await new SignJWT(owner())
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now())
      .setExpirationTime(now() + 365 * 86_400)
      .sign(key());
    await expectRefused(forever);
    const future = await new SignJWT(owner())
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now() + 3600)
      .setExpirationTime(now() + 3600 + 600)
      .sign(key());
    await expectRefused(future);
  });

  it('refuses a wrong or missing audience, issuer, subject or session', async () => {
    await expectRefused(await signed(owner({ aud: 'admin' })));
    await expectRefused(await signed(owner({ aud: ['staff', 'customer'] })));
    await expectRefused(await signed(owner({ aud: undefined })));
    await expectRefused(await signed(owner({ iss: 'someone-else' })));
    await expectRefused(await signed(owner({ sub: undefined })));
    await expectRefused(await signed(owner({ sid: undefined })));
  });

  it('refuses a customer sign-in relabelled as staff, and a staff sub put on a customer sign-in', async () => {
    const relabelled = await signed({
      iss: 'shoebox',
      aud: 'staff',
      sub: customer.id,
      sid: customer.sid,
      role: 'owner',
    });
    await expectRefused(relabelled);
    const borrowed = await signed({ ...owner(), sid: customer.sid });
    await expectRefused(borrowed);
    // The genuine customer token still works where customers may go.
    expect((await t.call('GET', '/store/orders', { token: customer.token })).status).toBe(200);
  });

  it('refuses a session id that no sign-in ever had', async () => {
    await expectRefused(await signed(owner({ sid: 'not-a-session' })), 'SESSION_REVOKED');
  });

  it('refuses alg none and a token signed with another key', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...owner(), iat: now(), exp: now() + 600 })).toString(
      'base64url',
    );
    await expectRefused(`${header}.${body}.`);
    const otherKey = await new SignJWT(owner())
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now())
      .setExpirationTime(now() + 600)
      .sign(new TextEncoder().encode('another-secret-another-secret-0123456789'));
    await expectRefused(otherKey);
  });

  it('ignores the role claim: a warehouse token claiming owner gets warehouse powers', async () => {
    const { iat: _iat, exp: _exp, ...warehouse } = claimsOf(t.tokens.warehouse);
    const promoted = await signed({ ...warehouse, role: 'owner' });
    const res = await t.call('GET', '/admin/staff', { token: promoted });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PERMISSION_DENIED');
  });
});
