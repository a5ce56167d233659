/**
 * The fake backend's catalog and inventory handlers over fake-data.ts, in memory (the order
 * handlers are in fake-orders.ts).
 * They keep the real contract's rules that the screens depend on: money is null for roles
 * without `orders:refund`, stock never goes negative, writes answer with a receipt.
 */
import { coreSizes, DomainError } from '@shoebox/shared';
import type { Handlers, Session } from '../../ipc/index.ts';
import {
  colourOf,
  fakeId,
  type FakeOrder,
  initialStock,
  locations,
  makeOrders,
  productOf,
  products,
  variants,
} from './fake-data.ts';
import { orderHandlers } from './fake-orders.ts';

export interface FakeMovement {
  id: string;
  variantId: string;
  locationId: string;
  kind: 'receive' | 'adjust' | 'count' | 'transfer_out' | 'transfer_in';
  quantity: number;
  onHandDelta: number;
  reason: string | null;
  reference: string | null;
  createdAt: string;
}

export interface FakeShop {
  stock: Map<string, { onHand: number; reserved: number }>;
  orders: FakeOrder[];
  movements: FakeMovement[];
  notes: Map<string, Array<{ id: string; text: string; createdAt: string; pending: boolean }>>;
  /** The shop server is away: server-only reads (movement history) fail as they would. */
  offline: boolean;
  /** Every write's arguments, in order, for tests to inspect. */
  writes: Array<{ name: string; args: unknown }>;
}

export function createFakeShop(orderCount = 60): FakeShop {
  const stock = initialStock();
  return {
    stock,
    orders: makeOrders(orderCount),
    movements: openingDeliveries(stock),
    writes: [],
    offline: false,
    notes: new Map(),
  };
}

/** The delivery that put today's stock on the shelves, a week ago: the history starts there. */
function openingDeliveries(stock: FakeShop['stock']): FakeMovement[] {
  const at = '2026-11-25T08:30:00.000Z';
  return [...stock.entries()]
    .filter(([, level]) => level.onHand > 0)
    .map(([key, level], i) => {
      const [variantId = '', locationId = ''] = key.split(':');
      return {
        id: fakeId(9, 100_000 + i),
        variantId,
        locationId,
        kind: 'receive' as const,
        quantity: level.onHand,
        onHandDelta: level.onHand,
        reason: null,
        reference: 'PO-2026-118',
        createdAt: at,
      };
    });
}

let receiptSeq = 0;
export const receipt = () => ({
  mutationId: `0190a000-0000-7000-8000-${(++receiptSeq).toString(16).padStart(12, '0')}`,
  queuedAt: new Date().toISOString(),
});

const levelKey = (variantId: string, locationId: string) => `${variantId}:${locationId}`;

