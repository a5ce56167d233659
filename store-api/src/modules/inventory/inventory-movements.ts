import {
  type DomainError,
  isValidQuantity,
  type MovementKind,
  newId,
  onHandDelta,
  reservedDelta,
} from '@shoebox/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import { deferRows } from '../../db/rows.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { chunks } from '../../lib/batch.ts';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import { readLevel } from './inventory.repo.ts';
import { inventoryErrors } from './inventory.errors.ts';

/**
 * The ledger write: the only code that inserts stock movements or changes stock levels.
 */

export interface MovementInput {
  kind: MovementKind;
  variantId: string;
  locationId: string;
  /** Positive, except for adjust and count where the sign is the direction (count may be 0). */
  quantity: number;
  reason?: string | null | undefined;
  reference?: string | null | undefined;
  /** Also shelve the level in this bin (receive, import). The caller checks the bin's location. */
  binId?: string | null | undefined;
}

export interface MovementView {
  id: string;
  variantId: string;
  locationId: string;
  kind: MovementKind;
  quantity: number;
  onHandDelta: number;
  reservedDelta: number;
  reason: string | null;
  reference: string | null;
}

const MAX_REASON = 200;
const MAX_REFERENCE = 64;

const keyOf = (variantId: string, locationId: string) => `${variantId}|${locationId}`;

/**
 * Appends movements to the ledger and moves the stock-level projection with them, inside the
 * caller's transaction. Each level changes by one relative, conditional UPDATE that refuses to
 * make on_hand, reserved or available negative; a refusal throws (422), so the caller's
 * transaction rolls back and nothing is written. Levels are touched in (variant, location) order
 * so two multi-line writers cannot deadlock each other on MySQL.
 */
export async function writeMovements(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  inputs: readonly MovementInput[],
): Promise<MovementView[]> {
  if (inputs.length === 0) return [];
  const l = store.t.stockLevels;
  const planned = inputs.map((m, i) => {
    if (!isValidQuantity(m.kind, m.quantity)) throw inventoryErrors.invalidQuantity(i, m.kind, m.quantity);
    if (m.reference && m.reference.length > MAX_REFERENCE)
      throw inventoryErrors.referenceTooLong(MAX_REFERENCE);
    const d1 = onHandDelta(m.kind, m.quantity);
    const d2 = reservedDelta(m.kind, m.quantity);
    const view: MovementView = {
      id: newId(),
      variantId: m.variantId,
      locationId: m.locationId,
      kind: m.kind,
      quantity: m.quantity,
      onHandDelta: d1,
      reservedDelta: d2,
      reason: m.reason ? m.reason.slice(0, MAX_REASON) : null,
      reference: m.reference ?? null,
    };
    // Only a movement that could succeed on an empty level needs the level row to exist first;
    // the others are refused by the UPDATE matching no row, and a refusal writes nothing.
    return { view, binId: m.binId ?? null, creates: d1 >= 0 && d2 >= 0 && d1 >= d2 };
  });

  const toCreate = new Set(
    planned.filter((p) => p.creates).map((p) => keyOf(p.view.variantId, p.view.locationId)),
  );
  const existing =
    toCreate.size > 8
      ? await existingLevels(
          tx,
          store,
          planned.map((p) => p.view),
        )
      : new Set<string>();

  const lockKey = (p: (typeof planned)[number]) => keyOf(p.view.variantId, p.view.locationId);
  const order = [...planned].sort((a, b) => (lockKey(a) < lockKey(b) ? -1 : lockKey(a) > lockKey(b) ? 1 : 0));
  for (const { view: m, binId, creates } of order) {
    const key = keyOf(m.variantId, m.locationId);
    if (creates && !existing.has(key)) {
      await store.insertIfAbsent(tx, l, {
        variantId: m.variantId,
        locationId: m.locationId,
        onHand: 0,
        reserved: 0,
        binId: null,
        updatedAt: ctx.now,
      });
      existing.add(key);
    }
    const result = await tx
      .update(l)
      .set({
        onHand: sql`${l.onHand} + ${m.onHandDelta}`,
        reserved: sql`${l.reserved} + ${m.reservedDelta}`,
        updatedAt: ctx.now,
        ...(binId ? { binId } : {}),
      })
      .where(
        and(
          eq(l.variantId, m.variantId),
          eq(l.locationId, m.locationId),
          sql`${l.onHand} + ${m.onHandDelta} >= ${l.reserved} + ${m.reservedDelta}`,
          sql`${l.reserved} + ${m.reservedDelta} >= 0`,
          sql`${l.onHand} + ${m.onHandDelta} >= 0`,
        ),
      );
    if (affectedRows(result) !== 1) throw await refusal(store, tx, m);
  }

  const actorId = ctx.actor.type === 'anonymous' ? null : ctx.actor.id;
  const views = planned.map((p) => p.view);
  await announceRestocks(store, tx, ctx, views);
  await deferRows(
    store,
    tx,
    store.t.stockMovements,
    views.map((m) => ({ ...m, actorType: ctx.actor.type, actorId, createdAt: ctx.now })),
  );
  await recordWhatHappened(store, tx, ctx, {
    changes: [{ entity: 'stock', ids: views.map((m) => m.variantId) }],
    events: views.map((m) => ({ type: 'inventory.updated', aggregateId: m.variantId, data: { ...m } })),
  });
  return views;
}

