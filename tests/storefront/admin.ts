/** The back office side of the e2e tests, through the typed client: what staff see of the shopper's orders. */
import { createShoeboxClient, type ShoeboxClient } from '@shoebox/shared/client';

export async function managerClient(baseUrl: string): Promise<ShoeboxClient> {
  let token: string | undefined;
  const api = createShoeboxClient({ baseUrl, getToken: () => token });
  token = (await api.admin.auth.signIn({ email: 'manager@shoebox.test', password: 'shoebox-manager-1' }))
    .accessToken;
  return api;
}

export async function orderByNumber(api: ShoeboxClient, number: string) {
  const list = await api.admin.orders.list({ q: number });
  const summary = list.items.find((o) => o.number === number);
  if (!summary) throw new Error(`order ${number} is not in the admin list`);
  return api.admin.orders.get(summary.id);
}

/** A product of the demo shop with a colour where some sizes are sold out and others are not. */
export async function productWithSoldOutSize(api: ShoeboxClient) {
  for (let page = 1; page <= 6; page++) {
    const list = await api.store.products.list({ pageSize: 20, page });
    for (const card of list.items) {
      const product = await api.store.products.get(card.slug);
      for (const colour of product.colours) {
        const standard = colour.variants.filter((v) => v.width === 'standard');
        const soldOut = standard.find((v) => !v.inStock);
        if (soldOut && standard.some((v) => v.inStock)) return { product, colour, soldOut };
      }
    }
  }
  throw new Error('the demo shop has no broken size run');
}

/** Staff write off every available pair of a variant (all locations): the size sells out under the shopper. */
export async function sellOut(api: ShoeboxClient, variantId: string): Promise<void> {
  const levels = await api.admin.inventory.levels({ variantId });
  for (const level of levels.items.filter((l) => l.available > 0))
    await api.admin.inventory.adjust({
      locationId: level.locationId,
      variantId,
      delta: -level.available,
      reason: 'loss',
    });
}

/** The manager's calls over plain HTTP, for what the typed client does not cover yet (fulfillment, returns). */
export async function managerHttp(baseUrl: string) {
  const signIn = await fetch(`${baseUrl}/admin/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'manager@shoebox.test', password: 'shoebox-manager-1' }),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  return async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/**
 * Staff ship an order the way the warehouse does: a pick batch, every line confirmed, packed with
 * one GTIN scan per pair, then a house-carrier label. Returns the tracking number the shipped mail
 * links to.
 */
export async function shipOrder(baseUrl: string, orderId: string, gtins: string[]): Promise<string> {
  const call = await managerHttp(baseUrl);
  const batch = await call<{ id: string; groups: Array<{ lines: Array<{ id: string }> }> }>(
    'POST',
    '/admin/pick-batches',
    { orderIds: [orderId] },
  );
  for (const group of batch.groups)
    for (const line of group.lines)
      await call('POST', `/admin/pick-batches/${batch.id}/lines/${line.id}/confirm`, {});
  await call('POST', `/admin/orders/${orderId}/pack`, { scans: gtins, boxCode: 'L4' });
  const shipment = await call<{ trackingNumber: string }>('POST', '/admin/shipments', { orderId });
  return shipment.trackingNumber;
}

/** Ships a shopper's order of one style (`slug`): scans each pair's GTIN as the pack station does. */
export async function shipOrderOfStyle(
  baseUrl: string,
  api: ShoeboxClient,
  number: string,
  slug: string,
): Promise<string> {
  const order = await orderByNumber(api, number);
  const style = await api.store.products.get(slug);
  const gtinOf = new Map(style.colours.flatMap((c) => c.variants.map((v) => [v.sku, v.gtin])));
  const scans = order.lines.flatMap((l) =>
    Array.from({ length: l.quantity }, () => gtinOf.get(l.sku) ?? l.sku),
  );
  return shipOrder(baseUrl, order.id, scans);
}
