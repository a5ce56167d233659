/**
 * A small shoe shop for the backend's tests, seeded into sync's in-memory server with real
 * UUIDs (the handlers' contracts take UUIDs, as store-api's do).
 */
import { newId, type OrderStatus } from '@shoebox/shared';
import { type EntityRow, stockLevelId } from '@shoebox/sync/protocol';
import type { MemoryServer } from '@shoebox/sync/testing';

const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface TestShop {
  brandId: string;
  locations: { main: string; store: string };
  colours: { nude: string; black: string };
  mila: { id: string; variants: Record<string, string> };
  ava: { id: string; variant: string };
  orders: Record<'paid' | 'picking' | 'packed' | 'shipped', string>;
}

export async function seedTestShop(server: MemoryServer): Promise<TestShop> {
  const shop: TestShop = {
    brandId: newId(),
    locations: { main: newId(), store: newId() },
    colours: { nude: newId(), black: newId() },
    mila: { id: newId(), variants: {} },
    ava: { id: newId(), variant: newId() },
    orders: { paid: newId(), picking: newId(), packed: newId(), shipped: newId() },
  };
  const categoryId = newId();
  await server.serverWrite((tx) => {
    tx.put('brand', { id: shop.brandId, name: 'Lumen', slug: 'lumen', updatedAt: t0 });
    tx.put('category', { id: categoryId, name: 'Pumps', slug: 'pumps', position: 1, updatedAt: t0 });
    const colour = (id: string, name: string, code: string) =>
      tx.put('colour', { id, name, code, family: 'neutral', swatchHex: '#c8a27c', updatedAt: t0 });
    colour(shop.colours.nude, 'Nude', 'NUDE');
    colour(shop.colours.black, 'Black', 'BLACK');
    for (const [id, code, name] of [
      [shop.locations.main, 'MAIN', 'Main warehouse'],
      [shop.locations.store, 'SHOP', 'Shop floor'],
    ] as const)
      tx.put('location', { id, code, name });
    const product = (id: string, name: string, styleCode: string, status: EntityRow<'product'>['status']) =>
      tx.put('product', {
        id,
        styleCode,
        slug: styleCode.toLowerCase(),
        name,
        description: 'A shoe',
        brandId: shop.brandId,
        categoryId,
        material: 'leather',
        heelHeightMm: 80,
        basePriceMinor: 9900,
        currency: 'EUR',
        status,
        tags: ['work'],
        popularity: 1,
        version: 1,
        updatedAt: t0,
      });
    product(shop.mila.id, 'Mila Pump', 'MILA', 'active');
    product(shop.ava.id, 'Ava Boot', 'AVA', 'draft');
    // Mila in nude 37-40 and black 38-39; nude 37 is sold out (a broken size run), nude 39 is low.
    const stock: [string, string, number, number][] = [
      ['NUDE', shop.colours.nude, 37, 0],
      ['NUDE', shop.colours.nude, 38, 5],
      ['NUDE', shop.colours.nude, 39, 1],
      ['NUDE', shop.colours.nude, 40, 3],
      ['BLACK', shop.colours.black, 38, 4],
      ['BLACK', shop.colours.black, 39, 4],
    ];
    for (const [code, colourId, size, onHand] of stock) {
      const id = newId();
      const sku = `MILA-${code}-${size}`;
      shop.mila.variants[sku] = id;
      tx.put(
        'variant',
        variant(id, shop.mila.id, colourId, sku, size, sku === 'MILA-NUDE-38' ? 12900 : null),
      );
      tx.put('stockLevel', level(id, shop.locations.main, onHand));
    }
    tx.put('variant', variant(shop.ava.variant, shop.ava.id, shop.colours.black, 'AVA-BLACK-38', 38, null));
    tx.put('stockLevel', level(shop.ava.variant, shop.locations.main, 2));
    let n = 0;
    for (const status of ['paid', 'picking', 'packed', 'shipped'] as const) {
      const orderId = shop.orders[status];
      n += 1;
      tx.put('order', order(orderId, n, status));
      tx.put('orderLine', {
        id: newId(),
        orderId,
        variantId: shop.mila.variants['MILA-NUDE-38'] ?? '',
        locationId: shop.locations.main,
        sku: 'MILA-NUDE-38',
        productName: 'Mila Pump',
        colourName: 'Nude',
        sizeEuTenths: 380,
        width: 'standard',
        quantity: 2,
        unitPriceMinor: 12900,
        discountMinor: 0,
        lineTotalMinor: 25800,
        taxMinor: 4300,
      });
    }
  });
  return shop;
}

const variant = (
  id: string,
  productId: string,
  colourId: string,
  sku: string,
  size: number,
  priceMinor: number | null,
): EntityRow<'variant'> => ({
  id,
  productId,
  colourId,
  sku,
  gtin: sku === 'MILA-NUDE-38' ? '4006381333931' : null,
  sizeEuTenths: size * 10,
  width: 'standard',
  priceMinor,
  compareAtMinor: null,
  weightGrams: 700,
  lowStockThreshold: 2,
  active: true,
  updatedAt: t0,
});

const level = (variantId: string, locationId: string, onHand: number): EntityRow<'stockLevel'> => ({
  id: stockLevelId(variantId, locationId),
  variantId,
  locationId,
  onHand,
  reserved: 0,
  binId: null,
  updatedAt: t0,
});

export const order = (
  id: string,
  n: number,
  status: OrderStatus,
  createdAt = t0 + n * 60_000,
): EntityRow<'order'> => ({
  id,
  number: `SB-00000${n}A${'BCDEFGH'[n % 7]}`.slice(0, 11),
  status,
  currency: 'EUR',
  shippingMethodId: 'standard',
  flagged: n === 2,
  paidAt: createdAt,
  version: 1,
  createdAt,
  updatedAt: createdAt,
  email: `shopper${n}@example.test`,
  customerId: null,
  shippingAddress: {
    name: `Shopper ${n}`,
    line1: '1 Main St',
    city: 'Cork',
    postalCode: 'T12',
    country: 'IE',
  },
  subtotalMinor: 25800,
  discountMinor: 0,
  shippingMinor: 500,
  taxMinor: 4300,
  totalMinor: 26300,
  refundedMinor: 0,
});
