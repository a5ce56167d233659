import type { Db, Store } from '../db/client.ts';
import { chunks } from './batch.ts';
import { insertRows } from '../db/rows.ts';

export type ChangedEntity = 'product' | 'variant' | 'stock' | 'brand' | 'category' | 'colour';

/**
 * Appends to the change sequence inside the caller's transaction. Readers that follow the
 * sequence (the catalog read model, desktop sync) re-read the named rows after commit.
 */
export async function recordChanges(
  store: Store,
  tx: Db,
  entity: ChangedEntity,
  ids: readonly string[],
  now: number,
): Promise<void> {
  if (ids.length === 0) return;
  for (const part of chunks([...new Set(ids)])) {
    await insertRows(
      store,
      tx,
      store.t.changeLog,
      part.map((entityId) => ({ entity, entityId, createdAt: now })),
    );
  }
}
