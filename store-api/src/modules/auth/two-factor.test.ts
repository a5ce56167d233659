/**
 * Issue 19: two-factor sign-in for staff. Enrolment with an authenticator app, the two-step
 * sign-in, codes that work once (TOTP and recovery codes), the shop's setting, an owner's audited
 * reset and the per-account limit on wrong codes.
 */
import { sql } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tableCounts, testDialect } from '../../test-support/harness.ts';
import { MAX_FAILED_CODES } from './staff-sign-in.service.ts';

describe(`staff two-factor sign-in (${testDialect})`, () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const password = 'two-factor-pass-1';
  /** A fresh staff member of `role`, signed in with the password alone. */
  async function staffMember(role: 'manager' | 'warehouse' | 'owner' = 'manager') {
    const email = `mfa-${++n}@test.shop`;
    const created = await t.call('POST', '/admin/staff', {
      token: t.tokens.owner,
      body: { email, name: `Mfa ${n}`, role, password },
    });
    expect(created.status).toBe(201);
    const session = await signIn(email);
    expect(session.status).toBe(200);
    return { id: created.body.id as string, email, token: session.body.accessToken as string };
  }
  const signIn = (email: string) => t.call('POST', '/admin/auth/sign-in', { body: { email, password } });
  const sendCode = (challengeToken: string, code: string) =>
    t.call('POST', '/admin/auth/sign-in/code', { body: { challengeToken, code } });
  /** The code an authenticator app shows `steps` periods from now. */
  const codeAt = (secret: string, steps = 0) =>
    generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
  /** A six-digit code that is none of the codes accepted now (one step either side). */
  const wrongCodeFor = (secret: string) => {
    const valid = new Set([-1, 0, 1].map((s) => codeAt(secret, s)));
    for (let i = 0; ; i++) {
      const c = String(123456 + i * 7919).slice(-6);
      if (!valid.has(c)) return c;
    }
  };

  /** Enrols the signed-in member; the secret (as an app reads it from the QR code) and recovery codes. */
  async function enrol(token: string) {
    const started = await t.call('POST', '/admin/me/two-factor', { token });
    expect(started.status).toBe(200);
    const secret = new URL(started.body.otpauthUri).searchParams.get('secret')!;
    const confirmed = await t.call('POST', '/admin/me/two-factor/confirm', {
      token,
      body: { code: codeAt(secret) },
    });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }
  async function challengeFor(email: string) {
    const answer = await signIn(email);
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('MFA_REQUIRED');
    return answer.body.details.challengeToken as string;
  }
  const auditActions = async (entityId: string) =>
    (
      await t.store.rows<{ action: string; actor_id: string }>(
        sql`select action, actor_id from audit_log where entity_id = ${entityId} order by created_at`,
      )
    ).map((r) => `${r.action} by ${r.actor_id}`);

  it('enrols with a QR code, keeps the secret sealed, and refuses a wrong confirmation code', async () => {
    const m = await staffMember();
    expect((await t.call('GET', '/admin/me/two-factor', { token: m.token })).body).toEqual({
      enrolled: false,
      recoveryCodesLeft: 0,
      required: false,
    });
    const started = await t.call('POST', '/admin/me/two-factor', { token: m.token });
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Shoebox:/);
    expect(started.body.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(started.body.qrCodeDataUrl.split(',')[1], 'base64').toString();
    expect(svg).toContain('<svg');
    const secret = started.body.secret as string;
    const wrong = await t.call('POST', '/admin/me/two-factor/confirm', {
      token: m.token,
      body: { code: wrongCodeFor(secret) },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('MFA_CODE_INVALID');
    expect((await t.call('GET', '/admin/me/two-factor', { token: m.token })).body.enrolled).toBe(false);
    expect((await signIn(m.email)).status).toBe(200); // not in force until confirmed

    const ok = await t.call('POST', '/admin/me/two-factor/confirm', {
      token: m.token,
      body: { code: codeAt(secret) },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);
    expect((await t.call('GET', '/admin/me/two-factor', { token: m.token })).body).toEqual({
      enrolled: true,
      recoveryCodesLeft: 10,
      required: false,
    });
    const again = await t.call('POST', '/admin/me/two-factor', { token: m.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MFA_ALREADY_ENROLLED');

    const [row] = await t.store.rows<{ secret_sealed: string }>(
      sql`select secret_sealed from staff_two_factor where staff_id = ${m.id}`,
    );
    expect(row!.secret_sealed).not.toContain(secret);
    const hashes = await t.store.rows<{ code_hash: string }>(
      sql`select code_hash from staff_recovery_codes where staff_id = ${m.id}`,
    );
    expect(hashes.map((h) => h.code_hash)).not.toContain(ok.body.recoveryCodes[0]);
    expect(await auditActions(m.id)).toContain(`staff.two_factor_enrol by ${m.id}`);
  });

  it('signs in with a code in a second step; a wrong or reused code is refused', async () => {
    const m = await staffMember();
    const { secret } = await enrol(m.token);
    const challenge = await challengeFor(m.email);

    const wrong = await sendCode(challenge, wrongCodeFor(secret));
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('MFA_CODE_INVALID');
    // The code that confirmed the enrolment was accepted once already.
    const replayed = await sendCode(challenge, codeAt(secret));
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe('MFA_CODE_USED');

    const next = codeAt(secret, 1);
    const ok = await sendCode(challenge, next);
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(m.id);
    expect((await t.call('GET', '/admin/me', { token: ok.body.accessToken })).status).toBe(200);

    const again = await sendCode(await challengeFor(m.email), next);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('MFA_CODE_USED');
  });

  it('the same code sent five times at once signs in once', async () => {
    const m = await staffMember();
    const { secret } = await enrol(m.token);
    const challenges = [];
    for (let i = 0; i < 5; i++) challenges.push(await challengeFor(m.email));
    const code = codeAt(secret, 1);
    const answers = await Promise.all(challenges.map((c) => sendCode(c, code)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401, 401]);
    expect(answers.filter((a) => a.status === 401).map((a) => a.body.code)).toEqual(
      Array(4).fill('MFA_CODE_USED'),
    );
  });

  it('a recovery code signs in once', async () => {
    const m = await staffMember('owner');
    const { recoveryCodes } = await enrol(m.token);
    const code = recoveryCodes[3]!;
    const ok = await sendCode(await challengeFor(m.email), ` ${code.toUpperCase()} `);
    expect(ok.status).toBe(200);
    const reused = await sendCode(await challengeFor(m.email), code);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('MFA_CODE_USED');
    const made_up = await sendCode(await challengeFor(m.email), 'abcde-fghjk');
    expect(made_up.body.code).toBe('MFA_CODE_INVALID');
    expect((await sendCode(await challengeFor(m.email), recoveryCodes[4]!)).status).toBe(200);
    const status = await t.call('GET', '/admin/me/two-factor', { token: ok.body.accessToken });
    expect(status.body.recoveryCodesLeft).toBe(8);
  });

  it('refuses a challenge token that is forged, of another purpose, or from before a password change', async () => {
    const m = await staffMember();
    const { secret } = await enrol(m.token);
    const challenge = await challengeFor(m.email);
    const forged = await sendCode(`${challenge.slice(0, -4)}AAAA`, codeAt(secret, 1));
    expect(forged.body.code).toBe('MFA_CHALLENGE_INVALID');
    const asAccess = await sendCode(m.token, codeAt(secret, 1));
    expect(asAccess.body.code).toBe('MFA_CHALLENGE_INVALID');
    const changed = await t.call('PATCH', `/admin/staff/${m.id}`, {
      token: t.tokens.owner,
      body: { password: 'a-newer-pass-77' },
    });
    expect(changed.status).toBe(200);
    const stale = await sendCode(challenge, codeAt(secret, 1));
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('MFA_CHALLENGE_INVALID');
  });

  it(`refuses further codes after ${MAX_FAILED_CODES} wrong ones for the account, even a right one`, async () => {
    const m = await staffMember();
    const { secret } = await enrol(m.token);
    const challenge = await challengeFor(m.email);
    for (let i = 0; i < MAX_FAILED_CODES; i++) {
      expect((await sendCode(challenge, wrongCodeFor(secret))).body.code).toBe('MFA_CODE_INVALID');
    }
    const limited = await sendCode(challenge, codeAt(secret, 1));
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });

  it('bad input to the code step is a 400 problem and writes nothing', async () => {
    const m = await staffMember();
    await enrol(m.token);
    const challenge = await challengeFor(m.email);
    const before = await tableCounts(t.store);
    for (const body of [
      { challengeToken: challenge },
      { challengeToken: challenge, code: '12<>34' },
      { code: '123456' },
    ]) {
      const answer = await t.call('POST', '/admin/auth/sign-in/code', { body });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
    const setting = await t.call('PUT', '/admin/settings/security', {
      token: t.tokens.owner,
      body: { twoFactorRequired: 'everyone' },
    });
    expect(setting.status).toBe(400);
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it("an owner's reset of another member's two-factor is audited, and only an owner may do it", async () => {
    const m = await staffMember('warehouse');
    await enrol(m.token);
    const byManager = await t.call('DELETE', `/admin/staff/${m.id}/two-factor`, { token: t.tokens.manager });
    expect(byManager.status).toBe(403);
    await challengeFor(m.email);
    const owner = await t.call('GET', '/admin/me', { token: t.tokens.owner });
    const reset = await t.call('DELETE', `/admin/staff/${m.id}/two-factor`, { token: t.tokens.owner });
    expect(reset.status).toBe(204);
    expect(await auditActions(m.id)).toContain(`staff.two_factor_reset by ${owner.body.id}`);
    expect((await signIn(m.email)).status).toBe(200);
    const [left] = await t.store.rows<{ n: number | string }>(
      sql`select count(*) as n from staff_recovery_codes where staff_id = ${m.id}`,
    );
    expect(Number(left!.n)).toBe(0);
  });

  describe('the shop setting', () => {
    const setRequirement = (twoFactorRequired: string, token = t.tokens.owner) =>
      t.call('PUT', '/admin/settings/security', { token, body: { twoFactorRequired } });
    afterAll(async () => {
      expect((await setRequirement('off')).status).toBe(200);
    });

    it('the typed client starts and confirms an enrolment', async () => {
      const m = await staffMember();
      const client = t.client(m.token).admin.twoFactor;
      const { secret } = await client.start();
      const { recoveryCodes } = await client.confirm({ code: codeAt(secret) });
      expect(recoveryCodes).toHaveLength(10);
      expect(await client.status()).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
      expect(await t.client(t.tokens.owner).admin.twoFactor.settings()).toEqual({ twoFactorRequired: 'off' });
    });

    it('only an owner changes it, and the change is audited', async () => {
      expect((await setRequirement('owners', t.tokens.manager)).status).toBe(403);
      const set = await setRequirement('owners');
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ twoFactorRequired: 'owners' });
      const read = await t.call('GET', '/admin/settings/security', { token: t.tokens.owner });
      expect(read.body.twoFactorRequired).toBe('owners');
      const log = await t.call('GET', '/admin/audit-log?entity=settings&entityId=security', {
        token: t.tokens.owner,
      });
      const [entry] = log.body.items;
      expect(entry.action).toBe('settings.update');
      expect(entry.before).toEqual({ twoFactorRequired: 'off' });
      expect(entry.after).toEqual({ twoFactorRequired: 'owners' });
    });

    it('"owners" makes an owner without two-factor set it up before the first session; a manager is not asked', async () => {
      expect((await setRequirement('off')).status).toBe(200);
      const owner = await staffMember('owner');
      const manager = await staffMember('manager');
      expect((await setRequirement('owners')).status).toBe(200);
      expect((await signIn(manager.email)).status).toBe(200);

      const refused = await signIn(owner.email);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('MFA_ENROLMENT_REQUIRED');
      const challengeToken = refused.body.details.challengeToken as string;
      // The enrolment challenge is not a code challenge.
      expect((await sendCode(challengeToken, '123456')).body.code).toBe('MFA_CHALLENGE_INVALID');
      const started = await t.call('POST', '/admin/auth/two-factor/enrol', { body: { challengeToken } });
      expect(started.status).toBe(200);
      const secret = started.body.secret as string;
      const wrong = await t.call('POST', '/admin/auth/two-factor/enrol/confirm', {
        body: { challengeToken, code: wrongCodeFor(secret) },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('MFA_CODE_INVALID');
      const confirmed = await t.call('POST', '/admin/auth/two-factor/enrol/confirm', {
        body: { challengeToken, code: codeAt(secret) },
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.recoveryCodes).toHaveLength(10);
      expect((await t.call('GET', '/admin/me', { token: confirmed.body.accessToken })).status).toBe(200);
      expect(await auditActions(owner.id)).toContain(`staff.two_factor_enrol by ${owner.id}`);
      // From now on the owner signs in in two steps.
      expect((await signIn(owner.email)).body.code).toBe('MFA_REQUIRED');
    });

    it('"all_staff" asks every member without two-factor, warehouse included', async () => {
      expect((await setRequirement('off')).status).toBe(200);
      const warehouse = await staffMember('warehouse');
      expect((await setRequirement('all_staff')).status).toBe(200);
      const refused = await signIn(warehouse.email);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('MFA_ENROLMENT_REQUIRED');
      const status = await t.call('GET', '/admin/me/two-factor', { token: warehouse.token });
      expect(status.body.required).toBe(true);
    });
  });
});

describe(`the code step's per-IP limit (${testDialect})`, () => {
  let t: TestApp;
  // The harness signs three staff in; ten sign-in calls a minute per IP leaves seven for the test.
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10' });
  });
  afterAll(() => t.close());

  it('counts codes for every account from one IP, so guessing across accounts is limited too', async () => {
    const members = [];
    for (const n of [1, 2]) {
      const email = `ip-limit-${n}@test.shop`;
      const created = await t.call('POST', '/admin/staff', {
        token: t.tokens.owner,
        body: { email, name: `Ip ${n}`, role: 'manager', password: 'ip-limit-pass-1' },
      });
      expect(created.status).toBe(201);
      const session = await t.call('POST', '/admin/auth/sign-in', {
        body: { email, password: 'ip-limit-pass-1' },
      });
      const token = session.body.accessToken as string;
      const started = await t.call('POST', '/admin/me/two-factor', { token });
      const secret = started.body.secret as string;
      await t.call('POST', '/admin/me/two-factor/confirm', {
        token,
        body: { code: generateSync({ secret }) },
      });
      const challenge = await t.call('POST', '/admin/auth/sign-in', {
        body: { email, password: 'ip-limit-pass-1' },
      });
      expect(challenge.body.code).toBe('MFA_REQUIRED');
      members.push({ secret, challengeToken: challenge.body.details.challengeToken as string });
    }
    const [a, b] = members;
    const send = (m: typeof a, code: string) =>
      t.call('POST', '/admin/auth/sign-in/code', { body: { challengeToken: m!.challengeToken, code } });
    // 3 (harness) + 4 (two sign-ins each) = 7 used; three wrong codes make 10.
    expect((await send(a, 'aaaaa-aaaaa')).body.code).toBe('MFA_CODE_INVALID');
    expect((await send(a, 'bbbbb-bbbbb')).body.code).toBe('MFA_CODE_INVALID');
    expect((await send(b, 'ccccc-ccccc')).body.code).toBe('MFA_CODE_INVALID');
    const limited = await send(
      b,
      generateSync({ secret: b!.secret, epoch: Math.floor(Date.now() / 1000) + 30 }),
    );
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});
