/**
 * The fake backend's shop handlers (catalog, inventory, orders) over fake-data.ts, in memory.
 * They keep the real contract's rules that the screens depend on: money is null for roles
 * without `orders:refund`, stock never goes negative, writes answer with a receipt.
 */
import { DomainError } from '@shoebox/shared';
import type { Handlers, Session } from '../../ipc/index.ts';
import {
  colourOf,
  type FakeOrder,
  initialStock,
  locations,
  makeOrders,
  productOf,
  products,
  variants,
} from './fake-data.ts';

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
  /** Every write's arguments, in order, for tests to inspect. */
  writes: Array<{ name: string; args: unknown }>;
}

export function createFakeShop(orderCount = 60): FakeShop {
  return { stock: initialStock(), orders: makeOrders(orderCount), movements: [], writes: [] };
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
      if (!p) throw new DomainError('not_found', 'PRODUCT_NOT_FOUND', 'That product is not in the catalogue.');
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
      move({ ...args, kind: 'adjust', quantity: args.delta, onHandDelta: args.delta, reference: args.note ?? null });
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
    'orders.list': async (q) => {
      const text = q.q?.toLowerCase();
      const matches = shop.orders.filter(
        (o) =>
          (!q.status || q.status.includes(o.status)) &&
          (q.flagged === undefined || o.flagged === q.flagged) &&
          (!text || o.number.toLowerCase().startsWith(text) || o.email.includes(text)),
      );
      const start = (q.page - 1) * q.pageSize;
      const money = moneyVisible();
      return {
        items: matches.slice(start, start + q.pageSize).map((o) => ({
          id: o.id,
          number: o.number,
          status: o.status,
          email: o.email,
          customerId: null,
          customerName: o.customerName,
          itemCount: o.itemCount,
          currency: 'EUR',
          totalMinor: money ? o.totalMinor : null,
          refundedMinor: money ? o.refundedMinor : null,
          flagged: o.flagged,
          createdAt: o.createdAt,
          updatedAt: o.createdAt,
          version: o.version,
        })),
        page: q.page,
        pageSize: q.pageSize,
        total: matches.length,
        moneyVisible: money,
      };
    },
  };
}
