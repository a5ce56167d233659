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
