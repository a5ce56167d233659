import { type AnyRow, type EntityName, rowKey, stockLevelId } from '@shoebox/sync/protocol';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import { chunks } from '../../lib/batch.ts';
import { loadPickBatches, loadReturns, loadShipments } from './sync-fulfillment-rows.ts';

/**
 * The rows desktops mirror, read from store-api's tables in sync's shapes (sync/src/protocol/
 * entities.ts). Every field is read; the field policy (sync/src/server/field-policy.ts) removes
 * what a role may not see before anything leaves the server.
 *
 * Stock levels have no id of their own here: sync names them `variantId:locationId`. Order notes
 * are the order timeline's `note` entries; a note made on a desktop carries its device id.
 */

type Loader = (db: Db, store: Store, ids: readonly string[]) => Promise<AnyRow[]>;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v == null ? null : Number(v));

const loaders: Record<EntityName, Loader> = {
  async brand(db, store, ids) {
    const t = store.t.brands;
    const rows = await db
      .select({ id: t.id, name: t.name, slug: t.slug, updatedAt: t.updatedAt })
      .from(t)
      .where(inArray(t.id, [...ids]));
    return rows.map((r) => ({ ...r, updatedAt: num(r.updatedAt) }));
  },
  async category(db, store, ids) {
    const t = store.t.categories;
    const rows = await db
      .select({ id: t.id, name: t.name, slug: t.slug, position: t.position, updatedAt: t.updatedAt })
      .from(t)
      .where(inArray(t.id, [...ids]));
    return rows.map((r) => ({ ...r, updatedAt: num(r.updatedAt) }));
  },
  async colour(db, store, ids) {
    const t = store.t.colours;
    const rows = await db
      .select({
        id: t.id,
        name: t.name,
        code: t.code,
        family: t.family,
        swatchHex: t.swatchHex,
        updatedAt: t.updatedAt,
      })
      .from(t)
      .where(inArray(t.id, [...ids]));
    return rows.map((r) => ({ ...r, updatedAt: num(r.updatedAt) }));
  },
  async product(db, store, ids) {
    const t = store.t.products;
    const rows = await db
      .select({
        id: t.id,
        styleCode: t.styleCode,
        slug: t.slug,
        name: t.name,
        description: t.description,
        brandId: t.brandId,
        categoryId: t.categoryId,
        material: t.material,
        heelHeightMm: t.heelHeightMm,
        basePriceMinor: t.basePriceMinor,
        currency: t.currency,
        status: t.status,
        tags: t.tags,
        popularity: t.popularity,
        version: t.version,
        updatedAt: t.updatedAt,
      })
      .from(t)
      .where(inArray(t.id, [...ids]));
    return rows.map((r) => ({
      ...r,
      status: r.status as 'draft' | 'active' | 'archived',
      tags: [...r.tags],
      updatedAt: num(r.updatedAt),
    }));
  },
  async variant(db, store, ids) {
    const t = store.t.variants;
    const rows = await db
      .select({
        id: t.id,
        productId: t.productId,
        colourId: t.colourId,
        sku: t.sku,
        gtin: t.gtin,
        sizeEuTenths: t.sizeEuTenths,
        width: t.width,
        priceMinor: t.priceMinor,
        compareAtMinor: t.compareAtMinor,
        weightGrams: t.weightGrams,
        lowStockThreshold: t.lowStockThreshold,
        active: t.active,
        updatedAt: t.updatedAt,
      })
      .from(t)
      .where(inArray(t.id, [...ids]));
    return rows.map((r) => ({ ...r, active: Boolean(r.active), updatedAt: num(r.updatedAt) }));
  },
  async location(db, store, ids) {
    const t = store.t.stockLocations;
    return db
      .select({ id: t.id, code: t.code, name: t.name })
      .from(t)
      .where(inArray(t.id, [...ids]));
  },
  async bin(db, store, ids) {
    const t = store.t.bins;
    return db
      .select({ id: t.id, locationId: t.locationId, code: t.code })
      .from(t)
      .where(inArray(t.id, [...ids]));
  },
  async stockLevel(db, store, ids) {
    const t = store.t.stockLevels;
    const wanted = new Set(ids);
    const variants = [
      ...new Set(ids.map((id) => splitStockId(id)?.variantId).filter((v) => v !== undefined)),
    ];
    if (variants.length === 0) return [];
    // By variant (the primary key's prefix), then only the pairs asked for.
    const rows = await db.select().from(t).where(inArray(t.variantId, variants));
    return rows
      .filter((r) => wanted.has(stockLevelId(r.variantId, r.locationId)))
      .map((r) => ({
        id: stockLevelId(r.variantId, r.locationId),
        variantId: r.variantId,
        locationId: r.locationId,
        onHand: num(r.onHand),
        reserved: num(r.reserved),
        binId: r.binId,
        updatedAt: num(r.updatedAt),
      }));
  },
  async order(db, store, ids) {
    const t = store.t.orders;
    const rows = await db
      .select({
        id: t.id,
        number: t.number,
        status: t.status,
        currency: t.currency,
        shippingMethodId: t.shippingMethodId,
        flagged: t.flagged,
        paidAt: t.paidAt,
        version: t.version,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
        email: t.email,
        customerId: t.customerId,
        shippingAddress: t.shippingAddress,
        subtotalMinor: t.subtotalMinor,
        discountMinor: t.discountMinor,
        shippingMinor: t.shippingMinor,
        taxMinor: t.taxMinor,
        totalMinor: t.totalMinor,
        refundedMinor: t.refundedMinor,
      })
      .from(t)
      .where(inArray(t.id, [...ids]));
    return rows.map((r) => ({
      ...r,
      status: r.status as never,
      flagged: Boolean(r.flagged),
      paidAt: numOrNull(r.paidAt),
      createdAt: num(r.createdAt),
      updatedAt: num(r.updatedAt),
      shippingAddress: withoutUndefined(r.shippingAddress),
    }));
  },
  async orderLine(db, store, ids) {
    const t = store.t.orderLines;
    return db
      .select()
      .from(t)
      .where(inArray(t.id, [...ids]));
  },
  async orderNote(db, store, ids) {
    const t = store.t.orderEvents;
    const rows = await db
      .select({ id: t.id, orderId: t.orderId, message: t.message, data: t.data, createdAt: t.createdAt })
      .from(t)
      .where(and(inArray(t.id, [...ids]), eq(t.type, 'note')));
    return rows.map((r) => ({
      id: r.id,
      orderId: r.orderId,
      text: r.message,
      deviceId: noteDeviceId(r.data),
      createdAt: num(r.createdAt),
    }));
  },
  pickBatch: loadPickBatches,
  shipment: loadShipments,
  return: loadReturns,
};

