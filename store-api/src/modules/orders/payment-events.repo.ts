import { eq } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import { deferRows } from '../../db/rows.ts';
import type { RequestContext } from '../../lib/request-context.ts';

/**
 * Payment provider events already handled (`payment_events`): each event id is recorded in the
 * transaction that had its effect, so a redelivered event finds it and does nothing.
 */

/** True when this provider event id was handled before. */
export async function paymentEventSeen(db: Db, store: Store, eventId: string): Promise<boolean> {
  const p = store.t.paymentEvents;
  const [row] = await db.select({ id: p.eventId }).from(p).where(eq(p.eventId, eventId)).limit(1);
  return Boolean(row);
}

/** Records the event as handled, with the transaction that had its effect. */
export async function recordPaymentEvent(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  event: { id: string; provider: string; rawType: string },
  orderId: string | null,
  outcome: string,
): Promise<void> {
  await deferRows(store, tx, store.t.paymentEvents, [
    {
      eventId: event.id,
      provider: event.provider,
      type: event.rawType.slice(0, 40),
      orderId,
      outcome,
      receivedAt: ctx.now,
    },
  ]);
}