/**
 * Told, inside the movement's transaction, which variants a receive or return-restock just
 * brought back: available summed over every location went from 0 to above 0. A listener that
 * throws rolls the movement back with it.
 */
export type RestockListener = (tx: Db, ctx: RequestContext, variantIds: readonly string[]) => Promise<void>;

// Keyed by store, so several apps in one process (tests, the cluster) keep their own listeners.
const restockListeners = new WeakMap<Store, RestockListener[]>();

/** Subscribes to restocks of this store's ledger (wired once in services.ts). */
export function onRestock(store: Store, listener: RestockListener): void {
  restockListeners.set(store, [...(restockListeners.get(store) ?? []), listener]);
}

const RESTOCKING: ReadonlySet<MovementKind> = new Set(['receive', 'return_restock']);

/**
 * Finds the variants this write brought from 0 available to more, and tells the listeners. Costs
 * one grouped read, and only for receives and return-restocks while someone listens.
 */
async function announceRestocks(store: Store, tx: Db, ctx: RequestContext, views: readonly MovementView[]) {
  const listeners = restockListeners.get(store);
  if (!listeners?.length) return;
  const restocked = [...new Set(views.filter((m) => RESTOCKING.has(m.kind)).map((m) => m.variantId))];
  if (restocked.length === 0) return;
  const delta = new Map<string, number>();
  for (const m of views)
    delta.set(m.variantId, (delta.get(m.variantId) ?? 0) + m.onHandDelta - m.reservedDelta);
  const l = store.t.stockLevels;
  const rows: { variantId: string; available: string | number }[] = [];
  for (const part of chunks(restocked))
    rows.push(
      ...(await tx
        .select({ variantId: l.variantId, available: sql<string | number>`sum(${l.onHand} - ${l.reserved})` })
        .from(l)
        .where(inArray(l.variantId, part))
        .groupBy(l.variantId)),
    );
  const back = rows
    .filter((r) => {
      const after = Number(r.available);
      return after > 0 && after - (delta.get(r.variantId) ?? 0) <= 0;
    })
    .map((r) => r.variantId);
  if (back.length === 0) return;
  for (const listener of listeners) await listener(tx, ctx, back);
}

async function existingLevels(
  tx: Db,
  store: Store,
  movements: readonly MovementView[],
): Promise<Set<string>> {
  const l = store.t.stockLevels;
  const wanted = new Set(movements.map((m) => keyOf(m.variantId, m.locationId)));
  const found = new Set<string>();
  for (const part of chunks([...new Set(movements.map((m) => m.variantId))])) {
    const rows = await tx
      .select({ variantId: l.variantId, locationId: l.locationId })
      .from(l)
      .where(inArray(l.variantId, part));
    for (const r of rows) {
      const key = keyOf(r.variantId, r.locationId);
      if (wanted.has(key)) found.add(key);
    }
  }
  return found;
}

/** The 422 for a refused movement, with the level it was refused against. */
async function refusal(store: Store, tx: Db, m: MovementView): Promise<DomainError> {
  return inventoryErrors.movementRefused(m, await readLevel(tx, store, m.variantId, m.locationId));
}
