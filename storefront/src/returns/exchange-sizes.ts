import type { CustomerOrderDetail, StoreVariant } from '@shoebox/shared/store';
import { api } from '../app/api.ts';

type Line = CustomerOrderDetail['lines'][number];

/**
 * The other sizes in stock of an order line's style and colour, for a size exchange. Order lines
 * carry the SKU, not the product's slug, so this searches the catalogue by the product's name and
 * keeps the product that sells this SKU (a few requests, made only when the shopper asks).
 */
export async function exchangeSizes(line: Line): Promise<StoreVariant[]> {
  const found = await api.store.products.list({ q: line.productName, pageSize: 5 });
  for (const card of found.items) {
    const product = await api.store.products.get(card.slug);
    const colour = product.colours.find((c) => c.variants.some((v) => v.sku === line.sku));
    if (colour)
      return colour.variants.filter((v) => v.sku !== line.sku && v.inStock && v.width === line.width);
  }
  return [];
}
