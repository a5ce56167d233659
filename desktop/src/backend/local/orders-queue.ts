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
 * The SQL of the filters in use, over `o.row` (JSON) and the indexed `o.status` and `o.created_at`.
 * Only the filters given go into the statement, so SQLite can count along an index (statuses)
 * instead of reading every row's JSON.
 */
function filterSql(p: FilterParams): string {
  const clauses: [unknown, string][] = [
    // One parameter per status (not json_each), so SQLite counts along the status index.
    [p.statuses, `o.status IN (${statusNames(p).join(', ')})`],
    [p.from, 'o.created_at >= @from'],
    [p.to, 'o.created_at < @to'],
    [p.customerId, "json_extract(o.row, '$.customerId') = @customerId"],
    [p.email, "lower(json_extract(o.row, '$.email')) = @email"],
    [p.flagged, "json_extract(o.row, '$.flagged') = @flagged"],
    [p.minTotal, "json_extract(o.row, '$.totalMinor') >= @minTotal"],
    [p.maxTotal, "json_extract(o.row, '$.totalMinor') <= @maxTotal"],
    [
      p.q,
      `(json_extract(o.row, '$.number') LIKE @qPrefix ESCAPE '\\'
        OR (@qEmail = 1 AND instr(lower(json_extract(o.row, '$.email')), @q) > 0))`,
    ],
    [
      p.sku,
      `EXISTS (SELECT 1 FROM mirror_order_line l WHERE l.order_id = o.id AND json_extract(l.row, '$.sku') = @sku)`,
    ],
  ];
  return ['1', ...clauses.filter(([value]) => value !== null).map(([, sql]) => sql)].join(' AND ');
}

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
    | 'qPrefix'
    | 'qEmail'
    | 'sku',
    string | number | null
  >;

const likePrefix = (text: string): string => `${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
      qPrefix: query.q ? likePrefix(query.q) : null,
      qEmail: see.contact ? 1 : 0,
      sku: query.sku ?? null,
      ...Object.fromEntries((query.status ?? []).map((status, i) => [`s${i}`, status])),
    };
    const FILTER = filterSql(params);
    const pending = view.pending('order');
    const pendingIds = JSON.stringify([...pending.keys()]);
    const wanted = query.page * query.pageSize;
    // The mirror's rows, pending ones left out, newest first along the created_at index: only the
    // rows up to this page are read. The pending rows (a handful) go through the same filter.
    const mirrored = view
      .statement(`SELECT id, row, created_at FROM mirror_order o
        WHERE o.id NOT IN (SELECT value FROM json_each(@pendingIds)) AND ${FILTER}
        ORDER BY o.created_at DESC, o.id LIMIT @wanted`)
      .all({ ...params, pendingIds, wanted }) as QueueRow[];
    // Counted over the whole mirror along its indexes, then corrected for the few pending rows.
    const count = (sql: string) => (view.statement(sql).get({ ...params, pendingIds }) as { n: number }).n;
    const total =
      count(`SELECT count(*) AS n FROM mirror_order o WHERE ${FILTER}`) -
      count(`SELECT count(*) AS n FROM mirror_order o
        WHERE o.id IN (SELECT value FROM json_each(@pendingIds)) AND ${FILTER}`);
    const mine = view
      .statement(`SELECT id, row, created_at FROM (
        SELECT json_extract(value, '$.id') AS id, value AS row, json_extract(value, '$.status') AS status,
               json_extract(value, '$.createdAt') AS created_at FROM json_each(@rows)) o
        WHERE ${FILTER}`)
      .all({ ...params, rows: JSON.stringify([...pending.values()]) }) as QueueRow[];
    const page = [...mirrored, ...mine]
      .sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(wanted - query.pageSize, wanted);
    const counts = new Map(
      (
        view
          .statement(`SELECT order_id, sum(json_extract(row, '$.quantity')) AS items FROM mirror_order_line
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
