/**
 * The fake backend's settings: a few staff with sign-in histories, desktops, API keys, an audit
 * log, locations with bins, and the signed-in person's two-factor. Deterministic, for tests and
 * screenshots; everything refuses with API_UNREACHABLE while the fake shop is offline.
 */
import { DomainError, type Role } from '@shoebox/shared';
import type { DeviceListEntry } from '@shoebox/shared/contracts';
import type { Handlers, ResultOf, Session, StaffRow } from '../../ipc/index.ts';
import { requireServer } from './fake-admin.ts';
import { fakeId, locations } from './fake-data.ts';
import type { FakeShop } from './fake-shop.ts';

type SignIn = ResultOf<'staff.signIns'>['items'][number];
type ApiKeyRow = ResultOf<'apiKeys.list'>['items'][number];
type AuditRow = ResultOf<'audit.list'>['items'][number];
type Bin = ResultOf<'locations.bins'>['items'][number];

const at = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 11, day, hour, minute)).toISOString();
const UA = 'Shoebox desktop 0.1.0 (Linux)';

export interface FakeSettings {
  staff: StaffRow[];
  signIns: Map<string, SignIn[]>;
  devices: DeviceListEntry[];
  apiKeys: ApiKeyRow[];
  audit: AuditRow[];
  bins: Bin[];
  /** A copy of the fake shop's locations, so adding one here leaves the other fakes alone. */
  locations: ResultOf<'locations.list'>['items'];
  /** Emails of people with two-factor on; the code that confirms an enrolment. */
  twoFactorOn: Set<string>;
}

const person = (
  n: number,
  name: string,
  email: string,
  role: Role,
  last: string | null,
  step: StaffRow['lastSignInStep'],
): StaffRow => ({
  id: fakeId(20, n),
  email,
  name,
  role,
  active: true,
  createdAt: at(1, 8),
  lastSignInAt: last,
  lastSignInStep: step,
});

export function createFakeSettings(): FakeSettings {
  const staff = [
    person(1, 'Olivia Owner', 'owner@shoebox.test', 'owner', at(2, 8, 1), 'code'),
    person(2, 'Marta Manager', 'manager@shoebox.test', 'manager', at(2, 8, 40), 'password'),
    person(3, 'Wim Warehouse', 'warehouse@shoebox.test', 'warehouse', at(2, 7, 55), 'password'),
    {
      ...person(4, 'Tiago Temp', 'tiago@shoebox.test', 'warehouse', at(20, 16, 5), 'password'),
      active: false,
      lastSignInAt: '2026-11-20T16:05:00.000Z',
    },
    person(5, 'Sara Secure', 'secure@shoebox.test', 'owner', null, null),
  ];
  const signIns = new Map<string, SignIn[]>([
    [
      fakeId(20, 2),
      [
        {
          id: 's3',
          at: at(2, 8, 40),
          ip: '10.0.0.12',
          userAgent: UA,
          step: 'password',
          succeeded: true,
          reason: null,
        },
        {
          id: 's2',
          at: at(2, 8, 39),
          ip: '10.0.0.12',
          userAgent: UA,
          step: 'password',
          succeeded: false,
          reason: 'wrong_password',
        },
        {
          id: 's1',
          at: at(1, 8, 30),
          ip: '10.0.0.12',
          userAgent: UA,
          step: 'password',
          succeeded: true,
          reason: null,
        },
      ],
    ],
  ]);
  const device = (
    n: number,
    name: string,
    staffIndex: number,
    seen: string,
    revoked: string | null = null,
  ): DeviceListEntry => {
    const s = staff[staffIndex]!;
    return {
      id: `01938c5e-0000-7000-8000-${String(n).padStart(12, '0')}`,
      name,
      mode: n === 3 ? 'browser' : 'electron',
      appVersion: '0.1.0',
      staffId: s.id,
      createdAt: at(1, 8),
      lastSeenAt: seen,
      revokedAt: revoked,
      staff: { id: s.id, name: s.name, email: s.email },
    };
  };
  return {
    staff,
    signIns,
    devices: [
      device(1, 'Pack bench', 2, at(2, 9, 28)),
      device(2, 'Office laptop', 0, at(2, 9, 12)),
      device(3, 'Marta at home', 1, at(1, 21, 4)),
      device(4, 'Old till PC', 0, at(18, 17), at(25, 10)),
    ],
    apiKeys: [
      {
        id: fakeId(21, 1),
        name: 'Accounting export',
        prefix: 'sbk_7Hq2',
        permissions: ['orders:read', 'reports:read'],
        createdAt: at(1, 9),
        lastUsedAt: at(2, 6),
        revokedAt: null,
      },
    ],
    audit: Array.from({ length: 64 }, (_, i) => auditEntry(i, staff)),
    bins: ['A-01', 'A-02', 'A-03', 'B-01', 'B-02'].map((code, i) => ({
      id: fakeId(22, i + 1),
      locationId: locations[0]!.id,
      code,
      createdAt: at(1, 8),
    })),
    locations: locations.map((l) => ({ ...l, createdAt: at(1, 8) })),
    twoFactorOn: new Set(['owner@shoebox.test', 'secure@shoebox.test']),
  };
}

