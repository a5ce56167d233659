/**
 * Order fixtures for the order desk tests (list, detail, transitions, cancel, refunds, customer
 * pages), built through the real API as a shopper would:
 *
 *   cart (guest `POST /store/cart`, or the customer's `GET /store/cart/mine`) -> lines ->
 *   contact -> shipping -> optional coupon -> `POST /store/checkout` (pending_payment, stock
 *   reserved, a PaymentIntent at the fake Stripe) -> with `paid`, a signed
 *   `payment_intent.succeeded` webhook from the fake Stripe to `/webhooks/stripe` (paid, stock sold).
 *
 * The app must run in Stripe mode against `startFakeStripe`. The one thing the API cannot do is
 * backdate an order: `createdAt` rewrites `orders.created_at` directly after checkout. Calls go
 * through the typed client; a refusal throws its ShoeboxApiError (status, code, detail).
 */
import { eq } from 'drizzle-orm';
import { createProductFixture, type ProductFixture, type VariantFixture } from './catalog-fixtures.ts';
import type { FakeStripe } from './fake-stripe.ts';
import type { TestApp } from './harness.ts';

export interface OrderStockFixture {
  product: ProductFixture;
  locationId: string;
  variants: VariantFixture[];
}

let locationCounter = 0;

/**
 * A product (one colour, the given sizes), a stock location, and `quantity` pairs of each variant
 * received there. `prices` sets variant prices by EU size (default: the product's 8900).
 */
export async function createOrderStock(
  t: TestApp,
  opts: { sizes: number[]; quantity: number; colours?: string[]; prices?: Record<number, number> },
): Promise<OrderStockFixture> {
  const product = await createProductFixture(t, { colours: opts.colours ?? ['NUDE'], sizes: opts.sizes });
  const admin = t.client(t.tokens.owner).admin;
  for (const v of product.variants) {
    const priceMinor = opts.prices?.[v.sizeEu];
    if (priceMinor !== undefined) await admin.variants.update(v.id, { priceMinor });
  }
  const code = `ORD${++locationCounter}`;
  const location = await admin.stockLocations.create({ code, name: `Order fixture ${code}` });
  await admin.inventory.receive({
    locationId: location.id,
    lines: product.variants.map((v) => ({ variantId: v.id, quantity: opts.quantity })),
  });
  return { product, locationId: location.id, variants: product.variants };
}

let customerCounter = 0;

/** Registers a shopper through the API; returns their id, email and access token. */
export async function createCustomer(
  t: TestApp,
  name = `Shopper ${++customerCounter}`,
): Promise<{ id: string; email: string; token: string }> {
  const email = `shopper-${process.pid}-${Date.now()}-${++customerCounter}@example.com`;
  const session = await t.client().store.auth.register({ email, password: 'shopper-pass-123', name });
  return { id: session.customer.id, email, token: session.accessToken };
}

export interface OrderFixtureLine {
  variant: Pick<VariantFixture, 'id'>;
  quantity: number;
}

export interface OrderFixtureOptions {
  lines: OrderFixtureLine[];
  /** The fake Stripe the app talks to: required for `paid`. */
  stripe?: FakeStripe;
  /** Pay the order (a signed payment_intent.succeeded webhook). */
  paid?: boolean;
  /** Guest email (default a unique one); ignored when `customer` is given (their account email). */
  email?: string;
  /** Check out from this signed-in customer's cart. */
  customer?: { token: string };
  /** Shipping address name. */
  name?: string;
  couponCode?: string;
  /** Backdate the order (ms since epoch). */
  createdAt?: number;
}

export interface OrderFixture {
  id: string;
  number: string;
  email: string;
  totalMinor: number;
  intentId: string | null;
}

let guestCounter = 0;

export const fixtureAddress = (name = 'Ana Shopper') => ({
  name,
  line1: '1 Main Street',
  city: 'Dublin',
  postalCode: 'D01 F5P2',
  country: 'IE',
});

/** Places an order through the cart and checkout API (and pays it through a Stripe webhook with `paid`). */
export async function createOrderFixture(t: TestApp, opts: OrderFixtureOptions): Promise<OrderFixture> {
  const customerToken = opts.customer?.token;
  const { token: cartToken } = customerToken
    ? await t.client(customerToken).store.cart.mine()
    : await t.client().store.cart.create();
  const shop = t.client(customerToken, cartToken).store;
  for (const line of opts.lines)
    await shop.cart.addLine({ variantId: line.variant.id, quantity: line.quantity });
  if (!opts.customer)
    await shop.cart.setContact({ email: opts.email ?? `guest-${process.pid}-${++guestCounter}@example.com` });
  await shop.cart.setShipping({ address: fixtureAddress(opts.name), methodId: 'house-standard' });
  if (opts.couponCode) await shop.cart.setCoupon({ code: opts.couponCode });
  const placed = await shop.checkout.placeOrder();
  const id = placed.orderId;
  const intentId = placed.payment?.intentId ?? null;

  if (opts.paid) {
    if (!opts.stripe || !intentId)
      throw new Error('fixture: a paid order needs the app in Stripe mode and `stripe`');
    const delivery = await opts.stripe.deliver('payment_intent.succeeded', intentId, {
      url: `${t.baseUrl}/webhooks/stripe`,
    });
    if (delivery.status !== 200)
      throw new Error(`fixture: webhook answered ${delivery.status}: ${delivery.responseBody}`);
  }
  const o = t.store.t.orders;
  if (opts.createdAt !== undefined)
    await t.store.tx((tx) => tx.update(o).set({ createdAt: opts.createdAt }).where(eq(o.id, id)));
  const [row] = await t.store.db.select().from(o).where(eq(o.id, id));
  if (!row) throw new Error('fixture: the placed order is missing');
  if (opts.paid && row.status !== 'paid')
    throw new Error(`fixture: order is ${row.status} after the payment webhook`);
  return { id, number: placed.orderNumber, email: row.email, totalMinor: row.totalMinor, intentId };
}
