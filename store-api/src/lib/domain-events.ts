import { newId } from '@shoebox/shared';
import type { Db, Store } from '../db/client.ts';

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
  for (let i = 0; i < events.length; i += 400) {
    await tx
      .insert(store.t.domainEvents)
      .values(events.slice(i, i + 400).map((e) => ({ id: newId(), ...e, createdAt: now })));
  }
}
