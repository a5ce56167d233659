/**
 * Cancel and refund go to the API (never the outbox), then pull so the order answered is the one
 * after the change; offline they refuse at once, in words, without a request.
 */
import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../ipc/index.ts';
import { adminBench } from '../test-support/admin-bench.ts';
import { problemAnswer } from '../test-support/fake-api.ts';
import type { HandlerContext } from './context.ts';
import { orderMoneyHandlers } from './order-money.ts';

const ORDER = '0193a1b2-0000-7000-8000-000000000001';

const detailAfter = (status: OrderDetail['status']): OrderDetail => ({
  id: ORDER,
  number: 'SB-7K3M9Q2X',
  status,
  allowedEvents: [],
  flagged: false,
  currency: 'EUR',
  shippingMethodId: 'standard',
  shippingAddress: null,
  email: 'ana@example.com',
  lines: [],
  notes: [],
  timeline: [],
  timelineSource: 'server',
  moneyVisible: true,
  totals: null,
  payment: null,
  refunds: [],
  pending: false,
  version: 2,
  paidAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
});

function bench() {
  const seen = { syncs: 0, status: 'paid' as OrderDetail['status'] };
  const b = adminBench((api, session) => {
    const ctx = {
      session,
      server: { admin: api.admin },
      engine: {
        syncNow: async () => {
          seen.syncs += 1;
        },
      },
      orders: { detail: async () => detailAfter(seen.status) },
    } as unknown as HandlerContext;
    return orderMoneyHandlers(ctx);
  });
  return { ...b, seen };
}

describe('orders.cancel and orders.refund', () => {
  it('cancels through the API with the reason, pulls, and answers the order after the change', async () => {
    const b = bench();
    b.as('manager');
    b.api.on('POST', `/admin/orders/${ORDER}/cancel`, () => {
      b.seen.status = 'cancelled';
      return { json: {} };
    });
    const answer = await b.value('orders.cancel', { orderId: ORDER, reason: '  Duplicate order ' });
    expect(b.api.requests).toEqual([
      { method: 'POST', path: `/admin/orders/${ORDER}/cancel`, body: { reason: 'Duplicate order' } },
    ]);
    expect(b.seen.syncs).toBe(1);
    expect(answer.status).toBe('cancelled');
  });

  it('refunds the amount chosen on screen, in minor units', async () => {
    const b = bench();
    b.as('owner');
    b.api.on('POST', `/admin/orders/${ORDER}/refunds`, { status: 201, json: {} });
    await b.value('orders.refund', { orderId: ORDER, amountMinor: 1250, reason: 'Goodwill' });
    expect(b.api.requests[0]?.body).toEqual({ amountMinor: 1250, reason: 'Goodwill' });
  });

  it('passes the API refusal through with its code and message', async () => {
    const b = bench();
    b.as('manager');
    b.api.on(
      'POST',
      `/admin/orders/${ORDER}/refunds`,
      problemAnswer(422, 'REFUND_EXCEEDS_REFUNDABLE', 'Only €10.00 is left to refund.'),
    );
    const error = await b.refusal('orders.refund', { orderId: ORDER, amountMinor: 5000, reason: 'x' });
    expect(error).toMatchObject({
      code: 'REFUND_EXCEEDS_REFUNDABLE',
      message: 'Only €10.00 is left to refund.',
    });
    expect(b.seen.syncs).toBe(0);
  });

  it('says offline, without asking the API, that refunding needs a connection', async () => {
    const b = bench();
    b.as('manager');
    b.api.state.online = false;
    const error = await b.refusal('orders.refund', { orderId: ORDER, amountMinor: 100, reason: 'x' });
    expect(error.code).toBe('API_UNREACHABLE');
    expect(error.message).toMatch(/^Refunding an order needs a connection to the shop server/);
    expect(b.api.requests).toHaveLength(0);
  });

  it('says the same when the network drops during the call', async () => {
    const b = bench();
    b.as('manager');
    b.api.state.reachable = false;
    const error = await b.refusal('orders.cancel', { orderId: ORDER, reason: 'x' });
    expect(error.code).toBe('API_UNREACHABLE');
    expect(error.message).toMatch(/^Cancelling an order needs a connection/);
  });

  it('refuses the warehouse before anything is sent', async () => {
    const b = bench();
    b.as('warehouse');
    const error = await b.refusal('orders.cancel', { orderId: ORDER, reason: 'x' });
    expect(error.code).toBe('IPC_PERMISSION_DENIED');
    expect(b.api.requests).toHaveLength(0);
  });
});
