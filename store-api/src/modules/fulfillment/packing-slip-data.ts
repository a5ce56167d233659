import type { PackingSlipData, PrintAddress } from '@shoebox/documents';
import type { Store } from '../../db/client.ts';
import { linesOfOrder, type OrderRow } from '../orders/index.ts';

/** The shop's dispatch address, printed as the sender (config: SHIP_FROM_*). */
export type ShipFrom = PrintAddress;

export const addressOf = (a: OrderRow['shippingAddress']): PrintAddress => ({
  name: a.name,
  line1: a.line1,
  line2: a.line2,
  postalCode: a.postalCode,
  city: a.city,
  country: a.country,
  phone: a.phone,
});

export async function packingSlipData(
  store: Store,
  order: OrderRow,
  from: ShipFrom,
  storefrontUrl: string,
): Promise<PackingSlipData> {
  const lines = await linesOfOrder(store.db, store, order.id);
  return {
    orderNumber: order.number,
    orderedAt: new Date(order.createdAt).toISOString().slice(0, 10),
    from,
    to: addressOf(order.shippingAddress),
    lines: lines.map((l) => ({
      sku: l.sku,
      name: l.productName,
      colour: l.colourName,
      size: String(l.sizeEuTenths / 10),
      width: l.width === 'standard' ? undefined : l.width,
      quantity: l.quantity,
    })),
    returnUrl: `${storefrontUrl}/returns/${encodeURIComponent(order.number)}`,
  };
}
