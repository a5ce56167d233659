/** The settings handlers over the fake API: what they ask, what they answer, offline in words. */
import { describe, expect, it } from 'vitest';
import { adminBench } from '../test-support/admin-bench.ts';
import type { HandlerContext } from './context.ts';
import { settingsHandlers } from './settings.ts';

const MARTA = '0193a1b2-0000-7000-8000-0000000000a1';
const WIM = '0193a1b2-0000-7000-8000-0000000000a2';
const person = (id: string, name: string) => ({
  id,
  email: `${name.toLowerCase()}@shop.test`,
  name,
  role: 'manager',
  active: true,
  createdAt: '2026-12-01T08:00:00.000Z',
});
const attempt = (at: string, step: string, succeeded: boolean) => ({
  id: at,
  at,
  ip: '10.0.0.1',
  userAgent: 'test',
  step,
  succeeded,
  reason: succeeded ? null : 'wrong_code',
});
const page = (items: unknown[]) => ({ json: { items, page: 1, pageSize: 5, total: items.length } });

const bench = () =>
  adminBench((api) => settingsHandlers({ server: { admin: api.admin } } as unknown as HandlerContext));

describe('settings handlers', () => {
  it('lists staff with the last successful sign-in and the step that completed it', async () => {
    const b = bench();
    b.as('owner');
    b.api.on('GET', '/admin/staff', { json: [person(MARTA, 'Marta'), person(WIM, 'Wim')] });
    b.api.on(
      'GET',
      `/admin/staff/${MARTA}/sign-ins`,
      page([
        attempt('2026-12-02T08:41:00.000Z', 'code', false),
        attempt('2026-12-02T08:40:00.000Z', 'code', true),
        attempt('2026-12-02T08:39:00.000Z', 'password', true),
      ]),
    );
    b.api.on('GET', `/admin/staff/${WIM}/sign-ins`, page([]));
    const { items } = await b.value('staff.list');
    expect(items.map((p) => [p.name, p.lastSignInAt, p.lastSignInStep])).toEqual([
      ['Marta', '2026-12-02T08:40:00.000Z', 'code'],
      ['Wim', null, null],
    ]);
  });

  it('changes a role with the id in the path and the change in the body', async () => {
    const b = bench();
    b.as('owner');
    b.api.on('PATCH', `/admin/staff/${MARTA}`, { json: person(MARTA, 'Marta') });
    await b.value('staff.update', { id: MARTA, role: 'warehouse' });
    expect(b.api.requests[0]).toEqual({
      method: 'PATCH',
      path: `/admin/staff/${MARTA}`,
      body: { role: 'warehouse' },
    });
  });

  it('revokes a device and resets two-factor through their routes', async () => {
    const b = bench();
    b.as('owner');
    const device = '01938c5e-0000-7000-8000-000000000001';
    b.api.on('POST', `/admin/devices/${device}/revoke`, {
      json: {
        id: device,
        name: 'Laptop',
        mode: 'electron',
        appVersion: '0.1.0',
        staffId: MARTA,
        createdAt: '2026-12-01T08:00:00.000Z',
        lastSeenAt: null,
        revokedAt: '2026-12-02T08:00:00.000Z',
      },
    });
    b.api.on('DELETE', `/admin/staff/${MARTA}/two-factor`, { status: 204 });
    expect((await b.value('devices.revoke', { id: device })).revokedAt).not.toBeNull();
    expect(await b.value('staff.resetTwoFactor', { id: MARTA })).toBeNull();
    expect(b.api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /admin/devices/${device}/revoke`,
      `DELETE /admin/staff/${MARTA}/two-factor`,
    ]);
  });

  it('passes the audit filters to the API as its query', async () => {
    const b = bench();
    b.as('owner');
    b.api.on('GET', '/admin/audit-log', page([]));
    await b.value('audit.list', { entity: 'order', actorId: MARTA, page: 2 });
    expect(b.api.requests[0]?.path).toBe(`/admin/audit-log?entity=order&actorId=${MARTA}&page=2&pageSize=50`);
  });

  it('keeps owner-only settings from managers, and lets anyone read their own two-factor', async () => {
    const b = bench();
    b.as('manager');
    expect((await b.refusal('staff.list')).code).toBe('IPC_PERMISSION_DENIED');
    expect((await b.refusal('devices.list')).code).toBe('IPC_PERMISSION_DENIED');
    expect((await b.refusal('apiKeys.create', { name: 'x', permissions: ['orders:read'] })).code).toBe(
      'IPC_PERMISSION_DENIED',
    );
    b.api.on('GET', '/admin/me/two-factor', {
      json: { enrolled: false, recoveryCodesLeft: 0, required: true },
    });
    expect(await b.value('me.twoFactor')).toEqual({ enrolled: false, recoveryCodesLeft: 0, required: true });
  });

  it('says offline which work needs a connection, asking nothing', async () => {
    const b = bench();
    b.as('owner');
    b.api.state.online = false;
    expect((await b.refusal('devices.list')).message).toMatch(/^Managing devices needs a connection/);
    expect((await b.refusal('me.twoFactorStart')).message).toMatch(
      /^Setting up two-factor sign-in needs a connection/,
    );
    b.api.state.online = true;
    b.api.state.token = false;
    expect((await b.refusal('audit.list', {})).code).toBe('API_UNREACHABLE');
    expect(b.api.requests).toHaveLength(0);
  });
});
