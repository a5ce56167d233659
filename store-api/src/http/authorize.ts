import { type Permission, roleHas } from '@shoebox/shared';
import type { Actor } from '../lib/request-context.ts';
import type { Access } from './route.ts';
import { httpErrors } from './http.errors.ts';

/** Throws 401/403 unless `actor` may use a route declared with `access`. */
export function authorize(actor: Actor, access: Access): void {
  if (access === 'public') return;
  if (access === 'customer') {
    if (actor.type !== 'customer') throw httpErrors.customerSignInRequired();
    return;
  }
  if (actor.type === 'anonymous') throw httpErrors.signInRequired();
  if (actor.type === 'customer') throw httpErrors.staffOnly();
  if (access === 'staff') return;
  if (!actorHas(actor, access)) {
    throw httpErrors.permissionDenied(access);
  }
}

export function actorHas(actor: Actor, permission: Permission): boolean {
  if (actor.type === 'staff') return roleHas(actor.role, permission);
  if (actor.type === 'api_key') return actor.permissions.includes(permission);
  return false;
}