const auditKinds = [
  { action: 'order.refund', entity: 'order', before: { refundedMinor: 0 }, after: { refundedMinor: 8995 } },
  { action: 'staff.update', entity: 'staff', before: { role: 'warehouse' }, after: { role: 'manager' } },
  { action: 'variant.update', entity: 'variant', before: { priceMinor: 11995 }, after: { priceMinor: 9995 } },
  {
    action: 'device.revoke',
    entity: 'device',
    before: { revokedAt: null },
    after: { revokedAt: '2026-11-25T10:00:00.000Z' },
  },
  {
    action: 'stock_location.create',
    entity: 'stock_location',
    before: null,
    after: { code: 'SHOP', name: 'Shop floor' },
  },
] as const;

function auditEntry(i: number, staff: StaffRow[]): AuditRow {
  const kind = auditKinds[i % auditKinds.length]!;
  const actor = staff[i % 2]!;
  return {
    id: fakeId(23, i + 1),
    actorType: 'staff',
    actorId: actor.id,
    action: kind.action,
    entity: kind.entity,
    entityId: fakeId(24, (i % 7) + 1),
    before: kind.before,
    after: kind.after,
    requestId: `req-${i}`,
    createdAt: new Date(Date.UTC(2026, 11, 2, 9, 30) - i * 3_700_000).toISOString(),
  };
}

export const FAKE_TOTP_CODE = '135790';

