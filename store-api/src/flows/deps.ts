import type { Logger } from 'pino';
import type { Db, Store } from '../db/client.ts';
import type { PaymentProvider } from '../integrations/payments/index.ts';
import type { CheckoutCart } from '../modules/cart/cart.service.ts';
import type { InventoryService } from '../modules/inventory/inventory.service.ts';

/**
 * What the checkout flows need from the rest of the app. Built once per app from the services
 * (`checkoutDeps`), or by tests from their own store.
 */

export type { CheckoutCart, CheckoutCartLine } from '../modules/cart/cart.service.ts';

/** The part of the cart service checkout uses (agreed with the cart module). */
export interface CheckoutCartPort {
  /** The cart behind a token with fresh prices and totals; 404 CART_NOT_FOUND for an unknown token. */
  forCheckout(db: Db, cartToken: string, now: number): Promise<CheckoutCart>;
  /**
   * In the order's transaction: open -> converted (locking the cart on MySQL), then the cart
   * priced now; `claimed` false when it was not open. 404 CART_NOT_FOUND for an unknown token.
   */
  claimForCheckout(
    tx: Db,
    cartToken: string,
    now: number,
  ): Promise<{ claimed: boolean; checkout: CheckoutCart }>;
}

export interface CheckoutSettings {
  reservationTtlMs: number;
}

export interface FlowDeps {
  store: Store;
  inventory: Pick<InventoryService, 'applyMovements' | 'availableByLocation'>;
  payments: PaymentProvider;
  cart: CheckoutCartPort;
  settings: CheckoutSettings;
  log?: Logger | undefined;
}

/** Registered in services.ts: the checkout settings and the store the flows run on. */
export function createCheckoutService(store: Store, config: { reservationTtlMs: number }) {
  return {
    store,
    settings: { reservationTtlMs: config.reservationTtlMs } satisfies CheckoutSettings,
  };
}
export type CheckoutService = ReturnType<typeof createCheckoutService>;

/** The flow dependencies from the app's services. */
export function checkoutDeps(
  services: {
    checkout: CheckoutService;
    inventory: FlowDeps['inventory'];
    payments: PaymentProvider;
    cart: CheckoutCartPort;
  },
  log?: Logger,
): FlowDeps {
  return {
    store: services.checkout.store,
    inventory: services.inventory,
    payments: services.payments,
    cart: services.cart,
    settings: services.checkout.settings,
    log,
  };
}
