import { DomainError } from '@shoebox/shared';
import { describe, expect, it } from 'vitest';
import { createDemoProvider, demoCardOutcome, luhnValid } from './demo-provider.ts';
import type { PaymentEvent } from './port.ts';

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a failure');
}

const input = (orderId: string, amountMinor = 12_900) => ({ orderId, amountMinor, currency: 'EUR' as const });

function setup() {
  const demo = createDemoProvider({ now: () => 1_780_000_000_000 });
  const events: PaymentEvent[] = [];
  demo.onEvent((e) => {
    events.push(e);
  });
  return { demo, events };
}

describe('demo payment provider', () => {
  it('creates demo intents with a client secret, once per idempotency key', async () => {
    const { demo } = setup();
    const a = await demo.createIntent(input('order-1'), 'order:order-1:intent');
    expect(a.intentId).toMatch(/^demo_pi_[0-9a-f]{32}$/);
    expect(a.clientSecret).toMatch(new RegExp(`^${a.intentId}_secret_[0-9a-f]+$`));
    expect(a.status).toBe('requires_payment');
    expect(await demo.createIntent(input('order-1'), 'order:order-1:intent')).toEqual(a);
    // A double submit racing itself still makes one intent.
    const [x, y] = await Promise.all([
      demo.createIntent(input('order-2'), 'order:order-2:intent'),
      demo.createIntent(input('order-2'), 'order:order-2:intent'),
    ]);
    expect(x.intentId).toBe(y.intentId);
    const e = await failure(demo.createIntent(input('order-1', 1), 'order:order-1:intent'));
    expect(e).toMatchObject({ kind: 'external', code: 'PAYMENT_PROVIDER_ERROR' });
    expect(e.details).toMatchObject({ provider: 'demo', providerType: 'idempotency_error' });
  });

  it('succeeds with 4242 4242 4242 4242 and hands payment.succeeded to the listener', async () => {
    const { demo, events } = setup();
    const { intentId } = await demo.createIntent(input('order-1', 8_000), 'k1');
    const event = await demo.confirmDemoPayment(intentId, '4242 4242 4242 4242');
    expect(event).toEqual({
      id: expect.stringMatching(/^demo_evt_/),
      provider: 'demo',
      type: 'payment.succeeded',
      rawType: 'payment.succeeded',
      intentId,
      orderId: 'order-1',
      amountMinor: 8_000,
      currency: 'EUR',
      createdAt: 1_780_000_000_000,
      metadata: { orderId: 'order-1' },
    });
    expect(events).toEqual([event]);
    expect(await demo.retrieveIntent(intentId)).toMatchObject({ status: 'succeeded', orderId: 'order-1' });
    // Paying twice is refused and emits nothing.
    const again = await failure(demo.confirmDemoPayment(intentId, '4242424242424242'));
    expect(again).toMatchObject({ kind: 'conflict', code: 'PAYMENT_INTENT_UNEXPECTED_STATE' });
    expect(events).toHaveLength(1);
  });

  it('declines 4000 0000 0000 0002 and 4000 0000 0000 9995 with their codes, then lets the customer retry', async () => {
    const { demo, events } = setup();
    const { intentId } = await demo.createIntent(input('order-1'), 'k1');
    const declined = await demo.confirmDemoPayment(intentId, '4000000000000002');
    expect(declined).toMatchObject({
      type: 'payment.failed',
      intentId,
      orderId: 'order-1',
      failureCode: 'card_declined',
    });
    const poor = await demo.confirmDemoPayment(intentId, '4000-0000-0000-9995');
    expect(poor).toMatchObject({ type: 'payment.failed', failureCode: 'insufficient_funds' });
    expect(await demo.retrieveIntent(intentId)).toMatchObject({
      status: 'requires_payment',
      failureCode: 'insufficient_funds',
    });
    const paid = await demo.confirmDemoPayment(intentId, '4242424242424242');
    expect(paid.type).toBe('payment.succeeded');
    expect(events.map((e) => e.type)).toEqual(['payment.failed', 'payment.failed', 'payment.succeeded']);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it('refuses a number that fails the Luhn check as CARD_NUMBER_INVALID, without echoing it', async () => {
    const { demo, events } = setup();
    const { intentId } = await demo.createIntent(input('order-1'), 'k1');
    for (const bad of ['4242424242424241', '1234', 'abcd efgh ijkl mnop', '']) {
      const e = await failure(demo.confirmDemoPayment(intentId, bad));
      expect(e).toMatchObject({ kind: 'validation', code: 'CARD_NUMBER_INVALID' });
      expect(e.errors).toEqual([
        { path: 'cardNumber', message: expect.any(String), code: 'CARD_NUMBER_INVALID' },
      ]);
      if (bad) expect(JSON.stringify(e.toJSON())).not.toContain(bad);
    }
    expect(events).toHaveLength(0);
    expect((await demo.retrieveIntent(intentId)).status).toBe('requires_payment');
  });

  it('declines a valid card number that is not a test card, and never puts the number in the event', async () => {
    const { demo } = setup();
    const { intentId } = await demo.createIntent(input('order-1'), 'k1');
    const real = '4111111111111111';
    const event = await demo.confirmDemoPayment(intentId, real);
    expect(event).toMatchObject({ type: 'payment.failed', failureCode: 'card_declined' });
    expect(JSON.stringify(event)).not.toContain('1111');
  });

  it('knows the Luhn check and the test card table', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(demoCardOutcome('5555 5555 5555 4444')).toEqual({ outcome: 'succeeded' });
    expect(demoCardOutcome('4000000000000069')).toEqual({ outcome: 'failed', code: 'expired_card' });
  });

  it('keeps the intent payable when the confirmation handler fails', async () => {
    const demo = createDemoProvider();
    const { intentId } = await demo.createIntent(input('order-1'), 'k1');
    await expect(demo.confirmDemoPayment(intentId, '4242424242424242')).rejects.toMatchObject({
      code: 'DEMO_PAYMENTS_NOT_WIRED',
    });
    let fail = true;
    demo.onEvent(() => {
      if (fail) throw new Error('database down');
    });
    await expect(demo.confirmDemoPayment(intentId, '4242424242424242')).rejects.toThrow('database down');
    expect((await demo.retrieveIntent(intentId)).status).toBe('requires_payment');
    fail = false;
    expect((await demo.confirmDemoPayment(intentId, '4242424242424242')).type).toBe('payment.succeeded');
  });

  it('refuses a second confirmation while the first is being handled', async () => {
    const demo = createDemoProvider();
    let release: () => void = () => {};
    demo.onEvent(() => new Promise<void>((resolve) => (release = resolve)));
    const { intentId } = await demo.createIntent(input('order-1'), 'k1');
    const first = demo.confirmDemoPayment(intentId, '4242424242424242');
    const second = await failure(demo.confirmDemoPayment(intentId, '4242424242424242'));
    expect(second.code).toBe('PAYMENT_INTENT_UNEXPECTED_STATE');
    release();
    expect((await first).type).toBe('payment.succeeded');
  });

  it('confirms a well-formed intent it does not know (after a restart) with an event naming only the intent', async () => {
    const before = createDemoProvider();
    const { intentId } = await before.createIntent(input('order-1'), 'k1');
    const { demo, events } = setup();
    const event = await demo.confirmDemoPayment(intentId, '4242424242424242');
    expect(event).toMatchObject({ type: 'payment.succeeded', intentId, metadata: {} });
    expect(event.orderId).toBeUndefined();
    expect(events).toHaveLength(1);
    const e = await failure(demo.confirmDemoPayment('pi_not_demo', '4242424242424242'));
    expect(e.details).toMatchObject({ providerCode: 'resource_missing' });
  });

  it('refunds at once, partially and up to the amount paid, and emits refund.succeeded afterwards', async () => {
    const { demo, events } = setup();
    const { intentId } = await demo.createIntent(input('order-1', 10_000), 'k1');
    const early = await failure(demo.refund({ intentId, amountMinor: 100 }, 'refund:early'));
    expect(early.details).toMatchObject({ providerCode: 'payment_intent_unexpected_state' });

    await demo.confirmDemoPayment(intentId, '4242424242424242');
    const part = await demo.refund(
      { intentId, amountMinor: 3_000, metadata: { refundRowId: 'r1' } },
      'refund:r1',
    );
    expect(part).toEqual({
      refundId: expect.stringMatching(/^demo_re_/),
      status: 'succeeded',
      amountMinor: 3_000,
    });
    // Like a webhook, the event comes after the call returned, never inside it.
    expect(events.map((e) => e.type)).toEqual(['payment.succeeded']);
    await demo.idle();
    expect(events.at(-1)).toMatchObject({
      type: 'refund.succeeded',
      intentId,
      orderId: 'order-1',
      refundId: part.refundId,
      amountMinor: 3_000,
      refundedTotalMinor: 3_000,
      metadata: { refundRowId: 'r1' },
    });

    expect(
      await demo.refund({ intentId, amountMinor: 3_000, metadata: { refundRowId: 'r1' } }, 'refund:r1'),
    ).toEqual(part);
    const over = await failure(demo.refund({ intentId, amountMinor: 7_001 }, 'refund:r2'));
    expect(over.details).toMatchObject({ providerCode: 'amount_too_large' });
    await demo.refund({ intentId, amountMinor: 7_000 }, 'refund:r3');
    const none = await failure(demo.refund({ intentId, amountMinor: 1 }, 'refund:r4'));
    expect(none.details).toMatchObject({ providerCode: 'charge_already_refunded' });
    await demo.idle();
    expect(events.filter((e) => e.type === 'refund.succeeded')).toHaveLength(2);
  });

  it('cancels an unpaid intent (emitting payment.canceled) and refuses to cancel a paid one', async () => {
    const { demo, events } = setup();
    const { intentId } = await demo.createIntent(input('order-1'), 'k1');
    expect(await demo.cancelIntent(intentId, 'cancel:1')).toMatchObject({ intentId, status: 'canceled' });
    expect((await demo.cancelIntent(intentId, 'cancel:2')).status).toBe('canceled');
    await demo.idle();
    expect(events.map((e) => e.type)).toEqual(['payment.canceled']);
    const late = await failure(demo.confirmDemoPayment(intentId, '4242424242424242'));
    expect(late.code).toBe('PAYMENT_INTENT_UNEXPECTED_STATE');

    const paid = await demo.createIntent(input('order-2'), 'k2');
    await demo.confirmDemoPayment(paid.intentId, '4242424242424242');
    const e = await failure(demo.cancelIntent(paid.intentId, 'cancel:3'));
    expect(e.details).toMatchObject({
      providerCode: 'payment_intent_unexpected_state',
      intentStatus: 'succeeded',
    });
  });

  it('reports a listener failure on an asynchronous event instead of losing it silently', async () => {
    const seen: Array<[unknown, PaymentEvent]> = [];
    const demo = createDemoProvider({ onListenerError: (error, event) => seen.push([error, event]) });
    const { intentId } = await demo.createIntent(input('order-1'), 'k1');
    demo.onEvent((e) => {
      if (e.type === 'payment.canceled') throw new Error('boom');
    });
    await demo.cancelIntent(intentId, 'cancel:1');
    await demo.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]![1].type).toBe('payment.canceled');
  });

  it('refuses webhooks: demo mode has none', () => {
    const { demo } = setup();
    let error: unknown;
    try {
      demo.parseWebhook(Buffer.from('{}'), 't=1,v1=00');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ kind: 'validation', code: 'WEBHOOK_SIGNATURE_INVALID' });
  });

  it('refuses an unknown intent like the Stripe provider does', async () => {
    const { demo } = setup();
    const e = await failure(demo.retrieveIntent('demo_pi_00000000000000000000000000000000'));
    expect(e).toMatchObject({ kind: 'external', code: 'PAYMENT_PROVIDER_ERROR' });
    expect(e.details).toMatchObject({ providerCode: 'resource_missing' });
  });
});
