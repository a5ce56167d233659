import type { MovementKind } from '@shoebox/shared';
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import { iso } from '../../lib/time.ts';
import { chunks } from '../../lib/batch.ts';

/**
 * Reads for the inventory module: locations, bins, variants, levels, the grid, movements and the
 * stock reports. The ledger write is `inventory-movements.ts`.
 */

export async function readLevel(db: Db, store: Store, variantId: string, locationId: string) {
  const l = store.t.stockLevels;
  const [row] = await db
    .select({ onHand: l.onHand, reserved: l.reserved, binId: l.binId })
    .from(l)
    .where(and(eq(l.variantId, variantId), eq(l.locationId, locationId)))
    .limit(1);
  return row ?? { onHand: 0, reserved: 0, binId: null };
}

// ---- lookups ----

export async function findLocation(db: Db, store: Store, id: string) {
  const t = store.t.stockLocations;
  const [row] = await db.select().from(t).where(eq(t.id, id)).limit(1);
  return row ?? null;
}

export async function listLocations(db: Db, store: Store) {
  const t = store.t.stockLocations;
  return db.select().from(t).orderBy(asc(t.code));
}

export async function listBins(db: Db, store: Store, locationIds: readonly string[]) {
  if (locationIds.length === 0) return [];
  const t = store.t.bins;
  return db
    .select()
    .from(t)
    .where(inArray(t.locationId, [...locationIds]))
    .orderBy(asc(t.code));
}

export async function findBins(db: Db, store: Store, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const t = store.t.bins;
  return db
    .select()
    .from(t)
    .where(inArray(t.id, [...new Set(ids)]));
}

export interface VariantRef {
  id: string;
  sku: string;
  active: boolean;
  productId: string;
}

export async function findVariants(db: Db, store: Store, ids: readonly string[]): Promise<VariantRef[]> {
  const v = store.t.variants;
  const out: VariantRef[] = [];
  for (const part of chunks([...new Set(ids)]))
    out.push(
      ...(await db
        .select({ id: v.id, sku: v.sku, active: v.active, productId: v.productId })
        .from(v)
        .where(inArray(v.id, part))),
    );
  return out;
}

/** Looks SKUs up by their normalised (upper-case) form, as the catalog stores them. */
export async function findVariantsBySku(
  db: Db,
  store: Store,
  skus: readonly string[],
): Promise<VariantRef[]> {
  const v = store.t.variants;
  const out: VariantRef[] = [];
  for (const part of chunks([...new Set(skus)]))
    out.push(
      ...(await db
        .select({ id: v.id, sku: v.sku, active: v.active, productId: v.productId })
        .from(v)
        .where(inArray(v.sku, part))),
    );
  return out;
}

export async function levelsOf(db: Db, store: Store, variantIds: readonly string[]) {
  const l = store.t.stockLevels;
  const out: Array<{
    variantId: string;
    locationId: string;
    onHand: number;
    reserved: number;
    binId: string | null;
  }> = [];
  for (const part of chunks([...new Set(variantIds)]))
    out.push(
      ...(await db
        .select({
          variantId: l.variantId,
          locationId: l.locationId,
          onHand: l.onHand,
          reserved: l.reserved,
          binId: l.binId,
        })
        .from(l)
        .where(inArray(l.variantId, part))),
    );
  return out;
}

// ---- reads ----

const sizeEu = (tenths: number) => tenths / 10;

export interface LevelFilter {
  variantId?: string | undefined;
  productId?: string | undefined;
  locationId?: string | undefined;
  lowStock?: boolean | undefined;
  page: number;
  pageSize: number;
}

export async function queryLevels(store: Store, f: LevelFilter) {
  const { stockLevels: l, variants: v, products: p, colours: c, stockLocations: loc, bins: b } = store.t;
  const conditions: SQL[] = [];
  if (f.variantId) conditions.push(eq(l.variantId, f.variantId));
  if (f.productId) conditions.push(eq(v.productId, f.productId));
  if (f.locationId) conditions.push(eq(l.locationId, f.locationId));
  if (f.lowStock === true) conditions.push(sql`${l.onHand} - ${l.reserved} <= ${v.lowStockThreshold}`);
  if (f.lowStock === false) conditions.push(sql`${l.onHand} - ${l.reserved} > ${v.lowStockThreshold}`);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    store.db
      .select({
        variantId: l.variantId,
        productId: v.productId,
        locationId: l.locationId,
        locationCode: loc.code,
        sku: v.sku,
        productName: p.name,
        colourId: v.colourId,
        colourName: c.name,
        sizeEuTenths: v.sizeEuTenths,
        width: v.width,
        binId: l.binId,
        binCode: b.code,
        onHand: l.onHand,
        reserved: l.reserved,
        lowStockThreshold: v.lowStockThreshold,
        updatedAt: l.updatedAt,
      })
      .from(l)
      .innerJoin(v, eq(v.id, l.variantId))
      .innerJoin(p, eq(p.id, v.productId))
      .innerJoin(c, eq(c.id, v.colourId))
      .innerJoin(loc, eq(loc.id, l.locationId))
      .leftJoin(b, eq(b.id, l.binId))
      .where(where)
      .orderBy(asc(v.sku), asc(loc.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    store.db.select({ n: count() }).from(l).innerJoin(v, eq(v.id, l.variantId)).where(where),
  ]);
  return {
    items: rows.map(({ sizeEuTenths, updatedAt, ...r }) => {
      const available = r.onHand - r.reserved;
      return {
        ...r,
        sizeEu: sizeEu(sizeEuTenths),
        available,
        lowStock: available <= r.lowStockThreshold,
        updatedAt: iso(updatedAt),
      };
    }),
    page: f.page,
    pageSize: f.pageSize,
    total: Number(total?.n ?? 0),
  };
}

