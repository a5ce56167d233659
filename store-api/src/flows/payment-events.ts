import type { Db } from '../db/client.ts';
import { deferRows } from '../db/rows.ts';
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../http/context.ts';
import type { PaymentEvent } from '../integrations/payments/index.ts';
import type { FlowDeps } from './deps.ts';

/** What handling a provider event did, recorded with its id (payment_events.outcome). */
export type ConfirmOutcome =
  | 'duplicate'
  | 'unknown_order'
  | 'paid'
  | 'paid_late'
  | 'refunded_late'
  | 'payment_failed'
  | 'cancelled'
  | 'refund_failed'
  | 'ignored';

/** True when this provider event id was handled before (each event has its effect once). */
export async function alreadyProcessed(deps: FlowDeps, db: Db, eventId: string): Promise<boolean> {
  const p = deps.store.t.paymentEvents;
  const [row] = await db.select({ id: p.eventId }).from(p).where(eq(p.eventId, eventId)).limit(1);
  return Boolean(row);
}

/** Records the event as handled, with the transaction that had its effect. */
export async function recordEvent(
  deps: FlowDeps,
  tx: Db,
  ctx: RequestContext,
  event: PaymentEvent,
  orderId: string | null,
  outcome: ConfirmOutcome,
): Promise<void> {
  await deferRows(deps.store, tx, deps.store.t.paymentEvents, [
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
