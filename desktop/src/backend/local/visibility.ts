import { type Role, roleHas } from '@shoebox/shared';

/**
 * What the signed-in role may see, applied to every answer even though the server already hides
 * fields per device: the mirror holds the view of whoever pulled it, and another person may be
 * signed in now (a warehouse worker on the manager's laptop must still see no money).
 */
export interface Visibility {
  /** Prices, totals, refunds (shared's rule for the admin surface: `orders:refund`). */
  money: boolean;
  /** Customer email (warehouse staff see only the shipping address of orders to ship). */
  contact: boolean;
}

export const visibilityOf = (role: Role): Visibility => ({
  money: roleHas(role, 'orders:refund'),
  contact: roleHas(role, 'customers:read'),
});

export const iso = (ms: number): string => new Date(ms).toISOString();
