/** Roles and permissions in the words the screens use. */
import type { Permission, Role } from '@shoebox/shared';

const roleNames: Record<Role, string> = { owner: 'Owner', manager: 'Manager', warehouse: 'Warehouse' };
export const roleName = (role: Role): string => roleNames[role];

export const permissionWords: Record<Permission, string> = {
  'catalog:read': 'See products and variants',
  'catalog:write': 'Edit products',
  'prices:write': 'Change prices',
  'inventory:read': 'See stock levels and movements',
  'inventory:adjust': 'Adjust stock with a reason',
  'inventory:receive': 'Receive deliveries',
  'inventory:count': 'Count stock',
  'inventory:import': 'Import stock from CSV',
  'orders:read': 'See orders',
  'orders:refund': 'Refund orders and see order money',
  'orders:fulfil': 'Pick, pack and ship orders',
  'returns:manage': 'Receive and inspect returns',
  'labels:print': 'Print labels',
  'staff:manage': 'Manage staff and roles',
  'apikeys:manage': 'Manage API keys',
  'audit:read': 'Read the audit log',
  'reports:read': 'See revenue reports',
  'settings:manage': 'Change shop settings',
  'devices:manage': 'Manage desktop devices',
  'customers:read': 'See customers',
};
