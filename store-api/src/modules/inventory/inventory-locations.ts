import { newId } from '@shoebox/shared';
import type { Db, Store } from '../../db/client.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { writeUnique } from '../../lib/what-happened.ts';
import { iso } from '../../lib/time.ts';
import { findLocation, listBins, listLocations } from './inventory.repo.ts';
import { inventoryErrors } from './inventory.errors.ts';

const { locationNotFound } = inventoryErrors;

type LocationRow = Store['t']['stockLocations']['$inferSelect'];
type BinRow = Store['t']['bins']['$inferSelect'];
const locationView = (r: LocationRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  createdAt: iso(r.createdAt),
});
const binView = (r: BinRow) => ({
  id: r.id,
  locationId: r.locationId,
  code: r.code,
  createdAt: iso(r.createdAt),
});

/** Shared by every inventory operation that names a location, so an unknown id is a 404 before any write. */
export async function requireLocation(store: Store, db: Db, id: string) {
  const row = await findLocation(db, store, id);
  if (!row) throw locationNotFound(id);
  return row;
}

export function createLocationService(store: Store) {
  return {
    async listLocations() {
      return (await listLocations(store.db, store)).map(locationView);
    },

    async createLocation(ctx: RequestContext, input: { code: string; name: string }) {
      const row = { id: newId(), code: input.code, name: input.name, createdAt: ctx.now };
      await writeUnique(
        store,
        ctx,
        (tx) => tx.insert(store.t.stockLocations).values(row),
        {
          changes: [{ entity: 'stock_location', ids: [row.id] }],
          audit: {
            action: 'stock_location.create',
            entity: 'stock_location',
            entityId: row.id,
            after: locationView(row),
          },
        },
        () => inventoryErrors.locationCodeTaken(row.code),
      );
      return locationView(row);
    },

    async listBins(locationId: string) {
      await requireLocation(store, store.db, locationId);
      return (await listBins(store.db, store, [locationId])).map(binView);
    },

    async createBin(ctx: RequestContext, locationId: string, input: { code: string }) {
      await requireLocation(store, store.db, locationId);
      const row = { id: newId(), locationId, code: input.code, createdAt: ctx.now };
      await writeUnique(
        store,
        ctx,
        (tx) => tx.insert(store.t.bins).values(row),
        {
          changes: [{ entity: 'bin', ids: [row.id] }],
          audit: {
            action: 'bin.create',
            entity: 'bin',
            entityId: row.id,
            after: binView(row),
          },
        },
        () => inventoryErrors.binCodeTaken(row.code),
      );
      return binView(row);
    },
  };
}
