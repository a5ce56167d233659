import type { DomainError } from '@shoebox/shared';
import { type Db, type Store, uniqueViolation } from '../db/client.ts';
import { type AuditEntry, recordAudit } from '../modules/audit/index.ts';
import { enqueue, type TopicPayloads } from '../modules/notifications/index.ts';
import { noteOrder, type TimelineEntry } from '../modules/orders/index.ts';
import type { ChangeOp } from './change-feed.ts';
import { type ChangedEntity, recordChanges } from './changes.ts';
import { type DomainEvent, recordDomainEvents } from './domain-events.ts';
import type { RequestContext } from './request-context.ts';

/**
 * Everything a write says about itself, besides the rows it changes. Each part has one reader:
 * - `audit`: who did what (staff actions; the audit log screen), one entry or several (an import);
 * - `timeline`: what the order's history shows (an entry that goes with no change of the order:
 *   `changeOrder` / `transitionOrder` take their own entry);
 * - `changes`: rows followers must re-read (change_log, read through lib/change-feed.ts);
 * - `events`: facts for analytics, as they were (domain_events, docs/decisions/0009);
 * - `messages`: things to do once outside the database (the outbox: mails, SMS).
 */
export interface WhatHappened {
  audit?: AuditEntry | readonly AuditEntry[];
  timeline?: { orderId: string; entry: TimelineEntry };
  changes?: ReadonlyArray<{ entity: ChangedEntity; ids: readonly string[]; op?: ChangeOp }>;
  events?: readonly DomainEvent[];
  messages?: readonly OutboxMessage[];
}

/** A known topic with its payload; sent no earlier than `notBefore` (default: at once). */
export type OutboxMessage = {
  [K in keyof TopicPayloads]: { topic: K; payload: TopicPayloads[K]; notBefore?: number; id?: string };
}[keyof TopicPayloads];

/**
 * The one call through which a write declares what happened, inside its own transaction (`tx`):
 * all of it commits with the write or none of it does. Never call it outside `store.tx`.
 *
 * Visibility (db/rows.ts `deferRows`): the timeline entry, the changes, the events and the
 * messages are written together just before the transaction commits, so a later step of the same
 * transaction cannot read them back (nor trip a unique index on them before commit). The audit
 * entry is written at once. Nothing in the app reads these rows inside the writing transaction;
 * if you need to, write the row yourself with an ordinary insert.
 *
 * Returns the ids of the outbox messages, in order.
 */
export async function recordWhatHappened(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  what: WhatHappened,
): Promise<{ messageIds: string[] }> {
  for (const entry of what.audit === undefined ? [] : ([] as AuditEntry[]).concat(what.audit))
    await recordAudit(store, tx, ctx, entry);
  if (what.timeline) await noteOrder(store, tx, ctx, what.timeline.orderId, what.timeline.entry);
  for (const c of what.changes ?? []) await recordChanges(store, tx, c.entity, c.ids, ctx.now, c.op);
  if (what.events?.length) await recordDomainEvents(store, tx, what.events, ctx.now);
  const messageIds: string[] = [];
  for (const m of what.messages ?? []) messageIds.push(await enqueue(tx, store, { ...m, now: ctx.now }));
  return { messageIds };
}

/**
 * A write in a transaction of its own, with what it says happened, where a unique index decides a
 * clash (no read-then-write race): a duplicate key is answered with `onDuplicate()`.
 */
export async function writeUnique(
  store: Store,
  ctx: RequestContext,
  write: (tx: Db) => Promise<unknown>,
  what: WhatHappened,
  onDuplicate: () => DomainError,
): Promise<void> {
  try {
    await store.tx(async (tx) => {
      await write(tx);
      await recordWhatHappened(store, tx, ctx, what);
    });
  } catch (e) {
    if (uniqueViolation(e)) throw onDuplicate();
    throw e;
  }
}
