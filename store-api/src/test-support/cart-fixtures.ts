/**
 * Test helpers for cart tests: stock through the inventory API, carts through the store API, with
 * the typed client. `guestCart().call` stays on the wire for the tests that assert statuses.
 */
import type { TestApp } from './harness.ts';

const locations = new WeakMap<TestApp, Promise<string>>();

/** Receives `quantity` units of a variant into one fixture location (created once per app). */
export async function receiveStock(t: TestApp, variantId: string, quantity: number): Promise<void> {
  let location = locations.get(t);
  if (!location) {
    location = t
      .client(t.tokens.owner)
      .admin.stockLocations.create({ code: 'CARTFX', name: 'Cart fixture warehouse' })
      .then((created) => created.id);
    locations.set(t, location);
  }
  await t
    .client(t.tokens.owner)
    .admin.inventory.receive({ locationId: await location, lines: [{ variantId, quantity }] });
}

/** A new guest cart: its token, a typed client and a wire caller that send it. */
export async function guestCart(t: TestApp) {
  const { token, cart } = await t.client().store.cart.create();
  const call = (method: string, path: string, body?: unknown, extra: { token?: string } = {}) =>
    t.call(method, path, {
      headers: { 'x-cart-token': token },
      ...(body === undefined ? {} : { body }),
      ...extra,
    });
  return { token, cart, call, api: t.client(undefined, token).store.cart };
}

/** Registers a shopper and returns their access token. */
export async function registerCustomer(t: TestApp, email: string): Promise<string> {
  const session = await t
    .client()
    .store.auth.register({ email, password: 'shopper-pass-1', name: 'Shopper' });
  return session.accessToken;
}