/** Notes written in the back office have no device: they show as the back office's. */
export const BACK_OFFICE_DEVICE = 'back-office';

const noteDeviceId = (data: unknown): string => {
  const deviceId = (data as { deviceId?: unknown } | null)?.deviceId;
  return typeof deviceId === 'string' && deviceId.length > 0 ? deviceId : BACK_OFFICE_DEVICE;
};

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;

export const splitStockId = (id: string): { variantId: string; locationId: string } | null => {
  const [variantId, locationId, ...rest] = id.split(':');
  return variantId && locationId && rest.length === 0 ? { variantId, locationId } : null;
};

/** The current rows for these keys, keyed by `rowKey`; a key missing from the answer is a tombstone. */
export async function loadSyncRows(
  db: Db,
  store: Store,
  keys: readonly { entity: EntityName; id: string }[],
): Promise<Map<string, AnyRow>> {
  const byEntity = new Map<EntityName, string[]>();
  for (const { entity, id } of keys) byEntity.set(entity, [...(byEntity.get(entity) ?? []), id]);
  const out = new Map<string, AnyRow>();
  for (const [entity, ids] of byEntity) {
    for (const part of chunks([...new Set(ids)])) {
      for (const row of await loaders[entity](db, store, part)) out.set(rowKey(entity, row.id), row);
    }
  }
  return out;
}
