import { allowedEvents, type OrderStatus } from '@shoebox/shared';
import { recordWhatHappened } from '../../lib/what-happened.ts';
import type {
  AdminOrderDetail,
  AdminOrderListQuery,
  AdminOrderSummary,
  CustomerOrderDetail,
  CustomerOrderListQuery,
  CustomerTimelineType,
  OrderLookupBody,
  OrderNoteBody,
  OrderTimelineType,
  OrderTransitionBody,
  StaffTransitionEvent,
} from '@shoebox/shared/contracts';
import type { Store } from '../../db/client.ts';
import { actorHas } from '../../http/authorize.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { iso, isoOrNull } from '../../lib/time.ts';
import { nextStatus, noteOrder, transitionOrder } from './order-writes.ts';
import { orderErrors } from './orders.errors.ts';
import {
  findOrder,
  findOrderByNumber,
  itemCounts,
  listCustomerOrders,
  listOrders,
  type OrderEventRow,
  type OrderLineRow,
  type OrderRow,
  orderEventsOf,
  orderLinesOf,
  type RefundRow,
  refundsOf,
  staffNames,
} from './orders.repo.ts';

/**
 * The order desk (admin list, detail, warehouse transitions, notes) and the customer's order
 * pages. Cancelling and refunding are flows (`flows/cancel-order.flow.ts`,
 * `flows/refund-order.flow.ts`): they move stock and money across modules.
 *
 * Money is shown on the admin surface only to staff holding `orders:refund` (owner, manager);
 * warehouse staff get nulls (domain.md: no prices or refunds for the warehouse).
 */

/** What each staff transition writes to the timeline. */
export const transitionEvents: Record<StaffTransitionEvent, { type: OrderTimelineType; message: string }> = {
  start_picking: { type: 'order.picking_started', message: 'Picking started' },
  pack: { type: 'order.packed', message: 'Packed' },
  ship: { type: 'order.shipped', message: 'Shipped' },
  deliver: { type: 'order.delivered', message: 'Delivered' },
};

/**
 * Timeline types a customer may see, and what they are called there. Every other type (notes,
 * refund requests and failures, payment retries, flags) stays on the admin surface.
 */
const customerTypeOf: Readonly<Partial<Record<OrderTimelineType, CustomerTimelineType>>> = {
  'order.placed': 'placed',
  'payment.succeeded': 'paid',
  'payment.succeeded_late': 'paid',
  'order.shipped': 'shipped',
  'order.delivered': 'delivered',
  'order.cancelled': 'cancelled',
  'payment.canceled': 'cancelled',
  'reservation.expired': 'cancelled',
  'refund.succeeded': 'refunded',
  'payment.refunded_late': 'refunded',
};

const sizeEuOf = (tenths: number) => tenths / 10;

/** Money still refundable: paid total less what was refunded and what is being refunded now. */
export const refundableOf = (o: OrderRow): number =>
  o.paidAt == null ? 0 : Math.max(0, o.totalMinor - o.refundedMinor - o.refundPendingMinor);

export const canSeeOrderMoney = (ctx: RequestContext): boolean => actorHas(ctx.actor, 'orders:refund');

function summaryView(o: OrderRow, items: number, money: boolean): AdminOrderSummary {
  return {
    id: o.id,
    number: o.number,
    status: o.status as OrderStatus,
    email: o.email,
    customerId: o.customerId,
    customerName: o.shippingAddress.name,
    itemCount: items,
    currency: o.currency,
    totalMinor: money ? o.totalMinor : null,
    refundedMinor: money ? o.refundedMinor : null,
    flagged: o.flagged,
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    version: o.version,
  };
}

const totalsView = (o: OrderRow) => ({
  subtotalMinor: o.subtotalMinor,
  discountMinor: o.discountMinor,
  shippingMinor: o.shippingMinor,
  taxMinor: o.taxMinor,
  totalMinor: o.totalMinor,
  refundedMinor: o.refundedMinor,
});

