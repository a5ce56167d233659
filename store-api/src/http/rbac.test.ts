import { type Permission, type Role, roleHas } from '@shoebox/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSigner } from '../modules/auth/index.ts';
import { startTestApp, type TestApp, testDialect } from '../test-support/harness.ts';
import type { RouteSpec } from './route.ts';

/**
 * Every staff route x every role, plus no token, an expired token and a tampered token.
 * Path params get a random UUID and bodies are `{}`, so an allowed call stops at validation or
 * "not found" and writes nothing; what matters here is that auth let it through or refused it.
 */
describe(`RBAC matrix over every admin route (${testDialect})`, () => {
  let t: TestApp;
  let expired: string;
  let tampered: string;
  beforeAll(async () => {
    t = await startTestApp();
    const signer = createTokenSigner(t.config.jwtSecret, 900);
    const me = await t.call('GET', '/admin/me', { token: t.tokens.owner });
    expired = (
      await signer.sign({ aud: 'staff', sub: me.body.id, role: 'owner', sid: 'x' }, Date.now() - 3_600_000)
    ).token;
    const [h, p, s] = t.tokens.owner.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    tampered = [
      h,
      Buffer.from(JSON.stringify({ ...payload, role: 'owner', sub: 'someone-else' })).toString('base64url'),
      s,
    ].join('.');
  });
  afterAll(() => t.close());

  const staffRoutes = () => t.routes.filter((r) => r.access !== 'public' && r.access !== 'customer');
  const urlOf = (r: RouteSpec) => r.path.replace(/:(\w+)/g, (_m, name: string) => sampleParam(name));
  const send = (r: RouteSpec, token?: string) =>
    t.call(r.method.toUpperCase(), urlOf(r), {
      token,
      ...(r.method === 'get' || r.method === 'delete' ? {} : bodyFor(r)),
    });
  /** A route that ends the caller's sessions everywhere runs as a throwaway account of the role. */
  const tokenFor = async (r: RouteSpec, role: Role) => {
    if (!r.path.endsWith('/sign-out-everywhere')) return t.tokens[role];
    const email = `${role}-${Math.random().toString(36).slice(2)}@test.shop`;
    await t.call('POST', '/admin/staff', {
      token: t.tokens.owner,
      body: { email, name: 'Throwaway', role, password: 'throwaway-pass-1' },
    });
    const res = await t.call('POST', '/admin/auth/sign-in', {
      body: { email, password: 'throwaway-pass-1' },
    });
    return res.body.accessToken as string;
  };

  it('covers the admin surface', () => {
    expect(staffRoutes().length).toBeGreaterThanOrEqual(8);
    // /sync is the desktops' surface: staff sign-in plus a device credential (modules/sync).
    for (const r of staffRoutes())
      expect(r.path.startsWith('/admin/') || r.path.startsWith('/sync/')).toBe(true);
  });

  it('refuses every staff route without a token (401)', async () => {
    for (const r of staffRoutes()) {
      const res = await send(r);
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(res.body.code).toBe('SIGN_IN_REQUIRED');
    }
  });

  it('refuses an expired token (401 TOKEN_EXPIRED) and a tampered one (401 TOKEN_INVALID)', async () => {
    for (const r of staffRoutes()) {
      expect((await send(r, expired)).body.code, `${r.method} ${r.path}`).toBe('TOKEN_EXPIRED');
      expect((await send(r, tampered)).body.code, `${r.method} ${r.path}`).toBe('TOKEN_INVALID');
    }
  });

  for (const role of ['owner', 'manager', 'warehouse'] as const) {
    it(`lets ${role} through exactly the routes its permissions allow`, async () => {
      const mismatches: string[] = [];
      for (const r of staffRoutes()) {
        const res = await send(r, await tokenFor(r, role));
        const allowed = isAllowed(role, r);
        // Past the role check, a /sync route asks for the device credential next (devices.test.ts).
        const deviceCheck = res.status === 401 && res.body?.code === 'DEVICE_CREDENTIAL_INVALID';
        const ok = allowed
          ? (res.status !== 401 || deviceCheck) && res.status !== 403 && res.status < 500
          : res.status === 403;
        if (!ok)
          mismatches.push(
            `${r.method} ${r.path}: ${res.status} ${res.body?.code ?? ''} (allowed=${allowed})`,
          );
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('answers 2xx to an allowed list route', async () => {
    const lists = staffRoutes().filter(
      (r) =>
        r.method === 'get' &&
        !r.path.includes(':') &&
        !r.headers && // a /sync route also needs a device credential (tested in modules/sync)
        (r.query?.safeParse({}).success ?? true),
    );
    for (const r of lists) {
      const role = (['warehouse', 'manager', 'owner'] as const).find((x) => isAllowed(x, r))!;
      const res = await send(r, t.tokens[role]);
      expect(res.status, `${r.method} ${r.path} as ${role}`).toBeLessThan(300);
    }
  });

  it('refuses customers on staff routes (403 STAFF_ONLY)', async () => {
    const reg = await t.call('POST', '/store/auth/register', {
      body: { email: 'rbac@example.com', password: 'shopper-pass-1', name: 'R' },
    });
    for (const r of staffRoutes()) {
      const res = await send(r, reg.body.accessToken);
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
    }
  });
});

function isAllowed(role: Role, r: RouteSpec): boolean {
  return r.access === 'staff' || roleHas(role, r.access as Permission);
}

function sampleParam(name: string): string {
  if (name === 'file') return '320.webp';
  if (name === 'slug') return 'no-such-slug';
  return '0190a000-0000-7000-8000-000000000000';
}

function bodyFor(r: RouteSpec): { body?: unknown; rawBody?: string; headers?: Record<string, string> } {
  if (r.bodyKind === 'csv') return { rawBody: 'not,a,valid\n', headers: { 'content-type': 'text/csv' } };
  if (r.bodyKind === 'raw')
    return { rawBody: 'not an image', headers: { 'content-type': 'application/octet-stream' } };
  return r.body ? { body: {} } : {};
}
