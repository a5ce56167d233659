import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  canTransition,
  isCancellable,
  type OrderEvent,
  type OrderStatus,
  orderEvents,
  orderStatuses,
  terminalOrderStatuses,
  transition,
} from './order-state.ts';

// Every legal move; any (status, event) pair not listed must be refused.
const legal: Record<string, OrderStatus> = {
  'pending_payment:pay': 'paid',
  'pending_payment:cancel': 'cancelled',
  'paid:start_picking': 'picking',
  'paid:cancel': 'cancelled',
  'picking:pack': 'packed',
  'picking:cancel': 'cancelled',
  'packed:ship': 'shipped',
  'packed:cancel': 'cancelled',
  'shipped:void_label': 'packed',
  'shipped:deliver': 'delivered',
};

const allPairs = orderStatuses.flatMap((from) => orderEvents.map((event) => [from, event] as const));

describe('transition', () => {
  it('covers all 49 status and event pairs', () => {
    expect(allPairs).toHaveLength(49);
  });

  it.each(allPairs)('from %s on %s follows the table', (from, event) => {
    const expected = legal[`${from}:${event}`];
    const result = transition(from, event);
    if (expected) {
      expect(result).toEqual({ ok: true, value: expected });
    } else {
      expect(result).toEqual({ ok: false, error: { code: 'ILLEGAL_ORDER_TRANSITION', from, event } });
    }
    expect(canTransition(from, event)).toBe(expected !== undefined);
  });
});

describe('allowedEvents', () => {
  it('lists the events each status accepts, in lifecycle order', () => {
    expect(allowedEvents('pending_payment')).toEqual(['pay', 'cancel']);
    expect(allowedEvents('paid')).toEqual(['start_picking', 'cancel']);
    expect(allowedEvents('picking')).toEqual(['pack', 'cancel']);
    expect(allowedEvents('packed')).toEqual(['ship', 'cancel']);
    expect(allowedEvents('shipped')).toEqual(['void_label', 'deliver']);
    expect(allowedEvents('delivered')).toEqual([]);
    expect(allowedEvents('cancelled')).toEqual([]);
  });

  it('treats delivered and cancelled as terminal', () => {
    expect(terminalOrderStatuses).toEqual(['delivered', 'cancelled']);
  });

  it('allows cancelling only before the order ships', () => {
    expect(orderStatuses.filter(isCancellable)).toEqual(['pending_payment', 'paid', 'picking', 'packed']);
  });
});

describe('order lifecycle', () => {
  const run = (events: OrderEvent[]): OrderStatus[] => {
    const visited: OrderStatus[] = ['pending_payment'];
    for (const event of events) {
      const result = transition(visited.at(-1)!, event);
      if (result.ok) visited.push(result.value);
    }
    return visited;
  };

  it('never leaves delivered or cancelled, and never ships without packing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...orderEvents), { maxLength: 40 }), (events) => {
        const visited = run(events);
        visited.forEach((status, i) => {
          if (status === 'delivered' || status === 'cancelled') {
            expect(visited.slice(i).every((s) => s === status)).toBe(true);
          }
          if (status === 'shipped') expect(visited.slice(0, i)).toContain('packed');
          if (status === 'delivered') expect(visited.slice(0, i)).toContain('shipped');
        });
      }),
    );
  });

  it('reaches delivered through every step in order', () => {
    expect(run(['pay', 'start_picking', 'pack', 'ship', 'deliver'])).toEqual([
      'pending_payment',
      'paid',
      'picking',
      'packed',
      'shipped',
      'delivered',
    ]);
  });
});
