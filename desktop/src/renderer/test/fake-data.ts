/**
 * A small, realistic shop for the fake backend and the screenshot harness: four styles in a few
 * colours and sizes, two locations, stock with some holes in the core sizes, and as many orders
 * as asked for. Deterministic (no Math.random), so tests and screenshots see the same shop.
 */
import type { OrderStatus } from '@shoebox/shared';

/** A valid UUID (v4 shape) made from a number, so ids are stable and readable in tests. */
export const fakeId = (kind: number, n: number): string =>
  `00000000-0000-4000-8${String(kind).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

/** Deterministic 0..1 from a seed (a tiny hash; good enough to spread fake figures). */
const unit = (seed: number): number => {
  let x = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 0xffffffff;
};

/** EAN-13 with its real check digit, so the codes look like the ones on the boxes. */
export function ean13(body12: string): string {
  const sum = [...body12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}

export interface FakeLocation {
  id: string;
  code: string;
  name: string;
}
export interface FakeColour {
  id: string;
  name: string;
  code: string;
  swatchHex: string;
}
export interface FakeProduct {
  id: string;
  name: string;
  brand: string;
  styleCode: string;
  status: 'active' | 'draft' | 'archived';
  priceMinor: number;
  compareAtMinor: number | null;
  costMinor: number;
  colours: FakeColour[];
  sizes: number[];
  updatedAt: string;
}
export interface FakeVariant {
  id: string;
  productId: string;
  colourId: string;
  sizeEu: number;
  width: 'standard';
  sku: string;
  gtin: string;
  active: boolean;
  lowStockThreshold: number;
}

export const locations: FakeLocation[] = [
  { id: fakeId(1, 1), code: 'MAIN', name: 'Main stockroom' },
  { id: fakeId(1, 2), code: 'SHOP', name: 'Shop floor' },
];

const colour = (n: number, name: string, code: string, swatchHex: string): FakeColour => ({
  id: fakeId(2, n),
  name,
  code,
  swatchHex,
});

const black = colour(1, 'Black', 'BLK', '#1f1f1f');
const nude = colour(2, 'Nude', 'NUD', '#d8b49a');
const red = colour(3, 'Red', 'RED', '#b3261e');
const tan = colour(4, 'Tan', 'TAN', '#b07a4a');
const navy = colour(5, 'Navy', 'NAV', '#1f2f5a');
const taupe = colour(6, 'Taupe', 'TAU', '#8b7d70');
const gold = colour(7, 'Gold', 'GLD', '#c9a645');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const products: FakeProduct[] = [
  {
    id: fakeId(3, 1),
    name: 'Ana Pump',
    brand: 'Shoebox',
    styleCode: 'ANA-PUMP',
    status: 'active',
    priceMinor: 8900,
    compareAtMinor: null,
    costMinor: 3100,
    colours: [black, nude, red],
    sizes: range(36, 41),
    updatedAt: '2026-11-28T10:12:00.000Z',
  },
  {
    id: fakeId(3, 2),
    name: 'Lisbon Loafer',
    brand: 'Shoebox',
    styleCode: 'LIS-LOAF',
    status: 'active',
    priceMinor: 11900,
    compareAtMinor: 13900,
    costMinor: 4400,
    colours: [tan, navy, black],
    sizes: range(36, 41),
    updatedAt: '2026-11-30T15:40:00.000Z',
  },
  {
    id: fakeId(3, 3),
    name: 'Porto Ankle Boot',
    brand: 'Rua',
    styleCode: 'POR-BOOT',
    status: 'active',
    priceMinor: 15900,
    compareAtMinor: null,
    costMinor: 6200,
    colours: [black, taupe],
    sizes: range(36, 42),
    updatedAt: '2026-12-01T08:05:00.000Z',
  },
  {
    id: fakeId(3, 4),
    name: 'Sintra Sandal',
    brand: 'Rua',
    styleCode: 'SIN-SAND',
    status: 'draft',
    priceMinor: 6900,
    compareAtMinor: null,
    costMinor: 2300,
    colours: [gold, black],
    sizes: range(36, 41),
    updatedAt: '2026-11-20T12:00:00.000Z',
  },
];

export const variants: FakeVariant[] = products.flatMap((p, pi) =>
  p.colours.flatMap((c, ci) =>
    p.sizes.map((sizeEu, si) => ({
      id: fakeId(4, pi * 1000 + ci * 100 + si),
      productId: p.id,
      colourId: c.id,
      sizeEu,
      width: 'standard' as const,
      sku: `${p.styleCode}-${c.code}-${sizeEu}`,
      gtin: ean13(
        `84${String(pi + 1).padStart(3, '0')}${String(ci).padStart(2, '0')}${String(sizeEu).padStart(3, '0')}00`,
      ),
      active: true,
      lowStockThreshold: 2,
    })),
  ),
);

/** On hand per `variantId:locationId`. Holes in the core sizes make broken size runs. */
export function initialStock(): Map<string, { onHand: number; reserved: number }> {
  const stock = new Map<string, { onHand: number; reserved: number }>();
  variants.forEach((v, i) => {
    locations.forEach((l, li) => {
      const hole =
        (v.sku.includes('ANA-PUMP-RED') && v.sizeEu === 38) ||
        (v.sku.includes('LIS-LOAF-NAV') && v.sizeEu === 39);
      const onHand = hole ? 0 : Math.floor(unit(i * 7 + li) * (li === 0 ? 9 : 4));
      const reserved = onHand > 2 && unit(i * 13 + li) > 0.8 ? 1 : 0;
      stock.set(`${v.id}:${l.id}`, { onHand, reserved });
    });
  });
  return stock;
}

export const productOf = (variant: FakeVariant) => products.find((p) => p.id === variant.productId)!;
export const colourOf = (variant: FakeVariant) =>
  productOf(variant).colours.find((c) => c.id === variant.colourId)!;

const customers = [
  'Ana Silva',
  'Beatriz Costa',
  'Carla Mendes',
  'Diana Rocha',
  'Elena Ferreira',
  'Filipa Gomes',
  'Inês Martins',
  'Joana Pereira',
  'Lúcia Ramos',
  'Marta Sousa',
  'Rita Carvalho',
  'Sofia Lopes',
];
const statusWeights: Array<[OrderStatus, number]> = [
  ['paid', 0.16],
  ['picking', 0.08],
  ['packed', 0.06],
  ['shipped', 0.3],
  ['delivered', 0.3],
  ['cancelled', 0.06],
  ['pending_payment', 0.04],
];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface FakeOrder {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  customerName: string;
  itemCount: number;
  totalMinor: number;
  refundedMinor: number;
  flagged: boolean;
  createdAt: string;
  lineVariantIds: string[];
  version: number;
}

/** `count` orders over the 30 days before `now`, newest first. */
export function makeOrders(count: number, now = Date.parse('2026-12-02T09:30:00.000Z')): FakeOrder[] {
  return Array.from({ length: count }, (_, i) => {
    const r = unit(i + 101);
    let acc = 0;
    const status =
      statusWeights.find(([, w]) => {
        acc += w;
        return r <= acc;
      })?.[0] ?? 'delivered';
    const name = customers[i % customers.length]!;
    const itemCount = 1 + Math.floor(unit(i + 7) * 3);
    const lineVariantIds = Array.from(
      { length: itemCount },
      (_, k) => variants[Math.floor(unit(i * 31 + k) * variants.length)]!.id,
    );
    const totalMinor = lineVariantIds.reduce(
      (s, id) => s + productOf(variants.find((v) => v.id === id)!).priceMinor,
      495,
    );
    const number = `SB-${Array.from({ length: 8 }, (_, k) => CROCKFORD[Math.floor(unit(i * 17 + k) * 32)]).join('')}`;
    // Open orders are recent (today's work); finished ones spread over the month.
    const open = status === 'paid' || status === 'picking' || status === 'packed';
    const ageMs = open ? unit(i + 3) * 8 * 3_600_000 : unit(i + 3) * 30 * 86_400_000;
    return {
      id: fakeId(5, i + 1),
      number,
      status,
      email: `${name.split(' ')[0]!.toLowerCase()}.${i}@example.com`,
      customerName: name,
      itemCount,
      totalMinor,
      refundedMinor: status === 'delivered' && unit(i + 55) > 0.95 ? totalMinor - 495 : 0,
      flagged: unit(i + 77) > 0.97,
      createdAt: new Date(now - ageMs).toISOString(),
      lineVariantIds,
      version: 1,
    };
  }).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
