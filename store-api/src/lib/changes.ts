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
