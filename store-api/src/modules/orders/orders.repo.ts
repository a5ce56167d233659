import { newId, normalizeSku } from '@shoebox/shared';
import type { AdminOrderListQuery } from '@shoebox/shared/contracts';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Store } from '../../db/client.ts';
import { deferRows, rowReader } from '../../db/rows.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { escapeLike, likeEscaped } from '../../lib/sql-like.ts';

/**
 * SQL for orders: reads for the admin desk, the customer pages and the flows, and the timeline
 * appender. Every change to an order row goes through `order-writes.ts` (one guarded update).
 */

export type OrderRow = Store['t']['orders']['$inferSelect'];
export type OrderLineRow = Store['t']['orderLines']['$inferSelect'];
export type OrderEventRow = Store['t']['orderEvents']['$inferSelect'];
export type RefundRow = Store['t']['refunds']['$inferSelect'];

const DAY_MS = 86_400_000;
const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** Precompiled readers of orders and their lines, one pair per store (flows read them on every payment). */
const readersByStore = new WeakMap<Store, { orders: OrderReader; lines: LineReader }>();
type OrderReader = ReturnType<typeof rowReader<Store['t']['orders']>>;
type LineReader = ReturnType<typeof rowReader<Store['t']['orderLines']>>;

function readers(store: Store) {
  let r = readersByStore.get(store);
  if (!r) {
    r = { orders: rowReader(store, store.t.orders), lines: rowReader(store, store.t.orderLines) };
    readersByStore.set(store, r);
  }
  return r;
}

export function findOrder(db: Db, store: Store, id: string): Promise<OrderRow | null> {
  return readers(store).orders.first(db, eq(store.t.orders.id, id));
}

export function findOrderByNumber(db: Db, store: Store, number: string): Promise<OrderRow | null> {
  return readers(store).orders.first(db, eq(store.t.orders.number, number));
}

export function findOrderByIntent(db: Db, store: Store, intentId: string): Promise<OrderRow | null> {
  return readers(store).orders.first(db, eq(store.t.orders.paymentIntentId, intentId));
}

/** The order a checkout of this cart version made, or else the cart's newest order (a converted cart's). */
export async function findOrderOfCart(
  db: Db,
  store: Store,
  cart: { id: string; version: number; status: string },
): Promise<OrderRow | null> {
  const o = store.t.orders;
  const byKey = await readers(store).orders.first(db, eq(o.checkoutKey, `${cart.id}:${cart.version}`));
  if (byKey || cart.status !== 'converted') return byKey;
  // Converted carts keep pointing at their order, whatever the conversion did to the version.
  return readers(store).orders.first(db, eq(o.cartId, cart.id), desc(o.createdAt));
}

/** Lines in the order they were placed (the flows' and mails' order). */
export function linesOfOrder(db: Db, store: Store, orderId: string): Promise<OrderLineRow[]> {
  return readers(store).lines.where(db, eq(store.t.orderLines.orderId, orderId));
}

