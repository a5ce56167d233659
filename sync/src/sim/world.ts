import {
  isCancellable,
  onHandDelta,
  type OrderStatus,
  reservedDelta,
  type StockMovement,
} from '@shoebox/shared';
import { type AnyRow, type EntityName, type EntityRow, stockLevelId } from '../protocol/entities.ts';
import type { MemoryServer, MemoryTransaction } from '../testing/memory-server.ts';
import type { Prng } from '../testing/prng.ts';

/**
 * The shop the simulation runs: a few products, variants and locations, orders to fulfil, and the
 * writes the rest of the world makes on the server meanwhile (checkouts, cancellations, web edits,
 * bins removed), which desktops only learn about by pulling.
 */

export const world = {
  products: ['p1', 'p2', 'p3'],
  variants: ['v1', 'v2', 'v3', 'v4'],
  locations: ['L1', 'L2'],
};

const t0 = 1_700_000_000_000;

const product = (id: string, n: number): EntityRow<'product'> => ({
  id,
  styleCode: `STYLE${n}`,
  slug: `style-${n}`,
  name: `Style ${n}`,
  description: 'A shoe',
  brandId: 'b1',
  categoryId: 'c1',
  material: 'leather',
  heelHeightMm: 40,
  basePriceMinor: 9900,
  currency: 'EUR',
  status: 'active',
  tags: ['work'],
  popularity: 3,
  version: 1,
  updatedAt: t0,
});

const variant = (id: string, n: number): EntityRow<'variant'> => ({
  id,
  productId: world.products[n % world.products.length] ?? 'p1',
  colourId: 'col1',
  sku: `STYLE${n}-NUDE-38`,
  gtin: null,
  sizeEuTenths: 370 + n * 5,
  width: 'standard',
  priceMinor: null,
  compareAtMinor: 12900,
  weightGrams: 800,
  lowStockThreshold: 2,
  active: true,
  updatedAt: t0,
});

export const orderRow = (id: string, n: number, status: OrderStatus): EntityRow<'order'> => ({
  id,
  number: `SB-${String(n).padStart(6, '0')}`,
  status,
  currency: 'EUR',
  shippingMethodId: 'standard',
  flagged: false,
  paidAt: status === 'pending_payment' ? null : t0,
  version: 1,
  createdAt: t0,
  updatedAt: t0,
  email: `shopper${n}@example.test`,
  customerId: null,
  shippingAddress: {
    name: `Shopper ${n}`,
    line1: '1 Main St',
    city: 'Cork',
    postalCode: 'T12',
    country: 'IE',
  },
  subtotalMinor: 9900,
  discountMinor: 0,
  shippingMinor: 500,
  taxMinor: 1851,
  totalMinor: 10400,
  refundedMinor: 0,
});

const orderLine = (orderId: string, variantId: string): EntityRow<'orderLine'> => ({
  id: `${orderId}-line`,
  orderId,
  variantId,
  locationId: 'L1',
  sku: 'SKU',
  productName: 'Style',
  colourName: 'Nude',
  sizeEuTenths: 380,
  width: 'standard',
  quantity: 1,
  unitPriceMinor: 9900,
  discountMinor: 0,
  lineTotalMinor: 9900,
  taxMinor: 1851,
});

/** A server-side stock movement through the ledger; false (and nothing written) if it would go negative. */
export const moveStock = async (
  tx: MemoryTransaction,
  variantId: string,
  locationId: string,
  movement: StockMovement,
  now: number,
): Promise<boolean> => {
  const id = stockLevelId(variantId, locationId);
  const level = (await tx.get('stockLevel', id)) ?? {
    id,
    variantId,
    locationId,
    onHand: 0,
    reserved: 0,
    binId: null,
    updatedAt: now,
  };
  const next = {
    onHand: level.onHand + onHandDelta(movement.kind, movement.quantity),
    reserved: level.reserved + reservedDelta(movement.kind, movement.quantity),
  };
  if (next.onHand < 0 || next.reserved < 0 || next.onHand < next.reserved) return false;
  tx.put('stockLevel', { ...level, ...next, updatedAt: now });
  tx.movement({
    variantId,
    locationId,
    kind: movement.kind,
    onHandDelta: next.onHand - level.onHand,
    reservedDelta: next.reserved - level.reserved,
    mutationId: null,
  });
  return true;
};

