import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../test-support/fake-stripe.ts';
import { normaliseStripeEvent, parseStripeWebhook, verifyStripeWebhook } from './webhook-verify.ts';

const SECRET = 'whsec_test_verify_secret';
const nowSec = () => Math.floor(Date.now() / 1000);

function signed(event: object, timestamp = nowSec(), secret = SECRET) {
  const payload = JSON.stringify(event, null, 2);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
  return { body: Buffer.from(payload), header };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

const baseEvent = (type: string, object: Record<string, unknown>) => ({
  id: 'evt_1',
  object: 'event',
  api_version: '2026-10-28.endive',
  created: 1_780_000_000,
  data: { object },
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  type,
});

describe('webhook signature verification', () => {
  it('accepts a genuine event and returns it', () => {
    const { body, header } = signed(
      baseEvent('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent' }),
    );
    expect(verifyStripeWebhook(body, header, SECRET)).toMatchObject({
      id: 'evt_1',
      type: 'payment_intent.succeeded',
    });
  });

  it('refuses a body changed after signing', () => {
    const { body, header } = signed(baseEvent('payment_intent.succeeded', { id: 'pi_1', amount: 100 }));
    const tampered = Buffer.from(body.toString().replace('"amount": 100', '"amount": 1'));
    expect(codeOf(() => verifyStripeWebhook(tampered, header, SECRET))).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('refuses a re-serialised body (the route must pass the raw bytes)', () => {
    const { body, header } = signed(baseEvent('payment_intent.succeeded', { id: 'pi_1' }));
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString())));
    expect(codeOf(() => verifyStripeWebhook(reserialised, header, SECRET))).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(codeOf(() => verifyStripeWebhook(JSON.parse(body.toString()), header, SECRET))).toBe(
      'WEBHOOK_SIGNATURE_INVALID',
    );
  });

  it('refuses another secret, a missing header and a malformed one', () => {
    const { body } = signed(baseEvent('payment_intent.succeeded', { id: 'pi_1' }));
    const other = signed(
      baseEvent('payment_intent.succeeded', { id: 'pi_1' }),
      nowSec(),
      'whsec_someone_else',
    );
    expect(codeOf(() => verifyStripeWebhook(body, other.header, SECRET))).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(codeOf(() => verifyStripeWebhook(body, undefined, SECRET))).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(codeOf(() => verifyStripeWebhook(body, 'nonsense', SECRET))).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(codeOf(() => verifyStripeWebhook(body, 't=1,v1=00', SECRET))).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('refuses a timestamp older than the tolerance (replays) and accepts one inside it', () => {
    const event = baseEvent('payment_intent.succeeded', { id: 'pi_1' });
    const stale = signed(event, nowSec() - 301);
    let error: unknown;
    try {
      verifyStripeWebhook(stale.body, stale.header, SECRET);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ kind: 'validation', code: 'WEBHOOK_SIGNATURE_INVALID' });
    expect((error as Error).message).toMatch(/tolerance/);

    const recent = signed(event, nowSec() - 200);
    expect(verifyStripeWebhook(recent.body, recent.header, SECRET).id).toBe('evt_1');
    // A custom tolerance and clock.
    const old = signed(event, 1_000_000);
    expect(verifyStripeWebhook(old.body, old.header, SECRET, { now: 1_000_010_000 }).id).toBe('evt_1');
    expect(
      codeOf(() =>
        verifyStripeWebhook(old.body, old.header, SECRET, { now: 1_000_010_000, toleranceSeconds: 5 }),
      ),
    ).toBe('WEBHOOK_SIGNATURE_INVALID');
  });

  it('refuses a signed body that is not a Stripe event', () => {
    const { body, header } = signed({ hello: 'world' });
    expect(codeOf(() => verifyStripeWebhook(body, header, SECRET))).toBe('WEBHOOK_SIGNATURE_INVALID');
  });
});

