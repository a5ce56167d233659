import { newId } from '@shoebox/shared';
import type { Db, Store } from '../db/client.ts';
import { deferRows } from '../db/rows.ts';

export type DomainEventType =
  | 'order.placed'
  | 'payment.completed'
  | 'payment.failed'
  | 'inventory.updated'
  | 'return.requested';

export interface DomainEvent {
  type: DomainEventType;
  aggregateId: string;
  data: Record<string, unknown>;
}

/**
 * Appends analytics events inside the caller's transaction: recorded iff the change commits,
 * written with the transaction's other appends just before it commits (db/rows.ts `deferRows`).
 * An analytics log, not a queue (docs/decisions/0009): to react to a change, follow the change
 * feed (lib/change-feed.ts); to do something once outside the database, use the outbox.
 */
export async function recordDomainEvents(
  store: Store,
  tx: Db,
  events: readonly DomainEvent[],
  now: number,
): Promise<void> {
  await deferRows(
    store,
    tx,
    store.t.domainEvents,
    events.map((e) => ({ id: newId(), ...e, createdAt: now })),
  );
}