export function settingsHandlers(
  shop: FakeShop,
  settings: FakeSettings,
  session: () => Session | null,
): Partial<Handlers> {
  const online = (what: string) => requireServer(shop, what);
  const read = <T>(what: string, value: () => T): T => {
    online(what);
    return value();
  };
  const findStaff = (id: string) => {
    const s = settings.staff.find((p) => p.id === id);
    if (!s) throw new DomainError('not_found', 'STAFF_NOT_FOUND', 'There is no such staff member.');
    return s;
  };
  const write = (name: string, args: unknown) => shop.writes.push({ name, args });
  const plain = ({ lastSignInAt: _a, lastSignInStep: _b, ...s }: StaffRow) => s;
  return {
    'staff.list': async () =>
      read('Managing staff', () => ({ items: settings.staff.map((x) => ({ ...x })) })),
    'staff.create': async (body) => {
      online('Managing staff');
      write('staff.create', body);
      if (settings.staff.some((s) => s.email === body.email.toLowerCase()))
        throw new DomainError('conflict', 'EMAIL_TAKEN', 'Someone already signs in with that email.');
      const made = person(
        settings.staff.length + 1,
        body.name,
        body.email.toLowerCase(),
        body.role,
        null,
        null,
      );
      settings.staff.push(made);
      return plain(made);
    },
    'staff.update': async ({ id, ...change }) => {
      online('Managing staff');
      write('staff.update', { id, ...change });
      const s = findStaff(id);
      Object.assign(
        s,
        change.role ? { role: change.role } : {},
        change.active === undefined ? {} : { active: change.active },
      );
      return plain(s);
    },
    'staff.signIns': async ({ id, page, pageSize }) => {
      online('Managing staff');
      const all = settings.signIns.get(id) ?? [];
      return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length };
    },
    'staff.resetTwoFactor': async ({ id }) => {
      online('Managing staff');
      write('staff.resetTwoFactor', { id });
      settings.twoFactorOn.delete(findStaff(id).email);
      return null;
    },
    'devices.list': async () =>
      read('Managing devices', () => ({ items: settings.devices.map((x) => ({ ...x })) })),
    'devices.revoke': async ({ id }) => {
      online('Revoking a device');
      write('devices.revoke', { id });
      const d = settings.devices.find((x) => x.id === id);
      if (!d) throw new DomainError('not_found', 'DEVICE_NOT_FOUND', 'There is no such device.');
      d.revokedAt = new Date().toISOString();
      const { staff: _s, ...device } = d;
      return device;
    },
    'apiKeys.list': async () =>
      read('Managing API keys', () => ({ items: settings.apiKeys.map((x) => ({ ...x })) })),
    'apiKeys.create': async (body) => {
      online('Managing API keys');
      write('apiKeys.create', body);
      const n = settings.apiKeys.length + 1;
      const key = {
        id: fakeId(21, n),
        name: body.name,
        prefix: `sbk_k${n}xy`,
        permissions: body.permissions,
        createdAt: new Date().toISOString(),
        lastUsedAt: null,
        revokedAt: null,
      };
      settings.apiKeys.push(key);
      return { ...key, key: `sbk_k${n}xy_9f8e7d6c5b4a3210fedcba9876543210` };
    },
    'apiKeys.revoke': async ({ id }) => {
      online('Managing API keys');
      write('apiKeys.revoke', { id });
      const k = settings.apiKeys.find((x) => x.id === id);
      if (k) k.revokedAt = new Date().toISOString();
      return null;
    },
    'audit.list': async (q) => {
      online('The audit log');
      const all = settings.audit.filter(
        (e) =>
          (!q.entity || e.entity === q.entity) &&
          (!q.entityId || e.entityId === q.entityId) &&
          (!q.actorId || e.actorId === q.actorId),
      );
      return {
        items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
        page: q.page,
        pageSize: q.pageSize,
        total: all.length,
      };
    },
    'locations.list': async () =>
      read('Managing stock locations', () => ({
        items: locations.map((l) => ({ ...l, createdAt: at(1, 8) })),
      })),
    'locations.create': async (body) => {
      online('Managing stock locations');
      write('locations.create', body);
      const made = {
        id: fakeId(1, settings.locations.length + 1),
        code: body.code,
        name: body.name,
        createdAt: new Date().toISOString(),
      };
      settings.locations.push(made);
      return made;
    },
    'locations.bins': async ({ locationId }) =>
      read('Managing stock locations', () => ({
        items: settings.bins.filter((b) => b.locationId === locationId),
      })),
    'locations.createBin': async ({ locationId, code }) => {
      online('Managing stock locations');
      write('locations.createBin', { locationId, code });
      if (settings.bins.some((b) => b.locationId === locationId && b.code === code))
        throw new DomainError('conflict', 'BIN_CODE_TAKEN', `There is a bin ${code} here already.`);
      const bin = {
        id: fakeId(22, settings.bins.length + 1),
        locationId,
        code,
        createdAt: new Date().toISOString(),
      };
      settings.bins.push(bin);
      return bin;
    },
    'me.twoFactor': async () => {
      online('Setting up two-factor sign-in');
      const me = session();
      const on = me ? settings.twoFactorOn.has(me.user.email) : false;
      return { enrolled: on, recoveryCodesLeft: on ? 9 : 0, required: false };
    },
    'me.twoFactorStart': async () => {
      online('Setting up two-factor sign-in');
      return {
        otpauthUri: 'otpauth://totp/Shoebox:me?secret=JBSWY3DPEHPK3PXP&issuer=Shoebox',
        qrCodeDataUrl: FAKE_QR,
        secret: 'JBSWY3DPEHPK3PXP',
      };
    },
    'me.twoFactorConfirm': async ({ code }) => {
      online('Setting up two-factor sign-in');
      if (code !== FAKE_TOTP_CODE)
        throw new DomainError(
          'unauthenticated',
          'MFA_CODE_INVALID',
          'That code is not right; check the app and try again.',
        );
      const me = session();
      if (me) settings.twoFactorOn.add(me.user.email);
      return {
        recoveryCodes: Array.from(
          { length: 10 },
          (_, i) => `K7QM-${(23_456 + i * 1111).toString(36).toUpperCase()}X`,
        ),
      };
    },
  };
}

/** A small QR-like picture (a data: URL SVG), so the screenshot shows where the code goes. */
const FAKE_QR = `data:image/svg+xml;utf8,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21" shape-rendering="crispEdges"><rect width="21" height="21" fill="#fff"/>${Array.from(
    { length: 21 * 21 },
    (_, i) => {
      const x = i % 21;
      const y = Math.floor(i / 21);
      const finder = (a: number, b: number) =>
        x >= a &&
        x < a + 7 &&
        y >= b &&
        y < b + 7 &&
        (x === a ||
          x === a + 6 ||
          y === b ||
          y === b + 6 ||
          (x >= a + 2 && x <= a + 4 && y >= b + 2 && y <= b + 4));
      const inFinder = (x < 8 && y < 8) || (x > 12 && y < 8) || (x < 8 && y > 12);
      const on = inFinder
        ? finder(0, 0) || finder(14, 0) || finder(0, 14)
        : (x * 7 + y * 13 + x * y) % 3 === 0;
      return on ? `<rect x="${x}" y="${y}" width="1" height="1"/>` : '';
    },
  ).join('')}</svg>`,
)}`;
