/** The dashboard's counts, all from the cache (so it opens offline). */
import { z } from 'zod';
import { syncStatus } from '../contracts.ts';

export const dashboardSummary = z.object({
  /** Paid, not yet picking. */
  toPick: z.number().int(),
  /** Picking, not yet packed. */
  toPack: z.number().int(),
  /** Packed, not yet shipped. */
  toShip: z.number().int(),
  /** Shipped today (local day of this device). */
  shippedToday: z.number().int(),
  /** Flagged orders still to ship. */
  flagged: z.number().int(),
  lowStock: z.number().int(),
  brokenSizeRuns: z.number().int(),
  sync: syncStatus,
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;
