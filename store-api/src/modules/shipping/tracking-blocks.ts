import { businessRule, HOUSE_SERIAL_MAX, houseTrackingNumber, newId } from '@shoebox/shared';
import { and, eq, sql } from 'drizzle-orm';
import { affectedRows, type Db, type Store } from '../../db/client.ts';
import { iso } from '../../lib/time.ts';
import type { RequestContext } from '../../lib/request-context.ts';

/**
 * House tracking serials, handed out in blocks. One counter row per carrier moves by a relative
 * UPDATE (`next_serial = next_serial + size`), which MySQL row-locks until commit and SQLite runs
 * behind its single writer; the transaction then reads back its own write. Two holders can
 * therefore never get overlapping serials, whatever the interleaving, with no SELECT ... FOR
 * UPDATE. The block row records who holds which range (a device prints offline from its own).
 */

export const HOUSE = 'house';

export interface ReservedBlock {
  id: string;
  carrier: 'house';
  holder: string;
  firstSerial: number;
  lastSerial: number;
  firstTrackingNumber: string;
  lastTrackingNumber: string;
  createdAt: string;
}

export async function reserveSerials(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  holder: string,
  size: number,
): Promise<ReservedBlock> {
  const c = store.t.trackingCounters;
  await store.insertIfAbsent(tx, c, { carrier: HOUSE, nextSerial: 1, updatedAt: ctx.now });
  const moved = await tx
    .update(c)
    .set({ nextSerial: sql`${c.nextSerial} + ${size}`, updatedAt: ctx.now })
    .where(and(eq(c.carrier, HOUSE), sql`${c.nextSerial} + ${size} - 1 <= ${HOUSE_SERIAL_MAX}`));
  if (affectedRows(moved) !== 1)
    throw businessRule('TRACKING_SERIALS_EXHAUSTED', 'The house carrier has no tracking numbers left.', {
      size,
    });
  const [row] = await tx.select({ next: c.nextSerial }).from(c).where(eq(c.carrier, HOUSE));
  const lastSerial = (row?.next ?? 1) - 1;
  const firstSerial = lastSerial - size + 1;
  const id = newId();
  const actorId = ctx.actor.type === 'anonymous' ? null : ctx.actor.id;
  await tx.insert(store.t.trackingBlocks).values({
    id,
    carrier: HOUSE,
    holder,
    firstSerial,
    lastSerial,
    createdBy: actorId,
    createdAt: ctx.now,
  });
  return {
    id,
    carrier: 'house',
    holder,
    firstSerial,
    lastSerial,
    firstTrackingNumber: houseTrackingNumber(firstSerial),
    lastTrackingNumber: houseTrackingNumber(lastSerial),
    createdAt: iso(ctx.now),
  };
}

/** True when `holder` reserved a block containing this serial (a device prints only from its own). */
export async function holdsSerial(db: Db, store: Store, holder: string, serial: number): Promise<boolean> {
  const b = store.t.trackingBlocks;
  const [row] = await db
    .select({ id: b.id })
    .from(b)
    .where(
      and(
        eq(b.carrier, HOUSE),
        eq(b.holder, holder),
        sql`${b.firstSerial} <= ${serial}`,
        sql`${b.lastSerial} >= ${serial}`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The shipment already carrying this house tracking number, if any (voided ones included). */
export async function houseNumberUsed(db: Db, store: Store, trackingNumber: string): Promise<boolean> {
  const s = store.t.shipments;
  const [row] = await db
    .select({ id: s.id })
    .from(s)
    .where(and(eq(s.carrier, HOUSE), eq(s.trackingNumber, trackingNumber)))
    .limit(1);
  return row !== undefined;
}
