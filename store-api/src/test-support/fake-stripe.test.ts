import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, parseStripeForm, startFakeStripe } from './fake-stripe.ts';

const SECRET = 'whsec_fake_self_test';

describe('fake Stripe server', () => {
  let fake: FakeStripe;
  let stripe: Stripe;
  const raw = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    fetch(`${fake.baseUrl}${path}`, {
      method,
      headers: {
        authorization: 'Bearer sk_test_raw',
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      ...(body !== undefined ? { body } : {}),
    }).then(async (res) => ({ status: res.status, headers: res.headers, body: (await res.json()) as any }));

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: SECRET });
    stripe = new Stripe('sk_test_self', {
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterAll(() => fake.close());

  it('signs webhooks exactly as the Stripe SDK expects', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' }, null, 2);
    const timestamp = 1_780_000_000;
    expect(fake.signatureHeader(payload, timestamp)).toBe(
      Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp }),
    );
    expect(() =>
      Stripe.webhooks.constructEvent(payload, fake.signatureHeader(payload), SECRET),
    ).not.toThrow();
  });

  it('decodes the bracket form encoding the SDK sends', () => {
    expect(
      parseStripeForm(
        'amount=100&currency=eur&metadata[orderId]=o%201&metadata%5Bnote%5D=a+b&automatic_payment_methods[enabled]=true&expand[0]=latest_charge&expand[1]=customer&types[]=card',
      ),
    ).toEqual({
      amount: '100',
      currency: 'eur',
      metadata: { orderId: 'o 1', note: 'a b' },
      automatic_payment_methods: { enabled: 'true' },
      expand: ['latest_charge', 'customer'],
      types: ['card'],
    });
    expect(() => parseStripeForm('__proto__[x]=1')).toThrow();
  });

  it('answers with objects shaped like Stripe', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 4_200,
      currency: 'eur',
      automatic_payment_methods: { enabled: true },
      metadata: { orderId: 'o-1' },
    });
    expect(pi).toMatchObject({
      id: expect.stringMatching(/^pi_\w{24}$/),
      object: 'payment_intent',
      amount: 4_200,
      amount_received: 0,
      currency: 'eur',
      status: 'requires_payment_method',
      client_secret: expect.stringMatching(new RegExp(`^${pi.id}_secret_\\w+$`)),
      metadata: { orderId: 'o-1' },
      livemode: false,
      latest_charge: null,
      automatic_payment_methods: { enabled: true },
    });
    expect(pi.created).toBeCloseTo(Date.now() / 1000, -1);
    expect(pi.lastResponse.requestId).toMatch(/^req_/);

    const paid = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    expect(paid).toMatchObject({
      status: 'succeeded',
      amount_received: 4_200,
      latest_charge: expect.stringMatching(/^ch_/),
    });
    const charge = await stripe.charges.retrieve(paid.latest_charge as string);
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 4_200,
      amount_refunded: 0,
      payment_intent: pi.id,
    });

    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 200 });
    expect(refund).toMatchObject({
      object: 'refund',
      amount: 200,
      status: 'succeeded',
      payment_intent: pi.id,
      charge: charge.id,
    });
    expect(await stripe.refunds.retrieve(refund.id)).toEqual(
      expect.objectContaining({ id: refund.id, amount: 200 }),
    );
  });

  it('declines pm_card_chargeDeclined with a 402 card error and keeps the intent payable', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1_000, currency: 'eur' });
    const error = await stripe.paymentIntents
      .confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    expect(fake.intents.get(pi.id)).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { type: 'card_error', code: 'card_declined' },
    });
  });

  it('refuses what Stripe refuses, in Stripe error shape', async () => {
    const noKey = await raw('GET', '/v1/payment_intents/pi_x', undefined, { authorization: '' });
    expect(noKey.status).toBe(401);
    expect(noKey.body.error.type).toBe('invalid_request_error');

    const unknownParam = await raw('POST', '/v1/payment_intents', 'amount=100&currency=eur&colour=red');
    expect(unknownParam).toMatchObject({
      status: 400,
      body: { error: { type: 'invalid_request_error', code: 'parameter_unknown', param: 'colour' } },
    });
    const missing = await raw('POST', '/v1/payment_intents', 'currency=eur');
    expect(missing.body.error).toMatchObject({ code: 'parameter_missing', param: 'amount' });
    const small = await raw('POST', '/v1/payment_intents', 'amount=10&currency=eur');
    expect(small.body.error).toMatchObject({ code: 'amount_too_small' });
    const notFound = await raw('GET', '/v1/payment_intents/pi_nope');
    expect(notFound).toMatchObject({ status: 404, body: { error: { code: 'resource_missing' } } });
    const route = await raw('POST', '/v1/customers', 'email=a@b.c');
    expect(route.status).toBe(404);
  });

  it('keeps idempotency keys like Stripe: replay, other parameters, other endpoint', async () => {
    const headers = { 'idempotency-key': 'self-test-key' };
    const first = await raw('POST', '/v1/payment_intents', 'amount=700&currency=eur', headers);
    // Same parameters in another order are the same request.
    const replay = await raw('POST', '/v1/payment_intents', 'currency=eur&amount=700', headers);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const changed = await raw('POST', '/v1/payment_intents', 'amount=701&currency=eur', headers);
    expect(changed).toMatchObject({ status: 400, body: { error: { type: 'idempotency_error' } } });
    const elsewhere = await raw('POST', '/v1/refunds', `payment_intent=${first.body.id}`, headers);
    expect(elsewhere.body.error.message).toMatch(/same endpoint/);
  });

  it('injects faults for the next requests', async () => {
    fake.failNext(1, { status: 503, type: 'api_error', shouldRetry: false });
    const failed = await raw('GET', '/v1/payment_intents/pi_x');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('stripe-should-retry')).toBe('false');
    fake.failNext(1, 'network');
    await expect(raw('GET', '/v1/payment_intents/pi_x')).rejects.toThrow();
    expect((await raw('GET', '/v1/payment_intents/pi_x')).status).toBe(404);
  });

  it('reports status 0 when the webhook receiver is down, and needs a webhookUrl', async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1_000, currency: 'eur' });
    const event = fake.buildEvent('payment_intent.succeeded', pi.id, { apply: false });
    await expect(fake.sendWebhook(event)).rejects.toThrow(/webhookUrl/);
    const delivery = await fake.sendWebhook(event, { url: 'http://127.0.0.1:1/webhooks' });
    expect(delivery.statuses).toEqual([0]);
    // apply: false leaves the fake's state alone.
    expect(fake.intents.get(pi.id)?.status).toBe('requires_payment_method');
  });
});
