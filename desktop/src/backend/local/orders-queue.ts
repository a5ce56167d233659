import type { AdminOrderListQuery, AdminOrderSummary } from '@shoebox/shared/contracts';
import type { EntityRow } from '@shoebox/sync/protocol';
import { ipcError } from '../../ipc/index.ts';
import type { CacheView } from './cache-view.ts';
import { iso, type Visibility } from './visibility.ts';

const DAY_MS = 86_400_000;

/** `to` as a date includes that whole day; as a timestamp it is exclusive (as on the API). */
const upperBound = (to: string): number =>
  /^\d{4}-\d{2}-\d{2}$/.test(to) ? Date.parse(to) + DAY_MS : Date.parse(to);

interface QueueRow {
  id: string;
  row: string;
  created_at: number;
}

/**
 * The SQL of the filters in use, over the mirror's stored columns (cache migration 4: status,
 * created_at, number, email (lower-cased), customer_id, flagged, total_minor), so no row's JSON is
 * parsed to filter. Only the filters given go into the statement, so SQLite walks the index that
 * fits (status and date, newest first) instead of every row.
 */
function filterSql(p: FilterParams): string {
  const clauses: [unknown, string][] = [
    // One parameter per status (not json_each), so SQLite walks the status index.
    [p.statuses, `o.status IN (${statusNames(p).join(', ')})`],
    [p.from, 'o.created_at >= @from'],
    [p.to, 'o.created_at < @to'],
    [p.customerId, 'o.customer_id = @customerId'],
    [p.email, 'o.email = @email'],
    [p.flagged, 'o.flagged = @flagged'],
    [p.minTotal, 'o.total_minor >= @minTotal'],
    [p.maxTotal, 'o.total_minor <= @maxTotal'],
    // Order numbers are upper case: a prefix is a range along the number index.
    [
      p.q,
      p.qEmail
        ? '(o.number >= @qFrom AND o.number < @qTo OR instr(o.email, @q) > 0)'
        : 'o.number >= @qFrom AND o.number < @qTo',
    ],
    [p.sku, 'o.id IN (SELECT l.order_id FROM mirror_order_line l WHERE l.sku = @sku)'],
  ];
  return ['1', ...clauses.filter(([value]) => value !== null).map(([, sql]) => sql)].join(' AND ');
}

/** The pending rows (JSON) as a table with the mirror's columns, for the same filter. */
const PENDING_AS_TABLE = `SELECT json_extract(value, '$.id') AS id, value AS row,
    json_extract(value, '$.status') AS status, json_extract(value, '$.createdAt') AS created_at,
    json_extract(value, '$.number') AS number, lower(json_extract(value, '$.email')) AS email,
    json_extract(value, '$.customerId') AS customer_id, json_extract(value, '$.flagged') AS flagged,
    json_extract(value, '$.totalMinor') AS total_minor
  FROM json_each(@rows)`;

const statusNames = (p: FilterParams): string[] =>
  Object.keys(p)
    .filter((k) => /^s\d+$/.test(k))
    .map((k) => `@${k}`);

type FilterParams = Record<string, string | number | null> &
  Record<
    | 'statuses'
    | 'from'
    | 'to'
    | 'customerId'
    | 'email'
    | 'flagged'
    | 'minTotal'
    | 'maxTotal'
    | 'q'
    | 'qFrom'
    | 'qTo'
    | 'qEmail'
    | 'sku',
    string | number | null
  >;

