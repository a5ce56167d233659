/** Test helpers for cart tests: stock through the inventory API, carts through the store API. */
import type { TestApp } from '../../test-support/harness.ts';

const locations = new WeakMap<TestApp, Promise<string>>();

/** Receives `quantity` units of a variant into one fixture location (created once per app). */
export async function receiveStock(t: TestApp, variantId: string, quantity: number): Promise<void> {
  let location = locations.get(t);
  if (!location) {
    location = t
      .call('POST', '/admin/stock-locations', {
        token: t.tokens.owner,
        body: { code: 'CARTFX', name: 'Cart fixture warehouse' },
      })
      .then((res) => {
        if (res.status !== 201) throw new Error(`fixture: location ${res.status} ${res.text}`);
        return res.body.id as string;
      });
    locations.set(t, location);
  }
  const res = await t.call('POST', '/admin/inventory/receive', {
    token: t.tokens.owner,
    body: { locationId: await location, lines: [{ variantId, quantity }] },
  });
  if (res.status >= 300) throw new Error(`fixture: receive ${res.status} ${res.text}`);
}

/** A new guest cart: its token and a caller that sends it. */
export async function guestCart(t: TestApp) {
  const created = await t.call('POST', '/store/cart');
  if (created.status !== 201) throw new Error(`fixture: cart ${created.status} ${created.text}`);
  const token: string = created.body.token;
  const call = (method: string, path: string, body?: unknown, extra: { token?: string } = {}) =>
    t.call(method, path, {
      headers: { 'x-cart-token': token },
      ...(body === undefined ? {} : { body }),
      ...extra,
    });
  return { token, cart: created.body.cart, call };
}

/** Registers a shopper and returns their access token. */
export async function registerCustomer(t: TestApp, email: string): Promise<string> {
  const res = await t.call('POST', '/store/auth/register', {
    body: { email, password: 'shopper-pass-1', name: 'Shopper' },
  });
  if (res.status !== 201) throw new Error(`fixture: register ${res.status} ${res.text}`);
  return res.body.accessToken;
}
