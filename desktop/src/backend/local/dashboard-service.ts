import type { CacheView } from './cache-view.ts';

const toShip: readonly string[] = ['paid', 'picking', 'packed'];

interface Counted {
  status: string;
  n: number;
  flagged: number | null;
  shippedToday: number | null;
}

/**
 * The dashboard's order counts from the cache, pending transitions included: the mirror counted
 * along its status index, then corrected for the few orders this device changed (their mirror
 * rows out, their pending rows in).
 */
export function createDashboardCounts(view: CacheView) {
  const select = `SELECT status, count(*) AS n,
      sum(status IN ('paid', 'picking', 'packed') AND flagged = 1) AS flagged,
      sum(status = 'shipped' AND updated_at >= @midnight) AS shippedToday
    FROM mirror_order`;
  return (now: Date = new Date()) => {
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    const pending = view.pending('order');
    const totals = { paid: 0, picking: 0, packed: 0, flagged: 0, shippedToday: 0 };
    const add = (rows: readonly Counted[], sign: 1 | -1) => {
      for (const r of rows) {
        if (r.status === 'paid' || r.status === 'picking' || r.status === 'packed')
          totals[r.status] += sign * r.n;
        totals.flagged += sign * (r.flagged ?? 0);
        totals.shippedToday += sign * (r.shippedToday ?? 0);
      }
    };
    const mirrored = `${select} WHERE status IN ('paid', 'picking', 'packed', 'shipped') GROUP BY status`;
    add(view.statement(mirrored).all({ midnight }) as Counted[], 1);
    if (pending.size > 0) {
      const replaced = `${select} WHERE id IN (SELECT value FROM json_each(@ids)) GROUP BY status`;
      add(
        view.statement(replaced).all({ midnight, ids: JSON.stringify([...pending.keys()]) }) as Counted[],
        -1,
      );
      const mine = [...pending.values()].map((o) => ({
        status: o.status,
        n: 1,
        flagged: o.flagged && toShip.includes(o.status) ? 1 : 0,
        shippedToday: o.status === 'shipped' && o.updatedAt >= midnight ? 1 : 0,
      }));
      add(mine, 1);
    }
    return {
      toPick: totals.paid,
      toPack: totals.picking,
      toShip: totals.packed,
      shippedToday: totals.shippedToday,
      flagged: totals.flagged,
    };
  };
}