/** Unpaid orders whose reservation lapsed before `now`, oldest first. */
export async function ordersWithLapsedReservation(store: Store, now: number, limit: number) {
  const o = store.t.orders;
  const rows = await store.db
    .select({ id: o.id })
    .from(o)
    .where(and(eq(o.stockState, 'reserved'), lt(o.reservationExpiresAt, now)))
    .orderBy(asc(o.reservationExpiresAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** True when the order's timeline has an entry of this type. */
export async function hasTimelineEntry(
  db: Db,
  store: Store,
  orderId: string,
  type: string,
): Promise<boolean> {
  const e = store.t.orderEvents;
  const rows = await db
    .select({ type: e.type })
    .from(e)
    .where(and(eq(e.orderId, orderId), eq(e.type, type)))
    .limit(1);
  return rows.length > 0;
}

/** Lines sorted for display (by SKU). */
export async function orderLinesOf(db: Db, store: Store, orderId: string): Promise<OrderLineRow[]> {
  const l = store.t.orderLines;
  return db.select().from(l).where(eq(l.orderId, orderId)).orderBy(asc(l.sku), asc(l.id));
}

/** The timeline, oldest first (ids are UUIDv7, so they break ties in insertion order). */
export async function orderEventsOf(db: Db, store: Store, orderId: string): Promise<OrderEventRow[]> {
  const e = store.t.orderEvents;
  return db.select().from(e).where(eq(e.orderId, orderId)).orderBy(asc(e.createdAt), asc(e.id));
}

export async function refundsOf(db: Db, store: Store, orderId: string): Promise<RefundRow[]> {
  const r = store.t.refunds;
  return db.select().from(r).where(eq(r.orderId, orderId)).orderBy(asc(r.createdAt), asc(r.id));
}

/** Units per order, for list rows. */
export async function itemCounts(
  db: Db,
  store: Store,
  orderIds: readonly string[],
): Promise<Map<string, number>> {
  if (orderIds.length === 0) return new Map();
  const l = store.t.orderLines;
  const rows = await db
    .select({ orderId: l.orderId, n: sql<number | string>`sum(${l.quantity})` })
    .from(l)
    .where(inArray(l.orderId, [...orderIds]))
    .groupBy(l.orderId);
  return new Map(rows.map((r) => [r.orderId, Number(r.n)]));
}

export async function staffNames(db: Db, store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const s = store.t.staffUsers;
  const rows = await db
    .select({ id: s.id, name: s.name })
    .from(s)
    .where(inArray(s.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The admin list's WHERE clause; every filter is AND-ed. */
function listConditions(store: Store, f: AdminOrderListQuery): SQL | undefined {
  const o = store.t.orders;
  const c: SQL[] = [];
  if (f.status?.length) c.push(inArray(o.status, f.status));
  if (f.from) c.push(gte(o.createdAt, Date.parse(f.from)));
  if (f.to) {
    if (isDateOnly(f.to)) c.push(lt(o.createdAt, Date.parse(f.to) + DAY_MS));
    else c.push(lt(o.createdAt, Date.parse(f.to)));
  }
  if (f.customerId) c.push(eq(o.customerId, f.customerId));
  // Emails are stored lower-case (normalised by the contracts), so exact and case-insensitive
  // is an equality on the lower-cased input, using the index.
  if (f.email) c.push(eq(o.email, f.email));
  if (f.sku) {
    const l = store.t.orderLines;
    c.push(
      inArray(
        o.id,
        store.db
          .select({ id: l.orderId })
          .from(l)
          .where(eq(l.sku, normalizeSku(f.sku))),
      ),
    );
  }
  if (f.minTotal !== undefined) c.push(gte(o.totalMinor, f.minTotal));
  if (f.maxTotal !== undefined) c.push(lte(o.totalMinor, f.maxTotal));
  if (f.flagged !== undefined) c.push(eq(o.flagged, f.flagged));
  if (f.q) {
    const q = escapeLike(f.q);
    c.push(
      or(
        likeEscaped(sql`${o.number}`, `${q.toUpperCase()}%`),
        likeEscaped(sql`lower(${o.email})`, `%${q.toLowerCase()}%`),
      )!,
    );
  }
  return c.length ? and(...c) : undefined;
}

/** One page of orders, newest first, and how many match in all. */
async function pageOfOrders(store: Store, where: SQL | undefined, page: { page: number; pageSize: number }) {
  const o = store.t.orders;
  const [rows, [total]] = await Promise.all([
    store.db
      .select()
      .from(o)
      .where(where)
      .orderBy(desc(o.createdAt), desc(o.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    store.db.select({ n: count() }).from(o).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export function listOrders(store: Store, f: AdminOrderListQuery) {
  return pageOfOrders(store, listConditions(store, f), f);
}

export function listCustomerOrders(
  store: Store,
  customerId: string,
  page: { page: number; pageSize: number },
) {
  return pageOfOrders(store, eq(store.t.orders.customerId, customerId), page);
}

/** The timeline's actor columns for the acting request. */
export function eventActor(ctx: RequestContext): { actorType: string; actorId: string | null } {
  const a = ctx.actor;
  if (a.type === 'anonymous') return { actorType: 'system', actorId: null };
  return { actorType: a.type, actorId: a.id };
}

export interface OrderEventInput {
  /** The entry's id when the caller names it (a desktop's note: its id is made on the device). */
  id?: string;
  type: string;
  message: string;
  data?: Record<string, unknown> | null;
  /** Who the entry names when not the request's actor (a guest shopper: 'guest'). */
  actorType?: string;
  actorId?: string | null;
}

/**
 * Appends to the order timeline inside the caller's transaction (written with the transaction's
 * other appends just before it commits). The actor is the request's unless the entry names one.
 */
export async function addOrderEvent(
  store: Store,
  tx: Db,
  ctx: RequestContext,
  orderId: string,
  event: OrderEventInput,
): Promise<string> {
  const id = event.id ?? newId();
  const actor = eventActor(ctx);
  await deferRows(store, tx, store.t.orderEvents, [
    {
      id,
      orderId,
      type: event.type,
      message: event.message,
      data: event.data ?? null,
      actorType: event.actorType ?? actor.actorType,
      actorId: event.actorType === undefined ? actor.actorId : (event.actorId ?? null),
      createdAt: ctx.now,
    },
  ]);
  return id;
}