export function shopHandlers(shop: FakeShop, session: () => Session | null): Partial<Handlers> {
  const moneyVisible = () => Boolean(session()?.permissions.includes('orders:refund'));
  const level = (variantId: string, locationId: string) => {
    const key = levelKey(variantId, locationId);
    const found = shop.stock.get(key) ?? { onHand: 0, reserved: 0 };
    shop.stock.set(key, found);
    return found;
  };
  const move = (m: Omit<FakeMovement, 'id' | 'createdAt'>) => {
    const l = level(m.variantId, m.locationId);
    if (l.onHand + m.onHandDelta < 0)
      throw new DomainError('conflict', 'INSUFFICIENT_STOCK', 'There is not that much stock to take away.');
    l.onHand += m.onHandDelta;
    shop.movements.unshift({
      ...m,
      id: `00000000-0000-4000-8009-${(shop.movements.length + 1).toString(16).padStart(12, '0')}`,
      createdAt: new Date().toISOString(),
    });
  };
  const knownVariant = (variantId: string) => {
    const v = variants.find((x) => x.id === variantId);
    if (!v) throw new DomainError('not_found', 'VARIANT_NOT_FOUND', 'That variant is not in the catalogue.');
    return v;
  };

  return {
    'catalog.findByCode': async ({ code }) => {
      const upper = code.toUpperCase();
      const v = variants.find((x) => x.gtin === code || x.sku === upper);
      if (!v) return null;
      const p = productOf(v);
      return {
        variantId: v.id,
        sku: v.sku,
        gtin: v.gtin,
        productId: p.id,
        productName: p.name,
        colourName: colourOf(v).name,
        sizeEu: v.sizeEu,
        width: v.width,
      };
    },
    'inventory.grid': async ({ productId, locationId }) => {
      const p = products.find((x) => x.id === productId);
      if (!p)
        throw new DomainError('not_found', 'PRODUCT_NOT_FOUND', 'That product is not in the catalogue.');
      const where = locationId ? locations.filter((l) => l.id === locationId) : locations;
      return {
        productId: p.id,
        productName: p.name,
        styleCode: p.styleCode,
        status: p.status,
        sizes: p.sizes,
        colours: p.colours,
        cells: variants
          .filter((v) => v.productId === p.id)
          .map((v) => {
            const sum = where.reduce(
              (s, l) => {
                const x = level(v.id, l.id);
                return { onHand: s.onHand + x.onHand, reserved: s.reserved + x.reserved };
              },
              { onHand: 0, reserved: 0 },
            );
            const available = sum.onHand - sum.reserved;
            return {
              variantId: v.id,
              sku: v.sku,
              colourId: v.colourId,
              sizeEu: v.sizeEu,
              width: v.width,
              active: v.active,
              ...sum,
              available,
              lowStockThreshold: v.lowStockThreshold,
              lowStock: available <= v.lowStockThreshold,
            };
          }),
      };
    },
    'inventory.adjust': async (args) => {
      shop.writes.push({ name: 'inventory.adjust', args });
      knownVariant(args.variantId);
      move({
        ...args,
        kind: 'adjust',
        quantity: args.delta,
        onHandDelta: args.delta,
        reference: args.note ?? null,
      });
      return receipt();
    },
    'inventory.receive': async (args) => {
      shop.writes.push({ name: 'inventory.receive', args });
      for (const line of args.lines) {
        knownVariant(line.variantId);
        move({
          variantId: line.variantId,
          locationId: args.locationId,
          kind: 'receive',
          quantity: line.quantity,
          onHandDelta: line.quantity,
          reason: null,
          reference: args.reference ?? null,
        });
      }
      return receipt();
    },
    'inventory.count': async (args) => {
      shop.writes.push({ name: 'inventory.count', args });
      for (const line of args.lines) {
        knownVariant(line.variantId);
        const delta = line.counted - line.expectedOnHand;
        if (delta !== 0)
          move({
            variantId: line.variantId,
            locationId: args.locationId,
            kind: 'count',
            quantity: delta,
            onHandDelta: delta,
            reason: null,
            reference: args.note ?? null,
          });
      }
      return receipt();
    },
    'inventory.transfer': async (args) => {
      shop.writes.push({ name: 'inventory.transfer', args });
      knownVariant(args.variantId);
      const common = { variantId: args.variantId, quantity: args.quantity, reason: null, reference: 'TR-1' };
      move({ ...common, locationId: args.fromLocationId, kind: 'transfer_out', onHandDelta: -args.quantity });
      move({ ...common, locationId: args.toLocationId, kind: 'transfer_in', onHandDelta: args.quantity });
      return receipt();
    },
    'inventory.movements': async (q) => {
      if (shop.offline)
        throw new DomainError('external', 'API_UNREACHABLE', 'The shop server cannot be reached.');
      const ids = q.variantId
        ? [q.variantId]
        : variants.filter((v) => v.productId === q.productId).map((v) => v.id);
      const matches = shop.movements.filter(
        (m) => ids.includes(m.variantId) && (!q.locationId || m.locationId === q.locationId),
      );
      const start = (q.page - 1) * q.pageSize;
      return {
        items: matches.slice(start, start + q.pageSize).map((m) => ({
          ...m,
          reservedDelta: 0,
          sku: knownVariant(m.variantId).sku,
          locationCode: locations.find((l) => l.id === m.locationId)?.code ?? '?',
          actorType: 'staff',
          actorId: session()?.user.id ?? null,
        })),
        page: q.page,
        pageSize: q.pageSize,
        total: matches.length,
      };
    },
    'inventory.levels': async ({ limit, locationId }) => {
      const where = locationId ? locations.filter((l) => l.id === locationId) : locations;
      const sum = (variantId: string) =>
        where.reduce(
          (s, l) => {
            const x = level(variantId, l.id);
            return { onHand: s.onHand + x.onHand, reserved: s.reserved + x.reserved };
          },
          { onHand: 0, reserved: 0 },
        );
      const active = variants.filter((v) => productOf(v).status === 'active');
      const lowStock = active
        .map((v) => ({ v, ...sum(v.id) }))
        .filter((x) => x.onHand - x.reserved <= x.v.lowStockThreshold)
        .map(({ v, onHand, reserved }) => ({
          variantId: v.id,
          productId: v.productId,
          productName: productOf(v).name,
          sku: v.sku,
          colourName: colourOf(v).name,
          sizeEu: v.sizeEu,
          width: v.width,
          onHand,
          reserved,
          available: onHand - reserved,
          lowStockThreshold: v.lowStockThreshold,
        }));
      const brokenSizeRuns = products
        .filter((p) => p.status === 'active')
        .flatMap((p) =>
          p.colours.map((c) => {
            const own = variants.filter((v) => v.productId === p.id && v.colourId === c.id);
            const inStock = own.filter((v) => sum(v.id).onHand - sum(v.id).reserved > 0).map((v) => v.sizeEu);
            const missing = coreSizes.filter((size) => !inStock.includes(size));
            return {
              productId: p.id,
              productName: p.name,
              styleCode: p.styleCode,
              colourId: c.id,
              colourName: c.name,
              colourCode: c.code,
              missingSizes: missing,
              inStockSizes: inStock,
            };
          }),
        )
        .filter((r) => r.missingSizes.length > 0 && r.inStockSizes.length > 0);
      return {
        lowStock: lowStock.slice(0, limit),
        lowStockTotal: lowStock.length,
        brokenSizeRuns: brokenSizeRuns.slice(0, limit),
        brokenSizeRunTotal: brokenSizeRuns.length,
      };
    },
    'catalog.products': async (q) => {
      const text = q.q?.toLowerCase();
      const matches = products.filter(
        (p) =>
          (!q.status || p.status === q.status) &&
          (!text ||
            p.name.toLowerCase().includes(text) ||
            p.styleCode.toLowerCase().includes(text) ||
            variants.some(
              (v) => v.productId === p.id && (v.sku.toLowerCase().includes(text) || v.gtin.includes(text)),
            )),
      );
      const start = (q.page - 1) * q.pageSize;
      return {
        items: matches.slice(start, start + q.pageSize).map((p) => {
          const own = variants.filter((v) => v.productId === p.id);
          const totals = own.reduce(
            (s, v) =>
              locations.reduce((t, l) => {
                const x = level(v.id, l.id);
                return { onHand: t.onHand + x.onHand, available: t.available + x.onHand - x.reserved };
              }, s),
            { onHand: 0, available: 0 },
          );
          return {
            id: p.id,
            name: p.name,
            styleCode: p.styleCode,
            brandId: fakeId(6, p.brand === 'Rua' ? 2 : 1),
            brandName: p.brand,
            categoryId: fakeId(7, 1),
            categoryName: p.name.split(' ').at(-1) ?? null,
            status: p.status,
            variantCount: own.length,
            stockTotal: totals.onHand,
            availableTotal: totals.available,
            pending: false,
          };
        }),
        page: q.page,
        pageSize: q.pageSize,
        total: matches.length,
      };
    },
    'catalog.product': async ({ productId }) => {
      const p = products.find((x) => x.id === productId);
      if (!p)
        throw new DomainError('not_found', 'PRODUCT_NOT_FOUND', 'That product is not in the catalogue.');
      const prices = Boolean(session()?.permissions.includes('prices:write'));
      return {
        id: p.id,
        styleCode: p.styleCode,
        slug: p.styleCode.toLowerCase(),
        name: p.name,
        description: `${p.name}: leather upper, cushioned insole.`,
        material: 'Leather',
        heelHeightMm: 40,
        status: p.status,
        tags: ['women'],
        currency: 'EUR',
        basePriceMinor: prices ? p.priceMinor : null,
        pricesVisible: prices,
        brand: { id: fakeId(6, p.brand === 'Rua' ? 2 : 1), name: p.brand },
        category: null,
        version: 3,
        updatedAt: p.updatedAt,
        pending: false,
        variants: variants
          .filter((v) => v.productId === p.id)
          .map((v) => {
            const t = locations.reduce(
              (s, l) => {
                const x = level(v.id, l.id);
                return { onHand: s.onHand + x.onHand, reserved: s.reserved + x.reserved };
              },
              { onHand: 0, reserved: 0 },
            );
            return {
              id: v.id,
              sku: v.sku,
              gtin: v.gtin,
              colourId: v.colourId,
              colourName: colourOf(v).name,
              colourCode: colourOf(v).code,
              sizeEu: v.sizeEu,
              width: v.width,
              active: v.active,
              lowStockThreshold: v.lowStockThreshold,
              weightGrams: 700,
              ...t,
              available: t.onHand - t.reserved,
              priceMinor: prices ? p.priceMinor : null,
              compareAtMinor: prices ? p.compareAtMinor : null,
            };
          }),
      };
    },
    ...orderHandlers(shop, moneyVisible),
  };
}