export async function levelsForCsv(store: Store, locationId: string | undefined) {
  const { stockLevels: l, variants: v, stockLocations: loc, bins: b } = store.t;
  return store.db
    .select({ sku: v.sku, locationCode: loc.code, binCode: b.code, onHand: l.onHand, reserved: l.reserved })
    .from(l)
    .innerJoin(v, eq(v.id, l.variantId))
    .innerJoin(loc, eq(loc.id, l.locationId))
    .leftJoin(b, eq(b.id, l.binId))
    .where(locationId ? eq(l.locationId, locationId) : undefined)
    .orderBy(asc(v.sku), asc(loc.code));
}

/** Per-variant totals over all locations, or over one. */
function stockTotals(store: Store, locationId: string | undefined) {
  const l = store.t.stockLevels;
  return store.db
    .select({
      variantId: l.variantId,
      onHand: sql<number>`sum(${l.onHand})`.as('total_on_hand'),
      reserved: sql<number>`sum(${l.reserved})`.as('total_reserved'),
    })
    .from(l)
    .where(locationId ? eq(l.locationId, locationId) : undefined)
    .groupBy(l.variantId)
    .as('totals');
}

export async function productGrid(store: Store, productId: string, locationId: string | undefined) {
  const { products: p, variants: v, colours: c, stockLevels: l } = store.t;
  const [product] = await store.db.select().from(p).where(eq(p.id, productId)).limit(1);
  if (!product) return null;
  const variants = await store.db
    .select({
      variantId: v.id,
      sku: v.sku,
      colourId: v.colourId,
      colourName: c.name,
      colourCode: c.code,
      swatchHex: c.swatchHex,
      sizeEuTenths: v.sizeEuTenths,
      width: v.width,
      active: v.active,
      lowStockThreshold: v.lowStockThreshold,
    })
    .from(v)
    .innerJoin(c, eq(c.id, v.colourId))
    .where(eq(v.productId, productId))
    .orderBy(asc(c.name), asc(v.sizeEuTenths), asc(v.width));
  const sums = await store.db
    .select({
      variantId: l.variantId,
      onHand: sql<number>`coalesce(sum(${l.onHand}), 0)`.mapWith(Number),
      reserved: sql<number>`coalesce(sum(${l.reserved}), 0)`.mapWith(Number),
    })
    .from(l)
    .innerJoin(v, eq(v.id, l.variantId))
    .where(and(eq(v.productId, productId), locationId ? eq(l.locationId, locationId) : undefined))
    .groupBy(l.variantId);
  const byVariant = new Map(sums.map((s) => [s.variantId, s]));
  const colours = new Map<string, { id: string; name: string; code: string; swatchHex: string }>();
  const sizes = new Set<number>();
  const cells = variants.map((r) => {
    colours.set(r.colourId, {
      id: r.colourId,
      name: r.colourName,
      code: r.colourCode,
      swatchHex: r.swatchHex,
    });
    sizes.add(r.sizeEuTenths);
    const s = byVariant.get(r.variantId);
    const onHand = s?.onHand ?? 0;
    const reserved = s?.reserved ?? 0;
    const available = onHand - reserved;
    return {
      variantId: r.variantId,
      sku: r.sku,
      colourId: r.colourId,
      sizeEu: sizeEu(r.sizeEuTenths),
      width: r.width,
      active: r.active,
      onHand,
      reserved,
      available,
      lowStockThreshold: r.lowStockThreshold,
      lowStock: available <= r.lowStockThreshold,
    };
  });
  return {
    productId: product.id,
    productName: product.name,
    styleCode: product.styleCode,
    status: product.status,
    sizes: [...sizes].sort((a, b) => a - b).map(sizeEu),
    colours: [...colours.values()],
    cells,
  };
}

export interface MovementFilter {
  variantId?: string | undefined;
  productId?: string | undefined;
  locationId?: string | undefined;
  kind?: MovementKind | undefined;
  reference?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  page: number;
  pageSize: number;
}