export const seedWorld = async (server: MemoryServer, random: Prng): Promise<void> => {
  const now = server.now();
  await server.serverWrite(async (tx) => {
    tx.put('brand', { id: 'b1', name: 'Brand', slug: 'brand', updatedAt: t0 });
    tx.put('category', { id: 'c1', name: 'Pumps', slug: 'pumps', position: 1, updatedAt: t0 });
    tx.put('colour', {
      id: 'col1',
      name: 'Nude',
      code: 'NUDE',
      family: 'nude',
      swatchHex: '#e3bc9a',
      updatedAt: t0,
    });
    for (const [n, id] of world.products.entries()) tx.put('product', product(id, n + 1));
    for (const [n, id] of world.variants.entries()) tx.put('variant', variant(id, n + 1));
    for (const id of world.locations) tx.put('location', { id, code: id, name: `Location ${id}` });
    tx.put('bin', { id: 'bin1', locationId: 'L1', code: 'A-01-1' });
    for (const v of world.variants)
      await moveStock(tx, v, 'L1', { kind: 'receive', quantity: random.int(1, 8) }, now);
    const statuses: OrderStatus[] = ['paid', 'paid', 'picking', 'packed', 'pending_payment'];
    for (const [n, status] of statuses.entries()) {
      tx.put('order', orderRow(`o${n + 1}`, n + 1, status));
      tx.put('orderLine', orderLine(`o${n + 1}`, random.pick(world.variants)));
    }
    seedFulfillment(tx);
  });
};

/** A batch picking o3, a shipped parcel for o6 (delivered, with cost) and its return (with refunds). */
function seedFulfillment(tx: { put(entity: EntityName, row: AnyRow): void }): void {
  tx.put('pickBatch', {
    id: 'pb1',
    number: 'PB-00000001',
    status: 'open',
    version: 1,
    createdAt: t0,
    updatedAt: t0,
    lines: [
      {
        id: 'pbl1',
        orderId: 'o3',
        orderNumber: 'SB-000003',
        orderLineId: 'o3-line',
        variantId: world.variants[0] as string,
        locationId: 'L1',
        sku: 'SKU',
        binCode: 'A-01-1',
        quantity: 1,
        pickedQuantity: 0,
        shortQuantity: 0,
        status: 'open',
        shortReason: null,
      },
    ],
  });
  const address = { name: 'Shopper 6', line1: '1 Main St', postalCode: 'T12', city: 'Cork', country: 'IE' };
  tx.put('shipment', {
    id: 'sh1',
    orderId: 'o6',
    carrier: 'house',
    service: 'standard',
    trackingNumber: 'SBH000000017',
    status: 'delivered',
    trackingStatus: 'delivered',
    weightGrams: 980,
    boxCode: 'S1',
    version: 3,
    createdAt: t0,
    updatedAt: t0,
    costMinor: 590,
    currency: 'EUR',
    label: {
      carrier: 'Shoebox House',
      service: 'House Standard',
      trackingNumber: 'SBH000000017',
      orderNumber: 'SB-000006',
      weightGrams: 980,
      from: address,
      to: address,
      shipDate: '2025-06-15',
    },
  });
  tx.put('return', {
    id: 'r1',
    orderId: 'o6',
    status: 'requested',
    receivedAt: null,
    createdAt: t0,
    updatedAt: t0,
    lines: [
      {
        id: 'rl1',
        orderLineId: 'o6-line',
        variantId: world.variants[0] as string,
        quantity: 1,
        reason: 'too_small',
        exchangeVariantId: null,
        inspection: null,
      },
    ],
    refundId: null,
    lineRefunds: [{ lineId: 'rl1', refundMinor: 9900 }],
  });
}

/** One write by the rest of the world, chosen at random. */
export const serverSideWrite = async (
  server: MemoryServer,
  random: Prng,
  orderCount: { n: number },
): Promise<void> => {
  const now = server.now();
  const v = random.pick(world.variants);
  const kind = random.pick(['reserve', 'release', 'sell', 'cancel', 'web-edit', 'bin', 'new-order'] as const);
  await server.serverWrite(async (tx) => {
    switch (kind) {
      case 'reserve':
      case 'release':
      case 'sell':
        await moveStock(tx, v, 'L1', { kind, quantity: random.int(1, 2) }, now);
        return;
      case 'cancel': {
        const order = await tx.get('order', `o${random.int(1, orderCount.n)}`);
        if (order && isCancellable(order.status))
          tx.put('order', { ...order, status: 'cancelled', version: order.version + 1, updatedAt: now });
        return;
      }
      case 'web-edit': {
        const p = await tx.get('product', random.pick(world.products));
        if (p)
          tx.put('product', {
            ...p,
            name: `${p.name}*`,
            material: random.pick(['suede', 'leather']),
            version: p.version + 1,
            updatedAt: now,
          });
        return;
      }
      case 'bin':
        if (await tx.get('bin', 'bin1')) tx.delete('bin', 'bin1');
        else tx.put('bin', { id: 'bin1', locationId: 'L1', code: `A-0${random.int(1, 9)}-1` });
        return;
      case 'new-order': {
        orderCount.n += 1;
        const id = `o${orderCount.n}`;
        tx.put('order', orderRow(id, orderCount.n, 'paid'));
        tx.put('orderLine', orderLine(id, v));
      }
    }
  });
};
