import type { CacheView } from './cache-view.ts';

/** The dashboard's order counts from the cache (pending transitions included). */
export function createDashboardCounts(view: CacheView) {
  return (now: Date = new Date()) => {
    const orders = view.unionSql('order');
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    const counts = view
      .statement(
        `SELECT
          sum(json_extract(o.row, '$.status') = 'paid') AS toPick,
          sum(json_extract(o.row, '$.status') = 'picking') AS toPack,
          sum(json_extract(o.row, '$.status') = 'packed') AS toShip,
          sum(json_extract(o.row, '$.status') = 'shipped' AND json_extract(o.row, '$.updatedAt') >= @midnight) AS shippedToday,
          sum(json_extract(o.row, '$.flagged') = 1 AND json_extract(o.row, '$.status') IN ('paid', 'picking', 'packed')) AS flagged
        FROM ${orders.sql} AS o`,
      )
      .get({ ...orders.params, midnight }) as Record<
      'toPick' | 'toPack' | 'toShip' | 'shippedToday' | 'flagged',
      number | null
    >;
    return {
      toPick: counts.toPick ?? 0,
      toPack: counts.toPack ?? 0,
      toShip: counts.toShip ?? 0,
      shippedToday: counts.shippedToday ?? 0,
      flagged: counts.flagged ?? 0,
    };
  };
}
