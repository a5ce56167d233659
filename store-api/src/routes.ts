import type { Store } from './db/client.ts';
import type { RouteSpec } from './http/route.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { passwordsRoutes } from './modules/auth/passwords.routes.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import { inventoryRoutes } from './modules/inventory/inventory.routes.ts';
import { imagesRoutes } from './modules/catalog/images.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { storeCatalogRoutes } from './modules/storefront-catalog/store-catalog.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { ordersRoutes } from './modules/orders/orders.routes.ts';
import { cartRoutes } from './modules/cart/cart.routes.ts';
import { couponsRoutes } from './modules/coupons/coupons.routes.ts';
import { paymentsRoutes } from './modules/payments/payments.routes.ts';
import { syncRoutes } from './modules/sync/sync.routes.ts';
import type { Services } from './services.ts';

/** The whole route table: mounted by the app, enumerated by the RBAC and OpenAPI tests. */
export function allRoutes(store: Store, services: Services): RouteSpec[] {
  return [
    ...authRoutes(services.auth),
    ...passwordsRoutes(services.passwords),
    ...staffRoutes(services.staff),
    ...auditRoutes(store),
    ...inventoryRoutes(services.inventory),
    ...imagesRoutes(services.images),
    ...catalogRoutes(services.catalog),
    ...storeCatalogRoutes(services.storeCatalog),
    ...notificationsRoutes(services.notifications),
    ...ordersRoutes(services),
    ...cartRoutes(services.cart),
    ...couponsRoutes(services.coupons),
    ...paymentsRoutes(services),
    ...syncRoutes(services.sync),
  ];
}
