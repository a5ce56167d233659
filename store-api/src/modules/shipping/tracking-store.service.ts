import type { ParcelTracking } from '@shoebox/shared/contracts';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso } from '../../lib/time.ts';
import { shipmentEventsOf } from './shipments.repo.ts';
import { trackingStoreErrors } from './tracking-store.errors.ts';

/**
 * The public side of tracking: a parcel's status and events by its tracking number, for the
 * storefront's `/track/<number>` page. It reads only shipments and their events, and answers
 * nothing that names the customer or the order.
 */
export function createParcelTracking(store: Store) {
  return {
    async track(_ctx: RequestContext, trackingNumber: string): Promise<ParcelTracking> {
      const s = store.t.shipments;
      // Numbers are unique per carrier; should two carriers share one, the newest live parcel answers.
      const [row] = await store.db
        .select()
        .from(s)
        .where(and(eq(s.trackingNumber, trackingNumber), ne(s.status, 'voided')))
        .orderBy(desc(s.createdAt))
        .limit(1);
      if (!row) throw trackingStoreErrors.parcelNotFound(trackingNumber);
      const events = await shipmentEventsOf(store.db, store, row.id);
      return {
        trackingNumber: row.trackingNumber,
        carrier: row.carrier,
        service: row.service,
        status: row.status,
        trackingStatus: row.trackingStatus,
        deliveredAt: row.deliveredAt === null ? null : iso(row.deliveredAt),
        events: events.map((e) => ({ status: e.status, occurredAt: iso(e.occurredAt) })),
      };
    },
  };
}

export type ParcelTrackingService = ReturnType<typeof createParcelTracking>;
