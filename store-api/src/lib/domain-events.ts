import { newId } from '@shoebox/shared';
import type { Db, Store } from '../db/client.ts';
import { chunks } from './batch.ts';

export type DomainEventType = 'order.placed' | 'payment.completed' | 'payment.failed' | 'inventory.updated';

export interface DomainEvent {
  type: DomainEventType;
  aggregateId: string;
  data: Record<string, unknown>;
}

/** Appends analytics events inside the caller's transaction: recorded iff the change commits. */
export async function recordDomainEvents(
  store: Store,
  tx: Db,
  events: readonly DomainEvent[],
  now: number,
): Promise<void> {
  for (const part of chunks(events)) {
    await tx.insert(store.t.domainEvents).values(part.map((e) => ({ id: newId(), ...e, createdAt: now })));
  }
}
