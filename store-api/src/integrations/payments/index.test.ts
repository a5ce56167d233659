import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../test-support/fake-stripe.ts';
import {
  createPaymentProvider,
  isDemoProvider,
  paymentsConfigSchema,
  resolvePaymentsConfig,
} from './index.ts';

const problems = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

describe('payments configuration', () => {
  const parse = (env: Record<string, string>) => paymentsConfigSchema.parse(env);

  it('runs in demo mode with no Stripe variables (empty ones count as unset)', () => {
    expect(resolvePaymentsConfig(parse({}))).toEqual({ mode: 'demo' });
    expect(resolvePaymentsConfig(parse({ STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: ' ' }))).toEqual({
      mode: 'demo',
    });
  });

  it('runs on Stripe with a key and a webhook secret, optionally against a local API base', () => {
    const env = parse({
      STRIPE_SECRET_KEY: 'sk_test_abc123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
    });
    expect(resolvePaymentsConfig(env, 'test')).toEqual({
      mode: 'stripe',
      secretKey: 'sk_test_abc123',
      webhookSecret: 'whsec_abc123',
      apiBase: 'http://127.0.0.1:12111',
    });
  });

  it('refuses malformed values with readable messages', () => {
    const result = paymentsConfigSchema.safeParse({
      STRIPE_SECRET_KEY: 'pk_test_publishable',
      STRIPE_WEBHOOK_SECRET: 'secret',
      STRIPE_API_BASE: 'http://127.0.0.1:1/v1',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'STRIPE_API_BASE',
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
    ]);
  });

  it('needs both the key and the webhook secret, and real keys in production', () => {
    expect(problems(() => resolvePaymentsConfig(parse({ STRIPE_SECRET_KEY: 'sk_test_1' })))).toBe(
      'Invalid configuration:\n  STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set',
    );
    expect(problems(() => resolvePaymentsConfig(parse({ STRIPE_WEBHOOK_SECRET: 'whsec_1' })))).toMatch(
      /STRIPE_SECRET_KEY: required when STRIPE_WEBHOOK_SECRET is set/,
    );
    expect(problems(() => resolvePaymentsConfig(parse({ STRIPE_API_BASE: 'http://127.0.0.1:9' })))).toMatch(
      /STRIPE_API_BASE: only used with STRIPE_SECRET_KEY/,
    );
    expect(problems(() => resolvePaymentsConfig(parse({}), 'production'))).toMatch(
      /STRIPE_SECRET_KEY: required in production/,
    );
    expect(
      problems(() =>
        resolvePaymentsConfig(
          parse({
            STRIPE_SECRET_KEY: 'sk_live_1',
            STRIPE_WEBHOOK_SECRET: 'whsec_1',
            STRIPE_API_BASE: 'http://x:1',
          }),
        ),
      ),
    ).toMatch(/a live key must not be sent to another server/);
  });

  it('can be merged into the app environment schema', () => {
    const merged = paymentsConfigSchema.extend({}).shape;
    expect(Object.keys(merged)).toEqual(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE']);
  });
});

describe('createPaymentProvider', () => {
  let fake: FakeStripe;
  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: 'whsec_factory' });
  });
  afterAll(() => fake.close());

  it('makes the demo provider in demo mode', () => {
    const provider = createPaymentProvider({ mode: 'demo' });
    expect(provider.name).toBe('demo');
    expect(isDemoProvider(provider)).toBe(true);
  });

  it('makes a Stripe provider that talks to STRIPE_API_BASE', async () => {
    const config = resolvePaymentsConfig(
      paymentsConfigSchema.parse({
        STRIPE_SECRET_KEY: 'sk_test_factory',
        STRIPE_WEBHOOK_SECRET: 'whsec_factory',
        STRIPE_API_BASE: fake.baseUrl,
      }),
    );
    const provider = createPaymentProvider(config);
    expect(provider.name).toBe('stripe');
    expect(isDemoProvider(provider)).toBe(false);
    const created = await provider.createIntent(
      { orderId: 'o-1', amountMinor: 1_000, currency: 'GBP' },
      'order:o-1:intent',
    );
    expect(fake.intents.get(created.intentId)).toMatchObject({
      amount: 1_000,
      currency: 'gbp',
      metadata: { orderId: 'o-1' },
    });
  });
});
