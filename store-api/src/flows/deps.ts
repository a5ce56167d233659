import type { Logger } from 'pino';
import type { Db, Store } from '../db/client.ts';
import type { PaymentProvider } from '../integrations/payments/index.ts';
import type { CheckoutCart } from '../modules/cart/index.ts';
import type { InventoryService } from '../modules/inventory/index.ts';
import type { OrdersService } from '../modules/orders/index.ts';

/**
 * What every flow needs from the rest of the app: one type for checkout, payment confirmation,
 * expiry, cancelling and refunds. Built once per app from the services (`flowDeps`), or by tests
 * from their own store.
 */

export type { CheckoutCart, CheckoutCartLine } from '../modules/cart/index.ts';

/** The part of the cart service the flows use (agreed with the cart module). */
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
  /** converted -> open with a new version, when the order made from it is cancelled before payment started. */
  reopen(tx: Db, cartId: string, now: number): Promise<boolean>;
}

export interface CheckoutSettings {
  reservationTtlMs: number;
}

export interface FlowDeps {
  store: Store;
  inventory: Pick<InventoryService, 'applyMovements' | 'availableByLocation'>;
  payments: PaymentProvider;
  cart: CheckoutCartPort;
  /** The order desk's detail view, which staff flows answer with. */
  orders: Pick<OrdersService, 'detail'>;
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

/** The services the flows are built from. */
export interface FlowServices {
  checkout: CheckoutService;
  inventory: FlowDeps['inventory'];
  payments: PaymentProvider;
  cart: CheckoutCartPort;
  orders: FlowDeps['orders'];
}

/** The flow dependencies from the app's services. */
export function flowDeps(services: FlowServices, log?: Logger): FlowDeps {
  return {
    store: services.checkout.store,
    inventory: services.inventory,
    payments: services.payments,
    cart: services.cart,
    orders: services.orders,
    settings: services.checkout.settings,
    log,
  };
}