export async function queryMovements(store: Store, f: MovementFilter) {
  const { stockMovements: m, variants: v, stockLocations: loc } = store.t;
  const conditions: SQL[] = [];
  if (f.variantId) conditions.push(eq(m.variantId, f.variantId));
  if (f.productId) conditions.push(eq(v.productId, f.productId));
  if (f.locationId) conditions.push(eq(m.locationId, f.locationId));
  if (f.kind) conditions.push(eq(m.kind, f.kind));
  if (f.reference) conditions.push(eq(m.reference, f.reference));
  if (f.from !== undefined) conditions.push(gte(m.createdAt, f.from));
  if (f.to !== undefined) conditions.push(lt(m.createdAt, f.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    store.db
      .select({
        id: m.id,
        variantId: m.variantId,
        locationId: m.locationId,
        kind: m.kind,
        quantity: m.quantity,
        onHandDelta: m.onHandDelta,
        reservedDelta: m.reservedDelta,
        reason: m.reason,
        reference: m.reference,
        sku: v.sku,
        locationCode: loc.code,
        actorType: m.actorType,
        actorId: m.actorId,
        createdAt: m.createdAt,
      })
      .from(m)
      .innerJoin(v, eq(v.id, m.variantId))
      .innerJoin(loc, eq(loc.id, m.locationId))
      .where(where)
      .orderBy(desc(m.createdAt), desc(m.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    store.db.select({ n: count() }).from(m).innerJoin(v, eq(v.id, m.variantId)).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, kind: r.kind as MovementKind, createdAt: iso(r.createdAt) })),
    page: f.page,
    pageSize: f.pageSize,
    total: Number(total?.n ?? 0),
  };
}

/**
 * Active variants of active products joined to their stock totals (0 where never stocked):
 * the base of the low-stock list and of broken size runs.
 */
function sellable(store: Store, locationId: string | undefined) {
  const { variants: v, products: p, colours: c } = store.t;
  const totals = stockTotals(store, locationId);
  const onHand = sql<number>`coalesce(${totals.onHand}, 0)`.mapWith(Number);
  const reserved = sql<number>`coalesce(${totals.reserved}, 0)`.mapWith(Number);
  const available = sql<number>`(coalesce(${totals.onHand}, 0) - coalesce(${totals.reserved}, 0))`.mapWith(
    Number,
  );
  const where = and(eq(p.status, 'active'), eq(v.active, true));
  return { v, p, c, totals, onHand, reserved, available, where };
}

export async function queryLowStock(
  store: Store,
  f: { locationId?: string | undefined; page: number; pageSize: number },
) {
  const { v, p, c, totals, onHand, reserved, available, where: base } = sellable(store, f.locationId);
  const where = and(base, sql`${available} <= ${v.lowStockThreshold}`);
  const [rows, [total]] = await Promise.all([
    store.db
      .select({
        variantId: v.id,
        productId: v.productId,
        productName: p.name,
        sku: v.sku,
        colourName: c.name,
        sizeEuTenths: v.sizeEuTenths,
        width: v.width,
        onHand,
        reserved,
        lowStockThreshold: v.lowStockThreshold,
      })
      .from(v)
      .innerJoin(p, eq(p.id, v.productId))
      .innerJoin(c, eq(c.id, v.colourId))
      .leftJoin(totals, eq(totals.variantId, v.id))
      .where(where)
      .orderBy(asc(available), asc(v.sku))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    store.db
      .select({ n: count() })
      .from(v)
      .innerJoin(p, eq(p.id, v.productId))
      .leftJoin(totals, eq(totals.variantId, v.id))
      .where(where),
  ]);
  return {
    items: rows.map(({ sizeEuTenths, ...r }) => ({
      ...r,
      sizeEu: sizeEu(sizeEuTenths),
      available: r.onHand - r.reserved,
    })),
    page: f.page,
    pageSize: f.pageSize,
    total: Number(total?.n ?? 0),
  };
}

/** Available units per sellable variant, with its product and colour: the input to broken size runs. */
export async function sellableAvailability(store: Store, locationId: string | undefined) {
  const { v, p, c, totals, available, where } = sellable(store, locationId);
  const rows = await store.db
    .select({
      productId: v.productId,
      productName: p.name,
      styleCode: p.styleCode,
      colourId: v.colourId,
      colourName: c.name,
      colourCode: c.code,
      sizeEuTenths: v.sizeEuTenths,
      available,
    })
    .from(v)
    .innerJoin(p, eq(p.id, v.productId))
    .innerJoin(c, eq(c.id, v.colourId))
    .leftJoin(totals, eq(totals.variantId, v.id))
    .where(where);
  return rows.map(({ sizeEuTenths, ...r }) => ({ ...r, sizeEu: sizeEu(sizeEuTenths) }));
}
