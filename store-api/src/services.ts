import type { Config } from './config/env.ts';
import type { Store } from './db/client.ts';
import { createPaymentProvider } from './integrations/payments/index.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createTokenSigner } from './modules/auth/tokens.ts';
import { createPasswordsService } from './modules/auth/passwords.service.ts';
import { createStaffService } from './modules/staff/staff.service.ts';
import { createInventoryService } from './modules/inventory/inventory.service.ts';
import { createImagesService } from './modules/catalog/images.service.ts';
import { createCatalogService } from './modules/catalog/catalog.service.ts';
import { createStoreCatalogService } from './modules/storefront-catalog/store-catalog.service.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { createOrdersService } from './modules/orders/orders.service.ts';
import { createCartService } from './modules/cart/cart.service.ts';
import { createCouponsService } from './modules/coupons/coupons.service.ts';
import { createCheckoutService } from './flows/deps.ts';
import { createSyncService } from './modules/sync/sync.service.ts';

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
    sync: createSyncService(store),
  };
}
export type Services = ReturnType<typeof createServices>;
