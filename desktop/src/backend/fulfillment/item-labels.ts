import type { z } from 'zod';
import type { itemLabel } from '../../ipc/shapes/fulfillment.ts';
import type { CacheView } from '../local/cache-view.ts';

export type ItemLabel = z.output<typeof itemLabel>;

/** What a person sees of a variant (name, colour, size), from the mirror; a fallback when unknown. */
export function itemLabelOf(
  view: CacheView,
  variantId: string,
  fallback: { sku: string } = { sku: '' },
): ItemLabel {
  const variant = view.get('variant', variantId);
  const product = variant ? view.get('product', variant.productId) : null;
  const colour = variant ? view.get('colour', variant.colourId) : null;
  return {
    variantId,
    sku: variant?.sku ?? fallback.sku,
    gtin: variant?.gtin ?? null,
    productName: product?.name ?? 'Unknown shoe',
    colourName: colour?.name ?? '',
    sizeEu: (variant?.sizeEuTenths ?? 0) / 10,
    width: variant?.width ?? 'standard',
  };
}
