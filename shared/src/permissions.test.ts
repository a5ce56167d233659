import { describe, expect, it } from 'vitest';
import {
  isPermission,
  isRole,
  type Permission,
  permissions,
  permissionsOf,
  roleHas,
  roles,
} from './permissions.ts';

describe('owner', () => {
  it('has every permission', () => {
    expect(permissionsOf('owner')).toEqual([...permissions]);
    for (const p of permissions) expect(roleHas('owner', p)).toBe(true);
  });
});

describe('manager', () => {
  it('has everything except staff, API keys, audit and settings', () => {
    const withheld: Permission[] = [
      'staff:manage',
      'apikeys:manage',
      'audit:read',
      'settings:manage',
      'devices:manage',
    ];
    for (const p of permissions) expect(roleHas('manager', p)).toBe(!withheld.includes(p));
  });

  it('can change prices, refund and read reports', () => {
    expect(roleHas('manager', 'prices:write')).toBe(true);
    expect(roleHas('manager', 'orders:refund')).toBe(true);
    expect(roleHas('manager', 'reports:read')).toBe(true);
  });
});

describe('warehouse', () => {
  it('has exactly the stock-handling permissions', () => {
    expect(permissionsOf('warehouse')).toEqual([
      'catalog:read',
      'inventory:read',
      'inventory:adjust',
      'inventory:receive',
      'inventory:count',
      'orders:read',
      'orders:fulfil',
      'returns:manage',
      'labels:print',
    ]);
  });

  it.each([
    'prices:write',
    'orders:refund',
    'reports:read',
    'catalog:write',
    'inventory:import',
    'customers:read',
    'staff:manage',
    'devices:manage',
  ] as const)('cannot %s', (permission) => {
    expect(roleHas('warehouse', permission)).toBe(false);
  });
});

describe('roles and permissions', () => {
  it('give each lower role a subset of the one above', () => {
    for (const p of permissionsOf('warehouse')) expect(roleHas('manager', p)).toBe(true);
    for (const p of permissionsOf('manager')) expect(roleHas('owner', p)).toBe(true);
  });

  it('recognise their own names only', () => {
    expect(roles.every(isRole)).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(permissions.every(isPermission)).toBe(true);
    expect(isPermission('orders:delete')).toBe(false);
  });

  it('return a copy that callers cannot use to grant permissions', () => {
    permissionsOf('warehouse').push('prices:write');
    expect(roleHas('warehouse', 'prices:write')).toBe(false);
  });
});
