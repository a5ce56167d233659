import { type SQL, sql } from 'drizzle-orm';
import type { Db, Store } from '../db/client.ts';
import { deferRows } from '../db/rows.ts';
import type { ChangeOp } from './change-feed.ts';

/**
 * What a follower of the change feed can mirror. `stock` names a variant: its stock levels at
 * every location are re-read together.
 */
export type ChangedEntity =
  | 'product'
  | 'variant'
  | 'stock'
  | 'brand'
  | 'category'
  | 'colour'
  | 'stock_location'
  | 'bin'
  | 'order'
  | 'order_line'
  // Fulfillment (synced to desktops later): a pick batch with its lines, a shipment with its events.
  | 'pick_batch'
  | 'shipment'
  | 'return'

  // A staff note on an order's timeline (order_events of type `note`), by the entry's id.
  | 'order_note'
  // Sign-in state (modules/auth/session-state.ts): an account (staff or customer id) whose role,
  // status or sessions changed, and a session (refresh token family id) that was signed out.
  | 'account'
  | 'session';

/**
 * Appends to the change sequence inside the caller's transaction, written just before it commits
 * (which also keeps the window in which MySQL can show a later `seq` before an earlier one short).
 * Followers (lib/change-feed.ts: the catalog read model, desktop sync) re-read the named rows
 * after commit, or drop them for a `delete`.
 */
export async function recordChanges(
  store: Store,
  tx: Db,
  entity: ChangedEntity,
  ids: readonly string[],
  now: number,
  op: ChangeOp = 'upsert',
): Promise<void> {
  await deferRows(
    store,
    tx,
    store.t.changeLog,
    [...new Set(ids)].map((entityId) => ({ entity, entityId, op, createdAt: now })),
  );
}

/** Tables whose every row a change-log follower mirrors, by the entity they are logged as. */
const backfillSources: Readonly<Partial<Record<ChangedEntity, SQL>>> = {
  brand: sql`select id from brands`,
  category: sql`select id from categories`,
  colour: sql`select id from colours`,
  product: sql`select id from products`,
  variant: sql`select id from variants`,
  stock: sql`select distinct variant_id as id from stock_levels`,
  stock_location: sql`select id from stock_locations`,
  bin: sql`select id from bins`,
  order: sql`select id from orders`,
  order_line: sql`select id from order_lines`,
  order_note: sql`select id from order_events where type = 'note'`,
  pick_batch: sql`select id from pick_batches`,
  shipment: sql`select id from shipments`,
  return: sql`select id from returns`,
};

/**
 * Logs every existing row of the mirrored tables once, in the caller's transaction: rows written
 * before their writers logged them (the demo seed, databases older than the log) become visible
 * to a follower that starts from seq 0 (desktop sync's first pull). Repeating an entry is harmless.
 */
export async function logExistingRows(store: Store, tx: Db, now: number): Promise<void> {
  for (const [entity, source] of Object.entries(backfillSources)) {
    await store.run(
      tx,
      sql`insert into change_log (entity, entity_id, op, created_at) select ${entity}, x.id, 'upsert', ${now} from (${source}) as x`,
    );
  }
}
