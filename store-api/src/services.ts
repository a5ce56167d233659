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
import { createCheckoutService } from './flows/deps.ts';

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
  return {
    auth,
    passwords,
    staff,
    catalog: createCatalogService(store),
    images: createImagesService(store),
    inventory: createInventoryService(store),
    storeCatalog: createStoreCatalogService(store),
    payments: createPaymentProvider(config.payments),
    notifications: createNotificationsService(store, { dataDir: config.dataDir, ...config.notifications }),
    orders: createOrdersService(store),
    cart: createCartService(store, config),
    coupons: createCouponsService(store),
    checkout: createCheckoutService(store, config),
  };
}
export type Services = ReturnType<typeof createServices>;
