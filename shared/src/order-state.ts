import { err, ok, type Result } from './result.ts';

/**
 * The order lifecycle as a pure state machine. The server is the authority: it runs every
 * change through `transition`, and clients use `allowedEvents` only to decide which buttons
 * to show.
 */

export const orderStatuses = [
  'pending_payment',
  'paid',
  'picking',
  'packed',
  'shipped',
  'delivered',
  'cancelled',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderEvents = [
  'pay',
  'start_picking',
  'pack',
  'ship',
  'void_label',
  'deliver',
  'cancel',
] as const;
export type OrderEvent = (typeof orderEvents)[number];

export interface IllegalOrderTransition {
  code: 'ILLEGAL_ORDER_TRANSITION';
  from: OrderStatus;
  event: OrderEvent;
}

// `void_label` takes a shipped order back to packed when its label is voided before the carrier
// took the parcel (a wrong service, a damaged label): it is then relabelled, or cancelled.
// Cancelling stops at `shipped`: once the parcel has left, getting shoes back is a return,
// which is its own record. Terminal states allow nothing, so cancel is not idempotent here;
// a service that wants idempotent cancels checks for `cancelled` first.
const transitions: Readonly<Record<OrderStatus, Readonly<Partial<Record<OrderEvent, OrderStatus>>>>> = {
  pending_payment: { pay: 'paid', cancel: 'cancelled' },
  paid: { start_picking: 'picking', cancel: 'cancelled' },
  picking: { pack: 'packed', cancel: 'cancelled' },
  packed: { ship: 'shipped', cancel: 'cancelled' },
  shipped: { void_label: 'packed', deliver: 'delivered' },
  delivered: {},
  cancelled: {},
};

/** Statuses no event leaves. */
export const terminalOrderStatuses: readonly OrderStatus[] = orderStatuses.filter(
  (status) => Object.keys(transitions[status]).length === 0,
);

export const transition = (
  from: OrderStatus,
  event: OrderEvent,
): Result<OrderStatus, IllegalOrderTransition> => {
  const to = transitions[from][event];
  return to ? ok(to) : err({ code: 'ILLEGAL_ORDER_TRANSITION', from, event });
};

export const canTransition = (from: OrderStatus, event: OrderEvent): boolean =>
  transitions[from][event] !== undefined;

/** Events allowed from a status, in lifecycle order. */
export const allowedEvents = (from: OrderStatus): OrderEvent[] =>
  orderEvents.filter((event) => canTransition(from, event));

/** Whether an order in this status may still be cancelled (before it ships). */
export const isCancellable = (status: OrderStatus): boolean => canTransition(status, 'cancel');
