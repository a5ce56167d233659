import { forbidden, type Permission, roleHas, unauthenticated } from '@shoebox/shared';
import type { Actor } from '../lib/request-context.ts';
import type { Access } from './route.ts';

/** Throws 401/403 unless `actor` may use a route declared with `access`. */
export function authorize(actor: Actor, access: Access): void {
  if (access === 'public') return;
  if (access === 'customer') {
    if (actor.type !== 'customer')
      throw unauthenticated('CUSTOMER_SIGN_IN_REQUIRED', 'Sign in to your account first.');
    return;
  }
  if (actor.type === 'anonymous') throw unauthenticated('SIGN_IN_REQUIRED', 'Staff sign-in required.');
  if (actor.type === 'customer') throw forbidden('STAFF_ONLY', 'This route is for shop staff only.');
  if (access === 'staff') return;
  if (!actorHas(actor, access)) {
    throw forbidden('PERMISSION_DENIED', `Your role does not allow ${access}.`);
  }
}

export function actorHas(actor: Actor, permission: Permission): boolean {
  if (actor.type === 'staff') return roleHas(actor.role, permission);
  if (actor.type === 'api_key') return actor.permissions.includes(permission);
  return false;
}
