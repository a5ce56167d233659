import { newId } from '@shoebox/shared';
import type { Db, Store } from '../db/client.ts';
import { chunks } from './batch.ts';
import { insertRows } from '../db/rows.ts';

export type DomainEventType = 'order.placed' | 'payment.completed' | 'payment.failed' | 'inventory.updated';

export interface DomainEvent {
  type: DomainEventType;
  aggregateId: string;
  data: Record<string, unknown>;
}

type DomainEventRow = DomainEvent & { id: string; createdAt: number };

/** Events recorded in each open transaction, written when it is about to commit. */
const pendingByTx = new WeakMap<Db, DomainEventRow[]>();

/**
 * Appends analytics events inside the caller's transaction: recorded iff the change commits. The
 * events of one transaction (an order placed and the stock it reserved) go in as one INSERT just
 * before the commit.
 */
export async function recordDomainEvents(
  store: Store,
  tx: Db,
  events: readonly DomainEvent[],
  now: number,
): Promise<void> {
  if (events.length === 0) return;
  let pending = pendingByTx.get(tx);
  if (!pending) {
    const rows: DomainEventRow[] = [];
    pending = rows;
    pendingByTx.set(tx, rows);
    store.beforeCommit(tx, 'domain-events', async () => {
      pendingByTx.delete(tx);
      for (const part of chunks(rows)) await insertRows(store, tx, store.t.domainEvents, part);
    });
  }
  for (const e of events) pending.push({ id: newId(), ...e, createdAt: now });
}
