/**
 * The fake backend's online admin handlers: cancel and refund over the fake shop's orders (their
 * results show in the detail's timeline and refunds), settings, customers. Like the real backend
 * they refuse with API_UNREACHABLE while the fake shop is offline.
 */
import { DomainError } from '@shoebox/shared';
import type { Handlers, OrderDetail, Session } from '../../ipc/index.ts';
import { fakeId } from './fake-data.ts';
import type { FakeShop } from './fake-shop.ts';
import { createFakeSettings, settingsHandlers } from './fake-settings.ts';

type Refund = NonNullable<OrderDetail['refunds']>[number];
type TimelineEntry = OrderDetail['timeline'][number];

/** What the admin fakes add to orders: their own timeline entries and refunds. */
interface OrderMoneyState {
  timeline: Map<string, TimelineEntry[]>;
  refunds: Map<string, Refund[]>;
}

export function requireServer(shop: FakeShop, what: string) {
  if (shop.offline)
    throw new DomainError(
      'external',
      'API_UNREACHABLE',
      `${what} needs a connection to the shop server, which cannot be reached right now.`,
    );
}

const push = <T>(map: Map<string, T[]>, key: string, item: T) =>
  map.set(key, [...(map.get(key) ?? []), item]);

/** The base shop handlers with cancel and refund added, and the detail showing what they did. */
export function withAdminFakes(
  base: Partial<Handlers>,
  shop: FakeShop,
  session: () => Session | null,
): Partial<Handlers> {
  const state: OrderMoneyState = { timeline: new Map(), refunds: new Map() };
  const baseDetail = base['orders.detail']!;
  const detail = async (orderId: string): Promise<OrderDetail> => {
    const d = await baseDetail({ orderId });
    const mine = state.timeline.get(orderId) ?? [];
    const refunds = state.refunds.get(orderId) ?? [];
    const refunded = refunds.reduce((s, r) => s + r.amountMinor, 0);
    return {
      ...d,
      // The fake's stock "cancelled" entry is replaced by the one with the reason given here.
      timeline: [...d.timeline.filter((t) => !(mine.length && t.type === 'order.cancelled')), ...mine],
      refunds: d.refunds === null ? null : [...d.refunds, ...refunds],
      totals: d.totals && { ...d.totals, refundedMinor: d.totals.refundedMinor + refunded },
    };
  };
  const actor = () => session()?.user.name ?? null;
  const addRefund = (orderId: string, amountMinor: number, reason: string, at: string) => {
    const n = (state.refunds.get(orderId)?.length ?? 0) + 1;
    push(state.refunds, orderId, {
      id: fakeId(12, n),
      amountMinor,
      reason,
      status: 'succeeded',
      providerRefundId: `re_fake_${n}`,
      createdBy: actor(),
      createdAt: at,
      updatedAt: at,
    });
    const euros = `€${(amountMinor / 100).toFixed(2)}`;
    push(state.timeline, orderId, {
      type: 'refund.succeeded',
      message: `Refunded ${euros}: ${reason}`,
      at,
      actorName: actor(),
    });
  };
  return {
    ...base,
    ...settingsHandlers(shop, createFakeSettings(), session),
    'orders.detail': ({ orderId }) => detail(orderId),
    'orders.cancel': async ({ orderId, reason }) => {
      requireServer(shop, 'Cancelling an order');
      shop.writes.push({ name: 'orders.cancel', args: { orderId, reason } });
      const order = shop.orders.find((o) => o.id === orderId);
      if (!order) throw new DomainError('not_found', 'ORDER_NOT_FOUND', 'There is no such order.');
      if (!['pending_payment', 'paid', 'picking', 'packed'].includes(order.status))
        throw new DomainError('conflict', 'ILLEGAL_ORDER_TRANSITION', 'The order has left the shop.');
      // As on the API, cancelling a paid order refunds what is left of it.
      const before = await detail(orderId);
      const total = before.totals?.totalMinor ?? 0;
      const left = order.status === 'pending_payment' ? 0 : total - (before.totals?.refundedMinor ?? 0);
      order.status = 'cancelled';
      const at = new Date().toISOString();
      if (left > 0) addRefund(orderId, left, `Cancelled: ${reason}`, at);
      push(state.timeline, orderId, {
        type: 'order.cancelled',
        message: `Cancelled: ${reason}`,
        at,
        actorName: actor(),
      });
      return detail(orderId);
    },
    'orders.refund': async ({ orderId, amountMinor, reason }) => {
      requireServer(shop, 'Refunding an order');
      shop.writes.push({ name: 'orders.refund', args: { orderId, amountMinor, reason } });
      const before = await detail(orderId);
      const left = (before.totals?.totalMinor ?? 0) - (before.totals?.refundedMinor ?? 0);
      if (amountMinor > left)
        throw new DomainError(
          'business_rule',
          'REFUND_EXCEEDS_REFUNDABLE',
          'That is more than is left to refund.',
        );
      addRefund(orderId, amountMinor, reason, new Date().toISOString());
      return detail(orderId);
    },
  };
}
