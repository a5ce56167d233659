/**
 * Issue 19: staff sign-in history. Every attempt against a staff account is written, with the
 * time, IP, user agent and why it failed; an owner reads anyone's, a member only their own.
 */
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';

describe(`staff sign-in history (${testDialect})`, () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const password = 'history-pass-1';
  const agent = { 'user-agent': 'Shoebox Desktop test/1.0' };
  const signIn = (email: string, pw = password) =>
    t.call('POST', '/admin/auth/sign-in', { body: { email, password: pw }, headers: agent });
  async function staffMember(role: 'manager' | 'warehouse' = 'warehouse') {
    const email = `history-${++n}@test.shop`;
    const created = await t.call('POST', '/admin/staff', {
      token: t.tokens.owner,
      body: { email, name: `History ${n}`, role, password },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, email };
  }
  const history = (id: string, token = t.tokens.owner, query = '') =>
    t.call('GET', `/admin/staff/${id}/sign-ins${query}`, { token });
  const summary = (items: Array<{ step: string; succeeded: boolean; reason: string | null }>) =>
    items.map((i) => `${i.step}:${i.succeeded ? 'ok' : i.reason}`).reverse();

  it('records a success and each kind of failure, newest first, with IP and user agent', async () => {
    const m = await staffMember();
    expect((await signIn(m.email, 'not-the-password')).status).toBe(401);
    const ok = await signIn(m.email);
    expect(ok.status).toBe(200);
    const token = ok.body.accessToken as string;

    const started = await t.call('POST', '/admin/me/two-factor', { token });
    const secret = started.body.secret as string;
    const now = () => Math.floor(Date.now() / 1000);
    const first = generateSync({ secret, epoch: now() });
    await t.call('POST', '/admin/me/two-factor/confirm', { token, body: { code: first } });
    const step = await signIn(m.email);
    const challengeToken = step.body.details.challengeToken as string;
    const code = (c: string) =>
      t.call('POST', '/admin/auth/sign-in/code', { body: { challengeToken, code: c }, headers: agent });
    const next = generateSync({ secret, epoch: now() + 30 });
    const wrong = ['000000', '999999', '111111'].find(
      (c) => ![-30, 0, 30].some((d) => generateSync({ secret, epoch: now() + d }) === c),
    )!;
    expect((await code(wrong)).body.code).toBe('MFA_CODE_INVALID');
    expect((await code(first)).body.code).toBe('MFA_CODE_USED');
    expect((await code(next)).status).toBe(200);

    expect(
      (await t.call('PATCH', `/admin/staff/${m.id}`, { token: t.tokens.owner, body: { active: false } }))
        .status,
    ).toBe(200);
    expect((await signIn(m.email)).body.code).toBe('ACCOUNT_DISABLED');
    // An unknown address has no account to file it under.
    expect((await signIn('nobody@test.shop')).status).toBe(401);

    const page = await history(m.id);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(7);
    expect(summary(page.body.items)).toEqual([
      'password:wrong_password',
      'password:ok',
      'password:ok',
      'code:wrong_code',
      'code:code_reused',
      'code:ok',
      'password:disabled',
    ]);
    expect(page.body.items[0].ip).toMatch(/127\.0\.0\.1/);
    expect(page.body.items[0].userAgent).toBe('Shoebox Desktop test/1.0');
    expect(Date.parse(page.body.items[0].at)).toBeGreaterThan(Date.now() - 120_000);

    const paged = await history(m.id, t.tokens.owner, '?page=2&pageSize=3');
    expect(paged.body).toMatchObject({ page: 2, pageSize: 3, total: 7 });
    expect(paged.body.items.map((i: { id: string }) => i.id)).toEqual(
      page.body.items.slice(3, 6).map((i: { id: string }) => i.id),
    );
  });

  it("a member reads only their own history; an owner reads anyone's", async () => {
    const a = await staffMember('manager');
    const b = await staffMember();
    const tokenA = (await signIn(a.email)).body.accessToken as string;
    await signIn(b.email, 'wrong-password-0');
    const mine = await t.call('GET', '/admin/me/sign-ins', { token: tokenA });
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items[0].succeeded).toBe(true);
    const others = await history(b.id, tokenA);
    expect(others.status).toBe(403);
    expect(others.body.code).toBe('PERMISSION_DENIED');
    expect((await history(b.id)).body.items[0].reason).toBe('wrong_password');
    const missing = await history('00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('STAFF_NOT_FOUND');
    // The typed client reads the same pages.
    const viaClient = await t.client(tokenA).admin.signIns.mine({ pageSize: 5 });
    expect(viaClient.items.map((i) => i.id)).toEqual(mine.body.items.map((i: { id: string }) => i.id));
    expect((await t.client(t.tokens.owner).admin.signIns.of(b.id)).total).toBe(1);
    const bad = await t.call('GET', '/admin/me/sign-ins?pageSize=1000', { token: tokenA });
    expect(bad.status).toBe(400);
  });
});