export const refundView = (r: RefundRow) => ({
  id: r.id,
  amountMinor: r.amountMinor,
  reason: r.reason,
  status: r.status as 'pending' | 'succeeded' | 'failed',
  providerRefundId: r.providerRefundId,
  createdBy: r.createdBy,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export function adminDetailView(
  o: OrderRow,
  lines: readonly OrderLineRow[],
  events: readonly OrderEventRow[],
  refunds: readonly RefundRow[],
  names: ReadonlyMap<string, string>,
  money: boolean,
): AdminOrderDetail {
  const m = <T>(v: T): T | null => (money ? v : null);
  return {
    id: o.id,
    number: o.number,
    status: o.status as OrderStatus,
    allowedEvents: allowedEvents(o.status as OrderStatus),
    email: o.email,
    customerId: o.customerId,
    currency: o.currency,
    couponCode: o.couponCode,
    shippingMethodId: o.shippingMethodId,
    shippingAddress: o.shippingAddress,
    stockState: o.stockState,
    flagged: o.flagged,
    flagReason: o.flagReason,
    lines: lines.map((l) => ({
      id: l.id,
      variantId: l.variantId,
      locationId: l.locationId,
      sku: l.sku,
      productName: l.productName,
      colourName: l.colourName,
      sizeEu: sizeEuOf(l.sizeEuTenths),
      width: l.width,
      quantity: l.quantity,
      unitPriceMinor: m(l.unitPriceMinor),
      discountMinor: m(l.discountMinor),
      lineTotalMinor: m(l.lineTotalMinor),
      taxMinor: m(l.taxMinor),
    })),
    totals: money ? totalsView(o) : null,
    refundableMinor: m(refundableOf(o)),
    payment: { provider: o.paymentProvider, intentId: o.paymentIntentId },
    refunds: money ? refunds.map(refundView) : null,
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      message: e.message,
      data: money ? (e.data ?? null) : null,
      actorType: e.actorType,
      actorId: e.actorId,
      actorName: e.actorType === 'staff' && e.actorId ? (names.get(e.actorId) ?? null) : null,
      createdAt: iso(e.createdAt),
    })),
    moneyVisible: money,
    reservationExpiresAt: isoOrNull(o.reservationExpiresAt),
    paidAt: isoOrNull(o.paidAt),
    cancelledAt: isoOrNull(o.cancelledAt),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    version: o.version,
  };
}

function customerDetailView(
  o: OrderRow,
  lines: readonly OrderLineRow[],
  events: readonly OrderEventRow[],
): CustomerOrderDetail {
  const timeline: CustomerOrderDetail['timeline'] = [];
  for (const e of events) {
    const type = customerTypeOf[e.type as OrderTimelineType];
    if (!type) continue;
    const amount = e.data?.amountMinor;
    timeline.push({
      type,
      ...(type === 'refunded' && typeof amount === 'number' ? { amountMinor: amount } : {}),
      at: iso(e.createdAt),
    });
  }
  return {
    number: o.number,
    status: o.status as OrderStatus,
    email: o.email,
    currency: o.currency,
    lines: lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      productName: l.productName,
      colourName: l.colourName,
      sizeEu: sizeEuOf(l.sizeEuTenths),
      width: l.width,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      lineTotalMinor: l.lineTotalMinor,
    })),
    totals: totalsView(o),
    couponCode: o.couponCode,
    shippingMethodId: o.shippingMethodId,
    shippingAddress: o.shippingAddress,
    timeline,
    placedAt: iso(o.createdAt),
  };
}