describe('normalising Stripe events (objects shaped by the fake)', () => {
  let fake: FakeStripe;
  let client: Stripe;
  const intent = async (amount = 5_000, orderId = 'order-1') =>
    (
      await client.paymentIntents.create({
        amount,
        currency: 'eur',
        automatic_payment_methods: { enabled: true },
        metadata: { orderId },
      })
    ).id;
  const parse = (event: object) => {
    const { body, header } = signed(event);
    return parseStripeWebhook(body, header, SECRET);
  };

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: SECRET });
    client = new Stripe('sk_test_verify', {
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterAll(() => fake.close());

  it('maps payment_intent.succeeded to payment.succeeded with the amount received', async () => {
    const id = await intent(5_000, 'order-a');
    const event = fake.buildEvent('payment_intent.succeeded', id);
    expect(parse(event)).toEqual({
      id: event.id,
      provider: 'stripe',
      type: 'payment.succeeded',
      rawType: 'payment_intent.succeeded',
      intentId: id,
      orderId: 'order-a',
      amountMinor: 5_000,
      currency: 'EUR',
      createdAt: event.created * 1000,
      metadata: { orderId: 'order-a' },
    });
  });

  it('maps payment_intent.payment_failed to payment.failed with the decline code', async () => {
    const id = await intent();
    const event = fake.buildEvent('payment_intent.payment_failed', id, { failureCode: 'insufficient_funds' });
    expect(parse(event)).toMatchObject({
      type: 'payment.failed',
      intentId: id,
      orderId: 'order-1',
      failureCode: 'insufficient_funds',
    });
  });

  it('maps payment_intent.canceled to payment.canceled', async () => {
    const id = await intent();
    expect(parse(fake.buildEvent('payment_intent.canceled', id))).toMatchObject({
      type: 'payment.canceled',
      intentId: id,
      orderId: 'order-1',
    });
  });

  it('maps charge.refunded to refund.succeeded with the cumulative refunded amount', async () => {
    const id = await intent(9_000);
    await client.paymentIntents.confirm(id, { payment_method: 'pm_card_visa' });
    fake.buildEvent('charge.refunded', id, { amountMinor: 2_000 });
    const event = fake.buildEvent('charge.refunded', id, { amountMinor: 3_000 });
    const parsed = parse(event);
    expect(parsed).toMatchObject({
      type: 'refund.succeeded',
      intentId: id,
      refundedTotalMinor: 5_000,
      currency: 'EUR',
    });
    expect(parsed.refundId).toBeUndefined();
  });

  it('maps refund.updated by the refund status and refund.failed to refund.failed', async () => {
    const id = await intent(9_000);
    await client.paymentIntents.confirm(id, { payment_method: 'pm_card_visa' });
    fake.refundMode = 'pending';
    const refund = await client.refunds.create({
      payment_intent: id,
      amount: 1_500,
      metadata: { refundRowId: 'r9' },
    });
    fake.refundMode = 'succeeded';
    expect(refund.status).toBe('pending');

    const pendingUpdate = fake.buildEvent('refund.updated', refund.id, { apply: false });
    pendingUpdate.data.object.status = 'pending';
    expect(parse(pendingUpdate)).toMatchObject({ type: 'other', intentId: id, rawType: 'refund.updated' });

    expect(parse(fake.buildEvent('refund.updated', refund.id))).toMatchObject({
      type: 'refund.succeeded',
      intentId: id,
      refundId: refund.id,
      amountMinor: 1_500,
      metadata: { refundRowId: 'r9' },
    });
    expect(
      parse(fake.buildEvent('refund.failed', refund.id, { failureCode: 'expired_or_canceled_card' })),
    ).toMatchObject({
      type: 'refund.failed',
      intentId: id,
      refundId: refund.id,
      amountMinor: 1_500,
      failureCode: 'expired_or_canceled_card',
    });
    // A failed refund gives the money back to refund.
    expect(fake.charges.get(fake.intents.get(id)!.latest_charge!)?.amount_refunded).toBe(0);
  });

  it('maps every other event to other, keeping the intent id when there is one', async () => {
    const id = await intent();
    expect(parse(fake.buildEvent('payment_intent.created', id))).toMatchObject({
      type: 'other',
      intentId: id,
    });
    expect(
      normaliseStripeEvent(baseEvent('customer.created', { id: 'cus_1', object: 'customer' }) as any),
    ).toEqual({
      id: 'evt_1',
      provider: 'stripe',
      type: 'other',
      rawType: 'customer.created',
      intentId: null,
      createdAt: 1_780_000_000_000,
      metadata: {},
    });
    // A refund of a charge made without a PaymentIntent is nothing of ours.
    expect(
      normaliseStripeEvent(
        baseEvent('refund.failed', {
          id: 're_1',
          object: 'refund',
          payment_intent: null,
          status: 'failed',
        }) as any,
      ),
    ).toMatchObject({ type: 'other', intentId: null });
  });
});
