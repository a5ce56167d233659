import type { Config } from './config/env.ts';
import type { Store } from './db/client.ts';
import { createPaymentProvider } from './integrations/payments/index.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createTokenSigner } from './modules/auth/tokens.ts';
import { createPasswordsService } from './modules/auth/passwords.service.ts';
import { createStaffService } from './modules/staff/staff.service.ts';
import { createStaffSignIn } from './modules/auth/staff-sign-in.service.ts';
import { createTwoFactorService } from './modules/auth/two-factor.service.ts';
import { createInventoryService } from './modules/inventory/inventory.service.ts';
import { createImagesService } from './modules/catalog/images.service.ts';
import { createCatalogService } from './modules/catalog/catalog.service.ts';
import { createStoreCatalogService } from './modules/storefront-catalog/store-catalog.service.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { createOrdersService } from './modules/orders/orders.service.ts';
import { createCartService } from './modules/cart/cart.service.ts';
import { createCouponsService } from './modules/coupons/coupons.service.ts';
import { createCheckoutService } from './flows/deps.ts';
import { createAccountService } from './modules/account/account.service.ts';
import { findCustomerById } from './modules/auth/auth.repo.ts';
import { iso } from './lib/time.ts';

import type { ShipmentDeps } from './flows/shipment.flow.ts';
import { type Carriers, createHouseCarrier, createParcelHubCarrier } from './integrations/carriers/index.ts';
import { systemContext } from './lib/request-context.ts';
import { createFulfillmentService } from './modules/fulfillment/index.ts';
import { createShippingService } from './modules/shipping/index.ts';

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
  const shipments: ShipmentDeps = { store, carriers, shipFrom: ship.shipFrom };
  return {
    auth,
    staffSignIn,
    twoFactor,
    account,
    passwords,
    shipping,
    shipments,
    fulfillment: createFulfillmentService(store, {
      shipFrom: ship.shipFrom,
      storefrontUrl: config.storefrontUrl,
    }),
    staff,
    catalog: createCatalogService(store),
    images: createImagesService(store),
    inventory: createInventoryService(store),
    storeCatalog: createStoreCatalogService(store),
    payments: createPaymentProvider(config.payments),
    notifications: createNotificationsService(store, { dataDir: config.dataDir, ...config.notifications }),
    orders,
    cart: createCartService(store, config),
    coupons: createCouponsService(store),
    checkout: createCheckoutService(store, config),
  };
}
export type Services = ReturnType<typeof createServices>;
