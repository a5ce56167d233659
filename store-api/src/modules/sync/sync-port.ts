import { DomainError, newId, type OrderEvent, transition } from '@shoebox/shared';
import { staffTransitionEvents } from '@shoebox/shared/contracts';
import {
  type AnyRow,
  type EntityName,
  type EntityRow,
  type FirstResult,
  type FulfillmentEffect,
  rowKey,
} from '@shoebox/sync/protocol';
import {
  type ChangeEntry,
  StaleWriteError,
  type SyncServerPort,
  type SyncTransaction,
  WriteRefusedError,
} from '@shoebox/sync/server';
import { and, eq, inArray } from 'drizzle-orm';
import { type Db, type Store, uniqueViolation } from '../../db/client.ts';
import { SavepointLostError, withSavepoint } from '../../db/savepoint.ts';
import { type Change, latestSeq, readChanges } from '../../lib/change-feed.ts';
import { logExistingRows } from '../../lib/changes.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { recordAudit } from '../audit/index.ts';
import { createProductService } from '../catalog/index.ts';
import { writeMovements } from '../inventory/index.ts';
import { noteOrder, transitionEvents, transitionOrder } from '../orders/index.ts';
import { loadSyncRows } from './sync-rows.ts';

/**
 * sync's server port over store-api's database (sync/src/server/port.ts):
 *
 * - the change sequence is `change_log`, read through lib/change-feed.ts (the one follower); its
 *   entries are translated to sync's entities here. `stock <variant>` names every stock level of
 *   the variant (store-api logs stock by variant; sync keys a level `variantId:locationId`), so it
 *   becomes one entry per level that exists when read. Entries sync does not carry (sign-ins)
 *   become `entity: null`: the cursor moves past them without waiting for them as gaps;
 * - `(device, mutation id) -> first result` is `sync_results`, whose primary key turns a
 *   concurrent second apply of the same mutation into a StaleWriteError (rolled back, re-asked,
 *   answered `duplicate`);
 * - effects write through the owners' write paths only: stock through inventory-movements.ts,
 *   orders through order-writes.ts, products through the catalog's update.
 */

/** change_log entities that map one to one onto a sync entity. */
const direct: Readonly<Record<string, EntityName>> = {
  brand: 'brand',
  category: 'category',
  colour: 'colour',
  product: 'product',
  variant: 'variant',
  stock_location: 'location',
  bin: 'bin',
  order: 'order',
  order_line: 'orderLine',
  order_note: 'orderNote',
  pick_batch: 'pickBatch',
  shipment: 'shipment',
  return: 'return',
};

/**
 * Writes the warehouse steps (pick, pack, ship, void, receive a return; decision 0040) inside the
 * push transaction. Built by flows/sync-fulfillment.flow.ts from the fulfillment, shipping and
 * returns modules, which check their own rules again; a refusal throws their DomainError.
 */
export interface FulfillmentWriter {
  write(
    tx: Db,
    ctx: RequestContext,
    effect: FulfillmentEffect,
    w: { deviceId: string; mutationId: string },
  ): Promise<'ok' | 'stale'>;
}

/** Stock movements a plan may ask for, and the codes writeMovements refuses them with (a lost race). */
const stockRefusals = new Set(['INSUFFICIENT_STOCK', 'INSUFFICIENT_RESERVED']);

/**
 * The id made once per database, kept in `sync_server` (cursors carry it). Made in the same
 * transaction that logs every existing synced row (lib/changes.ts `logExistingRows`), so a first
 * pull from seq 0 sees rows written before their writers logged them (the demo seed, older data).
 */
export async function syncServerId(store: Store): Promise<string> {
  const s = store.t.syncServer;
  const read = async () => (await store.db.select().from(s).where(eq(s.id, 'sync')).limit(1))[0]?.serverId;
  const existing = await read();
  if (existing) return existing;
  try {
    await store.tx(async (tx) => {
      const now = Date.now();
      await tx.insert(s).values({ id: 'sync', serverId: newId(), createdAt: now });
      await logExistingRows(store, tx, now);
    });
  } catch (error) {
    if (!uniqueViolation(error)) throw error; // another process made it first
  }
  const made = await read();
  if (!made) throw new Error('sync_server row missing after insert');
  return made;
}