export function createOrdersService(store: Store) {
  const db = store.db;

  const requireOrder = async (id: string) => {
    const order = await findOrder(db, store, id);
    if (!order) throw orderErrors.notFound();
    return order;
  };

  const customerDetail = async (order: OrderRow) => {
    const [lines, events] = await Promise.all([
      orderLinesOf(db, store, order.id),
      orderEventsOf(db, store, order.id),
    ]);
    return customerDetailView(order, lines, events);
  };

  const service = {
    // ---- admin ----

    async list(ctx: RequestContext, f: AdminOrderListQuery) {
      const { rows, total } = await listOrders(store, f);
      const counts = await itemCounts(
        db,
        store,
        rows.map((r) => r.id),
      );
      const money = canSeeOrderMoney(ctx);
      return {
        items: rows.map((r) => summaryView(r, counts.get(r.id) ?? 0, money)),
        page: f.page,
        pageSize: f.pageSize,
        total,
        moneyVisible: money,
      };
    },

    async detail(ctx: RequestContext, id: string): Promise<AdminOrderDetail> {
      const order = await requireOrder(id);
      const [lines, events, refunds] = await Promise.all([
        orderLinesOf(db, store, id),
        orderEventsOf(db, store, id),
        refundsOf(db, store, id),
      ]);
      const names = await staffNames(
        db,
        store,
        events.flatMap((e) => (e.actorType === 'staff' && e.actorId ? [e.actorId] : [])),
      );
      return adminDetailView(order, lines, events, refunds, names, canSeeOrderMoney(ctx));
    },

    /**
     * A warehouse step (start picking, pack, ship, deliver) through the shared state machine.
     * The update is conditional on the version read, so two packers cannot both move one order.
     */
    async transition(ctx: RequestContext, id: string, input: OrderTransitionBody) {
      await store.tx(async (tx) => {
        const order = await findOrder(tx, store, id);
        if (!order) throw orderErrors.notFound();
        if (input.baseVersion !== undefined && input.baseVersion !== order.version)
          throw orderErrors.versionConflict(order.version);
        const to = nextStatus(order.status, input.event);
        const step = transitionEvents[input.event];
        const moved = await transitionOrder(store, tx, ctx, order, input.event, {
          expect: { version: order.version },
          entry: {
            type: step.type,
            message: step.message,
            data: { from: order.status, to, event: input.event },
          },
        });
        if (!moved) throw orderErrors.versionConflict(order.version + 1);
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'order.transition',
            entity: 'order',
            entityId: id,
            before: { status: order.status, version: order.version },
            after: { status: to, version: order.version + 1, event: input.event },
          },
        });
      });
      return service.detail(ctx, id);
    },

    /** A staff note on the timeline; never shown to the customer. */
    async addNote(ctx: RequestContext, id: string, input: OrderNoteBody) {
      await store.tx(async (tx) => {
        const order = await findOrder(tx, store, id);
        if (!order) throw orderErrors.notFound();
        const eventId = await noteOrder(store, tx, ctx, id, { type: 'note', message: input.text });
        await recordWhatHappened(store, tx, ctx, {
          audit: {
            action: 'order.note',
            entity: 'order',
            entityId: id,
            after: { eventId, text: input.text },
          },
        });
      });
      return service.detail(ctx, id);
    },

    // ---- customer ----

    async customerList(ctx: RequestContext, page: CustomerOrderListQuery) {
      if (ctx.actor.type !== 'customer') throw orderErrors.notFound();
      const { rows, total } = await listCustomerOrders(store, ctx.actor.id, page);
      const counts = await itemCounts(
        db,
        store,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((o) => ({
          number: o.number,
          status: o.status as OrderStatus,
          itemCount: counts.get(o.id) ?? 0,
          currency: o.currency,
          totalMinor: o.totalMinor,
          placedAt: iso(o.createdAt),
        })),
        page: page.page,
        pageSize: page.pageSize,
        total,
      };
    },

    /** A signed-in customer's own order; someone else's is as unknown as a missing one. */
    async customerOrder(ctx: RequestContext, number: string) {
      const order = await findOrderByNumber(db, store, number);
      if (!order || ctx.actor.type !== 'customer' || order.customerId !== ctx.actor.id)
        throw orderErrors.notFound();
      return customerDetail(order);
    },

    /** Guest lookup: a wrong email answers exactly like an unknown number. */
    async lookup(_ctx: RequestContext, input: OrderLookupBody) {
      const order = await findOrderByNumber(db, store, input.orderNumber);
      if (!order || order.email.toLowerCase() !== input.email) throw orderErrors.notFound();
      return customerDetail(order);
    },
  };
  return service;
}
export type OrdersService = ReturnType<typeof createOrdersService>;