/** The last string starting with `prefix`, exclusive: the prefix with a character above any in an order number. */
const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`;

/**
 * The orders queue over the cache, in one SQL statement: the mirror with pending transitions in
 * place (`unionSql`), every filter of the API's list, newest first, one page and the total.
 * Filters on what the role may not see (totals, emails) are refused rather than silently leaking
 * through which orders match.
 */
export function createOrdersQueue(view: CacheView) {
  return (query: AdminOrderListQuery, see: Visibility) => {
    if (!see.money && (query.minTotal !== undefined || query.maxTotal !== undefined))
      throw ipcError('IPC_PERMISSION_DENIED', 'Your role may not filter orders by their total.');
    if (!see.contact && (query.email !== undefined || query.customerId !== undefined))
      throw ipcError('IPC_PERMISSION_DENIED', 'Your role may not look orders up by customer.');
    const params: FilterParams = {
      statuses: query.status ? JSON.stringify(query.status) : null,
      from: query.from ? Date.parse(query.from) : null,
      to: query.to ? upperBound(query.to) : null,
      customerId: query.customerId ?? null,
      email: query.email ?? null,
      flagged: query.flagged === undefined ? null : query.flagged ? 1 : 0,
      minTotal: query.minTotal ?? null,
      maxTotal: query.maxTotal ?? null,
      q: query.q?.toLowerCase() ?? null,
      qFrom: query.q ? query.q.toUpperCase() : null,
      qTo: query.q ? prefixEnd(query.q.toUpperCase()) : null,
      qEmail: see.contact ? 1 : 0,
      sku: query.sku ?? null,
      ...Object.fromEntries((query.status ?? []).map((status, i) => [`s${i}`, status])),
    };
    const FILTER = filterSql(params);
    const pending = view.pending('order');
    const pendingIds = JSON.stringify([...pending.keys()]);
    const wanted = query.page * query.pageSize;
    // The mirror's rows, pending ones left out, newest first along an index: only the ids and
    // dates up to this page are read, then the JSON of those rows. The pending rows (a handful)
    // go through the same filter.
    const mirrored = view
      .statement(`WITH wanted AS (SELECT o.id, o.created_at FROM mirror_order o
          WHERE o.id NOT IN (SELECT value FROM json_each(@pendingIds)) AND ${FILTER}
          ORDER BY o.created_at DESC, o.id LIMIT @wanted)
        SELECT w.id, m.row, w.created_at FROM wanted w JOIN mirror_order m ON m.id = w.id`)
      .all({ ...params, pendingIds, wanted }) as QueueRow[];
    // Counted over the whole mirror along its indexes, then corrected for the few pending rows.
    const count = (sql: string) => (view.statement(sql).get({ ...params, pendingIds }) as { n: number }).n;
    const total =
      count(`SELECT count(*) AS n FROM mirror_order o WHERE ${FILTER}`) -
      count(`SELECT count(*) AS n FROM mirror_order o
        WHERE o.id IN (SELECT value FROM json_each(@pendingIds)) AND ${FILTER}`);
    const mine = view
      .statement(`SELECT id, row, created_at FROM (${PENDING_AS_TABLE}) o WHERE ${FILTER}`)
      .all({ ...params, rows: JSON.stringify([...pending.values()]) }) as QueueRow[];
    const page = [...mirrored, ...mine]
      .sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(wanted - query.pageSize, wanted);
    const counts = new Map(
      (
        view
          .statement(`SELECT order_id, sum(quantity) AS items FROM mirror_order_line
          WHERE order_id IN (SELECT value FROM json_each(@ids)) GROUP BY order_id`)
          .all({
            ids: JSON.stringify(page.map((r) => r.id)),
          }) as { order_id: string; items: number }[]
      ).map((c) => [c.order_id, c.items]),
    );
    const found = page.map((r) => ({ row: r.row, items: counts.get(r.id) ?? 0 }));
    const items = found.map((r) => summary(JSON.parse(r.row) as EntityRow<'order'>, r.items, see));
    return {
      items,
      page: query.page,
      pageSize: query.pageSize,
      total: total + mine.length,
      moneyVisible: see.money,
    };
  };
}

const summary = (o: EntityRow<'order'>, itemCount: number, see: Visibility): AdminOrderSummary => ({
  id: o.id,
  number: o.number,
  status: o.status,
  email: see.contact ? (o.email ?? '') : '',
  customerId: see.contact ? (o.customerId ?? null) : null,
  customerName: o.shippingAddress?.name ?? '',
  itemCount,
  currency: o.currency,
  totalMinor: see.money ? (o.totalMinor ?? null) : null,
  refundedMinor: see.money ? (o.refundedMinor ?? null) : null,
  flagged: o.flagged,
  createdAt: iso(o.createdAt),
  updatedAt: iso(o.updatedAt),
  version: o.version,
});
