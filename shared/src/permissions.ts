/**
 * Staff authorisation. Code checks named permissions, never roles, so a role can change
 * shape in this one table without hunting for `role === 'manager'` across the codebase.
 */

export const roles = ['owner', 'manager', 'warehouse'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'catalog:read',
  'catalog:write',
  'prices:write',
  'inventory:read',
  'inventory:adjust',
  'inventory:receive',
  'inventory:count',
  'inventory:import',
  'orders:read',
  'orders:refund',
  /** Pick, pack and ship: move orders through fulfillment and create shipments. */
  'orders:fulfil',
  /** Open, receive and inspect returns (refunding one still needs orders:refund). */
  'returns:manage',
  'labels:print',
  'staff:manage',
  /** List this shop's desktop devices and revoke one (a lost laptop). */
  'devices:manage',
  'apikeys:manage',
  'audit:read',
  'reports:read',
  'settings:manage',
  'customers:read',
] as const;
export type Permission = (typeof permissions)[number];

// Managers run the shop but do not control who can access it or read the audit trail of it.
const ownerOnly: ReadonlySet<Permission> = new Set([
  'staff:manage',
  'apikeys:manage',
  'audit:read',
  'settings:manage',
  'devices:manage',
]);

// Warehouse staff handle physical stock: no prices, refunds or revenue reports (domain.md).
const warehousePermissions: readonly Permission[] = [
  'catalog:read',
  'inventory:read',
  'inventory:adjust',
  'inventory:receive',
  'inventory:count',
  'orders:read',
  'orders:fulfil',
  'returns:manage',
  'labels:print',
];

const rolePermissions: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  owner: new Set(permissions),
  manager: new Set(permissions.filter((p) => !ownerOnly.has(p))),
  warehouse: new Set(warehousePermissions),
};

export const isRole = (s: string): s is Role => (roles as readonly string[]).includes(s);

export const isPermission = (s: string): s is Permission => (permissions as readonly string[]).includes(s);

/** The role's permissions, in the order of `permissions`. */
export const permissionsOf = (role: Role): Permission[] =>
  permissions.filter((p) => rolePermissions[role].has(p));

export const roleHas = (role: Role, permission: Permission): boolean => rolePermissions[role].has(permission);
