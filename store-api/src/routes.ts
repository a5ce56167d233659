import type { Store } from './db/client.ts';
import type { RouteSpec } from './http/route.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { authRoutes } from './modules/auth/index.ts';
import { passwordsRoutes } from './modules/auth/index.ts';
import { staffRoutes } from './modules/staff/index.ts';
import { inventoryRoutes } from './modules/inventory/index.ts';
import { imagesRoutes } from './modules/catalog/index.ts';
import { catalogRoutes } from './modules/catalog/index.ts';
import { productFeedRoutes, storeCatalogRoutes } from './modules/storefront-catalog/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { ordersRoutes } from './modules/orders/index.ts';
import { cartRoutes } from './modules/cart/index.ts';
import { couponsRoutes } from './modules/coupons/index.ts';
import { checkoutRoutes } from './modules/checkout/index.ts';
import { staffSignInRoutes } from './modules/auth/index.ts';
import { fulfillmentRoutes } from './modules/fulfillment/index.ts';
import { shippingRoutes, trackingStoreRoutes } from './modules/shipping/index.ts';
import { returnsRoutes } from './modules/returns/index.ts';
import { syncRoutes } from './modules/sync/index.ts';
import type { Services } from './services.ts';
import { accountRoutes, adminCustomersRoutes } from './modules/account/index.ts';
import { eraseCustomer } from './flows/erase-customer.flow.ts';
import { reviewsRoutes } from './modules/reviews/index.ts';
import { backInStockRoutes } from './modules/back-in-stock/index.ts';

/** The whole route table: mounted by the app, enumerated by the RBAC and OpenAPI tests. */
export function allRoutes(store: Store, services: Services): RouteSpec[] {
  return [
    ...staffSignInRoutes({ store, signIn: services.staffSignIn, twoFactor: services.twoFactor }),
    ...authRoutes(services.auth),
    ...passwordsRoutes(services.passwords),
    ...staffRoutes(services.staff),
    ...auditRoutes(store),
    ...inventoryRoutes(services.inventory),
    ...imagesRoutes(services.images),
    ...catalogRoutes(services.catalog),
    ...storeCatalogRoutes(services.storeCatalog),
    ...productFeedRoutes(services.storeCatalog),
    ...notificationsRoutes(services.notifications),
    ...ordersRoutes(services),
    ...cartRoutes(services.cart),
    ...couponsRoutes(services.coupons),
    ...checkoutRoutes(services),
    ...accountRoutes({
      account: services.account,
      erase: (ctx, password) =>
        eraseCustomer(
          { store, account: services.account, accountChanged: (id) => services.auth.accountChanged(id) },
          ctx,
          password,
        ),
    }),
    ...adminCustomersRoutes(services.customers),

    ...fulfillmentRoutes(services.fulfillment),
    ...shippingRoutes(services.shipping, services.shipments),
    ...trackingStoreRoutes(services.parcelTracking),
    ...returnsRoutes(services.returns, { store, payments: services.payments }),
    ...syncRoutes(services.sync),
    ...reviewsRoutes(services.reviews),
    ...backInStockRoutes(services.backInStock),
  ];
}
