import type { Config } from './config/env.ts';
import type { Store } from './db/client.ts';
import { createPaymentProvider } from './integrations/payments/index.ts';
import { createAuthService } from './modules/auth/index.ts';
import { createTokenSigner } from './modules/auth/index.ts';
import { createPasswordsService } from './modules/auth/index.ts';
import { createStaffService } from './modules/staff/index.ts';
import { createInventoryService } from './modules/inventory/index.ts';
import { createImagesService } from './modules/catalog/index.ts';
import { createCatalogService } from './modules/catalog/index.ts';
import { createStoreCatalogService } from './modules/storefront-catalog/index.ts';
import { createNotificationsService } from './modules/notifications/index.ts';
import { createOrdersService } from './modules/orders/index.ts';
import { createCartService } from './modules/cart/index.ts';
import { createCouponsService } from './modules/coupons/index.ts';
import { createStaffSignIn } from './modules/auth/index.ts';
import { createTwoFactorService } from './modules/auth/index.ts';
import { createCheckoutService } from './flows/deps.ts';
import { createAccountService, createAdminCustomersService } from './modules/account/index.ts';
import { findCustomerById } from './modules/auth/index.ts';
import { iso } from './lib/time.ts';

import type { ShipmentDeps } from './flows/shipment.flow.ts';
import { createSyncFulfillmentWriter } from './flows/sync-fulfillment.flow.ts';
import { type Carriers, createHouseCarrier, createParcelHubCarrier } from './integrations/carriers/index.ts';
import { systemContext } from './lib/request-context.ts';
import { createFulfillmentService } from './modules/fulfillment/index.ts';
import { createParcelTracking, createShippingService } from './modules/shipping/index.ts';
import { createReturnsService } from './modules/returns/index.ts';
import { createSyncService } from './modules/sync/index.ts';
import { createReviewsService } from './modules/reviews/index.ts';
import { createBackInStockService } from './modules/back-in-stock/index.ts';
import { onRestock } from './modules/inventory/index.ts';

/** Wires services once per app; routes receive only the services they use. */
export function createServices(store: Store, config: Config) {
  const signer = createTokenSigner(config.jwtSecret, config.accessTokenTtlSeconds);
  const auth = createAuthService({ store, signer, refreshTtlDays: config.refreshTokenTtlDays });
  const staff = createStaffService(store, auth);
  const passwords = createPasswordsService({
    store,
    auth,
    jwtSecret: config.jwtSecret,
    resetTtlMinutes: config.passwordResetTtlMinutes,
    storeResetUrl: `${config.storefrontUrl}/account/reset-password`,
  });
  const twoFactor = createTwoFactorService(store, config.jwtSecret);
  const staffSignIn = createStaffSignIn({ store, auth, twoFactor, jwtSecret: config.jwtSecret });
  const orders = createOrdersService(store);
  const account = createAccountService({
    store,
    orders,
    customer: async (id) => {
      const c = await findCustomerById(store.db, store, id);
      return c ? { id: c.id, email: c.email, name: c.name, createdAt: iso(c.createdAt) } : null;
    },
  });

  const shipping = createShippingService(store);
  const { shipping: ship } = config;
  const carriers: Carriers = {
    house: createHouseCarrier({
      originCountry: config.shopCountry,
      issueTrackingNumber: () => shipping.issueApiTrackingNumber(systemContext()),
      trackingBaseUrl: config.storefrontUrl,
    }),
    ...(ship.parcelhub ? { parcelhub: createParcelHubCarrier(ship.parcelhub) } : {}),
  };
  const shipments: ShipmentDeps = {
    store,
    carriers,
    shipFrom: ship.shipFrom,
    returnUrlBase: `${config.storefrontUrl}/returns`,
  };
  const inventory = createInventoryService(store);
  const backInStock = createBackInStockService(store, { storefrontUrl: config.storefrontUrl });
  // Mails go out in the transaction of the movement that brought the size back.
  onRestock(store, backInStock.notifyRestocked);
  const fulfillment = createFulfillmentService(store, {
    shipFrom: ship.shipFrom,
    storefrontUrl: config.storefrontUrl,
  });
  const returns = createReturnsService({ store, inventory, windowDays: config.returnWindowDays });
  return {
    backInStock,
    auth,
    customers: createAdminCustomersService({ store, orders }),
    staffSignIn,
    twoFactor,
    account,
    passwords,
    shipping,
    shipments,
    fulfillment,
    staff,
    catalog: createCatalogService(store),
    images: createImagesService(store),
    inventory,
    returns,
    storeCatalog: createStoreCatalogService(store, { shopUrl: config.storefrontUrl }),
    parcelTracking: createParcelTracking(store),
    payments: createPaymentProvider(config.payments),
    notifications: createNotificationsService(store, { dataDir: config.dataDir, ...config.notifications }),
    orders,
    cart: createCartService(store, config),
    coupons: createCouponsService(store),
    checkout: createCheckoutService(store, config),
    sync: createSyncService(store, createSyncFulfillmentWriter({ fulfillment, shipments, returns })),
    reviews: createReviewsService(store, { bannedWords: config.reviewBannedWords }),
  };
}
export type Services = ReturnType<typeof createServices>;