/** Translates change_log entries to sync's, expanding `stock <variant>` to its levels. */
async function toSyncEntries(store: Store, changes: readonly Change[]): Promise<ChangeEntry[]> {
  const variants = [...new Set(changes.filter((c) => c.entity === 'stock').map((c) => c.entityId))];
  const levels = new Map<string, string[]>();
  if (variants.length > 0) {
    const l = store.t.stockLevels;
    for (let i = 0; i < variants.length; i += 400) {
      const rows = await store.db
        .select({ variantId: l.variantId, locationId: l.locationId })
        .from(l)
        .where(inArray(l.variantId, variants.slice(i, i + 400)));
      for (const r of rows) levels.set(r.variantId, [...(levels.get(r.variantId) ?? []), r.locationId]);
    }
  }
  const out: ChangeEntry[] = [];
  for (const c of changes) {
    if (c.entity === 'stock') {
      const locations = levels.get(c.entityId) ?? [];
      if (locations.length === 0) out.push({ seq: c.seq, entity: null, id: c.entityId });
      for (const locationId of locations.sort())
        out.push({ seq: c.seq, entity: 'stockLevel', id: `${c.entityId}:${locationId}` });
    } else {
      out.push({ seq: c.seq, entity: direct[c.entity] ?? null, id: c.entityId });
    }
  }
  return out;
}

/** The fulfilment event that moves an order `from` -> `to` (the plan names the statuses). */
const eventBetween = (from: EntityRow<'order'>['status'], to: string): OrderEvent | null =>
  staffTransitionEvents.find((e) => {
    const next = transition(from, e);
    return next.ok && next.value === to;
  }) ?? null;

/**
 * The port for one request: writes are made as `ctx`'s staff member (the ledger, the timeline and
 * the audit log name them), at the time each transaction starts.
 */
