/**
 * The fake backend's order handlers (queue, detail, transitions, notes) over the fake shop's
 * orders, with the real contract's rule that money is null for roles without `orders:refund`.
 */
import { allowedEvents, DomainError, type OrderStatus, transition } from '@shoebox/shared';
import { staffTransitionEvents } from '@shoebox/shared/contracts';
import type { Handlers } from '../../ipc/index.ts';
import { colourOf, fakeId, type FakeOrder, productOf, variants } from './fake-data.ts';
import { type FakeShop, receipt } from './fake-shop.ts';

export function orderHandlers(shop: FakeShop, moneyVisible: () => boolean): Partial<Handlers> {
  return {
    'orders.detail': async ({ orderId }) => orderDetail(shop, orderId, moneyVisible()),
    'orders.transition': async (args) => {
      shop.writes.push({ name: 'orders.transition', args });
      const o = findOrder(shop, args.orderId);
      const next = transition(o.status, args.event);
      if (!next.ok)
        throw new DomainError('conflict', 'ILLEGAL_ORDER_TRANSITION', 'The order cannot move that way now.');
      o.status = next.value;
      o.version++;
      return receipt();
    },
    'orders.note': async (args) => {
      shop.writes.push({ name: 'orders.note', args });
      findOrder(shop, args.orderId);
      const list = shop.notes.get(args.orderId) ?? [];
      list.push({
        id: fakeId(8, list.length + 1),
        text: args.text,
        createdAt: new Date().toISOString(),
        pending: true,
      });
      shop.notes.set(args.orderId, list);
      return receipt();
    },
    'orders.list': async (q) => {
      const text = q.q?.toLowerCase();
      const matches = shop.orders.filter(
        (o) =>
          (!q.status || q.status.includes(o.status)) &&
          (q.flagged === undefined || o.flagged === q.flagged) &&
          (!text || o.number.toLowerCase().startsWith(text) || o.email.includes(text)),
      );
      const start = (q.page - 1) * q.pageSize;
      const money = moneyVisible();
      return {
        items: matches.slice(start, start + q.pageSize).map((o) => ({
          id: o.id,
          number: o.number,
          status: o.status,
          email: o.email,
          customerId: null,
          customerName: o.customerName,
          itemCount: o.itemCount,
          currency: 'EUR',
          totalMinor: money ? o.totalMinor : null,
          refundedMinor: money ? o.refundedMinor : null,
          flagged: o.flagged,
          createdAt: o.createdAt,
          updatedAt: o.createdAt,
          version: o.version,
        })),
        page: q.page,
        pageSize: q.pageSize,
        total: matches.length,
        moneyVisible: money,
      };
    },
  };
}

function findOrder(shop: FakeShop, orderId: string): FakeOrder {
  const o = shop.orders.find((x) => x.id === orderId);
  if (!o) throw new DomainError('not_found', 'ORDER_NOT_FOUND', 'There is no such order.');
  return o;
}

const reached: Record<OrderStatus, string[]> = {
  pending_payment: [],
  paid: ['payment.succeeded'],
  picking: ['payment.succeeded', 'order.picking_started'],
  packed: ['payment.succeeded', 'order.picking_started', 'order.packed'],
  shipped: ['payment.succeeded', 'order.picking_started', 'order.packed', 'order.shipped'],
  delivered: [
    'payment.succeeded',
    'order.picking_started',
    'order.packed',
    'order.shipped',
    'order.delivered',
  ],
  cancelled: ['payment.succeeded', 'order.cancelled'],
};
const eventWords: Record<string, string> = {
  'order.placed': 'Order placed in the web shop',
  'payment.succeeded': 'Payment received',
  'order.picking_started': 'Picking started',
  'order.packed': 'Packed',
  'order.shipped': 'Shipped with the carrier',
  'order.delivered': 'Delivered',
  'order.cancelled': 'Cancelled: customer asked',
};

function orderDetail(shop: FakeShop, orderId: string, money: boolean) {
  const o = findOrder(shop, orderId);
  const placed = Date.parse(o.createdAt);
  const lines = o.lineVariantIds.map((variantId, i) => {
    const v = variants.find((x) => x.id === variantId)!;
    const p = productOf(v);
    return {
      id: fakeId(10, i + 1),
      variantId,
      sku: v.sku,
      productName: p.name,
      colourName: colourOf(v).name,
      sizeEu: v.sizeEu,
      width: v.width,
      quantity: 1,
      unitPriceMinor: money ? p.priceMinor : null,
      lineTotalMinor: money ? p.priceMinor : null,
    };
  });
  const subtotal = lines.reduce(
    (s, _l, i) => s + productOf(variants.find((x) => x.id === o.lineVariantIds[i])!).priceMinor,
    0,
  );
  const timeline = ['order.placed', ...reached[o.status]].map((type, i) => ({
    type,
    message: eventWords[type] ?? type,
    at: new Date(placed + i * 2_400_000).toISOString(),
    actorName: i > 1 ? 'Wim Warehouse' : null,
  }));
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    allowedEvents: allowedEvents(o.status).filter((e): e is (typeof staffTransitionEvents)[number] =>
      (staffTransitionEvents as readonly string[]).includes(e),
    ),
    flagged: o.flagged,
    currency: 'EUR',
    shippingMethodId: 'standard',
    shippingAddress: {
      name: o.customerName,
      line1: 'Rua das Flores 12',
      city: 'Lisboa',
      postalCode: '1200-195',
      country: 'PT',
    },
    email: money ? o.email : null,
    lines,
    notes: shop.notes.get(o.id) ?? [],
    timeline,
    timelineSource: 'server' as const,
    moneyVisible: money,
    totals: money
      ? {
          subtotalMinor: subtotal,
          discountMinor: 0,
          shippingMinor: 495,
          taxMinor: Math.round(((subtotal + 495) * 23) / 123),
          totalMinor: subtotal + 495,
          refundedMinor: o.refundedMinor,
        }
      : null,
    payment: money ? { provider: 'stripe', intentId: `pi_${o.number.slice(3).toLowerCase()}` } : null,
    refunds: money
      ? o.refundedMinor > 0
        ? [
            {
              id: fakeId(11, 1),
              amountMinor: o.refundedMinor,
              reason: 'Returned: too small',
              status: 'succeeded' as const,
              providerRefundId: 're_1',
              createdBy: 'Marta Manager',
              createdAt: o.createdAt,
              updatedAt: o.createdAt,
            },
          ]
        : []
      : null,
    pending: (shop.notes.get(o.id) ?? []).some((n) => n.pending),
    version: o.version,
    paidAt: o.status === 'pending_payment' ? null : new Date(placed + 60_000).toISOString(),
    createdAt: o.createdAt,
    updatedAt: o.createdAt,
  };
}
