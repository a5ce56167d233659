import type { Store } from './db/client.ts';
import type { RouteSpec } from './http/route.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import type { Services } from './services.ts';

/** The whole route table: mounted by the app, enumerated by the RBAC and OpenAPI tests. */
export function allRoutes(store: Store, services: Services): RouteSpec[] {
  return [...authRoutes(services.auth), ...staffRoutes(services.staff), ...auditRoutes(store)];
}