export function createSyncPort(
  store: Store,
  serverId: string,
  ctx: RequestContext,
  fulfillment: FulfillmentWriter,
): SyncServerPort {
  const products = createProductService(store);
  const r = store.t.syncResults;

  /** `lost`: a savepoint could not be rolled back, so the transaction must not commit. */
  const transactionOf = (tx: Db, lost: { error: unknown }): SyncTransaction => {
    const at = (now: number): RequestContext => ({ ...ctx, now });
    return {
      atSavepoint: <T>(fn: () => Promise<T>) =>
        withSavepoint(store, tx, fn).catch((error: unknown) => {
          if (error instanceof SavepointLostError) lost.error ??= error;
          throw error;
        }),
      async get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | null> {
        const rows = await loadSyncRows(tx, store, [{ entity, id }]);
        return (rows.get(rowKey(entity, id)) as EntityRow<E> | undefined) ?? null;
      },
      async findResult(deviceId, mutationId) {
        const [row] = await tx
          .select({ result: r.result })
          .from(r)
          .where(and(eq(r.deviceId, deviceId), eq(r.mutationId, mutationId)))
          .limit(1);
        return row ? (row.result as FirstResult) : null;
      },
      async saveResult(deviceId, mutationId, result) {
        try {
          await tx.insert(r).values({
            deviceId,
            mutationId,
            status: result.status,
            result,
            createdAt: Date.now(),
          });
        } catch (error) {
          // A concurrent push of the same mutation committed first: roll back, re-ask, answer duplicate.
          if (uniqueViolation(error)) throw new StaleWriteError();
          throw error;
        }
      },
      async write(effect, w) {
        const c = at(w.now);
        switch (effect.type) {
          case 'stock':
            try {
              await writeMovements(store, tx, c, [
                {
                  kind: effect.movement,
                  variantId: effect.variantId,
                  locationId: effect.locationId,
                  quantity: effect.quantity,
                  reason: effect.reason,
                  reference: w.mutationId,
                },
              ]);
              return 'ok';
            } catch (error) {
              if (error instanceof DomainError && stockRefusals.has(error.code)) return 'stale';
              throw refusedBy(error);
            }
          case 'orderStatus': {
            const event = eventBetween(effect.from, effect.to);
            if (!event) throw new WriteRefusedError('ILLEGAL_ORDER_TRANSITION', 'Not a fulfilment step.');
            const step = transitionEvents[event as keyof typeof transitionEvents];
            const moved = await transitionOrder(
              store,
              tx,
              c,
              { id: effect.orderId, status: effect.from },
              event,
              {
                entry: {
                  type: step.type,
                  message: step.message,
                  data: {
                    from: effect.from,
                    to: effect.to,
                    event,
                    deviceId: w.deviceId,
                    mutationId: w.mutationId,
                  },
                },
              },
            ).catch((error: unknown) => {
              throw refusedBy(error);
            });
            if (!moved) return 'stale';
            await recordAudit(store, tx, c, {
              action: 'order.transition',
              entity: 'order',
              entityId: effect.orderId,
              before: { status: effect.from },
              after: { status: effect.to, event, deviceId: w.deviceId, mutationId: w.mutationId },
            });
            return 'ok';
          }
          case 'orderNote': {
            // order_events ids are UUID-sized: a longer device-made id is refused, not truncated.
            if (effect.noteId.length > 36)
              throw new WriteRefusedError('MUTATION_ARGS_INVALID', 'A note id has at most 36 characters.');
            await noteOrder(store, tx, c, effect.orderId, {
              id: effect.noteId,
              type: 'note',
              message: effect.text,
              data: { deviceId: w.deviceId, mutationId: w.mutationId },
            });
            await recordAudit(store, tx, c, {
              action: 'order.note',
              entity: 'order',
              entityId: effect.orderId,
              after: { eventId: effect.noteId, text: effect.text, deviceId: w.deviceId },
            });
            return 'ok';
          }
          case 'productFields':
            try {
              await products.updateProductIn(tx, c, effect.productId, {
                ...effect.fields,
                baseVersion: effect.fromVersion,
              });
              return 'ok';
            } catch (error) {
              if (error instanceof DomainError && error.code === 'VERSION_CONFLICT') return 'stale';
              throw refusedBy(error);
            }
          default:
            try {
              return await fulfillment.write(tx, c, effect, w);
            } catch (error) {
              if (error instanceof DomainError && error.code === 'VERSION_CONFLICT') return 'stale';
              throw refusedBy(error);
            }
        }
      },
    };
  };

  return {
    serverId,
    now: () => Date.now(),
    transact: <T>(fn: (tx: SyncTransaction) => Promise<T>) =>
      store
        .tx(async (tx) => {
          const lost: { error: unknown } = { error: null };
          const result = await fn(transactionOf(tx, lost));
          if (lost.error) throw lost.error; // rolled back already: never commit what is left
          return result;
        })
        .catch((error: unknown) => {
          // MariaDB picks a victim when two pushes lock rows in opposite orders: plan again.
          if (isDeadlock(error)) throw new StaleWriteError();
          throw error;
        }),
    headSeq: () => latestSeq(store),
    readChanges: async (after, also, limit) =>
      toSyncEntries(store, await readChanges(store, after, also, limit)),
    loadRows: (keys): Promise<Map<string, AnyRow>> => loadSyncRows(store.db, store, keys),
  };
}

/** A business rule of the owning module refused the write: the mutation is rejected with its code. */
function refusedBy(error: unknown): unknown {
  if (error instanceof DomainError && error.kind !== 'internal')
    return new WriteRefusedError(error.code, error.message, error.details);
  return error;
}

function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: string }).code;
    if (code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT') return true;
  }
  return false;
}
