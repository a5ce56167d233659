import type { AdminOrderListQuery, AdminOrderSummary } from '@shoebox/shared/contracts';
import type { EntityRow } from '@shoebox/sync/protocol';
import { ipcError } from '../../ipc/index.ts';
import type { CacheView } from './cache-view.ts';
import { iso, type Visibility } from './visibility.ts';

const DAY_MS = 86_400_000;

/** `to` as a date includes that whole day; as a timestamp it is exclusive (as on the API). */
const upperBound = (to: string): number =>
  /^\d{4}-\d{2}-\d{2}$/.test(to) ? Date.parse(to) + DAY_MS : Date.parse(to);

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
    const orders = view.unionSql('order');
    const sql = `SELECT o.row AS row,
        (SELECT coalesce(sum(json_extract(l.row, '$.quantity')), 0) FROM mirror_order_line l WHERE l.order_id = o.id) AS items,
        count(*) OVER () AS total
      FROM ${orders.sql} AS o
      WHERE (@statuses IS NULL OR json_extract(o.row, '$.status') IN (SELECT value FROM json_each(@statuses)))
        AND (@from IS NULL OR json_extract(o.row, '$.createdAt') >= @from)
        AND (@to IS NULL OR json_extract(o.row, '$.createdAt') < @to)
        AND (@customerId IS NULL OR json_extract(o.row, '$.customerId') = @customerId)
        AND (@email IS NULL OR lower(json_extract(o.row, '$.email')) = @email)
        AND (@flagged IS NULL OR json_extract(o.row, '$.flagged') = @flagged)
        AND (@minTotal IS NULL OR json_extract(o.row, '$.totalMinor') >= @minTotal)
        AND (@maxTotal IS NULL OR json_extract(o.row, '$.totalMinor') <= @maxTotal)
        AND (@q IS NULL OR json_extract(o.row, '$.number') LIKE @qPrefix ESCAPE '\\'
             OR (@qEmail = 1 AND instr(lower(json_extract(o.row, '$.email')), @q) > 0))
        AND (@sku IS NULL OR EXISTS (SELECT 1 FROM mirror_order_line l
             WHERE l.order_id = o.id AND json_extract(l.row, '$.sku') = @sku))
      ORDER BY json_extract(o.row, '$.createdAt') DESC, o.id
      LIMIT @limit OFFSET @offset`;
    const found = view.statement(sql).all({
      ...orders.params,
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
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }) as { row: string; items: number; total: number }[];
    const items = found.map((r) => summary(JSON.parse(r.row) as EntityRow<'order'>, r.items, see));
    return {
      items,
      page: query.page,
      pageSize: query.pageSize,
      total: found[0]?.total ?? 0,
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
