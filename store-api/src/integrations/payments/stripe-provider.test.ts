import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '@shoebox/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../test-support/fake-stripe.ts';
import type { PaymentEvent } from './port.ts';
import { createStripeProvider, type StripePaymentProvider, stripeClientConfig } from './stripe-provider.ts';

const WEBHOOK_SECRET = 'whsec_test_provider_secret';

async function failure(p: Promise<unknown> | (() => unknown)): Promise<DomainError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a failure');
}

let n = 0;
const order = () => `order-${Date.now()}-${++n}`;
const intentInput = (orderId: string, amountMinor = 12_900) => ({
  orderId,
  amountMinor,
  currency: 'EUR' as const,
  customerEmail: 'ada@example.com',
  metadata: { orderNumber: 'SB-1001' },
});

describe('Stripe provider through the real SDK against the local fake', () => {
  let fake: FakeStripe;
  let stripe: StripePaymentProvider;

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET });
    stripe = createStripeProvider({
      secretKey: 'sk_test_shoebox',
      webhookSecret: WEBHOOK_SECRET,
      apiBase: fake.baseUrl,
    });
  });
  afterAll(() => fake.close());

  /** Pays an intent the way the browser would (Payment Element confirms it with a test card). */
  const pay = (intentId: string, paymentMethod = 'pm_card_visa') =>
    stripe.client.paymentIntents.confirm(intentId, { payment_method: paymentMethod });

  it('builds the SDK config from STRIPE_API_BASE', () => {
    expect(stripeClientConfig({ apiBase: 'http://127.0.0.1:12111' })).toMatchObject({
      host: '127.0.0.1',
      port: '12111',
      protocol: 'http',
      maxNetworkRetries: 1,
    });
    expect(stripeClientConfig({})).not.toHaveProperty('host');
  });

  it('creates a PaymentIntent with automatic payment methods, the order id in metadata and our idempotency key', async () => {
    const orderId = order();
    const created = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
    expect(created.intentId).toMatch(/^pi_/);
    expect(created.clientSecret).toMatch(new RegExp(`^${created.intentId}_secret_`));
    expect(created.status).toBe('requires_payment');

    const request = fake.requests.at(-1)!;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/payment_intents',
      idempotencyKey: `order:${orderId}:intent`,
      apiKey: 'sk_test_shoebox',
      status: 200,
    });
    expect(request.params).toEqual({
      amount: '12900',
      currency: 'eur',
      automatic_payment_methods: { enabled: 'true' },
      metadata: { orderNumber: 'SB-1001', customerEmail: 'ada@example.com', orderId },
    });
    expect(fake.intents.get(created.intentId)).toMatchObject({
      amount: 12_900,
      currency: 'eur',
      status: 'requires_payment_method',
    });
  });

  it('returns the same intent when the same request is retried with the same key', async () => {
    const orderId = order();
    const before = fake.intents.size;
    const first = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
    const again = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
    expect(again).toEqual(first);
    expect(fake.intents.size).toBe(before + 1);
    expect(fake.requests.at(-1)?.replayed).toBe(true);
  });

  it('refuses the same key with different parameters as PAYMENT_PROVIDER_ERROR', async () => {
    const orderId = order();
    await stripe.createIntent(intentInput(orderId, 5_000), `order:${orderId}:intent`);
    const e = await failure(stripe.createIntent(intentInput(orderId, 6_000), `order:${orderId}:intent`));
    expect(e.kind).toBe('external');
    expect(e.code).toBe('PAYMENT_PROVIDER_ERROR');
    expect(e.details).toMatchObject({
      provider: 'stripe',
      providerType: 'idempotency_error',
      statusCode: 400,
    });
    // Stripe's own wording stays out of what clients see.
    expect(e.message).not.toMatch(/Keys for idempotent requests/);
    expect((e.cause as Error).message).toMatch(/Keys for idempotent requests/);
  });

  it('retrieves an intent in our vocabulary', async () => {
    const orderId = order();
    const { intentId } = await stripe.createIntent(intentInput(orderId, 7_450), `order:${orderId}:intent`);
    expect(await stripe.retrieveIntent(intentId)).toEqual({
      intentId,
      status: 'requires_payment',
      amountMinor: 7_450,
      currency: 'EUR',
      orderId,
      failureCode: null,
      metadata: { orderNumber: 'SB-1001', customerEmail: 'ada@example.com', orderId },
    });
    await pay(intentId);
    expect((await stripe.retrieveIntent(intentId)).status).toBe('succeeded');
  });

  it('reports the decline code of a failed attempt', async () => {
    const orderId = order();
    const { intentId } = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
    await expect(pay(intentId, 'pm_card_chargeDeclinedInsufficientFunds')).rejects.toMatchObject({
      type: 'StripeCardError',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    expect(await stripe.retrieveIntent(intentId)).toMatchObject({
      status: 'requires_payment',
      failureCode: 'insufficient_funds',
    });
  });

  it('refuses an unknown intent with the provider code', async () => {
    const e = await failure(stripe.retrieveIntent('pi_doesnotexist'));
    expect(e.code).toBe('PAYMENT_PROVIDER_ERROR');
    expect(e.details).toMatchObject({ providerCode: 'resource_missing', statusCode: 404 });
  });

  it('cancels an unpaid intent, treats a second cancel as done, and refuses to cancel a paid one', async () => {
    const orderId = order();
    const { intentId } = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
    const canceled = await stripe.cancelIntent(intentId, `order:${orderId}:cancel`);
    expect(canceled).toMatchObject({ intentId, status: 'canceled', orderId });
    expect(fake.intents.get(intentId)?.status).toBe('canceled');
    // A compensation retried under another key still converges.
    expect((await stripe.cancelIntent(intentId, `order:${orderId}:cancel-2`)).status).toBe('canceled');

    const paidOrder = order();
    const paid = await stripe.createIntent(intentInput(paidOrder), `order:${paidOrder}:intent`);
    await pay(paid.intentId);
    const e = await failure(stripe.cancelIntent(paid.intentId, `order:${paidOrder}:cancel`));
    expect(e.code).toBe('PAYMENT_PROVIDER_ERROR');
    expect(e.details).toMatchObject({
      providerCode: 'payment_intent_unexpected_state',
      intentStatus: 'succeeded',
    });
  });

  it('refunds partially, then the rest, and refuses to refund more than was paid', async () => {
    const orderId = order();
    const { intentId } = await stripe.createIntent(intentInput(orderId, 10_000), `order:${orderId}:intent`);
    await pay(intentId);

    const first = await stripe.refund(
      { intentId, amountMinor: 2_500, reason: 'requested_by_customer', metadata: { refundRowId: 'r1' } },
      'refund:r1',
    );
    expect(first).toEqual({
      refundId: expect.stringMatching(/^re_/),
      status: 'succeeded',
      amountMinor: 2_500,
    });
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/v1/refunds',
      idempotencyKey: 'refund:r1',
      params: {
        payment_intent: intentId,
        amount: '2500',
        reason: 'requested_by_customer',
        metadata: { refundRowId: 'r1' },
      },
    });

    // The same refund retried (lost response, crash before recording it) is not refunded twice.
    const retried = await stripe.refund(
      { intentId, amountMinor: 2_500, reason: 'requested_by_customer', metadata: { refundRowId: 'r1' } },
      'refund:r1',
    );
    expect(retried.refundId).toBe(first.refundId);

    const over = await failure(stripe.refund({ intentId, amountMinor: 7_501 }, 'refund:r2'));
    expect(over.code).toBe('PAYMENT_PROVIDER_ERROR');
    expect(over.details).toMatchObject({ providerCode: 'amount_too_large', statusCode: 400 });

    const rest = await stripe.refund({ intentId, amountMinor: 7_500 }, 'refund:r3');
    expect(rest).toMatchObject({ status: 'succeeded', amountMinor: 7_500 });
    const charge = fake.charges.get(fake.intents.get(intentId)!.latest_charge!)!;
    expect(charge).toMatchObject({ amount_refunded: 10_000, refunded: true });

    const again = await failure(stripe.refund({ intentId, amountMinor: 1 }, 'refund:r4'));
    expect(again.details).toMatchObject({ providerCode: 'charge_already_refunded' });
  });

  it('refuses to refund a payment that has not succeeded', async () => {
    const orderId = order();
    const { intentId } = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
    const e = await failure(stripe.refund({ intentId, amountMinor: 100 }, `refund:${orderId}`));
    expect(e.details).toMatchObject({ providerCode: 'payment_intent_unexpected_state' });
  });

  it('reports a refund the provider has not settled yet as pending', async () => {
    const orderId = order();
    const { intentId } = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
    await pay(intentId);
    fake.refundMode = 'pending';
    try {
      const refund = await stripe.refund({ intentId, amountMinor: 1_000 }, `refund:${orderId}`);
      expect(refund.status).toBe('pending');
    } finally {
      fake.refundMode = 'succeeded';
    }
  });

  it('gets the answer of a request whose response was lost by retrying it with the same key', async () => {
    const orderId = order();
    const before = fake.intents.size;
    fake.failNext(1, 'drop-response');
    const created = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
    expect(fake.intents.size).toBe(before + 1);
    expect(fake.intents.has(created.intentId)).toBe(true);
    const attempts = fake.requests.filter((r) => r.idempotencyKey === `order:${orderId}:intent`);
    expect(attempts.map((a) => a.replayed)).toEqual([false, true]);
  });

  it('reports a failing provider (5xx after the retry) as PAYMENT_PROVIDER_UNAVAILABLE', async () => {
    const orderId = order();
    fake.failNext(2, { status: 500, type: 'api_error' });
    const e = await failure(stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`));
    expect(e.kind).toBe('external');
    expect(e.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(e.details).toMatchObject({ statusCode: 500 });
  });

  it('reports rate limiting as PAYMENT_PROVIDER_UNAVAILABLE', async () => {
    fake.failNext(1, { status: 429, type: 'invalid_request_error', code: 'rate_limit' });
    const e = await failure(stripe.retrieveIntent('pi_any'));
    expect(e.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
  });

  it('reports a wrong API key as PAYMENT_PROVIDER_ERROR', async () => {
    const wrong = createStripeProvider({
      secretKey: 'sk_live_nope',
      webhookSecret: WEBHOOK_SECRET,
      apiBase: fake.baseUrl,
    });
    const e = await failure(wrong.retrieveIntent('pi_any'));
    expect(e.code).toBe('PAYMENT_PROVIDER_ERROR');
    expect(e.details).toMatchObject({ statusCode: 401 });
  });

  describe('webhooks delivered by the fake to a receiver that uses parseWebhook', () => {
    let receiver: Server;
    const received: PaymentEvent[] = [];

    beforeAll(async () => {
      // What the webhook route will do: raw bytes in, parseWebhook, 400 on a bad signature.
      receiver = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          try {
            const header = req.headers['stripe-signature'];
            const event = stripe.parseWebhook(
              Buffer.concat(chunks),
              Array.isArray(header) ? header[0] : header,
            );
            received.push(event);
            res.writeHead(200).end('{"received":true}');
          } catch (e) {
            res
              .writeHead(e instanceof DomainError && e.kind === 'validation' ? 400 : 500)
              .end((e as DomainError).code);
          }
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      fake.webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
    });
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it('accepts a genuine payment_intent.succeeded and normalises it', async () => {
      const orderId = order();
      const { intentId } = await stripe.createIntent(intentInput(orderId, 8_000), `order:${orderId}:intent`);
      const delivery = await fake.deliver('payment_intent.succeeded', intentId);
      expect(delivery.status).toBe(200);
      expect(received.at(-1)).toEqual({
        id: delivery.event.id,
        provider: 'stripe',
        type: 'payment.succeeded',
        rawType: 'payment_intent.succeeded',
        intentId,
        orderId,
        amountMinor: 8_000,
        currency: 'EUR',
        createdAt: delivery.event.created * 1000,
        metadata: { orderNumber: 'SB-1001', customerEmail: 'ada@example.com', orderId },
      });
      expect(fake.intents.get(intentId)?.status).toBe('succeeded');
    });

    it('refuses a tampered body, a wrong signature, a missing one and a stale one with 400', async () => {
      const orderId = order();
      const { intentId } = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
      const count = received.length;
      const event = fake.buildEvent('payment_intent.succeeded', intentId, { apply: false });
      const results = [
        await fake.sendWebhook(event, { tamper: true }),
        await fake.sendWebhook(event, { badSignature: true }),
        await fake.sendWebhook(event, { omitSignature: true }),
        await fake.sendWebhook(event, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      ];
      expect(results.map((r) => [r.status, r.responseBody])).toEqual(
        Array(4).fill([400, 'WEBHOOK_SIGNATURE_INVALID']),
      );
      expect(received.length).toBe(count);
      // The untouched event still verifies.
      expect((await fake.sendWebhook(event)).status).toBe(200);
    });

    it('delivers the same event several times with the same id (the route must dedupe by id)', async () => {
      const orderId = order();
      const { intentId } = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
      const delivery = await fake.deliver('payment_intent.succeeded', intentId, { times: 3 });
      expect(delivery.statuses).toEqual([200, 200, 200]);
      expect(received.slice(-3).map((e) => e.id)).toEqual(Array(3).fill(delivery.event.id));
    });

    it('delivers events out of order', async () => {
      const orderId = order();
      const { intentId } = await stripe.createIntent(intentInput(orderId), `order:${orderId}:intent`);
      const failed = fake.buildEvent('payment_intent.payment_failed', intentId, {
        failureCode: 'card_declined',
      });
      const succeeded = fake.buildEvent('payment_intent.succeeded', intentId);
      await fake.sendWebhook(succeeded);
      await fake.sendWebhook(failed);
      const [first, second] = received.slice(-2);
      expect(first).toMatchObject({ type: 'payment.succeeded', intentId });
      expect(second).toMatchObject({ type: 'payment.failed', intentId, failureCode: 'card_declined' });
      // createdAt lets a consumer see that the failure is older than the success.
      expect(second!.createdAt).toBeLessThanOrEqual(first!.createdAt);
    });

    it('sends the webhooks Stripe would after API calls when autoWebhooks is on', async () => {
      fake.autoWebhooks = true;
      try {
        const orderId = order();
        const { intentId } = await stripe.createIntent(
          intentInput(orderId, 9_000),
          `order:${orderId}:intent`,
        );
        await pay(intentId);
        await stripe.refund({ intentId, amountMinor: 4_000 }, `refund:${orderId}`);
        await fake.idle();
        const mine = received.filter((e) => e.intentId === intentId);
        // Two deliveries in flight at once may arrive in either order, as with Stripe.
        expect(mine.map((e) => e.type).sort()).toEqual(['payment.succeeded', 'refund.succeeded']);
        expect(mine.find((e) => e.type === 'refund.succeeded')).toMatchObject({ refundedTotalMinor: 4_000 });
      } finally {
        fake.autoWebhooks = false;
      }
    });
  });

  it('fails fast with PAYMENT_PROVIDER_UNAVAILABLE when the provider cannot be reached', async () => {
    const down = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET });
    const provider = createStripeProvider({
      secretKey: 'sk_test_shoebox',
      webhookSecret: WEBHOOK_SECRET,
      apiBase: down.baseUrl,
    });
    await down.close();
    const started = Date.now();
    const e = await failure(provider.createIntent(intentInput(order()), 'order:down:intent'));
    expect(e.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(e.kind).toBe('external');
    // One retry after a short backoff (0.5-1 s), never the SDK's 80 s timeout.
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
