import { allowedEvents, DomainError } from '@shoebox/shared';
import { type AdminOrderDetail, staffTransitionEvents } from '@shoebox/shared/contracts';
import type { EntityRow } from '@shoebox/sync/protocol';
import type { OrderDetail } from '../../ipc/index.ts';
import type { CacheView } from './cache-view.ts';
import { createOrdersQueue } from './orders-queue.ts';
import { iso, type Visibility } from './visibility.ts';

const toShip: readonly string[] = ['paid', 'picking', 'packed'];
const staffEvents: readonly string[] = staffTransitionEvents;

/** Asks the server for an order's own detail (timeline, payment, refunds); null when it cannot. */
export type ServerOrderDetail = (orderId: string) => Promise<AdminOrderDetail | null>;

/** Orders from the cache: the queue and one order's detail, with the server's parts when online. */
export function createOrdersService(view: CacheView, fromServer: ServerOrderDetail) {
  const queue = createOrdersQueue(view);

  async function detail(orderId: string, see: Visibility): Promise<OrderDetail> {
    const order = view.get('order', orderId);
    if (!order) throw new DomainError('not_found', 'ORDER_NOT_FOUND', 'This order is not in the cache.');
    const pendingNotes = view.pending('orderNote');
    const notes = view
      .rows('orderNote', { column: 'order_id', field: 'orderId', value: order.id })
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((n) => ({ id: n.id, text: n.text, createdAt: iso(n.createdAt), pending: pendingNotes.has(n.id) }));
    const lines = view
      .rows('orderLine', { column: 'order_id', field: 'orderId', value: order.id })
      .sort((a, b) => a.sku.localeCompare(b.sku))
      .map((l) => ({
        id: l.id,
        variantId: l.variantId,
        sku: l.sku,
        productName: l.productName,
        colourName: l.colourName,
        sizeEu: l.sizeEuTenths / 10,
        width: l.width,
        quantity: l.quantity,
        unitPriceMinor: see.money ? (l.unitPriceMinor ?? null) : null,
        lineTotalMinor: see.money ? (l.lineTotalMinor ?? null) : null,
      }));
    const server = await fromServer(order.id).catch(() => null);
    const pending = view.pending('order').has(order.id) || notes.some((n) => n.pending);
    return {
      id: order.id,
      number: order.number,
      status: order.status,
      allowedEvents: allowedEvents(order.status).filter((e) =>
        staffEvents.includes(e),
      ) as OrderDetail['allowedEvents'],
      flagged: order.flagged,
      currency: order.currency,
      shippingMethodId: order.shippingMethodId,
      shippingAddress: see.contact || toShip.includes(order.status) ? (order.shippingAddress ?? null) : null,
      email: see.contact ? (order.email ?? null) : null,
      lines,
      notes,
      ...(server
        ? { timeline: serverTimeline(server), timelineSource: 'server' as const }
        : { timeline: cacheTimeline(order, notes), timelineSource: 'cache' as const }),
      moneyVisible: see.money,
      totals: see.money ? totalsOf(order) : null,
      payment: see.money && server ? server.payment : null,
      refunds: see.money && server ? server.refunds : null,
      pending,
      version: order.version,
      paidAt: order.paidAt === null ? null : iso(order.paidAt),
      createdAt: iso(order.createdAt),
      updatedAt: iso(order.updatedAt),
    };
  }

  return { list: queue, detail };
}
export type OrdersService = ReturnType<typeof createOrdersService>;

const serverTimeline = (server: AdminOrderDetail): OrderDetail['timeline'] =>
  server.timeline.map((e) => ({ type: e.type, message: e.message, at: e.createdAt, actorName: e.actorName }));

/** What the cache alone can tell: placed, paid, where it is now, and the notes. */
function cacheTimeline(order: EntityRow<'order'>, notes: OrderDetail['notes']): OrderDetail['timeline'] {
  const entries: OrderDetail['timeline'] = [
    {
      type: 'order.placed',
      message: `Order ${order.number} placed`,
      at: iso(order.createdAt),
      actorName: null,
    },
  ];
  if (order.paidAt !== null)
    entries.push({ type: 'payment.succeeded', message: 'Paid', at: iso(order.paidAt), actorName: null });
  if (!['pending_payment', 'paid'].includes(order.status))
    entries.push({
      type: `order.${order.status}`,
      message: `Now ${order.status.replace('_', ' ')}`,
      at: iso(order.updatedAt),
      actorName: null,
    });
  for (const note of notes)
    entries.push({ type: 'note', message: note.text, at: note.createdAt, actorName: null });
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

function totalsOf(order: EntityRow<'order'>): OrderDetail['totals'] {
  if (order.totalMinor === undefined) return null;
  return {
    subtotalMinor: order.subtotalMinor ?? 0,
    discountMinor: order.discountMinor ?? 0,
    shippingMinor: order.shippingMinor ?? 0,
    taxMinor: order.taxMinor ?? 0,
    totalMinor: order.totalMinor,
    refundedMinor: order.refundedMinor ?? 0,
  };
}
